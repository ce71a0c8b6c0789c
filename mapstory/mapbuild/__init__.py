"""Story → folium/Leaflet map: layout (where marks go), marks (how they look), builder."""

from mapstory.mapbuild.assets import AssetUrls, ensure_static_assets, local_asset_urls
from mapstory.mapbuild.builder import (
    MapOptions,
    actor_colours,
    build_map,
    legend_html,
    legend_rows,
    step_bounds,
    step_css,
    step_layer,
)
from mapstory.mapbuild.layout import StoryLayout, layout_story

__all__ = [
    "AssetUrls",
    "MapOptions",
    "StoryLayout",
    "actor_colours",
    "build_map",
    "ensure_static_assets",
    "layout_story",
    "legend_html",
    "legend_rows",
    "local_asset_urls",
    "step_bounds",
    "step_css",
    "step_layer",
]
