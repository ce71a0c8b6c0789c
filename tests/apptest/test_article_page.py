"""The "any article" page under streamlit.testing: draft, keep, fix and open a story."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mapstory.gazetteer import default_gazetteer
from mapstory.store import StoryStore

PAGE = "../../pages/article.py"
APP = "../../app.py"
TIMEOUT = 90


@pytest.fixture(autouse=True)
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "stories.sqlite3"
    monkeypatch.setenv("MAPSTORY_STORE_PATH", str(path))
    return path


def html_of(at: AppTest) -> str:
    return "".join(h.proto.body for h in at.get("html"))


def make_button(at: AppTest):
    return next(b for b in at.button if b.label == "Make the map story")


def draft(text: str, date: dt.date | None = dt.date(2023, 5, 24)) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.run()
    at.text_area(key="paste_text").input(text)
    if date is not None:
        at.date_input(key="article_date").set_value(date)
    make_button(at).click().run()
    assert not at.exception, at.exception
    return at


def test_seed_article_becomes_a_stored_draft(seed_text: str, store_path: Path) -> None:
    at = draft(seed_text)
    story_id = at.query_params["story"]
    assert story_id.startswith("draft-")
    body = html_of(at)
    assert "Draft:" in body and "Mikhail Mishustin visits Beijing" in body
    assert "Li Hui to visit Russia" in body and "(scheduled)" in body
    stored = StoryStore(store_path).load(story_id)
    assert stored is not None and stored.story.article.date == dt.date(2023, 5, 24)
    assert {"Beijing", "Moscow", "Vladivostok", "Ukraine", "Japan"} <= {
        p.name for p in stored.story.places
    }
    assert at.text_area(key="paste_text").value == seed_text  # the text stays on screen


def test_the_draft_opens_in_the_story_view(seed_text: str) -> None:
    story_id = draft(seed_text).query_params["story"]
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["story"] = story_id
    at.run()
    assert not at.exception
    assert "Russia and China have agreed" in html_of(at)  # the draft's title: its first line
    assert at.query_params["story"] == story_id


def test_the_articles_own_date_counts_its_weekdays_and_is_said(store_path: Path) -> None:
    text = (
        "Minister visits Paris\n\nPARIS, 14 July 2025 — Italy's foreign minister, Antonio Tajani,"
        " arrived in Paris on Monday for talks with his French counterpart."
    )
    at = draft(text, date=None)
    said = [i for i in at.info if "14 July 2025" in i.value and "taken from the article" in i.value]
    assert len(said) == 2  # in the status while drafting, and beside the draft once it is made
    stored = StoryStore(store_path).load(at.query_params["story"])
    assert stored is not None and stored.story.article.date == dt.date(2025, 7, 14)
    visit = next(e for e in stored.story.events if e.kind == "visit")
    assert visit.date is not None and visit.date.start == dt.date(2025, 7, 14)  # that Monday


def test_without_a_date_today_is_used_and_said() -> None:
    at = draft("Italy's foreign minister arrived in Paris on Monday for talks.", date=None)
    assert any("counted from today" in i.value for i in at.info)


def test_unknown_or_malformed_story_links_fall_back_with_a_note() -> None:
    for value in ("draft-000000000000", "../../etc/passwd", "x" * 5000):
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.query_params["story"] = value
        at.run()
        assert not at.exception
        assert any("default story" in i.value for i in at.info), value
        assert "Mishustin visits Beijing" in html_of(at)  # the seed story's header


def test_empty_text_gets_a_clear_message_and_no_draft() -> None:
    at = draft("   \n  ")
    assert at.error and "empty" in at.error[0].value
    assert "story" not in at.query_params


def test_web_address_offline_is_refused_and_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MAPSTORY_ONLINE", raising=False)
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.run()
    at.radio(key="source").set_value("url").run()
    at.text_input(key="url").input("http://127.0.0.1:9/article")
    make_button(at).click().run()
    assert not at.exception
    assert at.error and "off on this server" in at.error[0].value
    assert at.text_input(key="url").value == "http://127.0.0.1:9/article"


def test_hostile_text_is_escaped_in_the_summary() -> None:
    at = draft("<script>alert(1)</script> Officials said the minister flew to Paris on Monday.")
    body = html_of(at)
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;" in body or "alert" not in body


def test_a_reader_fix_is_saved_with_the_story(seed_text: str, store_path: Path) -> None:
    at = draft(seed_text)
    story_id = at.query_params["story"]
    places = StoryStore(store_path).load(story_id).story.places
    moscow = next(p for p in places if p.name == "Moscow")
    idaho = next(e for e in default_gazetteer().search("Moscow") if e.country_code == "US")
    at.selectbox(key="fix_place").set_value(moscow.id).run()
    radio = next(r for r in at.radio if r.key and r.key.startswith("fix_pick_"))
    assert radio.value == moscow.gazetteer_id  # the current choice is preselected
    radio.set_value(idaho.id).run()
    next(b for b in at.button if b.key == "fix_apply").click().run()
    assert not at.exception
    fixed = StoryStore(store_path).load(story_id)
    assert fixed.version == 2
    place = fixed.story.place(moscow.id)
    assert (place.country_code, place.gazetteer_id) == ("US", idaho.id)
    assert "Corrected" in place.note and place.mentions == moscow.mentions


def test_the_fix_search_starts_from_a_name_that_finds_the_current_place(
    store_path: Path,
) -> None:
    # "Barrow" alone finds towns; the place is Barrow County, so the search starts there and
    # the current choice is among the candidates, preselected.
    at = draft("School boards in Barrow, Jackson and Madison counties cut jobs in Georgia.")
    places = StoryStore(store_path).load(at.query_params["story"]).story.places
    barrow = next(p for p in places if p.name == "Barrow County")
    at.selectbox(key="fix_place").set_value(barrow.id).run()
    query = next(t for t in at.text_input if t.key and t.key.startswith("fix_query_"))
    assert query.value == "Barrow County"
    radio = next(r for r in at.radio if r.key and r.key.startswith("fix_pick_"))
    assert radio.value == barrow.gazetteer_id


def test_the_draft_opens_in_the_explore_view(seed_text: str) -> None:
    story_id = draft(seed_text).query_params["story"]
    at = AppTest.from_file("../../pages/explore.py", default_timeout=TIMEOUT)
    at.query_params["story"] = story_id
    at.run()
    assert not at.exception
    assert at.query_params["story"] == story_id  # the link keeps naming the draft
    assert not at.warning  # "story" is not mistaken for a bad filter
    body = html_of(at)
    assert "Li Hui" in body or "Vladivostok" in body
