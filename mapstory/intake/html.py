"""HTML → the article's main text and metadata, through trafilatura.

Boilerplate (navigation, footers, cookie banners, related links) is full of place names that
are not the story's; trafilatura's main-content extraction keeps them out, and it parses
the page with lxml, so script and style contents never become text.
"""

from __future__ import annotations

import codecs
import datetime
import re

from mapstory.intake.base import (
    Intake,
    IntakeError,
    IntakeLimits,
    check_length,
    clean_text,
    removed_controls,
)
from mapstory.intake.dateline import published_in_text
from mapstory.messages import number, text

__all__ = ["declared_charset", "extract_html", "looks_like_html"]

_HTML_START = re.compile(
    rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|p|div|"
    rb"article|section|main|header|h[1-6]|table|span|a|br|img|ul|ol|script|style|link)[\s>/]",
    re.I | re.S,
)
_HTML_ANYWHERE = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)
_DOCUMENT_TAG = re.compile(r"<(?:html|body)[\s>]", re.I)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
    re.I,
)


def looks_like_html(data: bytes) -> bool:
    """HTML if markup opens the file or a document-level tag appears near its start.

    Only the first 2 kB are looked at (after any BOM, in an ASCII-compatible view): a text
    that merely quotes a ``<p>`` deep inside is still text.
    """
    head = _ascii_view(data[:4096])[:2048]
    return bool(_HTML_START.match(head) or _HTML_ANYWHERE.search(head))


def _ascii_view(data: bytes) -> bytes:
    """The bytes as ASCII-compatible: UTF-16/32 are transcoded, others kept as they are."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            usable = len(data) - (len(data) - len(bom)) % (4 if "32" in codec else 2)
            return data[:usable].decode(codec, "ignore").encode("utf-8", "replace")
    return data.removeprefix(codecs.BOM_UTF8)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag within its first 4 kB, if valid."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    codec = known_codec(match.group(1).decode("ascii", "ignore"))
    # A page that could be read far enough to find this tag is not UTF-16/32, whatever it
    # says; browsers read such pages as UTF-8 (WHATWG "prescan"), and so do we.
    if codec and codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return codec


def known_codec(name: str | None) -> str | None:
    """Python's codec name for a charset label, or None for unknown/unsafe labels."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    # Browsers treat these labels as windows-1252 (WHATWG Encoding), and so do we.
    if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"):
        label = "cp1252"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    # UTF-7 and the like can smuggle markup past sniffing; pages never legitimately use them.
    if info.name in ("utf-7", "rot-13") or not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def extract_html(
    html: str,
    *,
    source: str,
    kind: str,
    limits: IntakeLimits,
    url: str | None = None,
    warnings: list[str] | None = None,
) -> Intake:
    """The main text, title and publication date of an HTML document."""
    import trafilatura  # deferred: ~0.25 s to import, and most sessions never need it

    if not _DOCUMENT_TAG.search(html[:4096]):
        # A fragment (say "<p>…</p>" copied from a page): trafilatura wants a whole document.
        html = f"<html><body>{html}</body></html>"
    volume = _text_volume(html)
    if volume > _VOLUME_FACTOR * limits.max_text_chars:
        raise IntakeError(
            text(
                "intake.html.too_much",
                source=source,
                volume=number(volume),
                limit=number(limits.max_text_chars),
            )
        )
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        # Dates only from the page's markup and metadata: a date guessed from the running
        # text would be presented to the user as the publication date.
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": datetime.date.today().isoformat(),
        },
    )
    raw_text = getattr(document, "text", None) if document is not None else None
    article, dropped = clean_text(raw_text or "")
    if not article:
        raise IntakeError(text("intake.html.no_text", source=source))
    check_length(article, limits, text("intake.html.article_text", source=source))
    title, _ = clean_text(getattr(document, "title", None) or "")
    warnings = list(warnings or ())
    if dropped:
        warnings.append(removed_controls(dropped))
    return Intake(
        text=article,
        title=title or None,
        published=_parse_date(getattr(document, "date", None)) or published_in_text(article),
        source=source,
        kind=kind,
        warnings=tuple(warnings),
    )


#: How much more text than an article may have a page may hold in all (navigation, comments…).
_VOLUME_FACTOR = 2


def _text_volume(html: str) -> int:
    """Characters of text outside scripts and styles, counted on a quick lxml parse.

    trafilatura needs a few seconds per megabyte of text, in the thread serving the visitor;
    a page with far more text than the article limit cannot yield an acceptable article, so
    it is refused before that work rather than after.
    """
    import lxml.html  # trafilatura's own parser; deferred like trafilatura

    try:
        tree = lxml.html.document_fromstring(
            html.encode("utf-8", "replace"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (ValueError, lxml.etree.ParserError):
        return 0  # nothing parseable; trafilatura will find no text and say so
    total = 0
    for element in tree.iter():
        if element.tag not in ("script", "style") and isinstance(element.tag, str):
            total += len(element.text or "")
        total += len(element.tail or "")
    return total


def _parse_date(value: object) -> datetime.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
