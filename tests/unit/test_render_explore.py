"""The Explore panel, membership table and timeline: escaped, and saying the right things."""

from __future__ import annotations

import datetime as dt
import json

from mapstory.blocs import blocs_in_story, load_blocs
from mapstory.explore import context_for, default_state, parse_query, visible_marks
from mapstory.render import (
    explore_event_html,
    explore_place_html,
    explore_summary_html,
    membership_html,
    timeline_html,
)
from mapstory.storyfile import parse_story

HOSTILE = "<img src=x onerror=alert(1)>${alert(2)}`\\</script><script>alert(3)</script>"


def hostile_story():
    return parse_story(
        json.dumps(
            {
                "id": "hostile",
                "title": HOSTILE,
                "article": {
                    "title": HOSTILE,
                    "date": "2023-05-24",
                    "text": f"{HOSTILE} flew from Paris to Rome in March. Nato met in Paris.",
                },
                "places": [
                    {
                        "id": "paris",
                        "name": HOSTILE,
                        "kind": "country",
                        "country_code": "FR",
                        "lat": 48.85,
                        "lon": 2.35,
                        "mentions": [{"quote": "Paris", "occurrence": "all"}],
                    },
                    {"id": "rome", "name": "Rome", "kind": "city", "lat": 41.9, "lon": 12.5},
                ],
                "actors": [{"id": "ann", "name": HOSTILE}],
                "events": [
                    {
                        "id": "trip",
                        "kind": "visit",
                        "title": HOSTILE,
                        "actor": "ann",
                        "origin": "paris",
                        "destination": "rome",
                        "date": {"phrase": "in March"},
                        "spans": [{"quote": HOSTILE, "occurrence": 1}],
                    }
                ],
            }
        )
    )


def assert_inert(markup: str) -> None:
    assert "<img" not in markup and "<script" not in markup and "${" not in markup


def test_hostile_names_stay_text_in_every_explore_block() -> None:
    story = hostile_story()
    blocs = blocs_in_story(story, load_blocs())
    assert [b.id for b in blocs] == ["nato"]  # found in the article, for any story
    ctx = context_for(story, blocs)
    visible = visible_marks(story, default_state(ctx))
    day = story.article.date
    for markup in (
        explore_place_html(story, "paris"),
        explore_event_html(story, "trip"),
        explore_summary_html(story, visible),
        membership_html(story, blocs, day, []),
        timeline_html(story, ctx.first_day, ctx.last_day, (ctx.first_day, ctx.last_day), visible),
    ):
        assert_inert(markup)
    assert "&lt;img" in explore_place_html(story, "paris")


def test_place_panel_marks_only_that_place(seed_story) -> None:
    html = explore_place_html(seed_story, "japan")
    assert "Everything the article says about Japan" in html
    assert html.count("<mark") == 3 and 'data-place="china"' not in html
    japan = seed_story.place("japan")
    assert f"country · {japan.lat:.2f}, {japan.lon:.2f} · named 3 times" in html


def test_an_inferred_place_says_so_and_lists_its_events(seed_story) -> None:
    html = explore_place_html(seed_story, "tokyo")
    assert "Not named in the article" in html and "not named" in html
    assert "Nato’s planned liaison office in Japan (undated, proposed)" in html


def test_event_panel_gives_precision_timing_and_status(seed_story) -> None:
    html = explore_event_html(seed_story, "visit-xi-moscow")
    assert "March 2023 (month precision)" in html and "before the article" in html
    html = explore_event_html(seed_story, "visit-lihui-russia")
    assert "after the article" in html and "scheduled" in html


def test_timeline_bars_cover_whole_date_intervals(seed_story) -> None:
    blocs = blocs_in_story(seed_story, load_blocs())
    ctx = context_for(seed_story, blocs)
    state, _ = parse_query({"from": "2023-05-01", "to": "2023-05-31"}, ctx)
    visible = visible_marks(seed_story, state)
    html = timeline_html(seed_story, ctx.first_day, ctx.last_day, state.window, visible)
    # "In March" spans 1–31 March of a 364-day range: from 16.21 % over 31 days (8.51 %).
    assert 'Xi Jinping visits Putin in Moscow</span><span class="ms-tl-track"><span ' in html
    assert 'class="ms-bar ms-off" style="left:16.21%;width:8.51%"' in html
    assert html.count("ms-bar ms-future") == 2  # Li Hui's Friday visit and the 1 June port date
    assert dt.date(2023, 5, 24) == seed_story.article.date
