"""Who belonged to a bloc on a given day, from the hand-curated `geodata/blocs.yaml`.

Articles name blocs ("the G7", "Nato") rather than their members, and membership changes
(Finland joined Nato on 4 April 2023, Sweden only on 7 March 2024), so expanding a bloc into
countries has to ask "members on the article's date", never "members today". The data is a
small cited file rather than code, so a bloc is added or corrected without touching logic, and
any story that names a bloc in the file can expand it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from mapstory.gazetteer import GEODATA_DIR, geodata_dir
from mapstory.model import ID_PATTERN, Alliance, Bloc, Institution, Story

BLOCS_FILE = "blocs.yaml"
#: The bundled blocs file; the app reads :func:`blocs_path` (which follows MAPSTORY_GEODATA_DIR).
BLOCS_PATH = GEODATA_DIR / BLOCS_FILE


def blocs_path() -> Path:
    """The blocs file in the geodata directory in use."""
    return geodata_dir() / BLOCS_FILE


class BlocDataError(ValueError):
    """The blocs file is missing or malformed; the message names the field."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://")


class Membership(_Model):
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    name: str = Field(min_length=1)
    joined: dt.date
    left: dt.date | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Membership:
        if self.left is not None and self.left <= self.joined:
            raise ValueError(f"{self.iso2}: left ({self.left}) is not after joined ({self.joined})")
        return self

    def member_on(self, day: dt.date) -> bool:
        return self.joined <= day and (self.left is None or day < self.left)


class BlocDef(_Model):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    full_name: str | None = None
    aliases: list[str] = Field(min_length=1)
    # Names that are the bloc only with their capitals as written: "the Quad", where "a quad
    # bike" is not it (aliases match whatever the case, as "NATO" and "Nato" are both it).
    proper_names: list[str] = Field(default_factory=list)
    source: Source
    note: str | None = None
    # A bloc whose trade news reports as one's, a customs union, single market or free-trade
    # area ("exports to the EU"): a story may draw a trade flow to or from it.
    trades_as_one: bool = False
    members: list[Membership] = Field(min_length=1)

    @model_validator(mode="after")
    def _no_overlapping_terms(self) -> BlocDef:
        # A country may leave and rejoin, but its terms must not overlap, or "member on D"
        # would count it twice.
        terms: dict[str, list[Membership]] = {}
        for member in self.members:
            terms.setdefault(member.iso2, []).append(member)
        for iso2, items in terms.items():
            items = sorted(items, key=lambda m: m.joined)
            for before, after in itertools.pairwise(items):
                if before.left is None or before.left > after.joined:
                    raise ValueError(f"{iso2}: overlapping membership terms in {self.id}")
        return self

    def members_on(self, day: dt.date) -> list[Membership]:
        """Members on `day`, in the file's order (founders first)."""
        return [m for m in self.members if m.member_on(day)]

    def member_codes_on(self, day: dt.date) -> frozenset[str]:
        return frozenset(m.iso2 for m in self.members_on(day))

    def membership_of(self, iso2: str, day: dt.date) -> Membership | None:
        return next((m for m in self.members if m.iso2 == iso2 and m.member_on(day)), None)

    @property
    def place_name(self) -> str:
        """The bloc as a place on the map: "European Union" for the letters "EU";
        "Mercosur" and "Asean" as news writes them."""
        return self.full_name if self.full_name and self.name.isupper() else self.name

    @property
    def label(self) -> str:
        """ "G7 (Group of Seven)"; a full name with brackets of its own follows a colon:
        "Brics: BRICS (Brazil, Russia, …)", not brackets in brackets."""
        if not self.full_name:
            return self.name
        if "(" in self.full_name:
            return f"{self.name}: {self.full_name}"
        return f"{self.name} ({self.full_name})"


class BlocFile(_Model):
    schema_version: int = 1
    blocs: list[BlocDef]

    @model_validator(mode="after")
    def _unique(self) -> BlocFile:
        ids = [b.id for b in self.blocs]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate bloc ids: {', '.join(duplicates)}")
        return self


def parse_blocs(text: str, source: str = "blocs") -> dict[str, BlocDef]:
    try:
        data = yaml.safe_load(text)
        if data is None:
            raise BlocDataError(f"{source}: the file is empty")
        parsed = BlocFile.model_validate(data)
    except yaml.YAMLError as exc:
        raise BlocDataError(f"{source}: not valid YAML ({exc.__class__.__name__})") from None
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise BlocDataError(f"{source}: {problems}") from None
    return {bloc.id: bloc for bloc in parsed.blocs}


def load_blocs(path: Path | None = None) -> dict[str, BlocDef]:
    """The blocs in *path* (default :func:`blocs_path`), read once per path."""
    return _load_blocs(Path(path) if path is not None else blocs_path())


@lru_cache(maxsize=4)
def _load_blocs(path: Path) -> dict[str, BlocDef]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BlocDataError(f"{path}: file is missing") from None
    except OSError as exc:
        raise BlocDataError(f"{path}: cannot be read ({exc})") from None
    except UnicodeDecodeError as exc:
        raise BlocDataError(f"{path}: corrupt, not UTF-8 text ({exc.reason})") from None
    return parse_blocs(text, str(path))


def alias_pattern(aliases: list[str], proper_names: list[str] | None = None) -> re.Pattern[str]:
    """Any of a bloc's names, the longest first; *proper_names* only as capitalised. A name
    with a "+" after it is another grouping ("OPEC+" takes in Russia and Mexico)."""
    words = [re.escape(w) for w in sorted(aliases, key=len, reverse=True)]
    words += [f"(?-i:{re.escape(w)})" for w in sorted(proper_names or (), key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?![\w+])", re.IGNORECASE)


def blocs_in_story(story: Story, blocs: dict[str, BlocDef]) -> list[BlocDef]:
    """The blocs a story names — in its article, its bloc/alliance names or organisations —
    in the order the article first names them."""
    texts = [story.article.text]
    for event in story.events:
        if isinstance(event, Alliance | Bloc):
            texts.append(event.name)
        elif isinstance(event, Institution):
            texts.append(event.organisation)
    found: list[tuple[int, str, BlocDef]] = []
    for bloc in blocs.values():
        pattern = alias_pattern(bloc.aliases, bloc.proper_names)
        positions = [
            (i, m.start()) for i, text in enumerate(texts) for m in [pattern.search(text)] if m
        ]
        if positions:
            first = min(positions)
            found.append((first[0] * 10**9 + first[1], bloc.id, bloc))
    return [bloc for _, _, bloc in sorted(found)]


def membership_rows(
    story: Story, blocs: list[BlocDef], day: dt.date
) -> list[tuple[str, list[Membership | None]]]:
    """For each country place of the story: its membership (or None) of each bloc on `day`."""
    rows = []
    for place in story.places:
        if place.kind != "country" or not place.country_code:
            continue
        rows.append((place.name, [b.membership_of(place.country_code, day) for b in blocs]))
    return rows
