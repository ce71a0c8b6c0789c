"""News datelines: "NEW DELHI, 14 July 2025 — ", "CHARLESTON, W.Va. (AP) — ".

Two readers need them: the recogniser, for whom the dateline names the place the story was
filed from whatever spaCy makes of it, and the sentence-start component, for whom the story's
first sentence begins after it. One pattern serves both, so they never disagree on what a
dateline is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Dateline", "find_datelines"]

# A news dateline: the place in capitals opening the story, optionally its state or country,
# optionally the date (its year too, or not), optionally the agency, then a dash ("MAPLEFORD
# -- ", "CHARLESTON, W.Va. (AP) — ", "KHARTOUM, 15 April 2024 (Reuters) — ", "TEL AVIV, Jan 9
# — "). It sits at the start of the text,
# of a line, right after the headline's closing punctuation, or right after the byline's date
# ("Staff Reporter March 3, 2009 MAPLEFORD -- "). A story filed from two places names both
# ("NEW DELHI/ISLAMABAD, May 7 -"); the first is where it is filed from.
_UPPER = "A-ZÀ-ÖØ-Þ"  # capitals with their accents: "BELÉM", "SÃO PAULO", "BOGOTÁ"
_CAPS_WORD = f"[{_UPPER}][{_UPPER}.'’-]*[{_UPPER}.]"
DATELINE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?\"”] )|(?<=\b[12]\d{3} ))[ \t]*"
    rf"(?P<place>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}})"
    rf"(?:/(?P<also>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}}))?"
    r"(?:,[ ](?P<qualifier>[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?))?"
    r"(?:,?[ ](?:\d{1,2}[ ][A-Z][a-z]+\.?|[A-Z][a-z]+\.?[ ]\d{1,2})(?:,?[ ][12]\d{3})?)?"
    r"[ ]*(?:\([A-Za-z .]{1,30}\)[ ]*)?(?:--|—|–|-)[ ]",
    re.MULTILINE,
)
# Capitalised words that open a story the same way but are not places.
DATELINE_WORDS = frozenset(
    {
        "UPDATE",
        "UPDATED",
        "BREAKING",
        "BREAKING NEWS",
        "EXCLUSIVE",
        "CORRECTION",
        "NOTE",
        "EDITORS NOTE",
        "EDITOR'S NOTE",
        "EDITOR’S NOTE",
        "ANALYSIS",
        "OPINION",
        "EDITORIAL",
        "ADVISORY",
        "WARNING",
        "ALERT",
        "REVIEW",
        "PHOTOS",
        "VIDEO",
        "WATCH",
        "LIVE",
    }
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """Character spans of one dateline: its place, its qualifier (state or country), and
    where the story after it starts; *also*, the second place of a story filed from two."""

    place: tuple[int, int]
    qualifier: tuple[int, int] | None
    end: int
    also: tuple[int, int] | None = None


def find_datelines(text: str) -> list[Dateline]:
    """Every dateline in *text*, leaving out capitalised openers that are not places."""
    found = []
    for match in DATELINE.finditer(text):
        place = match.group("place")
        if place.rstrip(".") in DATELINE_WORDS or sum(c.isalpha() for c in place) < 3:
            continue
        qualifier = match.span("qualifier") if match.group("qualifier") else None
        also = match.span("also") if match.group("also") else None
        found.append(Dateline(match.span("place"), qualifier, match.end(), also))
    return found
