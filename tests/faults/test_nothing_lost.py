"""Nothing a person gives the Article page is lost: their text and place fixes survive a parse
that fails, a text the intake limits refuse, a reload and a restart, and are shown only to
whoever has the link."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import mapstory.geoparse.draft as draft_module
from mapstory.gazetteer import default_gazetteer
from mapstory.store import ArticleInput, StoreError, StoryStore, new_story_id, valid_id

PAGE = "../../pages/article.py"
TEXT = (
    "Russian prime minister Mikhail Mishustin flew from Moscow to Beijing on Tuesday for talks "
    "with Chinese leader Xi Jinping."
)
DATE = dt.date(2023, 5, 24)


@pytest.fixture
def store_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_caches: None) -> Path:
    path = tmp_path / "stories.sqlite3"
    monkeypatch.setenv("MAPSTORY_STORE_PATH", str(path))
    monkeypatch.delenv("MAPSTORY_ONLINE", raising=False)
    return path


def open_page(story: str | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=90)
    if story is not None:
        at.query_params["story"] = story
    at.run()
    assert not at.exception, at.exception
    return at


def make(at: AppTest, text: str, title: str = "") -> AppTest:
    at.text_area(key="paste_text").input(text)
    at.text_input(key="title").input(title)
    at.date_input(key="article_date").set_value(DATE)
    next(b for b in at.button if b.label == "Make the map story").click().run()
    assert not at.exception, at.exception
    return at


def link_of(at: AppTest) -> str:
    value = at.query_params["story"]
    return value[0] if isinstance(value, list) else value


def fix_moscow(at: AppTest, store_path: Path) -> str:
    """Move Moscow to Moscow, Idaho, through the page; return the fixed place's id."""
    story = StoryStore(store_path).load(link_of(at)).story
    moscow = next(p for p in story.places if p.name == "Moscow")
    idaho = next(e for e in default_gazetteer().search("Moscow") if e.country_code == "US")
    at.selectbox(key="fix_place").set_value(moscow.id).run()
    next(r for r in at.radio if r.key and r.key.startswith("fix_pick_")).set_value(idaho.id).run()
    next(b for b in at.button if b.key == "fix_apply").click().run()
    assert not at.exception
    assert StoryStore(store_path).load(story.id).story.place(moscow.id).country_code == "US"
    return moscow.id


def break_the_geoparser(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the language model crashed")

    monkeypatch.setattr(draft_module, "geoparse", explode)


def texts(at: AppTest) -> str:
    return "\n".join(x.value.replace("\\", "") for x in [*at.error, *at.warning, *at.markdown])


def test_a_failed_parse_keeps_the_text_on_screen_and_at_the_link(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    break_the_geoparser(monkeypatch)
    at = make(open_page(), TEXT, title="My title")
    shown = texts(at)
    assert "the geoparser failed (RuntimeError: the language model crashed)" in shown
    assert "Your text is kept" in shown and "Traceback" not in shown
    assert at.text_area(key="paste_text").value == TEXT  # still on screen
    link = link_of(at)
    assert valid_id(link) and link.startswith("draft-")
    kept = StoryStore(store_path).load_input(link)
    assert kept is not None and kept.text == TEXT and "crashed" in (kept.problem or "")
    assert StoryStore(store_path).load(link) is None  # no story was made

    # A reload (a new session, fresh caches as after a restart) gets the text back.
    st.cache_resource.clear()
    again = open_page(link)
    assert again.text_area(key="paste_text").value == TEXT
    assert again.text_input(key="title").value == "My title"
    assert again.date_input(key="article_date").value == DATE
    assert "No story has been made from this text yet" in texts(again)

    # Fixed, the same page makes the story from the kept text.
    monkeypatch.undo()
    monkeypatch.setenv("MAPSTORY_STORE_PATH", str(store_path))
    next(b for b in again.button if b.label == "Make the map story").click().run()
    assert not again.exception
    made = StoryStore(store_path).load(link_of(again))
    assert made is not None and made.story.article.text == TEXT


def test_fixes_survive_a_failed_parse_of_new_text(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = make(open_page(), TEXT)
    first = link_of(at)
    moscow = fix_moscow(at, store_path)
    break_the_geoparser(monkeypatch)
    make(at, TEXT + " They also discussed Vladivostok.")
    assert "geoparser failed" in texts(at)
    assert link_of(at) != first
    assert "Back to the previous draft" in texts(at)  # the way back survives too
    assert first in texts(at)
    fixed = StoryStore(store_path).load(first)
    assert fixed.story.place(moscow).country_code == "US" and fixed.version == 2


def test_a_text_refused_by_the_intake_limits_stays_on_screen(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPSTORY_INTAKE_MAX_TEXT_CHARS", "300")
    at = make(open_page(), TEXT)
    first = link_of(at)
    moscow = fix_moscow(at, store_path)
    too_long = TEXT + " More words." * 40
    make(at, too_long)
    assert at.error and "300" in at.error[0].value.replace("\\", "").replace(",", "")
    assert at.text_area(key="paste_text").value == too_long  # nothing the person typed is lost
    assert link_of(at) == first  # the link still opens the fixed draft
    assert StoryStore(store_path).load(first).story.place(moscow).country_code == "US"


def test_a_reload_or_restart_brings_back_the_text_and_the_fix(store_path: Path) -> None:
    at = make(open_page(), TEXT, title="Mishustin in Beijing")
    link = link_of(at)
    moscow = fix_moscow(at, store_path)
    st.cache_resource.clear()  # a restarted server starts with empty caches
    st.cache_data.clear()
    again = open_page(link)
    assert again.text_area(key="paste_text").value == TEXT
    assert again.text_input(key="title").value == "Mishustin in Beijing"
    again.selectbox(key="fix_place").set_value(moscow).run()
    assert any("Corrected by a reader to Moscow, US" in c.value for c in again.caption)
    assert "Draft: Mishustin in Beijing" in "".join(h.proto.body for h in again.get("html"))


def test_another_person_without_the_link_sees_an_empty_page(store_path: Path) -> None:
    at = make(open_page(), TEXT)
    fix_moscow(at, store_path)
    stranger = open_page()
    assert stranger.text_area(key="paste_text").value in ("", None)
    assert not stranger.get("html") or "Draft:" not in "".join(
        h.proto.body for h in stranger.get("html")
    )
    assert "story" not in stranger.query_params
    # Nor does a guessed link find anything.
    guess = open_page(new_story_id())
    assert guess.text_area(key="paste_text").value in ("", None)
    assert TEXT not in texts(guess)


# -- the store underneath ---------------------------------------------------------------------


def test_kept_inputs_round_trip_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    kept = ArticleInput("text $5bn", "Title", DATE, "pasted text", "it failed", "draft-abc")
    StoryStore(path).save_input("draft-xyz", kept)
    assert StoryStore(path).load_input("draft-xyz") == kept
    assert StoryStore(path).load_input("draft-other") is None
    assert StoryStore(path).load_input("../etc/passwd") is None
    with pytest.raises(ValueError):
        StoryStore(path).save_input("not an id!", kept)


def test_a_damaged_kept_input_is_a_named_error(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    StoryStore(path).save_input("draft-xyz", ArticleInput("text"))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE inputs SET body = '[1, 2' WHERE id = 'draft-xyz'")
    with pytest.raises(StoreError, match=r"s\.sqlite3.*draft-xyz"):
        StoryStore(path).load_input("draft-xyz")


def test_a_read_only_store_fails_at_start_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root ignores file permissions, so the file is opened read-only the way SQLite does
    for a file it may not write."""
    path = tmp_path / "s.sqlite3"
    StoryStore(path)
    original = StoryStore._connect

    def read_only(self: StoryStore) -> sqlite3.Connection:
        if self.path == path:
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        return original(self)

    monkeypatch.setattr(StoryStore, "_connect", read_only)
    with pytest.raises(StoreError, match=r"s\.sqlite3.*read-only"):
        StoryStore(path)


def test_draft_ids_are_long_enough_not_to_be_guessed() -> None:
    ids = {new_story_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) - len("draft-") == 32 and valid_id(i) for i in ids)  # 128 random bits
