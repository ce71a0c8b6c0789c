"""The publication date an article states at its head: its dateline, byline or date line.

Pasted text, text files and Word documents carry no metadata, yet "on Tuesday" and "last
week" mean nothing without the day the article was written. Newsrooms write that day in a
few fixed places — "NEW DELHI, 14 July 2025 —", a "Published 3 March 2024" line, a short
line under the headline holding only the date — so those places are read, and nothing else:
a full date further down the body is an event's date, not the article's.
"""

from __future__ import annotations

import datetime as dt
import re

from mapstory.dates import resolve

__all__ = ["published_in_text"]

# How far into the text a dateline or byline can sit: headline, standfirst, byline, first
# paragraph's opening.
_HEAD_CHARS = 800
_HEAD_LINES = 6
# A line holding a full date is a byline or a date line, not a headline or a sentence, when
# what is left beside the date is empty or a byline's furniture: "By …", a time, a separator.
_BYLINE = re.compile(
    r"^\W*by\s|[|·•]|\b\d{1,2}[:.]\d{2}\b|\b(?:GMT|UTC|BST|CET|[ECMP][SD]?T)\b", re.IGNORECASE
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
# Written-out dates with a year only: "14 July 2025", "July 14, 2025", "2025-07-14".
# Numeric dates such as 07/08/2025 are left alone — their day and month cannot be told apart.
_FULL_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
# Words that mark a line as the article's own date; an update's date is only a fallback.
_DATE_LINE = re.compile(r"^\W*(?:(?:first\s+)?published|posted|dated?|filed)\b", re.IGNORECASE)
_UPDATE_LINE = re.compile(r"^\W*(?:last\s+)?updated\b", re.IGNORECASE)
# "NEW DELHI, 14 July 2025 —" / "LONDON (Reuters), May 3, 2024 -": a place in capitals, then
# the date, before the story's first words.
_DATELINE = re.compile(
    r"^[\s\W]*[A-Z][A-Z.'’\- ]+(?:,\s*[A-Z][\w.'’\- ]*)?(?:\s*\([^)\n]{1,40}\))?[,\s]+$"
)


def _day(phrase: str) -> dt.date | None:
    # The anchor only matters for phrases without a year, which _FULL_DATE never matches.
    value = resolve(phrase, dt.date.today())
    if value is None or value.precision != "day" or value.relative:
        return None
    return value.start


def _date_only(line: str, match: re.Match[str]) -> bool:
    rest = (line[: match.start()] + " " + line[match.end() :]).strip(" \t,;:-–—")
    return not rest or bool(_BYLINE.search(rest))


def published_in_text(text: str) -> dt.date | None:
    """The date the article's head gives as its own, or None when it gives none.

    Looked for, in order: a line naming itself the publication date, a dateline
    ("CITY, date —"), a line holding only a date and the byline around it, and last a line
    naming itself the date of an update (the story is older than its last edit).
    """
    head = text[:_HEAD_CHARS]
    lines = [line for line in head.splitlines() if line.strip()][:_HEAD_LINES]
    found: dict[str, dt.date] = {}
    for line in lines:
        for match in _FULL_DATE.finditer(line):
            day = _day(match.group(0))
            if day is None:
                continue
            if _DATE_LINE.match(line):
                return day
            if _UPDATE_LINE.match(line):
                found.setdefault("updated", day)
            elif _DATELINE.match(line[: match.start()]):
                found.setdefault("dateline", day)
            elif _date_only(line, match):
                found.setdefault("date line", day)
    for kind in ("dateline", "date line", "updated"):
        if kind in found:
            return found[kind]
    return None
