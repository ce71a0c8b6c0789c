"""GeoJSON export: valid GeoJSON a GIS can read, and a lossless round trip."""

from __future__ import annotations

import json

import pytest

from mapstory.export import story_from_geojson, story_to_geojson, story_to_geojson_text
from mapstory.model import Story
from mapstory.storyfile import StoryFileError


def test_round_trip_is_lossless(seed_story: Story) -> None:
    text = story_to_geojson_text(seed_story)
    assert story_from_geojson(text) == seed_story
    assert story_from_geojson(json.loads(text)) == seed_story


def test_features_are_plain_geojson(seed_story: Story) -> None:
    data = story_to_geojson(seed_story)
    assert data["type"] == "FeatureCollection"
    by_id = {f["id"]: f for f in data["features"]}
    beijing = by_id["place:beijing"]
    assert beijing["geometry"]["type"] == "Point"
    lon, lat = beijing["geometry"]["coordinates"]
    assert 39 < lat < 41 and 115 < lon < 118  # GeoJSON order is lon, lat
    visit = by_id["event:visit-mishustin-beijing"]
    assert visit["geometry"]["type"] == "LineString"
    assert visit["geometry"]["coordinates"][-1] == beijing["geometry"]["coordinates"]
    spans = visit["properties"]["spans"]
    assert spans and all(seed_story.article.text[s["start"] : s["end"]] == s["text"] for s in spans)
    trade = by_id["event:trade-russia-china"]
    assert trade["properties"]["figures"][0]["unit"] == "USD bn"
    for feature in data["features"]:
        geometry = feature["geometry"]
        if geometry is not None:
            assert geometry["type"] in ("Point", "LineString", "MultiPoint")


def test_a_point_moved_in_a_gis_moves_the_place(seed_story: Story) -> None:
    data = story_to_geojson(seed_story)
    feature = next(f for f in data["features"] if f["id"] == "place:vladivostok")
    feature["geometry"]["coordinates"] = [132.0, 43.0]
    story = story_from_geojson(data)
    assert (story.place("vladivostok").lat, story.place("vladivostok").lon) == (43.0, 132.0)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: "not json{", "not JSON"),
        (lambda d: {"type": "Feature"}, "FeatureCollection"),
        (lambda d: {**d, "mapstory": None}, "not a mapstory export"),
        (lambda d: {**d, "features": [{"properties": {"feature_type": "x"}}]}, "feature_type"),
    ],
)
def test_bad_input_is_reported(seed_story: Story, mutate, message: str) -> None:
    data = mutate(story_to_geojson(seed_story))
    with pytest.raises(StoryFileError, match=message):
        story_from_geojson(data if isinstance(data, str) else json.dumps(data))


def test_invalid_values_name_the_field(seed_story: Story) -> None:
    data = story_to_geojson(seed_story)
    place = next(f for f in data["features"] if f["id"] == "place:beijing")
    place["geometry"]["coordinates"] = [500.0, 40.0]
    with pytest.raises(StoryFileError) as error:
        story_from_geojson(data)
    assert "places[" in str(error.value) and "lon" in str(error.value)
