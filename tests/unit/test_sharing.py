"""Share links and export files."""

from __future__ import annotations

import json

from mapstory.export import story_from_geojson
from mapstory.model import Story
from mapstory.render import story_header_html
from mapstory.sharing import embed_code, export_files, share_link
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


def test_embed_code_is_an_escaped_iframe_in_embed_mode() -> None:
    code = embed_code("https://maps.example/story?story=draft-1&step=3&embed=false")
    assert code.startswith('<iframe src="https://maps.example/story?story=draft-1&amp;step=3')
    assert "embed=true" in code and "embed=false" not in code
    assert 'width="800" height="600"' in code
    hostile = embed_code('https://x.example/?step=1"><script>alert(1)</script>')
    assert "<script" not in hostile and hostile.count('"') == 12  # six attributes, all closed
    assert hostile.count("<") == 2 and hostile.endswith("></iframe>")


def test_embedded_header_is_one_line_with_an_escaped_link(seed_story: Story) -> None:
    html = story_header_html(seed_story, full_link='https://x.example/?story=a"b<c>')
    assert "ms-compact" in html and "Open in mapstory" in html
    assert 'href="https://x.example/?story=a&quot;b&lt;c&gt;"' in html
    assert 'rel="noopener noreferrer"' in html
    assert "Open in mapstory" not in story_header_html(seed_story)
