"""The guided story: steps, their excerpts, and the plain-text lines that describe each map view.

Every view of the story (the Story page, the exported file, screen-reader text) walks the same
list of steps, so it is computed once here, from the model, with no UI code. Step 1 is always an
overview of everything; the rest come from the story's curated steps or, for a story nobody
curated, one step per event in the order the article tells them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from mapstory.dates import format_date, format_day
from mapstory.messages import number, plural, text
from mapstory.model import (
    Alliance,
    Bloc,
    Conflict,
    DateValue,
    Disaster,
    Event,
    Figure,
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
    raw_text = str(raw).strip() if raw is not None else ""
    if not raw_text:
        return 1, None
    try:
        step = int(raw_text)
    except ValueError:
        return 1, text("step.not_a_number", value=_short(raw_text))
    if step < 1:
        return 1, text("step.too_low", step=step)
    if step > count:
        return count, text("step.too_high", step=step, count=count)
    return step, None


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _overview(story: Story) -> StepView:
    kinds = sorted({e.kind for e in story.events})
    located = [p for p in story.places if p.located]
    kinds_shown = ", ".join(text(f"kind.{k}") for k in kinds)
    description = text(
        "narrative.overview_kinds" if kinds else "narrative.overview",
        places=plural("narrative.places", len(located)),
        events=plural("narrative.events", len(story.events)),
        kinds=kinds_shown,
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
    return text("narrative.article_of", date=format_day(story.article.date))


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
    return text("list.dates_separator").join(labels) or None


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
    ends = _sentence_ends(text)
    before = bisect.bisect_right(ends, start)
    s = ends[before - 1] if before and ends[before - 1] > para_start else para_start
    after = bisect.bisect_left(ends, max(end, start + 1))
    e = ends[after] if after < len(ends) and ends[after] <= para_end else para_end
    while s < start and text[s].isspace():
        s += 1
    return s, e


@lru_cache(maxsize=8)
def _sentence_ends(text: str) -> tuple[int, ...]:
    """Where each sentence of the article ends, found once per text: a long story asks for
    the sentences round every one of its marks."""
    return tuple(
        match.end()
        for match in _SENTENCE_END.finditer(text)
        if not _abbreviation(text, match.start())
    )


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
    every = story.mention_marks
    first = bisect.bisect_left(every, (span.start,))
    marks = []
    for mark in itertools.islice(every, first, None):
        if mark[0] >= span.end:
            break
        if mark[1] <= span.end:
            marks.append(mark)
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
        return text("narrative.unknown_place")
    place = story.place(place_id)
    return inferred_name(place.name, place.certainty == "inferred")


def inferred_name(name: str, inferred: bool) -> str:
    """A place's name, saying so when the article does not name it (the story inferred it)."""
    return text("place.inferred_name", name=name) if inferred else name


def _when(event: Event) -> str:
    return text("narrative.when", date=format_date(event.date)) if event.date else ""


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' — in the interface's language."""
    if len(names) <= 1:
        return "".join(names)
    return text("list.and", head=text("list.separator").join(names[:-1]), last=names[-1])


def describe_event(story: Story, event: Event) -> str:
    """What the map shows for `event`, as one plain sentence (also the screen-reader text)."""
    if isinstance(event, Visit):
        actor = story.actor(event.actor).name
        target = _name(story, event.destination)
        if event.site:
            target = text("narrative.site", place=target, site=_name(story, event.site))
        status = text(f"narrative.status.{event.status}") if event.status != "happened" else ""
        key = "narrative.visit_from" if event.origin else "narrative.visit"
        origin = _name(story, event.origin) if event.origin else ""
        return text(
            key, origin=origin, target=target, actor=actor, when=_when(event), status=status
        )
    if isinstance(event, Port):
        port = _name(story, event.port)
        if event.granted_to:
            granted = _name(story, event.granted_to)
            return text("narrative.port_to", port=port, to=granted, when=_when(event))
        return text("narrative.port", port=port, when=_when(event))
    if isinstance(event, Alliance | Bloc):
        names = [
            inferred_name(story.place(m.place).name, m.certainty == "inferred")
            for m in event.members
        ]
        if isinstance(event, Bloc) and event.status != "happened":
            return text("narrative.bloc_invited", members=join_names(names), name=event.name)
        # ("will sign a defence pact on Monday": drawn dashed, and said to be ahead.)
        status = "" if event.status == "happened" else text(f"narrative.office.{event.status}")
        return text("narrative.alliance", members=join_names(names), name=event.name, status=status)
    if isinstance(event, Institution):
        where = _name(story, event.place)
        if event.site:
            where = text("narrative.site_in", site=_name(story, event.site), place=where)
        status = "" if event.status == "happened" else text(f"narrative.office.{event.status}")
        return text("narrative.institution", where=where, name=event.name, status=status)
    if isinstance(event, Trade):
        a, b = (story.place(p).name for p in event.endpoints)
        headline = headline_figure(event)
        goods = event.goods or text("narrative.trade_goods")
        what = (
            text("narrative.trade_what", goods=goods, figure=format_figure(headline))
            if headline is not None
            else goods
        )
        if (latest := figure_since(event, headline)) is not None:
            what = text("narrative.trade_then", what=what, figure=format_figure(latest))
        if (ahead := figure_ahead(event, headline)) is not None:
            what = text("narrative.trade_and", what=what, figure=format_figure(ahead))
        key = "narrative.trade_directed" if event.directed else "narrative.trade_band"
        return text(key, a=a, b=b, what=what)
    if isinstance(event, Conflict):
        names = join_names([story.place(p).name for p in event.places])
        return text("narrative.conflict", places=names, name=event.name)
    if isinstance(event, Disaster):
        names = join_names([story.place(p).name for p in event.places])
        return text("narrative.disaster", places=names, name=event.name)
    if isinstance(event, Statement):
        if event.place:
            return text(
                "narrative.statement_at",
                place=_name(story, event.place),
                speaker=event.speaker,
                when=_when(event),
            )
        return text("narrative.statement", speaker=event.speaker, when=_when(event))
    return event.title


_SCALE_FACTORS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}


def figure_magnitude(figure) -> tuple[str, float] | None:
    """(what is counted, how many of it): "USD bn" 1.5 is ("USD", 1.5e9).

    Flows are drawn to scale only against flows counted in the same thing, and a $500m flow
    must be thinner than a $190bn one although 500 > 190.
    """
    if figure is None or figure.value is None:
        return None
    factor = 1.0
    counted: list[str] = []
    for word in (figure.unit or "").split():
        if word in _SCALE_FACTORS and factor == 1.0:
            factor = _SCALE_FACTORS[word]
        else:
            counted.append(word)
    return " ".join(counted), figure.value * factor


def is_money(counted: str) -> bool:
    """Whether a figure_magnitude unit is a currency (an ISO 4217 code)."""
    return len(counted) == 3 and counted.isupper()


def headline_figure(event: Trade):
    """The figure whose value sets the flow's width: the latest actual value, else any
    value; money before quantities, the larger amount of the same period first."""
    valued = [f for f in event.figures if f.value is not None]
    actual = [f for f in valued if f.basis == "actual" and len(f.period) == 4]
    pool = actual or valued
    if pool:

        def rank(figure) -> tuple:
            counted, amount = figure_magnitude(figure) or ("", 0.0)
            return (figure.period, is_money(counted), amount)

        return max(pool, key=rank)
    return event.figures[0] if event.figures else None


def _year(period: str) -> int | None:
    years = re.findall(r"\b(\d{4})\b", period)
    return int(years[-1]) if years else None


def figure_since(event: Trade, headline) -> Figure | None:
    """The latest part-year fact after the headline year ("$53.8bn (Q1 2023, almost +40%)"):
    the width shows the last whole year, this says how the year since has gone."""
    if headline is None or headline.basis != "actual" or (start := _year(headline.period)) is None:
        return None
    later = [
        (year, f.period, f)
        for f in event.figures
        if f.value is not None
        and f.basis == "actual"
        and len(f.period) != 4
        and (year := _year(f.period)) is not None
        and year > start
    ]
    return max(later, key=lambda item: item[:2])[2] if later else None


def figure_ahead(event: Trade, headline) -> Figure | None:
    """The latest amount the flow is forecast or aimed to reach, told beside a fact: the
    width shows what was, this says where it is heading ("$200bn (2023, forecast)")."""
    if headline is None or headline.basis != "actual":
        return None
    ahead = [f for f in event.figures if f.value is not None and f.basis != "actual"]
    return max(ahead, key=lambda f: f.period) if ahead else None


def format_figure(figure) -> str:
    """ "$190bn (2022)", "+40% (2023, projected)"; an amount with its change keeps the change
    beside the period it compares, "$53.8bn (Q1 2023, almost +40%)"."""
    change = None
    if figure.change_pct is not None:
        change = f"{figure.change_pct:+g}%"
        change = text("figure.almost", change=change) if figure.approximate else change
    period = period_told(figure)
    if figure.value is None:
        told = change or ""
    else:
        told = format_value(figure.value, figure.unit)
        if change is not None and period:
            period = text("figure.period_change", period=period, change=change)
        elif change is not None:
            period = change
    return text("figure.with_period", figure=told, period=period) if period else told


def period_told(figure) -> str:
    """The figure's period and, unless it is a fact, what kind of number it is ("2030,
    target"); a target with no year is just a target."""
    period = str(figure.period)
    if figure.basis == "actual":
        return period
    basis = text(f"basis.{figure.basis}")
    return text("figure.period_basis", period=period, basis=basis) if period else basis


# A money unit as the figures extractor writes it: "USD bn", "EUR m", "GBP".
_MONEY_UNIT = re.compile(r"^(?P<code>[A-Z]{3})(?: (?P<scale>[a-z]+))?$")


def format_value(value: float, unit: str | None) -> str:
    """ "$190bn", "€107bn", "A$1.1bn", "CHF 3m": money as news writes it; an amount under
    ten keeps a second decimal ("1.96 million barrels a day", not "2 million")."""
    amount = number(value, digits=2 if abs(value) < 10 else 1)
    money = _MONEY_UNIT.match(unit or "")
    if money is not None:
        scale = money["scale"] or ""
        if money["code"] == "USD":
            return text("figure.usd", amount=amount, scale=scale)
        symbol = _currency_symbol(money["code"])
        key = "figure.money_code" if symbol.isalpha() else "figure.money"
        return text(key, symbol=symbol, amount=amount, scale=scale)
    return text("figure.unit", amount=amount, unit=unit) if unit else amount


@lru_cache(maxsize=64)
def _currency_symbol(code: str) -> str:
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(code, "en")
