"""The guided story: steps, their excerpts, and the plain-text lines that describe each map view.

Every view of the story (the Story page, the exported file, screen-reader text) walks the same
list of steps, so it is computed once here, from the model, with no UI code. Step 1 is always an
overview of everything; the rest come from the story's curated steps or, for a story nobody
curated, one step per event in the order the article tells them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mapstory.dates import format_date, format_day
from mapstory.model import (
    Alliance,
    Bloc,
    Conflict,
    DateValue,
    Event,
    Institution,
    Port,
    Span,
    Statement,
    Story,
    Trade,
    Visit,
)


@dataclass(frozen=True)
class Segment:
    """A run of excerpt text; `place` is set when the run is a mention of that place."""

    text: str
    place: str | None = None


@dataclass(frozen=True)
class Excerpt:
    paragraph: int
    start: int
    end: int
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@dataclass(frozen=True)
class StepView:
    number: int  # 1-based, as shown in the counter and in ?step=
    title: str
    events: tuple[str, ...]
    places: tuple[str, ...]
    excerpts: tuple[Excerpt, ...]
    date_label: str | None
    description: str
    overview: bool = False
    lines: tuple[str, ...] = field(default=())


def build_steps(story: Story) -> list[StepView]:
    steps = [_overview(story)]
    if story.steps:
        for step in story.steps:
            events = [story.event(e) for e in step.events]
            spans = list(step.spans) or [s for e in events for s in e.spans]
            steps.append(
                _step(
                    story, len(steps) + 1, step.title, events, step.places, spans, step.description
                )
            )
    else:
        ordered = sorted(story.events, key=lambda e: min(s.start for s in e.spans))
        for event in ordered:
            steps.append(
                _step(story, len(steps) + 1, event.title, [event], [], list(event.spans), None)
            )
    return steps


def clamp_step(raw: object, count: int) -> tuple[int, str | None]:
    """Turn whatever came from the URL into a valid step number, and say why if it changed."""
    text = str(raw).strip() if raw is not None else ""
    if not text:
        return 1, None
    try:
        number = int(text)
    except ValueError:
        return 1, f"“{_short(text)}” is not a step number; showing the overview."
    if number < 1:
        return 1, f"There is no step {number}; showing the overview."
    if number > count:
        return count, f"There is no step {number}; this story has {count}. Showing the last."
    return number, None


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _overview(story: Story) -> StepView:
    kinds = sorted({e.kind for e in story.events})
    located = [p for p in story.places if p.located]
    description = (
        f"Overview: {len(located)} places and {len(story.events)} events"
        + (f" ({', '.join(kinds)})" if kinds else "")
        + " from the article."
    )
    first_paragraph = _paragraph_span(story, 1)
    return StepView(
        number=1,
        title=story.title,
        events=tuple(e.id for e in story.events),
        places=tuple(p.id for p in located),
        excerpts=(excerpt(story, first_paragraph),) if first_paragraph else (),
        date_label=format_date_day(story),
        description=description,
        overview=True,
    )


def format_date_day(story: Story) -> str:
    return f"Article of {format_day(story.article.date)}"


def _paragraph_span(story: Story, number: int) -> Span | None:
    if not story.paragraph_starts:
        return None
    start, end = story.paragraph_bounds(number)
    if end <= start:
        return None
    return Span(start=start, end=end, text=story.article.text[start:end])


def _step(
    story: Story,
    number: int,
    title: str,
    events: list[Event],
    extra_places: list[str],
    spans: list[Span],
    description: str | None,
) -> StepView:
    places: list[str] = []
    for event in events:
        for ref in event.place_refs():
            if ref not in places:
                places.append(ref)
    for ref in extra_places:
        if ref not in places:
            places.append(ref)
    lines = tuple(describe_event(story, e) for e in events)
    date_label = _dates_label([e.date for e in events if e.date is not None])
    return StepView(
        number=number,
        title=title,
        events=tuple(e.id for e in events),
        places=tuple(places),
        excerpts=tuple(excerpt(story, s) for s in sentence_spans(story, spans)),
        date_label=date_label,
        description=description or " ".join(lines),
        lines=lines,
    )


def _dates_label(dates: list[DateValue]) -> str | None:
    """The step's dates in order, leaving out any that lies inside another one it shows."""
    shown = [
        d
        for d in dates
        if not any(
            o is not d
            and o.start <= d.start
            and d.end <= o.end
            and (o.start, o.end) != (d.start, d.end)
            for o in dates
        )
    ]
    labels = dict.fromkeys(format_date(d) for d in sorted(shown, key=lambda d: d.start))
    return "; ".join(labels) or None


def sentence_spans(story: Story, spans: list[Span]) -> list[Span]:
    """Widen each span to whole sentences and merge overlaps, keeping article order."""
    text = story.article.text
    widened: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: s.start):
        start, end = sentence_bounds(text, span.start, span.end)
        if widened and start <= widened[-1][1]:
            widened[-1] = (widened[-1][0], max(widened[-1][1], end))
        else:
            widened.append((start, end))
    return [Span(start=s, end=e, text=text[s:e]) for s, e in widened]


_SENTENCE_END = re.compile(r"[.!?][”\"’)]*(?=\s|$)")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The smallest run of whole sentences (within one paragraph) around text[start:end]."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    s, e = para_start, para_end
    for match in _SENTENCE_END.finditer(text, para_start, para_end):
        if _abbreviation(text, match.start()):
            continue
        boundary = match.end()
        if boundary <= start:
            s = boundary
        elif boundary >= end:
            e = boundary
            break
    while s < start and text[s].isspace():
        s += 1
    return s, e


def _abbreviation(text: str, dot: int) -> bool:
    """'U.S.' or 'St.': a dot after a lone capital letter does not end a sentence."""
    return (
        text[dot] == "."
        and dot >= 1
        and text[dot - 1].isupper()
        and (dot < 2 or not text[dot - 2].isalpha())
    )


def excerpt(story: Story, span: Span) -> Excerpt:
    """Cut the article at `span` and mark every place mention inside it, by offset."""
    marks = sorted(
        (m.start, m.end, p.id)
        for p in story.places
        for m in p.mentions
        if m.start >= span.start and m.end <= span.end
    )
    segments: list[Segment] = []
    cursor = span.start
    text = story.article.text
    for start, end, place_id in marks:
        if start < cursor:
            continue  # overlapping mentions: keep the first
        if start > cursor:
            segments.append(Segment(text[cursor:start]))
        segments.append(Segment(text[start:end], place_id))
        cursor = end
    if cursor < span.end:
        segments.append(Segment(text[cursor : span.end]))
    return Excerpt(story.paragraph_of(span.start), span.start, span.end, tuple(segments))


# --- one-line descriptions --------------------------------------------------------------------


def _name(story: Story, place_id: str | None) -> str:
    if place_id is None:
        return "?"
    place = story.place(place_id)
    return place.name + (" (inferred)" if place.certainty == "inferred" else "")


def _when(event: Event) -> str:
    return f", {format_date(event.date)}" if event.date else ""


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def describe_event(story: Story, event: Event) -> str:
    """What the map shows for `event`, as one plain sentence (also the screen-reader text)."""
    if isinstance(event, Visit):
        actor = story.actor(event.actor).name
        target = _name(story, event.destination)
        if event.site:
            target += f" ({_name(story, event.site)})"
        status = {"scheduled": " (scheduled)", "proposed": " (proposed)"}.get(event.status, "")
        origin = f"from {_name(story, event.origin)} " if event.origin else ""
        return f"Arrow {origin}to {target}: {actor}’s visit{_when(event)}{status}."
    if isinstance(event, Port):
        who = f" to {_name(story, event.granted_to)}" if event.granted_to else ""
        return f"Anchor at {_name(story, event.port)}: port opened{who}{_when(event)}."
    if isinstance(event, Alliance | Bloc):
        names = [
            story.place(m.place).name + (" (inferred)" if m.certainty == "inferred" else "")
            for m in event.members
        ]
        return f"{_join(names)} shaded: {event.name}."
    if isinstance(event, Institution):
        where = _name(story, event.place)
        if event.site:
            where = f"{_name(story, event.site)}, {where}"
        status = f", {event.status}" if event.status != "happened" else ""
        return f"Office marker in {where}: {event.name}{status}."
    if isinstance(event, Trade):
        a, b = (story.place(p).name for p in event.endpoints)
        headline = headline_figure(event)
        figure = f": {event.goods or 'trade'}"
        if headline is not None:
            figure += f" {format_figure(headline)}"
        if event.directed:
            return f"Arrow from {a} to {b}, width by value{figure}."
        return f"Band between {a} and {b}, width by value{figure}."
    if isinstance(event, Conflict):
        return f"{_join([story.place(p).name for p in event.places])} hatched red: {event.name}."
    if isinstance(event, Statement):
        where = f" at {_name(story, event.place)}" if event.place else ""
        return f"Speech bubble{where}: {event.speaker}{_when(event)}."
    return event.title


def headline_figure(event: Trade):
    """The figure whose value sets the flow's width: the latest actual value, else any value."""
    valued = [f for f in event.figures if f.value is not None]
    actual = [f for f in valued if f.basis == "actual" and len(f.period) == 4]
    pool = actual or valued
    if pool:
        return max(pool, key=lambda f: (f.period, f.value))
    return event.figures[0] if event.figures else None


def format_figure(figure) -> str:
    parts: list[str] = []
    if figure.value is not None:
        parts.append(format_value(figure.value, figure.unit))
    if figure.change_pct is not None:
        approx = "almost " if figure.approximate else ""
        parts.append(f"{approx}{figure.change_pct:+g}%")
    basis = "" if figure.basis == "actual" else f", {figure.basis}"
    return f"{' '.join(parts)} ({figure.period}{basis})"


def format_value(value: float, unit: str | None) -> str:
    number = f"{value:,.1f}".rstrip("0").rstrip(".")
    if unit and unit.upper().startswith("USD "):
        scale = unit[4:]
        return f"${number}{scale}"
    return f"{number} {unit}" if unit else number
