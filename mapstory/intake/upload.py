"""Uploaded files: the content decides what a file is; its name is only a hint.

Browsers and users name files carelessly (a saved page called ``article.txt``, a PDF renamed
to ``.docx``), and a wrong guess either pollutes the text with markup or feeds binary junk to
a parser. So the bytes are sniffed: zip archives with ``word/document.xml`` are Word files,
known binary signatures are refused by name, markup near the start is HTML, and the rest must
be UTF-8 (or BOM-marked UTF-16/32) text or Markdown.
"""

from __future__ import annotations

import io
import zipfile

from mapstory.intake.base import Intake, IntakeError, IntakeLimits, human_size
from mapstory.intake.html import declared_charset, extract_html, looks_like_html
from mapstory.intake.text import (
    bom_encoding,
    decode_text,
    looks_like_markdown,
    markdown_title,
    text_intake,
)
from mapstory.intake.wordfile import read_docx
from mapstory.messages import text

__all__ = ["read_upload", "sniff_binary"]

# (signature, offset, what it is, advice) for files people might plausibly try to upload, as
# catalogue keys: they are looked up when a file is refused, in that reader's language.
_PASTE = "intake.advice.paste"
_SIGNATURES: tuple[tuple[bytes, int, str, str | None], ...] = (
    (b"%PDF-", 0, "intake.binary.pdf", _PASTE),
    (b"\x89PNG\r\n\x1a\n", 0, "intake.binary.png", None),
    (b"\xff\xd8\xff", 0, "intake.binary.jpeg", None),
    (b"GIF87a", 0, "intake.binary.gif", None),
    (b"GIF89a", 0, "intake.binary.gif", None),
    (b"II*\x00", 0, "intake.binary.tiff", None),
    (b"MM\x00*", 0, "intake.binary.tiff", None),
    (b"WEBP", 8, "intake.binary.webp", None),
    (b"ftyp", 4, "intake.binary.video_or_heic", None),
    (b"ID3", 0, "intake.binary.mp3", None),
    (b"OggS", 0, "intake.binary.ogg", None),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        0,
        "intake.binary.old_office",
        "intake.advice.save_docx",
    ),
    (b"{\\rtf", 0, "intake.binary.rtf", "intake.advice.save_docx_or_text"),
    (b"\x1f\x8b", 0, "intake.binary.gzip", None),
    (b"7z\xbc\xaf\x27\x1c", 0, "intake.binary.7zip", None),
    (b"Rar!\x1a\x07", 0, "intake.binary.rar", None),
    (b"\x7fELF", 0, "intake.binary.program", None),
    (b"SQLite format 3\x00", 0, "intake.binary.sqlite", None),
    (b"wOFF", 0, "intake.binary.web_font", None),
    (b"wOF2", 0, "intake.binary.web_font", None),
)

# (member that gives the kind away, catalogue key of what the archive is)
_ZIP_KINDS = (
    ("xl/workbook.xml", "intake.zip.xlsx"),
    ("ppt/presentation.xml", "intake.zip.pptx"),
    ("content.xml", "intake.zip.opendocument"),
    ("META-INF/container.xml", "intake.zip.epub"),
)


def sniff_binary(data: bytes) -> tuple[str, str] | None:
    """(what a known binary file is, advice) for a rejection message, in the reader's
    language; None if unrecognised."""
    for signature, offset, label_key, advice_key in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            return text(label_key), text(advice_key) if advice_key else ""
    return None


def read_upload(filename: str, data: bytes, limits: IntakeLimits | None = None) -> Intake:
    """An uploaded file → article text, by what its bytes are, within the size limits."""
    limits = limits or IntakeLimits()
    base = _base_name(filename)
    name = text("intake.file.named", name=base) if base else text("intake.file.unnamed")
    if not isinstance(data, bytes | bytearray | memoryview):
        raise IntakeError(text("intake.file.no_content", name=name))
    if len(data) > limits.max_upload_bytes:
        raise IntakeError(
            text(
                "intake.file.too_big",
                name=name,
                size=human_size(len(data)),
                limit=human_size(limits.max_upload_bytes),
            )
        )
    try:
        return _read(name, base or text("intake.file.source_unnamed"), bytes(data), limits)
    except IntakeError:
        raise
    except Exception as exc:
        raise IntakeError(text("intake.file.internal", name=name)) from exc


def _base_name(filename: str) -> str:
    """The file's own name, printable and short: browsers may send a path, and the name is
    shown back to the user."""
    base = str(filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in base if ch.isprintable()).strip()[:120]


def _read(name: str, source: str, data: bytes, limits: IntakeLimits) -> Intake:
    """*name* is how messages refer to the file, *source* its (clean) file name."""
    if not data.strip():
        raise IntakeError(text("intake.empty", what=name))
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _read_zip(name, source, data, limits)
    binary = sniff_binary(data)
    if binary:
        label, advice = binary
        raise IntakeError(text("intake.file.binary", name=name, what=label, advice=advice))
    bom = bom_encoding(data)
    if bom is None and b"\x00" in data[:65536]:
        raise IntakeError(text("intake.file.nul_bytes", name=name))
    warnings: list[str] = []
    if looks_like_html(data):
        return extract_html(
            _decode_html(name, data, warnings),
            source=source,
            kind="html",
            limits=limits,
            warnings=warnings,
        )
    decoded = decode_text(data, name, warnings)
    if looks_like_markdown(decoded, source):
        return text_intake(
            decoded,
            source=source,
            kind="markdown",
            limits=limits,
            warnings=warnings,
            title=markdown_title(decoded),
            markdown=True,
        )
    return text_intake(decoded, source=source, kind="text", limits=limits, warnings=warnings)


def _read_zip(name: str, source: str, data: bytes, limits: IntakeLimits) -> Intake:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
        # RuntimeError covers encrypted members and NotImplementedError unknown zip versions.
        raise IntakeError(text("intake.file.damaged_zip", name=name)) from exc
    if "word/document.xml" in names:
        return read_docx(data, source=source, name=name, limits=limits)
    for member, kind_key in _ZIP_KINDS:
        if member in names:
            raise IntakeError(text("intake.file.zip_kind", name=name, what=text(kind_key)))
    raise IntakeError(text("intake.file.other_zip", name=name))


def _decode_html(name: str, data: bytes, warnings: list[str]) -> str:
    """A BOM wins, then a ``<meta charset>``, then UTF-8 — as browsers decide for files.

    Saved web pages keep the encoding their site used, so a declared charset is honoured
    here (unlike plain text, where there is nothing to say what the bytes mean).
    """
    if bom_encoding(data) is None:
        codec = declared_charset(data)
        if codec and codec != "utf-8":
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise IntakeError(
                    text("intake.file.declared_charset", name=name, codec=codec)
                ) from exc
    return decode_text(data, name, warnings)
