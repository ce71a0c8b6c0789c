"""Bloc membership data: dates honoured, the data file consistent with the country shapes."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mapstory.blocs import (
    BlocDataError,
    alias_pattern,
    blocs_in_story,
    load_blocs,
    membership_rows,
    parse_blocs,
)
from mapstory.storyfile import GEODATA_DIR

ARTICLE_DAY = dt.date(2023, 5, 24)


@pytest.fixture(scope="module")
def blocs():
    return load_blocs()


def test_nato_on_the_article_date_has_finland_but_not_sweden(blocs) -> None:
    nato = blocs["nato"]
    members = nato.member_codes_on(ARTICLE_DAY)
    assert "FI" in members and "SE" not in members
    assert len(members) == 31
    assert "SE" in nato.member_codes_on(dt.date(2024, 3, 7))
    assert "FI" not in nato.member_codes_on(dt.date(2023, 4, 3))


def test_japan_is_in_the_g7_but_not_in_nato(blocs) -> None:
    assert "JP" in blocs["g7"].member_codes_on(ARTICLE_DAY)
    assert "JP" not in blocs["nato"].member_codes_on(ARTICLE_DAY)
    assert sorted(blocs["g7"].member_codes_on(ARTICLE_DAY)) == sorted(
        ["CA", "FR", "DE", "IT", "JP", "GB", "US"]
    )
    assert "CA" not in blocs["g7"].member_codes_on(dt.date(1976, 1, 1))


def test_a_member_that_left_is_not_a_member_after_it_left(blocs) -> None:
    eu = blocs["eu"]
    assert "GB" in eu.member_codes_on(dt.date(2020, 1, 31))
    assert "GB" not in eu.member_codes_on(dt.date(2020, 2, 1))


def test_a_suspended_member_counts_until_its_suspension(blocs) -> None:
    mercosur = blocs["mercosur"]
    assert "VE" in mercosur.member_codes_on(dt.date(2015, 1, 1))
    assert "VE" not in mercosur.member_codes_on(dt.date(2024, 12, 6))
    assert "BO" in mercosur.member_codes_on(dt.date(2024, 12, 6))


def test_every_member_code_has_a_country_shape(blocs) -> None:
    with open(GEODATA_DIR / "countries.geojson", encoding="utf-8") as handle:
        codes = {f["properties"]["iso2"] for f in json.load(handle)["features"]}
    for bloc in blocs.values():
        for member in bloc.members:
            assert member.iso2 in codes, (bloc.id, member.iso2)
        assert bloc.source.url.startswith(("http://", "https://"))


def test_the_seed_story_names_the_g7_and_nato_first_g7(seed_story, blocs) -> None:
    assert [b.id for b in blocs_in_story(seed_story, blocs)] == ["g7", "nato"]


def test_aliases_match_whole_words_only(seed_story, blocs) -> None:
    # "EU" must not be found inside "Eurasian" (the article has "Eurasian affairs").
    assert "Eurasian" in seed_story.article.text
    assert "eu" not in [b.id for b in blocs_in_story(seed_story, blocs)]


def test_a_proper_name_matches_only_as_written(blocs) -> None:
    quad = blocs["quad"]
    pattern = alias_pattern(quad.aliases, quad.proper_names)
    assert pattern.search("India is a member of the Quad alongside Japan")
    assert pattern.search("the QUAD SUMMIT in Delhi")  # an alias, whatever its case
    assert not pattern.search("He rode a quad bike to the farm.")


def test_a_plus_after_a_name_is_another_grouping(blocs) -> None:
    opec = blocs["opec"]
    pattern = alias_pattern(opec.aliases, opec.proper_names)
    assert pattern.search("OPEC agreed to cut output")
    assert pattern.search("the Organization of the Petroleum Exporting Countries (OPEC).")
    assert not pattern.search("OPEC+ agreed to cut output")  # Russia and Mexico too


def test_membership_follows_withdrawals_by_date(blocs) -> None:
    ecowas = blocs["ecowas"]
    # Niger's junta announced its exit in January 2024; it took effect a year later.
    assert "NE" in ecowas.member_codes_on(dt.date(2023, 8, 6))
    assert "NE" not in ecowas.member_codes_on(dt.date(2025, 3, 1))
    opec = blocs["opec"]
    assert "AO" in opec.member_codes_on(dt.date(2023, 6, 1))
    assert "AO" not in opec.member_codes_on(dt.date(2024, 6, 1))
    # Two terms for one country: Gabon left in 1995 and came back in 2016.
    assert "GA" not in opec.member_codes_on(dt.date(2005, 1, 1))
    assert "GA" in opec.member_codes_on(dt.date(2020, 1, 1))


def test_membership_rows_compare_the_storys_countries(seed_story, blocs) -> None:
    chosen = [blocs["g7"], blocs["nato"]]
    rows = dict(membership_rows(seed_story, chosen, ARTICLE_DAY))
    assert rows["Japan"][0] is not None and rows["Japan"][1] is None
    assert rows["United States"][0] is not None and rows["United States"][1] is not None
    assert rows["China"] == [None, None]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("blocs: [{id: x}]", "blocs.0"),
        ("blocs: not a list", "blocs"),
        (": : :", "not valid YAML"),
    ],
)
def test_malformed_data_is_reported_with_its_field(text: str, message: str) -> None:
    with pytest.raises(BlocDataError, match=message):
        parse_blocs(text)


def test_overlapping_terms_are_rejected() -> None:
    text = """
blocs:
  - id: x
    name: X
    aliases: [X]
    source: {title: t, url: "https://example.org"}
    members:
      - {iso2: FR, name: France, joined: 2000-01-01, left: 2010-01-01}
      - {iso2: FR, name: France, joined: 2005-01-01}
"""
    with pytest.raises(BlocDataError, match="overlapping"):
        parse_blocs(text)


def test_a_full_name_with_brackets_of_its_own_is_not_bracketed_again() -> None:
    blocs = load_blocs()
    assert blocs["brics"].label.startswith("Brics: BRICS (")
    assert blocs["g7"].label == "G7 (Group of Seven)"
