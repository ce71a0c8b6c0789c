"""Bounded load test: many sessions stepping through the Story page of one `streamlit run`.

Usage: ``python bench/load_test.py [--sessions 20] [--browsers 2] [--duration 60] [--think 0]
[--step-timeout 10] [--smoke]``

Starts ``streamlit run app.py`` on a free loopback port (its story store in a temporary
folder), loads the page once to warm the server up, then for ``--duration`` seconds keeps two
kinds of sessions, all opened at once, stepping Next / Previous through the story, back and
forth, with no pause between steps (``--think`` adds a mean pause, randomised ±50 %, for
readers rather than a stress test):

* ``--sessions`` protocol sessions: websocket clients that speak Streamlit's own protocol
  (``BackMsg`` / ``ForwardMsg`` from ``streamlit.proto``) and send what Chromium sends for the
  same clicks (read from a real page's frames: a ``rerun_script`` with the URL's query string,
  every widget's value plus the clicked button's trigger, the page's script hash, the hashes of
  the messages it holds in its cache, and the browser's context). They cost the server what a
  browser costs it, but almost no CPU on this side, so on a small machine the figures are the
  server's, not the load generator's. A step is timed from sending the ``BackMsg`` to the
  ``script_finished`` message, and counts only if the excerpt panel and the map's step layer of
  the new step arrived.
* ``--browsers`` real pages in headless Chromium (one browser, one context per page), so what a
  person sees under that load is covered too. A step is timed as in ``bench/story_perf.py``:
  click → excerpt panel shows the new step and the map (same iframe, no remount) is reframed.

Every failure is counted by kind: failed page loads, steps slower than ``--step-timeout`` (their
latency is still recorded; a step with no answer after ``--stall-timeout`` is abandoned and the
page opened afresh), a wrong or missing step, a remounted map, Streamlit exception or error
elements, websocket or protocol errors, HTTP responses that are not 2xx/3xx, page and console
errors, error lines in the server's log. The exit code is 1 if any was counted.

Server memory (RSS of the server and its children) is read fresh, idle after the warm-up,
throughout (peak) and at the end; CPU time of the server and of this load generator is reported
too, since both share the same cores.

The run stops by itself: sessions stop at the deadline, every wait has a timeout, and a
watchdog kills everything this script started if the whole run overruns by minutes. Ctrl-C and
SIGTERM stop the sessions and the server cleanly.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import random
import re
import signal
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.harness import (  # noqa: E402
    CHROMIUM_FLAGS,
    REPO_ROOT,
    chromium_path,
    running_app,
)

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
# Steps of the seed story; sessions start spread over them (a shorter story falls back to a
# valid step with a note, which the sessions follow).
SEED_STEPS = 9
PANEL_STEP = re.compile(r'<section class="ms-step" data-step="(\d+)"')
COUNTER = re.compile(r"(\d+) / (\d+)")
NEXT, PREVIOUS = re.compile(r"^Next →"), re.compile(r"^← Previous")
# A watchdog ends the run this long after the deadline, page-load and stall allowances
# (server start-up, warm-up and teardown).
HARD_MARGIN_S = 180.0

ERROR_KINDS = (
    "page load failed",
    "step timeout",
    "wrong step shown",
    "map remounted",
    "streamlit exception shown",
    "app error message shown",
    "websocket / protocol error",
    "HTTP not 2xx/3xx or failed request",
    "page error (JavaScript)",
    "console error",
    "browser error",
    "server log error",
)


# -- bookkeeping ----------------------------------------------------------------------------


def by_client() -> dict[str, list[float]]:
    """Latencies kept apart by kind of client: they time different things."""
    return {"websocket": [], "browser": []}


@dataclass
class Results:
    """Everything the sessions measured; shared by all tasks of one event loop (no locks)."""

    open_ms: dict[str, list[float]] = field(default_factory=by_client)
    step_ms: dict[str, list[float]] = field(default_factory=by_client)
    map_ms: list[float] = field(default_factory=list)  # protocol steps: → map update only
    errors: Counter[str] = field(default_factory=Counter)
    samples: dict[str, list[str]] = field(default_factory=dict)

    def error(self, kind: str, detail: str) -> None:
        """Count one error and keep the first few details of each kind for the report."""
        assert kind in ERROR_KINDS, kind
        self.errors[kind] += 1
        kept = self.samples.setdefault(kind, [])
        if len(kept) < 3:
            kept.append(detail[:300])


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100), nearest rank: an observed latency, never an interpolation."""
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


# -- processes: memory and CPU from /proc -----------------------------------------------------

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def children_by_parent() -> dict[int, list[int]]:
    """Every process's children, from the parent ids in /proc (one scan)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            stat = (entry / "stat").read_text()
            ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    return children


def process_tree(root: int, children: dict[int, list[int]] | None = None) -> list[int]:
    """*root* and all its descendants (any depth)."""
    children = children_by_parent() if children is None else children
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def rss_kb(pids: list[int]) -> int:
    """Resident memory of these processes, in kB (processes that ended count 0)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total


def cpu_ticks(pid: int) -> int | None:
    """User + system CPU time *pid* has used so far, in clock ticks (None once it ended)."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    return None


class CpuMeter:
    """CPU seconds used by a process tree since the meter started, short-lived members too.

    Chromium's renderers exit when their page closes, before the run's figures are taken, so
    the meter keeps the last reading of every process it has seen (read 4 times a second; a
    process's last quarter-second may be missed).
    """

    def __init__(self, root: int, exclude: int | None = None) -> None:
        self.root, self.exclude = root, exclude
        self.start: dict[int, int] = {}
        self.last: dict[int, int] = {}
        self.read(first=True)

    def read(self, first: bool = False, children: dict[int, list[int]] | None = None) -> None:
        children = children_by_parent() if children is None else children
        skip = set(process_tree(self.exclude, children)) if self.exclude else set()
        for pid in process_tree(self.root, children):
            ticks = cpu_ticks(pid)
            if pid in skip or ticks is None:
                continue
            if first:
                self.start[pid] = ticks
            self.last[pid] = ticks

    def seconds(self) -> float:
        used = sum(ticks - self.start.get(pid, 0) for pid, ticks in self.last.items())
        return used / CLOCK_TICKS


@dataclass
class Memory:
    """Server RSS in kB: fresh (nothing loaded), idle (after one page load, before the
    sessions), the highest seen during the run, and after the sessions closed."""

    fresh: int = 0
    idle: int = 0
    client_peak: int = 0  # this script and its Chromium, for judging the load generator
    peak: int = 0
    end: int = 0


async def sample(
    server_pid: int, memory: Memory, meters: list[CpuMeter], stop: asyncio.Event
) -> None:
    """Read the server's RSS and the CPU meters 4 times a second until *stop* is set."""
    while not stop.is_set():
        children = children_by_parent()  # one /proc scan a sample: it runs in the event loop
        server = process_tree(server_pid, children)
        memory.peak = max(memory.peak, rss_kb(server))
        client = set(process_tree(os.getpid(), children)) - set(server)
        memory.client_peak = max(memory.client_peak, rss_kb(list(client)))
        for meter in meters:
            meter.read(children=children)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.25)


@dataclass(frozen=True)
class Limits:
    """How long things may take, and how a session paces itself."""

    step: float  # a step slower than this is an error (its latency is still recorded)
    stall: float  # a step not done after this is abandoned and the page opened afresh
    open: float  # page load
    think: float  # mean pause after each step

    def pause(self, rng: random.Random) -> float:
        """A reader's pause: uniform within ±50 % of the mean, so that sessions opened
        together drift apart instead of stepping in waves (which would leave the server idle
        between waves and queue every session behind the whole wave)."""
        return rng.uniform(0.5, 1.5) * self.think


# -- protocol sessions ----------------------------------------------------------------------


def http_get(url: str) -> tuple[int, str | None]:
    """GET *url*; (status, the XSRF cookie Streamlit set, if any). Errors give status 0."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            cookie = None
            for header in response.headers.get_all("Set-Cookie") or []:
                if header.startswith("_streamlit_xsrf="):
                    cookie = header.split(";", 1)[0].split("=", 1)[1]
            return response.status, cookie
    except urllib.error.HTTPError as error:
        return error.code, None
    except OSError:
        return 0, None


@dataclass
class RunOutcome:
    """What one script run sent back, as far as the Story page's checks need it."""

    status: int | None = None
    panel_step: int | None = None
    total: int | None = None
    map_sent: bool = False
    map_at: float | None = None  # perf_counter() when the map's update arrived
    problems: list[tuple[str, str]] = field(default_factory=list)


class ProtocolSession:
    """One browser tab's worth of Streamlit protocol, without the browser.

    It keeps the state a browser keeps between reruns: the URL's query string (the server
    rewrites it with ``page_info_changed``), the page's script hash, the current widgets and
    their values (sent back on every rerun, as the browser does), and the forward-message cache
    (large elements arrive once and are then referred to by hash; entries not used for
    ``max_cached_message_age`` runs are dropped, as in Streamlit's front end).
    """

    def __init__(self, base: str, start_step: int, results: Results) -> None:
        self.base = base
        self.query = f"step={start_step}"
        self.results = results
        self.ws: Any = None
        self.page_hash = ""
        self.cache: dict[str, tuple[bytes, int]] = {}
        self.runs = 0
        self.max_age = 2
        self.widgets: dict[str, bool | str] = {}  # widget id → value (toggle, text input)
        self.buttons: dict[str, tuple[str, bool]] = {}  # "next"/"prev" → (id, disabled)
        self.at = start_step
        self.total = SEED_STEPS
        self.forward = True  # turns at the story's ends: a reader paging back and forth

    async def open(self, timeout: float) -> bool:
        """Load the page as a browser does (page, health, host config, websocket, first run)."""
        from websockets.asyncio.client import connect
        from websockets.typing import Origin, Subprotocol

        cookie = None
        for path in ("/", "/_stcore/health", "/_stcore/host-config"):
            status, set_cookie = await asyncio.to_thread(http_get, self.base + path)
            cookie = cookie or set_cookie
            if not 200 <= status < 400:
                self.results.error("HTTP not 2xx/3xx or failed request", f"GET {path}: {status}")
                return False
        # Chromium offers the XSRF cookie's value as the second websocket subprotocol.
        token = cookie or "PLACEHOLDER_AUTH_TOKEN"
        self.ws = await connect(
            self.base.replace("http://", "ws://") + "/_stcore/stream",
            subprotocols=[Subprotocol("streamlit"), Subprotocol(token)],
            origin=Origin(self.base),
            additional_headers={"Cookie": f"_streamlit_xsrf={token}"} if cookie else None,
            max_size=64 * 2**20,
            open_timeout=timeout,
        )
        self.widgets, self.buttons = {}, {}
        outcome = await self.run(trigger=None)
        if outcome.panel_step is None or not outcome.map_sent or "next" not in self.buttons:
            self.results.error("page load failed", f"first run: {outcome}")
            return False
        return True

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()
            self.ws = None

    def back_msg(self, trigger: str | None) -> bytes:
        """The ``rerun_script`` a browser sends: query string, widgets, cache, context."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        for widget_id, value in self.widgets.items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            if isinstance(value, bool):
                widget.bool_value = value
            else:
                widget.string_value = value
        if trigger is not None:
            widget = state.widget_states.widgets.add()
            widget.id = trigger
            widget.trigger_value = True
        state.page_script_hash = self.page_hash
        state.cached_message_hashes.extend(self.cache)
        context = state.context_info
        context.timezone, context.timezone_offset, context.locale = "UTC", 0, "en-US"
        context.url, context.is_embedded, context.color_scheme = self.base + "/", False, "light"
        return msg.SerializeToString()

    async def run(self, trigger: str | None) -> RunOutcome:
        """Send one rerun and read messages until its script run has finished."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        outcome = RunOutcome()
        widgets: dict[str, bool | str] = {}
        buttons: dict[str, tuple[str, bool]] = {}
        await self.ws.send(self.back_msg(trigger))
        while True:
            data = await self.ws.recv()
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "ref_hash":
                cached = self.cache.get(msg.ref_hash)
                if cached is None:
                    outcome.problems.append(("websocket / protocol error", "cache miss"))
                    continue
                self.cache[msg.ref_hash] = (cached[0], self.runs)
                msg = ForwardMsg()
                msg.ParseFromString(cached[0])
                kind = msg.WhichOneof("type")
            elif msg.metadata.cacheable and msg.hash and msg.hash not in self.cache:
                self.cache[msg.hash] = (data, self.runs)
            if kind == "new_session":
                self.page_hash = self.page_hash or msg.new_session.page_script_hash
                self.max_age = msg.new_session.config.max_cached_message_age
            elif kind == "navigation" and msg.navigation.page_script_hash:
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                outcome.problems.append(("page load failed", "page not found"))
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self.read_element(msg.delta.new_element, outcome, widgets, buttons)
            elif kind == "script_finished":
                outcome.status = msg.script_finished
                if outcome.status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                break
        self.runs += 1
        self.cache = {h: v for h, v in self.cache.items() if self.runs - v[1] <= self.max_age}
        self.widgets, self.buttons = widgets, buttons
        if outcome.panel_step is not None:
            self.at = outcome.panel_step
        if outcome.total:
            self.total = outcome.total
        if outcome.status != ForwardMsg.FINISHED_SUCCESSFULLY:
            outcome.problems.append(("wrong step shown", f"script finished with {outcome.status}"))
        for kind, detail in outcome.problems:
            self.results.error(kind, detail)
        return outcome

    @staticmethod
    def read_element(
        element: Any,
        outcome: RunOutcome,
        widgets: dict[str, bool | str],
        buttons: dict[str, tuple[str, bool]],
    ) -> None:
        """Note the parts of the page the checks and the next rerun need."""
        kind = element.WhichOneof("type")
        if kind == "html":
            found = PANEL_STEP.search(element.html.body)
            if found:
                outcome.panel_step = int(found.group(1))
        elif kind == "markdown":
            found = COUNTER.search(element.markdown.body)
            if found and "text-align:center" in element.markdown.body:
                outcome.total = int(found.group(2))
        elif kind == "component_instance" and "folium" in element.component_instance.component_name:
            outcome.map_sent, outcome.map_at = True, time.perf_counter()
        elif kind == "button":
            button = element.button
            name = (
                "next" if "Next" in button.label else "prev" if "Previous" in button.label else ""
            )
            if name:
                buttons[name] = (button.id, button.disabled)
        elif kind == "checkbox":
            widgets[element.checkbox.id] = (
                element.checkbox.value if element.checkbox.set_value else element.checkbox.default
            )
        elif kind == "text_input":
            widgets[element.text_input.id] = (
                element.text_input.value
                if element.text_input.set_value
                else element.text_input.default
            )
        elif kind == "exception":
            outcome.problems.append(("streamlit exception shown", element.exception.message))
        elif kind == "alert" and element.alert.format == 1:  # Alert.Format.ERROR
            outcome.problems.append(("app error message shown", element.alert.body))

    async def step(self) -> float | None:
        """Click Next (or Previous at the end); ms to the finished run, or None if it failed."""
        if self.at >= self.total or self.buttons.get("next", ("", True))[1]:
            self.forward = False
        elif self.at <= 1:
            self.forward = True
        forward = self.forward
        name = "next" if forward else "prev"
        target = self.at + 1 if forward else self.at - 1
        button_id = self.buttons.get(name, ("", True))[0]
        started = time.perf_counter()
        outcome = await self.run(trigger=button_id)
        elapsed = (time.perf_counter() - started) * 1000
        if outcome.panel_step != target or not outcome.map_sent:
            self.results.error(
                "wrong step shown",
                f"{name} from {target - (1 if forward else -1)}: panel {outcome.panel_step}, "
                f"map sent {outcome.map_sent}",
            )
            return None
        assert outcome.map_at is not None
        self.results.map_ms.append((outcome.map_at - started) * 1000)
        return elapsed


async def protocol_session(
    base: str, index: int, results: Results, deadline: float, limits: Limits
) -> None:
    """Open the page and step until the deadline; reconnect (a fresh tab) after a failure."""
    rng = random.Random(index)
    while time.monotonic() < deadline:
        session = ProtocolSession(base, 1 + index % SEED_STEPS, results)
        try:
            started = time.perf_counter()
            async with asyncio.timeout(limits.open):
                opened = await session.open(limits.open)
            if not opened:
                await asyncio.sleep(1)
                continue
            results.open_ms["websocket"].append((time.perf_counter() - started) * 1000)
            attempts = 0
            while time.monotonic() < deadline or not attempts:  # every session steps once
                attempts += 1
                try:
                    async with asyncio.timeout(limits.stall):
                        elapsed = await session.step()
                except TimeoutError:
                    results.error(
                        "step timeout", f"session {index} at step {session.at}: no answer"
                    )
                    break  # the tab is in an unknown state: open a fresh one
                if elapsed is not None:
                    results.step_ms["websocket"].append(elapsed)
                    if elapsed > limits.step * 1000:
                        results.error(
                            "step timeout",
                            f"session {index} to step {session.at}: {elapsed:.0f} ms",
                        )
                await asyncio.sleep(limits.pause(rng))
        except TimeoutError:
            results.error("page load failed", f"session {index}: opening timed out")
        except Exception as error:  # websockets' and the connection's errors alike
            results.error("websocket / protocol error", f"session {index}: {error!r}")
            await asyncio.sleep(1)
        finally:
            await session.close()


# -- browser sessions -----------------------------------------------------------------------


SHOWN_ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'


async def shown_errors(page: Any, results: Results, where: str) -> bool:
    """Count a Streamlit exception or an st.error box on the page; True if there was one."""
    exceptions = await page.locator('[data-testid="stException"]').count()
    alerts = await page.locator('[data-testid="stAlertContentError"]').count()
    if exceptions:
        results.error("streamlit exception shown", where)
    if alerts:
        results.error("app error message shown", where)
    return bool(exceptions or alerts)


class Budget:
    """Time left of one allowance, for Playwright's per-call timeouts (ms, at least 1)."""

    def __init__(self, seconds: float) -> None:
        self.until = time.monotonic() + seconds

    def ms(self) -> float:
        return max(1.0, (self.until - time.monotonic()) * 1000)


async def browser_session(
    browser: Any,
    base: str,
    index: int,
    results: Results,
    deadline: float,
    limits: Limits,
) -> None:
    """A real page stepping like a reader clicking Next / Previous until the deadline."""
    rng = random.Random(1000 + index)
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    live = True  # requests cut off by closing the page at the end are not failures

    def on_response(response: Any) -> None:
        if live and response.status >= 400:
            results.error(
                "HTTP not 2xx/3xx or failed request", f"{response.url}: {response.status}"
            )

    def on_failed(request: Any) -> None:
        if live:
            results.error("HTTP not 2xx/3xx or failed request", f"{request.url}: {request.failure}")

    def on_console(message: Any) -> None:
        if live and message.type == "error":
            results.error("console error", message.text)

    def on_page_error(error: Any) -> None:
        if live:
            results.error("page error (JavaScript)", str(error))

    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    start = 1 + index % SEED_STEPS
    try:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            budget = Budget(limits.open)
            try:
                await page.goto(
                    f"{base}/?step={start}", wait_until="domcontentloaded", timeout=budget.ms()
                )
                counter = page.get_by_text(re.compile(r"^\d+ / \d+$"))
                await counter.or_(page.locator(SHOWN_ERRORS)).first.wait_for(timeout=budget.ms())
                if await shown_errors(page, results, f"browser {index} opening"):
                    raise RuntimeError("the page shows an error")
                iframe = await page.wait_for_selector(MAP_IFRAME, timeout=budget.ms())
                frame = await iframe.content_frame()
                await frame.wait_for_function(
                    "() => window.__msMap && document.documentElement.getAttribute('data-ms-step')",
                    timeout=budget.ms(),
                )
            except Exception as error:
                results.error("page load failed", f"browser {index}: {error!r}")
                await asyncio.sleep(1)
                continue
            results.open_ms["browser"].append((time.perf_counter() - started) * 1000)
            step, total = (int(n) for n in (await counter.inner_text()).split(" / "))
            forward, attempts = True, 0
            while time.monotonic() < deadline or not attempts:  # every page steps once
                attempts += 1
                forward = (forward or step == 1) and step < total
                target = step + 1 if forward else step - 1
                # The accessible names carry the keyboard shortcut too: match the label only.
                name = NEXT if forward else PREVIOUS
                await page.evaluate(f"() => {{ document.querySelector('{MAP_IFRAME}').__ms = 1; }}")
                started = time.perf_counter()
                budget = Budget(limits.stall)  # for the whole step, not for each wait
                try:
                    await page.get_by_role("button", name=name).click(timeout=budget.ms())
                    await page.locator(f'section.ms-step[data-step="{target}"]').wait_for(
                        timeout=budget.ms()
                    )
                    await frame.wait_for_function(
                        "(n) => document.documentElement.getAttribute('data-ms-step') === n",
                        arg=str(target),
                        timeout=budget.ms(),
                    )
                except Exception as error:
                    kind = "step timeout" if "Timeout" in type(error).__name__ else "browser error"
                    results.error(kind, f"browser {index} → {target}: {error!r}")
                    break  # reload: the page is in an unknown state
                elapsed = (time.perf_counter() - started) * 1000
                results.step_ms["browser"].append(elapsed)
                if elapsed > limits.step * 1000:
                    results.error("step timeout", f"browser {index} → {target}: {elapsed:.0f} ms")
                step = target
                kept = await page.evaluate(
                    f"() => document.querySelector('{MAP_IFRAME}')?.__ms === 1"
                )
                if not kept:
                    results.error("map remounted", f"browser {index} at step {target}")
                if await shown_errors(page, results, f"browser {index} at {target}"):
                    break
                await asyncio.sleep(limits.pause(rng))
    finally:
        live = False
        await context.close()


@contextlib.asynccontextmanager
async def launched_chromium() -> AsyncIterator[Any]:
    """One headless Debian Chromium for all browser sessions (never a downloaded browser)."""
    from playwright.async_api import async_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError("chromium is not installed (apt-get install -y chromium)")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            await browser.close()


# -- the run --------------------------------------------------------------------------------


@dataclass
class Run:
    """One load test's figures, for the table."""

    results: Results
    memory: Memory
    window_s: float
    server_cpu_s: float
    client_cpu_s: float
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    log_errors: list[str]
    first_load_ms: float
    interrupted: bool = False


async def drive(base: str, server_pid: int, args: argparse.Namespace) -> Run:
    """Launch Chromium, then open every session at once, step until the deadline, close."""
    if args.browsers:
        async with launched_chromium() as browser:
            return await drive_sessions(base, server_pid, args, browser)
    return await drive_sessions(base, server_pid, args, None)


async def drive_sessions(base: str, server_pid: int, args: argparse.Namespace, browser: Any) -> Run:
    """Open every session at once, step until the deadline, then close them all."""
    results, memory, stop = Results(), Memory(), asyncio.Event()
    limits = Limits(args.step_timeout, args.stall_timeout, args.open_timeout, args.think)
    memory.fresh = rss_kb(process_tree(server_pid))
    # One page load first, outside the window: the first run imports and loads the story,
    # gazetteer and map template (seconds, once per process), which is start-up, not load.
    warm = ProtocolSession(base, 1, results)
    started = time.perf_counter()
    try:
        async with asyncio.timeout(args.open_timeout):
            await warm.open(args.open_timeout)
    except Exception as error:  # the sessions' own page loads will count theirs too
        results.error("page load failed", f"warm-up: {error!r}")
    finally:
        await warm.close()
    first_load_ms = (time.perf_counter() - started) * 1000
    memory.idle = memory.peak = rss_kb(process_tree(server_pid))
    server_cpu = CpuMeter(server_pid)
    client_cpu = CpuMeter(os.getpid(), exclude=server_pid)
    load_before = os.getloadavg()
    started = time.monotonic()
    deadline = started + args.duration
    sampler = asyncio.create_task(sample(server_pid, memory, [server_cpu, client_cpu], stop))
    interrupted = False
    try:
        outcomes = await asyncio.gather(
            *(protocol_session(base, i, results, deadline, limits) for i in range(args.sessions)),
            *(
                browser_session(browser, base, i, results, deadline, limits)
                for i in range(args.browsers)
            ),
            return_exceptions=True,  # one session's crash is an error, not the end of the run
        )
        for i, outcome in enumerate(outcomes):
            if isinstance(outcome, Exception):
                kind = "websocket / protocol error" if i < args.sessions else "browser error"
                results.error(kind, f"session ended: {outcome!r}")
    except asyncio.CancelledError:
        interrupted = True
    window = time.monotonic() - started
    server_cpu.read()
    client_cpu.read()
    await asyncio.sleep(1.0)  # let the server drop the closed sessions' connections
    stop.set()
    await sampler
    memory.end = rss_kb(process_tree(server_pid))
    memory.peak = max(memory.peak, memory.end)
    return Run(
        results=results,
        memory=memory,
        window_s=window,
        server_cpu_s=server_cpu.seconds(),
        client_cpu_s=client_cpu.seconds(),
        load_before=load_before,
        load_after=os.getloadavg(),
        log_errors=[],
        first_load_ms=first_load_ms,
        interrupted=interrupted,
    )


def server_log_errors(port: str) -> list[str]:
    """Tracebacks and ERROR lines the server logged (the harness keeps its output in a file)."""
    log = REPO_ROOT / ".mapstory" / f"streamlit-{port}.log"
    if not log.exists():
        return []
    lines = log.read_text(errors="replace").splitlines()
    return [
        line
        for line in lines
        if "Traceback (most recent call last)" in line or re.search(r"\b(ERROR|CRITICAL)\b", line)
    ]


def start_watchdog(limit_s: float) -> None:
    """Kill everything this script started and exit if the run overruns *limit_s* seconds.

    The last line of defence for "stops by itself": every wait already has a timeout, but a
    hung browser or server must not keep a CI job or a shared machine busy.
    """

    def expire() -> None:
        print(f"load test: hard deadline of {limit_s:.0f} s reached, killing", file=sys.stderr)
        me = os.getpid()
        for pid in reversed(process_tree(me)):
            if pid != me:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
        os._exit(3)

    timer = threading.Timer(limit_s, expire)
    timer.daemon = True
    timer.start()


def report(run: Run, args: argparse.Namespace) -> str:
    """The printed table."""
    results, memory = run.results, run.memory
    steps = {k: len(v) for k, v in results.step_ms.items()}
    total_steps = sum(steps.values())
    lines = [
        f"mapstory load test, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{os.cpu_count()} cores, load average {run.load_before[0]:.2f} before, "
        f"{run.load_after[0]:.2f} after",
        f"sessions: {args.sessions} websocket (Streamlit protocol) + {args.browsers} Chromium "
        f"page(s); duration {args.duration:.0f} s (window {run.window_s:.1f} s); pause after "
        f"each step {args.think:g} s (mean)",
        f"first page load after start (warm-up, not in the window): {run.first_load_ms:.0f} ms",
        f"steps completed: {total_steps} ({total_steps / run.window_s:.1f}/s); "
        f"websocket {steps['websocket']}, browser {steps['browser']}",
        "",
        f"{'latency (ms)':<28}{'n':>6}{'p50':>8}{'p90':>8}{'p99':>8}{'max':>8}",
    ]
    for label, values in (
        ("open page, websocket", results.open_ms["websocket"]),
        ("open page, browser", results.open_ms["browser"]),
        ("step, websocket", results.step_ms["websocket"]),
        ("  of which → map update", results.map_ms),
        ("step, browser", results.step_ms["browser"]),
    ):
        if values:
            figures = "".join(f"{percentile(values, q):>8.0f}" for q in (50, 90, 99, 100))
        else:
            figures = "".join(f"{'–':>8}" for _ in range(4))
        lines.append(f"{label:<28}{len(values):>6}{figures}")
    total_errors = sum(results.errors.values())
    lines += ["", f"errors: {total_errors}"]
    for kind in ERROR_KINDS:
        lines.append(f"  {kind:<40}{results.errors.get(kind, 0):>6}")
    lines += [
        "",
        f"server memory (RSS, MB): fresh {memory.fresh / 1024:.0f}, idle after one page "
        f"{memory.idle / 1024:.0f}, peak {memory.peak / 1024:.0f}, end {memory.end / 1024:.0f}",
        f"load generator memory (RSS, MB, incl. Chromium): peak {memory.client_peak / 1024:.0f}",
        f"CPU time during the run (s): server {run.server_cpu_s:.1f} "
        f"({run.server_cpu_s / run.window_s:.0%} of one core; "
        f"{run.server_cpu_s / max(1, total_steps) * 1000:.0f} ms per step), "
        f"load generator incl. Chromium {run.client_cpu_s:.1f}",
    ]
    if run.interrupted:
        lines.append("interrupted before the deadline")
    details = [
        f"  {kind}: {sample}" for kind in ERROR_KINDS for sample in results.samples.get(kind, [])
    ]
    if details:
        lines += ["", "first errors of each kind:", *details]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="websocket (protocol) sessions")
    parser.add_argument("--browsers", type=int, default=2, help="Chromium pages alongside")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of stepping")
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean pause after each step, s (readers)"
    )
    parser.add_argument("--step-timeout", type=float, default=10.0, help="a slower step fails")
    parser.add_argument(
        "--stall-timeout", type=float, default=60.0, help="give up on a step, open afresh"
    )
    parser.add_argument("--open-timeout", type=float, default=60.0, help="page load, seconds")
    parser.add_argument("--smoke", action="store_true", help="2 sessions + 1 page for 5 s (CI)")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sessions, args.browsers, args.duration = 2, 1, 5.0
    start_watchdog(args.duration + args.open_timeout + args.stall_timeout + HARD_MARGIN_S)
    # SIGTERM behaves as Ctrl-C: asyncio.run cancels the sessions (they close their pages and
    # websockets, the figures so far are printed) and running_app stops the server.
    signal.signal(signal.SIGTERM, lambda *_: os.kill(os.getpid(), signal.SIGINT))

    try:
        with tempfile.TemporaryDirectory(prefix="mapstory-load-") as tmp:
            env = {"MAPSTORY_STORE_PATH": str(Path(tmp) / "stories.sqlite3")}
            with running_app(env=env) as url:
                base = str(url)
                run = asyncio.run(drive(base, url.pid, args))  # type: ignore[attr-defined]
    except KeyboardInterrupt:  # a second Ctrl-C, or one before the sessions started
        print("load test: interrupted", file=sys.stderr)
        return 130
    run.log_errors = server_log_errors(base.rsplit(":", 1)[1])
    for line in run.log_errors:
        run.results.error("server log error", line)
    print(report(run, args))
    if run.interrupted:
        return 130
    return 1 if sum(run.results.errors.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
