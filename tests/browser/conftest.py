"""Fixtures for real-browser tests: one app server and one Chromium per session, a fresh
browser context (a "fresh browser") per test, and a record of every failed request and console
error so each test can assert the page was clean."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from tests.browser.harness import running_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The app's story store for this test session, never the repository's data/."""
    return str(tmp_path_factory.mktemp("store") / "stories.sqlite3")


@pytest.fixture(scope="session")
def app_url(store_path: str) -> Iterator[str]:
    with running_app(env={"MAPSTORY_STORE_PATH": store_path}) as url:
        yield url


@dataclass
class Traffic:
    failed: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def page(browser, traffic: Traffic):
    # A British reader: dates come out as the house style writes them ("24 May 2023");
    # tests of other regions make their own context.
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-GB")
    page = context.new_page()

    def on_request(request) -> None:
        url = request.url
        if not url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            traffic.external.append(url)

    def on_failed(request) -> None:
        traffic.failed.append(f"{request.url} ({request.failure})")

    def on_response(response) -> None:
        if response.status >= 400:
            traffic.failed.append(f"{response.url} (HTTP {response.status})")

    def on_console(message) -> None:
        if message.type == "error":
            traffic.console_errors.append(message.text)

    def on_dialog(dialog) -> None:
        traffic.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("request", on_request)
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: traffic.page_errors.append(str(error)))
    page.on("dialog", on_dialog)
    yield page
    context.close()
