"""Explore filters, time windows and the link that carries them, on the seed story."""

from __future__ import annotations

import datetime as dt

import pytest

from mapstory.blocs import blocs_in_story, load_blocs
from mapstory.explore import (
    context_for,
    default_state,
    event_certainty,
    event_rows,
    overlaps,
    parse_click,
    parse_query,
    place_excerpts,
    place_rows,
    timing,
    to_query,
    visible_marks,
)

D = dt.date


@pytest.fixture(scope="module")
def ctx(seed_story):
    return context_for(seed_story, blocs_in_story(seed_story, load_blocs()))


def state_of(ctx, **params):
    state, notes = parse_query(params, ctx)
    return state, notes


def test_context_offers_the_storys_layers_actors_and_blocs(ctx) -> None:
    assert ctx.layers == (
        "visits",
        "ports",
        "blocs",
        "trade",
        "conflict",
        "institutions",
        "statements",
        "places",
    )
    assert ctx.actors[:3] == ("mishustin", "xi", "li-hui")
    assert ctx.blocs == ("g7", "nato")
    # "This year" trade runs to 31 December: the slider covers it whole.
    assert (ctx.first_day, ctx.last_day) == (D(2023, 1, 1), D(2023, 12, 31))


@pytest.mark.parametrize(
    ("interval", "window", "inside"),
    [
        ((D(2023, 3, 1), D(2023, 3, 31)), (D(2023, 3, 31), D(2023, 4, 30)), True),
        ((D(2023, 3, 1), D(2023, 3, 31)), (D(2023, 4, 1), D(2023, 4, 30)), False),
        ((D(2023, 3, 1), D(2023, 3, 31)), (D(2023, 2, 1), D(2023, 2, 28)), False),
        ((D(2023, 1, 1), D(2023, 12, 31)), (D(2023, 6, 2), D(2023, 6, 2)), True),
        ((D(2023, 6, 1), D(2023, 6, 1)), (D(2023, 6, 1), D(2023, 6, 1)), True),
    ],
)
def test_an_interval_is_in_a_window_if_any_day_of_it_is(interval, window, inside) -> None:
    assert overlaps(interval, window) is inside


def test_a_month_precision_visit_is_in_any_window_touching_that_month(seed_story, ctx) -> None:
    # "In March": not pinned to 1 March — a window of the last day of March still shows it.
    state, _ = state_of(ctx, **{"from": "2023-03-31", "to": "2023-04-15"})
    assert "visit-xi-moscow" in visible_marks(seed_story, state).events
    state, _ = state_of(ctx, **{"from": "2023-04-01", "to": "2023-04-15"})
    visible = visible_marks(seed_story, state)
    assert "visit-xi-moscow" not in visible.events
    assert visible.reasons["visit-xi-moscow"] == "outside the time window"
    # Year-precision trade ("this year") overlaps every window in 2023.
    assert "trade-russia-china" in visible.events


def test_past_and_future_are_relative_to_the_article_date(seed_story) -> None:
    day = seed_story.article.date
    assert timing(seed_story.event("visit-xi-moscow"), day) == "past"
    assert timing(seed_story.event("visit-lihui-russia"), day) == "future"
    assert timing(seed_story.event("port-vladivostok"), day) == "future"
    assert timing(seed_story.event("trade-russia-china"), day) == "now"
    assert timing(seed_story.event("conflict-ukraine"), day) == "undated"


def test_layer_actor_status_and_certainty_filters(seed_story, ctx) -> None:
    state, notes = state_of(ctx, layers="visits,places", actors="li-hui")
    assert notes == []
    visible = visible_marks(seed_story, state)
    assert set(visible.events) == {"visit-lihui-ukraine", "visit-lihui-russia"}
    assert "kyiv" in visible.places and "vladivostok" not in visible.places
    state, _ = state_of(ctx, status="scheduled")
    assert set(visible_marks(seed_story, state).events) == {
        "port-vladivostok",
        "visit-lihui-russia",
    }
    state, _ = state_of(ctx, certainty="stated")
    visible = visible_marks(seed_story, state)
    assert "visit-mishustin-beijing" not in visible.events  # its origin, Moscow, is inferred
    assert "statement-mishustin-sanctions" in visible.events
    assert "kyiv" not in visible.places and "tokyo" not in visible.places
    assert event_certainty(seed_story, seed_story.event("bloc-g7")) == "inferred"


def test_places_layer_off_hides_places_but_a_selected_place_stays(seed_story, ctx) -> None:
    state, _ = state_of(ctx, layers="visits", place="japan")
    visible = visible_marks(seed_story, state)
    assert visible.places == ("japan",)


def test_undated_marks_follow_their_switch(seed_story, ctx) -> None:
    state, _ = state_of(ctx, undated="hide")
    visible = visible_marks(seed_story, state)
    assert "conflict-ukraine" not in visible.events and "bloc-g7" not in visible.events
    assert visible.undated_shown == 0
    assert visible_marks(seed_story, default_state(ctx)).undated_shown == 4


def test_default_state_serialises_to_an_empty_query(ctx) -> None:
    assert to_query(default_state(ctx), ctx) == {}


def test_query_round_trips(ctx) -> None:
    params = {
        "layers": "visits,ports,places",
        "actors": "mishustin,li-hui",
        "certainty": "stated",
        "status": "happened,scheduled",
        "from": "2023-05-01",
        "to": "2023-06-30",
        "undated": "hide",
        "blocs": "nato,g7",
        "place": "japan",
    }
    state, notes = parse_query(params, ctx)
    assert notes == []
    query = to_query(state, ctx)
    assert query["blocs"] == "g7,nato"  # the story's order, whatever the link's
    again, _ = parse_query(query, ctx)
    assert again == state
    assert to_query(again, ctx) == query


def test_empty_selections_survive_a_round_trip(ctx) -> None:
    state, _ = parse_query({"layers": "none"}, ctx)
    assert state.layers == frozenset()
    assert to_query(state, ctx) == {"layers": "none"}


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"layers": "visits,bogus"}, "unknown layers"),
        ({"layers": "bogus"}, "unknown layers"),
        ({"from": "yesterday"}, "not a date"),
        ({"from": "2023-02-30"}, "not a date"),
        ({"to": "1999-01-01"}, "outside this story's time"),
        ({"place": "atlantis"}, "no place"),
        ({"event": "Robert'); DROP TABLE"}, "no event"),
        ({"place": "../../etc/passwd"}, "looks like a path"),
        ({"layers": "%2e%2e"}, "looks like a path"),
        ({"actors": "x" * 5000}, "too long"),
        ({"undated": "maybe"}, "show or hide"),
        ({"zoom": "3"}, "unknown link parameter"),
        ({"place": "japan", "event": "bloc-g7"}, "not both"),
        ({"from": "2023-06-01", "to": "2023-05-01"}, "swapped"),
    ],
)
def test_bad_links_are_ignored_with_a_note(ctx, params, note) -> None:
    state, notes = parse_query(params, ctx)
    assert any(note in n for n in notes), notes
    assert state.start <= state.end
    assert state.layers  # never an empty map by accident


def test_bad_values_keep_the_good_ones(ctx) -> None:
    state, _ = parse_query({"layers": "visits,bogus", "to": "1999-01-01"}, ctx)
    assert state.layers == frozenset({"visits"})
    assert state.end == ctx.first_day


def test_list_values_take_the_last(ctx) -> None:
    state, _ = parse_query({"place": ["us", "japan"]}, ctx)
    assert state.place == "japan"


def test_tables_have_a_row_per_place_and_event(seed_story, ctx) -> None:
    state, _ = state_of(ctx, layers="visits,places", actors="xi")
    visible = visible_marks(seed_story, state)
    places = place_rows(seed_story, visible)
    assert len(places) == len(seed_story.places)
    japan = next(r for r in places if r["Place"] == "Japan")
    assert japan["Mentions"] == 3 and japan["First mention"] == 10 and japan["Kind"] == "country"
    assert japan["On map"] is False
    events = event_rows(seed_story, visible)
    xi = next(r for r in events if r["Event"].startswith("Xi"))
    assert (xi["From"], xi["To"], xi["Date"], xi["Actors"]) == (
        "Beijing",
        "Moscow",
        "March 2023",
        "Xi Jinping",
    )
    assert xi["Timing"] == "before the article" and xi["On map"] is True
    assert (xi["Earliest"], xi["Latest"], xi["Precision"]) == (
        D(2023, 3, 1),
        D(2023, 3, 31),
        "month",
    )
    port = next(r for r in events if r["Kind"] == "port")
    assert port["Timing"] == "after the article" and port["Status"] == "scheduled"


def test_everything_the_article_says_about_japan(seed_story) -> None:
    excerpts = place_excerpts(seed_story, "japan")
    # Three mentions in two sentences (one names Japan twice): each sentence once.
    assert len(excerpts) == 2
    assert sum(s.place == "japan" for ex in excerpts for s in ex.segments) == 3


@pytest.mark.parametrize(
    ("tooltip", "expected"),
    [
        ("Japan[[pl:japan]]", ("place", "japan")),
        (
            "Mikhail Mishustin: Moscow → Beijing[[ev:visit-mishustin-beijing]]",
            ("event", "visit-mishustin-beijing"),
        ),
        ("[[ev:visit-xi-moscow]]", ("event", "visit-xi-moscow")),
        ("Germany — Nato member", None),
        ("[[pl:atlantis]]", None),
        (None, None),
        ("[[pl:japan]]" + "x" * 3000, None),
    ],
)
def test_map_clicks_map_back_to_ids(ctx, tooltip, expected) -> None:
    assert parse_click(tooltip, ctx) == expected
