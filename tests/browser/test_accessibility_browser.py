"""Accessibility in a real browser: axe-core audits every page and the map, and the story can
be stepped with the keyboard alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.test_story_browser import MAP_IFRAME, TIMEOUT, counter, open_story

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def audit(target) -> list[str]:
    """Serious or critical axe violations on a page or frame, one line each."""
    if not AXE.exists():
        pytest.fail("axe-core is not installed: npm ci --prefix tests/browser/axe")
    target.add_script_tag(path=str(AXE))
    violations = target.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return [f"{v['impact']} {v['id']}: {v['nodes']}" for v in violations if v["impact"] in BLOCKING]


@pytest.mark.parametrize("step", ["1", "4", "9"])
def test_story_page_and_map_have_no_serious_violations(page, app_url, step: str) -> None:
    frame = open_story(page, app_url, f"?step={step}")
    assert audit(page) == []
    assert audit(frame) == []


@pytest.mark.parametrize("path", ["explore", "article", "about"])
def test_other_pages_have_no_serious_violations(page, app_url, path: str) -> None:
    page.goto(f"{app_url}/{path}", wait_until="domcontentloaded")
    page.get_by_role("heading").first.wait_for(timeout=TIMEOUT)
    page.wait_for_timeout(1500)
    assert audit(page) == []


def test_j_and_k_step_the_story_and_focus_is_visible(page, app_url) -> None:
    open_story(page, app_url)
    page.locator("section.ms-step").click()  # focus the page, not a field
    page.keyboard.press("j")
    page.get_by_text(re.compile(r"^2 / \d+$")).wait_for(timeout=TIMEOUT)
    page.keyboard.press("j")
    page.get_by_text(re.compile(r"^3 / \d+$")).wait_for(timeout=TIMEOUT)
    page.keyboard.press("k")
    page.get_by_text(re.compile(r"^2 / \d+$")).wait_for(timeout=TIMEOUT)
    assert counter(page).startswith("2 /")


def test_tab_reaches_the_step_buttons_before_the_map_and_leaves_the_map(page, app_url) -> None:
    open_story(page, app_url, "?step=2")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    seen = []
    for _ in range(15):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                "() => document.activeElement.tagName + ':' +"
                " (document.activeElement.innerText || '').slice(0, 20)"
            )
        )
        if seen[-1].startswith("BUTTON:") and "Previous" in seen[-1]:
            break
    assert seen[-1].startswith("BUTTON:") and "Previous" in seen[-1], seen
    assert not any(s.startswith("IFRAME") for s in seen), seen
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    # Keep tabbing: focus goes through the map and comes out after it (no trap).
    left_map = False
    entered_map = False
    for _ in range(400):
        page.keyboard.press("Tab")
        tag = page.evaluate("() => document.activeElement.tagName")
        title = page.evaluate("() => document.activeElement.getAttribute('title') || ''")
        if tag == "IFRAME" and "st_folium" in title:
            entered_map = True
        elif entered_map:
            left_map = True
            break
    assert entered_map and left_map
    assert page.locator(MAP_IFRAME).count() == 1


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_step_highlights_pulse_only_for_readers_who_accept_motion(
    browser, app_url, seed_story, motion: str
) -> None:
    from mapstory.narrative import build_steps

    port_step = next(
        s.number
        for s in build_steps(seed_story)
        if not s.overview and any(seed_story.event(e).kind == "port" for e in s.events)
    )
    context = browser.new_context(viewport={"width": 1280, "height": 860}, reduced_motion=motion)
    try:
        page = context.new_page()
        frame = open_story(page, app_url, f"?step={port_step}")
        frame.wait_for_function(
            f"() => document.documentElement.getAttribute('data-ms-step') === '{port_step}'",
            timeout=TIMEOUT,
        )
        names = frame.evaluate(
            "() => [...document.querySelectorAll('.ms-ev-port-vladivostok .ms-symbol')]"
            ".map(el => getComputedStyle(el).animationName)"
        )
        assert names
        expected = "none" if motion == "reduce" else "ms-pulse"
        assert set(names) == {expected}
    finally:
        context.close()
