"""The Story page under streamlit.testing (no browser): steps, deep links, offline assets."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

APP = "../../app.py"
TIMEOUT = 60


def run(step: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if step is not None:
        at.query_params["step"] = step
    at.run()
    assert not at.exception, at.exception
    return at


def map_args(at: AppTest) -> dict:
    components = at.get("component_instance")
    assert len(components) == 1
    return json.loads(components[0].proto.json_args)


def counter(at: AppTest) -> str:
    for md in at.markdown:
        match = re.search(r"(\d+ / \d+)", md.value)
        if match:
            return match.group(1)
    raise AssertionError("no step counter on the page")


def panel(at: AppTest) -> str:
    return "".join(h.proto.body for h in at.get("html"))


def test_default_page_is_the_story_overview() -> None:
    at = run()
    assert counter(at) == "1 / 9"
    assert at.query_params["step"] == ["1"] or at.query_params["step"] == "1"
    assert "Overview" in panel(at)
    assert "fitBounds" in map_args(at)["feature_group"]


def test_map_assets_are_all_local() -> None:
    args = map_args(run())
    links = args["js_links"] + args["css_links"]
    assert any("leaflet.js" in link for link in links)
    assert any("jquery" in link for link in links)
    for link in links:
        assert not re.match(r"(?i)^(https?:)?//", link), link
    assert "http://" not in args["header"] and "https://" not in args["header"]


def test_next_and_previous_step_and_update_the_url() -> None:
    at = run()
    at.button(key="next").click().run()
    assert counter(at) == "2 / 9"
    assert str(at.query_params["step"]).strip("[]'") == "2"
    assert "Mishustin in Beijing" in panel(at)
    args = map_args(at)
    assert "ms-ev-visit-mishustin-beijing" in args["feature_group"]
    at.button(key="next").click().run()
    assert counter(at) == "3 / 9"
    at.button(key="prev").click().run()
    assert counter(at) == "2 / 9"


def frame_of(args: dict) -> list[list[float]]:
    match = re.search(r"var bounds = (\[\[.*?\]\]);", args["feature_group"])
    assert match, "the step layer frames the map"
    return json.loads(match.group(1))


def test_step_change_keeps_the_map_script_and_moves_the_view() -> None:
    at = run()
    first = map_args(at)
    at.button(key="next").click().run()
    second = map_args(at)
    assert first["script"] == second["script"]  # same map: no remount
    assert first["feature_group"] != second["feature_group"]
    (_south, west), (_north, east) = frame_of(second)
    assert west < 37.7 and east > 114  # Moscow → (arrow stops short of) Beijing
    assert len(second["feature_group"].encode()) < 2_000


def test_deep_link_opens_that_step() -> None:
    at = run("7")
    assert counter(at) == "7 / 9"
    assert "Vladivostok opens to China" in panel(at)
    assert "transit ports" in panel(at)
    (south, west), (north, east) = frame_of(map_args(at))
    assert 43.0 < south <= north < 43.2 and 131.8 < west <= east < 132.0
    assert east - west < 5  # the port, not the whole of Russia or China


def test_first_and_last_steps_disable_their_buttons() -> None:
    at = run()
    assert at.button(key="prev").disabled
    at = run("9")
    assert at.button(key="next").disabled
    assert "Li Hui" in panel(at)


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ("99", "9 / 9"),
        ("-1", "1 / 9"),
        ("abc", "1 / 9"),
        ("", "1 / 9"),
        ("2.5", "1 / 9"),
        ("../../etc/passwd", "1 / 9"),
        ("9" * 400, "9 / 9"),
    ],
)
def test_bad_step_values_fall_back_with_a_note(bad: str, expected: str) -> None:
    at = run(bad)
    assert counter(at) == expected
    if bad:
        assert at.info, "the reader is told the step was adjusted"
    assert str(at.query_params["step"]).strip("[]'") == expected.split()[0]


def test_excerpt_marks_place_names_and_escapes_text() -> None:
    at = run("6")
    html = panel(at)
    assert '<mark data-place="russia">Russian</mark>' in html
    assert "&#36;200bn" in html  # never read as LaTeX or template syntax


def test_a_broken_story_file_gets_a_clear_message_not_a_traceback(tmp_path, monkeypatch) -> None:
    from mapstory import storyfile

    broken = tmp_path / "broken.yaml"
    broken.write_text(
        storyfile.DEFAULT_STORY_PATH.read_text(encoding="utf-8").replace(
            "kind: visit", "kind: vist", 1
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("MAPSTORY_STORY_FILE", str(broken))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    assert at.error and "could not be loaded" in at.error[0].value
    assert "events[0]" in at.code[0].value


def test_share_and_export_controls() -> None:
    at = run("4")
    assert not at.get("download_button")  # folded away until the reader asks
    at.toggle(key="share_open").set_value(True).run()
    link = next(t.value for t in at.text_input if "step=4" in (t.value or ""))
    assert link.endswith("?step=4")
    labels = {b.proto.label for b in at.get("download_button")}
    files = {"Map story (HTML)", "GeoJSON", "Story file (YAML)", "Story file (JSON)"}
    assert labels == files | {"Map of step 4 (PNG, for print)"}
    embed = next(t.value for t in at.text_input if "<iframe" in (t.value or ""))
    assert "embed=true" in embed and "step=4" in embed


def test_png_snapshot_says_what_the_server_lacks(monkeypatch) -> None:
    import mapstory.export.snapshot as snapshot

    monkeypatch.setattr(snapshot, "chromium_path", lambda: None)
    at = run("2")
    at.toggle(key="share_open").set_value(True).run()
    labels = {b.proto.label for b in at.get("download_button")}
    assert not any("PNG" in label for label in labels)
    assert any("need Chromium on the server" in c.value for c in at.caption)
