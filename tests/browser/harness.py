"""Start `streamlit run app.py` on a free port and a headless Debian Chromium, for tests,
benchmarks and the README screenshot script alike."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

# The app's own launch flags and Chromium lookup (it draws PNG snapshots the same way).
from mapstory.export.snapshot import CHROMIUM_FLAGS, chromium_path  # noqa: E402


class AppURL(str):
    """A running app's base URL, plus the process id of its server."""

    pid: int

    def __new__(cls, url: str, pid: int) -> AppURL:
        value = super().__new__(cls, url)
        value.pid = pid
        return value


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_app(
    env: dict[str, str] | None = None, timeout: float = 90.0, script: str = "app.py"
) -> Iterator[str]:
    """Run the app in its own process group; yield its base URL once /_stcore/health is up.

    *script* (relative to the repository) lets benchmarks run a comparison app the same way.
    The URL is an :class:`AppURL`: a plain string that also knows the server's process id,
    for memory readings.
    """
    port = free_port()
    log = (REPO_ROOT / ".mapstory").resolve()
    log.mkdir(exist_ok=True)
    log_file = open(log / f"streamlit-{port}.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=REPO_ROOT,
        env={**os.environ, **(env or {})},
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited early; see {log_file.name}")
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"streamlit did not become healthy in {timeout:.0f} s")
            time.sleep(0.2)
        yield AppURL(base, process.pid)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log_file.close()


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A Playwright Browser on Debian's chromium (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError("chromium is not installed (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()
