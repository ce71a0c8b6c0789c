"""Every word the interface says, looked up by key in one catalogue per language.

The English catalogue, ``en.toml`` beside this file, is the one place the app's words live:
pages, narrative lines, legends, popups, link notes and the exported page all ask for them
here, so translating mapstory is writing one more ``<language>.toml`` with the same keys (a
key it leaves out falls back to English). The reader's language comes from the browser, like
the date style (see mapstory.dates); what the article says, and the story made from it, stay
in the article's own words.

Templates use ``str.format`` fields (``"Step {number} of {total}"``); text that varies with a
count has one key per CLDR plural category (``one``, ``other``, …) under a common prefix, and
is asked for with `plural`.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

CATALOGUE_DIR = Path(__file__).parent
SOURCE_LANGUAGE = "en"
# CLDR's plural categories: a language may need forms English does not ("few", "many").
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})

_LANGUAGE: ContextVar[str] = ContextVar("mapstory_language", default=SOURCE_LANGUAGE)


class MessageError(LookupError):
    """A key the English catalogue lacks, or a template the fields given do not fill."""


def _flatten(table: Mapping[str, object], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, str):
            flat[name] = value
        else:
            raise MessageError(f"{name}: a message must be text, not {type(value).__name__}")
    return flat


@lru_cache(maxsize=16)
def catalogue(language: str) -> Mapping[str, str]:
    """The messages of one language, keys flattened ("story.previous"); empty if none."""
    path = CATALOGUE_DIR / f"{language}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return _flatten(tomllib.load(handle))


def languages() -> tuple[str, ...]:
    """The languages with a catalogue, English first."""
    others = sorted(p.stem for p in CATALOGUE_DIR.glob("*.toml") if p.stem != SOURCE_LANGUAGE)
    return (SOURCE_LANGUAGE, *others)


def language_for(tag: str | None) -> str:
    """The catalogue for a browser's language tag ("fr-CA" → "fr" if there is one, else "en")."""
    if not tag:
        return SOURCE_LANGUAGE
    primary = tag.replace("_", "-").split("-")[0].strip().lower()
    return primary if primary.isalpha() and primary in languages() else SOURCE_LANGUAGE


def set_language(language: str) -> None:
    """Speak `language` in the current context (a Streamlit page run has its own)."""
    _LANGUAGE.set(language if catalogue(language) else SOURCE_LANGUAGE)


def language() -> str:
    return _LANGUAGE.get()


def template(key: str) -> str:
    """The current language's text for `key`, else English's; a key English lacks is a bug."""
    found = catalogue(_LANGUAGE.get()).get(key)
    if found is None:
        found = catalogue(SOURCE_LANGUAGE).get(key)
    if found is None:
        raise MessageError(f"no message {key!r} in the English catalogue")
    return found


def text(key: str, /, **fields: object) -> str:
    """The message `key` with its fields filled in (plain text: escape it where HTML needs)."""
    pattern = template(key)
    if not fields:
        return pattern
    try:
        return pattern.format(**fields)
    except (KeyError, IndexError, ValueError) as error:
        raise MessageError(f"message {key!r} does not fit its fields: {error}") from error


def plural(key: str, count: int, /, **fields: object) -> str:
    """The form of `key` for `count` ("key.one", "key.other" … by the language's CLDR rule)."""
    from babel import Locale, UnknownLocaleError

    try:
        form = Locale.parse(_LANGUAGE.get()).plural_form(abs(count))
    except (ValueError, LookupError, UnknownLocaleError):  # a language Babel does not know
        form = "one" if count == 1 else "other"
    chosen = f"{key}.{form}"
    try:
        template(chosen)
    except MessageError:
        chosen = f"{key}.other"
    return text(chosen, count=number(count), **fields)


def fields_of(pattern: str) -> set[str]:
    """The field names a template uses (for checking translations against English)."""
    return {name for _, name, _, _ in string.Formatter().parse(pattern) if name}


def number(value: float, digits: int = 0) -> str:
    """A count or amount written the reader's way ("1,234" / "1 234"), from their date locale."""
    from babel.numbers import format_decimal

    from mapstory.dates import reader_locale

    return format_decimal(round(value, digits), locale=reader_locale() or "en")


def label(group: str, value: str) -> str:
    """The word for a data value ("place_kind", "city" → "city"), or the value itself if the
    catalogue has no word for it (data can hold values newer than the catalogue)."""
    try:
        return template(f"{group}.{value}")
    except MessageError:
        return value


def catalogue_problems(language: str) -> list[str]:
    """What is wrong with a translation: keys English lacks, and templates whose {fields}
    differ from English's (a missing key is not a problem: it is said in English)."""
    english = catalogue(SOURCE_LANGUAGE)
    problems = []
    for key, pattern in sorted(catalogue(language).items()):
        stem, _, form = key.rpartition(".")
        counted = form in PLURAL_FORMS and f"{stem}.other" in english
        reference = english.get(key) or (english[f"{stem}.other"] if counted else None)
        if reference is None:
            problems.append(f"{language}: {key} is not an English key")
            continue
        try:
            theirs, ours = fields_of(pattern), fields_of(reference)
        except ValueError as error:
            problems.append(f"{language}: {key} is not a valid template ({error})")
            continue
        if theirs != ours:
            problems.append(f"{language}: {key} uses {sorted(theirs)}, English {sorted(ours)}")
    return problems
