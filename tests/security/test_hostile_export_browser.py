"""The hostile story (every text field a payload) exported as HTML and opened from disk in
Chromium: nothing runs, nothing is fetched, and the payloads show literally in the header,
the step panel and the popups."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapstory.export.html import story_to_html
from tests.browser.test_html_export_browser import counter, offline_page
from tests.security.test_hostile_story_browser import PAYLOADS, hostile_story

pytestmark = pytest.mark.browser

TIMEOUT = 15_000


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    story = hostile_story()
    story = story.model_copy(
        update={
            "article": story.article.model_copy(
                update={"url": "https://example.org/\"><script>alert('url')</script>"}
            )
        }
    )
    path: Path = tmp_path_factory.mktemp("hostile-export") / "hostile.html"
    path.write_text(story_to_html(story), encoding="utf-8")
    return path.as_uri()


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)])
def test_hostile_export_never_executes_and_shows_text_literally(
    browser, hostile_url, viewport
) -> None:
    width, height = viewport
    context, watch = offline_page(browser, viewport={"width": width, "height": height})
    page = watch.page
    try:
        # A hostile fragment is only ever read as a step number.
        watch.open(hostile_url + "#step=<img src=x onerror=alert('hash')>")
        page.wait_for_function(
            "() => document.querySelectorAll('.ms-mark').length >= 3", timeout=TIMEOUT
        )
        assert "is not a step number" in page.locator("#ms-note").inner_text()
        heading = page.get_by_role("heading", level=1).inner_text()
        assert heading == "Headline <img src=x onerror=alert('img')>"
        assert page.title().startswith('Title <script>alert("script")</script>')
        footer = page.get_by_role("contentinfo").inner_text()
        assert "https://example.org/\"><script>alert('url')</script>" in footer
        assert "Source </script><script>alert('close')</script>" in footer
        total = int(counter(page).split("/")[1])
        shown = ""
        for number in range(1, total + 1):
            if number > 1:
                page.keyboard.press("ArrowRight")
            assert counter(page) == f"{number} / {total}"
            shown += page.locator("#ms-panel").inner_text()
        for payload in PAYLOADS[:6]:
            assert payload in shown, payload
        assert "W" * 400 in shown
        # Long words and right-to-left overrides do not push the page sideways.
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        # Every mark's popup opens and shows its text literally.
        marks = page.locator(".ms-mark")
        popups = ""
        for index in range(min(marks.count(), 16)):
            marks.nth(index).dispatch_event("click")
            popup = page.locator(".leaflet-popup-content")
            if popup.count():
                popups += popup.last.inner_text()
        assert '<script>alert("script")</script>' in popups
        assert "<img src=x onerror=alert('img')>" in popups
        assert "${alert('template')}" in popups
        assert "`backtick` and back\\slash" in popups
        assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
        assert page.evaluate("() => document.querySelectorAll('script[src]').length") == 0
        page.wait_for_timeout(300)
        watch.assert_clean()
    finally:
        context.close()
