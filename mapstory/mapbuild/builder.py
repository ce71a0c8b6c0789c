"""Story → folium map, plus what changes per step (a stylesheet and a view).

The map itself is the same for every step of a story — all marks, one deterministic script —
so streamlit-folium keeps the iframe mounted while the reader steps; a step only sends its
centre, zoom and a tiny StepStyle element. Build the map fresh for every render: streamlit-folium
mutates the folium tree it is given.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

import folium
from branca.element import Element
from folium.elements import ElementAddToElement

from mapstory.escaping import html_text
from mapstory.mapbuild import marks, style
from mapstory.mapbuild.assets import AssetUrls, use_local_assets
from mapstory.mapbuild.elements import (
    BlocShade,
    ClickTags,
    Legend,
    MapSetup,
    OfflineBasemap,
    StepStyle,
    StoryMarks,
)
from mapstory.mapbuild.geometry import Bounds, LatLon, view_for
from mapstory.mapbuild.layout import StoryLayout
from mapstory.messages import text
from mapstory.model import (
    Alliance,
    Bloc,
    Conflict,
    Disaster,
    Event,
    Institution,
    Place,
    Port,
    Statement,
    Story,
    Trade,
    Visit,
)
from mapstory.narrative import StepView, figure_magnitude, headline_figure, is_money


def offline_attributions() -> list[str]:
    """Credit for the offline basemap's shapes and the gazetteer's places (GeoNames asks it)."""
    return [text("attribution.countries"), text("attribution.places")]


OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)

BASEMAP_STYLE = {
    "color": style.LAND_BORDER,
    "weight": 0.7,
    "fillColor": style.LAND,
    "fillOpacity": 1,
}


@dataclass(frozen=True)
class MapOptions:
    assets: AssetUrls
    online_tiles: bool = False
    width_px: int = 720  # the size views are framed for
    height_px: int = 540
    legend: bool = True  # a legend control inside the map (pages with filters draw their own)
    click_ids: bool = False  # tag every mark so a click can name it (see ClickTags)
    # Where the story's marks are served as a static script (see marks_script); None draws
    # them into the map's own script.
    marks_url: str | None = None


def actor_colours(story: Story) -> dict[str, str]:
    """One colour per traveller, in the order the story lists its actors."""
    travellers = [
        a.id
        for a in story.actors
        if any(isinstance(e, Visit) and e.actor == a.id for e in story.events)
    ]
    return {
        actor: style.ACTOR_COLOURS[i % len(style.ACTOR_COLOURS)]
        for i, actor in enumerate(travellers)
    }


def build_map(story: Story, layout: StoryLayout, options: MapOptions) -> folium.Map:
    center, zoom = overview_view(layout, options)
    m = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        min_zoom=1,
        max_zoom=10,
        zoom_snap=0.25,
        zoom_delta=0.5,
        # Leaflet jumps a panned view back to -180°..180°, where a story drawn round the
        # Pacific has nothing.
        world_copy_jump=layout.west is None,
        control_scale=True,
    )
    use_local_assets(m, options.assets)
    root = m.get_root()
    if options.assets.map_css:
        m.default_css = [*m.default_css, ("ms_css", options.assets.map_css)]
    else:
        root.header.add_child(folium.Element(f"<style>{style.MAP_CSS}</style>"), name="ms_css")
    root.html.add_child(folium.Element(style.SVG_DEFS), name="ms_svg_defs")
    attributions = offline_attributions()
    m.add_child(MapSetup(attributions), name="ms_setup")
    m.add_child(
        OfflineBasemap(options.assets.basemap, BASEMAP_STYLE, west=layout.west), name="ms_basemap"
    )
    if options.online_tiles:
        folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, name="OpenStreetMap", max_zoom=19).add_to(
            m
        )

    groups = _mark_groups()
    if options.marks_url is None:
        draw_marks(story, layout, groups)
    for name, group in groups.items():
        m.add_child(group, name=f"ms_{name}")
    if options.marks_url is not None:
        m.add_child(StoryMarks(options.marks_url, groups), name="ms_marks")
    if options.legend:
        html = legend_html(story, actor_colours(story)) if options.marks_url is None else None
        m.add_child(Legend(html), name="ms_legend")
    if options.click_ids:
        m.add_child(ClickTags(), name="ms_click_tags")
    stabilise_ids(m)
    return m


# The marks' groups, areas under lines under symbols; each is named by "group.<name>".
GROUPS = ("areas", "flows", "visits", "places", "symbols")


def _mark_groups() -> dict[str, folium.FeatureGroup]:
    return {name: folium.FeatureGroup(name=text(f"group.{name}"), control=True) for name in GROUPS}


def _flow_scale(story: Story) -> dict[str, float]:
    """{what is counted: the largest flow of it} for the one thing flows are drawn to scale
    in — money if any flow is in money, then the most common — so widths never compare
    tonnes with dollars; flows counted otherwise keep the plain width."""
    sizes = [
        size
        for event in story.events
        if isinstance(event, Trade) and (size := figure_magnitude(headline_figure(event)))
    ]
    if not sizes:
        return {}
    counts = Counter(counted for counted, _ in sizes)
    reference = max(counts, key=lambda c: (is_money(c), counts[c], c))
    return {reference: max(amount for counted, amount in sizes if counted == reference)}


def draw_marks(story: Story, layout: StoryLayout, groups: dict[str, folium.FeatureGroup]) -> None:
    """Every mark of the story, into its kind's group (areas under lines under symbols)."""
    shaded: set[str] = set()
    for event in story.events:
        if marks.is_area(event):
            shaded |= marks.draw_area(story, event, layout, groups["areas"])
    largest = _flow_scale(story)
    colours = actor_colours(story)
    slots = marks.SymbolSlots()
    for event in story.events:
        if isinstance(event, Trade):
            marks.draw_trade(story, event, layout, largest, groups["flows"])
        elif isinstance(event, Visit):
            marks.draw_visit(
                story, event, layout, colours.get(event.actor, "#0072B2"), groups["visits"]
            )
        elif isinstance(event, Port):
            marks.draw_port(story, event, layout, groups["symbols"], slots)
        elif isinstance(event, Institution):
            marks.draw_institution(story, event, layout, groups["symbols"], slots)
        elif isinstance(event, Statement):
            marks.draw_statement(story, event, layout, groups["symbols"], slots)
    marks.draw_places(story, layout, groups["places"], shaded)


def marks_script(story: Story, layout: StoryLayout) -> str:
    """Every mark of the story as one standalone script, for a map built with `marks_url`.

    Streamlit sends a component's whole script again on every rerun; a story's marks (with
    their popups) are most of it and never change between steps. Served as a static file
    named by its content, the browser fetches them once and Streamlit sends only the map's
    set-up. The script fills the groups the map registered (see StoryMarks) and is the same
    text for the same story and layout, whatever page shows it.
    """
    m = folium.Map(tiles=None)
    groups = _mark_groups()
    draw_marks(story, layout, groups)
    for name, group in groups.items():
        m.add_child(group, name=f"ms_{name}")
    stabilise_ids(m)
    figure = m.get_root()
    figure.render()
    # The scripts rendered for the groups' descendants, minus the groups' own "addTo(map)"
    # (folium adds that child while rendering; the page's map adds its groups itself).
    group_names = {group.get_name() for group in groups.values()}
    owned = {
        element.get_name()
        for group in groups.values()
        for element in _descendants(group)
        if not (isinstance(element, ElementAddToElement) and element.element_name in group_names)
    }
    lines = [
        "// mapstory: the story's marks, added to the groups its map registered.",
        "(function (M, G) {",
        "if (!M || !G) { return; }",
        f"var {m.get_name()} = M;",
    ]
    lines += [f"var {group.get_name()} = G[{key!r}];" for key, group in groups.items()]
    # Off the map while they fill: a marker added to a group on the map is drawn at once
    # with Leaflet's default icon (fetching its image) before its own icon is set.
    names = ", ".join(group.get_name() for group in groups.values())
    lines.append(f"[{names}].forEach(function (g) {{ M.removeLayer(g); }});")
    lines += [
        element.render() for name, element in figure.script._children.items() if name in owned
    ]
    legend = json.dumps(legend_html(story, actor_colours(story)))
    lines += [
        f"[{names}].forEach(function (g) {{ g.addTo(M); }});",
        f"M.__msLegendHtml = {_script_safe(legend)};",
        "M.__msMarksLoaded = true;",
        'M.fire("ms:marks");',
        "})(window.__msMap, window.__msGroups);",
    ]
    return "\n".join(lines) + "\n"


def _script_safe(text: str) -> str:
    """JSON made safe inside a script: no `</script>`, no HTML comment, no line separators."""
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _descendants(element: Element):
    for child in element._children.values():
        yield child
        yield from _descendants(child)


def stabilise_ids(root: Element, prefix: str = "ms") -> None:
    """Replace folium's random element ids with ones derived from position in the tree.

    streamlit-folium remounts the map whenever its script changes, and folium names popup
    contents with random ids that streamlit-folium does not normalise; numbering the tree
    makes the same story always produce the same script.
    """
    seen: set[int] = set()
    counter = 0

    def visit(element: Element) -> None:
        nonlocal counter
        if id(element) in seen:
            return
        seen.add(id(element))
        element._id = f"{prefix}{counter:06d}"
        counter += 1
        for key, value in vars(element).items():
            if key == "_parent":
                continue
            if isinstance(value, Element):
                visit(value)
        renamed = []
        for key, child in element._children.items():
            was_default_name = key == child.get_name()
            visit(child)
            renamed.append((child.get_name() if was_default_name else key, child))
        element._children.clear()
        element._children.update(renamed)

    visit(root)


def overview_view(layout: StoryLayout, options: MapOptions) -> tuple[LatLon, float]:
    bounds = layout.overall
    if bounds is None:
        return (20.0, 0.0), 1.5
    return view_for(bounds, options.width_px, options.height_px)


def step_bounds(step: StepView, layout: StoryLayout) -> Bounds | None:
    """What a step frames: its marks; its places only when it has no marks (so a port step
    frames the port, not the whole country it opens to); everything for the overview."""
    if step.overview:
        return layout.overall
    return layout.bounds_of(list(step.events), []) or layout.bounds_of([], list(step.places))


def step_css(step: StepView) -> str:
    if step.overview:
        return ""
    selectors = [f".{marks.event_class(e)}" for e in step.events] + [
        f".{marks.place_class(p)}" for p in step.places
    ]
    keep = ", ".join(selectors)
    pulse = ", ".join(f".{marks.event_class(e)} .ms-symbol" for e in step.events)
    css = (
        f".ms-mark {{ opacity: .22; --ms-dim: 1; }}\n"
        f"{keep} {{ opacity: 1 !important; --ms-dim: 0 !important; }}\n"
    )
    if pulse:
        css += f"{pulse} {{ animation: ms-pulse .9s ease-in-out 2; }}\n"
    return css


def step_layer(step: StepView, layout: StoryLayout) -> folium.FeatureGroup:
    """What streamlit-folium adds for this step: a stylesheet swap and a frame, no geometry."""
    bounds = step_bounds(step, layout)
    group = folium.FeatureGroup(name="Step", control=False)
    frame = [[round(v, 4) for v in corner] for corner in bounds.as_list()] if bounds else None
    group.add_child(StepStyle(step_css(step), step.number, frame), name="ms_step_style")
    return group


# --- explore: filters, selection and expanded blocs as one small update ------------------------


@dataclass(frozen=True)
class BlocLayer:
    """One expanded bloc: its label, member country codes and their tooltips (escaped)."""

    key: str
    label: str
    members: dict[str, str]


def explore_css(
    hidden_events: list[str],
    hidden_places: list[str],
    focus_events: list[str],
    focus_places: list[str],
) -> str:
    """Hide what the filters drop; when something is selected, dim the rest around it."""
    css = ""
    hidden = [f".{marks.event_class(e)}" for e in hidden_events] + [
        f".{marks.place_class(p)}" for p in hidden_places
    ]
    if hidden:
        css += f"{', '.join(hidden)} {{ display: none !important; }}\n"
    keep = [f".{marks.event_class(e)}" for e in focus_events] + [
        f".{marks.place_class(p)}" for p in focus_places
    ]
    if keep:
        css += (
            f".ms-mark {{ opacity: .3; --ms-dim: 1; }}\n"
            f"{', '.join(keep)} {{ opacity: 1 !important; --ms-dim: 0 !important; }}\n"
        )
        pulse = ", ".join(f".{marks.event_class(e)} .ms-symbol" for e in focus_events)
        if pulse:
            css += f"{pulse} {{ animation: ms-pulse .9s ease-in-out 2; }}\n"
    return css


def selection_bounds(layout: StoryLayout, place: str | None, event: str | None) -> Bounds | None:
    """What a selection frames: a place's own extent (Japan, not every event in Japan), or
    an event's marks and places."""
    if place:
        return layout.bounds_of([], [place])
    if event:
        return layout.bounds_of([event], [])
    return None


def explore_layer(
    css: str, token: str, frame: Bounds | None, blocs: list[BlocLayer]
) -> folium.FeatureGroup:
    """What streamlit-folium adds for one Explore state: a stylesheet, the expanded blocs'
    country codes, and a frame only when something is selected (so filtering never moves a
    map the reader has panned)."""
    group = folium.FeatureGroup(name="Explore", control=False)
    bounds = [[round(v, 4) for v in corner] for corner in frame.as_list()] if frame else None
    group.add_child(StepStyle(css, token, bounds), name="ms_explore_style")
    if blocs:
        countries: dict[str, dict] = {}
        for index, bloc in enumerate(blocs):
            look = style.BLOC_EXPANSION[index % len(style.BLOC_EXPANSION)]
            for code, tip in bloc.members.items():
                entry = countries.setdefault(code, {"styles": [], "tips": []})
                entry["styles"].append(look.leaflet())
                entry["tips"].append(tip)
        payload = {
            code: {"styles": entry["styles"], "tooltip": "<br>".join(entry["tips"])}
            for code, entry in sorted(countries.items())
        }
        group.add_child(BlocShade(payload), name="ms_bloc_shade")
    return group


def bloc_legend_rows(blocs: list[BlocLayer]) -> list[str]:
    rows = []
    for index, bloc in enumerate(blocs):
        look = style.BLOC_EXPANSION[index % len(style.BLOC_EXPANSION)]
        rows.append(
            _row(
                _swatch_area(look.colour, look.fill_opacity, look.dash, edge=look.edge), bloc.label
            )
        )
    return rows


# --- legend -----------------------------------------------------------------------------------


def _swatch_line(colour: str, dash: str | None = None, width: float = 3, head: bool = True) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    arrow = f'<path d="M30 6 L22 2 L24 6 L22 10 Z" fill="{colour}"/>' if head else ""
    return (
        f'<svg width="32" height="12" aria-hidden="true"><path d="M2 6 H24" stroke="{colour}" '
        f'stroke-width="{width}"{dash_attr} fill="none"/>{arrow}</svg>'
    )


def _swatch_area(
    colour: str,
    opacity: float = 0.38,
    dash: str | None = None,
    hatch: bool = False,
    edge: str | None = None,
    dots: bool = False,
) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    # A patterned swatch carries its own pattern so it also works outside the map document.
    if hatch:
        defs = (
            '<defs><pattern id="ms-hatch-swatch" patternUnits="userSpaceOnUse" width="6" '
            f'height="6" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" '
            f'stroke="{colour}" stroke-width="2.4"/></pattern></defs>'
        )
        fill = "url(#ms-hatch-swatch)"
    elif dots:
        defs = (
            '<defs><pattern id="ms-dots-swatch" patternUnits="userSpaceOnUse" width="5" '
            f'height="5"><rect width="5" height="5" fill="{colour}" fill-opacity="0.45"/>'
            f'<circle cx="2.5" cy="2.5" r="1.2" fill="{edge or colour}"/></pattern></defs>'
        )
        fill = "url(#ms-dots-swatch)"
    else:
        defs, fill = "", colour
    return (
        f'<svg width="32" height="14" aria-hidden="true">{defs}<rect x="2" y="2" width="28" '
        f'height="10" fill="{fill}" fill-opacity="{1 if defs else opacity}" '
        f'stroke="{edge or colour}" stroke-width="1.5"{dash_attr}/></svg>'
    )


def _row(swatch: str, label: str) -> str:
    return f'<div class="ms-row">{swatch}<span>{html_text(label)}</span></div>'


# Places named over an area, with no dot: none of them is a town of the legend's.
_NAMED_AREAS = frozenset({"country", "continent", "sea", "bloc"})


def legend_html(
    story: Story,
    colours: dict[str, str],
    events: list[Event] | None = None,
    places: list[Place] | None = None,
) -> str:
    """The legend for `events` and `places` (default: the whole story) — only what is drawn."""
    rows: list[str] = []
    shown_events = story.events if events is None else events
    shown_places = story.places if places is None else places
    kinds = {e.kind for e in shown_events}
    travellers = {e.actor for e in shown_events if isinstance(e, Visit)}
    for actor_id, colour in colours.items():
        if actor_id not in travellers:
            continue
        name = story.actor(actor_id).name
        rows.append(_row(_swatch_line(colour), text("legend.travel", actor=name)))
    if any(isinstance(e, Visit) and e.status == "scheduled" for e in shown_events):
        rows.append(_row(_swatch_line("#555", style.SCHEDULED_DASH), text("legend.scheduled")))
    if any(isinstance(e, Visit) and e.status == "proposed" for e in shown_events):
        rows.append(_row(_swatch_line("#555", style.PROPOSED_DASH), text("legend.proposed")))
    if "trade" in kinds:
        rows.append(_row(_swatch_line(style.TRADE, width=7, head=False), text("legend.trade")))
    if any(isinstance(e, Alliance) and e.status == "happened" for e in shown_events):
        rows.append(
            _row(_swatch_area(style.ALLIANCE, edge=style.ALLIANCE_EDGE), text("legend.alliance"))
        )
    if any(isinstance(e, Alliance) and e.status != "happened" for e in shown_events):
        swatch = _swatch_area(
            style.ALLIANCE, opacity=0.16, edge=style.ALLIANCE_EDGE, dash=style.PROPOSED_DASH
        )
        rows.append(_row(swatch, text("legend.alliance_proposed")))
    if any(isinstance(e, Bloc) and e.status == "happened" for e in shown_events):
        rows.append(_row(_swatch_area(style.BLOC, edge=style.BLOC_EDGE), text("legend.bloc")))
    if any(isinstance(e, Bloc) and e.status != "happened" for e in shown_events):
        swatch = _swatch_area(
            style.BLOC, opacity=0.16, edge=style.BLOC_EDGE, dash=style.PROPOSED_DASH
        )
        rows.append(_row(swatch, text("legend.bloc_proposed")))
    if any(
        isinstance(e, Alliance | Bloc) and any(m.certainty == "inferred" for m in e.members)
        for e in shown_events
    ):
        rows.append(
            _row(
                _swatch_area(style.NEUTRAL_AREA, 0.16, style.INFERRED_DASH),
                text("legend.inferred_member"),
            )
        )
    if any(isinstance(e, Conflict) for e in shown_events):
        rows.append(
            _row(
                _swatch_area(
                    style.CONFLICT, hatch=True, dash=style.CONFLICT_DASH, edge=style.CONFLICT_EDGE
                ),
                text("legend.conflict"),
            )
        )
    if any(isinstance(e, Disaster) for e in shown_events):
        rows.append(
            _row(
                _swatch_area(style.DISASTER, dots=True, edge=style.DISASTER_EDGE),
                text("legend.disaster"),
            )
        )
    if "port" in kinds:
        rows.append(
            _row(_symbol(marks.PORT_SVG.format(fill=style.PORT, dash="")), text("legend.port"))
        )
    if "institution" in kinds:
        proposed = any(isinstance(e, Institution) and e.status != "happened" for e in shown_events)
        svg = (
            marks.INSTITUTION_SVG.format(
                fill="#fff",
                stroke=style.INSTITUTION,
                ink=style.INSTITUTION,
                dash='stroke-dasharray="3.5 2.5"',
            )
            if proposed
            else marks.INSTITUTION_SVG.format(
                fill=style.INSTITUTION, stroke="#fff", ink="#fff", dash=""
            )
        )
        label = text("legend.institution_proposed" if proposed else "legend.institution")
        rows.append(_row(_symbol(svg), label))
    if "statement" in kinds:
        rows.append(_row(_symbol(marks.STATEMENT_SVG), text("legend.statement")))
    if any(
        p.kind not in _NAMED_AREAS and not marks.is_world_region(p) and p.located
        for p in shown_places
    ):
        rows.append(_row(_symbol(marks._city_svg(False)), text("legend.city")))
    if any(p.certainty == "inferred" and p.located for p in shown_places):
        rows.append(_row(_symbol(marks._city_svg(True)), text("legend.inferred_place")))
    summary = html_text(text("legend.title"))
    return f"<details open><summary>{summary}</summary>{''.join(rows)}</details>"


def legend_rows(
    story: Story, events: list[Event] | None = None, places: list[Place] | None = None
) -> list[str]:
    """The legend's rows alone, for a legend strip outside the map."""
    html = legend_html(story, actor_colours(story), events, places)
    return re.findall(r'<div class="ms-row">.*?</div>', html)


def _symbol(svg: str) -> str:
    return f'<span style="display:inline-block;width:32px;text-align:center">{svg}</span>'
