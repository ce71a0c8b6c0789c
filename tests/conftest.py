"""Shared fixtures: the curated seed story, loaded once through the real loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapstory.model import Story
from mapstory.storyfile import DEFAULT_STORY_PATH, load_story

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seed_story() -> Story:
    return load_story(DEFAULT_STORY_PATH)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
