"""A missing or damaged data file, or a story store that cannot be used, stops each page that
needs it with an error naming the file: never a traceback, never a blank map. Pages that do
not need the file keep working.

Every page runs under streamlit.testing with MAPSTORY_GEODATA_DIR pointing at a copy of
geodata/ (symlinks) in which one file is missing, random bytes, empty or cut short.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.faults.conftest import DAMAGE, DATA_FILES, geodata_with

TIMEOUT = 90
PAGES = ("story", "explore", "article", "about")
#: Which page reads which file at start (the Article page drafts with the gazetteer and
#: demonyms; the Story and Explore pages place the seed story and shade its countries; Explore
#: expands blocs).
NEEDS: dict[str, tuple[str, ...]] = {
    "gazetteer.tsv.gz": ("story", "explore", "article", "about"),
    # Only name lookups read the small towns: the Article page (and About's place search).
    "gazetteer-towns.tsv.gz": ("article",),
    "countries.geojson": ("story", "explore"),
    "demonyms.tsv": ("article",),
    "blocs.yaml": ("explore",),
    "stories/mishustin-beijing-2023.yaml": ("story", "explore", "about"),
}
# A demonym list cut at a line break is still a valid, shorter list: not detectable damage.
UNDETECTABLE = {("demonyms.tsv", "truncated")}
STORY_LINK = "draft-" + "0" * 32


def run_page(page: str, story: str | None = None) -> AppTest:
    at = AppTest.from_file(f"../../pages/{page}.py", default_timeout=TIMEOUT)
    if story is not None:
        at.query_params["story"] = story
    at.run()
    return at


def shown_errors(at: AppTest) -> str:
    """What the page says in its error boxes and the code blocks that name the file."""
    return "\n".join([e.value for e in at.error] + [c.value for c in at.code])


def assert_names_the_file(at: AppTest, path: Path) -> None:
    assert not at.exception, [e.message for e in at.exception]  # no traceback
    assert at.error, "no error message on the page"
    assert str(path) in shown_errors(at), shown_errors(at)
    assert not at.get("component_instance"), "a map was drawn anyway"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_caches: None) -> pytest.MonkeyPatch:
    monkeypatch.setenv("MAPSTORY_STORE_PATH", str(tmp_path / "store" / "stories.sqlite3"))
    for name in ("MAPSTORY_STORY_FILE", "MAPSTORY_ONLINE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_every_data_file_is_covered() -> None:
    assert set(NEEDS) == set(DATA_FILES)


_FAULTS = [
    (name, how, page)
    for name, pages in NEEDS.items()
    for how in DAMAGE
    if (name, how) not in UNDETECTABLE
    for page in pages
]


@pytest.mark.parametrize(("name", "how", "page"), _FAULTS)
def test_a_broken_data_file_is_named_on_the_page(
    name: str, how: str, page: str, env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    directory = geodata_with(tmp_path, name, how)
    env.setenv("MAPSTORY_GEODATA_DIR", str(directory))
    assert_names_the_file(run_page(page), directory / name)


_UNAFFECTED = [(name, page) for name, pages in NEEDS.items() for page in PAGES if page not in pages]


@pytest.mark.parametrize(("name", "page"), _UNAFFECTED)
def test_pages_that_do_not_read_the_file_keep_working(
    name: str, page: str, env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env.setenv("MAPSTORY_GEODATA_DIR", str(geodata_with(tmp_path, name, "garbage")))
    at = run_page(page)
    assert not at.exception and not at.error, shown_errors(at)
    if page in ("story", "explore"):
        assert at.get("component_instance")  # the map is there


def test_the_default_page_through_navigation_names_the_file(
    env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    directory = geodata_with(tmp_path, "gazetteer.tsv.gz", "garbage")
    env.setenv("MAPSTORY_GEODATA_DIR", str(directory))
    at = AppTest.from_file("../../app.py", default_timeout=TIMEOUT)
    at.run()
    assert_names_the_file(at, directory / "gazetteer.tsv.gz")
    assert "corrupt" in shown_errors(at)


@pytest.mark.parametrize("how", DAMAGE)
def test_a_broken_towns_table_is_named_by_about_s_place_search(
    how: str, env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """About starts without the towns table; its place search is the first to read it."""
    directory = geodata_with(tmp_path, "gazetteer-towns.tsv.gz", how)
    env.setenv("MAPSTORY_GEODATA_DIR", str(directory))
    at = run_page("about")
    assert not at.exception and not at.error
    at.text_input[0].set_value("Lyon").run()
    assert not at.exception, [e.message for e in at.exception]
    assert str(directory / "gazetteer-towns.tsv.gz") in shown_errors(at), shown_errors(at)
    assert "place search cannot run" in shown_errors(at)  # not "the story could not be loaded"


def test_the_intact_copy_works_everywhere(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The fault directories differ from geodata/ only in the broken file."""
    env.setenv("MAPSTORY_GEODATA_DIR", str(geodata_with(tmp_path)))
    for page in PAGES:
        at = run_page(page)
        assert not at.exception and not at.error, (page, shown_errors(at))


# -- the story store --------------------------------------------------------------------------


def _garbage(tmp_path: Path) -> Path:
    path = tmp_path / "stories.sqlite3"
    path.write_bytes(b"\x00\xffthis is not an SQLite database" * 200)
    return path


def _directory(tmp_path: Path) -> Path:
    path = tmp_path / "stories.sqlite3"
    path.mkdir()
    return path


def _under_a_file(tmp_path: Path) -> Path:
    (tmp_path / "data").write_text("a file where the store's folder should be")
    return tmp_path / "data" / "stories.sqlite3"


def _unwritable(tmp_path: Path) -> Path:
    return Path("/proc/mapstory-faults/stories.sqlite3")  # not writable, even for root


STORE_FAULTS = {
    "garbage bytes": _garbage,
    "a directory": _directory,
    "under a file": _under_a_file,
    "an unwritable place": _unwritable,
}


@pytest.mark.parametrize("fault", list(STORE_FAULTS))
@pytest.mark.parametrize(("page", "story"), [("article", None), ("story", STORY_LINK)])
def test_a_broken_store_is_named_on_the_page(
    fault: str, page: str, story: str | None, env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = STORE_FAULTS[fault](tmp_path)
    env.setenv("MAPSTORY_STORE_PATH", str(path))
    at = run_page(page, story)
    assert_names_the_file(at, path)
    assert "story store" in shown_errors(at)


def test_a_broken_store_is_named_on_explore_and_leaves_about_alone(
    env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = _garbage(tmp_path)
    env.setenv("MAPSTORY_STORE_PATH", str(path))
    assert_names_the_file(run_page("explore", STORY_LINK), path)
    about = run_page("about")  # About never opens the store
    assert not about.exception and not about.error
