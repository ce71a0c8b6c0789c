"""Map pieces the Explore page adds: click tags, the update layer, a legend of what is shown."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from streamlit_folium import _get_feature_group_string, generate_leaflet_string

from mapstory.gazetteer import default_gazetteer
from mapstory.mapbuild import (
    BlocLayer,
    MapOptions,
    build_map,
    explore_css,
    explore_layer,
    layout_story,
    legend_rows,
    local_asset_urls,
    selection_bounds,
)

OPTIONS = MapOptions(assets=local_asset_urls())


@pytest.fixture(scope="module")
def layout(seed_story):
    return layout_story(seed_story, default_gazetteer().country_shape)


def test_click_tags_only_where_asked_and_the_map_stays_deterministic(seed_story, layout):
    story_map = generate_leaflet_string(build_map(seed_story, layout, OPTIONS))
    assert "<span hidden>[[" not in story_map and "ms-legend" in story_map
    explore_options = replace(OPTIONS, legend=False, click_ids=True)
    first = generate_leaflet_string(build_map(seed_story, layout, explore_options))
    second = generate_leaflet_string(build_map(seed_story, layout, explore_options))
    assert first == second
    assert "<span hidden>[[" in first and '"ms-legend"' not in first


def test_explore_css_hides_filtered_marks_and_dims_around_a_selection() -> None:
    css = explore_css(["port-vladivostok"], ["kyiv"], [], [])
    assert css == ".ms-ev-port-vladivostok, .ms-pl-kyiv { display: none !important; }\n"
    assert explore_css([], [], [], []) == ""
    css = explore_css([], [], ["bloc-g7"], ["japan"])
    assert ".ms-mark { opacity: .3; --ms-dim: 1; }" in css
    assert ".ms-ev-bloc-g7, .ms-pl-japan { opacity: 1 !important; --ms-dim: 0 !important; }" in css


def test_selection_frames_a_place_or_an_event(layout) -> None:
    japan = selection_bounds(layout, "japan", None)
    assert 30 < japan.south < japan.north < 46 and 128 < japan.west < japan.east < 147
    visit = selection_bounds(layout, None, "visit-xi-moscow")
    assert visit.west < 37.7 and visit.east > 110
    assert selection_bounds(layout, None, None) is None


def test_update_layer_carries_codes_not_shapes_and_escapes_tooltips(seed_story) -> None:
    bloc = BlocLayer("x", "X members", {"FR": "France &lt;b&gt;", "JP": "Japan"})
    group = explore_layer(".a { }", "tok", None, [bloc, BlocLayer("y", "Y", {"JP": "J2"})])
    m = build_map(seed_story, layout_story(seed_story, lambda code: None), OPTIONS)
    script = _get_feature_group_string(group, m)
    assert "coordinates" not in script  # no geometry over the websocket
    countries = json.loads(re.search(r"var countries = (\{.*?\});\n", script).group(1))
    assert countries["FR"]["tooltip"] == "France &lt;b&gt;"
    assert len(countries["JP"]["styles"]) == 2 and countries["JP"]["tooltip"] == "Japan<br>J2"
    assert "var bounds = null;" in script  # no selection: the map is not moved
    assert len(script.encode()) < 3_000


def test_legend_lists_only_what_is_shown(seed_story) -> None:
    everything = " ".join(legend_rows(seed_story))
    assert "Port" in everything and "Xi Jinping" in everything
    visits = [e for e in seed_story.events if e.kind == "visit" and e.actor == "li-hui"]
    rows = " ".join(legend_rows(seed_story, visits, []))
    assert "Li Hui’s travel" in rows and "Scheduled" in rows
    assert "Xi Jinping" not in rows and "Port" not in rows and "City" not in rows


def test_rendered_text_is_not_read_again_as_a_template(seed_story, layout) -> None:
    import branca.element

    from mapstory.mapbuild import rendercache

    assert branca.element.Template is rendercache.element_template
    ours = build_map(seed_story, layout, OPTIONS).get_root().render()
    # branca's own behaviour (every rendered text compiled and rendered again) gives the same
    # bytes for a story without template tags in it.
    branca.element.Template = rendercache._ORIGINAL
    try:
        theirs = build_map(seed_story, layout, OPTIONS).get_root().render()
    finally:
        rendercache.install()
    assert ours == theirs
    # Text is text: tags in it are neither evaluated nor parsed (a lone "{#" used to raise).
    assert branca.element.Element("{{ 6 * 7 }} {# x").render() == "{{ 6 * 7 }} {# x"
    assert branca.element.Element("a\r\nb\n").render() == "a\nb"
    # A Div still lays out its children through its one run-time template.
    figure = branca.element.Figure()
    div = branca.element.Div()
    figure.add_child(div)
    div.html.add_child(branca.element.Element("<p>child</p>"))
    assert "<p>child</p>" in figure.render()
