"""Every page, run with a pseudo-translation: each label, help text, caption, note and panel
comes out translated; only the story's own words stay as they are."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from mapstory.storyfile import default_story_path, load_story
from tests.translation_check import content_words, leaks, pseudo_language, visible_text

__all__ = ["pseudo_language"]  # the fixture, used by name

APP = "../../app.py"
# The proto fields that hold words for a person (labels, help, options, bodies of text).
SPOKEN = {"label", "help", "placeholder", "body", "options", "content", "caption", "text"}
# Elements whose strings are code: the map component and the j/k key binding.
SKIPPED = {"component_instance", "iframe"}


def _spoken(message: Message) -> Iterator[str]:
    for field, value in message.ListFields():
        items = value if field.is_repeated else [value]
        for item in items:
            if isinstance(item, Message):
                yield from _spoken(item)
            elif isinstance(item, str) and field.name in SPOKEN:
                yield item


def page_words(at: AppTest) -> list[str]:
    texts = []

    def walk(node) -> None:
        if getattr(node, "type", None) in SKIPPED:
            return
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            texts.extend(visible_text(s) for s in _spoken(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return texts


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(f"pages/{page}.py")
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def allowed() -> set[str]:
    # What the tests type in or put in the link, which the pages echo back.
    return content_words([load_story(default_story_path())], ["Moscow Kiew abc bogus layers"])


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("story", {}),
        ("story", {"step": "9"}),
        ("story", {"step": "abc"}),
        ("explore", {}),
        ("explore", {"place": "japan", "blocs": "g7,nato", "layers": "visits,bogus"}),
        ("explore", {"event": "visit-lihui-russia"}),
        ("article", {}),
        ("about", {}),
    ],
)
def test_page_speaks_only_through_the_catalogue(pseudo_language, allowed, page, params):
    at = run(page, **params)
    words = page_words(at)
    assert any("\uff21" <= c <= "\uff5a" for w in words for c in w)  # pseudo text arrived
    assert leaks(words, allowed) == []


def test_story_page_with_sharing_open(pseudo_language, allowed):
    at = run("story", step="2")
    at.toggle(key="share_open").set_value(True).run()
    assert not at.exception
    words = page_words(at)
    assert leaks([w for w in words if "http" not in w], allowed) == []


def test_about_lookup_and_article_draft_are_translated(pseudo_language, allowed):
    at = run("about")
    at.text_input[0].input("Kiew").run()
    assert leaks(page_words(at), allowed) == []

    at = run("article")
    at.text_area(key="paste_text").input(
        "Moscow\n\nThe Russian prime minister flew to Beijing on Tuesday for talks."
    ).run()
    at.button[0].click().run()
    assert not at.exception
    words = page_words(at)
    assert leaks(words, allowed | content_words([], ["Russian prime minister flew talks"])) == []
