"""Pasted text, plain-text and Markdown files: decoding and cleaning.

Markdown is cleaned with regular expressions on purpose: it is a line-based text format, and
what must go is exactly its punctuation (link targets, image syntax, heading marks, emphasis)
— URLs and asterisks would otherwise reach the geoparser as words. HTML is never handled here.
"""

from __future__ import annotations

import codecs
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

__all__ = ["clean_markdown", "decode_text", "looks_like_markdown", "read_text", "text_intake"]

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", None),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def bom_encoding(data: bytes) -> tuple[str, str | None] | None:
    """(codec, label worth a warning) when *data* starts with a Unicode byte-order mark."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return codec, label
    return None


def decode_text(data: bytes, name: str, warnings: list[str]) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16/32; anything else is refused.

    Guessing legacy encodings (Latin-1, Windows-1252, GBK…) silently garbles place names,
    and a garbled name is worse than a clear request to re-save the file as UTF-8.
    """
    found = bom_encoding(data)
    codec, label = found if found else ("utf-8", None)
    try:
        decoded = data.decode(codec)
    except UnicodeDecodeError as exc:
        if found and label:
            raise IntakeError(text("intake.bom_invalid", name=name, encoding=label)) from exc
        raise IntakeError(text("intake.not_utf8", name=name, offset=number(exc.start))) from exc
    if label:
        warnings.append(text("intake.decoded_from", name=name, encoding=label))
    return decoded


def text_intake(
    body: str,
    *,
    source: str,
    kind: str,
    limits: IntakeLimits,
    warnings: list[str] | None = None,
    title: str | None = None,
    markdown: bool = False,
    what: str | None = None,
) -> Intake:
    """Clean *body* (and its Markdown, if *markdown*) and wrap it; refuse it empty or too long.

    *what* is how messages name the text (default: its *source*).
    """
    warnings = list(warnings or ())
    what = what or source
    check_length(body, limits, what)
    cleaned, dropped = clean_text(body)
    if markdown:
        cleaned, _ = clean_text(clean_markdown(cleaned))
    if not cleaned:
        raise IntakeError(text("intake.empty", what=what))
    if dropped:
        warnings.append(removed_controls(dropped))
    return Intake(
        text=cleaned,
        title=title,
        published=published_in_text(cleaned),
        source=source,
        kind=kind,
        warnings=tuple(warnings),
    )


def read_text(pasted: str, limits: IntakeLimits | None = None) -> Intake:
    """Pasted article text, cleaned; refused when empty or longer than the limit.

    Its source reads "pasted text" in the reader's language.
    """
    limits = limits or IntakeLimits()
    if not isinstance(pasted, str):
        raise IntakeError(text("intake.pasted.not_text"))
    try:
        return text_intake(
            pasted,
            source=text("intake.pasted.source"),
            kind="text",
            limits=limits,
            what=text("intake.pasted.what"),
        )
    except IntakeError:
        raise
    except Exception as exc:
        raise IntakeError(text("intake.pasted.internal")) from exc


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------

_MD_SIGNALS = (
    re.compile(r"^#{1,6}[ \t]+\S", re.M),  # ATX heading
    re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"),  # inline link or image
    re.compile(r"^\[[^\]\n]+\]:[ \t]*\S+", re.M),  # reference definition
    re.compile(r"(\*\*|__)(?=\S).+?(?<=\S)\1"),  # strong emphasis
    re.compile(r"^(```|~~~)", re.M),  # code fence
)
_MD_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")


def looks_like_markdown(body: str, filename: str = "") -> bool:
    """Markdown if the name says so or the text uses unmistakable Markdown syntax.

    The name is only a hint: a ``.txt`` full of ``[links](https://…)`` is cleaned too,
    because its URLs would pollute geoparsing just the same.
    """
    if filename.lower().endswith(_MD_EXTENSIONS):
        return True
    sample = body[:200_000]
    return any(pattern.search(sample) for pattern in _MD_SIGNALS)


_FENCE = re.compile(r"^[ \t]*(```|~~~).*$\n?", re.M)
_HTML_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S+.*$\n?", re.M)
_FOOTNOTE_DEF = re.compile(r"^[ \t]{0,3}\[\^[^\]\n]+\]:[ \t]*", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\n]+\]")
# Link targets may hold one level of parentheses, as Wikipedia's ".../Moscow_(city)" do.
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_IMAGE = re.compile(r"!\[([^\]\n]*)\]" + _TARGET)
_IMAGE_REF = re.compile(r"!\[([^\]\n]*)\]\[[^\]\n]*\]")
_LINK = re.compile(r"\[([^\]\n]*)\]" + _TARGET)
_LINK_REF = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>", re.I)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-{2,})[ \t]*$\n?", re.M)
_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$\n?", re.M)
_TABLE_RULE = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$\n?", re.M
)
_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}(>[ \t]?)+", re.M)
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.M)
_STRONG = re.compile(r"(?<!\\)(\*\*|__)(?=\S)(.+?)(?<=[^\s\\])\1")
_EMPHASIS_STAR = re.compile(r"(?<![\w*\\])\*(?=\S)(.+?)(?<=[^\s\\])\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_\\])_(?=\S)(.+?)(?<=[^\s\\])_(?![\w_])")
_STRIKE = re.compile(r"(?<!\\)~~(?=\S)(.+?)(?<=[^\s\\])~~")
_CODE = re.compile(r"(`+)(.+?)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_TABLE_PIPES = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.M)


def clean_markdown(body: str) -> str:
    """Markdown → its words: link targets, images' URLs, heading marks, emphasis gone.

    Link and image *words* stay (link text, alt text): they are part of what the author
    wrote. Tables keep their cells, separated by tabs.
    """
    body = _HTML_BLOCK.sub("", body)
    body = _HTML_COMMENT.sub("", body)
    body = _FENCE.sub("", body)
    body = _REF_DEF.sub("", body)
    body = _FOOTNOTE_DEF.sub("", body)
    body = _TABLE_RULE.sub("", body)
    body = _TABLE_PIPES.sub(lambda m: "\t".join(c.strip() for c in m.group(1).split("|")), body)
    body = _RULE.sub("", body)
    body = _SETEXT.sub("", body)
    body = _HEADING.sub(r"\1", body)
    body = _BLOCKQUOTE.sub("", body)
    body = _BULLET.sub(r"\1", body)
    body = _IMAGE.sub(r"\1", body)
    body = _IMAGE_REF.sub(r"\1", body)
    body = _LINK.sub(r"\1", body)
    body = _LINK_REF.sub(r"\1", body)
    body = _FOOTNOTE_REF.sub("", body)
    body = _AUTOLINK.sub("", body)
    body = _HTML_TAG.sub("", body)
    body = _CODE.sub(r"\2", body)
    for _ in range(2):  # nested emphasis such as ***both***
        body = _STRONG.sub(r"\2", body)
        body = _EMPHASIS_STAR.sub(r"\1", body)
        body = _EMPHASIS_UNDERSCORE.sub(r"\1", body)
    body = _STRIKE.sub(r"\1", body)
    body = _ESCAPE.sub(r"\1", body)
    return re.sub(r"\n{3,}", "\n\n", body)


def markdown_title(body: str) -> str | None:
    """The first level-one (or, failing that, any) heading: how Markdown articles name
    themselves."""
    sample = body[:20_000]
    match = re.search(r"^[ \t]{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", sample, re.M)
    match = match or _HEADING.search(sample)
    if not match:
        return None
    title, _ = clean_text(clean_markdown(match.group(1)))
    return title or None
