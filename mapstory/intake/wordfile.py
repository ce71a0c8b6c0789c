"""Word (.docx) files: a zip-bomb guard first, then python-docx paragraphs and tables.

A .docx is a zip archive, and a few kilobytes of zip can declare gigabytes of XML. The guard
reads only the archive's directory (declared sizes and compression ratios) before anything is
decompressed; Python's zipfile never yields more than a member's declared size, so a lying
header cannot get past it either.
"""

from __future__ import annotations

import io
import zipfile

from mapstory.intake.base import (
    Intake,
    IntakeError,
    IntakeLimits,
    check_length,
    clean_text,
    human_size,
    removed_controls,
)
from mapstory.intake.dateline import published_in_text
from mapstory.messages import number, text

__all__ = ["MAX_COMPRESSION_RATIO", "guard_zip", "read_docx"]

#: Real Word XML compresses 5–30×; hundreds or thousands× is a bomb, not a document.
MAX_COMPRESSION_RATIO = 200
#: Members smaller than this cannot hurt whatever their ratio (the total cap still applies).
_RATIO_CHECK_FROM = 1_000_000
_MAX_MEMBERS = 10_000


def guard_zip(data: bytes, name: str, limits: IntakeLimits) -> zipfile.ZipFile:
    """Open *data* as a zip and refuse it if expanding it could exhaust memory."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        RuntimeError,  # encrypted members; NotImplementedError for unknown zip versions
    ) as exc:
        raise IntakeError(text("intake.docx.damaged", name=name)) from exc
    if len(members) > _MAX_MEMBERS:
        raise IntakeError(text("intake.docx.too_many_files", name=name, count=number(len(members))))
    total = sum(member.file_size for member in members)
    if total > limits.max_docx_uncompressed_bytes:
        raise IntakeError(
            text(
                "intake.docx.too_big",
                name=name,
                size=human_size(total),
                limit=human_size(limits.max_docx_uncompressed_bytes),
            )
        )
    for member in members:
        if member.file_size < _RATIO_CHECK_FROM:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > MAX_COMPRESSION_RATIO:
            raise IntakeError(text("intake.docx.bomb", name=name, ratio=number(ratio)))
    return archive


def read_docx(data: bytes, *, source: str, name: str, limits: IntakeLimits) -> Intake:
    """Paragraphs and table cells in document order, one per line.

    *source* is the file name shown with the result, *name* how messages refer to the file.
    """
    guard_zip(data, name, limits)
    import docx  # deferred: only uploads of Word files need it

    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_blocks(document))
        title = document.core_properties.title
    except Exception as exc:  # python-docx raises KeyError, lxml errors, ValueError…
        raise IntakeError(text("intake.docx.unreadable", name=name)) from exc
    raw = "\n".join(lines)
    check_length(raw, limits, text("intake.docx.text_of", source=source))
    body, dropped = clean_text(raw)
    if not body:
        raise IntakeError(text("intake.docx.empty", name=name))
    warnings = [removed_controls(dropped)] if dropped else []
    title_text, _ = clean_text(title or "")
    return Intake(
        text=body,
        title=title_text or None,
        # The file's own dates are its file's; the article's is the one its text states.
        published=published_in_text(body),
        source=source,
        kind="docx",
        warnings=tuple(warnings),
    )


def _blocks(container: object) -> list[str]:
    """Text of paragraphs and tables (cells left to right, merged cells once), in order."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                cells: list[str] = []
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cell_text = "\n".join(_blocks(cell)).strip()
                    if cell_text:
                        cells.append(cell_text)
                if cells:
                    lines.append("\t".join(cells))
        else:
            lines.append(block.text)
    return lines
