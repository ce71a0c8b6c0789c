"""Map building: render the folium HTML and the streamlit-folium payload, and assert on them."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from streamlit_folium import generate_leaflet_string

from mapstory.gazetteer import default_gazetteer
from mapstory.mapbuild import (
    MapOptions,
    build_map,
    layout_story,
    legend_html,
    local_asset_urls,
    step_bounds,
    step_css,
    step_layer,
)
from mapstory.mapbuild.geometry import haversine_km, view_for
from mapstory.mapbuild.style import MAP_CSS
from mapstory.model import Story
from mapstory.narrative import build_steps
from mapstory.storyfile import parse_story

OPTIONS = MapOptions(assets=local_asset_urls())


@pytest.fixture(scope="module")
def seed_layout(seed_story):
    return layout_story(seed_story, default_gazetteer().country_shape)


@pytest.fixture(scope="module")
def seed_html(seed_story, seed_layout) -> str:
    return build_map(seed_story, seed_layout, OPTIONS).get_root().render()


def test_no_asset_comes_from_the_internet(seed_story, seed_layout) -> None:
    m = build_map(seed_story, seed_layout, OPTIONS)
    links = [url for _, url in m.default_js + m.default_css]
    assert links and not any(re.match(r"https?:", url) for url in links)
    html = m.get_root().render()
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources and not any(s.startswith(("http:", "https:", "//")) for s in sources)
    assert "cdn" not in " ".join(sources)


def test_basemap_is_fetched_not_embedded(seed_html) -> None:
    assert "/app/static/basemap/countries.geojson" in seed_html
    assert len(seed_html) < 400_000  # the 1 MB world basemap is not inside the map


def test_visits_are_curved_arrows_that_stop_short(seed_story, seed_layout) -> None:
    path = seed_layout.paths["visit-mishustin-beijing"]
    beijing = (seed_story.place("beijing").lat, seed_story.place("beijing").lon)
    assert len(path) > 20
    assert 60 < haversine_km(path[-1], beijing) < 250
    # Curved: the middle point is well off the straight chord.
    moscow = (seed_story.place("moscow").lat, seed_story.place("moscow").lon)
    assert haversine_km(path[len(path) // 2], moscow) > 1000


def test_each_traveller_has_a_colour_and_scheduled_visits_are_dashed(seed_html) -> None:
    visit_lines = re.findall(
        r'L\.polyline\(\s*\[\[.*?\]\],\s*(\{[^}]*"className": "ms-mark ms-ev-visit-[^"]*"[^}]*\})',
        seed_html,
        re.S,
    )
    options = [json.loads(o) for o in visit_lines]
    assert len(options) == 4
    by_class = {o["className"]: o for o in options}
    colours = {o["color"] for o in options}
    assert len(colours) == 3  # Mishustin, Xi, Li Hui (twice)
    assert by_class["ms-mark ms-ev-visit-lihui-russia"]["dashArray"]
    assert by_class["ms-mark ms-ev-visit-lihui-ukraine"]["dashArray"] is None
    assert (
        by_class["ms-mark ms-ev-visit-lihui-russia"]["color"]
        == by_class["ms-mark ms-ev-visit-lihui-ukraine"]["color"]
    )


def test_countries_are_shaded_areas_with_their_roles(seed_html) -> None:
    assert "ms-hatch-conflict" in seed_html
    assert 'id="ms-hatch-conflict"' in seed_html
    for event in ("alliance-no-limits", "bloc-g7", "conflict-ukraine"):
        assert f"ms-ev-{event}" in seed_html
    # Countries are labelled, not pinned: no default Leaflet marker icons anywhere.
    assert "L.Icon.Default" not in seed_html or "setIcon" in seed_html


def test_trade_width_encodes_value(seed_html) -> None:
    lines = re.findall(r'(\{[^}]*"className": "ms-mark ms-ev-trade-[^"]*"[^}]*\})', seed_html)
    weights = {json.loads(o)["className"]: json.loads(o)["weight"] for o in lines}
    assert weights["ms-mark ms-ev-trade-russia-china"] > 10
    assert weights["ms-mark ms-ev-trade-energy"] < weights["ms-mark ms-ev-trade-russia-china"]
    assert "$190bn (2022)" in seed_html


def test_popups_carry_the_excerpts(seed_html) -> None:
    assert "added Russia’s Vladivostok to its list of transit ports" in seed_html
    assert "ceded from the Qing dynasty" in seed_html
    # Article dollars are escaped inside the JS template literal.
    assert "&#36;200bn" in seed_html
    assert "`$200bn" not in seed_html


def test_legend_lists_only_kinds_present(seed_story) -> None:
    html = legend_html(seed_story, {"mishustin": "#000"})
    for label in ("Port", "Bloc", "Conflict area", "Trade flow", "Statement", "Inferred member"):
        assert label in html
    tiny = parse_story("""
id: tiny
title: Tiny
article: {title: T, date: 2023-05-24, text: "Ann flew from Paris to Rome."}
places:
  - {id: paris, name: Paris, kind: city, lat: 48.85, lon: 2.35}
  - {id: rome, name: Rome, kind: city, lat: 41.9, lon: 12.5}
actors: [{id: ann, name: Ann}]
events:
  - {id: trip, kind: visit, title: Trip, actor: ann, origin: paris, destination: rome,
     spans: [Ann flew from Paris to Rome.]}
""")
    html = legend_html(tiny, {"ann": "#000"})
    assert "Ann’s travel" in html
    for label in ("Port", "Bloc", "Conflict", "Trade", "Statement", "Scheduled", "Inferred"):
        assert label not in html
    pact = parse_story("""
id: pact
title: Pact
article: {title: T, date: 2023-09-21, text: "Saudi Arabia demanded a pact with the US."}
places:
  - {id: sa, name: Saudi Arabia, kind: country, country_code: SA, lat: 24, lon: 45}
  - {id: us, name: United States, kind: country, country_code: US, lat: 39, lon: -98}
events:
  - {id: p, kind: alliance, title: Pact, name: pact, status: proposed,
     members: [{place: sa}, {place: us}], spans: [Saudi Arabia demanded a pact with the US.]}
""")
    html = legend_html(pact, {})
    assert "Alliance sought or proposed" in html and "Alliance or partnership" not in html
    for status, shown, hidden in (
        ("scheduled", "Scheduled", "Proposed"),
        ("proposed", "Proposed", "Scheduled"),
    ):
        trip = tiny.events[0].model_copy(update={"status": status})
        html = legend_html(tiny.model_copy(update={"events": [trip]}), {"ann": "#000"})
        assert shown in html and hidden not in html, status


def test_step_layer_is_small_and_highlights_the_step(seed_story, seed_layout) -> None:
    steps = build_steps(seed_story)
    assert step_css(steps[0]) == ""
    css = step_css(steps[6])
    assert ".ms-ev-port-vladivostok" in css and ".ms-pl-vladivostok" in css
    m = build_map(seed_story, seed_layout, OPTIONS)
    layer = step_layer(steps[6], seed_layout)
    layer.add_to(m)
    js = generate_leaflet_string(layer, base_id="feature_group_0")
    assert len(js.encode()) < 2_000
    assert "fitBounds" in js and "131.87" in js  # framed on Vladivostok, in the browser


def test_labels_carry_what_the_browser_needs_to_keep_them_apart(
    seed_story, seed_layout, seed_html
) -> None:
    # The browser places labels (MapSetup's declutter): the more a place is used, the
    # higher its rank; the highlighted marks are told apart by --ms-dim, which, unlike
    # opacity, is not mid-transition when the labels are measured.
    html = seed_html.replace("\\u003c", "<").replace("\\u003e", ">").replace('\\"', '"')
    ranks = {
        name: int(rank)
        for rank, name in re.findall(
            r'class="ms-(?:country-)?label[^"]*" data-ms-rank="(\d+)">([^<]+)<', html
        )
    }
    assert ranks["Beijing"] > ranks["Vladivostok"] > ranks["Tokyo"] > 0
    assert ranks["Russia"] > ranks["Japan"]
    figures = re.findall(r'class="ms-flow-label" data-ms-rank="([\d.]+)">([^<]+)<', html)
    assert len(figures) == 2
    assert float(figures[0][0]) > float(figures[1][0])  # the wider flow's figure first
    assert "__msDeclutter" in seed_html and ".ms-crowded" in MAP_CSS
    steps = build_steps(seed_story)
    css = step_css(steps[1])
    assert ".ms-mark { opacity: .22; --ms-dim: 1; }" in css
    assert "--ms-dim: 0 !important" in css
    layer = step_layer(steps[1], seed_layout)
    build_map(seed_story, seed_layout, OPTIONS).add_child(layer)
    assert "__msDeclutter()" in generate_leaflet_string(layer, base_id="feature_group_0")


def test_step_views_frame_their_marks(seed_story, seed_layout) -> None:
    steps = build_steps(seed_story)
    _, overview_zoom = view_for(step_bounds(steps[0], seed_layout), 720, 540)
    (lat, lon), zoom = view_for(step_bounds(steps[6], seed_layout), 720, 540)  # Vladivostok
    assert zoom > overview_zoom
    assert haversine_km((lat, lon), (43.1, 131.9)) < 800
    bounds = step_bounds(steps[1], seed_layout)  # Mishustin: Moscow → Beijing
    assert bounds.west < 37.7 and bounds.east > 116.3


def test_map_script_is_deterministic(seed_story, seed_layout) -> None:
    def script() -> str:
        return generate_leaflet_string(build_map(seed_story, seed_layout, OPTIONS))

    assert script() == script()


HOSTILE = "<img src=x onerror=alert(1)>${alert(2)}`\\</script><script>alert(3)</script>"


def test_hostile_text_never_reaches_the_map_unescaped() -> None:
    story = parse_story(
        json.dumps(
            {
                "id": "hostile",
                "title": HOSTILE,
                "article": {
                    "title": HOSTILE,
                    "date": "2023-05-24",
                    "text": f"{HOSTILE} flew from Paris to Rome. {HOSTILE}",
                },
                "places": [
                    {"id": "paris", "name": HOSTILE, "kind": "city", "lat": 48.85, "lon": 2.35},
                    {"id": "rome", "name": "Rome", "kind": "city", "lat": 41.9, "lon": 12.5},
                ],
                "actors": [{"id": "ann", "name": HOSTILE}],
                "events": [
                    {
                        "id": "trip",
                        "kind": "visit",
                        "title": HOSTILE,
                        "actor": "ann",
                        "origin": "paris",
                        "destination": "rome",
                        "spans": [{"quote": HOSTILE, "occurrence": 1}],
                    }
                ],
            }
        )
    )
    layout = layout_story(story, lambda code: None)
    html = build_map(story, layout, OPTIONS).get_root().render()
    # Text that is parsed as markup: JS template literals (popups, tooltips) and DivIcon html.
    literals = re.findall(r"\$\(`(.*?)`\)\[0\]", html, re.S) + re.findall(
        r"bindTooltip\(\s*`(.*?)`,", html, re.S
    )
    icons = _icon_html(html)
    assert literals and icons
    for markup in literals + icons:
        assert "<img" not in markup
        assert "<script" not in markup
        assert "${" not in markup
    # Strings only ever set as text (marker titles) stay in JSON, where they are inert.
    assert "<img src=x" not in html.replace("\\u003c", "")
    assert "<script>alert" not in html


JINJA = "{{ 7*7 }} {% if true %}evaluated{% endif %} {# unclosed"


def test_template_tags_in_a_story_are_text_not_templates() -> None:
    """folium renders every mark twice, the second time as a jinja2 template: a stranger's
    "{{ … }}" must not be evaluated on the server, nor a lone "{#" break the map."""
    import datetime as dt

    from mapstory.export.html import story_to_html
    from mapstory.geoparse.draft import draft_story
    from mapstory.mapbuild import marks_script

    story = draft_story(
        f"Putin flew from Moscow to Beijing on Tuesday. {JINJA} Trade between Russia and China "
        f"reached $190bn in 2022, officials {JINJA} said.",
        title=f"Headline {JINJA}",
        date=dt.date(2023, 5, 24),
    )
    assert any(e.kind == "visit" for e in story.events)
    layout = layout_story(story, default_gazetteer().country_shape)
    for rendered in (
        build_map(story, layout, OPTIONS).get_root().render(),
        marks_script(story, layout),
        story_to_html(story, layout),
    ):
        assert "{{ 7*7 }}" in rendered and "{# unclosed" in rendered
        assert "evaluated{% endif %}" in rendered and " 49 " not in rendered


def test_flow_widths_compare_like_with_like() -> None:
    import datetime as dt

    from mapstory.geoparse.draft import draft_story

    story = draft_story(
        "Trade between India and France reached $190bn in 2024. Exports from Chile to Peru "
        "were worth $500m in 2024. Kazakhstan's wheat exports to Iran reached 3 million tonnes "
        "in 2024.",
        date=dt.date(2025, 1, 10),
    )
    html = build_map(story, layout_story(story, default_gazetteer().country_shape), OPTIONS)
    rendered = html.get_root().render()
    lines = re.findall(r'(\{[^}]*"className": "ms-mark ms-ev-trade-[^"]*"[^}]*\})', rendered)
    weights = {
        json.loads(o)["className"].split("ms-ev-")[1]: json.loads(o)["weight"] for o in lines
    }
    assert set(weights) == {"trade-france-india", "trade-chile-peru", "trade-kazakhstan-iran"}
    # $500m is thinner than $190bn although 500 > 190; tonnes are not drawn to a dollar scale.
    assert weights["trade-france-india"] == 18.0
    assert weights["trade-chile-peru"] < 5
    assert weights["trade-kazakhstan-iran"] == 3.0


def test_a_conflict_at_a_town_or_region_is_a_hatched_circle_round_it() -> None:
    import datetime as dt

    from mapstory.geoparse.draft import draft_story

    story = draft_story(
        "Moscow annexed Crimea in 2014. Fighting also continued around Avdiivka. Russia "
        "invaded Ukraine in February 2022.",
        date=dt.date(2023, 6, 5),
    )
    layout = layout_story(story, default_gazetteer().country_shape)
    rendered = build_map(story, layout, OPTIONS).get_root().render()
    circles = re.findall(r"L\.circle\(\s*\[[^\]]*\],\s*(\{.*?\})\s*\)", rendered, re.S)
    hatched = [json.loads(c) for c in circles if "ms-hatch-conflict" in c]
    radii = sorted(c["radius"] for c in hatched)
    assert radii == [25_000, 90_000]  # Avdiivka, a town; Crimea, a region
    assert all(c["dashArray"] == "6 4" for c in hatched)
    # Never a speck: zoomed out to a continent, each keeps 8 px of radius (see MapSetup).
    assert all(c["msMinPx"] == 8 for c in hatched)
    assert "L.Circle.prototype._project" in rendered
    # A country keeps its shaded outline, not a circle.
    assert "ms-ev-conflict-ukraine" in rendered
    assert not any("ms-ev-conflict-ukraine" in c for c in circles)


def test_a_story_across_the_pacific_is_drawn_round_the_pacific(pacific_story) -> None:
    """On the usual -180°..180° map an arrow from Tokyo to Washington would run off the
    right-hand edge while Washington sits at the left: the story's world is cut in the
    Atlantic instead, where it has nothing, and every mark is drawn in that world."""
    story = pacific_story
    layout = layout_story(story, default_gazetteer().country_shape)
    assert layout.west is not None and -60 < layout.west < 70
    washington, tokyo = layout.points["washington"], layout.points["tokyo"]
    assert washington[1] == pytest.approx(-77.04 + 360, abs=0.1)
    assert tokyo[1] == pytest.approx(139.69, abs=0.1)
    path = layout.paths["trip"]
    assert path[0] == pytest.approx(tokyo, abs=1e-4)
    assert 60 < haversine_km(path[-1], washington) < 250  # the head beside Washington
    us = layout.place_bounds["united-states"]
    assert 180 < us.west < us.east < 300
    assert layout.overall.east - layout.overall.west < 230  # China to the US, not round the world
    rendered = build_map(story, layout, OPTIONS).get_root().render()
    # The land and the shaded countries west of the cut are moved 360° on, and Leaflet
    # must not jump a panned view back to -180°..180°, where this story has nothing.
    assert rendered.count("window.__msWrapped(") >= 3
    assert '"worldCopyJump": false' in rendered


def test_a_story_on_one_side_of_the_world_keeps_the_usual_map(seed_story, seed_layout) -> None:
    assert seed_layout.west is None
    assert all(-180 <= lon <= 180 for lat, lon in seed_layout.points.values())
    rendered = build_map(seed_story, seed_layout, OPTIONS).get_root().render()
    assert "window.__msWrapped(" not in rendered
    assert '"worldCopyJump": true' in rendered


def _icon_html(rendered: str) -> list[str]:
    """The HTML of every DivIcon (labels, symbols) in a rendered map."""
    return [json.loads(f'"{v}"') for v in re.findall(r'"html": "((?:[^"\\]|\\.)*)"', rendered)]


def _drafted_map(text: str, day: dt.date) -> tuple[Story, str, list[str]]:
    """A story drafted from *text*, its rendered map, and the HTML of the map's labels."""
    from mapstory.geoparse.draft import draft_story

    story = draft_story(text, date=day)
    layout = layout_story(story, default_gazetteer().country_shape)
    rendered = build_map(story, layout, OPTIONS).get_root().render()
    return story, rendered, _icon_html(rendered)


def test_a_continent_is_named_over_it_not_pinned_to_a_spot() -> None:
    story, _, icons = _drafted_map(
        "Pope Francis began a tour of Asia on Tuesday. Indonesia welcomed him.", dt.date(2024, 9, 3)
    )
    assert next(p for p in story.places if p.name == "Asia").kind == "continent"
    (label,) = [i for i in icons if ">Asia<" in i]
    assert "ms-continent-label" in label and "<svg" not in label  # a name, no dot
    assert "City" not in legend_html(story, {})  # nothing on the map is a city


def test_a_region_across_countries_is_named_over_it_like_a_continent() -> None:
    story, _, icons = _drafted_map(
        "Blinken heads to the Middle East on his ninth trip. Darfur's camps are full.",
        dt.date(2024, 8, 16),
    )
    (label,) = [i for i in icons if ">Middle East<" in i]
    assert "ms-continent-label" in label and "<svg" not in label
    (darfur,) = [i for i in icons if ">Darfur<" in i]
    assert "<svg" in darfur  # a region of one country keeps its dot
    assert "City" in legend_html(story, {})


def test_a_sea_is_named_in_italics_over_the_water_not_pinned() -> None:
    story, rendered, icons = _drafted_map(
        "Houthi rebels attacked a cargo ship in the Red Sea on Tuesday, Yemen's rebels said.",
        dt.date(2024, 1, 16),
    )
    assert next(p for p in story.places if p.name == "Red Sea").kind == "sea"
    (label,) = [i for i in icons if ">Red Sea<" in i]
    assert "ms-sea-label" in label and "<svg" not in label
    assert "City" not in legend_html(story, {})
    # The attacks there are hatched over a stretch of sea, not a town's few streets.
    assert [e.title for e in story.events] == ["Attacks on shipping in the Red Sea"]
    assert '"radius": 150000' in rendered


def test_a_bloc_a_flow_reaches_is_named_amid_its_members_not_pinned() -> None:
    story, _, icons = _drafted_map(
        "India's exports to the European Union rose to 65 billion euros in 2021.",
        dt.date(2022, 6, 17),
    )
    bloc = next(p for p in story.places if p.kind == "bloc")
    assert bloc.name == "European Union"
    (label,) = [i for i in icons if ">European Union<" in i]
    assert "ms-bloc-label" in label and "<svg" not in label
    legend = legend_html(story, {})
    assert "City" not in legend and "Trade" in legend


def test_a_disaster_is_dotted_yellow_in_a_solid_outline_with_its_legend_row() -> None:
    from mapstory.explore import context_for, event_layer
    from mapstory.geoparse.draft import draft_story
    from mapstory.mapbuild.builder import legend_rows

    story = draft_story(
        "A magnitude 6.3 quake struck northwest of the city of Herat on Saturday. Russia "
        "invaded Ukraine in February 2022.",
        date=dt.date(2023, 10, 8),
    )
    (quake,) = [e for e in story.events if e.kind == "disaster"]
    layout = layout_story(story, default_gazetteer().country_shape)
    rendered = build_map(story, layout, OPTIONS).get_root().render()
    circles = re.findall(r"L\.circle\(\s*\[[^\]]*\],\s*(\{.*?\})\s*\)", rendered, re.S)
    (dotted,) = [json.loads(c) for c in circles if "ms-dots-disaster" in c]
    # A town's circle, solid where a conflict's is dashed: the two differ in greyscale.
    assert dotted["radius"] == 25_000 and dotted.get("dashArray") is None
    assert 'id="ms-dots-disaster"' in rendered and f"ms-ev-{quake.id}" in rendered
    rows = " ".join(legend_rows(story, story.events))
    assert "Disaster area" in rows and "Conflict area" in rows
    assert event_layer(quake) == "disasters"
    assert "disasters" in context_for(story, []).layers


def test_companions_on_one_leg_get_arrows_side_by_side_not_one_over_the_other() -> None:
    def trip(who: str) -> dict:
        return {
            "id": f"trip-{who}",
            "kind": "visit",
            "title": f"{who} visits Sydney",
            "actor": who,
            "origin": "london",
            "destination": "sydney",
            "spans": [{"quote": "flew", "occurrence": 1}],
        }

    story = parse_story(
        json.dumps(
            {
                "id": "royal",
                "title": "Royal tour",
                "article": {
                    "title": "Royal tour",
                    "date": "2024-10-18",
                    "text": "The royal couple flew from London to Sydney.",
                },
                "places": [
                    {"id": "london", "name": "London", "kind": "city", "lat": 51.5, "lon": -0.1},
                    {"id": "sydney", "name": "Sydney", "kind": "city", "lat": -33.9, "lon": 151.2},
                ],
                "actors": [
                    {"id": "charles", "name": "Charles"},
                    {"id": "camilla", "name": "Camilla"},
                ],
                "events": [trip("charles"), trip("camilla")],
            }
        )
    )
    paths = layout_story(story, lambda code: None).paths
    first, second = paths["trip-charles"], paths["trip-camilla"]
    assert first[0] == second[0]  # both leave London
    middle = len(first) // 2
    assert haversine_km(first[middle], second[middle]) > 300  # apart along the way


def test_countries_invited_to_join_a_bloc_are_a_faint_dashed_proposal_of_their_own() -> None:
    from mapstory.geoparse.draft import draft_story
    from mapstory.mapbuild.builder import legend_rows
    from mapstory.narrative import describe_event

    story = draft_story(
        "JOHANNESBURG, Aug 24 (Reuters) - The BRICS group of emerging economies on Thursday "
        "invited Saudi Arabia, Iran, Ethiopia, Egypt, Argentina and the United Arab Emirates to "
        "join the bloc, doubling its membership. China and India are members.",
        date=dt.date(2023, 8, 24),
    )
    blocs = {e.id: e for e in story.events if e.kind == "bloc"}
    invited = blocs["bloc-brics-invited"]
    assert invited.status == "proposed" and invited.title == "Invited to join Brics"
    assert [story.place(m.place).name for m in invited.members] == [
        "Saudi Arabia", "Iran", "Ethiopia", "Egypt", "Argentina", "United Arab Emirates",
    ]  # fmt: skip
    assert all(m.certainty == "stated" for m in invited.members)
    # The members it has stay a bloc of their own: no invitee among them.
    assert {story.place(m.place).name for m in blocs["bloc-brics"].members} == {"China", "India"}
    assert "invited or applying to join Brics" in describe_event(story, invited)
    rows = " ".join(legend_rows(story, story.events))
    assert "Invited or applying to join a bloc" in rows and "Bloc" in rows
    layout = layout_story(story, default_gazetteer().country_shape)
    rendered = build_map(story, layout, OPTIONS).get_root().render()
    assert f"ms-ev-{invited.id}" in rendered
