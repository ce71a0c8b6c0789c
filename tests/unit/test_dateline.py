"""The article's own date, read from its dateline, byline or date line."""

from __future__ import annotations

import datetime as dt

import pytest

from mapstory.intake import read_text
from mapstory.intake.dateline import published_in_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nNEW DELHI, 14 July 2025 — The president arrived.", dt.date(2025, 7, 14)),
        ("LONDON (Reuters), May 3, 2024 - Britain's economy grew.", dt.date(2024, 5, 3)),
        ("WASHINGTON, D.C., Jan. 5, 2021 — The Senate met.", dt.date(2021, 1, 5)),
        ("Headline\nBy Jane Smith | Wed 24 May 2023 10.32 BST\n\nBody.", dt.date(2023, 5, 24)),
        ("Headline\n2023-05-24\n\nBody.", dt.date(2023, 5, 24)),
        ("Headline\nPublished: 3 March 2024\n\nBody.", dt.date(2024, 3, 3)),
        # The story is as old as its publication, not its last edit.
        ("Headline\nUpdated May 5, 2024\nPublished May 3, 2024\nBody.", dt.date(2024, 5, 3)),
        ("Headline\nUpdated May 5, 2024\nBody.", dt.date(2024, 5, 5)),
    ],
)
def test_the_heads_own_date_is_found(text: str, expected: dt.date) -> None:
    assert published_in_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A date in a headline or a sentence is an event's, not the article's.
        "Remembering 11 September 2001\n\nNEW YORK — Twenty years on, the city paused.",
        "Story\nOn 14 July 2025 the president spoke in Paris.",
        # Day and month cannot be told apart.
        "Headline\n07/08/2025\n\nBody.",
        # No year: not a date to count "last week" from.
        "LONDON, May 3 (Reuters) - Britain's economy grew.",
        # Too far down to be the head.
        "Headline\n\n" + "Words and more words. " * 60 + "\nPublished 3 March 2024",
        "",
    ],
)
def test_other_dates_are_not_the_articles(text: str) -> None:
    assert published_in_text(text) is None


def test_pasted_text_carries_its_date() -> None:
    pasted = "Floods in the south\n\nPORTO ALEGRE, Brazil, 2 May 2024 — Rivers rose."
    assert read_text(pasted).published == dt.date(2024, 5, 2)
