"""Where every mark of a story goes: points, paths and bounds, computed once per story.

Kept apart from drawing so that the Story page can frame a step (centre and zoom) without
building a map, and so that the geometry can be cached per story while the cheap folium tree is
rebuilt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mapstory.mapbuild.geometry import (
    Bounds,
    LatLon,
    curved_path,
    main_bounds,
    path_length_km,
    trim_end,
    union_all,
    widest_gap_middle,
)
from mapstory.model import (
    Alliance,
    Bloc,
    Conflict,
    Disaster,
    Event,
    Institution,
    Port,
    Story,
    Trade,
    Visit,
)

ShapeLookup = Callable[[str], dict | None]

# Decimal places kept of a drawn path's coordinates: 1e-5° is about a metre, far below a
# pixel at any zoom the map offers, and the full float repr would make a line's points
# three times as long in every map and export that draws them.
PATH_DECIMALS = 5

VISIT_BEND = 0.16
# How much more each further traveller on the same leg bends, so that companions' arrows
# ("King Charles and Queen Camilla flew from London to Sydney") lie side by side instead of
# one hiding the other.
COMPANION_BEND = 0.07
FLOW_BEND = 0.0
DIRECTED_FLOW_BEND = 0.22


@dataclass
class StoryLayout:
    points: dict[str, LatLon] = field(default_factory=dict)
    shapes: dict[str, dict] = field(default_factory=dict)
    place_bounds: dict[str, Bounds] = field(default_factory=dict)
    paths: dict[str, list[LatLon]] = field(default_factory=dict)
    event_bounds: dict[str, Bounds] = field(default_factory=dict)
    # Where the map's 360° of longitude begin when the story is drawn round the Pacific
    # (an arrow from Tokyo to Washington); None for the usual -180°..180° map.
    west: float | None = None

    def bounds_of(self, events: list[str], places: list[str]) -> Bounds | None:
        return union_all(
            [self.event_bounds.get(e) for e in events] + [self.place_bounds.get(p) for p in places]
        )

    @property
    def overall(self) -> Bounds | None:
        return union_all(list(self.event_bounds.values()) + list(self.place_bounds.values()))


def arrow_gap_km(path_km: float) -> float:
    """How far short of the target an arrow stops: visible at story zooms, never absurd."""
    return min(max(0.05 * path_km, 70.0), 220.0)


def layout_story(story: Story, shape_of: ShapeLookup) -> StoryLayout:
    layout = _lay_out(story, shape_of, None)
    if all(-180.0 <= lon <= 180.0 for path in layout.paths.values() for _, lon in path):
        return layout
    # An arrow crosses the antimeridian, so on the usual map it would run off one edge and
    # its place sit at the other: cut the world where the story has nothing instead.
    spans = [(b.west, b.east) for b in layout.place_bounds.values()]
    spans += [(lon, lon) for _, lon in layout.points.values()]
    spans += [(min(lon for _, lon in p), max(lon for _, lon in p)) for p in layout.paths.values()]
    west = widest_gap_middle(spans)
    return layout if west is None else _lay_out(story, shape_of, west)


def _lay_out(story: Story, shape_of: ShapeLookup, west: float | None) -> StoryLayout:
    layout = StoryLayout(west=west)
    for place in story.places:
        if not place.located:
            continue
        point = (float(place.lat), float(place.lon))  # type: ignore[arg-type]
        if west is not None and point[1] < west:
            point = (point[0], point[1] + 360.0)
        layout.points[place.id] = point
        shape = (
            shape_of(place.country_code) if place.kind == "country" and place.country_code else None
        )
        if shape is not None:
            layout.shapes[place.id] = shape
            bounds = main_bounds(shape) or Bounds(*point, *point)
            if west is not None and bounds.west < west:
                bounds = Bounds(bounds.south, bounds.west + 360, bounds.north, bounds.east + 360)
            layout.place_bounds[place.id] = bounds
        else:
            layout.place_bounds[place.id] = Bounds(point[0], point[1], point[0], point[1])
    legs: dict[tuple, int] = {}  # a leg's ends -> how many travellers drawn on it so far
    for event in story.events:
        bend = VISIT_BEND
        if isinstance(event, Visit):
            ends = (event.origin, event.site or event.destination)
            bend += COMPANION_BEND * legs.get(ends, 0)
            legs[ends] = legs.get(ends, 0) + 1
        path = _event_path(event, layout, bend)
        if path is not None:
            path = [(round(lat, PATH_DECIMALS), round(lon, PATH_DECIMALS)) for lat, lon in path]
            layout.paths[event.id] = path
        refs = [r for r in event.place_refs() if r in layout.place_bounds]
        bounds = union_all(
            [Bounds.around(path) if path else None]
            + [layout.place_bounds[r] for r in _framed_refs(event, refs)]
        )
        if bounds is not None:
            layout.event_bounds[event.id] = bounds
    return layout


def _framed_refs(event: Event, refs: list[str]) -> list[str]:
    """Places a step showing `event` must keep in frame (a visit's country is not needed
    in full when the visit has a site: Li Hui's trip to Russia frames Moscow, not Siberia)."""
    if isinstance(event, Visit):
        keep = [event.origin, event.site or event.destination]
        return [r for r in refs if r in keep]
    if isinstance(event, Port):
        return [r for r in refs if r == event.port] or refs
    if isinstance(event, Institution):
        return [r for r in refs if r == (event.site or event.place)] or refs
    return refs


def endpoint(layout: StoryLayout, place_id: str | None) -> LatLon | None:
    if place_id is None:
        return None
    return layout.points.get(place_id)


def _event_path(event: Event, layout: StoryLayout, bend: float = VISIT_BEND) -> list[LatLon] | None:
    if isinstance(event, Visit):
        a = endpoint(layout, event.origin)
        b = endpoint(layout, event.site or event.destination)
        if a is None or b is None or a == b:
            return None
        full = curved_path(a, b, bend)
        return trim_end(full, arrow_gap_km(path_length_km(full)))
    if isinstance(event, Trade):
        a_id, b_id = event.endpoints
        a, b = endpoint(layout, a_id), endpoint(layout, b_id)
        if a is None or b is None or a == b:
            return None
        if event.directed:
            full = curved_path(a, b, DIRECTED_FLOW_BEND)
            return trim_end(full, arrow_gap_km(path_length_km(full)))
        return curved_path(a, b, FLOW_BEND)
    return None


def area_members(event: Event) -> list[tuple[str, str]]:
    """(place id, certainty) of each member an area mark shades."""
    if isinstance(event, Alliance | Bloc):
        return [(m.place, m.certainty) for m in event.members]
    if isinstance(event, Conflict | Disaster):
        return [(p, "stated") for p in event.places]
    return []
