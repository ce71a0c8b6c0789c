"""Stories out of the app and back in: GeoJSON, story files, self-contained HTML."""

from mapstory.export.geojson import story_from_geojson, story_to_geojson, story_to_geojson_text
from mapstory.model import Story
from mapstory.storyfile import StoryFileError, parse_story

__all__ = [
    "parse_story_upload",
    "story_from_geojson",
    "story_to_geojson",
    "story_to_geojson_text",
]

MAX_STORY_FILE_BYTES = 20_000_000


def parse_story_upload(name: str, data: bytes) -> Story:
    """A story from an uploaded YAML, JSON or mapstory GeoJSON file, validated.

    Every problem raises StoryFileError naming the file and the field, never a traceback.
    """
    if len(data) > MAX_STORY_FILE_BYTES:
        raise StoryFileError(name, [f"file is larger than {MAX_STORY_FILE_BYTES // 1_000_000} MB"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StoryFileError(name, ["not UTF-8 text"]) from None
    if '"FeatureCollection"' in text[:2000] or name.lower().endswith(".geojson"):
        return story_from_geojson(text, source=name)
    return parse_story(text, source=name)
