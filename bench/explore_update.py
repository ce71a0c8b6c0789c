"""How fast the Explore map follows the reader, and proof that it is not remounted.

Starts `streamlit run app.py` and a headless Chromium (tests/browser/harness.py), opens the
Explore page, then repeatedly moves the time window (the slider's start thumb jumps to the
last day and back) and toggles the Trade layer (shown in both windows, so every toggle changes
the map). For each interaction it measures, in the browser, the time from the key press or
click (a capturing listener in the page) to the map's marks restyling (a MutationObserver on
the attribute the update layer sets in the map's document right after swapping its
stylesheet), on one clock (performance.timeOrigin + now()). After every interaction it checks
that the map's iframe element is the same DOM node and the Leaflet map the same object, i.e.
nothing was remounted.

Usage: python bench/explore_update.py [--repeats 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tests.browser.harness import chromium, running_app  # noqa: E402

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 30_000

PAGE_LISTENER = """(selector) => {
    const mark = (e) => { window.__t0 = performance.timeOrigin + performance.now(); };
    document.addEventListener('keydown', mark, true);
    document.addEventListener('click', mark, true);
    document.querySelector(selector).__benchNode = true;
}"""

FRAME_OBSERVER = """() => {
    window.__sameMap = window.map;
    window.__t1 = 0;
    new MutationObserver(() => {
        window.__t1 = performance.timeOrigin + performance.now();
    }).observe(document.documentElement, {attributes: true, attributeFilter: ['data-ms-step']});
}"""


def measure(page, frame, act) -> float:
    frame.evaluate("() => { window.__t1 = 0; }")
    page.evaluate("() => { window.__t0 = 0; }")
    act()
    frame.wait_for_function("() => window.__t1 > 0", timeout=TIMEOUT)
    t0 = page.evaluate("() => window.__t0")
    t1 = frame.evaluate("() => window.__t1")
    same_node = page.evaluate(f"() => document.querySelector('{MAP_IFRAME}').__benchNode === true")
    same_map = frame.evaluate("() => window.__sameMap === window.map && !!window.map")
    if not (same_node and same_map):
        raise SystemExit("the map iframe was remounted")
    if not t0 or t1 < t0:
        raise SystemExit("interaction was not timed")
    # The next interaction starts from an idle app, as a reader's would.
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]').dataset.testScriptState"
        " === 'notRunning'",
        timeout=TIMEOUT,
    )
    page.wait_for_timeout(100)
    return t1 - t0


def summary(name: str, values: list[float]) -> str:
    values = sorted(values)
    q = statistics.quantiles(values, n=4) if len(values) >= 4 else [values[0], 0, values[-1]]
    return (
        f"{name:<22} n={len(values):<3} median {statistics.median(values):6.0f} ms   "
        f"IQR {q[0]:.0f}–{q[2]:.0f} ms   min {values[0]:.0f}   max {values[-1]:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    with running_app() as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/explore")
        frame = page.wait_for_selector(MAP_IFRAME, timeout=60_000).content_frame()
        frame.wait_for_function(
            "() => window.map && document.documentElement.hasAttribute('data-ms-step')"
            " && (window.__msMap?.__msBasemap?.getLayers().length || 0) > 100",
            timeout=60_000,
        )
        page.wait_for_timeout(1000)  # the first-load rerun (the map reports its initial state)
        page.evaluate(PAGE_LISTENER, MAP_IFRAME)
        frame.evaluate(FRAME_OBSERVER)
        thumb = page.get_by_role("slider").first
        trade = page.get_by_role("button", name="Trade", exact=True)
        marks = "document.querySelectorAll('.ms-mark')"
        slider, layer = [], []
        started = time.perf_counter()
        for i in range(args.repeats):
            thumb.focus()
            slider.append(measure(page, frame, lambda k=("End", "Home")[i % 2]: thumb.press(k)))
            layer.append(measure(page, frame, trade.click))
        elapsed = time.perf_counter() - started
        visible = frame.evaluate(
            f"() => [...{marks}].filter(e => getComputedStyle(e).display !== 'none').length"
        )
        print("Explore page: interaction → map marks restyled (in-browser clocks)")
        print(summary("time window (slider)", slider))
        print(summary("layer toggle (Trade)", layer))
        print(
            f"iframe: same DOM node and same Leaflet map after all {2 * args.repeats} "
            f"updates (no remount); {visible} marks visible at the end; {elapsed:.1f} s total"
        )


if __name__ == "__main__":
    main()
