"""Make untrusted text safe for the places mapstory puts it: HTML inside JavaScript.

Article text, place and actor names come from strangers once a link is shared. folium writes
popup and tooltip HTML into JavaScript template literals, where `${…}` executes even after
ordinary HTML escaping, so escaping for HTML is not enough: backslash, backtick and dollar are
turned into character references too. Markup is then built only from escaped parts.
"""

from __future__ import annotations

import html

_JS_TEMPLATE = str.maketrans({"\\": "&#92;", "`": "&#96;", "$": "&#36;"})


def html_text(value: object) -> str:
    """Escape `value` for HTML text or attribute content that may sit inside a JS template."""
    return html.escape(str(value), quote=True).translate(_JS_TEMPLATE)


def css_ident(value: str) -> str:
    """A class-name-safe token derived from an identifier (ids are already [a-z0-9_-])."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in value)
