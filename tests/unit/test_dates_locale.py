"""Dates written for the reader's region: English words, the region's order (Babel/CLDR)."""

from __future__ import annotations

import contextvars
import datetime as dt

import pytest

from mapstory.dates import english_locale, format_date, format_day, set_reader_locale
from mapstory.model import DateValue

D = dt.date


def value(start: dt.date, end: dt.date, precision: str) -> DateValue:
    return DateValue(start=start, end=end, precision=precision)


VISIT = value(D(2023, 5, 23), D(2023, 5, 24), "day")
PORT = value(D(2023, 6, 1), D(2023, 6, 1), "day")
MARCH = value(D(2023, 3, 1), D(2023, 3, 31), "month")
Q1 = value(D(2023, 1, 1), D(2023, 3, 31), "quarter")
CEDED = value(D(1860, 1, 1), D(1860, 12, 31), "year")


def in_fresh_context(function, *args):
    return contextvars.Context().run(function, *args)


def test_house_style_without_a_reader_locale() -> None:
    labels = in_fresh_context(lambda: [format_date(v) for v in (VISIT, PORT, MARCH, Q1, CEDED)])
    assert labels == ["23–24 May 2023", "1 June 2023", "March 2023", "Q1 2023", "1860"]
    assert in_fresh_context(format_day, D(2023, 5, 24)) == "Wednesday 24 May 2023"


@pytest.mark.parametrize(
    ("tag", "visit", "port", "day"),
    [
        ("en-US", r"May 23 – 24, 2023", "June 1, 2023", "Wednesday, May 24, 2023"),
        ("en-GB", r"23 – 24 May 2023", "1 June 2023", "Wednesday, 24 May 2023"),
        ("de-DE", "23–24 May 2023", "1 June 2023", "Wednesday, 24 May 2023"),
        ("fr", "23–24 May 2023", "1 June 2023", "Wednesday, 24 May 2023"),
    ],
)
def test_a_readers_region_sets_the_order(tag: str, visit: str, port: str, day: str) -> None:
    def run():
        set_reader_locale(tag)
        return format_date(VISIT), format_date(PORT), format_day(D(2023, 5, 24))

    got_visit, got_port, got_day = in_fresh_context(run)
    assert got_visit.replace("\u2009", " ") == visit
    assert (got_port, got_day) == (port, day)


def test_precision_is_kept_in_every_region() -> None:
    for tag in ("en-US", "en-GB", "ja-JP"):
        labels = in_fresh_context(
            lambda t=tag: (set_reader_locale(t), [format_date(v) for v in (MARCH, Q1, CEDED)])[1]
        )
        assert labels == ["March 2023", "Q1 2023", "1860"], tag


@pytest.mark.parametrize("tag", [None, "", "x" * 80, "../../etc/passwd", "<script>", "en-!!"])
def test_odd_tags_never_raise(tag) -> None:
    locale = english_locale(tag)
    assert locale is None or locale.startswith("en")
    in_fresh_context(lambda: (set_reader_locale(tag), format_date(VISIT)))


def test_the_locale_belongs_to_its_context() -> None:
    in_fresh_context(set_reader_locale, "en-US")
    assert in_fresh_context(format_date, PORT) == "1 June 2023"
