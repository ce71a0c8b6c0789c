"""Draw each kind of story mark as folium elements.

Every mark carries CSS classes naming its event (`ms-ev-<id>`) or place (`ms-pl-<id>`), which
is what lets a step highlight its marks by stylesheet alone, and a popup with the article's
words. Only inline-SVG DivIcons and vector layers are used: they need no extra script or CDN.
"""

from __future__ import annotations

from collections import defaultdict

import folium

from mapstory.dates import format_date
from mapstory.escaping import css_ident, html_text
from mapstory.mapbuild import style
from mapstory.mapbuild.elements import CountryArea
from mapstory.mapbuild.geometry import LatLon, midpoint, screen_bearing
from mapstory.mapbuild.layout import StoryLayout, area_members, endpoint
from mapstory.mapbuild.popups import event_popup, place_popup
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
from mapstory.narrative import (
    figure_magnitude,
    format_figure,
    format_value,
    headline_figure,
    inferred_name,
    period_told,
)

POPUP_WIDTH = 340


def event_class(event_id: str) -> str:
    return f"ms-ev-{css_ident(event_id)}"


def place_class(place_id: str) -> str:
    return f"ms-pl-{css_ident(place_id)}"


def _popup(html: str) -> folium.Popup:
    return folium.Popup(html, max_width=POPUP_WIDTH)


def _tooltip(text: str) -> folium.Tooltip:
    return folium.Tooltip(html_text(text), sticky=True)


def _icon_marker(
    point: LatLon,
    html: str,
    size: tuple[int, int],
    anchor: tuple[int, int],
    classes: str,
    title: str,
    popup_html: str | None,
    z_offset: int = 0,
) -> folium.Marker:
    icon = folium.DivIcon(
        html=html, icon_size=size, icon_anchor=anchor, class_name=f"ms-icon ms-mark {classes}"
    )
    return folium.Marker(
        list(point),
        icon=icon,
        popup=_popup(popup_html) if popup_html else None,
        title=title,
        alt=title,
        z_index_offset=z_offset,
    )


# --- places -----------------------------------------------------------------------------------


def _city_svg(inferred: bool) -> str:
    if inferred:
        return (
            '<svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">'
            '<circle cx="6" cy="6" r="4.3" fill="#fff" stroke="#222" stroke-width="1.6" '
            'stroke-dasharray="2.2 1.6"/></svg>'
        )
    return (
        '<svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">'
        f'<circle cx="6" cy="6" r="4.6" fill="{style.CITY}" stroke="#fff" stroke-width="1.6"/>'
        "</svg>"
    )


def draw_places(
    story: Story, layout: StoryLayout, parent: folium.FeatureGroup, shaded_by_events: set[str]
) -> None:
    for place in story.places:
        point = layout.points.get(place.id)
        if point is None:
            continue
        popup = place_popup(story, place)
        inferred = place.certainty == "inferred"
        label = html_text(place.name)
        # A country, a continent or a region across countries, a bloc and a sea (no spot: the
        # name stands over it, as an atlas writes it, with no dot to claim a town in Tibet for
        # "Asia" or an islet for "the Pacific") are labelled, not pinned.
        continent = place.kind == "continent" or is_world_region(place)
        sea = place.kind == "sea"
        bloc = place.kind == "bloc"  # "the European Union", named over its members
        outlined = place.id in layout.shapes
        if outlined or continent or sea or bloc:
            if outlined and place.id not in shaded_by_events and place.country_code:
                _country_area(
                    place.country_code,
                    {
                        "color": style.NEUTRAL_AREA,
                        "weight": 1,
                        "fillColor": style.NEUTRAL_AREA,
                        "fillOpacity": 0.12,
                        "className": f"ms-mark {place_class(place.id)}",
                    },
                    popup,
                    place.name,
                    layout,
                ).add_to(parent)
            extra = (
                " ms-continent-label"
                if continent
                else " ms-sea-label"
                if sea
                else " ms-bloc-label"
                if bloc
                else ""
            )
            rank = _place_rank(story, place)
            html = f'<span class="ms-country-label{extra}" data-ms-rank="{rank}">{label}</span>'
            _icon_marker(
                point, html, (1, 1), (0, 0), place_class(place.id), place.name, popup, z_offset=-500
            ).add_to(parent)
            continue
        title = inferred_name(place.name, inferred)
        inferred_class = " ms-inferred" if inferred else ""
        html = (
            f'<div class="ms-city">{_city_svg(inferred)}'
            f'<span class="ms-label{inferred_class}" data-ms-rank="{_place_rank(story, place)}">'
            f"{label}</span></div>"
        )
        _icon_marker(
            point, html, (12, 12), (6, 6), place_class(place.id), title, popup, z_offset=-200
        ).add_to(parent)


def is_world_region(place: Place) -> bool:
    """A region across countries ("the Middle East", "Central Asia"), named over its land like
    a continent: a dot at its middle would claim a town in Iraq or Kazakhstan."""
    return (
        place.kind == "region"
        and not place.country_code
        and (place.gazetteer_id or "").startswith("region:")
    )


def _place_rank(story: Story, place: Place) -> int:
    """How much the story uses a place: where names would collide on the map, the place with
    more events and mentions keeps its label (see MapSetup's declutter)."""
    return 2 * len(story.events_at(place.id)) + len(place.mentions)


def _country_area(
    code: str, values: dict, popup_html: str, tooltip: str, layout: StoryLayout
) -> CountryArea:
    """A country shaded in the browser from the basemap it already has (see CountryArea)."""
    return CountryArea(code, values, popup_html, html_text(tooltip), POPUP_WIDTH, layout.west)


# --- areas ------------------------------------------------------------------------------------


def draw_area(
    story: Story, event: Event, layout: StoryLayout, parent: folium.FeatureGroup
) -> set[str]:
    """Shade each member country of an alliance, bloc, conflict or disaster; return the
    places shaded."""
    shaded: set[str] = set()
    popup = event_popup(story, event)
    for place_id, certainty in area_members(event):
        shape = layout.shapes.get(place_id)
        if shape is None:
            if isinstance(event, Conflict | Disaster):
                _struck_circle(story, event, layout, place_id, popup, parent)
            continue
        inferred = certainty == "inferred"
        classes = f"ms-mark {event_class(event.id)}"
        if isinstance(event, Conflict | Disaster):
            values = {**_struck_look(event), "className": f"{classes} {_struck_fill(event)}"}
        else:
            colour, edge = (
                (style.ALLIANCE, style.ALLIANCE_EDGE)
                if isinstance(event, Alliance)
                else (style.BLOC, style.BLOC_EDGE)
            )
            # A pact only sought or planned is drawn faint and dashed, like its lines.
            unmade = event.status != "happened"
            values = {
                "color": edge,
                "weight": 1.5 if not (inferred or unmade) else 2,
                "fillColor": colour,
                "fillOpacity": 0.38 if not (inferred or unmade) else 0.16,
                "className": classes,
            }
            if inferred:
                values["dashArray"] = style.INFERRED_DASH
            elif unmade:
                values["dashArray"] = style.dash_for(event.status)
        place = story.place(place_id)
        if not place.country_code:
            continue
        key = "mark.area_member_inferred" if inferred else "mark.area_member"
        title = event.title
        if event.status != "happened":
            title = text("mark.with_status", title=title, status=text(f"status.{event.status}"))
        _country_area(
            place.country_code, values, popup, text(key, title=title, place=place.name), layout
        ).add_to(parent)
        shaded.add(place_id)
    return shaded


# How far round a town or a region without an outline its conflict or disaster is drawn, in
# metres: enough to see at the zoom the step frames, not a claim about the front line or
# the quake's reach. A sea's conflict (attacks on shipping) spans far more water than a
# town's streets.
_STRUCK_RADIUS_M = {"city": 25_000, "region": 90_000, "sea": 150_000}
_STRUCK_RADIUS_DEFAULT_M = 8_000
# ...and at least this many pixels of radius at any zoom.
_STRUCK_MIN_PX = 8


def _struck_look(event: Conflict | Disaster) -> dict:
    """Conflict: red hatching in a dashed outline; disaster: yellow dots in a solid one, so
    the two differ in greyscale too."""
    if isinstance(event, Disaster):
        return {
            "color": style.DISASTER_EDGE,
            "weight": 2,
            "fillColor": style.DISASTER,
            "fillOpacity": 0.3,
        }
    return {
        "color": style.CONFLICT_EDGE,
        "weight": 2,
        "dashArray": style.CONFLICT_DASH,
        "fillColor": style.CONFLICT,
        "fillOpacity": 0.3,
    }


def _struck_fill(event: Conflict | Disaster) -> str:
    return "ms-dots-disaster" if isinstance(event, Disaster) else "ms-hatch-conflict"


def _struck_circle(
    story: Story,
    event: Conflict | Disaster,
    layout: StoryLayout,
    place_id: str,
    popup: str,
    parent: folium.FeatureGroup,
) -> None:
    """A conflict or disaster at a town or a region ("Fighting in Avdiivka", "Earthquake near
    Herat"), which has no country outline to shade: the same fill, on a circle round its
    point."""
    point = layout.points.get(place_id)
    if point is None:
        return
    place = story.place(place_id)
    look = _struck_look(event)
    circle = folium.Circle(
        list(point),
        radius=_STRUCK_RADIUS_M.get(place.kind, _STRUCK_RADIUS_DEFAULT_M),
        color=look["color"],
        weight=look["weight"],
        dash_array=look.get("dashArray"),
        fill=True,
        fill_color=look["fillColor"],
        fill_opacity=look["fillOpacity"],
        class_name=f"ms-mark {event_class(event.id)} {_struck_fill(event)}",
        popup=_popup(popup),
        tooltip=_tooltip(text("mark.area_member", title=event.title, place=place.name)),
    )
    circle.options["msMinPx"] = _STRUCK_MIN_PX  # see MapSetup: never a speck when zoomed out
    circle.add_to(parent)


# --- lines ------------------------------------------------------------------------------------


def _arrowhead(
    point: LatLon, angle: float, colour: str, classes: str, title: str, popup: str
) -> folium.Marker:
    svg = (
        '<svg width="22" height="18" viewBox="-20 -9 22 18" aria-hidden="true" '
        f'style="transform: rotate({angle:.1f}deg); transform-origin: 20px 9px;">'
        f'<path d="M0 0 L-15 -7 L-10.5 0 L-15 7 Z" fill="{colour}" stroke="#fff" '
        'stroke-width="1.2" stroke-linejoin="round"/></svg>'
    )
    return _icon_marker(
        point,
        f'<div class="ms-arrowhead">{svg}</div>',
        (22, 18),
        (20, 9),
        classes,
        title,
        popup,
        z_offset=100,
    )


def draw_visit(
    story: Story, event: Visit, layout: StoryLayout, colour: str, parent: folium.FeatureGroup
) -> None:
    path = layout.paths.get(event.id)
    actor = story.actor(event.actor).name
    origin = story.place(event.origin).name if event.origin else None
    target = story.place(event.site or event.destination).name
    route = text("mark.route", origin=origin, target=target) if origin else target
    tip = text("mark.visit", actor=actor, route=route)
    if event.date is not None:
        tip = text("mark.with_date", tip=tip, date=format_date(event.date))
    if event.status != "happened":
        tip += f" ({event.status})"
    popup = event_popup(story, event)
    classes = event_class(event.id)
    if path is None:
        point = endpoint(layout, event.site or event.destination)
        if point is None:
            return
        ring = (
            '<svg width="26" height="26" viewBox="0 0 26 26" aria-hidden="true">'
            f'<circle cx="13" cy="13" r="10" fill="none" stroke="{colour}" stroke-width="3" '
            f"{_dash_attr(event.status)}/></svg>"
        )
        _icon_marker(
            point,
            f'<div class="ms-symbol ms-pulse-target">{ring}</div>',
            (26, 26),
            (13, 13),
            classes,
            tip,
            popup,
        ).add_to(parent)
        return
    folium.PolyLine(
        path,
        color=colour,
        weight=3.5,
        opacity=0.95,
        dash_array=style.dash_for(event.status),
        class_name=f"ms-mark {classes}",
        popup=_popup(popup),
        tooltip=_tooltip(tip),
    ).add_to(parent)
    angle = screen_bearing(path[-2], path[-1])
    _arrowhead(path[-1], angle, colour, classes, tip, popup).add_to(parent)


def _dash_attr(status: str) -> str:
    dash = style.dash_for(status)
    return f'stroke-dasharray="{dash}"' if dash else ""


def draw_trade(
    story: Story,
    event: Trade,
    layout: StoryLayout,
    largest: dict[str, float],
    parent: folium.FeatureGroup,
) -> None:
    path = layout.paths.get(event.id)
    if path is None:
        return
    headline = headline_figure(event)
    size = figure_magnitude(headline)
    value, scale = (size[1], largest.get(size[0])) if size else (None, None)
    weight = style.trade_weight(value, scale)
    projected = bool(event.figures) and all(f.basis != "actual" for f in event.figures)
    a, b = (story.place(p).name for p in event.endpoints)
    goods = event.goods or text("mark.trade")
    key = "mark.trade_directed" if event.directed else "mark.trade_both"
    tip = text(key, goods=goods, a=a, b=b)
    if headline is not None:
        tip = text("mark.with_figure", tip=tip, figure=format_figure(headline))
    popup = event_popup(story, event)
    classes = event_class(event.id)
    folium.PolyLine(
        path,
        color=style.TRADE,
        weight=weight,
        opacity=0.55 if not event.directed else 0.85,
        line_cap="butt",
        dash_array=style.SCHEDULED_DASH if projected else None,
        class_name=f"ms-mark {classes}",
        popup=_popup(popup),
        tooltip=_tooltip(tip),
    ).add_to(parent)
    if event.directed:
        angle = screen_bearing(path[-2], path[-1])
        _arrowhead(path[-1], angle, style.TRADE, classes, tip, popup).add_to(parent)
    if headline is not None:
        short = _short_figure(headline)
        label = f'<span class="ms-flow-label" data-ms-rank="{weight}">{html_text(short)}</span>'
        _icon_marker(
            midpoint(path), label, (1, 1), (0, 0), classes, tip, popup, z_offset=50
        ).add_to(parent)


def _short_figure(figure) -> str:
    if figure.value is not None:
        amount = format_value(figure.value, figure.unit)
    elif figure.change_pct is not None:
        amount = f"{figure.change_pct:+g}%"
    else:
        return figure.period or period_told(figure)
    # Short on the map, where a longer label would cover the marks under it: a forecast or an
    # aim is told by the dashed line, and in full in its tooltip and popup; only an aim with
    # no year says so here ("$26bn (target)").
    return text("figure.with_period", figure=amount, period=figure.period or period_told(figure))


# --- point symbols ----------------------------------------------------------------------------

PORT_SVG = (
    '<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">'
    '<circle cx="12" cy="12" r="11" fill="{fill}" stroke="#fff" stroke-width="1.5" {dash}/>'
    '<g stroke="#fff" stroke-width="1.7" fill="none" stroke-linecap="round">'
    '<circle cx="12" cy="6.6" r="1.7"/><path d="M12 8.3v10.2M8.4 11h7.2"/>'
    '<path d="M6.4 13.6c.6 3 3 4.9 5.6 4.9s5-1.9 5.6-4.9"/></g></svg>'
)

INSTITUTION_SVG = (
    '<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">'
    '<rect x="1.5" y="1.5" width="21" height="21" rx="4" fill="{fill}" stroke="{stroke}" '
    'stroke-width="2" {dash}/>'
    '<g stroke="{ink}" stroke-width="1.6" fill="none" stroke-linejoin="round">'
    '<path d="M6 18.5h12M7.5 16.5v-6M12 16.5v-6M16.5 16.5v-6M5.5 9.5 12 5l6.5 4.5z"/></g></svg>'
)

STATEMENT_SVG = (
    '<svg width="22" height="20" viewBox="0 0 22 20" aria-hidden="true">'
    f'<path d="M2 2h18v11H10l-4.5 4.5V13H2z" fill="#fff" stroke="{style.STATEMENT}" '
    'stroke-width="1.6" stroke-linejoin="round"/>'
    f'<path d="M5.5 6h11M5.5 9.5h7.5" stroke="{style.STATEMENT}" stroke-width="1.4"/></svg>'
)


class SymbolSlots:
    """Hands out positions around a place for its symbols (port, office, statements), so they
    sit beside the place's dot and label instead of on top of them or of each other."""

    # Icon anchors for a 24×24 icon: above-right, above-left, left, below-left, further out.
    ANCHORS = ((-4, 32), (30, 32), (34, 12), (30, -8), (-30, 32), (56, 32))

    def __init__(self) -> None:
        self._used: dict[str, int] = defaultdict(int)

    def take(self, place_id: str) -> tuple[int, int]:
        index = self._used[place_id]
        self._used[place_id] += 1
        return self.ANCHORS[index % len(self.ANCHORS)]


def _symbol(
    story: Story,
    event: Event,
    point: LatLon,
    svg: str,
    size: tuple[int, int],
    anchor: tuple[int, int],
    title: str,
    parent: folium.FeatureGroup,
) -> None:
    _icon_marker(
        point,
        f'<div class="ms-symbol">{svg}</div>',
        size,
        anchor,
        event_class(event.id),
        title,
        event_popup(story, event),
    ).add_to(parent)


def draw_port(
    story: Story, event: Port, layout: StoryLayout, parent: folium.FeatureGroup, slots: SymbolSlots
) -> None:
    point = layout.points.get(event.port)
    if point is None:
        return
    dash = 'stroke-dasharray="3 2"' if event.status != "happened" else ""
    svg = PORT_SVG.format(fill=style.PORT, dash=dash)
    title = text("mark.port", title=event.title, port=story.place(event.port).name)
    _symbol(story, event, point, svg, (24, 24), slots.take(event.port), title, parent)


def draw_institution(
    story: Story,
    event: Institution,
    layout: StoryLayout,
    parent: folium.FeatureGroup,
    slots: SymbolSlots,
) -> None:
    where = event.site or event.place
    point = layout.points.get(where)
    if point is None:
        return
    if event.status == "happened":
        svg = INSTITUTION_SVG.format(fill=style.INSTITUTION, stroke="#fff", ink="#fff", dash="")
    else:
        svg = INSTITUTION_SVG.format(
            fill="#fff",
            stroke=style.INSTITUTION,
            ink=style.INSTITUTION,
            dash='stroke-dasharray="3.5 2.5"',
        )
    title = (
        text("mark.with_status", title=event.title, status=text(f"status.{event.status}"))
        if event.status != "happened"
        else event.title
    )
    _symbol(story, event, point, svg, (24, 24), slots.take(where), title, parent)


def draw_statement(
    story: Story,
    event: Statement,
    layout: StoryLayout,
    parent: folium.FeatureGroup,
    slots: SymbolSlots,
) -> None:
    if event.place is None or event.place not in layout.points:
        return
    point = layout.points[event.place]
    _symbol(
        story, event, point, STATEMENT_SVG, (22, 20), slots.take(event.place), event.title, parent
    )


def is_area(event: Event) -> bool:
    return isinstance(event, Alliance | Bloc | Conflict | Disaster)
