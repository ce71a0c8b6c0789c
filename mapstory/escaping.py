"""Make untrusted text safe for the places mapstory puts it: HTML inside JavaScript.

Article text, place and actor names come from strangers once a link is shared. folium writes
popup and tooltip HTML into JavaScript template literals, where `${…}` executes even after
ordinary HTML escaping, so escaping for HTML is not enough: backslash, backtick and dollar are
turned into character references too. Markup is then built only from escaped parts.
"""

from __future__ import annotations

import html
import re

_JS_TEMPLATE = str.maketrans({"\\": "&#92;", "`": "&#96;", "$": "&#36;"})


def html_text(value: object) -> str:
    """Escape `value` for HTML text or attribute content that may sit inside a JS template."""
    return html.escape(str(value), quote=True).translate(_JS_TEMPLATE)


# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all
# is simpler and safer than knowing which ones Streamlit's markdown (and its LaTeX) reads.
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_text(value: object) -> str:
    """Escape `value` so Streamlit markdown (st.error, st.warning…) shows it literally.

    Names and error messages quote the article ("$5bn", "*Nato*", "[link](…)"); unescaped,
    Streamlit would render LaTeX, emphasis or links out of a stranger's words.
    """
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(str(value).split()))


def css_ident(value: str) -> str:
    """A class-name-safe token derived from an identifier (ids are already [a-z0-9_-])."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in value)
