"""The Article page with online geocoding on and a failing Nominatim: it says which places
could not be geocoded online, keeps the offline draft, and waits at most the timeout."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mapstory.store import StoryStore
from tests.faults.fake_nominatim import fake_nominatim
from tests.faults.test_nominatim_faults import ARTICLE, UNKNOWN, USER_AGENT

PAGE = "../../pages/article.py"
TIMEOUT = 2.0  # MAPSTORY_NOMINATIM_TIMEOUT for these tests


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_caches: None) -> Path:
    store = tmp_path / "stories.sqlite3"
    monkeypatch.setenv("MAPSTORY_STORE_PATH", str(store))
    monkeypatch.setenv("MAPSTORY_ONLINE", "1")
    monkeypatch.setenv("MAPSTORY_NOMINATIM_USER_AGENT", USER_AGENT)
    monkeypatch.setenv("MAPSTORY_NOMINATIM_SCHEME", "http")
    monkeypatch.setenv("MAPSTORY_NOMINATIM_TIMEOUT", str(TIMEOUT))
    return store


def make(text: str) -> tuple[AppTest, float]:
    """Paste *text* and make the story; also return how long that click kept the page busy."""
    at = AppTest.from_file(PAGE, default_timeout=90)
    at.run()
    at.text_area(key="paste_text").input(text)
    at.text_input(key="title").input("Test")
    started = time.monotonic()
    next(b for b in at.button if b.label == "Make the map story").click().run()
    return at, time.monotonic() - started


def warnings_of(at: AppTest) -> str:
    return "\n".join(w.value.replace("\\", "") for w in at.warning)


@pytest.mark.parametrize("mode", ["503", "silent", "drip"])
def test_the_page_names_the_places_nominatim_could_not_geocode(
    mode: str, online: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with fake_nominatim(mode, delay=60) as server:
        monkeypatch.setenv("MAPSTORY_NOMINATIM_DOMAIN", server.domain)
        make("warm-up: Paris.")  # the first draft loads the language model
        at, elapsed = make(ARTICLE)
    assert not at.exception, at.exception
    assert elapsed < TIMEOUT + 3  # a parse of a few lines plus at most the timeout
    shown = warnings_of(at)
    assert "could not be geocoded online" in shown and server.domain in shown
    for name in UNKNOWN:
        assert name in shown
    story = StoryStore(online).load(at.query_params["story"]).story
    assert {"Paris", "Berlin"} <= {p.name for p in story.places}  # the offline draft is kept
    assert story.events and story.article.text == ARTICLE
    # The note stays with the draft while the person works on it in this session.
    at.run()
    assert "could not be geocoded online" in warnings_of(at)


def test_the_page_shows_the_places_nominatim_found(
    online: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with fake_nominatim("ok") as server:
        monkeypatch.setenv("MAPSTORY_NOMINATIM_DOMAIN", server.domain)
        monkeypatch.setenv("MAPSTORY_NOMINATIM_TIMEOUT", "10")
        at, _ = make(ARTICLE)
    assert not at.exception
    assert "Placed online by Nominatim" in warnings_of(at)
    story = StoryStore(online).load(at.query_params["story"]).story
    assert {"Glenwhistle Valley", "Quillon Bay"} <= {p.name for p in story.places}


def test_online_without_a_user_agent_says_so_and_drafts_offline(
    online: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MAPSTORY_NOMINATIM_USER_AGENT")
    monkeypatch.setenv("MAPSTORY_NOMINATIM_DOMAIN", "127.0.0.1:9")
    at, _ = make(ARTICLE)
    assert not at.exception
    assert "not configured" in warnings_of(at)
    assert StoryStore(online).load(at.query_params["story"]) is not None
