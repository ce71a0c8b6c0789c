"""Faults in a real browser: a damaged data file is a readable message, and a person's text
and place fix survive a reload and a server restart but never reach another browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.harness import running_app
from tests.faults.conftest import geodata_with

pytestmark = pytest.mark.browser

TIMEOUT = 30_000
DRAFT_TIMEOUT = 90_000  # the first draft loads the language model
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
TEXT = (
    "Russian prime minister Mikhail Mishustin flew from Moscow to Beijing on Tuesday for talks "
    "with Chinese leader Xi Jinping."
)


def open_page(browser, url: str):
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    return context, context.new_page()


def test_a_damaged_gazetteer_is_named_not_a_blank_map(browser, tmp_path: Path) -> None:
    directory = geodata_with(tmp_path, "gazetteer.tsv.gz", "garbage")
    env = {
        "MAPSTORY_GEODATA_DIR": str(directory),
        "MAPSTORY_STORE_PATH": str(tmp_path / "stories.sqlite3"),
    }
    with running_app(env=env) as url:
        context, page = open_page(browser, url)
        try:
            for path in ("/", "/explore", "/article", "/about"):
                page.goto(f"{url}{path}", wait_until="domcontentloaded")
                message = page.get_by_text(str(directory / "gazetteer.tsv.gz"), exact=False)
                message.first.wait_for(timeout=TIMEOUT)
                assert "corrupt" in message.first.inner_text()
                body = page.locator("body").inner_text()
                assert "Traceback" not in body, path
                assert page.locator(MAP_IFRAME).count() == 0, path
        finally:
            context.close()


def make_draft(page, url: str) -> str:
    page.goto(f"{url}/article", wait_until="domcontentloaded")
    area = page.get_by_label("Article text")
    area.wait_for(timeout=TIMEOUT)
    area.fill(TEXT)
    area.press("Tab")  # commit the text area before clicking
    page.get_by_role("button", name="Make the map story").click()
    page.get_by_text("Draft:", exact=False).first.wait_for(timeout=DRAFT_TIMEOUT)
    page.wait_for_function("() => location.search.includes('story=draft-')", timeout=TIMEOUT)
    return page.evaluate("() => new URLSearchParams(location.search).get('story')")


def wait_idle(page) -> None:
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState"
        " === 'notRunning'",
        timeout=TIMEOUT,
    )


def choose_moscow(page) -> None:
    """Pick Moscow in the "Place" box by typing, as a keyboard user would (a mouse click on
    the box's button sometimes closes the list as it opens)."""
    wait_idle(page)
    box = page.get_by_role("combobox", name="Place")
    box.wait_for(timeout=TIMEOUT)
    option = page.get_by_role("option", name="Moscow (city)")
    # On a loaded machine the list can close again while a rerun redraws the box: type again.
    for attempt in range(3):
        box.focus()
        box.fill("Moscow")
        try:
            option.wait_for(timeout=TIMEOUT // 3)
            option.click(timeout=TIMEOUT // 3)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            box.press("Escape")
            wait_idle(page)
    page.get_by_text(re.compile(r"^Moscow, RU · city")).first.wait_for(timeout=TIMEOUT)
    wait_idle(page)


def assert_fixed(page) -> None:
    choose_moscow(page)
    page.get_by_text("Corrected by a reader to Moscow, US.").wait_for(timeout=TIMEOUT)


def assert_text_restored(page) -> None:
    area = page.get_by_label("Article text")
    area.wait_for(timeout=TIMEOUT)
    page.wait_for_function(
        "(text) => document.querySelector('textarea')?.value === text", arg=TEXT, timeout=TIMEOUT
    )


def test_text_and_fix_survive_reload_and_restart_but_not_another_browser(
    browser, tmp_path: Path
) -> None:
    env = {"MAPSTORY_STORE_PATH": str(tmp_path / "stories.sqlite3")}
    with running_app(env=env) as url:
        context, page = open_page(browser, url)
        try:
            story_id = make_draft(page, url)
            choose_moscow(page)
            page.get_by_text(re.compile(r"^Moscow, US · city")).first.click()
            page.get_by_role("button", name="Use this place").click()
            page.get_by_text("Corrected by a reader to Moscow, US.").wait_for(timeout=TIMEOUT)

            page.reload(wait_until="domcontentloaded")
            assert_text_restored(page)
            assert_fixed(page)
        finally:
            context.close()

    # The server stops; a new one on another port opens the same store.
    with running_app(env=env) as url:
        context, page = open_page(browser, url)
        try:
            page.goto(f"{url}/article?story={story_id}", wait_until="domcontentloaded")
            assert_text_restored(page)
            page.get_by_text("Draft:", exact=False).first.wait_for(timeout=TIMEOUT)
            assert_fixed(page)
        finally:
            context.close()

        stranger, page = open_page(browser, url)
        try:
            page.goto(f"{url}/article", wait_until="domcontentloaded")
            area = page.get_by_label("Article text")
            area.wait_for(timeout=TIMEOUT)
            page.get_by_role("button", name="Make the map story").wait_for(timeout=TIMEOUT)
            assert area.input_value() == ""
            body = page.locator("body").inner_text()
            assert "Mishustin" not in body and "Draft:" not in body
            assert story_id not in page.evaluate("() => location.href")
        finally:
            stranger.close()
