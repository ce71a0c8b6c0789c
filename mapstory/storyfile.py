"""Read and write story files (YAML or JSON) and turn their mistakes into readable messages.

A curated story is written by a person, so the file format accepts a few conveniences that the
model itself does not: a span may be given as the quoted words (optionally which occurrence)
instead of character offsets, a date as the article's phrase plus its tense instead of a range,
and a place by its gazetteer id instead of coordinates. All of them are resolved here, against
the article text, the article date and the offline gazetteer, before strict validation — so the
Story that comes out always holds exact offsets, resolved dates and real coordinates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from mapstory import dates
from mapstory.gazetteer import geodata_dir
from mapstory.model import EVENT_KINDS, Story

GEODATA_DIR = Path(__file__).resolve().parent.parent / "geodata"
SEED_STORY = Path("stories") / "mishustin-beijing-2023.yaml"
#: The bundled seed story; the app opens :func:`default_story_path`.
DEFAULT_STORY_PATH = GEODATA_DIR / SEED_STORY


def default_story_path() -> Path:
    """The seed story in the geodata directory in use (it follows MAPSTORY_GEODATA_DIR)."""
    return geodata_dir() / SEED_STORY


class StoryFileError(ValueError):
    """A story file that cannot be loaded; `problems` lists each one with its field path."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}: {len(problems)} problem(s) in the story file:\n{listed}")


# A locate function turns a gazetteer id into (lat, lon, country_code, capital_of).
Locate = Callable[[str], tuple[float, float, str | None, str | None] | None]


def load_story(path: str | Path, *, locate: Locate | None = None) -> Story:
    path = Path(path)
    try:
        raw_text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StoryFileError(str(path), ["the file does not exist"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoryFileError(str(path), [f"the file cannot be read: {exc}"]) from None
    return parse_story(raw_text, source=str(path), locate=locate)


# libyaml's parser with PyYAML's safe constructor: the same data, ten times faster on a large
# story (a 1,000-place story file: 4.2 s → 0.4 s). PyYAML's wheels ship it; plain Python is
# the fallback where they do not.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_story(raw_text: str, *, source: str = "story", locate: Locate | None = None) -> Story:
    """Parse YAML or JSON text (JSON is YAML) into a validated Story."""
    try:
        data = yaml.load(raw_text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise StoryFileError(
            source, [f"{where}not valid YAML/JSON ({exc.__class__.__name__})"]
        ) from None
    except (ValueError, OverflowError, RecursionError) as exc:
        # PyYAML builds dates and numbers itself: "2023-13-40" is a ValueError, not a YAMLError.
        raise StoryFileError(source, [f"a value cannot be read: {exc}"]) from None
    if not isinstance(data, dict):
        raise StoryFileError(source, ["the top level must be a mapping with 'article', 'places'…"])
    problems: list[str] = []
    data = _expand(data, problems, locate or _default_locate)
    if problems:
        raise StoryFileError(source, problems)
    try:
        return Story.model_validate(data)
    except ValidationError as exc:
        raise StoryFileError(source, describe_validation_error(exc)) from None


def describe_validation_error(exc: ValidationError) -> list[str]:
    """One line per problem, naming the field the way an author wrote it (places[2].lat)."""
    return [_describe(err) for err in exc.errors()]


def dump_story(story: Story, fmt: str = "yaml") -> str:
    data = story.model_dump(mode="json", exclude_defaults=False)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _describe(err: Any) -> str:
    parts: list[str] = []
    for item in err["loc"]:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif item in EVENT_KINDS:
            continue  # pydantic's discriminated-union tag, not a field the author wrote
        else:
            parts.append(f".{item}" if parts else str(item))
    where = "".join(parts)
    message = err["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def _default_locate(gazetteer_id: str) -> tuple[float, float, str | None, str | None] | None:
    """Place a curated place through the offline geocoder, as any other place is placed."""
    from mapstory.gazetteer import GeodataError
    from mapstory.geocode import GeocoderUnavailable, OfflineGazetteer

    try:
        location = OfflineGazetteer().by_id(gazetteer_id)
    except GeocoderUnavailable as exc:
        # A broken gazetteer is a data fault, not a mistake in the story file: raise it as
        # such, so pages report the gazetteer's file rather than blaming the story.
        if isinstance(exc.__cause__, GeodataError):
            raise exc.__cause__ from None
        raise
    if location is None:
        return None
    raw = location.raw
    country_code = raw.get("country_code") or None
    capital_of = country_code if raw.get("feature_code") == "PPLC" else None
    return location.latitude, location.longitude, country_code, capital_of


# --- authoring conveniences -------------------------------------------------------------------


def _expand(data: dict[str, Any], problems: list[str], locate: Locate) -> dict[str, Any]:
    article = data.get("article")
    if not isinstance(article, dict) or not isinstance(article.get("text"), str):
        problems.append("article.text: required, the full text of the article")
        return data
    text = article["text"]
    anchor_raw = article.get("date")
    anchor = None
    try:
        anchor = dt.date.fromisoformat(str(anchor_raw))
    except ValueError:
        problems.append(f"article.date: {anchor_raw!r} is not a date (YYYY-MM-DD)")

    def spans(value: Any, where: str, allow_all: bool = False) -> Any:
        if not isinstance(value, list):
            return value
        out: list[Any] = []
        for i, item in enumerate(value):
            out.extend(_expand_span(item, text, f"{where}[{i}]", problems, allow_all))
        return out

    def date(value: Any, where: str) -> Any:
        if not isinstance(value, dict) or "phrase" not in value or "start" in value:
            return value
        if anchor is None:
            return value
        tense = value.get("tense", "past")
        if tense not in ("past", "future"):
            problems.append(f"{where}.tense: must be 'past' or 'future', not {tense!r}")
            return value
        resolved = dates.resolve(
            str(value["phrase"]), anchor, tense, value.get("certainty", "stated")
        )
        if resolved is None:
            problems.append(f"{where}.phrase: cannot read {value['phrase']!r} as a date")
            return value
        result = resolved.model_dump(mode="json")
        if "until" in value:
            until = dates.resolve(str(value["until"]), anchor, tense)
            if until is None:
                problems.append(f"{where}.until: cannot read {value['until']!r} as a date")
            else:
                result["end"] = until.model_dump(mode="json")["end"]
                result["phrase"] = f"{value['phrase']} … {value['until']}"
        if "label" in value:
            result["label"] = value["label"]
        return result

    for i, place in enumerate(_dicts(data.get("places"))):
        where = f"places[{i}]"
        place["mentions"] = spans(place.get("mentions", []), f"{where}.mentions", True)
        gid = place.get("gazetteer_id")
        if gid and (place.get("lat") is None or place.get("lon") is None):
            found = locate(str(gid))
            if found is None:
                problems.append(f"{where}.gazetteer_id: {gid!r} is not in the offline gazetteer")
            else:
                lat, lon, country_code, capital_of = found
                place["lat"], place["lon"] = lat, lon
                place.setdefault("country_code", country_code)
                if capital_of and place.get("kind") == "city":
                    place.setdefault("capital_of", capital_of)
    for i, actor in enumerate(_dicts(data.get("actors"))):
        actor["mentions"] = spans(actor.get("mentions", []), f"actors[{i}].mentions", True)
    for i, event in enumerate(_dicts(data.get("events"))):
        where = f"events[{i}]"
        event["spans"] = spans(event.get("spans", []), f"{where}.spans")
        if "date" in event:
            event["date"] = date(event["date"], f"{where}.date")
        if isinstance(event.get("other_dates"), list):
            event["other_dates"] = [
                date(d, f"{where}.other_dates[{j}]") for j, d in enumerate(event["other_dates"])
            ]
        for j, figure in enumerate(_dicts(event.get("figures"))):
            if "span" in figure and figure["span"] is not None:
                expanded = _expand_span(
                    figure["span"], text, f"{where}.figures[{j}].span", problems, False
                )
                figure["span"] = expanded[0] if expanded else None
    for i, step in enumerate(_dicts(data.get("steps"))):
        step["spans"] = spans(step.get("spans", []), f"steps[{i}].spans")
    return data


def _dicts(value: Any) -> Iterable[dict[str, Any]]:
    if isinstance(value, list):
        return [item for item in value if isinstance(item, dict)]
    return []


def _expand_span(
    item: Any, text: str, where: str, problems: list[str], allow_all: bool
) -> list[Any]:
    if isinstance(item, str):
        item = {"quote": item}
    if not isinstance(item, dict) or "quote" not in item:
        return [item]  # numeric span or garbage: strict validation reports it
    quote = str(item["quote"])
    occurrence = item.get("occurrence")
    found = _occurrences(text, quote)
    if not found:
        problems.append(f"{where}: the quote {quote!r} is not in the article")
        return []
    if occurrence == "all":
        if not allow_all:
            problems.append(f"{where}.occurrence: 'all' is only allowed for mentions")
            return []
        chosen = found
    elif occurrence is None:
        if len(found) > 1:
            problems.append(
                f"{where}: the quote {quote!r} occurs {len(found)} times; "
                "add 'occurrence: N' (1-based) or quote more words"
            )
            return []
        chosen = found
    else:
        if not isinstance(occurrence, int) or not 1 <= occurrence <= len(found):
            problems.append(f"{where}.occurrence: {occurrence!r} is not between 1 and {len(found)}")
            return []
        chosen = [found[occurrence - 1]]
    return [{"start": s, "end": s + len(quote), "text": quote} for s in chosen]


def _occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of `quote` as whole words (so 'Russia' does not match inside 'Russian')."""
    left = r"(?<!\w)" if quote[:1].isalnum() else ""
    right = r"(?!\w)" if quote[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(left + re.escape(quote) + right, text)]
