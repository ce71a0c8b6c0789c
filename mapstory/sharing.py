"""Links that reopen exactly what a reader sees, and the files a story can be saved as."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from mapstory.escaping import html_text
from mapstory.messages import text
from mapstory.model import Story

__all__ = ["ExportFile", "embed_code", "export_files", "share_link"]

# Query parameters in a fixed order, so the same view always gives the same link.
_ORDER = ("story", "step", "place", "layers", "from", "to", "embed")


def share_link(page_url: str, params: Mapping[str, object]) -> str:
    """*page_url* (as the browser has it) with exactly *params* as its query.

    Empty values are left out; the page's own query and fragment are replaced, so a link made
    while an old ``?step=`` is in the address bar does not carry it along.
    """
    parts = urlsplit(page_url)
    ordered = sorted(
        ((k, str(v)) for k, v in params.items() if v not in (None, "")),
        key=lambda kv: (_ORDER.index(kv[0]) if kv[0] in _ORDER else len(_ORDER), kv[0]),
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(ordered), ""))


def embed_code(link: str, width: int = 800, height: int = 600) -> str:
    """An iframe for *link* in embed mode (no navigation, map and narrative only).

    `embed=true` is Streamlit's own switch (it hides the toolbar and padding too); the link's
    other parameters are kept. The link is escaped for the attribute it goes into.
    """
    parts = urlsplit(link)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "embed"] + [("embed", "true")]
    src = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    return (
        f'<iframe src="{html_text(src)}" width="{int(width)}" height="{int(height)}" '
        f'style="border:0" title="{html_text(text("export.embed_title"))}" loading="lazy">'
        "</iframe>"
    )


@dataclass(frozen=True)
class ExportFile:
    label: str
    file_name: str
    mime: str
    build: Callable[[], str | bytes]  # called only when the reader asks for the file


def export_files(story: Story) -> list[ExportFile]:
    from mapstory.export.geojson import story_to_geojson_text
    from mapstory.export.html import story_to_html
    from mapstory.storyfile import dump_story

    stem = story.id
    return [
        ExportFile(
            text("export.html"),
            f"{stem}.html",
            "text/html",
            lambda: story_to_html(story),
        ),
        ExportFile(
            text("export.geojson"),
            f"{stem}.geojson",
            "application/geo+json",
            lambda: story_to_geojson_text(story),
        ),
        ExportFile(
            text("export.yaml"),
            f"{stem}.yaml",
            "application/yaml",
            lambda: dump_story(story, "yaml"),
        ),
        ExportFile(
            text("export.json"),
            f"{stem}.json",
            "application/json",
            lambda: dump_story(story, "json"),
        ),
    ]
