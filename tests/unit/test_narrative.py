"""Steps, excerpts and the plain-text lines that say what the map shows."""

import datetime as dt

import pytest

from mapstory.geoparse.draft import draft_story
from mapstory.model import Figure
from mapstory.narrative import (
    build_steps,
    clamp_step,
    figure_since,
    format_figure,
    headline_figure,
    sentence_bounds,
)
from mapstory.storyfile import parse_story


def test_seed_story_has_an_overview_and_eight_steps(seed_story) -> None:
    steps = build_steps(seed_story)
    assert [s.number for s in steps] == list(range(1, 10))
    assert steps[0].overview and not any(s.overview for s in steps[1:])
    assert set(steps[0].events) == {e.id for e in seed_story.events}


def test_step_lines_describe_the_map(seed_story) -> None:
    steps = {s.title: s for s in build_steps(seed_story)}
    mishustin = steps["Mishustin in Beijing"]
    assert mishustin.lines[0] == (
        "Arrow from Moscow to Beijing: Mikhail Mishustin’s visit, 23–24 May 2023."
    )
    assert mishustin.date_label == "23–24 May 2023"  # 24 May lies inside, not repeated
    li_hui = steps["Li Hui’s shuttle diplomacy"]
    assert "(scheduled)" in li_hui.lines[1] and "26 May 2023" in li_hui.lines[1]
    assert li_hui.date_label == "15–21 May 2023; 26 May 2023"
    assert "hatched red" in steps["The war in Ukraine"].description
    # What the width shows, how the year since has gone, and where the flow is heading.
    assert (
        "bilateral trade $190bn (2022), $53.8bn (Q1 2023, almost +40%), and $200bn (2023, forecast)"
        in steps["Trade surges"].description
    )


def test_a_figure_tells_its_change_beside_the_period_it_compares() -> None:
    quarter = Figure(
        measure="trade",
        value=53.8,
        unit="USD bn",
        period="Q1 2023",
        change_pct=40,
        approximate=True,
    )
    assert format_figure(quarter) == "$53.8bn (Q1 2023, almost +40%)"
    projected = Figure(measure="energy", period="2023", basis="projected", change_pct=40)
    assert format_figure(projected) == "+40% (2023, projected)"
    assert format_figure(Figure(measure="trade", value=5, unit="USD bn", period="")) == "$5bn"
    assert format_figure(Figure(measure="t", value=2, unit="USD bn", period="", change_pct=-3)) == (
        "$2bn (-3%)"
    )


def test_the_year_since_is_told_only_after_a_whole_year(seed_story) -> None:
    trade = seed_story.event("trade-russia-china")
    headline = headline_figure(trade)
    assert headline.period == "2022"
    assert figure_since(trade, headline).period == "Q1 2023"
    # A part-year figure of the headline's own year, or one with no headline, is not "since".
    same_year = trade.model_copy(
        update={
            "figures": [f for f in trade.figures if f.period != "Q1 2023"]
            + [Figure(measure="trade", value=40, unit="USD bn", period="H1 2022")]
        }
    )
    assert figure_since(same_year, headline_figure(same_year)) is None


def test_excerpts_are_whole_sentences_with_places_marked_by_offset(seed_story) -> None:
    step = next(s for s in build_steps(seed_story) if s.title == "Vladivostok opens to China")
    text = seed_story.article.text
    for ex in step.excerpts:
        assert text[ex.start : ex.end] == ex.text
        assert ex.text[0].isupper() and ex.text.endswith(".")
        assert ex.paragraph == 8
    marked = [seg for ex in step.excerpts for seg in ex.segments if seg.place]
    assert [seg.place for seg in marked].count("vladivostok") == 2
    assert all(
        seed_story.place(seg.place).name in (seg.text, "China", "Russia")
        or seg.text in ("Chinese", "Russian")
        for seg in marked
    )


def test_sentence_bounds_respect_abbreviations() -> None:
    text = "Officials in the U.S. said so. Then they left."
    start = text.index("said")
    assert sentence_bounds(text, start, start + 4) == (0, text.index(" Then"))


def test_uncurated_story_gets_one_step_per_event_in_article_order() -> None:
    story = parse_story("""
id: plain
title: Plain
article: {title: T, date: 2023-05-24, text: "Bo went to Rome. Earlier, Ann flew to Paris."}
places:
  - {id: paris, name: Paris, kind: city, lat: 48.85, lon: 2.35}
  - {id: rome, name: Rome, kind: city, lat: 41.9, lon: 12.5}
actors: [{id: ann, name: Ann}, {id: bo, name: Bo}]
events:
  - {id: ann, kind: visit, title: Ann in Paris, actor: ann, destination: paris,
     spans: [Ann flew to Paris.]}
  - {id: bo, kind: visit, title: Bo in Rome, actor: bo, destination: rome,
     spans: [Bo went to Rome.]}
""")
    steps = build_steps(story)
    assert [s.title for s in steps[1:]] == ["Bo in Rome", "Ann in Paris"]
    assert steps[1].lines == ("Arrow to Rome: Bo’s visit.",)


@pytest.mark.parametrize(
    ("raw", "number", "noted"),
    [
        (None, 1, False),
        ("3", 3, False),
        (" 4 ", 4, False),
        ("0", 1, True),
        ("-1", 1, True),
        ("99", 9, True),
        ("abc", 1, True),
        ("1e3", 1, True),
        ("٣", 3, False),
    ],
)
def test_clamp_step(raw, number, noted) -> None:
    got, note = clamp_step(raw, 9)
    assert got == number
    assert (note is not None) == noted


def test_a_figure_says_whether_it_is_a_fact_a_forecast_or_an_aim() -> None:
    from mapstory.model import Figure
    from mapstory.narrative import format_figure

    def told(**fields) -> str:
        return format_figure(Figure(measure="trade", value=100.0, unit="USD bn", **fields))

    assert told(period="2022") == "$100bn (2022)"
    assert told(period="2030", basis="target") == "$100bn (2030, target)"
    assert told(period="", basis="target") == "$100bn (target)"


@pytest.mark.parametrize(
    ("unit", "written"),
    [
        ("USD bn", "$107bn"),
        ("EUR bn", "€107bn"),
        ("AUD bn", "A$107bn"),
        ("GBP m", "£107m"),
        ("CHF m", "CHF 107m"),
        ("EUR", "€107"),
        ("million barrels a day", "107 million barrels a day"),
        ("tonnes", "107 tonnes"),
    ],
)
def test_money_is_written_with_its_currency_sign(unit: str, written: str) -> None:
    from mapstory.narrative import format_value

    # "€107bn", as news writes it, not "107 EUR bn".
    assert format_value(107.0, unit) == written


def test_an_amount_under_ten_keeps_its_second_decimal() -> None:
    from mapstory.narrative import format_value

    assert format_value(1.96, "million barrels a day") == "1.96 million barrels a day"
    assert format_value(53.8, "USD bn") == "$53.8bn"


def test_a_pact_still_to_be_signed_is_said_to_be_ahead() -> None:
    story = draft_story(
        "Japan and the Philippines will sign a defence pact on Monday. Chile and Peru signed a "
        "defence pact in May.",
        date=dt.date(2023, 7, 18),
    )
    lines = [line for step in build_steps(story)[1:] for line in step.lines]
    assert "Japan and Philippines shaded: defence pact, scheduled." in lines
    assert "Chile and Peru shaded: defence pact." in lines
