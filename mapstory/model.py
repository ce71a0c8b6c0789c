"""The Story model: the one data structure every part of mapstory speaks.

A story is an article plus what a map can show about it: places (with every mention as a
character span), actors, and typed events. Every event keeps the exact spans of the article it
comes from, so any mark on the map can always be traced back to the words that justify it —
that traceability is the product's promise, so the model enforces it on validation rather than
trusting the producer (curated file, geoparser or editor).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Certainty = Literal["stated", "inferred"]
Status = Literal["happened", "scheduled", "proposed"]
Precision = Literal["day", "week", "month", "quarter", "year"]
PlaceKind = Literal["city", "country", "region", "continent", "sea", "site", "bloc"]

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
Identifier = Annotated[str, Field(pattern=ID_PATTERN)]


class _Model(BaseModel):
    # Unknown keys are errors: a typo in a story file must not silently drop data.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Model):
    """A half-open character range of the article, with the text it covers.

    The text is stored redundantly on purpose: it makes story files readable and lets the story
    validator prove that the span still points at the words it claims to.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"text has {len(self.text)} characters but the span covers {self.end - self.start}"
            )
        return self


class DateValue(_Model):
    """A date as the article gives it: a range plus how precisely the article knows it.

    Month- and year-precision dates are kept as ranges so nothing downstream invents a day.
    `phrase` keeps the article's own words ("On Tuesday"), `relative` says the range was
    resolved against the article's date.
    """

    start: dt.date
    end: dt.date
    precision: Precision
    phrase: str | None = None
    relative: bool = False
    certainty: Certainty = "stated"
    label: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> DateValue:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Article(_Model):
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    date: dt.date
    source: str | None = None
    url: str | None = None

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        # The URL is shown as a link; anything but http(s) could be a javascript: payload.
        if value is not None and not re.match(r"^https?://", value, re.IGNORECASE):
            raise ValueError("must be an http(s) URL")
        return value


class Place(_Model):
    id: Identifier
    name: str = Field(min_length=1)
    kind: PlaceKind
    gazetteer_id: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    country_code: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    capital_of: str | None = Field(
        default=None, description="ISO alpha-2 code of the country this city is capital of."
    )
    certainty: Certainty = "stated"
    note: str | None = None
    mentions: list[Span] = Field(default_factory=list)

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


class Actor(_Model):
    id: Identifier
    name: str = Field(min_length=1)
    role: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class Member(_Model):
    place: Identifier
    certainty: Certainty = "stated"


class Figure(_Model):
    """One number the article reports, e.g. "$190bn in 2022" or "up 40%"."""

    measure: str
    value: float | None = None
    unit: str | None = None
    period: str
    basis: Literal["actual", "forecast", "projected", "target"] = "actual"
    change_pct: float | None = None
    approximate: bool = False
    span: Span | None = None


class _EventBase(_Model):
    id: Identifier
    title: str = Field(min_length=1)
    spans: list[Span] = Field(min_length=1)
    date: DateValue | None = None
    other_dates: list[DateValue] = Field(default_factory=list)
    certainty: Certainty = "stated"
    status: Status = "happened"
    inferred: list[str] = Field(
        default_factory=list,
        description="Names of fields filled from outside knowledge, not from the article.",
    )
    note: str | None = None

    def place_refs(self) -> list[str]:
        """Every place id this event points at, in drawing order."""
        return []


class Visit(_EventBase):
    kind: Literal["visit"] = "visit"
    actor: Identifier
    origin: Identifier | None = None
    destination: Identifier
    site: Identifier | None = Field(
        default=None, description="Where in the destination the visit took place, if known."
    )

    def place_refs(self) -> list[str]:
        return [p for p in (self.origin, self.destination, self.site) if p]


class Port(_EventBase):
    kind: Literal["port"] = "port"
    port: Identifier
    granted_to: Identifier | None = None

    def place_refs(self) -> list[str]:
        return [p for p in (self.port, self.granted_to) if p]


class Alliance(_EventBase):
    """A partnership between named members (a pact, a "no limits" friendship)."""

    kind: Literal["alliance"] = "alliance"
    name: str
    members: list[Member] = Field(min_length=1)

    def place_refs(self) -> list[str]:
        return [m.place for m in self.members]


class Bloc(_EventBase):
    """A grouping of countries acting as one side (the G7, "the US and its allies")."""

    kind: Literal["bloc"] = "bloc"
    name: str
    members: list[Member] = Field(min_length=1)

    def place_refs(self) -> list[str]:
        return [m.place for m in self.members]


class Institution(_EventBase):
    """An organisation's presence at a place: an office, a base, a mission."""

    kind: Literal["institution"] = "institution"
    name: str
    organisation: str
    place: Identifier
    site: Identifier | None = None

    def place_refs(self) -> list[str]:
        return [p for p in (self.place, self.site) if p]


class Trade(_EventBase):
    """A flow of goods or money. `origin`→`destination` when directed, else `between`."""

    kind: Literal["trade"] = "trade"
    goods: str | None = None
    origin: Identifier | None = None
    destination: Identifier | None = None
    between: list[Identifier] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)

    @model_validator(mode="after")
    def _endpoints(self) -> Trade:
        directed = self.origin is not None and self.destination is not None
        if not directed and len(self.between) != 2:
            raise ValueError("a trade flow needs origin and destination, or exactly two 'between'")
        return self

    @property
    def endpoints(self) -> tuple[str, str]:
        if self.origin and self.destination:
            return self.origin, self.destination
        return self.between[0], self.between[1]

    @property
    def directed(self) -> bool:
        return self.origin is not None and self.destination is not None

    def place_refs(self) -> list[str]:
        return list(self.endpoints)


class Conflict(_EventBase):
    kind: Literal["conflict"] = "conflict"
    name: str
    places: list[Identifier] = Field(min_length=1)
    parties: list[Identifier] = Field(default_factory=list)

    def place_refs(self) -> list[str]:
        return list(self.places)


class Disaster(_EventBase):
    """A natural hazard or an outbreak and the places it struck ("Earthquake near Herat",
    "Hurricane Milton"): news of disasters is news of places, and without this kind such an
    article would map only its names."""

    kind: Literal["disaster"] = "disaster"
    name: str
    places: list[Identifier] = Field(min_length=1)

    def place_refs(self) -> list[str]:
        return list(self.places)


class Statement(_EventBase):
    kind: Literal["statement"] = "statement"
    speaker: str
    place: Identifier | None = None
    about: list[Identifier] = Field(default_factory=list)

    def place_refs(self) -> list[str]:
        return ([self.place] if self.place else []) + list(self.about)


Event = Annotated[
    Visit | Port | Alliance | Bloc | Institution | Trade | Conflict | Disaster | Statement,
    Field(discriminator="kind"),
]
EVENT_KINDS: tuple[str, ...] = (
    "visit",
    "port",
    "alliance",
    "bloc",
    "institution",
    "trade",
    "conflict",
    "disaster",
    "statement",
)


class Step(_Model):
    """One stop of the guided story: which marks it shows and which words it quotes."""

    title: str = Field(min_length=1)
    events: list[Identifier] = Field(default_factory=list)
    places: list[Identifier] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)
    description: str | None = None


class Story(_Model):
    schema_version: Literal[1] = 1
    id: Identifier
    title: str = Field(min_length=1)
    article: Article
    places: list[Place] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Story:
        text = self.article.text
        for where, span in self.iter_spans():
            if span.end > len(text):
                raise ValueError(
                    f"{where}: span {span.start}:{span.end} runs past the end of the article "
                    f"({len(text)} characters)"
                )
            actual = text[span.start : span.end]
            if actual != span.text:
                raise ValueError(
                    f"{where}: span {span.start}:{span.end} says {span.text!r} "
                    f"but the article has {actual!r} there"
                )
        for label, items in (
            ("places", self.places),
            ("actors", self.actors),
            ("events", self.events),
        ):
            seen: set[str] = set()
            for i, item in enumerate(items):
                if item.id in seen:
                    raise ValueError(f"{label}[{i}].id: duplicate id {item.id!r}")
                seen.add(item.id)
        place_ids = {p.id for p in self.places}
        actor_ids = {a.id for a in self.actors}
        event_ids = {e.id for e in self.events}
        for i, event in enumerate(self.events):
            for ref in event.place_refs():
                if ref not in place_ids:
                    raise ValueError(f"events[{i}] ({event.id}): unknown place {ref!r}")
            if isinstance(event, Visit) and event.actor not in actor_ids:
                raise ValueError(f"events[{i}] ({event.id}).actor: unknown actor {event.actor!r}")
            for party in event.parties if isinstance(event, Conflict) else ():
                if party not in place_ids:
                    raise ValueError(f"events[{i}] ({event.id}).parties: unknown place {party!r}")
        for i, step in enumerate(self.steps):
            for ref in step.events:
                if ref not in event_ids:
                    raise ValueError(f"steps[{i}].events: unknown event {ref!r}")
            for ref in step.places:
                if ref not in place_ids:
                    raise ValueError(f"steps[{i}].places: unknown place {ref!r}")
        return self

    def iter_spans(self) -> Iterator[tuple[str, Span]]:
        """Every span in the story with a field path naming where it lives."""
        for i, place in enumerate(self.places):
            for j, span in enumerate(place.mentions):
                yield f"places[{i}].mentions[{j}]", span
        for i, actor in enumerate(self.actors):
            for j, span in enumerate(actor.mentions):
                yield f"actors[{i}].mentions[{j}]", span
        for i, event in enumerate(self.events):
            for j, span in enumerate(event.spans):
                yield f"events[{i}].spans[{j}]", span
            if isinstance(event, Trade):
                for j, figure in enumerate(event.figures):
                    if figure.span is not None:
                        yield f"events[{i}].figures[{j}].span", figure.span
        for i, step in enumerate(self.steps):
            for j, span in enumerate(step.spans):
                yield f"steps[{i}].spans[{j}]", span

    # Lookups. The model is frozen, so the indexes can be computed once per instance.
    @cached_property
    def _places_by_id(self) -> dict[str, Place]:
        return {p.id: p for p in self.places}

    @cached_property
    def _actors_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def _events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    def place(self, place_id: str) -> Place:
        return self._places_by_id[place_id]

    def actor(self, actor_id: str) -> Actor:
        return self._actors_by_id[actor_id]

    def event(self, event_id: str) -> Event:
        return self._events_by_id[event_id]

    @cached_property
    def _events_by_place(self) -> dict[str, list[Event]]:
        index: dict[str, list[Event]] = {}
        for event in self.events:
            for ref in dict.fromkeys(event.place_refs()):
                index.setdefault(ref, []).append(event)
        return index

    def events_at(self, place_id: str) -> list[Event]:
        """The events that involve the place, in story order."""
        return list(self._events_by_place.get(place_id, ()))

    @cached_property
    def mention_marks(self) -> list[tuple[int, int, str]]:
        """(start, end, place id) of every place mention, in article order: popups and
        excerpts ask for the ones inside a span many times over."""
        return sorted((m.start, m.end, p.id) for p in self.places for m in p.mentions)

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """Character offsets where each paragraph begins (paragraphs are separated by newlines)."""
        starts = [0]
        for match in re.finditer(r"\n+", self.article.text):
            if match.end() < len(self.article.text):
                starts.append(match.end())
        return starts

    def paragraph_of(self, offset: int) -> int:
        """1-based number of the paragraph containing `offset`."""
        return bisect.bisect_right(self.paragraph_starts, offset)

    def paragraph_bounds(self, number: int) -> tuple[int, int]:
        starts = self.paragraph_starts
        start = starts[number - 1]
        end = starts[number] if number < len(starts) else len(self.article.text)
        return start, len(self.article.text[start:end].rstrip()) + start
