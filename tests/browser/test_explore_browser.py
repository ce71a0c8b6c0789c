"""What a reader does on the Explore page, in a real headless Chromium against `streamlit run`."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 30_000
# Streamlit probes the page's own path as a possible base URL before the root one.
PROBES = re.compile(r"/explore/_stcore/(health|host-config) \(HTTP 404\)$")


def open_explore(page, app_url: str, query: str = ""):
    page.goto(f"{app_url}/explore{query}", wait_until="domcontentloaded")
    frame = page.wait_for_selector(MAP_IFRAME, timeout=TIMEOUT).content_frame()
    frame.wait_for_function(
        "() => window.map && document.documentElement.hasAttribute('data-ms-step')"
        " && (window.__msMap?.__msBasemap?.getLayers().length || 0) > 100",
        timeout=TIMEOUT,
    )
    frame.evaluate("() => { window.__sameMap = true; }")
    wait_idle(page)
    return frame


def wait_idle(page) -> None:
    """Until the app has finished its runs, including the one the map triggers when it first
    reports its (empty) click state — a reader's first click comes later than a robot's."""
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]').dataset.testScriptState"
        " === 'notRunning'",
        timeout=TIMEOUT,
    )


def href(page) -> str:
    return page.evaluate("() => decodeURIComponent(location.href)")


def wait_for_url(page, fragment: str) -> None:
    page.wait_for_function(
        f"() => decodeURIComponent(location.href).includes({fragment!r})", timeout=TIMEOUT
    )


def shown(frame, selector: str) -> bool:
    return frame.evaluate(
        """(sel) => [...document.querySelectorAll(sel)]
            .some(el => getComputedStyle(el).display !== 'none')""",
        selector,
    )


def wait_hidden(frame, selector: str, hidden: bool = True) -> None:
    frame.wait_for_function(
        """([sel, hidden]) => [...document.querySelectorAll(sel)]
            .every(el => (getComputedStyle(el).display === 'none') === hidden)""",
        arg=[selector, hidden],
        timeout=TIMEOUT,
    )


def panel(page):
    return page.locator("section.ms-explore")


def assert_clean(traffic) -> None:
    assert [f for f in traffic.failed if not PROBES.search(f)] == []
    assert traffic.external == []
    assert traffic.page_errors == []
    assert traffic.dialogs == []


def test_explore_opens_offline_with_every_mark(page, app_url, traffic) -> None:
    frame = open_explore(page, app_url)
    assert "Showing 13 of 13 events" in panel(page).inner_text()
    for selector in (".ms-ev-port-vladivostok", ".ms-ev-visit-xi-moscow", ".ms-pl-kyiv"):
        assert shown(frame, selector), selector
    strip = page.get_by_role("list", name="Map legend").inner_text()
    assert "Xi Jinping" in strip and "Port" in strip and "Conflict area" in strip
    assert page.locator('[data-testid="stException"]').count() == 0
    assert_clean(traffic)


def test_toggling_a_layer_hides_it_keeps_the_map_and_updates_the_link(
    page, app_url, traffic
) -> None:
    frame = open_explore(page, app_url)
    page.get_by_role("button", name="Ports", exact=True).click()
    wait_for_url(page, "layers=visits,blocs,trade")
    wait_hidden(frame, ".ms-ev-port-vladivostok")
    assert shown(frame, ".ms-ev-visit-xi-moscow")
    # The legend strip follows the same rerun; under load it can land after the map's update.
    page.wait_for_function(
        """() => { const l = document.querySelector('[aria-label="Map legend"]');
                   return l && !l.innerText.split("\\n").includes("Port"); }""",
        timeout=TIMEOUT,
    )
    assert frame.evaluate("() => window.__sameMap === true")  # not remounted
    page.get_by_role("button", name="Ports", exact=True).click()
    page.wait_for_function("() => !location.href.includes('layers=')", timeout=TIMEOUT)
    wait_hidden(frame, ".ms-ev-port-vladivostok", hidden=False)
    assert frame.evaluate("() => window.__sameMap === true")
    assert_clean(traffic)


def test_moving_the_time_window_shows_only_what_overlaps_it(page, app_url, traffic) -> None:
    frame = open_explore(page, app_url)
    start = page.get_by_role("slider").first
    start.focus()
    page.keyboard.press("End")  # the window becomes 31 December 2023 alone
    wait_for_url(page, "from=2023-12-31")
    wait_hidden(frame, ".ms-ev-visit-xi-moscow")  # March
    wait_hidden(frame, ".ms-ev-port-vladivostok")  # 1 June
    # "This year" is the whole of 2023: it overlaps the last day and stays.
    assert shown(frame, ".ms-ev-trade-russia-china")
    assert shown(frame, ".ms-ev-conflict-ukraine")  # undated marks show at any time
    assert frame.evaluate("() => window.__sameMap === true")
    assert_clean(traffic)


def test_clicking_a_mark_selects_it_in_the_panel_and_the_table(page, app_url, traffic) -> None:
    frame = open_explore(page, app_url)
    frame.locator(".ms-pl-beijing .ms-label").click()
    wait_for_url(page, "place=beijing")
    page.locator('section[data-selected="place:beijing"]').wait_for(timeout=TIMEOUT)
    assert "Everything the article says about Beijing" in panel(page).inner_text()
    assert panel(page).locator('mark[data-place="beijing"]').count() >= 3
    selected = page.locator('[data-testid="stDataFrame"] tr[aria-selected="true"]')
    selected.first.wait_for(state="attached", timeout=TIMEOUT)
    assert selected.first.text_content().startswith("Beijing")
    # An event mark selects the event, and its row in the events table instead. (Selecting
    # Beijing framed it and opened its popup, which can cover Vladivostok: once that run has
    # finished and the map stands still, clear the way.)
    wait_idle(page)
    frame.wait_for_function(
        "() => !map._animatingZoom && !(map._panAnim && map._panAnim._inProgress)",
        timeout=TIMEOUT,
    )
    frame.evaluate("() => { map.closePopup(); map.setView([42, 120], 4, {animate: false}); }")
    frame.locator(".ms-ev-port-vladivostok").first.click()
    wait_for_url(page, "event=port-vladivostok")
    page.locator('section[data-selected="event:port-vladivostok"]').wait_for(timeout=TIMEOUT)
    assert "after the article" in panel(page).inner_text()
    page.wait_for_function(
        """() => [...document.querySelectorAll(
                '[data-testid="stDataFrame"] tr[aria-selected="true"]')]
            .map(r => r.textContent).join('|').startsWith('Vladivostok becomes')""",
        timeout=TIMEOUT,
    )
    assert frame.evaluate("() => window.__sameMap === true")
    assert_clean(traffic)


def test_selecting_a_table_row_focuses_the_map_on_it(page, app_url, traffic) -> None:
    frame = open_explore(page, app_url)
    frame.locator(".ms-pl-beijing .ms-label").click()
    wait_for_url(page, "place=beijing")
    table = page.locator('[data-testid="stDataFrame"]').first
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    # Rows are 35 px under a 35 px header, in story order; Japan is the ninth place.
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 35 * 8 + 17)
    wait_for_url(page, "place=japan")
    page.locator('section[data-selected="place:japan"]').wait_for(timeout=TIMEOUT)
    assert panel(page).locator('mark[data-place="japan"]').count() == 3
    frame.wait_for_function(
        "() => map.getBounds().contains([36.2, 138.3]) && map.getZoom() >= 4", timeout=TIMEOUT
    )
    assert frame.evaluate("() => window.__sameMap === true")
    # Clicking the mark picked before the row is news again: the selection goes back to it.
    frame.evaluate("() => { map.closePopup(); map.setView([40, 100], 3, {animate: false}); }")
    frame.locator(".ms-pl-beijing .ms-label").click()
    wait_for_url(page, "place=beijing")
    page.locator('section[data-selected="place:beijing"]').wait_for(timeout=TIMEOUT)
    assert_clean(traffic)


def test_a_link_restores_filters_window_blocs_and_selection(page, app_url, traffic) -> None:
    query = "?layers=visits,institutions,places&actors=xi&from=2023-03-01&to=2023-04-30"
    frame = open_explore(page, app_url, query + "&blocs=nato&place=moscow")
    pressed = page.locator('button[data-variant="pills"][aria-pressed="true"]').all_inner_texts()
    assert pressed == [
        *("Visits", "Institutions", "Places"),
        "Xi Jinping",
        *("stated", "inferred", "happened", "scheduled", "proposed"),
        "Nato",
    ]
    sliders = page.get_by_role("slider")
    assert sliders.nth(0).get_attribute("aria-valuetext") == "1 Mar 2023"
    assert sliders.nth(1).get_attribute("aria-valuetext") == "30 Apr 2023"
    page.locator('section[data-selected="place:moscow"]').wait_for(timeout=TIMEOUT)
    assert shown(frame, ".ms-ev-visit-xi-moscow")
    assert not shown(frame, ".ms-ev-visit-mishustin-beijing")  # May: outside the window
    assert not shown(frame, ".ms-ev-port-vladivostok")  # layer off
    frame.wait_for_function(
        "() => document.querySelectorAll('.leaflet-ms-blocs-pane path').length >= 31",
        timeout=TIMEOUT,
    )
    assert "Nato members on 24 May 2023" in page.get_by_role("list", name="Map legend").inner_text()
    assert "not a Nato member on 24 May 2023" in page.locator("section.ms-members").inner_text()
    frame.wait_for_function("() => map.getBounds().contains([55.75, 37.62])", timeout=TIMEOUT)
    assert "place=moscow" in href(page) and "from=2023-03-01" in href(page)
    assert_clean(traffic)


def test_a_bad_link_gets_a_note_not_a_traceback(page, app_url, traffic) -> None:
    open_explore(page, app_url, "?layers=visits,warp&place=..%2F..%2Fetc&from=soon")
    warning = page.locator('[data-testid="stAlertContentWarning"]')
    warning.wait_for(timeout=TIMEOUT)
    text = warning.inner_text()
    assert "unknown layers" in text and "looks like a path" in text and "not a date" in text
    assert page.locator('[data-testid="stException"]').count() == 0
    page.wait_for_function(
        "() => !location.href.includes('place=') && !location.href.includes('from=')",
        timeout=TIMEOUT,
    )
    assert "layers=visits" in href(page)
    assert_clean(traffic)


def test_panning_and_zooming_do_not_rerun_the_app(page, app_url, traffic) -> None:
    # Every rerun the page asks for is a message it sends over Streamlit's websocket. (The
    # app's script-state attribute is no witness: a fast rerun can come and go between two
    # renders without the attribute ever showing it.)
    requests: list[object] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda data: requests.append(data)))
    frame = open_explore(page, app_url)
    page.wait_for_timeout(500)
    before = len(requests)
    # A negative needs a window of time: streamlit-folium reports map moves after a 250 ms
    # debounce, so moves and then 1 s without a report or a rerun is the evidence.
    sent = frame.evaluate(
        """async () => {
            let sent = 0;
            const [center, zoom] = [map.getCenter(), map.getZoom()];
            const send = window.Streamlit.setComponentValue;
            window.Streamlit.setComponentValue = (...a) => { sent += 1; return send(...a); };
            map.panBy([250, 120], {animate: false});
            map.setZoom(map.getZoom() + 1, {animate: false});
            map.panBy([-300, 0], {animate: false});
            await new Promise((resolve) => setTimeout(resolve, 1000));
            window.Streamlit.setComponentValue = send;
            map.setView(center, zoom, {animate: false});
            return sent;
        }"""
    )
    assert sent == 0
    assert len(requests) == before
    # The same instrumentation does see a click: the check above can fail.
    frame.locator(".ms-pl-beijing .ms-label").click()
    wait_for_url(page, "place=beijing")
    assert len(requests) > before
    assert_clean(traffic)
