"""Shared fixtures: the curated seed story, loaded once through the real loader, and one
headless Chromium per session for every browser test (Playwright allows one per process)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mapstory.model import Story
from mapstory.storyfile import DEFAULT_STORY_PATH, load_story

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seed_story() -> Story:
    return load_story(DEFAULT_STORY_PATH)


@pytest.fixture(scope="session")
def pacific_story() -> Story:
    """Fumio Kishida's flight from Tokyo to Washington: an arrow across the antimeridian."""
    return load_story(FIXTURES / "pacific-story.json")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    from tests.browser.harness import chromium, chromium_path

    if chromium_path() is None:
        if os.environ.get("MAPSTORY_ALLOW_NO_BROWSER") == "1":
            pytest.skip("chromium missing and MAPSTORY_ALLOW_NO_BROWSER=1")
        pytest.fail(
            "chromium is not installed: browser tests cannot run (apt-get install chromium)"
        )
    with chromium() as instance:
        yield instance
