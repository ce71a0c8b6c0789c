"""A person pastes an article, gets a draft, opens it as a story and shares the link."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_story_browser import MAP_IFRAME, TIMEOUT, assert_clean, counter

pytestmark = pytest.mark.browser

DRAFT_TIMEOUT = 90_000  # the first draft loads the language model


def without_base_path_probes(traffic) -> None:
    """Drop the 404s Streamlit's front end causes itself when a page is opened at a sub-path:
    it probes /article/_stcore/health and /article/_stcore/host-config before settling on the
    server's real base path. Everything else still counts."""
    probe = re.compile(r"/(?:article|story)/_stcore/(?:health|host-config)")
    traffic.failed[:] = [f for f in traffic.failed if not probe.search(f)]
    traffic.console_errors[:] = [e for e in traffic.console_errors if "status of 404" not in e]


def make_draft(page, app_url: str, text: str) -> str:
    page.goto(f"{app_url}/article", wait_until="domcontentloaded")
    area = page.get_by_label("Article text")
    area.wait_for(timeout=TIMEOUT)
    area.fill(text)
    area.press("Tab")  # commit the text area before clicking
    page.get_by_role("button", name="Make the map story").click()
    page.get_by_text("Draft:", exact=False).first.wait_for(timeout=DRAFT_TIMEOUT)
    page.wait_for_function("() => location.search.includes('story=draft-')", timeout=TIMEOUT)
    return page.evaluate("() => new URLSearchParams(location.search).get('story')")


def test_pasted_article_becomes_a_story_anyone_can_open(
    page, browser, app_url, traffic, seed_text
) -> None:
    story_id = make_draft(page, app_url, seed_text)
    assert re.fullmatch(r"draft-[0-9a-f]{32}", story_id)
    page.get_by_text("Li Hui to visit Russia").first.wait_for(timeout=TIMEOUT)
    page.get_by_role("link", name="Open the draft in the Story view").click()
    page.get_by_text(re.compile(r"^1 / \d+$")).wait_for(timeout=TIMEOUT)
    frame = page.wait_for_selector(MAP_IFRAME, timeout=TIMEOUT).content_frame()
    frame.wait_for_function(
        "() => document.querySelectorAll('.ms-mark').length > 5", timeout=TIMEOUT
    )
    page.get_by_role("button", name=re.compile("Next")).click()
    page.get_by_text(re.compile(r"^2 / \d+$")).wait_for(timeout=TIMEOUT)
    assert "story=" + story_id in page.url
    shared = page.url

    other = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        fresh = other.new_page()
        fresh.goto(shared, wait_until="domcontentloaded")
        fresh.get_by_text(re.compile(r"^2 / \d+$")).wait_for(timeout=TIMEOUT)
        # The counter is drawn just before the excerpt: wait for the excerpt rather than race it.
        excerpt = fresh.get_by_text("Russia and China have agreed to deepen")
        excerpt.first.wait_for(timeout=TIMEOUT)
        assert excerpt.count() >= 1
    finally:
        other.close()
    assert counter(page).startswith("2 /")
    without_base_path_probes(traffic)
    assert_clean(traffic)
    assert traffic.console_errors == []


def test_hostile_article_text_stays_text(page, app_url, traffic) -> None:
    payload = "<img src=x onerror=alert(1)> ${alert(2)} `x` The minister flew to Paris."
    story_id = make_draft(page, app_url, payload)
    page.goto(f"{app_url}/story?story={story_id}", wait_until="domcontentloaded")
    page.get_by_text(re.compile(r"^1 / \d+$")).wait_for(timeout=TIMEOUT)
    # The narrative is drawn just after the counter: wait for it rather than race it.
    shown = page.get_by_text("<img src=x onerror=alert(1)>", exact=False)
    shown.first.wait_for(timeout=TIMEOUT)
    assert shown.count() >= 1
    assert traffic.dialogs == []
    assert traffic.page_errors == []


def _import(page, app_url: str, name: str, body: str) -> None:
    page.goto(f"{app_url}/article", wait_until="domcontentloaded")
    page.get_by_text("Import a story file").click()
    page.locator('input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": "application/octet-stream", "buffer": body.encode()}]
    )
    page.get_by_text(name).first.wait_for(timeout=TIMEOUT)
    page.get_by_role("button", name="Import the story").click()


def test_import_a_story_file_and_its_errors(page, app_url, traffic, seed_story) -> None:
    from mapstory.export import story_to_geojson_text

    _import(page, app_url, "seed.geojson", story_to_geojson_text(seed_story))
    page.wait_for_function("() => location.search.includes('story=import-')", timeout=TIMEOUT)
    page.get_by_text("Draft:").first.wait_for(timeout=TIMEOUT)
    # Its events are listed.
    page.get_by_text("Xi Jinping visits Putin in Moscow").first.wait_for(timeout=TIMEOUT)
    bad = "schema_version: 1\nid: x\ntitle: T\narticle: {title: T, text: hi, date: soon}\n"
    _import(page, app_url, "bad.yaml", bad)
    page.get_by_text("bad.yaml is not a valid story file").wait_for(timeout=TIMEOUT)
    page.get_by_text("article.date", exact=False).first.wait_for(timeout=TIMEOUT)
    assert traffic.page_errors == [] and traffic.dialogs == []
