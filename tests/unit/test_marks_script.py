"""The story's marks served as a static script: what the map sends per rerun, what the file
holds, and how it is published."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from streamlit_folium import generate_leaflet_string

from mapstory.gazetteer import default_gazetteer
from mapstory.mapbuild import MapOptions, build_map, layout_story, local_asset_urls, marks_script
from mapstory.mapbuild import assets as assets_module
from mapstory.mapbuild.marks import event_class, place_class

OPTIONS = MapOptions(assets=local_asset_urls(), marks_url="/app/static/marks/abc.js")


@pytest.fixture(scope="module")
def seed_layout(seed_story):
    return layout_story(seed_story, default_gazetteer().country_shape)


@pytest.fixture(scope="module")
def script(seed_story, seed_layout) -> str:
    return marks_script(seed_story, seed_layout)


def test_the_map_sends_its_set_up_not_its_marks(seed_story, seed_layout) -> None:
    inline = build_map(seed_story, seed_layout, replace(OPTIONS, marks_url=None))
    served = build_map(seed_story, seed_layout, OPTIONS)
    for m in (inline, served):
        m.get_root().render()
    inline_js, served_js = generate_leaflet_string(inline), generate_leaflet_string(served)
    assert "bindPopup" in inline_js and "bindPopup" not in served_js
    assert '"/app/static/marks/abc.js"' in served_js
    assert len(served_js) < len(inline_js) / 5
    # The groups exist at once, registered for the script to fill.
    assert served_js.count("L.featureGroup(") == 5
    assert "window.__msGroups" in served_js


def test_the_script_holds_every_mark_and_the_legend(seed_story, script) -> None:
    for event in seed_story.events:
        assert event_class(event.id) in script, event.id
    for place in seed_story.places:
        if place.located:
            assert place_class(place.id) in script, place.id
    assert "M.__msLegendHtml" in script and "Mikhail Mishustin" in script
    assert script.rstrip().endswith("})(window.__msMap, window.__msGroups);")
    assert 'M.fire("ms:marks");' in script


def test_the_script_is_the_same_for_the_same_story(seed_story, seed_layout, script) -> None:
    assert marks_script(seed_story, seed_layout) == script


def test_groups_are_filled_off_the_map_and_added_back_once(script) -> None:
    # A marker added to a group already on the map would be drawn with Leaflet's default
    # icon (an image request) before its own icon is set.
    remove = script.index("M.removeLayer(g)")
    first_marker = script.index("L.marker(")
    add_back = script.index("g.addTo(M)")
    assert remove < first_marker < add_back
    assert not re.search(r"feature_group_\w+\.addTo\(map_", script)


def test_nothing_in_the_script_reaches_the_network(script) -> None:
    assert not re.search(r"https?://", script.replace("http://www.w3.org/2000/svg", ""))


def test_publish_names_files_by_content(tmp_path) -> None:
    name = assets_module.publish_marks("console.log(1);\n", tmp_path)
    again = assets_module.publish_marks("console.log(1);\n", tmp_path)
    other = assets_module.publish_marks("console.log(2);\n", tmp_path)
    assert name == again != other
    assert re.fullmatch(r"marks/[0-9a-f]{20}\.js", name)
    assert (tmp_path / name).read_text(encoding="utf-8") == "console.log(1);\n"
    assert not list((tmp_path / "marks").glob(".tmp-*"))


def test_publish_keeps_the_folder_bounded(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(assets_module, "MARKS_KEEP", 3)
    names = [assets_module.publish_marks(f"var x = {i};\n", tmp_path) for i in range(6)]
    kept = sorted(p.name for p in (tmp_path / "marks").glob("*.js"))
    assert len(kept) == 3
    assert (tmp_path / names[-1]).is_file()


def test_the_map_stylesheet_is_a_static_file(tmp_path) -> None:
    written = assets_module.ensure_static_assets(tmp_path)
    css = tmp_path / assets_module.MAP_CSS_PATH
    assert css in written and ".ms-mark" in css.read_text(encoding="utf-8")
    urls = local_asset_urls()
    assert urls.map_css and urls.map_css.endswith(assets_module.MAP_CSS_PATH)
