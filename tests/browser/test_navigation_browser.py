"""Links to any page work on a server nobody has visited yet."""

from __future__ import annotations

import pytest

from tests.browser.harness import running_app

pytestmark = pytest.mark.browser


def test_first_request_to_about_uses_the_apps_navigation(browser) -> None:
    # A fresh server: Streamlit would otherwise run pages/about.py the legacy way, with an
    # auto-generated sidebar listing "app", until someone had opened the root URL.
    with running_app() as url:
        page = browser.new_page()
        try:
            page.goto(f"{url}/about")
            page.get_by_text("Look up a place").wait_for(timeout=60_000)
            assert page.locator('[data-testid="stSidebarNav"]').count() == 0
            story_link = page.get_by_role("link", name="Story")
            story_link.wait_for(timeout=10_000)
            story_link.click()
            page.get_by_text("1 / 9", exact=True).wait_for(timeout=60_000)
        finally:
            page.close()
