"""Compile each distinct jinja2 template once per process while folium renders a map.

branca wraps every rendered element's header, HTML and script in a new `Element(text)`, and
`Element.__init__` compiles that text as a jinja2 template — about 300 compilations, ≈ 200 ms,
each time streamlit-folium renders a map, on every rerun, although the map's text is the same
every time (the builder makes it deterministic). Compiled templates are immutable, so handing
out one per distinct text is safe; the cache is bounded.
"""

from __future__ import annotations

from functools import lru_cache

import branca.element
import jinja2

_ORIGINAL = branca.element.Template


@lru_cache(maxsize=4096)
def _compiled(source: str) -> jinja2.Template:
    return _ORIGINAL(source)


def cached_template(source: str, *args: object, **kwargs: object) -> jinja2.Template:
    if args or kwargs or not isinstance(source, str):
        return _ORIGINAL(source, *args, **kwargs)
    return _compiled(source)


def install() -> None:
    """Make branca's Element compile through the cache (idempotent)."""
    branca.element.Template = cached_template  # type: ignore[assignment, misc]
