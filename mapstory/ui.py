"""The only Streamlit-aware part of the library: cached loaders and settings for the pages.

Pages stay thin by calling these. Heavy, shared things (assets, gazetteer, parsed story, its
layout and steps) are cached per process with st.cache_resource: they are read-only and the
same for every session, so copying them per session (st.cache_data) would only cost memory.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import streamlit as st

from mapstory import dates, messages
from mapstory import settings as settings_module
from mapstory.blocs import BlocDef, blocs_in_story, load_blocs
from mapstory.mapbuild import (
    MapOptions,
    StoryLayout,
    ensure_static_assets,
    layout_story,
    local_asset_urls,
    marks_script,
)
from mapstory.mapbuild.assets import STATIC_DIR, publish_marks
from mapstory.messages import text
from mapstory.model import Story
from mapstory.narrative import StepView, build_steps
from mapstory.storyfile import default_story_path as seed_story_path
from mapstory.storyfile import load_story

T = TypeVar("T")


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


PAGE_CSS = """<style>
/* Streamlit's caption grey (#828180) is 3.9:1 on white; WCAG AA asks 4.5:1 for small text. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #5c5b59 !important; opacity: 1 !important;
}
/* Unselected pills (Explore's layer switches) use a pale grey; selected ones keep their tint. */
[data-variant="pills"] [data-testid="stMarkdownContainer"] p { color: #31333f; opacity: 1; }
/* Keyboard focus stays visible on every control. */
button:focus-visible, a:focus-visible, [role="radio"]:focus-visible,
input:focus-visible, textarea:focus-visible {
  outline: 3px solid #0072B2 !important; outline-offset: 2px;
}
</style>"""


def start_page() -> None:
    """What every page does first: run under app.py's navigation, write dates for this
    reader, have the map's static files in place, and share one stylesheet."""
    enforce_navigation()
    use_reader_locale()
    prepare_assets()
    page_style()


def page_style() -> None:
    """Styles every page shares: readable captions and a visible keyboard focus."""
    st.html(PAGE_CSS)


_KEYS_JS = """<script>
// j/k step the story like the arrow keys. The component's iframe is same-origin with the
// page, so one listener on the page clicks the Previous/Next buttons; it is bound once per
// page load, and typing in a field is left alone.
(function () {
  // This helper frame has nothing to show or focus: keep it out of the tab order.
  if (window.frameElement) {
    window.frameElement.setAttribute("tabindex", "-1");
    window.frameElement.setAttribute("aria-hidden", "true");
  }
  const doc = window.parent.document;
  if (window.parent.__msStepKeys) { return; }
  window.parent.__msStepKeys = true;
  doc.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    // By the buttons' keys, not their words: the words are translated.
    const wanted = { j: "next", k: "prev" }[event.key];
    if (!wanted) { return; }
    const button = doc.querySelector(".st-key-" + wanted + " button");
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  });
})();
</script>"""


def step_keys() -> None:
    """Bind j/k to Next/Previous (the arrow keys are Streamlit button shortcuts)."""
    st.iframe(_KEYS_JS, height=1, tab_index=-1)


def get_settings() -> settings_module.Settings:
    """Environment first, then st.secrets (Community Cloud's way), never failing on absence.

    Read once per distinct environment: parsing the secrets files costs about a millisecond,
    and a page asks for settings several times per rerun.
    """
    env = tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("MAPSTORY_")))
    return _settings(env)


@st.cache_resource(show_spinner=False, max_entries=8)
def _settings(env: tuple[tuple[str, str], ...]) -> settings_module.Settings:
    values: dict[str, object] = dict(env)
    with contextlib.suppress(Exception):
        values.update({k: v for k, v in st.secrets.items() if k.startswith("MAPSTORY_")})
    return settings_module.Settings.from_mapping(values)


@st.cache_resource(show_spinner=False)
def prepare_assets() -> None:
    """Copy Leaflet, jQuery and the basemap into static/ once per server process."""
    ensure_static_assets()


def default_story_path() -> str:
    return get_settings().story_file or str(seed_story_path())


_STORY_FILES_LOADED: set[str] = set()


def load_story_file(path: str) -> Story:
    """The story file, parsed once per process; the first load (about a second) shows a
    spinner in the reader's language. Later calls skip the spinner: every st.spinner starts a
    timer thread and sends a message, which every rerun of every page would pay for."""
    if path in _STORY_FILES_LOADED:
        return _load_story_file(path)
    with st.spinner(text("app.loading_story")):
        story = _load_story_file(path)
    _STORY_FILES_LOADED.add(path)
    return story


@st.cache_resource(show_spinner=False)
def _load_story_file(path: str) -> Story:
    return load_story(Path(path))


def use_reader_locale() -> str | None:
    """This page run speaks the reader's language (where a catalogue has it) and writes
    dates and numbers their region's way, from the browser's language."""
    return dates.set_reader_locale(st.context.locale)


def reader_key() -> tuple[str, str | None]:
    """What cached text depends on: the interface's language and the reader's locale."""
    return messages.language(), dates.reader_locale()


def story_steps(story_key: str, story: Story) -> list[StepView]:
    """The story's steps, their words and dates for this reader (see use_reader_locale)."""
    return _story_steps(story_key, story, reader_key())


@st.cache_resource(show_spinner=False, max_entries=64)
def _story_steps(story_key: str, _story: Story, reader: tuple) -> list[StepView]:
    return build_steps(_story)


@st.cache_resource(show_spinner=False)
def story_layout(story_key: str, _story: Story) -> StoryLayout:
    from mapstory.gazetteer import default_country_shape

    return layout_story(_story, default_country_shape)


@st.cache_resource(show_spinner=False)
def _store(path: str):
    from mapstory.store import StoryStore

    return StoryStore(path)


def get_store():
    """The server's story store (raises mapstory.store.StoreError with the file's name)."""
    return _store(get_settings().store_path)


def open_story(story_id: str | None):
    """The story a page should show and a note for the reader, from ``?story=`` or the default.

    Returns (story, cache key, note). An unknown or malformed id falls back to the default
    story with a note, never an error page: links get truncated and mistyped.
    """
    from mapstory.store import valid_id

    if story_id:
        if not valid_id(story_id):
            note = text("app.link_malformed")
        else:
            stored = get_store().load(story_id)
            if stored is not None:
                return stored.story, stored.key, None
            note = text("app.link_unknown")
    else:
        note = None
    story = load_story_file(default_story_path())
    return story, story.id, note


def warm_geoparser() -> None:
    """Load spaCy, the gazetteer and the demonyms once per process, before the first draft."""
    with st.spinner(text("app.loading_model")):
        _warm_geoparser()


@st.cache_resource(show_spinner=False)
def _warm_geoparser() -> None:
    from mapstory.gazetteer import default_gazetteer
    from mapstory.geoparse.lexicon import demonyms, nlp

    nlp()
    default_gazetteer().prepare()
    demonyms()


@st.cache_data(show_spinner=False, max_entries=32)
def draft(text: str, title: str | None, date, source: str | None, url: str | None) -> Story:
    from mapstory.geoparse.draft import draft_story

    return draft_story(text, title=title, date=date, source=source, url=url)


def story_blocs(story_key: str, _story: Story) -> list[BlocDef]:
    """The blocs of geodata/blocs.yaml this story names, in the order it names them."""
    return blocs_in_story(_story, load_blocs())


def map_options(online_tiles: bool, marks_url: str | None = None) -> MapOptions:
    return MapOptions(
        assets=local_asset_urls(get_settings().static_url),
        online_tiles=online_tiles,
        marks_url=marks_url,
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _story_marks(
    story_key: str, _story: Story, _layout: StoryLayout, reader: tuple
) -> tuple[str, str]:
    script = marks_script(_story, _layout)  # popups and tooltips carry dates: one per locale
    return script, publish_marks(script)


def story_marks_url(story_key: str, story: Story, layout: StoryLayout) -> str:
    """The URL of the story's marks as a static script (see mapbuild.marks_script).

    Rendered once per story version and process; published again only if the file went
    missing (pruned, or a fresh static/ folder under a running server).
    """
    script, name = _story_marks(story_key, story, layout, reader_key())
    if not (STATIC_DIR / name).is_file():
        name = publish_marks(script)
    return f"{get_settings().static_url.rstrip('/')}/{name}"


@st.cache_resource(show_spinner=False)
def _geocoder(online: bool, user_agent: str | None, domain: str, scheme: str, timeout: float):
    from mapstory.geocode import make_geocoder

    return make_geocoder(
        online=online, user_agent=user_agent, domain=domain, scheme=scheme, timeout=timeout
    )


def get_geocoder():
    """One geocoder per process and settings: Nominatim's 1 request/s is a process-wide limit,
    and its cache is worth sharing between sessions."""
    s = get_settings()
    return _geocoder(
        s.online,
        s.nominatim_user_agent,
        s.nominatim_domain,
        s.nominatim_scheme,
        s.nominatim_timeout,
    )


def as_reader(build: Callable[[], T]) -> Callable[[], T]:
    """`build`, to be called later (a download made when clicked) in this reader's language
    and locale, whichever thread calls it."""
    context = contextvars.copy_context()
    return lambda: context.run(build)


@st.cache_data(show_spinner=False, max_entries=16)
def map_snapshot(story_key: str, _story: Story, step: int, reader: tuple) -> bytes:
    """The step's map as a PNG for print (a headless Chromium draws it; seconds, so cached)."""
    from mapstory.export.snapshot import map_snapshot as draw

    return draw(_story, step)
