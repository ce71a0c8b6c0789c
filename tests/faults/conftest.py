"""Fixtures for fault tests: a clean geocoding state, fresh Streamlit caches, and copies of
geodata/ with one file missing or damaged.

A fault directory holds symlinks to the bundled files except the one under test, so the
repository's own data is never touched and the gazetteer cache (keyed by real paths) is shared
with every test that does not break the gazetteer itself.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

from mapstory.gazetteer import GEODATA_DIR
from mapstory.geocode import nominatim

#: Every file in geodata/ the app reads, relative to the directory.
DATA_FILES = (
    "gazetteer.tsv.gz",
    "gazetteer-towns.tsv.gz",
    "countries.geojson",
    "demonyms.tsv",
    "blocs.yaml",
    "stories/mishustin-beijing-2023.yaml",
)
#: Ways a file can be broken: absent, random bytes, empty, or cut off half-way.
DAMAGE = ("missing", "garbage", "empty", "truncated")


@pytest.fixture(autouse=True)
def clean_geocoding(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No pacing, back-off or cached answer leaks between tests; loopback never via a proxy."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    nominatim._reset_for_tests()
    yield
    nominatim._reset_for_tests()


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Streamlit's process-wide caches cleared around an AppTest run.

    Story layouts and loaded stories are cached by story id, which is the same for the seed
    story in every geodata directory; a page must meet the broken file, not a cached copy.
    """
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def damage(directory: Path, name: str, how: str) -> None:
    """Break *directory*/*name* (a fresh file, not a symlink) in the way *how* says."""
    path = directory / name
    if how == "missing":
        return
    if how == "garbage":
        path.write_bytes(bytes(range(256)) * 8 + b"\x00\xff not data \x89PNG\r\n")
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "truncated":
        data = (GEODATA_DIR / name).read_bytes()
        if name.endswith(".gz"):
            data = gzip.compress(gzip.decompress(data)[:5000])[:-20]  # a gzip cut short
        else:
            data = data[: len(data) // 3]
        path.write_bytes(data)
    else:
        raise ValueError(how)


def geodata_with(tmp_path: Path, broken: str | None = None, how: str = "missing") -> Path:
    """A geodata directory of symlinks to the bundled files, with *broken* damaged."""
    directory = tmp_path / "geodata"
    (directory / "stories").mkdir(parents=True)
    for item in GEODATA_DIR.iterdir():
        if item.is_file():
            (directory / item.name).symlink_to(item)
    for story in (GEODATA_DIR / "stories").iterdir():
        (directory / "stories" / story.name).symlink_to(story)
    if broken is not None:
        (directory / broken).unlink()
        damage(directory, broken, how)
    return directory
