"""The exported HTML file opened from disk in Chromium with the network cut off: it draws the
land and every mark, steps like the app, keeps the step in the URL fragment, opens popups, and
passes the accessibility audit — without a single request leaving the file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from mapstory.export.html import story_to_html
from mapstory.model import Story
from tests.browser.test_accessibility_browser import audit

pytestmark = pytest.mark.browser

TIMEOUT = 15_000
STEPS = [
    "Russia's prime minister in Beijing",
    "Mishustin in Beijing",
    "Xi in Moscow, in March",
    "The war in Ukraine",
    "A deepening divide",
    "Trade surges",
    "Vladivostok opens to China",
    "Nato’s planned office in Japan",
    "Li Hui’s shuttle diplomacy",
]
# Records what the page tried to do: requests, CSP refusals, errors, dialogs.
WATCH_JS = """
window.__msViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__msViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@dataclass
class Offline:
    page: object
    routed: list[str] = field(default_factory=list)  # reached the network layer (aborted)
    requests: list[str] = field(default_factory=list)  # any request for something not inline
    refused: list[str] = field(default_factory=list)  # requests the browser refused (CSP)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        self.page.wait_for_function(
            "() => window.__msMap && (window.__msMap?.__msBasemap?.getLayers().length || 0) > 100",
            timeout=TIMEOUT,
        )

    def assert_clean(self) -> None:
        assert self.routed == []
        assert self.requests == []
        assert self.page.evaluate("() => window.__msViolations") == []
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.dialogs == []


def offline_page(browser, **context_options) -> tuple[object, Offline]:
    """A fresh context where every request that is not the file itself (or data:) is aborted
    and recorded; the CSP should stop them first, so both lists must stay empty."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 800}, **context_options})
    page = context.new_page()
    watch = Offline(page)

    def route(route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            watch.routed.append(url)
            route.abort()

    page.route("**/*", route)
    page.on(
        "request",
        lambda r: None if r.url.startswith(("file:", "data:")) else watch.requests.append(r.url),
    )
    page.on("requestfailed", lambda r: watch.refused.append(f"{r.url} {r.failure}"))
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else 0)
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    page.add_init_script(WATCH_JS)
    return context, watch


@pytest.fixture(scope="module")
def export_url(tmp_path_factory: pytest.TempPathFactory, seed_story: Story) -> str:
    path: Path = tmp_path_factory.mktemp("export") / f"{seed_story.id}.html"
    path.write_text(story_to_html(seed_story), encoding="utf-8")
    return path.as_uri()


@pytest.fixture
def offline(browser) -> Iterator[Offline]:
    context, watch = offline_page(browser)
    yield watch
    context.close()


def counter(page) -> str:
    return page.locator("#ms-counter").inner_text()


def view(page) -> list[float]:
    return page.evaluate(
        "() => { const b = __msMap.getBounds();"
        " return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }"
    )


def panel_title(page) -> str:
    return page.locator("#ms-panel section.ms-step h2").inner_text()


def test_opens_offline_with_land_marks_legend_and_attribution(offline, export_url) -> None:
    page = offline.page
    offline.open(export_url)
    assert counter(page) == "1 / 9"
    assert panel_title(page) == STEPS[0]
    assert page.evaluate("() => document.querySelectorAll('.ms-mark').length") > 20
    for mark in ("ms-ev-port-vladivostok", "ms-ev-visit-mishustin-beijing", "ms-pl-beijing"):
        assert page.locator(f".{mark}").count() >= 1, mark
    # Countries the story shades are cut from the inline basemap too.
    page.wait_for_function(
        "() => document.querySelectorAll('path.ms-ev-conflict-ukraine').length >= 1",
        timeout=TIMEOUT,
    )
    legend = page.get_by_role("list", name="Map legend").inner_text()
    for entry in ("Mikhail Mishustin", "Trade flow", "Port", "Conflict area", "Bloc"):
        assert entry in legend
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    assert "Natural Earth" in attribution and "GeoNames" in attribution
    footer = page.get_by_role("contentinfo").inner_text()
    assert "Natural Earth" in footer and "GeoNames" in footer
    assert page.evaluate("() => [...document.scripts].filter(s => s.src).length") == 0
    size = page.evaluate("() => [__msMap.getSize().x, __msMap.getSize().y]")
    assert size[0] > 600 and size[1] > 400
    offline.assert_clean()


def test_the_policy_blocks_any_fetch(offline, export_url) -> None:
    page = offline.page
    offline.open(export_url)
    outcome = page.evaluate(
        """async () => {
            const tries = [];
            for (const url of ["https://example.org/x.json", "data:application/json,{}"]) {
                try { await fetch(url); tries.push("fetched " + url); }
                catch (error) { tries.push("refused"); }
            }
            const img = new Image();
            const loaded = new Promise(r => {
                img.onload = () => r("loaded");
                img.onerror = () => r("refused");
            });
            img.src = "https://example.org/pixel.png";
            tries.push(await loaded);
            return tries;
        }"""
    )
    assert outcome == ["refused", "refused", "refused"]
    violations = page.evaluate("() => window.__msViolations")
    assert len(violations) == 3 and all("example.org" in v or "data" in v for v in violations)
    # Refused by the browser itself: nothing reached the network, not even our abort.
    assert offline.routed == []
    assert offline.refused == ["https://example.org/pixel.png csp"]


def test_steps_with_buttons_keys_and_the_fragment(offline, export_url) -> None:
    page = offline.page
    offline.open(export_url)
    before = view(page)
    page.get_by_role("button", name=re.compile("Next")).click()
    assert counter(page) == "2 / 9"
    assert panel_title(page) == STEPS[1]
    assert page.evaluate("() => location.hash") == "#step=2"
    assert "Arrow from Moscow to Beijing" in page.get_by_test_id("step-description").inner_text()
    assert page.locator("#ms-panel mark", has_text="Beijing").count() >= 1
    framed = view(page)
    assert framed != before
    assert page.evaluate("() => __msMap.getZoom()") > 2
    # Marks outside the step are dimmed, the step's own are not.
    page.wait_for_function(  # after the app's short fade
        """() => {
            const opacity = (sel) => Number(getComputedStyle(document.querySelector(sel)).opacity);
            return opacity('.ms-ev-port-vladivostok') < 0.5
                && opacity('.ms-ev-visit-mishustin-beijing') === 1;
        }""",
        timeout=TIMEOUT,
    )
    # ArrowRight through every step: counter, panel, fragment and map follow.
    page.locator("#ms-panel").click()
    seen = [framed]
    for number in range(3, 10):
        page.keyboard.press("ArrowRight")
        assert counter(page) == f"{number} / 9"
        assert panel_title(page) == STEPS[number - 1]
        assert page.evaluate("() => location.hash") == f"#step={number}"
        assert page.evaluate("() => document.documentElement.dataset.msStep") == str(number)
        seen.append(view(page))
    assert len({tuple(round(v, 3) for v in frame) for frame in seen}) >= 6
    next_button = page.get_by_role("button", name=re.compile("Next"))
    assert next_button.get_attribute("aria-disabled") == "true"
    page.keyboard.press("ArrowRight")  # nothing past the last step
    assert counter(page) == "9 / 9"
    page.keyboard.press("k")
    assert counter(page) == "8 / 9"
    page.get_by_role("button", name=re.compile("Previous")).click()
    assert counter(page) == "7 / 9" and panel_title(page) == STEPS[6]
    page.keyboard.press("ArrowLeft")
    assert counter(page) == "6 / 9"
    # Typing a fragment moves to that step too.
    page.evaluate("() => { location.hash = 'step=3'; }")
    page.wait_for_function("() => document.getElementById('ms-counter').textContent === '3 / 9'")
    assert panel_title(page) == STEPS[2]
    offline.assert_clean()


def test_fragment_opens_that_step_and_bad_values_fall_back(offline, export_url) -> None:
    page = offline.page
    offline.open(f"{export_url}#step=4")
    assert counter(page) == "4 / 9"
    assert panel_title(page) == "The war in Ukraine"
    assert page.locator("#ms-note").is_hidden()
    assert page.get_by_role("button", name=re.compile("Previous")).get_attribute(
        "aria-disabled"
    ) == ("false")
    page.goto(f"{export_url}#step=99", wait_until="load")
    page.wait_for_function("() => document.getElementById('ms-counter').textContent === '9 / 9'")
    assert "this story has 9" in page.locator("#ms-note").inner_text()
    assert page.evaluate("() => location.hash") == "#step=9"
    page.goto(f"{export_url}#step=abc", wait_until="load")
    page.wait_for_function("() => document.getElementById('ms-counter').textContent === '1 / 9'")
    assert "not a step number" in page.locator("#ms-note").inner_text()
    offline.assert_clean()


def test_clicking_marks_opens_their_excerpts(offline, export_url) -> None:
    page = offline.page
    offline.open(f"{export_url}#step=7")
    page.locator(".ms-ev-port-vladivostok").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=TIMEOUT)
    text = popup.inner_text()
    assert "added Russia’s Vladivostok to its list of transit ports" in text
    assert "1 June 2023" in text
    page.locator(".leaflet-popup-close-button").click()
    popup.wait_for(state="detached", timeout=TIMEOUT)
    page.get_by_role("button", name=re.compile("Previous")).click()
    page.evaluate("() => { location.hash = 'step=2'; }")
    page.wait_for_function("() => document.getElementById('ms-counter').textContent === '2 / 9'")
    page.locator("path.ms-ev-visit-mishustin-beijing").first.dispatch_event("click")
    popup.wait_for(timeout=TIMEOUT)
    assert "Mishustin visits Beijing" in popup.inner_text()
    assert "signed a set of bilateral agreements" in popup.inner_text()
    # The arrow's popup pans the map to fit; on a loaded machine the pan is still running
    # when the next click comes and that click lands on moving ground. Close the popup and
    # let the map stand still first.
    page.locator(".leaflet-popup-close-button").click()
    popup.wait_for(state="detached", timeout=TIMEOUT)
    page.wait_for_function(
        "() => !__msMap._animatingZoom && !(__msMap._panAnim && __msMap._panAnim._inProgress)",
        timeout=TIMEOUT,
    )
    # A click that lands while the loaded machine is still redrawing may be lost; a person
    # clicks again, and so does the test (the popup must come within three clicks).
    opened = (
        "() => (document.querySelector('.leaflet-popup-content')?.innerText || '')"
        ".startsWith('Beijing')"
    )
    for _attempt in range(3):
        page.locator(".ms-pl-beijing .ms-label").click()
        try:
            page.wait_for_function(opened, timeout=TIMEOUT // 3)
            break
        except PlaywrightTimeoutError:
            continue
    else:
        pytest.fail("clicking Beijing's label three times never opened its popup")
    assert "Named 4 times" in popup.inner_text()
    assert popup.locator("mark").count() >= 4
    # The map's own controls (links to "#") leave the step alone.
    zoom = page.evaluate("() => __msMap.getZoom()")
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_function(f"() => __msMap.getZoom() > {zoom}", timeout=TIMEOUT)
    page.evaluate("() => { location.hash = 'elsewhere'; }")
    page.wait_for_timeout(100)
    assert counter(page) == "2 / 9"
    offline.assert_clean()


@pytest.mark.parametrize("fragment", ["", "#step=4", "#step=5", "#step=9"])
def test_no_serious_accessibility_violations(offline, export_url, fragment: str) -> None:
    offline.open(export_url + fragment)
    assert audit(offline.page) == []
    assert offline.page_errors == [] and offline.console_errors == []


def test_keyboard_only_and_visible_focus(offline, export_url) -> None:
    page = offline.page
    offline.open(export_url)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == "ms-prev"  # the step buttons come first
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "ms-next"
    page.keyboard.press("Enter")
    assert counter(page) == "2 / 9"
    page.keyboard.press("Space")
    assert counter(page) == "3 / 9"
    page.keyboard.press("Tab")  # the step text, scrollable by keyboard on wide screens
    assert page.evaluate("() => document.activeElement.id") == "ms-panel"
    page.keyboard.press("ArrowRight")
    assert counter(page) == "4 / 9"
    # The panel announces each step to screen readers.
    live = page.locator("#ms-panel section.ms-step")
    assert live.get_attribute("aria-live") == "polite"
    assert live.get_attribute("aria-label") == "Step 4 of 9"
    for landmark in ("banner", "main", "contentinfo"):
        assert page.get_by_role(landmark).count() == 1
    assert page.get_by_role("navigation", name="Story steps").count() == 1
    # Tabbing on reaches the map and leaves it again (no trap).
    reached_map = False
    for _ in range(80):
        page.keyboard.press("Tab")
        in_map = page.evaluate("() => !!document.activeElement.closest('.leaflet-container')")
        if in_map:
            reached_map = True
        elif reached_map:
            break
    assert reached_map and not in_map


def test_phone_layout_and_reduced_motion(browser, export_url) -> None:
    context, watch = offline_page(
        browser,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        reduced_motion="reduce",
    )
    page = watch.page
    try:
        watch.open(export_url)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        next_button = page.get_by_role("button", name=re.compile("Next"))
        box = next_button.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844
        map_box = page.locator(".ms-map").bounding_box()
        assert map_box["width"] >= 380 and map_box["height"] >= 280
        assert map_box["y"] < 844  # the map starts on the first screen
        assert page.evaluate("() => __msMap.options.zoomAnimation") is False
        for number in range(2, 5):
            next_button.tap()
            assert counter(page) == f"{number} / 9"
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        box = next_button.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 844  # the step bar stays in reach
        page.evaluate("() => window.scrollTo(0, 0)")
        page.goto(f"{export_url}#step=7", wait_until="load")
        page.locator(".ms-ev-port-vladivostok").first.tap()
        popup = page.locator(".leaflet-popup")
        popup.wait_for(timeout=TIMEOUT)
        assert popup.bounding_box()["width"] <= 390
        watch.assert_clean()
    finally:
        context.close()


def test_an_arrow_across_the_pacific_ends_at_its_place_on_land(
    offline, tmp_path: Path, pacific_story: Story
) -> None:
    """Tokyo to Washington: the head of the arrow sits beside Washington's marker, on the
    map, and there is land drawn under Washington (the world is cut in the Atlantic)."""
    path = tmp_path / "pacific.html"
    path.write_text(story_to_html(pacific_story), encoding="utf-8")
    page = offline.page
    offline.open(path.as_uri())
    page.get_by_role("button", name=re.compile("Next")).click()
    assert panel_title(page) == "Fumio Kishida visits Washington"
    page.wait_for_timeout(800)  # the reframe's animation
    seen = page.evaluate(
        """() => {
            const centre = (el) => {
                const r = el.getBoundingClientRect();
                return [r.left + r.width / 2, r.top + r.height / 2];
            };
            const map = document.querySelector(".ms-map").getBoundingClientRect();
            const arrow = document.querySelector("path.ms-ev-trip").getBoundingClientRect();
            const [wx, wy] = centre(document.querySelector(".ms-pl-washington"));
            const [tx, ty] = centre(document.querySelector(".ms-pl-tokyo"));
            const canvas = document.querySelector(".leaflet-ms-basemap-pane canvas");
            const c = canvas.getBoundingClientRect();
            const scale = canvas.width / c.width;
            const land = canvas.getContext("2d").getImageData(
                Math.round((wx - 12 - c.left) * scale), Math.round((wy - c.top) * scale), 1, 1
            ).data[3];
            return {map: [map.left, map.right], arrow: [arrow.left, arrow.right],
                    washington: wx, tokyo: tx, land: land};
        }"""
    )
    left, right = seen["map"]
    assert left < seen["tokyo"] < seen["washington"] < right  # both in view, Tokyo to the west
    assert abs(seen["arrow"][1] - seen["washington"]) < 60  # the head beside Washington
    assert abs(seen["arrow"][0] - seen["tokyo"]) < 30
    assert seen["land"] > 0  # drawn land, not the bare sea behind the canvas
    offline.assert_clean()


def test_a_town_sized_quake_shows_at_the_overview_and_a_name_is_written_once(
    offline, tmp_path: Path
) -> None:
    """Zoomed out to show Afghanistan and Ukraine together, a circle a few tens of kilometres
    wide would be a speck: it keeps a visible radius. Herat the city and Herat the province
    lie side by side: the name is written once."""
    import datetime as dt

    from mapstory.geoparse.draft import draft_story

    story = draft_story(
        "Earthquake strikes Afghanistan\n\nA powerful earthquake struck 40 km northwest of the "
        "city of Herat on Saturday. Villages in the Zindajan district of Herat province were "
        "flattened. Fighting also continued around Avdiivka in Ukraine.",
        date=dt.date(2023, 10, 8),
    )
    path = tmp_path / "quake.html"
    path.write_text(story_to_html(story), encoding="utf-8")
    page = offline.page
    offline.open(path.as_uri())
    page.wait_for_timeout(600)  # the labels' second placement
    seen = page.evaluate(
        """() => ({
            zoom: __msMap.getZoom(),
            circles: [...document.querySelectorAll("path.ms-dots-disaster, path.ms-hatch-conflict")]
                .map(el => el.getBoundingClientRect().width),
            herat: [...document.querySelectorAll(".ms-label, .ms-country-label")]
                .filter(el => el.textContent === "Herat"
                        && getComputedStyle(el).visibility === "visible"
                        && el.getBoundingClientRect().width > 0).length,
        })"""
    )
    assert seen["zoom"] < 5  # far enough out that 25 km is a few pixels
    # Afghanistan's area, the circles of Herat the city and of the province whose villages
    # were flattened, and Avdiivka's.
    assert len(seen["circles"]) == 4 and min(seen["circles"]) >= 15
    assert seen["herat"] == 1
    offline.assert_clean()
