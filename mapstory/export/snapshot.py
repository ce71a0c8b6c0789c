"""A PNG of a story's map at one step, for print, drawn by a headless Chromium.

The picture is taken from the story's self-contained HTML export (mapstory.export.html), so it
shows exactly what the app and the exported file show, offline, with no server to reach. The
browser runs in a child process (``python -m mapstory.export.snapshot``): a hung or crashed
browser is killed at the timeout and never takes the app's process with it, and Playwright's
own event loop stays out of Streamlit's script thread.

Needs the Playwright package and a Chromium on the server (Debian: ``apt-get install
chromium``); `snapshot_unavailable()` says which is missing.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mapstory.messages import text
from mapstory.model import Story

__all__ = ["SnapshotError", "map_snapshot", "snapshot_unavailable"]

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class SnapshotError(RuntimeError):
    """The snapshot could not be made; the message says why, in words for the reader."""


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def snapshot_unavailable() -> str | None:
    """None when this server can draw snapshots; otherwise what it needs, said plainly."""
    if importlib.util.find_spec("playwright") is None:
        return text("snapshot.no_playwright")
    if chromium_path() is None:
        return text("snapshot.no_chromium")
    return None


def map_snapshot(
    story: Story, step: int, *, width: int = 1600, height: int = 1000, timeout: float = 60.0
) -> bytes:
    """The map of `story` framed and highlighted as at `step`, `width`×`height` CSS pixels."""
    from mapstory.export.html import story_to_html

    missing = snapshot_unavailable()
    if missing:
        raise SnapshotError(missing)
    width = max(400, min(int(width), 4000))
    height = max(300, min(int(height), 4000))
    with tempfile.TemporaryDirectory(prefix="mapstory-snapshot-") as folder:
        page = Path(folder) / "story.html"
        out = Path(folder) / "map.png"
        page.write_text(story_to_html(story), encoding="utf-8")
        command = [sys.executable, "-m", "mapstory.export.snapshot"]
        command += [str(page), str(int(step)), str(out), str(width), str(height)]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired as error:
            raise SnapshotError(text("snapshot.timeout", seconds=f"{timeout:.0f}")) from error
        if done.returncode != 0 or not out.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise SnapshotError(text("snapshot.failed", detail=detail[0][:200]))
        data = out.read_bytes()
    if not data.startswith(PNG_SIGNATURE):
        raise SnapshotError(text("snapshot.not_png"))
    return data


# For print: no zoom buttons; the step's title and the legend drawn over the map's corners.
_PREPARE_JS = """
() => {
  const map = document.querySelector(".ms-map");
  const zoom = document.querySelector(".leaflet-control-zoom");
  if (zoom) { zoom.style.display = "none"; }
  const title = document.querySelector("#ms-panel section.ms-step h2");
  const date = document.querySelector("#ms-panel section.ms-step .ms-date");
  const caption = document.createElement("div");
  caption.style.cssText = "position:absolute;top:10px;left:10px;z-index:1000;max-width:60%;" +
    "background:rgba(255,255,255,.93);padding:6px 10px;border-radius:4px;" +
    "font:600 18px/1.3 sans-serif;color:#1a1a1a;box-shadow:0 1px 4px rgba(0,0,0,.3)";
  caption.textContent = (title ? title.textContent : "") +
    (date && date.textContent ? " \\u00b7 " + date.textContent : "");
  if (caption.textContent) { map.appendChild(caption); }
  const strip = document.querySelector(".ms-strip");
  if (strip) {
    const legend = strip.cloneNode(true);
    legend.style.cssText = "position:absolute;left:10px;bottom:52px;z-index:1000;" +
      "max-width:45%;background:rgba(255,255,255,.93);padding:6px 10px;border-radius:4px;" +
      "box-shadow:0 1px 4px rgba(0,0,0,.3);font-size:12px";
    map.appendChild(legend);
  }
}
"""


def _draw(page_path: str, step: int, out: str, width: int, height: int) -> None:
    """The child process: open the exported file, wait for the step, photograph the map."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise SystemExit("chromium is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        try:
            # The map takes about 70% of a wide page; size the page so the map gets the
            # requested size, then photograph the map element alone.
            context = browser.new_context(
                viewport={"width": round(width / 0.66), "height": height + 40},
                reduced_motion="reduce",
                device_scale_factor=1,
            )
            page = context.new_page()
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(("file:", "data:"))
                    else route.abort()
                ),
            )
            page.goto(Path(page_path).resolve().as_uri() + f"#step={step}")
            page.wait_for_function(
                "() => (window.__msMap?.__msBasemap?.getLayers().length || 0) > 0"
                f" && document.getElementById('ms-counter').textContent.startsWith('{step} /')",
                timeout=30_000,
            )
            page.evaluate(_PREPARE_JS)
            page.locator(".ms-map").evaluate(
                f"(el) => {{ el.style.width = '{width}px'; el.style.height = '{height}px'; }}"
            )
            # Frame the step again for the new size, as the exported file does (ms-steps-data).
            page.evaluate(
                """(number) => {
                  const map = window.__msMap;
                  map.invalidateSize({animate: false});
                  const data = JSON.parse(document.getElementById("ms-steps-data").textContent);
                  const step = data.steps[number - 1];
                  if (step && step.bounds) {
                    map.fitBounds(step.bounds, Object.assign({}, data.fit, {animate: false}));
                  }
                }""",
                step,
            )
            page.wait_for_timeout(300)  # the canvas and the SVG redraw after the resize
            page.locator(".ms-map").screenshot(path=out, animations="disabled")
        finally:
            browser.close()


if __name__ == "__main__":
    _page, _step, _out, _width, _height = sys.argv[1:6]
    _draw(_page, int(_step), _out, int(_width), int(_height))
