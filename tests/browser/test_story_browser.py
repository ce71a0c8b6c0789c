"""What a person does on the Story page, in a real headless Chromium against `streamlit run`."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 30_000


def open_story(page, app_url: str, query: str = ""):
    page.goto(f"{app_url}/{query}", wait_until="domcontentloaded")
    page.get_by_text(re.compile(r"^\d+ / \d+$")).wait_for(timeout=TIMEOUT)
    frame = page.wait_for_selector(MAP_IFRAME, timeout=TIMEOUT).content_frame()
    frame.wait_for_function(
        "() => window.map && document.querySelectorAll('.ms-mark').length > 10",
        timeout=TIMEOUT,
    )
    # The offline basemap is fetched by the browser and drawn on a canvas in its own pane.
    frame.wait_for_function(
        "() => (window.__msMap?.__msBasemap?.getLayers().length || 0) > 100"
        " && !!document.querySelector('.leaflet-ms-basemap-pane canvas')",
        timeout=TIMEOUT,
    )
    return frame


def click_for_popup(frame, selector: str):
    """Click a mark and return its open popup. The labels are laid out again a moment after
    the map settles (see mapbuild.elements); on a loaded machine a click can land just as a
    label moves, so a click that opened nothing is made again, as a person would."""
    popup = frame.locator(".leaflet-popup-content")
    for _ in range(2):
        frame.locator(selector).first.click()
        try:
            popup.wait_for(timeout=5_000)
            return popup
        except PlaywrightTimeout:
            pass
    frame.locator(selector).first.click()
    popup.wait_for(timeout=TIMEOUT)
    return popup


def counter(page) -> str:
    return page.get_by_text(re.compile(r"^\d+ / \d+$")).inner_text()


def href(page) -> str:
    return page.evaluate("() => location.href")


def assert_clean(traffic) -> None:
    assert traffic.failed == []
    assert traffic.external == []
    assert traffic.page_errors == []
    assert traffic.dialogs == []


def test_story_opens_offline_with_basemap_legend_and_marks(page, app_url, traffic) -> None:
    frame = open_story(page, app_url)
    assert counter(page) == "1 / 9"
    legend = frame.locator(".ms-legend").text_content()  # folded on narrow maps: read it all
    for entry in (
        "Mikhail Mishustin",
        "Xi Jinping",
        "Li Hui",
        "Trade flow",
        "Port",
        "Conflict area",
        "Bloc",
        "Alliance",
    ):
        assert entry in legend
    # Every asset came from our own server; nothing from a CDN.
    scripts = frame.evaluate("() => [...document.scripts].map(s => s.src).filter(Boolean)")
    assert scripts and all(s.startswith("http://127.0.0.1") for s in scripts)
    strip = page.get_by_role("list", name="Map legend").inner_text()
    assert "Mikhail Mishustin" in strip and "Conflict area" in strip
    size = frame.evaluate("() => [window.map.getSize().x, window.map.getSize().y]")
    assert size[0] > 300 and size[1] > 300
    assert_clean(traffic)


def test_click_marker_shows_its_excerpt(page, app_url, traffic) -> None:
    frame = open_story(page, app_url)
    popup = click_for_popup(frame, ".ms-ev-port-vladivostok")
    text = popup.inner_text()
    assert "added Russia’s Vladivostok to its list of transit ports" in text
    assert "1 June 2023" in text
    assert "1860" in text  # ceded from the Qing dynasty 163 years earlier
    assert_clean(traffic)


def test_click_place_shows_everything_about_it(page, app_url, traffic) -> None:
    frame = open_story(page, app_url)
    popup = click_for_popup(frame, ".ms-pl-beijing .ms-label")
    text = popup.inner_text()
    assert text.startswith("Beijing")
    assert "Named 4 times" in text
    assert "Mishustin visits Beijing" in text
    assert popup.locator("mark").count() >= 4
    assert_clean(traffic)


def test_next_reframes_map_changes_url_and_keeps_the_map(page, app_url, traffic) -> None:
    frame = open_story(page, app_url)
    frame.evaluate("() => { window.__sameMap = true; }")
    before = frame.evaluate("() => [map.getCenter().lat, map.getCenter().lng, map.getZoom()]")
    page.get_by_role("button", name="Next →").click()
    page.get_by_text("2 / 9", exact=True).wait_for(timeout=TIMEOUT)
    page.wait_for_function("() => location.href.includes('step=2')", timeout=TIMEOUT)
    frame.wait_for_function(
        "() => document.documentElement.getAttribute('data-ms-step') === '2'", timeout=TIMEOUT
    )
    after = frame.evaluate("() => [map.getCenter().lat, map.getCenter().lng, map.getZoom()]")
    assert after != before
    assert after[2] > before[2]  # the step zooms in on Moscow → Beijing
    assert 70 < after[1] < 90
    # Same map object: the iframe was not remounted.
    assert frame.evaluate("() => window.__sameMap === true")
    # The excerpt and one-line description of the step are shown beside the map.
    panel = page.locator("section.ms-step")
    assert "Mishustin in Beijing" in panel.inner_text()
    assert "Arrow from Moscow to Beijing" in panel.inner_text()
    assert panel.locator("mark", has_text="Beijing").count() >= 1
    # Marks outside the step are dimmed, the step's are not.
    frame.wait_for_function(
        """() => {
            const opacity = (sel) => Number(getComputedStyle(document.querySelector(sel)).opacity);
            return opacity('.ms-ev-visit-mishustin-beijing') === 1
                && opacity('.ms-ev-port-vladivostok') < 0.5;
        }""",
        timeout=TIMEOUT,
    )
    assert_clean(traffic)


# Every label the map shows, with its box in the map's document: place names, the names over
# countries and blocs, and the figures on trade flows.
LABEL_BOXES = """() => [...document.querySelectorAll(
        '.ms-label, .ms-country-label, .ms-flow-label')].map(el => {
    const r = el.getBoundingClientRect();
    const shown = r.width > 0 && getComputedStyle(el).visibility === 'visible';
    return {text: el.textContent, shown, l: r.left, t: r.top, r: r.right, b: r.bottom};
})"""


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    shown = [label for label in labels if label["shown"]]
    return [
        (a["text"], b["text"])
        for i, a in enumerate(shown)
        for b in shown[i + 1 :]
        if min(a["r"], b["r"]) - max(a["l"], b["l"]) > 1
        and min(a["b"], b["b"]) - max(a["t"], b["t"]) > 1
    ]


def test_labels_never_cover_each_other(page, app_url, traffic) -> None:
    # The overview squeezes Moscow, Beijing, Vladivostok, Russia, China and the trade figures
    # into a few hundred pixels; the trade step has two figures on the same Russia–China line.
    frame = open_story(page, app_url)
    page.wait_for_timeout(600)  # the second placement, once the frame has settled
    labels = frame.evaluate(LABEL_BOXES)
    assert overlapping(labels) == []
    shown = {label["text"] for label in labels if label["shown"]}
    assert {"Moscow", "Beijing", "Vladivostok", "Russia", "China"} <= shown
    frame = open_story(page, app_url, "?step=6")
    page.get_by_text("Trade surges", exact=True).wait_for(timeout=TIMEOUT)
    frame.wait_for_function(
        "() => document.documentElement.getAttribute('data-ms-step') === '6'", timeout=TIMEOUT
    )
    page.wait_for_timeout(600)  # the second placement, once the frame has settled
    labels = frame.evaluate(LABEL_BOXES)
    assert overlapping(labels) == []
    shown = {label["text"] for label in labels if label["shown"]}
    assert {"$190bn (2022)", "+40% (2023)", "Russia", "China"} <= shown
    # Zooming in gives room back: a label hidden at the overview's scale comes back.
    frame = open_story(page, app_url)
    page.wait_for_timeout(600)
    hidden = [label["text"] for label in frame.evaluate(LABEL_BOXES) if not label["shown"]]
    assert hidden  # the overview is crowded, so something gave way
    frame.evaluate("() => { window.__msMap.setZoom(window.__msMap.getZoom() + 2); }")
    page.wait_for_timeout(600)
    labels = frame.evaluate(LABEL_BOXES)
    assert overlapping(labels) == []
    assert any(label["shown"] for label in labels if label["text"] in hidden)
    assert_clean(traffic)


def test_arrow_keys_step_through_the_story(page, app_url, traffic) -> None:
    open_story(page, app_url)
    page.locator("section.ms-step").click()  # focus the page, not the map or a button
    page.keyboard.press("ArrowRight")
    page.get_by_text("2 / 9", exact=True).wait_for(timeout=TIMEOUT)
    page.keyboard.press("ArrowRight")
    page.get_by_text("3 / 9", exact=True).wait_for(timeout=TIMEOUT)
    page.keyboard.press("ArrowLeft")
    page.get_by_text("2 / 9", exact=True).wait_for(timeout=TIMEOUT)
    assert "step=2" in href(page)
    assert_clean(traffic)


def test_deep_link_restores_the_step_in_a_fresh_browser(page, app_url, traffic) -> None:
    frame = open_story(page, app_url, "?step=7")
    assert counter(page) == "7 / 9"
    assert "Vladivostok opens to China" in page.locator("section.ms-step").inner_text()
    frame.wait_for_function(
        "() => document.documentElement.getAttribute('data-ms-step') === '7'", timeout=TIMEOUT
    )
    frame.wait_for_function(
        "() => map.getBounds().contains([43.1, 131.9]) && map.getZoom() >= 3.5", timeout=TIMEOUT
    )
    assert "step=7" in href(page)
    assert_clean(traffic)


@pytest.mark.parametrize("bad", ["99", "-1", "abc"])
def test_bad_step_falls_back_without_a_traceback(page, app_url, traffic, bad: str) -> None:
    open_story(page, app_url, f"?step={bad}")
    expected = "9 / 9" if bad == "99" else "1 / 9"
    assert counter(page) == expected
    assert page.locator('[data-testid="stException"]').count() == 0
    page.wait_for_function(
        f"() => location.href.includes('step={expected.split()[0]}')", timeout=TIMEOUT
    )
    assert_clean(traffic)


def test_one_history_entry_per_step_and_none_per_pan(page, app_url, traffic) -> None:
    frame = open_story(page, app_url, "?step=1")
    start = page.evaluate("() => history.length")
    for number in (2, 3):
        page.get_by_role("button", name=re.compile("Next")).click()
        page.wait_for_function(f"() => location.search.includes('step={number}')")
        # The address changes while the step's run is still drawing: wait for the counter.
        page.get_by_text(f"{number} / 9", exact=True).wait_for(timeout=TIMEOUT)
        assert counter(page) == f"{number} / 9"
    assert page.evaluate("() => history.length") == start + 2
    # Panning and zooming the map are not steps: they add nothing to the history.
    frame.evaluate("() => { window.map.panBy([120, 60]); window.map.zoomIn(); }")
    page.wait_for_timeout(800)
    assert page.evaluate("() => history.length") == start + 2
    assert "step=3" in href(page)
    # Back returns to the previous step, narrative and map alike.
    page.go_back()
    page.wait_for_function("() => location.search.includes('step=2')")
    page.get_by_text("2 / 9", exact=True).wait_for(timeout=TIMEOUT)
    frame.wait_for_function(
        "() => document.documentElement.getAttribute('data-ms-step') === '2'", timeout=TIMEOUT
    )
    assert page.locator('section.ms-step[data-step="2"]').count() == 1
    assert_clean(traffic)


def test_embedded_story_fits_an_800_by_600_iframe(page, app_url, traffic) -> None:
    page.set_viewport_size({"width": 1000, "height": 760})
    page.set_content(
        f'<iframe id="host" src="{app_url}/?step=3&embed=true" width="800" height="600" '
        'style="border:0" title="Map story"></iframe>'
    )
    frame = page.wait_for_selector("#host").content_frame()
    frame.get_by_text("3 / 9", exact=True).wait_for(timeout=TIMEOUT)
    map_frame = frame.wait_for_selector(MAP_IFRAME, timeout=TIMEOUT).content_frame()
    map_frame.wait_for_function(
        "() => window.map && document.querySelectorAll('.ms-mark').length > 10",
        timeout=TIMEOUT,
    )
    # No navigation, no sidebar: the story alone, and everything inside the frame.
    assert frame.get_by_role("link", name="Explore").count() == 0
    assert frame.locator('[data-testid="stSidebar"]').count() == 0
    fits = frame.evaluate(
        """() => {
          const box = (el) => el.getBoundingClientRect();
          const parts = [
            document.querySelector('iframe[title="streamlit_folium.st_folium"]'),
            document.querySelector('section.ms-step'),
            ...Array.from(document.querySelectorAll('button')).filter(
              (b) => /Next|Previous/.test(b.innerText)),
          ];
          return {
            parts: parts.map((el) => { const r = box(el);
              return [r.left >= 0, r.top >= 0, r.right <= 800, r.bottom <= 600]; }),
            scroll: document.scrollingElement.scrollHeight,
          };
        }"""
    )
    assert all(all(edges) for edges in fits["parts"]), fits
    assert fits["scroll"] <= 602
    # The one-line header links to the full app, without embed mode.
    full = frame.get_by_role("link", name=re.compile("Open in mapstory"))
    assert "embed" not in full.get_attribute("href")
    assert full.get_attribute("target") == "_blank"
    # Stepping works inside the frame and stays embedded.
    frame.get_by_role("button", name=re.compile("Next")).click()
    frame.get_by_text("4 / 9", exact=True).wait_for(timeout=TIMEOUT)
    map_frame.wait_for_function(
        "() => document.documentElement.getAttribute('data-ms-step') === '4'", timeout=TIMEOUT
    )
    assert frame.get_by_role("link", name="Explore").count() == 0
    assert_clean(traffic)


def test_dates_follow_the_readers_region(browser, app_url) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    try:
        page = context.new_page()
        frame = open_story(page, app_url, "?step=2")
        assert "Wednesday, May 24, 2023" in page.locator("header.ms-head").inner_text()
        assert re.search(r"May 23\s*–\s*24, 2023", page.locator("section.ms-step").inner_text())
        frame.locator(".ms-ev-port-vladivostok").first.dispatch_event("click")
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=TIMEOUT)
        assert "June 1, 2023" in popup.inner_text()
        # Stepping keeps the reader's dates and the same map (no remount for a new script).
        frame.evaluate("() => { window.__msSame = true; }")
        page.get_by_role("button", name=re.compile("Next")).click()
        page.get_by_text("3 / 9", exact=True).wait_for(timeout=TIMEOUT)
        assert "March 2023" in page.locator("section.ms-step").inner_text()
        assert frame.evaluate("() => window.__msSame === true")
    finally:
        context.close()
