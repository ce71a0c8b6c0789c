"""The intake result, its one error type, and the limits every reader enforces.

Everything a stranger hands us is hostile until proven otherwise: limits are checked before
any parsing, and every failure becomes an :class:`IntakeError` whose message can be shown to
that stranger as it is.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from mapstory.messages import number, plural, text

if TYPE_CHECKING:
    from mapstory.settings import Settings

__all__ = [
    "KINDS",
    "Intake",
    "IntakeError",
    "IntakeLimits",
    "clean_text",
    "human_size",
    "removed_controls",
]

#: The kinds of input an :class:`Intake` can come from.
KINDS = ("text", "markdown", "html", "docx", "url")

MB = 1_000_000

# C0 and C1 controls except tab and newline, stray BOMs, lone surrogates.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")


class IntakeError(Exception):
    """A one-sentence reason, fit to show the user, why an input could not be read.

    Intake code raises this with the underlying exception chained (``raise ... from exc``), so
    the log keeps the detail while the user sees only the sentence.
    """


@dataclass(frozen=True)
class Intake:
    """Clean article text plus what we learned about where it came from.

    Character offsets produced downstream (spans of place names, excerpts) refer to ``text``
    exactly as it is here, so every reader returns the final, already-cleaned text.
    """

    text: str
    title: str | None
    published: datetime.date | None
    source: str  # file name or URL, for display
    kind: str  # one of KINDS
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")


# Environment variable for each IntakeLimits field; README's settings table lists them.
ENV_NAMES = {
    "max_upload_bytes": "MAPSTORY_INTAKE_MAX_UPLOAD_BYTES",
    "max_text_chars": "MAPSTORY_INTAKE_MAX_TEXT_CHARS",
    "max_docx_uncompressed_bytes": "MAPSTORY_INTAKE_MAX_DOCX_BYTES",
    "url_timeout_s": "MAPSTORY_INTAKE_URL_TIMEOUT",
    "max_url_bytes": "MAPSTORY_INTAKE_MAX_URL_BYTES",
    "max_redirects": "MAPSTORY_INTAKE_MAX_REDIRECTS",
}


@dataclass(frozen=True)
class IntakeLimits:
    """Upper bounds that keep one visitor's input from exhausting a shared server.

    A Streamlit app serves every session from one process, so a single huge paste, a zip
    bomb or a page that never ends would stall everyone; the defaults are generous for news
    articles (a long one is ~50,000 characters) and small enough to be harmless.
    """

    max_upload_bytes: int = 10 * MB
    max_text_chars: int = 500_000
    max_docx_uncompressed_bytes: int = 30 * MB
    url_timeout_s: float = 10.0
    max_url_bytes: int = 5 * MB
    max_redirects: int = 5

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            minimum = 0 if field.name == "max_redirects" else 1e-9
            if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
                raise ValueError(f"IntakeLimits.{field.name} must be a positive number")

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> IntakeLimits:
        """Read ``MAPSTORY_INTAKE_*`` values; missing or unusable ones keep their default.

        Like the rest of :mod:`mapstory.settings`, a typo in a deployment's configuration
        must not take the app down, so bad values fall back rather than raise.
        """
        kwargs: dict[str, int | float] = {}
        for field in fields(cls):
            raw = values.get(ENV_NAMES[field.name])
            written = "" if raw is None else str(raw).strip().replace("_", "")
            try:
                value = float(written)  # "1e7" is a fine way to write ten million
            except ValueError:
                continue
            if field.name != "url_timeout_s":
                if not value.is_integer():
                    continue
                value = int(value)
            minimum = {"max_redirects": 0, "url_timeout_s": 0.1}.get(field.name, 1)
            if minimum <= value < float("inf"):
                kwargs[field.name] = value
        return cls(**kwargs)

    @classmethod
    def from_settings(cls, settings: Settings) -> IntakeLimits:
        return settings.intake


def human_size(size: int) -> str:
    """Bytes as a user thinks of them (decimal units, like file managers and the limits),
    the number written the reader's way."""
    if size < 1000:
        return plural("intake.size.bytes", size)
    key, scale = ("intake.size.kb", 1000) if size < MB else ("intake.size.mb", MB)
    # Whole numbers stay whole (limits read "10 MB"); others keep a decimal, so a file just
    # over a limit never reads as the same size as the limit.
    if size % scale == 0:
        return text(key, size=number(size // scale))
    return text(key, size=_one_decimal(size / scale))


def _one_decimal(value: float) -> str:
    """*value* with exactly one decimal, in the reader's number style ("2.0", "2,0")."""
    from babel.numbers import format_decimal

    from mapstory.dates import reader_locale

    return format_decimal(value, format="#,##0.0", locale=reader_locale() or "en")


def removed_controls(dropped: int) -> str:
    """The warning that *dropped* control characters were taken out of the text."""
    return plural("intake.control_characters", dropped)


def clean_text(raw: str) -> tuple[str, int]:
    """Normalise newlines, drop control characters, strip; returns (text, characters dropped).

    Control characters (other than newline and tab) have no place in an article and would
    break offsets, display or downstream tokenisers; format characters (Cf: zero-width
    joiners, RTL marks) are kept because emoji and right-to-left text need them. Lone
    surrogates cannot be encoded and are dropped too.
    """
    normalised = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u0085", "\n")
    cleaned, dropped = _UNWANTED.subn("", normalised)
    return cleaned.strip(), dropped


def check_length(body: str, limits: IntakeLimits, what: str) -> None:
    """Refuse *body* longer than the limit; *what* is how the message names it."""
    if len(body) > limits.max_text_chars:
        raise IntakeError(
            text(
                "intake.too_long",
                what=what,
                length=number(len(body)),
                limit=number(limits.max_text_chars),
            )
        )
