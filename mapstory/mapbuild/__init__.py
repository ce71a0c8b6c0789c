"""Story → folium/Leaflet map: layout (where marks go), marks (how they look), builder."""

from mapstory.mapbuild.assets import AssetUrls, ensure_static_assets, local_asset_urls
from mapstory.mapbuild.builder import (
    BlocLayer,
    MapOptions,
    actor_colours,
    bloc_legend_rows,
    build_map,
    explore_css,
    explore_layer,
    legend_html,
    legend_rows,
    marks_script,
    selection_bounds,
    step_bounds,
    step_css,
    step_layer,
)
from mapstory.mapbuild.layout import StoryLayout, layout_story
from mapstory.mapbuild.rendercache import install as _install_render_cache

_install_render_cache()

__all__ = [
    "AssetUrls",
    "BlocLayer",
    "MapOptions",
    "StoryLayout",
    "actor_colours",
    "bloc_legend_rows",
    "build_map",
    "ensure_static_assets",
    "explore_css",
    "explore_layer",
    "layout_story",
    "legend_html",
    "legend_rows",
    "local_asset_urls",
    "marks_script",
    "selection_bounds",
    "step_bounds",
    "step_css",
    "step_layer",
]
