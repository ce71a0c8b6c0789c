import datetime as dt

import pytest

from mapstory.dates import format_date, resolve

WEDNESDAY = dt.date(2023, 5, 24)


@pytest.mark.parametrize(
    ("phrase", "tense", "start", "end", "precision"),
    [
        ("On Tuesday", "past", "2023-05-23", "2023-05-23", "day"),
        ("On Wednesday", "past", "2023-05-24", "2023-05-24", "day"),
        ("on Friday", "future", "2023-05-26", "2023-05-26", "day"),
        ("Last week", "past", "2023-05-15", "2023-05-21", "week"),
        ("In March", "past", "2023-03-01", "2023-03-31", "month"),
        ("effective from 1 June", "future", "2023-06-01", "2023-06-01", "day"),
        ("163 years ago", "past", "1860-01-01", "1860-12-31", "year"),
        ("This month", "past", "2023-05-01", "2023-05-31", "month"),
        ("this year", "past", "2023-01-01", "2023-12-31", "year"),
        ("in 2022", "past", "2022-01-01", "2022-12-31", "year"),
        ("the first three months of this year", "past", "2023-01-01", "2023-03-31", "quarter"),
        ("Q4 2022", "past", "2022-10-01", "2022-12-31", "quarter"),
        ("23–24 May", "past", "2023-05-23", "2023-05-24", "day"),
        # Earlier in the week is its days before today; later, its days after.
        ("Earlier in the week", "past", "2023-05-22", "2023-05-23", "week"),
        ("earlier this week", "past", "2023-05-22", "2023-05-23", "week"),
        ("later in the week", "future", "2023-05-25", "2023-05-28", "week"),
        ("later this month", "future", "2023-05-01", "2023-05-31", "month"),
        ("May 23-24", "past", "2023-05-23", "2023-05-24", "day"),
        ("May 23 and 24", "past", "2023-05-23", "2023-05-24", "day"),
        ("6 and 7 July", "future", "2023-07-06", "2023-07-07", "day"),
        # The part of a day says nothing of which: the article's own Wednesday.
        ("late Wednesday", "past", "2023-05-24", "2023-05-24", "day"),
        ("early on Tuesday", "past", "2023-05-23", "2023-05-23", "day"),
        ("Wednesday night", "past", "2023-05-24", "2023-05-24", "day"),
        ("on Nov. 18-19", "future", "2023-11-18", "2023-11-19", "day"),
        ("June 30 to July 2, 2024", "future", "2024-06-30", "2024-07-02", "day"),
        ("30 Dec - 2 Jan", "future", "2023-12-30", "2024-01-02", "day"),
        ("next week", "past", "2023-05-29", "2023-06-04", "week"),
        ("in the year to March", "past", "2022-04-01", "2023-03-31", "month"),
        ("the 12 months ended June 2022", "past", "2021-07-01", "2022-06-30", "month"),
        ("the financial year to June", "future", "2022-07-01", "2023-06-30", "month"),
        ("Monday and Tuesday", "past", "2023-05-22", "2023-05-23", "day"),
        ("Friday to Monday", "future", "2023-05-26", "2023-05-29", "day"),
        ("Tuesday-Thursday", "past", "2023-05-23", "2023-05-25", "day"),
        # A month placed by a word: the latest before this month, the first after it.
        ("last November", "past", "2022-11-01", "2022-11-30", "month"),
        ("last March", "past", "2023-03-01", "2023-03-31", "month"),
        ("last May", "past", "2022-05-01", "2022-05-31", "month"),
        ("next March", "future", "2024-03-01", "2024-03-31", "month"),
        ("this November", "future", "2023-11-01", "2023-11-30", "month"),
        ("in November last year", "past", "2022-11-01", "2022-11-30", "month"),
        ("Sept. next year", "future", "2024-09-01", "2024-09-30", "month"),
    ],
)
def test_phrases_resolve_against_the_article_date(phrase, tense, start, end, precision) -> None:
    value = resolve(phrase, WEDNESDAY, tense)
    assert value is not None
    assert (value.start.isoformat(), value.end.isoformat(), value.precision) == (
        start,
        end,
        precision,
    )
    assert value.phrase == phrase


def test_relative_flag_says_whether_the_article_date_was_needed() -> None:
    assert resolve("On Tuesday", WEDNESDAY).relative is True
    assert resolve("in 2022", WEDNESDAY).relative is False


def test_the_same_weekday_as_the_article_is_the_article_day() -> None:
    assert resolve("Wednesday", WEDNESDAY, "future").start == WEDNESDAY
    assert resolve("Wednesday", WEDNESDAY, "past").start == WEDNESDAY


def test_this_week_said_on_a_sunday_of_what_is_ahead_is_the_week_from_tomorrow() -> None:
    sunday = dt.date(2024, 10, 20)
    ahead = resolve("this week", sunday, "future")
    assert (ahead.start, ahead.end) == (dt.date(2024, 10, 21), dt.date(2024, 10, 27))
    done = resolve("this week", sunday, "past")
    assert (done.start, done.end) == (dt.date(2024, 10, 14), dt.date(2024, 10, 20))
    midweek = resolve("this week", WEDNESDAY, "future")
    assert (midweek.start, midweek.end) == (dt.date(2023, 5, 22), dt.date(2023, 5, 28))


@pytest.mark.parametrize(
    "phrase",
    # A span of time as a modifier ("a 99-year lease", "a six-week war") is no date.
    # Two days with "and" that do not run on are two days, not the days between.
    [
        *("", "   ", "banana", "the same period", "last may", "99-year", "a 99-year"),
        *("six-week", "May 3 and 5", "3 and 9 May"),
    ],
)
def test_non_dates_give_none(phrase) -> None:
    assert resolve(phrase, WEDNESDAY) is None


@pytest.mark.parametrize(
    "phrase",
    [
        "five years",
        "in five years",
        "two days",
        "more than a decade",
        "three decades",
        "10 days",
        # "the heaviest rainfall for ninety years": a length of time in words
        "ninety years",
        "seventy-five years",
        "a hundred years",
    ],
)
def test_a_length_of_time_is_not_a_date(phrase) -> None:
    # "the first visit to China in five years", "after spending two days in New York":
    # dateparser alone reads a bare "five years" as five years ago.
    assert resolve(phrase, WEDNESDAY) is None


def test_a_day_number_is_never_read_as_a_year() -> None:
    # dateparser alone reads "Nov 18-19" as 18 November 2119.
    assert resolve("19-20", WEDNESDAY, "future") is None
    assert resolve("May 5-3", WEDNESDAY) is None


def test_a_length_of_time_ago_is_a_date() -> None:
    assert resolve("two days ago", WEDNESDAY).start == dt.date(2023, 5, 22)
    assert resolve("five years ago", WEDNESDAY).precision == "year"


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("A day earlier", dt.date(2023, 5, 16)),
        ("the day before", dt.date(2023, 5, 16)),
        ("the previous day", dt.date(2023, 5, 16)),
        ("two days later", dt.date(2023, 5, 19)),
        ("The next day", dt.date(2023, 5, 18)),
        ("a week earlier", dt.date(2023, 5, 10)),
    ],
)
def test_a_day_counted_from_another_counts_from_the_last_day_told(phrase, day) -> None:
    # "Zelensky arrived in Washington on Wednesday … A day earlier he had visited Bakhmut":
    # from the day the story told last (here 17 May), not from the article's date.
    value = resolve(phrase, WEDNESDAY, reference=dt.date(2023, 5, 17))
    assert (value.start, value.end, value.precision) == (day, day, "day")
    # With no day told before, the article's date is the one counted from.
    assert resolve("A day earlier", WEDNESDAY).start == dt.date(2023, 5, 23)


def test_labels_do_not_invent_precision() -> None:
    assert format_date(resolve("In March", WEDNESDAY)) == "March 2023"
    assert format_date(resolve("Last week", WEDNESDAY)) == "15–21 May 2023"
    assert format_date(resolve("163 years ago", WEDNESDAY)) == "1860"
    assert format_date(resolve("Q1 2023", WEDNESDAY)) == "Q1 2023"
    assert format_date(resolve("on Friday", WEDNESDAY, "future")) == "26 May 2023"


def test_a_year_counted_from_another_counts_from_its_year() -> None:
    from mapstory.model import DateValue

    in_1971 = resolve("in 1971", WEDNESDAY)
    assert isinstance(in_1971, DateValue)
    for phrase, year in (("the following year", 1972), ("two years earlier", 1969)):
        value = resolve(phrase, WEDNESDAY, reference=in_1971)
        assert (value.start, value.end, value.precision) == (
            dt.date(year, 1, 1),
            dt.date(year, 12, 31),
            "year",
        )
    # A year is too coarse to count days from: "a day later" then counts from the article.
    assert resolve("a day later", WEDNESDAY, reference=in_1971).start == dt.date(2023, 5, 25)


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision"),
    [
        ("in May of that year", "2021-05-01", "2021-05-31", "month"),
        ("June that year", "2021-06-01", "2021-06-30", "month"),
        ("that May", "2021-05-01", "2021-05-31", "month"),
        ("later that year", "2021-01-01", "2021-12-31", "year"),
        ("the same year", "2021-01-01", "2021-12-31", "year"),
        ("later that month", "2021-03-01", "2021-03-31", "month"),
    ],
)
def test_that_year_is_the_year_the_story_told_last(phrase, start, end, precision) -> None:
    # "Yoon visited Tokyo in March 2021 … and Kishida made a return visit to Seoul in May of
    # that year": May 2021, not the article's year, and no day is invented.
    told = resolve("in March 2021", WEDNESDAY)
    value = resolve(phrase, WEDNESDAY, reference=told)
    assert (str(value.start), str(value.end), value.precision) == (start, end, precision)
    # With nothing told before, "that year" has no year to be: no date rather than a guess.
    assert resolve(phrase, WEDNESDAY) is None


def test_the_year_alone_is_not_that_year() -> None:
    # "making Africa their first trip of the year": no year the story told before.
    told = resolve("in March 2021", WEDNESDAY)
    assert resolve("the year", WEDNESDAY, reference=told) is None
    assert resolve("the month", WEDNESDAY, reference=told) is None


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("in the 1990s", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
        ("the early 2000s", dt.date(2000, 1, 1), dt.date(2003, 12, 31)),
        ("the mid-1980s", dt.date(1984, 1, 1), dt.date(1986, 12, 31)),
        ("the late 1970s", dt.date(1977, 1, 1), dt.date(1979, 12, 31)),
    ],
)
def test_a_decade_is_its_years_not_seconds_ago(phrase, start, end) -> None:
    value = resolve(phrase, dt.date(2023, 11, 6))
    assert (value.start, value.end, value.precision) == (start, end, "year")


@pytest.mark.parametrize(
    ("phrase", "anchor", "first", "last"),
    [
        ("in the last fiscal year", dt.date(2024, 10, 21), 2023, 2024),
        ("the last financial year", dt.date(2024, 2, 1), 2022, 2023),
        ("this fiscal year", dt.date(2024, 10, 21), 2024, 2025),
    ],
)
def test_a_fiscal_year_spans_the_two_calendar_years_it_runs_across(
    phrase, anchor, first, last
) -> None:
    value = resolve(phrase, anchor)
    assert (value.start, value.end) == (dt.date(first, 1, 1), dt.date(last, 12, 31))


@pytest.mark.parametrize(
    ("phrase", "tense", "day"),
    [
        ("the 12th", "past", dt.date(2025, 7, 12)),  # this month, already reached
        ("on the 20th", "past", dt.date(2025, 6, 20)),  # last month's: this one's is ahead
        ("the 20th", "future", dt.date(2025, 7, 20)),
        ("the 3rd", "future", dt.date(2025, 8, 3)),  # next month's: this one's has passed
    ],
)
def test_a_day_of_the_month_told_alone_is_the_nearest_such_day(phrase, tense, day) -> None:
    value = resolve(phrase, dt.date(2025, 7, 16), tense)
    assert (value.start, value.end, value.precision) == (day, day, "day")
    assert resolve("the 31st", dt.date(2025, 7, 16), "past") is None  # June has no 31st


def test_overnight_is_the_night_just_gone_or_after_the_day_just_told() -> None:
    friday = dt.date(2025, 2, 14)
    assert resolve("overnight", friday).start == friday
    wednesday = resolve("on Wednesday", friday)
    assert resolve("overnight", friday, reference=wednesday).start == dt.date(2025, 2, 12)
    # A day long gone is no night just told.
    assert resolve("overnight", friday, reference=dt.date(2024, 1, 3)).start == friday


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("at the end of this month", dt.date(2024, 9, 1), dt.date(2024, 9, 30)),
        ("the end of the month", dt.date(2024, 9, 1), dt.date(2024, 9, 30)),
        ("the beginning of 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("the middle of next week", dt.date(2024, 9, 16), dt.date(2024, 9, 22)),
    ],
)
def test_a_part_of_a_period_is_within_that_period(phrase, start, end) -> None:
    value = resolve(phrase, dt.date(2024, 9, 13), "future")
    assert (value.start, value.end) == (start, end)


def test_the_start_of_something_that_is_no_period_is_no_date() -> None:
    assert resolve("the start of the war", dt.date(2024, 9, 13)) is None


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("the first nine months of this year", dt.date(2025, 1, 1), dt.date(2025, 9, 30)),
        ("the first 11 months of 2023", dt.date(2023, 1, 1), dt.date(2023, 11, 30)),
        ("the first half of 2024", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
        ("the second half of last year", dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
    ],
)
def test_months_counted_from_a_years_start_are_those_months(phrase, start, end) -> None:
    value = resolve(phrase, dt.date(2025, 10, 22))
    assert (value.start, value.end, value.precision) == (start, end, "month")
