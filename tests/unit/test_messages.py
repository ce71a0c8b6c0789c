"""The message catalogue: every word the interface says is in it, and translations fit it."""

from __future__ import annotations

import ast
import contextvars
import re
import typing
from pathlib import Path

import pytest

from mapstory import dates, messages, model
from mapstory.messages import (
    MessageError,
    catalogue,
    catalogue_problems,
    fields_of,
    label,
    language_for,
    languages,
    plural,
    text,
)

ROOT = Path(__file__).resolve().parents[2]
CODE = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
CODE += sorted(p for p in (ROOT / "mapstory").rglob("*.py"))
LOOKUPS = {"text", "plural", "say", "label"}


def _key_uses() -> tuple[set[str], set[str]]:
    """(exact keys, key prefixes) the code asks the catalogue for.

    A key built at run time (f"kind.{event.kind}") counts as its constant prefix; label()
    takes (group, value), so its group is a prefix.
    """
    exact: set[str] = set()
    prefixes: set[str] = set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in LOOKUPS:
                continue
            first = node.args[0]
            if name == "label" and isinstance(first, ast.Constant):
                prefixes.add(f"{first.value}.")
            elif isinstance(first, ast.Constant) and isinstance(first.value, str):
                (prefixes if name == "plural" else exact).add(
                    first.value + "." if name == "plural" else first.value
                )
            elif isinstance(first, ast.JoinedStr):
                head = first.values[0]
                if isinstance(head, ast.Constant):
                    prefixes.add(head.value)
            elif isinstance(first, ast.BinOp) and isinstance(first.left, ast.Constant):
                prefixes.add(first.left.value)  # "popup.other_date" + (…)
            elif isinstance(first, ast.IfExp):
                for branch in (first.body, first.orelse):
                    if isinstance(branch, ast.Constant):
                        exact.add(branch.value)
    return exact, prefixes


def test_every_key_the_code_asks_for_is_in_english():
    exact, prefixes = _key_uses()
    english = catalogue("en")
    assert len(exact) > 150  # the scan found the pages' and the library's lookups
    missing = sorted(k for k in exact if k not in english and k not in {"{key}"})
    assert missing == []
    empty = sorted(p for p in prefixes if not any(k.startswith(p) for k in english))
    assert empty == []


def _key_like_constants() -> set[str]:
    """Every string constant in the code: a key may be chosen first and looked up later
    (key = "mark.trade_directed" if … else "mark.trade_both"; text(key, …))."""
    return {
        node.value
        for path in CODE
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_every_english_message_is_used():
    exact, prefixes = _key_uses()
    used = exact | _key_like_constants()
    unused = sorted(
        k for k in catalogue("en") if k not in used and not any(k.startswith(p) for p in prefixes)
    )
    assert unused == []


@pytest.mark.parametrize(
    ("group", "values"),
    [
        ("kind", model.EVENT_KINDS),
        ("status", typing.get_args(model.Status)),
        ("certainty", typing.get_args(model.Certainty)),
        ("precision", typing.get_args(model.Precision)),
        ("place_kind", typing.get_args(model.PlaceKind)),
        ("basis", typing.get_args(model.Figure.model_fields["basis"].annotation)),
    ],
)
def test_every_value_the_model_allows_has_a_word(group, values):
    assert values
    assert [v for v in values if f"{group}.{v}" not in catalogue("en")] == []


def test_templates_are_valid_and_counted_messages_have_an_other_form():
    english = catalogue("en")
    for pattern in english.values():
        fields_of(pattern)  # raises on a broken template
    counted = {k.rpartition(".")[0] for k in english if k.endswith((".one", ".other"))}
    assert counted and all(f"{stem}.other" in english for stem in counted)


def test_shipped_translations_fit_english():
    for language in languages():
        assert catalogue_problems(language) == []


def _in_context(function, *args):
    return contextvars.copy_context().run(function, *args)


def test_fields_fill_and_a_missing_field_or_key_is_a_clear_error():
    assert text("step.aria", number=3, total=9) == "Step 3 of 9"
    with pytest.raises(MessageError, match=r"step\.aria"):
        text("step.aria", number=3)
    with pytest.raises(MessageError, match=r"no message 'no\.such'"):
        text("no.such")
    assert label("place_kind", "city") == "city"
    assert label("place_kind", "volcano") == "volcano"  # data newer than the catalogue


def test_plural_picks_the_form_and_writes_the_count_the_readers_way():
    assert plural("narrative.places", 1) == "1 place"
    assert plural("narrative.places", 1234) == "1,234 places"

    def in_india():
        dates.set_reader_locale("en-IN")
        return plural("narrative.places", 1234567)

    assert _in_context(in_india) == "12,34,567 places"


@pytest.fixture
def catalogues(tmp_path, monkeypatch):
    """A catalogue folder of its own, English included, for a test's translations."""
    english = (messages.CATALOGUE_DIR / "en.toml").read_text(encoding="utf-8")
    (tmp_path / "en.toml").write_text(english, encoding="utf-8")
    monkeypatch.setattr(messages, "CATALOGUE_DIR", tmp_path)
    messages.catalogue.cache_clear()
    yield tmp_path
    messages.catalogue.cache_clear()


@pytest.fixture
def french(catalogues):
    """A small translation: what a translator would add."""
    (catalogues / "fr.toml").write_text(
        '[story]\nnext = "Suivant →"\n[narrative]\nplaces.one = "{count} lieu"\n'
        'places.other = "{count} lieux"\n[step]\naria = "Étape {number} sur {total}"\n',
        encoding="utf-8",
    )


def test_a_translation_is_chosen_from_the_browser_language_and_falls_back_to_english(french):
    assert languages() == ("en", "fr")
    assert language_for("fr-CA") == "fr" and language_for("de-DE") == "en"
    assert language_for(None) == "en" and language_for("../../etc") == "en"

    def as_reader(tag):
        locale = dates.set_reader_locale(tag)
        return (
            locale,
            text("story.next"),
            text("story.previous"),
            plural("narrative.places", 2),
            dates.format_day(dates.dt.date(2023, 5, 24)),
        )

    locale, nxt, prev, places, day = _in_context(as_reader, "fr-FR")
    assert (locale, nxt, prev, places) == ("fr_FR", "Suivant →", "← Previous", "2 lieux")
    assert day == "mercredi 24 mai 2023"  # dates speak the interface's language
    assert _in_context(as_reader, "de-DE")[:2] == ("en_DE", "Next →")
    assert catalogue_problems("fr") == []


def test_a_translation_that_breaks_a_template_is_reported(catalogues):
    (catalogues / "xx.toml").write_text(
        '[step]\naria = "Step {n}"\ncounter = "{number} / {total"\n'
        '[narrative]\nplaces.few = "{count} places"\n[nope]\nkey = "x"\n',
        encoding="utf-8",
    )
    problems = catalogue_problems("xx")
    assert len(problems) == 3, problems
    assert any("step.aria uses ['n']" in p for p in problems)
    assert any("step.counter is not a valid template" in p for p in problems)
    assert any("nope.key is not an English key" in p for p in problems)  # "few" is fine


# Keyword arguments whose values are names for the machine, not words for a person.
TECHNICAL_ARGUMENTS = frozenset(
    {"shortcut", "key", "type", "mime", "file_name", "format", "language", "selection_mode"}
    | {"vertical_alignment", "gap", "width", "on_click", "anchor", "position", "url_path"}
)
# In an f-string a word next to a space is prose even alone (f"Showing {n} places").
WORD = re.compile(r"(?:^|\s)[A-Za-z]*[a-z]{2,}(?:\s|$)")
PROSE = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*[ ,;:!?]+[A-Za-z]*[a-z][A-Za-z]*|^[A-Z][a-z]{2,}$")


def _prose_literals(path: Path) -> list[str]:
    """String constants in a page that read like words for a person (not keys, formats,
    file names or log lines): those belong in the catalogue."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    fragments: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in TECHNICAL_ARGUMENTS:
            skip.add(id(node.value))
        if isinstance(node, ast.JoinedStr):
            fragments.update(id(v) for v in node.values)
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))  # docstrings
        owner = getattr(getattr(node, "func", None), "value", None)
        if isinstance(node, ast.Call) and getattr(owner, "id", None) == "logger":
            skip.update(id(n) for n in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            visible = re.sub(r"<[^>]*>", " ", node.value)
            if PROSE.search(visible.strip()) or (id(node) in fragments and WORD.search(visible)):
                found.append(node.value)
    return found


@pytest.mark.parametrize("path", [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))])
def test_pages_say_nothing_outside_the_catalogue(path):
    assert _prose_literals(path) == []


def test_the_prose_check_catches_a_literal_label(tmp_path):
    page = tmp_path / "page.py"
    page.write_text(
        '"""Doc string is fine."""\nimport streamlit as st\nst.button("Clear selection")\n'
        'st.subheader("Places")\nst.caption(f"Showing {n} places")\n'
        'st.slider("x", format="D MMM")\nlogger.info("drafting %s failed", n)\n',
        encoding="utf-8",
    )
    assert _prose_literals(page) == ["Clear selection", "Places", "Showing ", " places"]
