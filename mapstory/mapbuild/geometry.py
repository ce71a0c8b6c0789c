"""Geometry for drawing on a Web-Mercator map: curved arrows, their heads, and framing.

Leaflet draws straight lines in Mercator space, which hides both the direction of travel and
the difference between a visit there and a visit back. Arrows therefore follow the great
circle, bent a little to the right of the direction of travel (so A→B and B→A never overlap),
and stop short of the destination so the head stays visible beside the marker. Framing is done
here too, because streamlit-folium can only move the map by centre and zoom after it mounts.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

LatLon = tuple[float, float]
EARTH_RADIUS_KM = 6371.0088
TILE_SIZE = 256


def haversine_km(a: LatLon, b: LatLon) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def great_circle(a: LatLon, b: LatLon, n: int = 64) -> list[LatLon]:
    """n+1 points along the great circle from a to b, longitudes kept continuous."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    p1 = (math.cos(lat1) * math.cos(lon1), math.cos(lat1) * math.sin(lon1), math.sin(lat1))
    p2 = (math.cos(lat2) * math.cos(lon2), math.cos(lat2) * math.sin(lon2), math.sin(lat2))
    dot = max(-1.0, min(1.0, sum(x * y for x, y in zip(p1, p2, strict=True))))
    omega = math.acos(dot)
    if omega < 1e-9:
        return [a, b]
    points: list[LatLon] = []
    previous_lon: float | None = None
    for i in range(n + 1):
        t = i / n
        s1 = math.sin((1 - t) * omega) / math.sin(omega)
        s2 = math.sin(t * omega) / math.sin(omega)
        x, y, z = (s1 * u + s2 * v for u, v in zip(p1, p2, strict=True))
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        lon = math.degrees(math.atan2(y, x))
        if previous_lon is not None:
            while lon - previous_lon > 180:
                lon -= 360
            while lon - previous_lon < -180:
                lon += 360
        else:
            lon = a[1] + ((lon - a[1] + 180) % 360 - 180)
        previous_lon = lon
        points.append((lat, lon))
    return points


def to_mercator(point: LatLon) -> tuple[float, float]:
    """World coordinates in [0, 1) × [0, 1) at zoom 0 (y grows southwards, as on screen)."""
    lat = max(-85.05112878, min(85.05112878, point[0]))
    x = (point[1] + 180.0) / 360.0
    s = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return x, y


def from_mercator(x: float, y: float) -> LatLon:
    lon = x * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))
    return lat, lon


def curved_path(a: LatLon, b: LatLon, bend: float = 0.15, n: int = 48) -> list[LatLon]:
    """Great circle from a to b, pushed sideways by `bend` × its length at the middle.

    Positive bend pushes to the right of the direction of travel as seen on the map.
    """
    base = great_circle(a, b, n)
    projected = [to_mercator(p) for p in base]
    (x0, y0), (x1, y1) = projected[0], projected[-1]
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    if length == 0:
        return base
    # Screen y grows downwards, so (-dy, dx) is the right-hand normal of the direction.
    nx, ny = -dy / length, dx / length
    out: list[LatLon] = []
    for i, (x, y) in enumerate(projected):
        t = i / (len(projected) - 1)
        offset = bend * length * math.sin(math.pi * t)
        lat, lon = from_mercator(x + nx * offset, y + ny * offset)
        # Keep the longitude continuous with the unprojected great circle (antimeridian).
        lon += round((base[i][1] - lon) / 360.0) * 360.0
        out.append((lat, lon))
    return out


def trim_end(path: Sequence[LatLon], km: float) -> list[LatLon]:
    """Cut `km` off the end of the path so an arrowhead stops short of its target."""
    if len(path) < 2 or km <= 0:
        return list(path)
    remaining = km
    points = list(path)
    while len(points) >= 2:
        segment = haversine_km(points[-2], points[-1])
        if segment > remaining:
            keep = 1 - remaining / segment
            (lat0, lon0), (lat1, lon1) = points[-2], points[-1]
            points[-1] = (lat0 + (lat1 - lat0) * keep, lon0 + (lon1 - lon0) * keep)
            return points
        remaining -= segment
        points.pop()
    return points


def path_length_km(path: Sequence[LatLon]) -> float:
    return sum(haversine_km(p, q) for p, q in itertools.pairwise(path))


def screen_bearing(a: LatLon, b: LatLon) -> float:
    """Angle of a→b on the Mercator map, degrees clockwise from east (CSS rotate convention)."""
    (x0, y0), (x1, y1) = to_mercator(a), to_mercator(b)
    x1 += round(x0 - x1)  # shortest way round in world units
    return math.degrees(math.atan2(y1 - y0, x1 - x0))


def midpoint(path: Sequence[LatLon]) -> LatLon:
    return path[len(path) // 2]


@dataclass(frozen=True)
class Bounds:
    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: Iterable[LatLon]) -> Bounds | None:
        pts = list(points)
        if not pts:
            return None
        lats = [p[0] for p in pts]
        lons = [p[1] for p in pts]
        return cls(min(lats), min(lons), max(lats), max(lons))

    def union(self, other: Bounds | None) -> Bounds:
        if other is None:
            return self
        return Bounds(
            min(self.south, other.south),
            min(self.west, other.west),
            max(self.north, other.north),
            max(self.east, other.east),
        )

    def as_list(self) -> list[list[float]]:
        return [[self.south, self.west], [self.north, self.east]]


def union_all(bounds: Iterable[Bounds | None]) -> Bounds | None:
    result: Bounds | None = None
    for b in bounds:
        if b is None:
            continue
        result = b if result is None else result.union(b)
    return result


def view_for(
    bounds: Bounds,
    width_px: int,
    height_px: int,
    padding_px: int = 40,
    max_zoom: float = 5.5,
    min_zoom: float = 1.0,
    snap: float = 0.25,
) -> tuple[LatLon, float]:
    """Centre and zoom that fit `bounds` in a map of the given size (Leaflet's fitBounds)."""
    x0, y1 = to_mercator((bounds.south, bounds.west))
    x1, y0 = to_mercator((bounds.north, bounds.east))
    span_x = max(x1 - x0, 1e-9)
    span_y = max(y1 - y0, 1e-9)
    usable_w = max(width_px - 2 * padding_px, 50)
    usable_h = max(height_px - 2 * padding_px, 50)
    zoom = math.log2(min(usable_w / (span_x * TILE_SIZE), usable_h / (span_y * TILE_SIZE)))
    zoom = math.floor(zoom / snap) * snap
    zoom = max(min_zoom, min(max_zoom, zoom))
    center = from_mercator((x0 + x1) / 2, (y0 + y1) / 2)
    return (round(center[0], 4), round(center[1], 4)), zoom


def main_bounds(geometry: dict) -> Bounds | None:
    """Bounds of the largest polygon of a country, so Russia's Chukotka sliver east of the
    antimeridian or France's overseas departments do not stretch the frame around the world."""
    coords = geometry.get("coordinates", [])
    polygons = [coords] if geometry.get("type") == "Polygon" else coords
    best: tuple[float, Bounds] | None = None
    for polygon in polygons:
        if not polygon:
            continue
        b = Bounds.around((lat, lon) for lon, lat in polygon[0])
        if b is None:
            continue
        area = (b.north - b.south) * (b.east - b.west)
        if best is None or area > best[0]:
            best = (area, b)
    return best[1] if best else None


def widest_gap_middle(spans: Iterable[tuple[float, float]]) -> float | None:
    """The longitude in [-180, 180) at the middle of the widest stretch of the globe that no
    span covers, or None when the spans go all the way round.

    A story whose arrows cross the Pacific is cut there, so its map can be drawn with the
    Pacific in the middle and every arrow in one piece; the cut goes where the story has
    nothing. Spans are (west, east) in continuous longitudes, east ≥ west, any number of
    turns round the globe.
    """
    pieces: list[tuple[float, float]] = []
    for west, east in spans:
        if east - west >= 360.0:
            return None
        start = (west + 180.0) % 360.0 - 180.0
        end = start + (east - west)
        pieces.append((start, end))
        if end > 180.0:  # the part past the antimeridian, seen from the other side
            pieces.append((start - 360.0, end - 360.0))
    if not pieces:
        return None
    pieces.sort()
    best: tuple[float, float] | None = None  # (width, middle)
    reach = pieces[0][1]
    first_start = pieces[0][0]
    for start, end in pieces[1:]:
        if start > reach and (best is None or start - reach > best[0]):
            best = (start - reach, (start + reach) / 2)
        reach = max(reach, end)
    wrap = first_start + 360.0 - reach  # from the last covered point round to the first
    if wrap > 0 and (best is None or wrap > best[0]):
        best = (wrap, reach + wrap / 2)
    if best is None:
        return None
    return (best[1] + 180.0) % 360.0 - 180.0
