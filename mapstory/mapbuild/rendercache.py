"""Stop branca from reading already-rendered map text as a jinja2 template.

branca wraps every rendered element's header, HTML and script in a new `Element(text)`, and
`Element.__init__` compiles that text as a jinja2 template, which the figure then renders a
second time. That second pass is wrong twice over:

- It is a template injection. The rendered text holds the article's words and names (escaped
  for HTML and JavaScript, which leaves `{{`, `{%` and `{#` alone): a stranger's "{{ 7*7 }}"
  would be evaluated on the server, and a lone "{#" makes the whole map fail to render.
- It is slow: every mark's popup is distinct text, so a 1,000-mark story compiled ~11,000
  templates (≈ 9 s) to get back the text it started with.

So text handed to `Element` is kept as it is. The one template branca itself builds at run
time (a `Div`'s child loop) is still compiled; every other template of branca and folium is
compiled when its class is defined, not here. Text is emitted exactly as jinja2 emits text
without tags — line endings made "\\n", one trailing newline dropped — so maps render the
same bytes as before for every text that has no tags.
"""

from __future__ import annotations

import re
from functools import lru_cache

import branca.element
import jinja2

_ORIGINAL = branca.element.Template

# branca.element.Div builds this template in __init__: the only run-time template it has.
_RUNTIME_TEMPLATES = frozenset(
    {"{% for name, element in this._children.items() %}{{element.render(**kwargs)}}{% endfor %}"}
)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class VerbatimText:
    """Stands in for a compiled template whose text is final: rendering returns the text."""

    __slots__ = ("text",)

    def __init__(self, source: str) -> None:
        lines = _LINE_BREAK.split(source)
        if lines[-1] == "":
            del lines[-1]
        self.text = "\n".join(lines)

    def render(self, *args: object, **kwargs: object) -> str:
        return self.text


@lru_cache(maxsize=64)
def _compiled(source: str) -> jinja2.Template:
    return _ORIGINAL(source)


def element_template(source: str, *args: object, **kwargs: object) -> jinja2.Template:
    """What `branca.element.Element(text)` compiles its text with, once installed."""
    if args or kwargs or not isinstance(source, str):
        return _ORIGINAL(source, *args, **kwargs)
    if source in _RUNTIME_TEMPLATES:
        return _compiled(source)
    return VerbatimText(source)  # type: ignore[return-value]


def install() -> None:
    """Make branca's Element keep its text verbatim (idempotent)."""
    branca.element.Template = element_template  # type: ignore[assignment, misc]
