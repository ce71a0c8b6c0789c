"""A story whose every text field is hostile, opened in Chromium: nothing runs, nothing breaks,
the text shows literally — in the narrative panel, popups, tooltips, labels and the legend."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from mapstory.model import (
    Actor,
    Article,
    DateValue,
    Place,
    Port,
    Span,
    Story,
    Trade,
    Visit,
)
from mapstory.storyfile import dump_story
from tests.browser.harness import running_app

pytestmark = pytest.mark.browser

PAYLOADS = [
    '<script>alert("script")</script>',
    "<img src=x onerror=alert('img')>",
    "javascript:alert('link')",
    "${alert('template')}",
    "`backtick` and back\\slash",
    "</script><script>alert('close')</script>",
    "\u202eevil right-to-left override\u202c",
    "W" * 400,
    "{{ 7*7 }} {% if true %}evaluated{% endif %} {# unclosed",
]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 60_000


def hostile_story() -> Story:
    """Two cities and a country named with payloads, an actor, a visit, a port and a trade."""
    names = {
        "alpha": f"Moscow {PAYLOADS[1]}",
        "beta": f"Beijing {PAYLOADS[0]}",
        "gamma": f"Russia {PAYLOADS[3]}",
    }
    sentences = [
        f"{names['alpha']} and {names['beta']} agreed {PAYLOADS[2]} {PAYLOADS[4]}.",
        f"The envoy {PAYLOADS[5]} flew to {names['beta']} {PAYLOADS[6]}.",
        f"{names['gamma']} opened the port of {names['alpha']} {PAYLOADS[7]}.",
        f"Officials said {PAYLOADS[8]} in {names['beta']}.",
    ]
    text = "\n".join(sentences)

    def span(fragment: str, after: int = 0) -> Span:
        start = text.index(fragment, after)
        return Span(start=start, end=start + len(fragment), text=fragment)

    places = [
        Place(
            id="alpha",
            name=names["alpha"],
            kind="city",
            lat=55.75,
            lon=37.62,
            country_code="RU",
            mentions=[span(names["alpha"])],
            note=f"note {PAYLOADS[0]}",
        ),
        Place(
            id="beta",
            name=names["beta"],
            kind="city",
            lat=39.9,
            lon=116.4,
            country_code="CN",
            mentions=[span(names["beta"]), span(names["beta"], text.index("Officials"))],
        ),
        Place(
            id="gamma",
            name=names["gamma"],
            kind="country",
            lat=61.7,
            lon=99.1,
            country_code="RU",
            mentions=[span(names["gamma"])],
        ),
    ]
    day = dt.date(2023, 5, 24)
    events = [
        Visit(
            id="visit",
            title=f"Visit {PAYLOADS[1]}",
            actor="envoy",
            origin="alpha",
            destination="beta",
            spans=[span(sentences[1])],
            date=DateValue(start=day, end=day, precision="day", label=PAYLOADS[3]),
        ),
        Port(
            id="port",
            title=f"Port {PAYLOADS[5]}",
            port="alpha",
            granted_to="gamma",
            spans=[span(sentences[2])],
            note=PAYLOADS[0],
        ),
        Trade(
            id="trade",
            title=f"Trade {PAYLOADS[4]}",
            between=["gamma", "beta"],
            goods=PAYLOADS[1],
            spans=[span(sentences[0])],
        ),
    ]
    return Story(
        id="hostile",
        title=f"Title {PAYLOADS[0]}",
        article=Article(
            title=f"Headline {PAYLOADS[1]}", text=text, date=day, source=f"Source {PAYLOADS[5]}"
        ),
        places=places,
        actors=[Actor(id="envoy", name=f"Envoy {PAYLOADS[1]}", mentions=[span("envoy")])],
        events=events,
    )


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory: pytest.TempPathFactory, browser):
    path: Path = tmp_path_factory.mktemp("hostile") / "story.yaml"
    path.write_text(dump_story(hostile_story()), encoding="utf-8")
    with running_app(env={"MAPSTORY_STORY_FILE": str(path)}) as url:
        yield url, browser


def watched_page(browser, height: int):
    """A fresh page recording every dialog (dismissed), page error and console error."""
    context = browser.new_context(viewport={"width": 1400, "height": height})
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    console: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    return context, page, dialogs, errors, console


def test_hostile_story_never_executes_and_shows_text_literally(hostile_app) -> None:
    url, browser = hostile_app
    context, page, dialogs, errors, console = watched_page(browser, 900)
    try:
        page.goto(url, wait_until="domcontentloaded")
        page.get_by_text(re.compile(r"^1 / \d+$")).wait_for(timeout=TIMEOUT)
        frame = page.wait_for_selector(MAP_IFRAME, timeout=TIMEOUT).content_frame()
        frame.wait_for_function(
            "() => document.querySelectorAll('.ms-mark').length >= 3", timeout=TIMEOUT
        )
        # The header shows the hostile headline as text.
        assert page.get_by_text("Headline <img src=x onerror=alert('img')>").count() >= 1
        total = int(page.get_by_text(re.compile(r"^1 / \d+$")).inner_text().split("/")[1])
        for number in range(2, total + 1):
            page.get_by_role("button", name=re.compile("Next")).click()
            page.get_by_text(f"{number} / {total}", exact=True).wait_for(timeout=TIMEOUT)
        panel = page.locator("section.ms-step").inner_text()
        assert "<" in panel or "W" * 50 in panel  # hostile text visible as text
        # Every mark's popup opens and shows its text literally.
        marks = frame.locator(".ms-mark")
        seen = ""
        for index in range(min(marks.count(), 12)):
            marks.nth(index).dispatch_event("click")
            popup = frame.locator(".leaflet-popup-content")
            if popup.count():
                seen += popup.first.inner_text()
        assert '<script>alert("script")</script>' in seen or "onerror" in seen
        # Everything said about Beijing: template tags in the article stay text.
        frame.locator(".ms-pl-beta").first.dispatch_event("click")
        said = frame.locator(".leaflet-popup-content", has_text="Officials said")
        said.wait_for(timeout=TIMEOUT)
        assert PAYLOADS[8] in said.inner_text() and "49" not in said.inner_text()
        assert frame.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
        assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
        page.wait_for_timeout(500)
        assert dialogs == [] and errors == []
        assert [c for c in console if "alert" in c or "SyntaxError" in c] == []
    finally:
        context.close()


def test_hostile_story_on_explore_shows_text_literally_in_tables(hostile_app) -> None:
    url, browser = hostile_app
    context, page, dialogs, errors, console = watched_page(browser, 1000)
    try:
        # A selected place: its panel quotes every excerpt naming it.
        page.goto(f"{url}/explore?place=beta", wait_until="domcontentloaded")
        frame = page.wait_for_selector(MAP_IFRAME, timeout=TIMEOUT).content_frame()
        frame.wait_for_function(
            "() => document.querySelectorAll('.ms-mark').length >= 3", timeout=TIMEOUT
        )
        tables = page.locator('[data-testid="stDataFrame"]')
        tables.first.wait_for(timeout=TIMEOUT)
        page.wait_for_timeout(1500)
        # The tables draw on a canvas; their accessible grid holds the cell text.
        cells = " ".join(
            page.locator('[data-testid="stDataFrame"] [role="gridcell"]').all_inner_texts()
        )
        assert 'Beijing <script>alert("script")</script>' in cells
        assert "Moscow <img src=x onerror=alert('img')>" in cells
        details = page.locator("section").filter(has_text="Beijing <script>").first
        assert details.count() == 1
        assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
        assert frame.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
        page.wait_for_timeout(500)
        assert dialogs == [] and errors == []
        assert [c for c in console if "alert" in c or "SyntaxError" in c] == []
    finally:
        context.close()
