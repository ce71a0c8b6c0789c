"""Stories kept on the server: an SQLite file shared by every session and replica.

A draft made on the "any article" page must outlive the session that made it: its link is
shared, the reader reloads, the server restarts. Each story gets a random id (so one
person's draft is not found by another who pastes the same text, unless they share the
link) and is stored as its validated JSON story file; every save bumps a version number so
caches keyed by (id, version) never show a stale map after a reader's fix.

The article a person gave is kept too, before it is parsed (:class:`ArticleInput`): if the
parse fails, the server restarts or the browser reloads, the text is still at the link.
"""

from __future__ import annotations

import datetime as dt
import json
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
    "ArticleInput",
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
);
CREATE TABLE IF NOT EXISTS inputs (
    id TEXT PRIMARY KEY,
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


@dataclass(frozen=True)
class ArticleInput:
    """What a person gave the Article page, kept under the draft's id until it parses.

    ``problem`` says why the last attempt failed (None while it is being parsed);
    ``previous`` is the draft the page showed before, so its link is not lost.
    """

    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    problem: str | None = None
    previous: str | None = None

    def to_json(self) -> str:
        data = {**self.__dict__, "date": self.date.isoformat() if self.date else None}
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, body: str) -> ArticleInput:
        data = json.loads(body)
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ValueError("not an article input")
        date = data.get("date")
        return cls(
            text=data["text"],
            title=_str_or_none(data.get("title")),
            date=dt.date.fromisoformat(date) if isinstance(date, str) else None,
            source=_str_or_none(data.get("source")),
            problem=_str_or_none(data.get("problem")),
            previous=data.get("previous") if valid_id(data.get("previous")) else None,
        )


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def new_story_id(prefix: str = "draft") -> str:
    """A fresh id: 128 random bits, so a draft is found only by those given its link."""
    return f"{prefix}-{secrets.token_hex(16)}"


def with_id(story: Story, story_id: str) -> Story:
    """The same story under another id (validated afresh: lookups are cached per instance)."""
    data = story.model_dump()
    data["id"] = story_id
    return Story.model_validate(data)


def valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(_ID.fullmatch(value))


def _path_problem(path: Path) -> str | None:
    """What is wrong with *path* as a store file before SQLite tries it, in plain words."""
    if path.is_dir():
        return "it is a directory, not a file (MAPSTORY_STORE_PATH must name a file)"
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                return f"{parent} is a file, not a directory"
            break
    return None


def _explain(exc: BaseException) -> str:
    """SQLite's and the OS's error, with a sentence for the common ones."""
    if isinstance(exc, OSError):
        return f"its directory cannot be created ({exc.strerror or exc})"
    text = str(exc)
    if "file is not a database" in text:
        return "it is not an SQLite database (damaged, or another kind of file)"
    if "readonly" in text or "read-only" in text:
        return "it is read-only; the app needs to write drafts and fixes there"
    if "unable to open database file" in text:
        return "the file cannot be created or opened there (check the path and permissions)"
    return text


class StoryStore:
    """Save and load stories by id. Safe to share between threads (one connection per call)."""

    def __init__(self, path: str | Path = DEFAULT_STORE_PATH) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        problem = _path_problem(self.path)
        if problem:
            raise StoreError(f"{self.path}: the story store cannot be opened: {problem}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(self._connect()) as db, db:
                db.executescript(_SCHEMA)
            # Write once and roll it back: a store that opens but cannot be written (a
            # read-only file or volume) must fail now, with the file's name, not later when
            # a person's draft or fix is lost on saving.
            with closing(self._connect()) as db:
                db.isolation_level = None
                db.execute("BEGIN IMMEDIATE")
                try:
                    db.execute("INSERT INTO inputs (id, saved_at, body) VALUES ('-probe-', 0, '')")
                finally:
                    db.execute("ROLLBACK")
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(
                f"{self.path}: the story store cannot be opened: {_explain(exc)}"
            ) from exc

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

    def save_input(self, story_id: str, article: ArticleInput) -> None:
        """Keep what a person gave under *story_id*, before and whatever the parse does."""
        if not valid_id(story_id):
            raise ValueError(f"not a story id: {story_id!r}")
        try:
            with self._lock, closing(self._connect()) as db, db:
                db.execute(
                    "INSERT OR REPLACE INTO inputs (id, saved_at, body) VALUES (?, ?, ?)",
                    (story_id, time.time(), article.to_json()),
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: the article could not be saved ({exc})") from exc

    def load_input(self, story_id: str) -> ArticleInput | None:
        """The article kept under *story_id*, or None (none kept, or a malformed id)."""
        if not valid_id(story_id):
            return None
        try:
            with closing(self._connect()) as db:
                row = db.execute("SELECT body FROM inputs WHERE id = ?", (story_id,)).fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: the story store cannot be read ({exc})") from exc
        if row is None:
            return None
        try:
            return ArticleInput.from_json(row[0])
        except (ValueError, TypeError) as exc:
            raise StoreError(f"{self.path} [{story_id}]: the kept article is damaged") from exc

    def drop_input(self, story_id: str) -> None:
        """Forget the kept article once its story is saved (the story holds the text)."""
        try:
            with self._lock, closing(self._connect()) as db, db:
                db.execute("DELETE FROM inputs WHERE id = ?", (story_id,))
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: the story store cannot be written ({exc})") from exc

    def __contains__(self, story_id: object) -> bool:
        return valid_id(story_id) and self.load(story_id) is not None  # type: ignore[arg-type]
