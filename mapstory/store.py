"""Stories kept on the server: an SQLite file shared by every session and replica.

A draft made on the "any article" page must outlive the session that made it: its link is
shared, the reader reloads, the server restarts. Each story gets a random id (so one
person's draft is not found by another who pastes the same text, unless they share the
link) and is stored as its validated JSON story file; every save bumps a version number so
caches keyed by (id, version) never show a stale map after a reader's fix.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
import threading
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from mapstory.model import ID_PATTERN, Story
from mapstory.storyfile import StoryFileError, dump_story, parse_story

__all__ = [
    "DEFAULT_STORE_PATH",
    "StoreError",
    "StoredStory",
    "StoryStore",
    "new_story_id",
    "valid_id",
    "with_id",
]

DEFAULT_STORE_PATH = Path("data") / "stories.sqlite3"
_ID = re.compile(ID_PATTERN)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    saved_at REAL NOT NULL,
    body TEXT NOT NULL
)
"""


class StoreError(RuntimeError):
    """The story store cannot be opened, read or written; the message names the file."""


@dataclass(frozen=True)
class StoredStory:
    story: Story
    version: int
    saved_at: float

    @property
    def key(self) -> str:
        """A cache key that changes whenever the story is saved again."""
        return f"{self.story.id}@{self.version}"


def new_story_id(prefix: str = "draft") -> str:
    return f"{prefix}-{secrets.token_hex(6)}"


def with_id(story: Story, story_id: str) -> Story:
    """The same story under another id (validated afresh: lookups are cached per instance)."""
    data = story.model_dump()
    data["id"] = story_id
    return Story.model_validate(data)


def valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(_ID.fullmatch(value))


class StoryStore:
    """Save and load stories by id. Safe to share between threads (one connection per call)."""

    def __init__(self, path: str | Path = DEFAULT_STORE_PATH) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(self._connect()) as db, db:
                db.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.path}: the story store cannot be opened ({exc})") from exc

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def save(self, story: Story) -> StoredStory:
        body = dump_story(story, "json")
        now = time.time()
        try:
            with self._lock, closing(self._connect()) as db, db:
                row = db.execute("SELECT version FROM stories WHERE id = ?", (story.id,)).fetchone()
                version = (row[0] + 1) if row else 1
                db.execute(
                    "INSERT OR REPLACE INTO stories (id, version, saved_at, body) "
                    "VALUES (?, ?, ?, ?)",
                    (story.id, version, now, body),
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: the story could not be saved ({exc})") from exc
        return StoredStory(story, version, now)

    def load(self, story_id: str) -> StoredStory | None:
        """The stored story, or None if there is none with that id (or the id is malformed)."""
        if not valid_id(story_id):
            return None
        try:
            with closing(self._connect()) as db:
                row = db.execute(
                    "SELECT version, saved_at, body FROM stories WHERE id = ?", (story_id,)
                ).fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: the story store cannot be read ({exc})") from exc
        if row is None:
            return None
        version, saved_at, body = row
        try:
            story = parse_story(body, source=f"{self.path} [{story_id}]")
        except StoryFileError as exc:
            raise StoreError(str(exc)) from exc
        return StoredStory(story, version, saved_at)

    def __contains__(self, story_id: object) -> bool:
        return valid_id(story_id) and self.load(story_id) is not None  # type: ignore[arg-type]
