"""A pseudo-translation for finding words the interface says outside the message catalogue.

Every message of the English catalogue is rewritten in full-width letters ("Ｎｅｘｔ →"),
fields kept. With it switched on, whatever the app still shows in plain ASCII letters either
comes from the story (the article, names, titles, bloc data, dates in the house style) or is
a word that bypassed the catalogue and could never be translated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser

import pytest

from mapstory import messages
from mapstory.blocs import load_blocs
from mapstory.model import Story

PSEUDO = "qps"  # a private-use language tag
_FIELD = re.compile(r"(\{[^{}]*\})")


def _widen(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() else c for c in text)


def pseudo_catalogue() -> dict[str, str]:
    return {
        key: "".join(p if _FIELD.fullmatch(p) else _widen(p) for p in _FIELD.split(value))
        for key, value in messages.catalogue("en").items()
    }


@pytest.fixture
def pseudo_language(monkeypatch):
    """Speak the pseudo-translation to every reader (AppTest runs pages in this process)."""
    real = messages.catalogue
    pseudo = pseudo_catalogue()
    monkeypatch.setattr(
        messages, "catalogue", lambda language: pseudo if language == PSEUDO else real(language)
    )
    monkeypatch.setattr(messages, "language_for", lambda tag: PSEUDO)
    token = messages._LANGUAGE.set(PSEUDO)  # for library calls made by the test itself
    yield pseudo
    messages._LANGUAGE.reset(token)


class _Visible(HTMLParser):
    """The text a person sees or hears: character data outside style/script, and the
    attributes a screen reader or a tooltip speaks."""

    SPOKEN = ("aria-label", "title", "alt", "placeholder")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._hidden += 1
        self.parts.extend(v for k, v in attrs if k in self.SPOKEN and v)

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


_WORD = re.compile(r"[A-Za-z]{3,}")
_CALENDAR = (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def content_words(stories: Iterable[Story], extra: Iterable[str] = ()) -> set[str]:
    """Words that may show untranslated: they are the story's, not the interface's."""
    texts = [_CALENDAR, *extra]
    for story in stories:
        texts.extend(_strings(story.model_dump(mode="json")))
    for bloc in load_blocs().values():
        texts.extend(_strings(bloc.model_dump(mode="json")))
    return {w.lower() for t in texts for w in _WORD.findall(t)}


def leaks(texts: Iterable[str], allowed: set[str]) -> list[str]:
    """ASCII words that neither came through the pseudo-translation nor from the story."""
    found = {w for t in texts for w in _WORD.findall(t) if w.lower() not in allowed}
    return sorted(found)
