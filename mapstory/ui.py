"""The only Streamlit-aware part of the library: cached loaders and settings for the pages.

Pages stay thin by calling these. Heavy, shared things (assets, gazetteer, parsed story, its
layout and steps) are cached per process with st.cache_resource: they are read-only and the
same for every session, so copying them per session (st.cache_data) would only cost memory.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import streamlit as st

from mapstory import settings as settings_module
from mapstory.blocs import BlocDef, blocs_in_story, load_blocs
from mapstory.mapbuild import (
    MapOptions,
    StoryLayout,
    ensure_static_assets,
    layout_story,
    local_asset_urls,
)
from mapstory.model import Story
from mapstory.narrative import StepView, build_steps
from mapstory.storyfile import DEFAULT_STORY_PATH, load_story


def enforce_navigation() -> None:
    """Make sure this page runs under app.py's st.navigation, not Streamlit's legacy pages/.

    Until some session has run app.py (which calls st.navigation), Streamlit treats a
    `pages/` folder the legacy way: a first request for /about runs pages/about.py on its own,
    with an auto-generated sidebar and without app.py's page config. If that happened, switch
    the legacy mode off and rerun, so app.py's navigation serves the same URL.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def get_settings() -> settings_module.Settings:
    """Environment first, then st.secrets (Community Cloud's way), never failing on absence."""
    values: dict[str, object] = dict(os.environ)
    with contextlib.suppress(Exception):
        values.update({k: v for k, v in st.secrets.items() if k.startswith("MAPSTORY_")})
    return settings_module.Settings.from_mapping(values)


@st.cache_resource(show_spinner=False)
def prepare_assets() -> None:
    """Copy Leaflet, jQuery and the basemap into static/ once per server process."""
    ensure_static_assets()


def default_story_path() -> str:
    return get_settings().story_file or str(DEFAULT_STORY_PATH)


@st.cache_resource(show_spinner="Loading the story…")
def load_story_file(path: str) -> Story:
    return load_story(Path(path))


@st.cache_resource(show_spinner=False)
def story_steps(story_key: str, _story: Story) -> list[StepView]:
    return build_steps(_story)


@st.cache_resource(show_spinner=False)
def story_layout(story_key: str, _story: Story) -> StoryLayout:
    from mapstory.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    return layout_story(_story, gazetteer.country_shape)


@st.cache_resource(show_spinner=False)
def story_blocs(story_key: str, _story: Story) -> list[BlocDef]:
    """The blocs of geodata/blocs.yaml this story names, in the order it names them."""
    return blocs_in_story(_story, load_blocs())


def map_options(online_tiles: bool) -> MapOptions:
    return MapOptions(assets=local_asset_urls(get_settings().static_url), online_tiles=online_tiles)


@st.cache_resource(show_spinner=False)
def _geocoder(online: bool, user_agent: str | None, domain: str, timeout: float):
    from mapstory.geocode import make_geocoder

    return make_geocoder(online=online, user_agent=user_agent, domain=domain, timeout=timeout)


def get_geocoder():
    """One geocoder per process and settings: Nominatim's 1 request/s is a process-wide limit,
    and its cache is worth sharing between sessions."""
    s = get_settings()
    return _geocoder(s.online, s.nominatim_user_agent, s.nominatim_domain, s.nominatim_timeout)
