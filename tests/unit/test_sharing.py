"""Share links and export files."""

from __future__ import annotations

import json

from mapstory.export import story_from_geojson
from mapstory.model import Story
from mapstory.sharing import export_files, share_link
from mapstory.storyfile import parse_story


def test_share_link_replaces_the_query_in_a_fixed_order() -> None:
    link = share_link(
        "https://maps.example.org/app/story?step=9&junk=1#frag",
        {"step": 3, "story": "draft-0a1b", "place": None, "layers": ""},
    )
    assert link == "https://maps.example.org/app/story?story=draft-0a1b&step=3"


def test_share_link_encodes_values() -> None:
    link = share_link("http://h/story", {"place": "a&b=c", "step": 1})
    assert link == "http://h/story?step=1&place=a%26b%3Dc"


def test_export_files_round_trip(seed_story: Story) -> None:
    files = {f.file_name.rsplit(".", 1)[1]: f for f in export_files(seed_story)}
    assert set(files) == {"html", "geojson", "yaml", "json"}
    assert files["html"].label == "Map story (HTML)" and files["html"].mime == "text/html"
    assert files["html"].file_name == f"{seed_story.id}.html"
    assert files["html"].build().startswith("<!DOCTYPE html>")
    assert story_from_geojson(files["geojson"].build()) == seed_story
    assert parse_story(files["yaml"].build()) == seed_story
    assert parse_story(files["json"].build()) == seed_story
    assert json.loads(files["json"].build())["id"] == seed_story.id
