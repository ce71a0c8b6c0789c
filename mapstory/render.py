"""HTML for the narrative panel beside the map, built from escaped parts only.

Streamlit's markdown would read `$200bn … $190bn` in article text as LaTeX and `*` as emphasis,
so the panel is plain HTML (rendered with st.html) rather than markdown; every piece of text is
escaped here, in a module with no Streamlit import so it can be tested directly.
"""

from __future__ import annotations

from mapstory.escaping import html_text
from mapstory.model import Span, Story
from mapstory.narrative import Excerpt, StepView, excerpt

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


def excerpt_html(ex: Excerpt) -> str:
    parts = []
    for seg in ex.segments:
        text = html_text(seg.text)
        parts.append(
            f'<mark data-place="{html_text(seg.place)}">{text}</mark>' if seg.place else text
        )
    return (
        f'<blockquote data-start="{ex.start}" data-end="{ex.end}">'
        f'<span class="ms-para">¶{ex.paragraph}</span>{"".join(parts)}</blockquote>'
    )


def step_panel_html(step: StepView, total: int) -> str:
    """The step's title, date, what the map shows, and the article's own words."""
    date = f'<div class="ms-date">{html_text(step.date_label)}</div>' if step.date_label else ""
    excerpts = "".join(excerpt_html(ex) for ex in step.excerpts)
    return (
        f"{PANEL_CSS}"
        f'<section class="ms-step" data-step="{step.number}" aria-live="polite" '
        f'aria-label="Step {step.number} of {total}">'
        f"<h2>{html_text(step.title)}</h2>{date}"
        f'<p class="ms-desc" data-testid="step-description">{html_text(step.description)}</p>'
        f"{excerpts}</section>"
    )


def article_html(story: Story) -> str:
    """The whole article, paragraph by paragraph, with every mapped place mention marked."""
    paragraphs = []
    for number in range(1, len(story.paragraph_starts) + 1):
        start, end = story.paragraph_bounds(number)
        if end <= start:
            continue
        span = Span(start=start, end=end, text=story.article.text[start:end])
        paragraphs.append(excerpt_html(excerpt(story, span)))
    return f'{PANEL_CSS}<section class="ms-step ms-article">{"".join(paragraphs)}</section>'


def story_header_html(story: Story) -> str:
    """The article's title and where it is from, escaped (titles come from strangers too)."""
    article = story.article
    source = f" · {html_text(article.source)}" if article.source else ""
    return (
        "<style>.ms-head h1 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 .15rem; }"
        '[data-testid="stMainBlockContainer"] { padding-top: 4rem; }'
        ".ms-head p { color: #555; margin: 0; font-size: .9rem; }</style>"
        f'<header class="ms-head"><h1>{html_text(article.title)}</h1>'
        f"<p>{article.date:%A} {article.date.day} {article.date:%B %Y}{source}</p></header>"
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
        f'{svg_defs}<div class="ms-strip" role="list" aria-label="Map legend">'
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
            f"<td>{html_text(raw.get('kind', ''))}</td>"
            f"<td>{html_text(raw.get('country_code', ''))}</td>"
            f"<td>{location.latitude:.4f}, {location.longitude:.4f}</td>"
            f"<td>{int(raw.get('population') or 0):,}</td>"
            f"<td>{html_text(raw.get('source', ''))}</td>"
            "</tr>"
        )
    return (
        "<table class='ms-results'><thead><tr><th>Name</th><th>Kind</th><th>Country</th>"
        "<th>Coordinates</th><th>Population</th><th>Source</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def draft_summary_html(story: Story) -> str:
    """What the engine read from a pasted article: counts and one line per event, escaped."""
    from mapstory.dates import format_date

    article = story.article
    people = ", ".join(html_text(a.name) for a in story.actors[:8]) or "none named"
    rows = []
    for event in sorted(story.events, key=lambda e: min(s.start for s in e.spans)):
        when = html_text(format_date(event.date)) if event.date else "—"
        status = "" if event.status == "happened" else f" ({html_text(event.status)})"
        rows.append(
            f"<tr><td>{html_text(event.kind)}</td><td>{html_text(event.title)}{status}</td>"
            f"<td>{when}</td><td>{len(event.spans)}</td></tr>"
        )
    table = (
        '<table class="ms-draft"><caption>Events found, in article order</caption>'
        "<thead><tr><th scope='col'>kind</th><th scope='col'>what</th><th scope='col'>when</th>"
        "<th scope='col'>excerpts</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        if rows
        else "<p>No events were recognised; the places are still mapped.</p>"
    )
    return (
        "<style>.ms-draft { border-collapse: collapse; font-size: .9rem; margin-top: .5rem; }"
        ".ms-draft caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }"
        ".ms-draft th, .ms-draft td { text-align: left; padding: .2rem .6rem .2rem 0;"
        " border-bottom: 1px solid #ddd; vertical-align: top; }</style>"
        f'<section class="ms-draft-summary"><h2>Draft: {html_text(story.title)}</h2>'
        f"<p>{article.date:%A} {article.date.day} {article.date:%B %Y} · "
        f"{len(story.places)} places · {len(story.actors)} people ({people}) · "
        f"{len(story.events)} events</p>{table}</section>"
    )
