"""Story page performance, measured in headless Chromium against ``streamlit run``.

Usage: ``python bench/story_perf.py [--runs N] [--sessions N] [--sizes 10 100 1000] [--smoke]``

Prints one table of figures (median and spread over repeated runs) for the budgets of the
performance issue:

* process start → Story map visible with its marks, and the same for a bare one-marker
  folium app served the same way (``bench/apps/bare_folium.py``), as a ratio;
* Next → map reframed and excerpt shown (browser time), and whether the map kept its element;
* server script time for a step change (AppTest, no browser);
* bytes received over the websocket per step change;
* first full page load: bytes of every response as transferred (compressed where served so);
* N concurrent sessions stepping through the story: median step latency vs one session;
* server memory: idle, and per extra session;
* growth with story size: synthetic stories of 10, 100 and 1,000 places and events.

Timings on a shared machine are noisy: read ratios within one run, and medians.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import os
import random
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.harness import chromium, running_app  # noqa: E402

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 90_000
COUNTER = r"^\d+ / \d+$"


# -- helpers ---------------------------------------------------------------------------------


def rss_kb(pid: int) -> int:
    """Resident memory of the server process and its children, in kB (Linux /proc)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        status = Path(f"/proc/{p}/status")
        if status.exists():
            for line in status.read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total


def median_spread(values: list[float]) -> str:
    if not values:
        return "n/a"
    med = statistics.median(values)
    return f"{med:.0f} ({min(values):.0f}–{max(values):.0f})"


class Frames:
    """Bytes the page receives over Streamlit's websocket, raw and as deflate would send them
    (``server.enableWebsocketCompression``; the browser reports frames decompressed)."""

    def __init__(self, page) -> None:
        self.received = 0
        self.compressed = 0
        page.on("websocket", self._attach)

    def _attach(self, ws) -> None:
        def on_frame(payload) -> None:
            data = payload.encode() if isinstance(payload, str) else payload
            self.received += len(data)
            self.compressed += len(zlib.compress(data, 6))

        ws.on("framereceived", on_frame)


def wait_for_map(page, marks: int = 1):
    page.get_by_text(__import__("re").compile(COUNTER)).wait_for(timeout=TIMEOUT)
    frame = page.wait_for_selector(MAP_IFRAME, timeout=TIMEOUT).content_frame()
    frame.wait_for_function(
        f"() => window.__msMap && document.querySelectorAll('.ms-mark').length >= {marks}",
        timeout=TIMEOUT,
    )
    return frame


_CLOCKS_JS = """
() => {
  // Browser clocks for a step: when the narrative panel shows step N, and when the map's
  // update layer marks step N as drawn (StepStyle sets data-ms-step in the map document).
  const seen = (window.__msSeen = window.__msSeen || {});
  const note = (key) => { if (!(key in seen)) { seen[key] = performance.now(); } };
  const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const mapDoc = frame.contentDocument;
  const onMap = () => {
    const step = mapDoc.documentElement.getAttribute("data-ms-step");
    if (step) { note("map" + step); }
  };
  new MutationObserver(onMap).observe(mapDoc.documentElement, {attributes: true});
  const onPanel = () => {
    document.querySelectorAll("section.ms-step[data-step]").forEach(
      (section) => note("panel" + section.getAttribute("data-step")));
  };
  new MutationObserver(onPanel).observe(document.body, {subtree: true, childList: true});
  frame.__msKeep = true;
}
"""


def step_once(page, frame) -> tuple[float, bool]:
    """Click Next; ms (browser clocks) until the narrative shows the next step and the map
    has reframed for it; whether the map's iframe is the same element as before."""
    import re

    if not page.evaluate("() => !!window.__msSeen"):
        page.evaluate(_CLOCKS_JS)
    before = page.get_by_text(re.compile(COUNTER)).inner_text()
    number = int(before.split("/")[0]) + 1
    started = page.evaluate(
        "() => { const t = performance.now();"
        " Array.from(document.querySelectorAll('button'))"
        ".find((b) => b.innerText.includes('Next')).click(); return t; }"
    )
    page.wait_for_function(
        f"() => window.__msSeen && ('map{number}' in window.__msSeen)"
        f" && ('panel{number}' in window.__msSeen)",
        timeout=TIMEOUT,
    )
    done = page.evaluate(
        f"() => Math.max(window.__msSeen['map{number}'], window.__msSeen['panel{number}'])"
    )
    kept = page.evaluate(
        "() => !!document.querySelector('iframe[title=\"streamlit_folium.st_folium\"]').__msKeep"
    )
    return done - started, kept


def first_load(browser, url: str, marks: int) -> tuple[float, int, int]:
    """(ms to map visible, bytes as transferred, bytes if every response were gzipped) for a
    first visit in a fresh browser context, websocket frames included in both sizes.

    Streamlit serves its own JavaScript uncompressed (its server has no gzip switch), while
    mapstory's static files go out gzipped; the gzip figure is what the page weighs behind any
    compressing proxy or CDN, the usual way a Streamlit app is hosted.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    frames = Frames(page)
    started = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    wait_for_map(page, marks)
    elapsed = (time.perf_counter() - started) * 1000
    page.wait_for_timeout(1000)
    transferred = gzipped = 0
    for response in responses:
        with contextlib.suppress(Exception):  # redirects and aborted requests have no body
            body = response.body()
            sizes = response.request.sizes()
            encoded = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            transferred += encoded
            already = (response.headers.get("content-encoding") or "") in ("gzip", "br")
            gzipped += encoded if already else len(gzip.compress(body, 6))
    transferred += frames.received
    gzipped += frames.compressed
    context.close()
    return elapsed, transferred, gzipped


# -- figures ---------------------------------------------------------------------------------


_BARE_DIR = tempfile.mkdtemp(prefix="mapstory-bare-")


def bare_app() -> tuple[str, dict]:
    """The bare app, placed where Streamlit serves the same static/ folder next to it.

    Streamlit serves ./static from the main script's folder, so the script is copied into a
    temporary folder with a link to the repository's static/.
    """
    folder = Path(_BARE_DIR)
    script = folder / "bare_folium.py"
    if not script.exists():
        script.write_text((ROOT / "bench" / "apps" / "bare_folium.py").read_text())
        (folder / "static").symlink_to(ROOT / "static", target_is_directory=True)
    return str(script), {"PYTHONPATH": str(ROOT)}


def start_to_map(browser, script: str, env: dict | None = None, marks: int = 1) -> float:
    """ms from spawning `streamlit run` to the map (with *marks* marks) visible in Chromium."""
    started = time.perf_counter()
    with running_app(env=env, script=script) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        frame = page.wait_for_selector(MAP_IFRAME, timeout=TIMEOUT).content_frame()
        frame.wait_for_function(
            "() => document.querySelectorAll("
            f"'.leaflet-marker-icon, .ms-mark, path.leaflet-interactive').length >= {marks}",
            timeout=TIMEOUT,
        )
        elapsed = (time.perf_counter() - started) * 1000
        context.close()
    return elapsed


def step_figures(browser, url: str, steps: int) -> tuple[list[float], list[int], list[int], bool]:
    """Per step: browser ms, websocket bytes, the same deflated, and whether the map stayed."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    frames = Frames(page)
    page.goto(url, wait_until="domcontentloaded")
    frame = wait_for_map(page)
    page.wait_for_timeout(800)
    times, sizes, deflated, kept_all = [], [], [], True
    for _ in range(steps):
        before, before_deflated = frames.received, frames.compressed
        elapsed, kept = step_once(page, frame)
        page.wait_for_timeout(300)  # let the rest of the rerun's frames arrive
        times.append(elapsed)
        sizes.append(frames.received - before)
        deflated.append(frames.compressed - before_deflated)
        kept_all = kept_all and kept
    context.close()
    return times, sizes, deflated, kept_all


def server_rerun_ms(runs: int, story_file: str | None = None) -> list[float]:
    from streamlit.testing.v1 import AppTest

    if story_file:
        os.environ["MAPSTORY_STORY_FILE"] = story_file
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        times = []
        for i in range(runs):
            at.query_params["step"] = str(2 + i % 5)
            started = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - started) * 1000)
        return times
    finally:
        os.environ.pop("MAPSTORY_STORY_FILE", None)


def concurrent_steps(browser, url: str, sessions: int, steps: int) -> list[float]:
    """Step latencies of *sessions* browser contexts stepping at the same time."""
    contexts = [
        browser.new_context(viewport={"width": 1200, "height": 800}) for _ in range(sessions)
    ]
    pages = []
    for context in contexts:
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        pages.append((page, None))
    pages = [(page, wait_for_map(page)) for page, _ in pages]
    latencies: list[float] = []
    # Playwright's sync API is single-threaded: interleave the sessions' clicks round-robin so
    # that the server sees all sessions stepping during the same seconds.
    for _ in range(steps):
        for page, frame in pages:
            elapsed, _kept = step_once(page, frame)
            latencies.append(elapsed)
    for context in contexts:
        context.close()
    return latencies


def synthetic_story(size: int, path: Path) -> None:
    """A valid story with *size* places and *size* events (visits between random cities)."""
    from mapstory.gazetteer import default_gazetteer
    from mapstory.model import Actor, Article, DateValue, Place, Span, Story, Visit
    from mapstory.storyfile import dump_story

    rng = random.Random(size)
    cities = [e for e in default_gazetteer() if e.kind == "city" and e.population > 300_000]
    chosen = rng.sample(cities, size)
    sentences = [f"Officials travelled to {c.name} on the {i + 1}th." for i, c in enumerate(chosen)]
    text = " ".join(sentences)
    places, events, offset = [], [], 0
    actors = [Actor(id=f"a{i}", name=f"Envoy {i}") for i in range(5)]
    for i, (city, sentence) in enumerate(zip(chosen, sentences, strict=True)):
        start = offset + sentence.index(city.name)
        places.append(
            Place(
                id=f"p{i}",
                name=city.name,
                kind="city",
                lat=city.lat,
                lon=city.lon,
                country_code=city.country_code,
                mentions=[Span(start=start, end=start + len(city.name), text=city.name)],
            )
        )
        offset += len(sentence) + 1
    offset = 0
    for i, sentence in enumerate(sentences):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=i % 300)
        events.append(
            Visit(
                id=f"e{i}",
                title=f"Visit {i}",
                actor=f"a{i % 5}",
                origin=f"p{(i + 1) % size}",
                destination=f"p{i}",
                spans=[Span(start=offset, end=offset + len(sentence), text=sentence)],
                date=DateValue(start=day, end=day, precision="day"),
            )
        )
        offset += len(sentence) + 1
    story = Story(
        id=f"synthetic-{size}",
        title=f"Synthetic story of {size}",
        article=Article(title=f"Synthetic {size}", text=text, date=dt.date(2023, 12, 31)),
        places=places,
        actors=actors,
        events=events,
    )
    path.write_text(dump_story(story), encoding="utf-8")


# -- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="repeats of each start measurement")
    parser.add_argument("--steps", type=int, default=8, help="step changes per session")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 1000])
    parser.add_argument("--smoke", action="store_true", help="one run of everything, tiny sizes")
    args = parser.parse_args(argv)
    if args.smoke:
        args.runs, args.steps, args.sessions, args.sizes = 1, 2, 2, [10]

    rows: list[tuple[str, str, str]] = []
    with chromium() as browser:
        seed_starts = [start_to_map(browser, "app.py", None, 10) for _ in range(args.runs)]
        bare_starts = [start_to_map(browser, *bare_app(), 1) for _ in range(args.runs)]
        ratio = statistics.median(seed_starts) / statistics.median(bare_starts)
        rows += [
            ("start → Story map with marks (ms)", median_spread(seed_starts), ""),
            ("start → bare one-marker folium map (ms)", median_spread(bare_starts), ""),
            ("  ratio (budget ≤ 1.5)", f"{ratio:.2f}", "ok" if ratio <= 1.5 else "OVER"),
        ]

        with running_app() as url:
            idle = rss_kb(url.pid)
            loads = [first_load(browser, url, 10) for _ in range(max(1, args.runs // 2))]
            times, sizes, deflated, kept = step_figures(browser, url, args.steps)
            one_session = rss_kb(url.pid)
            single = statistics.median(times)
            rows += [
                (
                    "first page load, gzip (kB)",
                    f"{statistics.median(g for _, _, g in loads) / 1000:.0f}",
                    "ok" if statistics.median(g for _, _, g in loads) <= 600_000 else "OVER",
                ),
                (
                    "first page load, as served (kB)",
                    f"{statistics.median(b for _, b, _ in loads) / 1000:.0f}",
                    "",
                ),
                (
                    "Next → reframed + excerpt (ms)",
                    median_spread(times),
                    "ok" if single <= 150 else "OVER",
                ),
                ("  map element kept on every step", str(kept), "ok" if kept else "OVER"),
                (
                    "  same, deflate-compressed (kB)",
                    median_spread([d / 1000 for d in deflated]),
                    "",
                ),
                (
                    "websocket bytes per step (kB)",
                    median_spread([s / 1000 for s in sizes]),
                    "ok" if statistics.median(sizes) <= 20_000 else "OVER",
                ),
            ]
            latencies = concurrent_steps(browser, url, args.sessions, max(2, args.steps // 2))
            many = rss_kb(url.pid)
            ratio = statistics.median(latencies) / single
            per_session = (many - one_session) / max(1, args.sessions - 1) / 1024
            rows += [
                (
                    f"{args.sessions} sessions: step latency (ms)",
                    median_spread(latencies),
                    f"{ratio:.2f}× single " + ("ok" if ratio <= 2 else "OVER"),
                ),
                ("server memory idle (MB)", f"{idle / 1024:.0f}", ""),
                (
                    "server memory per extra session (MB)",
                    f"{per_session:.1f}",
                    "ok" if per_session <= 5 else "OVER",
                ),
            ]

        reruns = server_rerun_ms(max(5, args.steps))
        rows.append(
            (
                "server rerun for a step, AppTest (ms)",
                median_spread(reruns),
                "ok" if statistics.median(reruns) <= 30 else "OVER",
            )
        )

        with tempfile.TemporaryDirectory() as tmp:
            for size in args.sizes:
                path = Path(tmp) / f"synthetic-{size}.yaml"
                synthetic_story(size, path)
                with running_app(env={"MAPSTORY_STORY_FILE": str(path)}) as url:
                    load_ms, _served, weight = first_load(browser, url, min(size, 10))
                    times, sizes, _deflated, kept = step_figures(browser, url, min(args.steps, 4))
                rows.append(
                    (
                        f"story of {size}: load ms / kB, step ms, step kB",
                        f"{load_ms:.0f} / {weight / 1000:.0f}, {statistics.median(times):.0f}, "
                        f"{statistics.median(sizes) / 1000:.1f}",
                        "ok" if statistics.median(times) <= 500 and kept else "OVER",
                    )
                )

    width = max(len(r[0]) for r in rows) + 2
    print(f"{'figure':<{width}}{'median (min–max)':<26}budget")
    for name, value, verdict in rows:
        print(f"{name:<{width}}{value:<26}{verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
