"""The SQLite story store: ids, versions, surviving a restart, and broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapstory.model import Story
from mapstory.store import StoreError, StoryStore, new_story_id, valid_id, with_id


def test_save_load_and_versions(tmp_path: Path, seed_story: Story) -> None:
    store = StoryStore(tmp_path / "s.sqlite3")
    story = with_id(seed_story, new_story_id())
    first = store.save(story)
    assert first.version == 1 and first.key == f"{story.id}@1"
    second = store.save(story)
    assert second.version == 2 and second.key != first.key
    loaded = store.load(story.id)
    assert loaded is not None and loaded.story == story and loaded.version == 2
    assert story.id in store and "draft-missing" not in store


def test_survives_a_restart(tmp_path: Path, seed_story: Story) -> None:
    path = tmp_path / "nested" / "s.sqlite3"
    story = with_id(seed_story, new_story_id())
    StoryStore(path).save(story)
    assert StoryStore(path).load(story.id).story == story  # a new process opens the same file


@pytest.mark.parametrize("bad", ["", "../etc/passwd", "A" * 80, "x;DROP TABLE stories", None, 5])
def test_malformed_ids_are_not_looked_up(tmp_path: Path, bad) -> None:
    assert not valid_id(bad)
    assert StoryStore(tmp_path / "s.sqlite3").load(bad) is None


def test_ids_are_random_and_valid() -> None:
    ids = {new_story_id() for _ in range(100)}
    assert len(ids) == 100 and all(valid_id(i) for i in ids)


def test_corrupt_store_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not an sqlite database" * 100)
    with pytest.raises(StoreError, match=r"s\.sqlite3"):
        StoryStore(path)


def test_tampered_row_is_reported_not_shown(tmp_path: Path, seed_story: Story) -> None:
    import sqlite3

    path = tmp_path / "s.sqlite3"
    store = StoryStore(path)
    story = with_id(seed_story, "draft-abc")
    store.save(story)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE stories SET body = ? WHERE id = ?", ('{"id": "draft-abc"}', story.id))
    with pytest.raises(StoreError, match="draft-abc"):
        store.load(story.id)
