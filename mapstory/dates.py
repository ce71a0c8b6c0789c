"""Resolve the article's date phrases ("On Tuesday", "last week", "163 years ago") to ranges.

News text rarely gives full dates: it speaks relative to its own publication date. A map story
needs real dates to order and filter events, but must not pretend to more precision than the
article gives, so every phrase becomes a range with a precision (day, week, month, quarter,
year). dateparser does the parsing; the range and precision logic, and the few common news
phrases it does not know (quarters, "this year"), live here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from contextvars import ContextVar
from functools import lru_cache
from typing import Literal

from mapstory.model import Certainty, DateValue, Precision

Tense = Literal["past", "future"]

# A span of time as a modifier is no date: "a 99-year lease", "a six-week war".
_DURATION_WORD = re.compile(
    r"^(?:an?\s+)?(?:\d+|[a-z]+)-(?:year|month|week|day|hour|decade|century)s?(?:-(?:old|long))?$",
    re.IGNORECASE,
)
_LEADING_WORDS = re.compile(
    r"^(?:(?:effective|starting|beginning)\s+)?(?:on|in|at|by|from|since|during|until|"
    r"as of|earlier|later)\s+",
    re.IGNORECASE,
)
# "Earlier in the week", "later in the month": of this week or month, as news tells it.
_IN_THE_UNIT = re.compile(
    r"^(?:earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)$", re.IGNORECASE
)
# "at the end of this month", "the start of September": within that month (or year, or
# week), which is as fine as news tells it.
_PART_OF_PERIOD = re.compile(
    r"^(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+", re.IGNORECASE
)
_THE_UNIT = re.compile(r"^the\s+(?P<unit>week|month|year)$", re.IGNORECASE)
_EARLIER = re.compile(r"earlier\b", re.IGNORECASE)
_LATER = re.compile(r"later\b", re.IGNORECASE)
# The part of a day told with it, which says nothing of which day: "late Friday", "early on
# Wednesday", "Tuesday morning".
_PART_OF_DAY_BEFORE = re.compile(r"^(?:late|early)(?:\s+on)?\s+", re.IGNORECASE)
_PART_OF_DAY_AFTER = re.compile(r"\s+(?:morning|afternoon|evening|night)$", re.IGNORECASE)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_QUARTER_WORDS = re.compile(
    r"^(?:the\s+)?(?P<which>first|second|third|fourth|final)\s+(?:quarter|three\s+months)"
    r"(?:\s+of\s+(?P<year>this\s+year|last\s+year|\d{4}))?$",
    re.IGNORECASE,
)
# "the first nine months of this year", "the first half of 2024", "the second half of last
# year": months counted from a year's start (a half from its start or middle).
_MONTHS_OF_YEAR = re.compile(
    r"^(?:the\s+)?(?:(?P<which>first|second)\s+half|first\s+(?P<n>two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|\d{1,2})\s+months)"
    r"(?:\s+of\s+(?P<year>this\s+year|last\s+year|the\s+year|\d{4}))?$",
    re.IGNORECASE,
)
_QUARTER_CODE = re.compile(r"^Q(?P<q>[1-4])\s*(?P<year>\d{4})?$", re.IGNORECASE)
_YEARS_AGO = re.compile(r"^(?P<n>\d+|a|one)\s+(?:years?)\s+(?:ago|earlier|before)$", re.I)
# A length of time is not a point in it: "the first visit in five years", "spending two days
# in New York". (dateparser reads a bare "five years" as five years ago.)
_DURATION = re.compile(
    r"^(?:(?:more\s+than|less\s+than|fewer\s+than|about|around|nearly|almost|over|under|"
    r"up\s+to|some|roughly|at\s+least|the\s+(?:past|last|next|first|coming))\s+)?"
    r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"(?:a|one)\s+hundred|a\s+few|several|many|a\s+couple\s+of)?\s*"
    r"(?:hours?|days?|weeks?|months?|years?|decades?|centuries|century)$",
    re.IGNORECASE,
)
_THIS = re.compile(r"^(?P<rel>this|last|next)\s+(?P<unit>week|month|year)$", re.IGNORECASE)
# "A day earlier", "two days later", "the day before", "the next day": counted from the last
# day the story told, not from the article's date ("arrived on Wednesday. A day earlier he had
# visited Bakhmut": Tuesday).
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_OFFSET = re.compile(
    r"^(?:(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>earlier|later|before|after)|"
    r"the\s+(?:day|night)\s+(?P<dir2>before|after)|"
    r"the\s+(?P<rel>previous|next|following)\s+(?P<unit2>day|night|week|month|year))$",
    re.IGNORECASE,
)
# How fine the day counted from must be for each unit counted: "a day later" needs a day,
# "the following year" any date in a year.
_OFFSET_NEEDS = {
    "day": ("day",),
    "week": ("day", "week"),
    "month": ("day", "week", "month"),
    "year": ("day", "week", "month", "quarter", "year"),
}
# "last November", "next March", "November last year": a month placed by a word, which
# dateparser leaves unread.
_REL_MONTH = re.compile(r"^(?P<rel>this|last|next)\s+(?P<month>[A-Za-z]+)\.?$", re.IGNORECASE)
_MONTH_OF_YEAR = re.compile(
    r"^(?P<month>[A-Za-z]+)\.?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year$", re.IGNORECASE
)
# "18-19 November", "Nov 18-19", "November 30 to December 1, 2024", "30 Nov - 1 Dec": two days
# of one span, written day first or month first, the month said once or twice.
_RANGE_DASH = r"\s*(?:-|–|—|\s(?:to|through|until)\s)\s*"
# ("July 6 and 7", "6 and 7 July": two days running, said once with "and".)
_RANGE_AND = r"\s+(?P<and>and)\s+"
_DAY_RANGE = re.compile(
    r"^(?:(?P<d1>\d{1,2})(?:\s+(?P<m1>[A-Za-z]+)\.?)?"
    + _RANGE_DASH
    + r"(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]+)\.?"
    + r"|(?P<m1b>[A-Za-z]+)\.?\s+(?P<d1b>\d{1,2})"
    + _RANGE_DASH
    + r"(?:(?P<m2b>[A-Za-z]+)\.?\s+)?(?P<d2b>\d{1,2})"
    + r"|(?P<d1c>\d{1,2})"
    + _RANGE_AND
    + r"(?P<d2c>\d{1,2})\s+(?P<m2c>[A-Za-z]+)\.?"
    + r"|(?P<m1d>[A-Za-z]+)\.?\s+(?P<d1d>\d{1,2})"
    + _RANGE_AND.replace("and>", "and2>")
    + r"(?P<d2d>\d{1,2}))"
    r",?(?:\s+(?P<year>\d{4}))?$"
)
_WEEKDAY_RANGE = re.compile(
    r"^(?P<d1>[A-Za-z]+)\s*(?:-|–|—|\s(?:and|to|through|until)\s)\s*(?P<d2>[A-Za-z]+)$"
)
# "The year to June", "the 12 months ended March 2024": twelve months ending with a month.
_YEAR_TO = re.compile(
    r"^(?:the\s+)?(?:(?:financial|fiscal)\s+)?(?:year|12\s+months|twelve\s+months)\s+"
    r"(?:to|ending|ended|through|until)\s+(?:the\s+end\s+of\s+)?(?P<month>[A-Za-z]+)"
    r"(?:\s+\d{1,2})?(?:,?\s+(?P<year>\d{4}))?$",
    re.IGNORECASE,
)
# "May of that year", "later that year", "that same month": placed by the date the story told
# before it, which dateparser cannot know.
_THAT_YEAR = re.compile(
    r"^(?:in\s+)?(?:(?P<month>[A-Za-z]+)\.?\s+(?:of\s+)?)?(?:that|that\s+same|the\s+same)\s+year$",
    re.IGNORECASE,
)
_THAT_NAMED_MONTH = re.compile(r"^(?:in\s+)?that\s+(?P<month>[A-Z][a-z]+)$")
_THAT_MONTH = re.compile(r"^(?:in\s+)?(?:that|that\s+same|the\s+same)\s+month$", re.IGNORECASE)
_EXPLICIT_YEAR = re.compile(r"\b\d{4}\b")
_FISCAL_YEAR = re.compile(
    r"^(?:the\s+)?(?P<rel>last|previous|past|this|current|next)\s+(?:fiscal|financial)\s+year$",
    re.IGNORECASE,
)
_DECADE = re.compile(
    r"^(?:the\s+)?(?:(?P<part>early|mid|late)(?:-|\s+))?(?P<decade>\d{3}0)s$", re.IGNORECASE
)
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name} | {
    name: i for i, name in enumerate(calendar.month_abbr) if name
}
_MONTH_WORDS = _MONTHS | {"Sept": 9}  # as news abbreviates it


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def week_range(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def quarter_range(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first_month = 3 * (quarter - 1) + 1
    return dt.date(year, first_month, 1), month_range(year, first_month + 2)[1]


def _value(
    start: dt.date,
    end: dt.date,
    precision: Precision,
    phrase: str,
    relative: bool,
    certainty: Certainty,
) -> DateValue:
    return DateValue(
        start=start,
        end=end,
        precision=precision,
        phrase=phrase,
        relative=relative,
        certainty=certainty,
    )


# "the 12th", "12th": a day of the month, told without its month.
_BARE_ORDINAL_DAY = re.compile(r"^(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)$", re.IGNORECASE)


def _year_told(year_text: str, anchor: dt.date) -> int:
    """The year "2024", "this year" or "last year" (of a quarter, of months) names."""
    if year_text.isdigit():
        return int(year_text)
    return anchor.year - (1 if year_text.startswith("last") else 0)


def resolve(
    phrase: str,
    anchor: dt.date,
    tense: Tense = "past",
    certainty: Certainty = "stated",
    reference: DateValue | dt.date | None = None,
) -> DateValue | None:
    """Resolve `phrase` against the article date `anchor`, or None if it is not a date.

    `tense` says which way an ambiguous phrase points: "Tuesday" in "said on Tuesday" is the
    past one, in "is scheduled to visit on Friday" the coming one. It comes from the sentence.
    `reference` is the last date the story told before the phrase: "a day earlier" counts
    from it, "the following year" from its year (from `anchor` when there is none, or when
    it is too coarse to count days from: a day is no count from "in 1971").
    """
    original = phrase
    text = " ".join(phrase.strip().split())
    text = _IN_THE_UNIT.sub(r"this \g<unit>", text)
    text = _LEADING_WORDS.sub("", text).strip(" ,.;")
    if (part := _PART_OF_PERIOD.sub("", text)) != text:
        text = _THE_UNIT.sub(r"this \g<unit>", part)
    text = _PART_OF_DAY_BEFORE.sub("", text)
    if (day_only := _PART_OF_DAY_AFTER.sub("", text)).lower() in _WEEKDAYS:
        text = day_only
    if not text or _DURATION_WORD.match(text):
        return None
    if m := _OFFSET.match(text):
        return _offset(m, original, anchor, reference, certainty)
    if text.lower() == "overnight":
        # "Ukrainian drones struck a refinery overnight", told on Friday: the night just
        # gone, dated by the day it ended; or the night after a day just told ("arrived in
        # Kyiv on Wednesday … travelled from Poland overnight").
        day = anchor
        if (
            isinstance(reference, DateValue)
            and reference.precision == "day"
            and 0 <= (anchor - reference.start).days <= 7
        ):
            day = reference.start
        return _value(day, day, "day", original, True, certainty)
    if (told := _told_before(text, reference)) is not False:
        return told if told is None else _value(*told, original, True, certainty)
    has_year = bool(_EXPLICIT_YEAR.search(text))

    if (m := _BARE_ORDINAL_DAY.match(text)) and 1 <= (day := int(m["day"])) <= 31:
        # "on the 12th": that day of the article's month, or of the month before (after, for
        # what is ahead) when the article's month has not reached it (has passed it).
        year, month = anchor.year, anchor.month
        if tense == "past" and day > anchor.day:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        elif tense == "future" and day < anchor.day:
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        if day > calendar.monthrange(year, month)[1]:
            return None
        when = dt.date(year, month, day)
        return _value(when, when, "day", original, True, certainty)

    if m := _FISCAL_YEAR.match(text):
        # "in the last fiscal year": twelve months across two calendar years, counted as
        # most governments count them, April to March (America's October-to-September year
        # spans the same two years from October on).
        current = anchor.year if anchor.month >= 4 else anchor.year - 1
        first = current + {"last": -1, "previous": -1, "past": -1, "next": 1}.get(
            m["rel"].lower(), 0
        )
        return _value(
            dt.date(first, 1, 1), dt.date(first + 1, 12, 31), "year", original, True, certainty
        )

    if m := _DECADE.match(text):
        # "in the 1990s": ten years (dateparser reads the "s" as seconds ago); "the early
        # 2000s", "the late 1980s": a third of them.
        first = int(m["decade"])
        part = (m["part"] or "").lower().rstrip("- ")
        low, high = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
        return _value(
            dt.date(first + low, 1, 1),
            dt.date(first + high, 12, 31),
            "year",
            original,
            False,
            certainty,
        )

    if m := _QUARTER_WORDS.match(text):
        quarter = _ORDINALS[m["which"].lower()]
        year_text = (m["year"] or "this year").lower()
        year = _year_told(year_text, anchor)
        start, end = quarter_range(year, quarter)
        return _value(start, end, "quarter", original, not year_text.isdigit(), certainty)

    if m := _MONTHS_OF_YEAR.match(text):
        year_text = (m["year"] or "this year").lower()
        year = _year_told(year_text, anchor)
        if m["which"]:
            first, last = (1, 6) if m["which"].lower() == "first" else (7, 12)
        else:
            count = m["n"].lower()
            # ("eleven", the one word of the pattern _COUNTS lacks)
            last = int(count) if count.isdigit() else _COUNTS.get(count, 11)
            first = 1
        if not 1 <= last <= 12:
            return None
        return _value(
            dt.date(year, first, 1),
            month_range(year, last)[1],
            "month",
            original,
            not year_text.isdigit(),
            certainty,
        )

    if m := _QUARTER_CODE.match(text):
        year = int(m["year"]) if m["year"] else anchor.year
        start, end = quarter_range(year, int(m["q"]))
        return _value(start, end, "quarter", original, not m["year"], certainty)

    if (m := _YEAR_TO.match(text)) and m["month"].capitalize() in _MONTHS:
        month = _MONTHS[m["month"].capitalize()]
        if m["year"]:
            year = int(m["year"])
        elif tense == "past":
            year = anchor.year if month <= anchor.month else anchor.year - 1
        else:
            year = anchor.year if month >= anchor.month else anchor.year + 1
        first = year * 12 + month - 12  # the month after the same month a year before
        start = dt.date(first // 12, first % 12 + 1, 1)
        end = month_range(year, month)[1]
        return _value(start, end, "month", original, not m["year"], certainty)

    m = _REL_MONTH.match(text) or _MONTH_OF_YEAR.match(text)
    if m and m["month"][:1].isupper() and m["month"].capitalize() in _MONTH_WORDS:
        month, rel = _MONTH_WORDS[m["month"].capitalize()], m["rel"].lower()
        if m.re is _MONTH_OF_YEAR:
            year = anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
        elif rel == "last":  # the latest such month before this one
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif rel == "next":  # the first such month after this one
            year = anchor.year if month > anchor.month else anchor.year + 1
        else:
            year = anchor.year
        start, end = month_range(year, month)
        return _value(start, end, "month", original, True, certainty)

    if _DURATION.match(text) and not _THIS.match(text):
        return None

    if m := _YEARS_AGO.match(text):
        n = 1 if m["n"].lower() in ("a", "one") else int(m["n"])
        year = anchor.year - n
        return _value(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", original, True, certainty)

    if m := _THIS.match(text):
        rel, unit = m["rel"].lower(), m["unit"].lower()
        shift = {"this": 0, "last": -1, "next": 1}[rel]
        if unit == "week":
            if rel == "this" and tense == "future" and anchor.weekday() == 6:
                # "will travel … this week", said on a Sunday: the week that starts tomorrow,
                # not the one ending today.
                shift = 1
            start, end = week_range(anchor + dt.timedelta(weeks=shift))
            if rel == "this" and _EARLIER.match(original.strip()) and start < anchor:
                end = anchor - dt.timedelta(days=1)  # "earlier this week": before today
            elif rel == "this" and _LATER.match(original.strip()) and anchor < end:
                start = anchor + dt.timedelta(days=1)  # "later in the week": after today
            return _value(start, end, "week", original, True, certainty)
        if unit == "month":
            month_index = anchor.year * 12 + anchor.month - 1 + shift
            start, end = month_range(month_index // 12, month_index % 12 + 1)
            return _value(start, end, "month", original, True, certainty)
        year = anchor.year + shift
        return _value(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", original, True, certainty)

    if (m := _WEEKDAY_RANGE.match(text)) and {m["d1"].lower(), m["d2"].lower()} <= set(_WEEKDAYS):
        # "Wednesday and Thursday", "Monday to Friday": the first day as a lone weekday would
        # be, through the next such second day.
        first = resolve(m["d1"], anchor, tense, certainty)
        if first is not None:
            gap = (_WEEKDAYS[m["d2"].lower()] - _WEEKDAYS[m["d1"].lower()]) % 7
            last = first.start + dt.timedelta(days=gap)
            return _value(first.start, last, "day", original, True, certainty)

    if text.lower() in _WEEKDAYS:
        # "On Tuesday" in news means the nearest such day before (or after) the article date,
        # and the article date itself when it is that weekday.
        delta = (_WEEKDAYS[text.lower()] - anchor.weekday()) % 7
        if tense == "past":
            day = anchor - dt.timedelta(days=(7 - delta) % 7)
        else:
            day = anchor + dt.timedelta(days=delta)
        return _value(day, day, "day", original, True, certainty)

    if (m := _DAY_RANGE.match(text)) and (span := _day_range(m, anchor, tense)):
        return _value(*span, "day", original, not m["year"], certainty)

    parsed = _parse(text, anchor, tense)
    if parsed is None:
        return None
    day, period = parsed
    if not has_year and re.search(r"\d", text) and abs(day.year - anchor.year) > 1:
        # A day and month written without a year is within a year of the article's;
        # dateparser reads a stray day number as a year ("Nov 18-19": 2119).
        return None
    if period == "year":
        start, end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        precision: Precision = "year"
    elif period == "month":
        start, end = month_range(day.year, day.month)
        precision = "month"
    elif period == "week":
        start, end = week_range(day)
        precision = "week"
    else:
        start = end = day
        precision = "day"
    return _value(start, end, precision, original, not has_year, certainty)


def _day_range(m: re.Match, anchor: dt.date, tense: Tense) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a two-day span, or None when it is no such span.

    The first day is read as a lone date would be (its year from the article's date and the
    tense), the second is the next such day on or after it: "Dec 30-Jan 2" crosses a year.
    """
    d1 = m["d1"] or m["d1b"] or m["d1c"] or m["d1d"]
    d2 = m["d2"] or m["d2b"] or m["d2c"] or m["d2d"]
    m2 = (m["m2"] or m["m2b"] or m["m1b"] or m["m2c"] or m["m1d"] or "").capitalize()
    m1 = (m["m1"] or m["m1b"] or m["m1d"] or m2).capitalize()
    if (m["and"] or m["and2"]) and int(d2) != int(d1) + 1:
        return None  # "May 3 and 5": two days, not the days between
    if m1 not in _MONTH_WORDS or m2 not in _MONTH_WORDS:
        return None
    first = _parse(f"{d1} {m1} {m['year'] or ''}".strip(), anchor, tense)
    if first is None:
        return None
    day1 = first[0]
    year = day1.year + (1 if _MONTH_WORDS[m2] < day1.month else 0)
    try:
        day2 = dt.date(year, _MONTH_WORDS[m2], int(d2))
    except ValueError:
        return None
    if not dt.timedelta(0) <= day2 - day1 <= dt.timedelta(days=62):
        return None
    return day1, day2


def _told_before(
    text: str, reference: DateValue | dt.date | None
) -> tuple[dt.date, dt.date, Precision] | Literal[False] | None:
    """The span "that year" or "May of that year" means, counted from the date told before it.

    False when *text* is no such phrase; None when it is one but the story told no date
    before it to count from (the article's own year would be a guess).
    """
    m = _THAT_YEAR.match(text) or _THAT_NAMED_MONTH.match(text)
    if m is None:
        if not _THAT_MONTH.match(text):
            return False
        if isinstance(reference, DateValue) and reference.precision in ("day", "week", "month"):
            return (*month_range(reference.start.year, reference.start.month), "month")
        return None
    if reference is None:
        return None
    year = reference.start.year if isinstance(reference, DateValue) else reference.year
    if month_word := (m["month"] or "").capitalize():
        if month_word not in _MONTH_WORDS:
            return False
        return (*month_range(year, _MONTH_WORDS[month_word]), "month")
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _offset(
    m: re.Match,
    original: str,
    anchor: dt.date,
    reference: DateValue | dt.date | None,
    certainty: Certainty,
) -> DateValue:
    """ "two days later", "the following year": counted from *reference*, else *anchor*."""
    if m["n"]:
        n = int(m["n"]) if m["n"].isdigit() else _COUNTS[m["n"].lower()]
        unit = m["unit"].lower().rstrip("s")
        back = m["dir"].lower() in ("earlier", "before")
    else:
        n, unit = 1, (m["unit2"] or "day").lower()
        back = (m["dir2"] or m["rel"]).lower() in ("before", "previous")
    unit = "day" if unit == "night" else unit
    if isinstance(reference, DateValue):
        base = reference.start if reference.precision in _OFFSET_NEEDS[unit] else anchor
    else:
        base = reference or anchor
    shift = -n if back else n
    if unit == "year":
        year = base.year + shift
        return _value(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", original, True, certainty)
    if unit == "month":
        index = base.year * 12 + base.month - 1 + shift
        start, end = month_range(index // 12, index % 12 + 1)
        return _value(start, end, "month", original, True, certainty)
    day = base + dt.timedelta(days=shift * (7 if unit == "week" else 1))
    return _value(day, day, "day", original, True, certainty)


@lru_cache(maxsize=4096)
def _parse(text: str, anchor: dt.date, tense: Tense) -> tuple[dt.date, str] | None:
    data = _parser(anchor, tense).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@lru_cache(maxsize=64)
def _parser(anchor: dt.date, tense: Tense):
    # dateparser costs a noticeable import time; only story loading and parsing need it.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(anchor, dt.time()),
            "PREFER_DATES_FROM": tense,
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": False,
            "REQUIRE_PARTS": [],
        },
    )


# The reader's region, for dates written the way they write them (set per page run from the
# browser's language, see set_reader_locale). None: the house style, "24 May 2023", which story
# files, exports and tests use.
_READER_LOCALE: ContextVar[str | None] = ContextVar("mapstory_reader_locale", default=None)


def set_reader_locale(tag: str | None) -> str | None:
    """Write dates (and the interface's words) for a reader whose browser says `tag`.

    Dates are written in the language the interface speaks to this reader (English unless
    mapstory.messages has their language) and follow their region: a reader in the US sees
    "May 23–24, 2023", one in Germany or Britain "23–24 May 2023". Holds for the current
    context (a Streamlit page run has its own); returns the Babel locale used, or None for
    the house style when the tag is empty or unknown.
    """
    from mapstory import messages

    language = messages.language_for(tag)
    messages.set_language(language)
    locale = english_locale(tag) if language == "en" else language_locale(language, tag)
    _READER_LOCALE.set(locale)
    return locale


def reader_locale() -> str | None:
    """The Babel locale dates are written for in this context (None: the house style)."""
    return _READER_LOCALE.get()


def format_day(day: dt.date, weekday: bool = True) -> str:
    """One day, e.g. an article's date: 'Wednesday 24 May 2023' ('Wednesday, May 24, 2023')."""
    locale = _READER_LOCALE.get()
    if locale is not None:
        from babel.dates import format_date as babel_date
        from babel.dates import format_skeleton

        if weekday:
            return babel_date(day, "full", locale=locale)
        return format_skeleton("yMMMMd", day, locale=locale)
    return f"{day:%A} {day.day} {day:%B %Y}" if weekday else f"{day.day} {day:%B %Y}"


def _region(tag: str) -> str | None:
    parts = re.split(r"[-_]", tag.strip())[:4]
    return next((p.upper() for p in parts[1:] if re.fullmatch(r"[A-Za-z]{2}", p)), None)


def _known_locale(*candidates: str | None) -> str | None:
    """The first candidate Babel has data for."""
    from babel import Locale, UnknownLocaleError

    for candidate in candidates:
        if candidate is None:
            continue
        try:
            return str(Locale.parse(candidate))
        except (ValueError, UnknownLocaleError):
            continue
    return None


@lru_cache(maxsize=256)
def english_locale(tag: str | None) -> str | None:
    if not tag or len(tag) > 35:
        return None
    region = _region(tag)
    # Without a region Babel's "en" is American; other languages get world English (en_001:
    # day, month, year), as most of their readers write dates.
    fallback = "en" if re.split(r"[-_]", tag.strip())[0].lower() == "en" else "en_001"
    return _known_locale(f"en_{region}" if region else None, fallback)


@lru_cache(maxsize=256)
def language_locale(language: str, tag: str | None) -> str | None:
    """`language` with the region `tag` names, if Babel knows the pair, else the language alone."""
    region = _region(tag[:35]) if tag else None
    return _known_locale(f"{language}_{region}" if region else None, language)


def format_date(value: DateValue, locale: str | None = None) -> str:
    """Human label honest about precision: '24 May 2023', 'March 2023', 'week of 15 May 2023'.

    With a `locale` (or a reader locale set for this context) the same precision is written
    in that region's English (Babel's CLDR patterns): 'May 24, 2023' for en_US.
    """
    locale = locale or _READER_LOCALE.get()
    if locale is not None:
        return _format_localised(value, locale)
    start, end = value.start, value.end
    if value.precision == "day":
        if start == end:
            return f"{start.day} {start:%B %Y}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {end:%B %Y}"
        if start.year == end.year:
            return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
        return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"
    if value.precision == "week":
        if start.month == end.month:
            return f"{start.day}–{end.day} {end:%B %Y}"
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    if value.precision == "month":
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%B %Y}"
        return f"{start:%B %Y} – {end:%B %Y}"
    if value.precision == "quarter":
        quarter = (start.month - 1) // 3 + 1
        return f"Q{quarter} {start.year}"
    if start.year == end.year:
        return str(start.year)
    return f"{start.year}–{end.year}"


_SKELETONS = {"day": "yMMMMd", "week": "yMMMMd", "month": "yMMMM", "quarter": "yQQQ", "year": "y"}


def _format_localised(value: DateValue, locale: str) -> str:
    from babel.dates import format_interval, format_skeleton

    skeleton = _SKELETONS.get(value.precision, "yMMMMd")
    start, end = value.start, value.end
    if value.precision == "quarter" and (start.year, (start.month - 1) // 3) == (
        end.year,
        (end.month - 1) // 3,
    ):
        return format_skeleton(skeleton, start, locale=locale)
    same = {
        "day": start == end,
        "week": start == end,
        "month": (start.year, start.month) == (end.year, end.month),
        "year": start.year == end.year,
    }.get(value.precision, start == end)
    if same:
        return format_skeleton(skeleton, start, locale=locale)
    return format_interval(start, end, skeleton, locale=locale)
