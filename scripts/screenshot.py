"""Refresh the README screenshots: run the app, open a page in headless Chromium, save a PNG.

Usage: python scripts/screenshot.py [--step N] [--out docs/story-page.png] [--width 1400]
       python scripts/screenshot.py --page explore [--query "blocs=g7,nato&place=japan"]
              [--out docs/explore-page.png] [--full-page]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tests.browser.harness import chromium, running_app  # noqa: E402

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=2)
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "story-page.png")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--click", help="CSS selector of a map mark to click (opens its popup)")
    parser.add_argument("--page", choices=["story", "explore"], default="story")
    parser.add_argument("--query", default="", help="more link parameters, e.g. embed=true")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the view")
    args = parser.parse_args()
    if args.page == "explore":
        if args.out == REPO_ROOT / "docs" / "story-page.png":
            args.out = REPO_ROOT / "docs" / "explore-page.png"
        explore(args)
        return

    with running_app() as url, chromium() as browser:
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        extra = f"&{args.query}" if args.query else ""
        page.goto(f"{url}/?step={args.step}{extra}")
        frame = page.wait_for_selector(MAP_IFRAME, timeout=60_000).content_frame()
        frame.wait_for_function(
            "() => (window.__msMap?.__msBasemap?.getLayers().length || 0) > 100"
            f" && document.documentElement.getAttribute('data-ms-step') === '{args.step}'",
            timeout=60_000,
        )
        if args.click:
            frame.locator(args.click).first.click()
            frame.locator(".leaflet-popup-content").wait_for(timeout=10_000)
        page.wait_for_timeout(600)  # let the step's fade and pulse finish before the picture
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out), full_page=False)
        print(f"wrote {args.out}")


def explore(args: argparse.Namespace) -> None:
    with running_app() as url, chromium() as browser:
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(f"{url}/explore?{args.query}")
        frame = page.wait_for_selector(MAP_IFRAME, timeout=60_000).content_frame()
        frame.wait_for_function(
            "() => (window.__msMap?.__msBasemap?.getLayers().length || 0) > 100"
            " && document.documentElement.hasAttribute('data-ms-step')",
            timeout=60_000,
        )
        page.wait_for_timeout(1200)  # the pulse on a selection, and the tables' first paint
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out), full_page=args.full_page)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
