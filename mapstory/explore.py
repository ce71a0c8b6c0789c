"""The Explore view of a story: which marks a reader's filters keep, and the link that keeps them.

The Story page decides what to show; on the Explore page the reader does, through layers (kinds
of marks and actors), certainty, status, a time window and expanded blocs. All of it is plain
data here — no Streamlit — so the rules (what counts as inside a window, what "inferred"
means, what a hostile link may do) are unit-tested, and the page only renders the result.

Time is honest about precision: an event dated "in March" is the interval 1–31 March and is
inside a window if any part of that interval is; nothing is pinned to a made-up day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from mapstory.blocs import BlocDef, alias_pattern
from mapstory.dates import format_date, format_day
from mapstory.escaping import html_text
from mapstory.mapbuild import BlocLayer
from mapstory.messages import text
from mapstory.model import (
    Alliance,
    Bloc,
    Conflict,
    Disaster,
    Event,
    Institution,
    Port,
    Statement,
    Story,
    Trade,
    Visit,
)
from mapstory.narrative import Excerpt, excerpt, inferred_name, sentence_spans

# Layer key → the event kinds it shows ("places": the place dots and country labels). Each
# layer's label is the message "layer.<key>".
LAYERS: dict[str, tuple[str, ...]] = {
    "visits": ("visit",),
    "ports": ("port",),
    "blocs": ("alliance", "bloc"),
    "trade": ("trade",),
    "conflict": ("conflict",),
    "disasters": ("disaster",),
    "institutions": ("institution",),
    "statements": ("statement",),
    "places": (),
}
LAYER_OF_KIND = {kind: key for key, kinds in LAYERS.items() for kind in kinds}
CERTAINTIES = ("stated", "inferred")
STATUSES = ("happened", "scheduled", "proposed")
# The tables' columns, in the order the rows hold them; each header is "column.<key>".
PLACE_COLUMNS = ("place", "kind", "lat", "lon", "mentions", "first_mention", "events", "on_map")
EVENT_COLUMNS = (
    *("event", "kind", "actors", "from", "to", "date", "earliest", "latest", "precision"),
    *("timing", "status", "certainty", "on_map"),
)


def layer_label(key: str) -> str:
    return text(f"layer.{key}")


def timing_label(key: str) -> str:
    """'before the article', 'after the article' … for a timing() key."""
    return text(f"timing.{key}")


def column(key: str) -> str:
    """A table column's header (also its name in the data frame)."""
    return text(f"column.{key}")


MAX_PARAM_LENGTH = 200
# Streamlit's own parameters, which may sit in any app URL.
STREAMLIT_PARAMS = frozenset({"embed", "embed_options"})
# Read by the page itself (which story to open), not a filter.
PAGE_PARAMS = frozenset({"story"})
_PATH_LIKE = re.compile(r"[/\\%\x00-\x1f]|\.\.")
_TOKEN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
NONE_TOKEN = "none"


# --- what each event is, for filtering --------------------------------------------------------


def event_layer(event: Event) -> str:
    return LAYER_OF_KIND[event.kind]


def event_actors(story: Story, event: Event) -> tuple[str, ...]:
    """The story's actors an event belongs to: a visit's traveller, a statement's speaker."""
    if isinstance(event, Visit):
        return (event.actor,)
    if isinstance(event, Statement):
        return tuple(a.id for a in story.actors if a.name in event.speaker)
    return ()


def event_certainty(story: Story, event: Event) -> str:
    """ "inferred" when any part of the mark comes from outside the article: the event itself,
    a field filled in (a visit's origin), a member or place the article does not name."""
    if event.certainty == "inferred" or event.inferred:
        return "inferred"
    if isinstance(event, Alliance | Bloc) and any(m.certainty == "inferred" for m in event.members):
        return "inferred"
    if any(story.place(p).certainty == "inferred" for p in event.place_refs()):
        return "inferred"
    return "stated"


def event_interval(event: Event) -> tuple[dt.date, dt.date] | None:
    if event.date is None:
        return None
    return event.date.start, event.date.end


def overlaps(interval: tuple[dt.date, dt.date], window: tuple[dt.date, dt.date]) -> bool:
    """True if any day of `interval` lies in `window` (both inclusive)."""
    return interval[0] <= window[1] and interval[1] >= window[0]


def timing(event: Event, article_date: dt.date) -> str:
    """Past, future or around the article's date — from the whole date interval, so "this
    year" in a May article is neither past nor future."""
    interval = event_interval(event)
    if interval is None:
        return "undated"
    if interval[1] < article_date:
        return "past"
    if interval[0] > article_date:
        return "future"
    return "now"


def event_endpoints(story: Story, event: Event) -> tuple[list[str], list[str]]:
    """(from, to) place ids, as the events table shows them."""
    if isinstance(event, Visit):
        return ([event.origin] if event.origin else []), [event.site or event.destination]
    if isinstance(event, Trade):
        a, b = event.endpoints
        return [a], [b]
    if isinstance(event, Port):
        return [event.port], ([event.granted_to] if event.granted_to else [])
    if isinstance(event, Institution):
        return [], [event.site or event.place]
    if isinstance(event, Statement):
        return ([event.place] if event.place else []), list(event.about)
    if isinstance(event, Alliance | Bloc):
        return [], [m.place for m in event.members]
    if isinstance(event, Conflict | Disaster):
        return [], list(event.places)
    return [], list(event.place_refs())


# --- the context a story gives the filters ----------------------------------------------------


@dataclass(frozen=True)
class ExploreContext:
    """What the filters can take for one story: its layers, actors, dates and blocs."""

    article_date: dt.date
    layers: tuple[str, ...]
    actors: tuple[str, ...]
    first_day: dt.date
    last_day: dt.date
    blocs: tuple[str, ...]
    place_ids: frozenset[str]
    event_ids: frozenset[str]


def context_for(story: Story, blocs: list[BlocDef]) -> ExploreContext:
    kinds = {e.kind for e in story.events}
    layers = tuple(k for k, ks in LAYERS.items() if not ks or kinds & set(ks))
    actors = tuple(
        a.id for a in story.actors if any(a.id in event_actors(story, e) for e in story.events)
    )
    days = [story.article.date]
    for event in story.events:
        interval = event_interval(event)
        if interval is not None:
            days.extend(interval)
    first, last = min(days), max(days)
    # Whole months at both ends: a slider that starts on the 1st reads better and no
    # month-precision event is cut in half by the range.
    first = first.replace(day=1)
    last = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return ExploreContext(
        article_date=story.article.date,
        layers=layers,
        actors=actors,
        first_day=first,
        last_day=last,
        blocs=tuple(b.id for b in blocs),
        place_ids=frozenset(p.id for p in story.places),
        event_ids=frozenset(e.id for e in story.events),
    )


# --- the reader's state -----------------------------------------------------------------------


@dataclass(frozen=True)
class ExploreState:
    layers: frozenset[str]
    actors: frozenset[str]
    certainty: frozenset[str]
    status: frozenset[str]
    start: dt.date
    end: dt.date
    undated: bool = True
    blocs: tuple[str, ...] = ()
    place: str | None = None
    event: str | None = None

    @property
    def window(self) -> tuple[dt.date, dt.date]:
        return self.start, self.end

    def selecting(self, place: str | None = None, event: str | None = None) -> ExploreState:
        return replace(self, place=place, event=event)


def default_state(ctx: ExploreContext) -> ExploreState:
    """Everything shown: every layer and actor, all certainties and statuses, the whole time."""
    return ExploreState(
        layers=frozenset(ctx.layers),
        actors=frozenset(ctx.actors),
        certainty=frozenset(CERTAINTIES),
        status=frozenset(STATUSES),
        start=ctx.first_day,
        end=ctx.last_day,
    )


def _first(value: object) -> str:
    if isinstance(value, list | tuple):
        value = value[-1] if value else ""
    return str(value)


_SHOWABLE = re.compile(r"^[\w .:+-]{1,24}$")


def _shown(value: str) -> str:
    """A link's value as it may be echoed back: short and free of markup characters (notes
    are rendered as Markdown), else a neutral stand-in."""
    return text("link.quoted", value=value) if _SHOWABLE.match(value) else text("link.a_value")


def parse_query(
    params: Mapping[str, object], ctx: ExploreContext
) -> tuple[ExploreState, list[str]]:
    """Read a link's parameters into a state, and say in plain words what was ignored.

    A link is untrusted input: every value is checked against what this story has, values
    that are too long or look like paths are refused outright, and nothing raises.
    """
    state = default_state(ctx)
    notes: list[str] = []
    raw: dict[str, str] = {}
    for key, value in params.items():
        key_text = str(key)
        if key_text in STREAMLIT_PARAMS or key_text in PAGE_PARAMS:
            continue
        given = _first(value).strip()
        if len(key_text) > 40 or _PATH_LIKE.search(key_text):
            notes.append(text("link.bad_name"))
            continue
        if len(given) > MAX_PARAM_LENGTH:
            notes.append(text("link.too_long", name=_shown(key_text)))
            continue
        if _PATH_LIKE.search(given):
            notes.append(text("link.path_like", name=_shown(key_text)))
            continue
        raw[key_text] = given

    def tokens(name: str, allowed: tuple[str, ...]) -> frozenset[str] | None:
        if name not in raw:
            return None
        listed_value = raw[name]
        if listed_value == NONE_TOKEN:
            return frozenset()
        chosen: list[str] = []
        unknown: list[str] = []
        for token in (t.strip().lower() for t in listed_value.split(",")):
            if not token:
                continue
            (chosen if token in allowed else unknown).append(token)
        if unknown:
            listed = text("list.separator").join(_shown(u) for u in unknown[:5])
            notes.append(text("link.unknown_values", name=name, values=listed))
        if not chosen and unknown:
            return None  # nothing usable: keep the default rather than show an empty map
        return frozenset(chosen)

    for name, allowed, attr in (
        ("layers", ctx.layers, "layers"),
        ("actors", ctx.actors, "actors"),
        ("certainty", CERTAINTIES, "certainty"),
        ("status", STATUSES, "status"),
    ):
        value = tokens(name, allowed)
        if value is not None:
            state = replace(state, **{attr: value})
    blocs = tokens("blocs", ctx.blocs)
    if blocs is not None:
        state = replace(state, blocs=tuple(b for b in ctx.blocs if b in blocs))

    start, end = state.start, state.end
    for name in ("from", "to"):
        if name not in raw:
            continue
        try:
            day = dt.date.fromisoformat(raw[name])
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw[name]):
                raise ValueError
        except ValueError:
            notes.append(text("link.not_a_date", name=name, value=_shown(raw[name])))
            continue
        if not ctx.first_day <= day <= ctx.last_day:
            clamped = min(max(day, ctx.first_day), ctx.last_day)
            notes.append(
                text(
                    "link.outside_time",
                    name=name,
                    day=day.isoformat(),
                    first=ctx.first_day.isoformat(),
                    last=ctx.last_day.isoformat(),
                    used=clamped.isoformat(),
                )
            )
            day = clamped
        if name == "from":
            start = day
        else:
            end = day
    if start > end:
        notes.append(text("link.swapped"))
        start, end = end, start
    state = replace(state, start=start, end=end)

    if "undated" in raw:
        value = raw["undated"].lower()
        if value in ("show", "hide"):
            state = replace(state, undated=value == "show")
        else:
            notes.append(text("link.bad_undated", value=_shown(value)))

    for name in ("place", "event"):
        if name not in raw or not raw[name]:
            continue
        value = raw[name]
        known = ctx.place_ids if name == "place" else ctx.event_ids
        if _TOKEN.match(value) and value in known:
            state = replace(state, **{name: value})
        else:
            notes.append(text(f"link.no_{name}", value=_shown(value)))
    if state.place and state.event:
        notes.append(text("link.place_and_event"))
        state = replace(state, event=None)

    known_names = {
        "layers",
        "actors",
        "certainty",
        "status",
        "blocs",
        "from",
        "to",
        "undated",
        "place",
        "event",
    }
    for key in raw:
        if key not in known_names:
            notes.append(text("link.unknown_parameter", name=_shown(key)))
    return state, notes


def to_query(state: ExploreState, ctx: ExploreContext) -> dict[str, str]:
    """The link parameters for `state`: only what differs from the default, in a fixed order."""
    default = default_state(ctx)
    query: dict[str, str] = {}

    def listed(values: frozenset[str], order: tuple[str, ...]) -> str:
        items = [v for v in order if v in values]
        return ",".join(items) if items else NONE_TOKEN

    if state.layers != default.layers:
        query["layers"] = listed(state.layers, ctx.layers)
    if state.actors != default.actors:
        query["actors"] = listed(state.actors, ctx.actors)
    if state.certainty != default.certainty:
        query["certainty"] = listed(state.certainty, CERTAINTIES)
    if state.status != default.status:
        query["status"] = listed(state.status, STATUSES)
    if state.start != default.start:
        query["from"] = state.start.isoformat()
    if state.end != default.end:
        query["to"] = state.end.isoformat()
    if state.undated != default.undated:
        query["undated"] = "show" if state.undated else "hide"
    if state.blocs:
        query["blocs"] = ",".join(state.blocs)
    if state.place:
        query["place"] = state.place
    elif state.event:
        query["event"] = state.event
    return query


# --- what the filters keep --------------------------------------------------------------------


@dataclass(frozen=True)
class Visible:
    events: tuple[str, ...]
    places: tuple[str, ...]
    hidden_events: tuple[str, ...]
    hidden_places: tuple[str, ...]
    undated_shown: int = 0
    reasons: dict[str, str] = field(default_factory=dict)


def event_reason(story: Story, event: Event, state: ExploreState) -> str | None:
    """Why the filters hide `event`, or None when they keep it."""
    if event_layer(event) not in state.layers:
        return "layer off"
    actors = event_actors(story, event)
    if actors and not set(actors) & state.actors:
        return "actor off"
    if event_certainty(story, event) not in state.certainty:
        return "certainty filtered"
    if event.status not in state.status:
        return "status filtered"
    interval = event_interval(event)
    if interval is None:
        return None if state.undated else "undated hidden"
    return None if overlaps(interval, state.window) else "outside the time window"


def visible_marks(story: Story, state: ExploreState) -> Visible:
    """The events and places the state keeps. A place stays when a kept event points at it or
    no event does; a selected place or event is always kept, so a link never selects
    something invisible."""
    reasons: dict[str, str] = {}
    kept: list[str] = []
    for event in story.events:
        reason = event_reason(story, event, state)
        if reason is None or event.id == state.event:
            kept.append(event.id)
        else:
            reasons[event.id] = reason
    kept_refs = {ref for e in kept for ref in story.event(e).place_refs()}
    any_refs = {ref for e in story.events for ref in e.place_refs()}
    places: list[str] = []
    for place in story.places:
        if not place.located:
            continue
        keep = (
            "places" in state.layers
            and place.certainty in state.certainty
            and (place.id in kept_refs or place.id not in any_refs)
        )
        if keep or place.id == state.place:
            places.append(place.id)
    located = [p.id for p in story.places if p.located]
    undated = sum(1 for e in kept if story.event(e).date is None)
    return Visible(
        events=tuple(kept),
        places=tuple(places),
        hidden_events=tuple(e.id for e in story.events if e.id not in kept),
        hidden_places=tuple(p for p in located if p not in places),
        undated_shown=undated,
        reasons=reasons,
    )


def focus_of(story: Story, state: ExploreState) -> tuple[list[str], list[str]]:
    """(events, places) the selection highlights: a place with the events at it, or an event
    with its places."""
    if state.place:
        return [e.id for e in story.events_at(state.place)], [state.place]
    if state.event:
        return [state.event], list(story.event(state.event).place_refs())
    return [], []


# --- tables and the selection panel -----------------------------------------------------------


def place_rows(story: Story, visible: Visible) -> list[dict[str, object]]:
    """One row per place, in story order (row numbers are how the table reports a selection)."""
    rows = []
    shown = set(visible.places)
    for place in story.places:
        first = min((m.start for m in place.mentions), default=None)
        values = (
            inferred_name(place.name, place.certainty == "inferred"),
            text(f"place_kind.{place.kind}"),
            round(place.lat, 3) if place.lat is not None else None,
            round(place.lon, 3) if place.lon is not None else None,
            len(place.mentions),
            story.paragraph_of(first) if first is not None else None,
            len(story.events_at(place.id)),
            place.id in shown,
        )
        rows.append(dict(zip(map(column, PLACE_COLUMNS), values, strict=True)))
    return rows


def _names(story: Story, ids: list[str]) -> str:
    return text("list.separator").join(story.place(i).name for i in ids)


def event_rows(story: Story, visible: Visible) -> list[dict[str, object]]:
    rows = []
    shown = set(visible.events)
    for event in story.events:
        origin, target = event_endpoints(story, event)
        actors = event_actors(story, event)
        date = event.date
        values = (
            event.title,
            text(f"kind.{event.kind}"),
            text("list.separator").join(story.actor(a).name for a in actors),
            _names(story, origin),
            _names(story, target),
            format_date(date) if date else timing_label("undated"),
            # The interval's ends, not a day: "March 2023" runs 1–31 March. Sortable.
            date.start if date else None,
            date.end if date else None,
            text(f"precision.{date.precision}") if date else None,
            timing_label(timing(event, story.article.date)),
            text(f"status.{event.status}"),
            text(f"certainty.{event_certainty(story, event)}"),
            event.id in shown,
        )
        rows.append(dict(zip(map(column, EVENT_COLUMNS), values, strict=True)))
    return rows


def place_excerpts(story: Story, place_id: str) -> list[Excerpt]:
    """Every sentence that names the place — 'everything the article says about Japan'."""
    place = story.place(place_id)
    return [excerpt(story, span) for span in sentence_spans(story, list(place.mentions))]


def event_excerpts(story: Story, event_id: str) -> list[Excerpt]:
    event = story.event(event_id)
    return [excerpt(story, span) for span in sentence_spans(story, list(event.spans))]


_CLICK_TAG = re.compile(r"\[\[(ev|pl):([a-z0-9][a-z0-9_-]{0,63})\]\]\s*$")


def parse_click(tooltip: object, ctx: ExploreContext) -> tuple[str, str] | None:
    """The ("place" | "event", id) a map click names, read from the tag the map adds to every
    mark's tooltip; None for anything else (a bloc member outside the story, garbage)."""
    if not isinstance(tooltip, str) or len(tooltip) > 2000:
        return None
    match = _CLICK_TAG.search(tooltip)
    if match is None:
        return None
    kind, ident = match.groups()
    if kind == "pl" and ident in ctx.place_ids:
        return "place", ident
    if kind == "ev" and ident in ctx.event_ids:
        return "event", ident
    return None


# --- expanded blocs ---------------------------------------------------------------------------


def bloc_layers(
    story: Story, blocs: list[BlocDef], chosen: tuple[str, ...], day: dt.date
) -> list[BlocLayer]:
    """The expanded blocs as the map draws them: members on `day`, each with an escaped
    tooltip; a member that is also a place of the story carries the place's click tag, so
    clicking Japan's shading selects Japan."""
    place_by_code = {
        p.country_code: p.id for p in story.places if p.kind == "country" and p.country_code
    }
    layers = []
    for bloc in blocs:
        if bloc.id not in chosen:
            continue
        members: dict[str, str] = {}
        for member in bloc.members_on(day):
            tip = text(
                "bloc.member_since", member=member.name, bloc=bloc.name, year=member.joined.year
            )
            place = place_by_code.get(member.iso2)
            tag = f"<span hidden>[[pl:{place}]]</span>" if place else ""
            members[member.iso2] = html_text(tip) + tag
        label = text("bloc.members_on", bloc=bloc.name, date=format_day(day, weekday=False))
        layers.append(BlocLayer(bloc.id, label, members))
    return layers


def institution_notes(story: Story, blocs: list[BlocDef], day: dt.date) -> list[str]:
    """Plain sentences placing a bloc's institution against the bloc's members — e.g. that
    Nato's proposed office would sit in Japan, which is not a member."""
    notes = []
    for event in story.events:
        if not isinstance(event, Institution):
            continue
        where = story.place(event.place)
        for bloc in blocs:
            if not alias_pattern(bloc.aliases, bloc.proper_names).search(event.organisation):
                continue
            if not where.country_code:
                continue
            place = where.name
            if event.site:
                place = text("narrative.site_in", site=story.place(event.site).name, place=place)
            member = bloc.membership_of(where.country_code, day)
            status = "" if event.status == "happened" else text(f"narrative.status.{event.status}")
            verdict = (
                text("bloc.is_member", bloc=bloc.name, year=member.joined.year)
                if member
                else text("bloc.not_member", bloc=bloc.name, date=format_day(day, weekday=False))
            )
            notes.append(
                text(
                    "bloc.institution_note",
                    name=event.name,
                    status=status,
                    place=place,
                    verdict=verdict,
                )
            )
    return notes
