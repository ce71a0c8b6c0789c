"""A story as GeoJSON (RFC 7946) that any GIS opens, and back again without loss.

Places are Point features; events are features too, drawn as what they are on the map (a
visit or a directed trade flow is a LineString from origin to destination, a partnership a
MultiPoint of its members), with every field of the event, its excerpt spans included, in
``properties``. What is not geographic (the article, people, steps) travels in a foreign
member, ``mapstory``, so :func:`story_from_geojson` rebuilds the identical Story.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from mapstory.model import Story
from mapstory.storyfile import StoryFileError, describe_validation_error

__all__ = ["story_from_geojson", "story_to_geojson"]

FORMAT = "mapstory-geojson"
VERSION = 1


def _point(place: dict) -> list[float] | None:
    if place.get("lat") is None or place.get("lon") is None:
        return None
    return [place["lon"], place["lat"]]


def _geometry(coordinates: list[list[float]], line: bool) -> dict | None:
    if not coordinates:
        return None
    if len(coordinates) == 1:
        return {"type": "Point", "coordinates": coordinates[0]}
    if line:
        return {"type": "LineString", "coordinates": coordinates}
    return {"type": "MultiPoint", "coordinates": coordinates}


def story_to_geojson(story: Story) -> dict[str, Any]:
    data = story.model_dump(mode="json")
    places = {p["id"]: p for p in data["places"]}
    features: list[dict] = []
    for place in data["places"]:
        point = _point(place)
        features.append(
            {
                "type": "Feature",
                "id": f"place:{place['id']}",
                "geometry": {"type": "Point", "coordinates": point} if point else None,
                "properties": {"feature_type": "place", **place},
            }
        )
    for event, model in zip(data["events"], story.events, strict=True):
        refs = model.place_refs()
        coordinates = [c for ref in refs if (c := _point(places[ref])) is not None]
        line = event["kind"] == "visit" or (event["kind"] == "trade" and model.directed)
        features.append(
            {
                "type": "Feature",
                "id": f"event:{event['id']}",
                "geometry": _geometry(coordinates, line),
                "properties": {"feature_type": "event", **event},
            }
        )
    meta = {k: v for k, v in data.items() if k not in ("places", "events")}
    return {
        "type": "FeatureCollection",
        "features": features,
        "mapstory": {"format": FORMAT, "version": VERSION, **meta},
    }


def story_to_geojson_text(story: Story) -> str:
    return json.dumps(story_to_geojson(story), ensure_ascii=False, indent=1)


def story_from_geojson(raw: str | dict, *, source: str = "GeoJSON") -> Story:
    """Rebuild a Story from :func:`story_to_geojson` output; bad input raises StoryFileError.

    Coordinates are taken from the geometry (an editor may have moved a point in a GIS),
    everything else from the properties.
    """
    try:
        data = json.loads(raw) if isinstance(raw, str) else raw
    except json.JSONDecodeError as exc:
        raise StoryFileError(source, [f"not JSON: {exc.msg} (line {exc.lineno})"]) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise StoryFileError(source, ["not a GeoJSON FeatureCollection"])
    meta = data.get("mapstory")
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise StoryFileError(source, ["not a mapstory export (no 'mapstory' member)"])
    features = data.get("features")
    if not isinstance(features, list):
        raise StoryFileError(source, ["'features' must be a list"])
    places, events, problems = [], [], []
    for index, feature in enumerate(features):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            problems.append(f"features[{index}]: no properties")
            continue
        properties = dict(properties)
        kind = properties.pop("feature_type", None)
        if kind == "place":
            geometry = feature.get("geometry")
            if isinstance(geometry, dict) and geometry.get("type") == "Point":
                coordinates = geometry.get("coordinates") or []
                if len(coordinates) >= 2:
                    properties["lon"], properties["lat"] = coordinates[0], coordinates[1]
            places.append(properties)
        elif kind == "event":
            events.append(properties)
        else:
            problems.append(f"features[{index}]: feature_type must be 'place' or 'event'")
    if problems:
        raise StoryFileError(source, problems)
    story_data = {k: v for k, v in meta.items() if k not in ("format", "version")}
    story_data["places"] = places
    story_data["events"] = events
    try:
        return Story.model_validate(story_data)
    except ValidationError as exc:
        raise StoryFileError(source, describe_validation_error(exc)) from None
