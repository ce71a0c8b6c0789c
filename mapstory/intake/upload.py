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

__all__ = ["read_upload", "sniff_binary"]

# (signature, offset, what it is, advice) for files people might plausibly try to upload.
_PASTE = "; copy its text and paste it instead"
_SIGNATURES: tuple[tuple[bytes, int, str, str], ...] = (
    (b"%PDF-", 0, "a PDF document", _PASTE),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image", ""),
    (b"\xff\xd8\xff", 0, "a JPEG image", ""),
    (b"GIF87a", 0, "a GIF image", ""),
    (b"GIF89a", 0, "a GIF image", ""),
    (b"II*\x00", 0, "a TIFF image", ""),
    (b"MM\x00*", 0, "a TIFF image", ""),
    (b"WEBP", 8, "a WebP image", ""),
    (b"ftyp", 4, "a video or HEIC image", ""),
    (b"ID3", 0, "an MP3 audio file", ""),
    (b"OggS", 0, "an Ogg audio or video file", ""),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old-style Office file", "; save it as .docx"),
    (b"{\\rtf", 0, "an RTF document", "; save it as .docx or plain text"),
    (b"\x1f\x8b", 0, "a gzip archive", ""),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive", ""),
    (b"Rar!\x1a\x07", 0, "a RAR archive", ""),
    (b"\x7fELF", 0, "a program", ""),
    (b"SQLite format 3\x00", 0, "an SQLite database", ""),
    (b"wOFF", 0, "a web font", ""),
    (b"wOF2", 0, "a web font", ""),
)

_ZIP_KINDS = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx), not a Word document"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx), not a Word document"),
    ("content.xml", "an OpenDocument file; save it as .docx"),
    ("META-INF/container.xml", "an EPUB e-book, not a Word document"),
)


def sniff_binary(data: bytes) -> tuple[str, str] | None:
    """(what a known binary file is, advice) for a rejection message; None if unrecognised."""
    for signature, offset, label, advice in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            return label, advice
    return None


def read_upload(filename: str, data: bytes, limits: IntakeLimits | None = None) -> Intake:
    """An uploaded file → article text, by what its bytes are, within the size limits."""
    limits = limits or IntakeLimits()
    base = _base_name(filename)
    name = f"The file '{base}'" if base else "The uploaded file"
    if not isinstance(data, bytes | bytearray | memoryview):
        raise IntakeError(f"{name} could not be read: no file content was received.")
    if len(data) > limits.max_upload_bytes:
        raise IntakeError(
            f"{name} is {human_size(len(data))}; the upload limit is "
            f"{human_size(limits.max_upload_bytes)}."
        )
    try:
        return _read(name, base or "upload", bytes(data), limits)
    except IntakeError:
        raise
    except Exception as exc:
        raise IntakeError(f"{name} could not be read because of an internal error.") from exc


def _base_name(filename: str) -> str:
    """The file's own name, printable and short: browsers may send a path, and the name is
    shown back to the user."""
    base = str(filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in base if ch.isprintable()).strip()[:120]


def _read(name: str, source: str, data: bytes, limits: IntakeLimits) -> Intake:
    """*name* is how messages refer to the file, *source* its (clean) file name."""
    if not data.strip():
        raise IntakeError(f"{name} is empty: there is no text to read.")
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _read_zip(name, source, data, limits)
    binary = sniff_binary(data)
    if binary:
        label, advice = binary
        raise IntakeError(f"{name} is {label}, which mapstory cannot read{advice}.")
    bom = bom_encoding(data)
    if bom is None and b"\x00" in data[:65536]:
        raise IntakeError(
            f"{name} contains binary data (NUL bytes), not text; upload a text, Markdown, "
            "HTML or Word (.docx) file."
        )
    warnings: list[str] = []
    if looks_like_html(data):
        return extract_html(
            _decode_html(name, data, warnings),
            source=source,
            kind="html",
            limits=limits,
            warnings=warnings,
        )
    text = decode_text(data, name, warnings)
    if looks_like_markdown(text, source):
        return text_intake(
            text,
            source=source,
            kind="markdown",
            limits=limits,
            warnings=warnings,
            title=markdown_title(text),
            markdown=True,
        )
    return text_intake(text, source=source, kind="text", limits=limits, warnings=warnings)


def _read_zip(name: str, source: str, data: bytes, limits: IntakeLimits) -> Intake:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
        # RuntimeError covers encrypted members and NotImplementedError unknown zip versions.
        raise IntakeError(f"{name} is a damaged zip archive, not a readable document.") from exc
    if "word/document.xml" in names:
        return read_docx(data, source=source, name=name, limits=limits)
    for member, label in _ZIP_KINDS:
        if member in names:
            raise IntakeError(f"{name} is {label}.")
    raise IntakeError(f"{name} is a zip archive, not a Word document or text.")


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
                raise IntakeError(f"{name} is not valid {codec} text as it declares.") from exc
    return decode_text(data, name, warnings)
