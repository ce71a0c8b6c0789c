"""Phones and tablets: the story stacks, the step controls are in reach, popups fit, and
stepping never reloads the map."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_story_browser import MAP_IFRAME, TIMEOUT, open_story

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": (390, 844), "tablet": (768, 1024)}


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_story_on_small_screens(browser, app_url, device: str, tmp_path) -> None:
    width, height = VIEWPORTS[device]
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=device == "phone", has_touch=True
    )
    page = context.new_page()
    try:
        frame = open_story(page, app_url)
        next_button = page.get_by_role("button", name=re.compile("Next"))
        box = next_button.bounding_box()
        assert box is not None and box["y"] + box["height"] <= height  # in reach, no scrolling
        map_box = page.locator(MAP_IFRAME).bounding_box()
        if device == "phone":  # stacked under the narrative, full width
            assert map_box["width"] >= width * 0.8 and map_box["y"] > box["y"]
        else:  # beside the narrative, taking most of the width
            assert map_box["width"] >= width * 0.5
        page.evaluate(f"() => document.querySelector('{MAP_IFRAME}').__msKeep = true")
        for number in range(2, 10):
            next_button.tap()
            page.get_by_text(f"{number} / 9", exact=True).wait_for(timeout=TIMEOUT)
        assert page.evaluate(f"() => document.querySelector('{MAP_IFRAME}').__msKeep === true")
        for number in (8, 7):  # back to the port's step
            page.get_by_role("button", name=re.compile("Previous")).tap()
            page.get_by_text(f"{number} / 9", exact=True).wait_for(timeout=TIMEOUT)
        frame.wait_for_function(
            "() => document.documentElement.getAttribute('data-ms-step') === '7'",
            timeout=TIMEOUT,
        )
        page.wait_for_timeout(500)
        # A popup fits the screen.
        frame.locator(".ms-ev-port-vladivostok").first.click(force=True)
        popup = frame.locator(".leaflet-popup")
        popup.wait_for(timeout=TIMEOUT)
        popup_box = popup.bounding_box()
        assert popup_box["width"] <= min(width, map_box["width"])
        assert "Vladivostok" in popup.inner_text()
        page.screenshot(path=str(tmp_path / f"{device}.png"))
    finally:
        context.close()
