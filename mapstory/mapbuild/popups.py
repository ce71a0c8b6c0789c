"""Popup contents: the excerpts behind a mark, and everything the article says about a place.

All article text passes through `html_text` (HTML + template-literal escaping) and markup is
assembled only from escaped pieces, because folium drops popup HTML into a JS template literal.
"""

from __future__ import annotations

from mapstory.dates import format_date
from mapstory.escaping import html_text
from mapstory.messages import plural, text
from mapstory.model import Event, Place, Span, Story, Trade
from mapstory.narrative import Excerpt, excerpt, format_figure, sentence_spans


def excerpt_html(ex: Excerpt, focus: str | None = None) -> str:
    """One quoted excerpt with its paragraph number; place mentions are <mark>ed."""
    parts: list[str] = []
    for seg in ex.segments:
        shown = html_text(seg.text)
        if seg.place is not None and (focus is None or seg.place == focus):
            parts.append(f"<mark>{shown}</mark>")
        else:
            parts.append(shown)
    paragraph = html_text(text("excerpt.paragraph", number=ex.paragraph))
    return f'<blockquote><span class="ms-para">{paragraph}</span>{"".join(parts)}</blockquote>'


def _sentence_excerpts(story: Story, spans: list[Span]) -> list[Excerpt]:
    return [excerpt(story, span) for span in sentence_spans(story, spans)]


def _meta(event: Event) -> str:
    bits: list[str] = [text(f"kind.{event.kind}")]
    if event.date is not None:
        bits.append(format_date(event.date))
    if event.status != "happened":
        bits.append(text(f"status.{event.status}"))
    if event.certainty == "inferred":
        bits.append(text("certainty.inferred"))
    return html_text(text("meta.separator").join(bits))


def event_popup(story: Story, event: Event) -> str:
    body = [f"<h4>{html_text(event.title)}</h4>", f'<div class="ms-meta">{_meta(event)}</div>']
    if isinstance(event, Trade) and event.figures:
        rows = "".join(
            f"<tr><td>{html_text(f.measure)}</td><td>{html_text(format_figure(f))}</td></tr>"
            for f in event.figures
        )
        body.append(f"<table>{rows}</table>")
    if event.other_dates:
        items = "".join(
            "<li>"
            + html_text(
                text(
                    "popup.other_date" + ("_inferred" if d.certainty == "inferred" else ""),
                    label=d.label or text("popup.date"),
                    date=format_date(d),
                )
            )
            + "</li>"
            for d in event.other_dates
        )
        body.append(f"<ul>{items}</ul>")
    body.extend(excerpt_html(ex) for ex in _sentence_excerpts(story, list(event.spans)))
    notes = []
    if event.inferred:
        notes.append(text("popup.inferred", what=text("list.separator").join(event.inferred)))
    if event.note:
        notes.append(event.note)
    if notes:
        body.append(f'<div class="ms-meta">{html_text(" ".join(notes))}</div>')
    return f'<div class="ms-popup">{"".join(body)}</div>'


def place_popup(story: Story, place: Place) -> str:
    """'Everything the article says about' a place: its events, then every sentence naming it."""
    meta = [text(f"place_kind.{place.kind}")]
    if place.located:
        meta.append(text("meta.coordinates", lat=f"{place.lat:.2f}", lon=f"{place.lon:.2f}"))
    if place.certainty == "inferred":
        meta.append(text("popup.place_inferred"))
    body = [
        f"<h4>{html_text(place.name)}</h4>",
        f'<div class="ms-meta">{html_text(text("meta.separator").join(meta))}</div>',
    ]
    if place.note:
        body.append(f'<div class="ms-meta">{html_text(place.note)}</div>')
    events = story.events_at(place.id)
    if events:
        items = "".join(f"<li>{html_text(e.title)}</li>" for e in events)
        body.append(f"<div><b>{html_text(text('place.in_this_story'))}</b><ul>{items}</ul></div>")
    mentions = _sentence_excerpts(story, list(place.mentions))
    if mentions:
        named = plural("popup.named", len(place.mentions))
        body.append(f"<div><b>{html_text(named)}</b></div>")
        body.extend(excerpt_html(ex, focus=place.id) for ex in mentions)
    return f'<div class="ms-popup">{"".join(body)}</div>'
