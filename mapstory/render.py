"""HTML for the narrative panel beside the map, built from escaped parts only.

Streamlit's markdown would read `$200bn … $190bn` in article text as LaTeX and `*` as emphasis,
so the panel is plain HTML (rendered with st.html) rather than markdown; every piece of text is
escaped here, in a module with no Streamlit import so it can be tested directly.
"""

from __future__ import annotations

import datetime as dt

from mapstory.blocs import BlocDef, membership_rows
from mapstory.dates import format_date, format_day
from mapstory.escaping import html_text
from mapstory.explore import (
    Visible,
    event_certainty,
    event_excerpts,
    place_excerpts,
    timing,
    timing_label,
)
from mapstory.messages import label, number, plural, text
from mapstory.model import Span, Story
from mapstory.narrative import Excerpt, StepView, describe_event, excerpt

PANEL_CSS = """
<style>
.ms-step { font-size: 1rem; line-height: 1.5; }
.ms-step h2 { font-size: 1.35rem; margin: .1rem 0 .25rem; line-height: 1.25; }
.ms-step .ms-date { color: #4a4a4a; font-size: .9rem; margin-bottom: .4rem; }
.ms-step .ms-desc { background: #f2f5f8; border-left: 4px solid #0072B2; padding: .35rem .6rem;
  margin: .3rem 0 .7rem; font-size: .95rem; }
.ms-step blockquote { margin: .45rem 0; padding: .1rem 0 .1rem .75rem;
  border-left: 3px solid #c8c8c8; color: #1f1f1f; }
.ms-step .ms-para { color: #666; font-size: .75rem; font-weight: 700; margin-right: .35rem; }
.ms-step mark { background: #fff0a8; color: inherit; padding: 0 .1em; border-radius: 2px; }
.ms-step .ms-source { color: #666; font-size: .8rem; margin-top: .6rem; }
</style>
"""


def excerpt_html(ex: Excerpt, focus: str | None = None) -> str:
    """An excerpt with its place mentions marked — only `focus`'s, when one is given."""
    parts = []
    for seg in ex.segments:
        shown = html_text(seg.text)
        marked = seg.place is not None and (focus is None or seg.place == focus)
        place = html_text(seg.place)
        parts.append(f'<mark data-place="{place}">{shown}</mark>' if marked else shown)
    return (
        f'<blockquote data-start="{ex.start}" data-end="{ex.end}">'
        f'<span class="ms-para">{html_text(text("excerpt.paragraph", number=ex.paragraph))}'
        f"</span>{''.join(parts)}</blockquote>"
    )


def step_panel_html(step: StepView, total: int, max_height_px: int | None = None) -> str:
    """The step's title, date, what the map shows, and the article's own words.

    With `max_height_px` the panel scrolls on its own (an embed has a fixed height); it is
    then focusable, so a keyboard can scroll it too.
    """
    date = f'<div class="ms-date">{html_text(step.date_label)}</div>' if step.date_label else ""
    excerpts = "".join(excerpt_html(ex) for ex in step.excerpts)
    scroll = (
        f' style="max-height:{int(max_height_px)}px;overflow-y:auto;padding-right:.4rem"'
        ' tabindex="0"'
        if max_height_px
        else ""
    )
    return (
        f"{PANEL_CSS}"
        f'<section class="ms-step" data-step="{step.number}" aria-live="polite" '
        f'aria-label="{html_text(text("step.aria", number=step.number, total=total))}"{scroll}>'
        f"<h2>{html_text(step.title)}</h2>{date}"
        f'<p class="ms-desc" data-testid="step-description">{html_text(step.description)}</p>'
        f"{excerpts}</section>"
    )


def article_html(story: Story) -> str:
    """The whole article, paragraph by paragraph, with every mapped place mention marked."""
    paragraphs = []
    for paragraph in range(1, len(story.paragraph_starts) + 1):
        start, end = story.paragraph_bounds(paragraph)
        if end <= start:
            continue
        span = Span(start=start, end=end, text=story.article.text[start:end])
        paragraphs.append(excerpt_html(excerpt(story, span)))
    return f'{PANEL_CSS}<section class="ms-step ms-article">{"".join(paragraphs)}</section>'


def story_header_html(story: Story, full_link: str | None = None) -> str:
    """The article's title and where it is from, escaped (titles come from strangers too).

    With `full_link` (the page embedded in an iframe elsewhere) the header is one compact
    line that links to the full app, so the map and narrative keep the room.
    """
    article = story.article
    source = f" · {html_text(article.source)}" if article.source else ""
    date = format_day(article.date)
    if full_link is not None:
        return (
            '<style>[data-testid="stMainBlockContainer"] { padding-top: .6rem;'
            " padding-bottom: .4rem; }"
            # The step buttons' shortcut hints would squeeze "Previous" in an 800-px frame.
            ' [data-testid^="stBaseButton"] kbd { display: none; }'
            ".ms-head.ms-compact { display: flex; flex-wrap: wrap; align-items: baseline;"
            " gap: 0 .8rem; } .ms-compact h1 { font-size: 1.05rem; line-height: 1.25;"
            " margin: 0; padding: 0; } .ms-compact p { color: #555; margin: 0;"
            " font-size: .8rem; } .ms-compact a { font-size: .8rem; color: #005a8c; }</style>"
            f'<header class="ms-head ms-compact"><h1>{html_text(article.title)}</h1>'
            f"<p>{date}</p>"
            f'<a href="{html_text(full_link)}" target="_blank" rel="noopener noreferrer">'
            f"{html_text(text('embed.open_full'))}</a></header>"
        )
    return (
        "<style>.ms-head h1 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 .15rem; }"
        '[data-testid="stMainBlockContainer"] { padding-top: 4rem; }'
        ".ms-head p { color: #555; margin: 0; font-size: .9rem; }</style>"
        f'<header class="ms-head"><h1>{html_text(article.title)}</h1>'
        f"<p>{date}{source}</p></header>"
    )


def legend_strip_html(rows: list[str], svg_defs: str) -> str:
    """The map legend as a wrapping strip under the map, where it hides nothing.

    `rows` are built by mapstory.mapbuild from escaped parts; `svg_defs` provides the hatch
    pattern the conflict swatch refers to.
    """
    return (
        "<style>.ms-strip { display: flex; flex-wrap: wrap; gap: .15rem 1.1rem; font-size: .8rem;"
        " color: #333; } .ms-strip .ms-row { display: flex; align-items: center; gap: .35rem; }"
        "</style>"
        f'{svg_defs}<div class="ms-strip" role="list" '
        f'aria-label="{html_text(text("legend.aria"))}">'
        + "".join(rows).replace('<div class="ms-row">', '<div class="ms-row" role="listitem">')
        + "</div>"
    )


def place_results_html(locations: list) -> str:
    """Gazetteer search results as a small table; every value escaped."""
    rows = []
    for location in locations:
        raw = location.raw or {}
        rows.append(
            "<tr>"
            f"<td>{html_text(raw.get('name') or location.address)}</td>"
            f"<td>{html_text(label('place_kind', raw.get('kind', '')))}</td>"
            f"<td>{html_text(raw.get('country_code', ''))}</td>"
            f"<td>{location.latitude:.4f}, {location.longitude:.4f}</td>"
            f"<td>{number(int(raw.get('population') or 0))}</td>"
            f"<td>{html_text(label('geocoder', raw.get('source', '')))}</td>"
            "</tr>"
        )
    heads = ("name", "kind", "country", "coordinates", "population", "source")
    head = "".join(f"<th>{html_text(text(f'lookup.{h}'))}</th>" for h in heads)
    return (
        f"<table class='ms-results'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def draft_summary_html(story: Story) -> str:
    """What the engine read from a pasted article: counts and one line per event, escaped."""
    article = story.article
    people = text("list.separator").join(a.name for a in story.actors[:8])
    rows = []
    for event in sorted(story.events, key=lambda e: min(s.start for s in e.spans)):
        when = html_text(format_date(event.date)) if event.date else "—"
        status = "" if event.status == "happened" else text(f"narrative.status.{event.status}")
        rows.append(
            f"<tr><td>{html_text(text(f'kind.{event.kind}'))}</td>"
            f"<td>{html_text(event.title + status)}</td>"
            f"<td>{when}</td><td>{number(len(event.spans))}</td></tr>"
        )
    heads = "".join(
        f"<th scope='col'>{html_text(text(f'draft.column_{h}'))}</th>"
        for h in ("kind", "what", "when", "excerpts")
    )
    table = (
        f'<table class="ms-draft"><caption>{html_text(text("draft.events_caption"))}</caption>'
        f"<thead><tr>{heads}</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        if rows
        else f"<p>{html_text(text('draft.no_events'))}</p>"
    )
    counts = text(
        "draft.counts",
        date=format_day(article.date),
        places=plural("narrative.places", len(story.places)),
        people=plural("draft.people", len(story.actors)),
        names=people or text("draft.none_named"),
        events=plural("narrative.events", len(story.events)),
    )
    return (
        "<style>.ms-draft { border-collapse: collapse; font-size: .9rem; margin-top: .5rem; }"
        ".ms-draft caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }"
        ".ms-draft th, .ms-draft td { text-align: left; padding: .2rem .6rem .2rem 0;"
        " border-bottom: 1px solid #ddd; vertical-align: top; }</style>"
        f'<section class="ms-draft-summary">'
        f"<h2>{html_text(text('draft.heading', title=story.title))}</h2>"
        f"<p>{html_text(counts)}</p>{table}</section>"
    )


# --- Explore page -----------------------------------------------------------------------------


def _li(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{html_text(i)}</li>" for i in items) + "</ul>"


def _meta_line(parts: list[str]) -> str:
    return f'<div class="ms-date">{html_text(text("meta.separator").join(parts))}</div>'


def explore_place_html(story: Story, place_id: str) -> str:
    """Everything the article says about a place: its events, then every sentence naming it
    with that place's name marked."""
    place = story.place(place_id)
    meta = [text(f"place_kind.{place.kind}")]
    if place.located:
        meta.append(text("meta.coordinates", lat=f"{place.lat:.2f}", lon=f"{place.lon:.2f}"))
    count = len(place.mentions)
    meta.append(plural("meta.named", count) if count else text("meta.not_named"))
    events = []
    for e in story.events_at(place_id):
        when = timing_label(timing(e, story.article.date))
        if e.status != "happened":
            when = text("meta.timing_status", timing=when, status=text(f"status.{e.status}"))
        events.append(text("meta.event_in_story", title=e.title, when=when))
    body = [f"<h2>{html_text(place.name)}</h2>", _meta_line(meta)]
    if place.certainty == "inferred":
        body.append(
            f'<p class="ms-desc">{html_text(text("place.not_named_inferred"))} '
            f"{html_text(place.note or '')}</p>"
        )
    if events:
        body.append(
            f'<div class="ms-events"><b>{html_text(text("place.in_this_story"))}</b>'
            f"{_li(events)}</div>"
        )
    excerpts = place_excerpts(story, place_id)
    if excerpts:
        body.append(f"<h3>{html_text(text('place.everything', name=place.name))}</h3>")
        body.extend(excerpt_html(ex, focus=place_id) for ex in excerpts)
    return (
        f'{PANEL_CSS}<section class="ms-step ms-explore" data-selected="place:'
        f'{html_text(place_id)}" aria-live="polite">{"".join(body)}</section>'
    )


def explore_event_html(story: Story, event_id: str) -> str:
    event = story.event(event_id)
    meta = [text(f"kind.{event.kind}")]
    if event.date is not None:
        precision = text(f"precision.{event.date.precision}")
        meta.append(text("meta.date_precision", date=format_date(event.date), precision=precision))
    meta.append(timing_label(timing(event, story.article.date)))
    meta.append(text(f"status.{event.status}"))
    certainty = event_certainty(story, event)
    if certainty == "inferred":
        meta.append(
            text("meta.inferred_what", what=text("list.separator").join(event.inferred))
            if event.inferred
            else text("meta.inferred_part")
        )
    body = [
        f"<h2>{html_text(event.title)}</h2>",
        _meta_line(meta),
        f'<p class="ms-desc">{html_text(describe_event(story, event))}</p>',
    ]
    body.extend(excerpt_html(ex) for ex in event_excerpts(story, event_id))
    if event.note:
        body.append(f'<p class="ms-source">{html_text(event.note)}</p>')
    return (
        f'{PANEL_CSS}<section class="ms-step ms-explore" data-selected="event:'
        f'{html_text(event_id)}" aria-live="polite">{"".join(body)}</section>'
    )


def explore_summary_html(story: Story, visible: Visible) -> str:
    """What the filters show when nothing is selected, and how to select something."""
    located = sum(1 for p in story.places if p.located)
    undated = (
        text("explore.undated_shown", count=number(visible.undated_shown))
        if visible.undated_shown
        else ""
    )
    showing = text(
        "explore.showing",
        events=number(len(visible.events)),
        events_total=plural("narrative.events", len(story.events)),
        undated=undated,
        places=number(len(visible.places)),
        places_total=plural("narrative.places", located),
    )
    return (
        f'{PANEL_CSS}<section class="ms-step ms-explore" data-selected="" aria-live="polite">'
        f"<h2>{html_text(text('explore.heading'))}</h2>"
        f'<p class="ms-desc" data-testid="explore-count">{html_text(showing)}</p>'
        f"<p>{html_text(text('explore.how_to_select'))}</p></section>"
    )


def membership_html(story: Story, blocs: list[BlocDef], day: dt.date, notes: list[str]) -> str:
    """The story's countries against each expanded bloc on the article's date, then every
    member, then the data's sources."""
    head = "".join(f"<th>{html_text(b.name)}</th>" for b in blocs)
    rows = []
    for name, memberships in membership_rows(story, blocs, day):
        cells = "".join(
            f"<td>{html_text(text('members.since', year=m.joined.year))}</td>"
            if m
            else f'<td class="ms-no">{html_text(text("members.not_member"))}</td>'
            for m in memberships
        )
        rows.append(f"<tr><th>{html_text(name)}</th>{cells}</tr>")
    lists = "".join(
        f"<p><b>{html_text(b.name)}</b> ({number(len(b.members_on(day)))}): "
        f"{html_text(text('list.separator').join(m.name for m in b.members_on(day)))}. "
        f'<a href="{html_text(b.source.url)}" target="_blank" rel="noopener noreferrer">'
        f"{html_text(text('members.source', title=b.source.title))}</a></p>"
        for b in blocs
    )
    caption = text("members.caption", date=format_day(day, weekday=False))
    remarks = "".join(f'<p class="ms-desc">{html_text(n)}</p>' for n in notes)
    return (
        "<style>.ms-members table { border-collapse: collapse; font-size: .9rem; }"
        ".ms-members th, .ms-members td { padding: .15rem .6rem .15rem 0; text-align: left; }"
        ".ms-members .ms-no { color: #666; } .ms-members p { font-size: .85rem; margin: .3rem 0; }"
        ".ms-members .ms-desc { background: #f2f5f8; border-left: 4px solid #0072B2;"
        " padding: .3rem .6rem; font-size: .95rem; }</style>"
        f'<section class="ms-members" aria-label="{html_text(text("members.aria"))}">{remarks}'
        f"<table><caption style='text-align:left;font-weight:600'>{html_text(caption)}</caption>"
        f"<thead><tr><th>{html_text(text('members.country'))}</th>{head}</tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>{lists}</section>"
    )


def timeline_html(
    story: Story,
    first: dt.date,
    last: dt.date,
    window: tuple[dt.date, dt.date],
    visible: Visible,
) -> str:
    """Each dated event as a bar over its whole date interval (a month-precision date is the
    whole month), the article's date as a line and the chosen window shaded."""
    span = max((last - first).days, 1)

    def pct(day: dt.date) -> float:
        return round(100 * (day - first).days / span, 2)

    kept = set(visible.events)
    rows = []
    for event in sorted(
        (e for e in story.events if e.date is not None), key=lambda e: e.date.start
    ):
        left = pct(max(event.date.start, first))
        right = pct(min(event.date.end, last)) + 100 / span
        width = round(max(right - left, 0.6), 2)
        future = event.date.start > story.article.date
        cls = "ms-bar" + (" ms-future" if future else "") + ("" if event.id in kept else " ms-off")
        rows.append(
            f'<div class="ms-tl-row"><span class="ms-tl-name">{html_text(event.title)}</span>'
            f'<span class="ms-tl-track"><span class="{cls}" style="left:{left}%;width:{width}%">'
            "</span></span></div>"
        )
    article = pct(story.article.date)
    w_left, w_right = pct(window[0]), pct(window[1]) + 100 / span
    return (
        "<style>.ms-tl { position: relative; font-size: .68rem; color: #333; line-height: 1; }"
        ".ms-tl-row { display: flex; align-items: center; height: 12px; }"
        ".ms-tl-name { width: 15rem; flex: none; overflow: hidden; text-overflow: ellipsis;"
        " white-space: nowrap; padding-right: .5rem; }"
        ".ms-tl-track { position: relative; flex: 1; height: 10px; }"
        ".ms-bar { position: absolute; top: 1px; height: 8px; background: #0072B2;"
        " border-radius: 2px; }"
        ".ms-bar.ms-future { background: repeating-linear-gradient(90deg, #D55E00 0 4px,"
        " transparent 4px 6px); border: 1px solid #D55E00; height: 6px; }"
        ".ms-bar.ms-off { opacity: .25; }"
        ".ms-tl-over { position: absolute; top: 0; bottom: 0; left: 15rem; right: 0;"
        " pointer-events: none; }"
        ".ms-tl-window { position: absolute; top: 0; bottom: 0; background: rgba(0,114,178,.08);"
        " border-left: 1px solid #0072B2; border-right: 1px solid #0072B2; }"
        ".ms-tl-article { position: absolute; top: -2px; bottom: 0; border-left: 2px solid #222; }"
        ".ms-tl-legend { display: flex; gap: 1rem; margin-top: .2rem; color: #555; }"
        "</style>"
        f'<div class="ms-tl" role="img" aria-label="{html_text(text("timeline.aria"))}">'
        f"{''.join(rows)}"
        f'<div class="ms-tl-over"><span class="ms-tl-window" style="left:{w_left}%;'
        f'width:{round(max(w_right - w_left, 0.3), 2)}%"></span>'
        f'<span class="ms-tl-article" style="left:{article}%"></span></div></div>'
        '<div class="ms-tl-legend" style="font-size:.72rem">'
        + "".join(
            f"<span>{html_text(text(f'timeline.{k}'))}</span>"
            for k in ("before", "after", "article", "window")
        )
        + "</div>"
    )
