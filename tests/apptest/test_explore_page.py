"""The Explore page under streamlit.testing (no browser): filters, time window, blocs, links."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

APP = "../../app.py"
PAGE = "pages/explore.py"
TIMEOUT = 60


def run(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page(PAGE)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def map_args(at: AppTest) -> dict:
    components = at.get("component_instance")
    assert len(components) == 1
    return json.loads(components[0].proto.json_args)


def hidden_by_update(args: dict) -> set[str]:
    """Classes the update layer hides (display: none)."""
    match = re.search(r'style.textContent = "([^"]*)"', args["feature_group"])
    assert match
    css = match.group(1).encode().decode("unicode_escape")
    hidden = re.search(r"^(.*) \{ display: none !important; \}$", css, re.MULTILINE)
    return set(re.findall(r"\.(ms-(?:ev|pl)-[a-z0-9_-]+)", hidden.group(1))) if hidden else set()


def query(at: AppTest) -> dict[str, str]:
    return {k: str(v).strip("[]'") for k, v in at.query_params.items()}


def html(at: AppTest) -> str:
    return "".join(h.proto.body for h in at.get("html"))


def pills(at: AppTest, key: str):
    return next(p for p in at.pills if p.key == key)


def test_explore_shows_every_mark_with_a_clean_link() -> None:
    at = run()
    args = map_args(at)
    assert hidden_by_update(args) == set()
    assert query(at) == {}
    assert "Showing 13 of 13 events" in html(at)
    # The in-map legend is replaced by the strip under the map, which follows the filters.
    assert "ms-legend" not in args["script"] and "ClickTags" not in args["script"]
    assert "<span hidden>[[" in args["script"]  # marks are tagged so clicks can name them
    assert len(at.dataframe) == 2
    assert len(at.dataframe[0].value) == 10 and len(at.dataframe[1].value) == 13


def test_toggling_a_layer_hides_its_marks_updates_the_link_and_keeps_the_map() -> None:
    at = run()
    before = map_args(at)
    pills(at, "ex_layers").unselect("ports").run()
    after = map_args(at)
    assert after["script"] == before["script"]  # same base map: the iframe is not remounted
    assert "ms-ev-port-vladivostok" in hidden_by_update(after)
    assert query(at)["layers"] == "visits,blocs,trade,conflict,institutions,statements,places"
    legend = "".join(m.value for m in at.markdown)
    assert "Port" not in re.sub(r"<[^>]+>", " ", legend).split()
    assert len(after["feature_group"].encode()) < 4_000


def test_actor_filter_keeps_only_that_travellers_visits() -> None:
    at = run(actors="li-hui")
    hidden = hidden_by_update(map_args(at))
    assert "ms-ev-visit-xi-moscow" in hidden and "ms-ev-visit-mishustin-beijing" in hidden
    assert "ms-ev-visit-lihui-russia" not in hidden
    legend = "".join(m.value for m in at.markdown)
    assert "Li Hui’s travel" in legend and "Xi Jinping’s travel" not in legend


def test_time_window_is_server_side_and_honest_about_precision() -> None:
    at = run()
    before = map_args(at)
    at.slider(key="ex_window").set_value((dt.date(2023, 3, 31), dt.date(2023, 4, 30))).run()
    after = map_args(at)
    assert after["script"] == before["script"]
    hidden = hidden_by_update(after)
    assert "ms-ev-visit-xi-moscow" not in hidden  # "In March" overlaps 31 March
    assert "ms-ev-visit-mishustin-beijing" in hidden and "ms-ev-port-vladivostok" in hidden
    assert query(at)["from"] == "2023-03-31" and query(at)["to"] == "2023-04-30"
    events = at.dataframe[1].value
    xi = events[events["Event"].str.startswith("Xi")].iloc[0]
    assert xi["On map"] and xi["Date"] == "March 2023" and xi["Timing"] == "before the article"
    port = events[events["Kind"] == "port"].iloc[0]
    assert not port["On map"] and port["Timing"] == "after the article"


def test_expanding_blocs_shades_members_as_of_the_article_date() -> None:
    at = run(blocs="g7,nato")
    update = map_args(at)["feature_group"]
    countries = json.loads(re.search(r"var countries = (\{.*?\});\n", update).group(1))
    assert "FI" in countries and "SE" not in countries  # Finland since April 2023, not Sweden
    assert len(countries["JP"]["styles"]) == 1 and len(countries["US"]["styles"]) == 2
    page = html(at)
    assert "Nato liaison office (proposed): in Tokyo, Japan — not a Nato member" in page
    assert re.search(r"<th>Japan</th><td>✓ since 1975</td><td[^>]*>— not a member</td>", page)
    assert "nato.int" in page and "utoronto" in page
    legend = "".join(m.value for m in at.markdown)
    assert "G7 members on 24 May 2023" in legend and "Nato members on 24 May 2023" in legend


def test_a_link_restores_filters_window_and_selected_place() -> None:
    params = {
        "layers": "visits,institutions,places",
        "certainty": "stated,inferred",
        "from": "2023-05-01",
        "to": "2023-06-30",
        "blocs": "nato",
        "place": "japan",
    }
    at = run(**params)
    assert not at.warning
    assert pills(at, "ex_layers").value == ["visits", "institutions", "places"]
    assert at.slider(key="ex_window").value == (dt.date(2023, 5, 1), dt.date(2023, 6, 30))
    assert pills(at, "ex_blocs").value == ["nato"]
    assert 'data-selected="place:japan"' in html(at)
    assert "Everything the article says about Japan" in html(at)
    assert html(at).count('<mark data-place="japan">Japan</mark>') == 3
    assert at.dataframe[0].value.iloc[at.session_state["ex_places"]["selection"]["rows"][0]][
        "Place"
    ] == ("Japan")
    args = map_args(at)
    assert "fitBounds" in args["feature_group"] and "var bounds = [[33" in args["feature_group"]
    expected = dict(params)
    del expected["certainty"]  # the default, left out of the link
    assert query(at) == expected


def test_an_event_link_selects_its_row_and_clear_resets() -> None:
    # Row clicks go through the table's callback, which only a browser can fire (see the
    # browser tests); here the link → selection → table row mapping is checked.
    at = run(event="visit-xi-moscow")
    assert 'data-selected="event:visit-xi-moscow"' in html(at)
    assert "Arrow from Beijing to Moscow" in html(at)
    assert at.session_state["ex_events"]["selection"]["rows"] == [2]
    assert query(at) == {"event": "visit-xi-moscow"}
    at.button(key="ex_clear").click().run()
    assert query(at) == {}
    assert 'data-selected=""' in html(at)


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"layers": "visits,nonsense"}, "unknown layers"),
        ({"place": "../../etc/passwd"}, "looks like a path"),
        ({"from": "x" * 5000}, "too long"),
        ({"to": "2023-13-45"}, "not a date"),
        ({"event": "<script>alert(1)</script>"}, "looks like a path"),
        ({"place": "atlantis"}, "no place"),
        ({"layers": "[x](javascript:alert(1))"}, "Ignored unknown layers: a value"),
    ],
)
def test_bad_links_show_a_note_never_a_traceback(params: dict, note: str) -> None:
    at = run(**params)
    assert at.warning and note in at.warning[0].value
    assert "script" not in at.warning[0].value and "alert" not in at.warning[0].value
    for key in params:
        if key != "layers":
            assert key not in query(at)
    assert query(at).get("layers", "visits") == "visits"


def test_certainty_status_and_undated_filters() -> None:
    at = run()
    pills(at, "ex_certainty").unselect("inferred").run()
    hidden = hidden_by_update(map_args(at))
    assert {"ms-pl-kyiv", "ms-pl-tokyo", "ms-ev-visit-mishustin-beijing"} <= hidden
    assert "ms-ev-statement-mishustin-sanctions" not in hidden
    assert query(at)["certainty"] == "stated"
    at = run()
    pills(at, "ex_status").unselect("happened").run()
    hidden = hidden_by_update(map_args(at))
    assert "ms-ev-port-vladivostok" not in hidden and "ms-ev-visit-lihui-russia" not in hidden
    assert "ms-ev-visit-xi-moscow" in hidden
    at.toggle(key="ex_undated").set_value(False).run()
    assert "ms-ev-conflict-ukraine" in hidden_by_update(map_args(at))
    assert query(at)["undated"] == "hide"
    assert "Showing 2 of 13 events" in html(at)  # the port and Li Hui’s Friday visit
