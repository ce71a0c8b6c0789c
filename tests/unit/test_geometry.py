import itertools

import pytest

from mapstory.mapbuild.geometry import (
    Bounds,
    curved_path,
    great_circle,
    haversine_km,
    main_bounds,
    screen_bearing,
    to_mercator,
    trim_end,
    view_for,
    widest_gap_middle,
)

MOSCOW = (55.75, 37.62)
BEIJING = (39.91, 116.40)


def test_great_circle_runs_between_the_endpoints_and_bows_north() -> None:
    path = great_circle(MOSCOW, BEIJING, 32)
    assert path[0] == pytest.approx(MOSCOW, abs=1e-6)
    assert path[-1] == pytest.approx(BEIJING, abs=1e-6)
    # On a Mercator map the great circle from Moscow to Beijing bows towards the pole.
    assert max(lat for lat, _ in path) > MOSCOW[0]


def test_curves_bend_right_of_travel_so_return_trips_do_not_overlap() -> None:
    there = curved_path(MOSCOW, BEIJING, 0.2)
    back = curved_path(BEIJING, MOSCOW, 0.2)
    mid_there, mid_back = there[len(there) // 2], back[len(back) // 2]
    assert haversine_km(mid_there, mid_back) > 500
    # Heading east, "right" is south on the map.
    plain = great_circle(MOSCOW, BEIJING, 48)
    assert mid_there[0] < plain[len(plain) // 2][0]


def test_curve_across_the_antimeridian_keeps_longitudes_continuous() -> None:
    path = curved_path((43.1, 131.9), (61.2, -149.9), 0.1)  # Vladivostok → Anchorage
    steps = [abs(b[1] - a[1]) for a, b in itertools.pairwise(path)]
    assert max(steps) < 20


def test_trim_end_stops_short_by_the_distance_asked() -> None:
    path = great_circle(MOSCOW, BEIJING, 64)
    trimmed = trim_end(path, 150)
    assert haversine_km(trimmed[-1], BEIJING) == pytest.approx(150, rel=0.02)


def test_screen_bearing_follows_css_rotation() -> None:
    assert screen_bearing((0, 0), (0, 10)) == pytest.approx(0)  # east
    assert screen_bearing((0, 0), (10, 0)) == pytest.approx(-90)  # north is up
    assert screen_bearing((0, 170), (0, -170)) == pytest.approx(0)  # east across 180°


def test_view_fits_bounds_like_leaflet() -> None:
    bounds = Bounds(39.9, 37.6, 55.8, 116.4)
    (lat, lon), zoom = view_for(bounds, 720, 540, padding_px=40)
    x0, y1 = to_mercator((bounds.south, bounds.west))
    x1, y0 = to_mercator((bounds.north, bounds.east))
    assert (x1 - x0) * 256 * 2**zoom <= 640
    assert (y1 - y0) * 256 * 2**zoom <= 460
    assert (x1 - x0) * 256 * 2 ** (zoom + 0.25) > 640 or (y1 - y0) * 256 * 2 ** (zoom + 0.25) > 460
    assert 37.6 < lon < 116.4 and 39.9 < lat < 55.8


def test_main_bounds_ignore_far_flung_parts() -> None:
    geometry = {
        "type": "MultiPolygon",
        "coordinates": [
            [[[20, 40], [180, 40], [180, 75], [20, 75], [20, 40]]],
            [[[-180, 64], [-170, 64], [-170, 67], [-180, 67], [-180, 64]]],
        ],
    }
    b = main_bounds(geometry)
    assert (b.west, b.east) == (20, 180)


def test_the_world_is_cut_in_the_widest_stretch_the_story_leaves_empty() -> None:
    # Japan and China, the US, and an arrow from Tokyo to Washington across the Pacific
    # (continuous longitudes, 139.7° to 283°): the story leaves the Atlantic empty.
    spans = [(129.0, 146.0), (73.0, 135.0), (-125.0, -66.0), (139.7, 283.0)]
    assert widest_gap_middle(spans) == pytest.approx(3.5)
    # Nothing crosses 180°: the middle of the Pacific gap, just as the usual map.
    assert widest_gap_middle([(10, 20)]) == pytest.approx(-165)
    assert widest_gap_middle([(170, 190)]) == pytest.approx(0)
    # Round the world: nowhere to cut.
    assert widest_gap_middle([(0, 400)]) is None
    assert widest_gap_middle([(-180, -100), (-100, 180)]) is None
    assert widest_gap_middle([]) is None
