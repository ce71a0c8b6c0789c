"""Story page: step through the article on the map, one excerpt at a time."""

from dataclasses import replace

import streamlit as st
from streamlit_folium import st_folium

from mapstory import ui
from mapstory.export.snapshot import snapshot_unavailable
from mapstory.gazetteer import GeodataError
from mapstory.mapbuild import build_map, legend_rows, step_layer
from mapstory.mapbuild.style import SVG_DEFS
from mapstory.messages import text
from mapstory.narrative import clamp_step
from mapstory.render import legend_strip_html, step_panel_html, story_header_html
from mapstory.sharing import embed_code, export_files, share_link
from mapstory.store import StoreError
from mapstory.storyfile import StoryFileError

ui.start_page()
try:
    story, story_key, story_note = ui.open_story(st.query_params.get("story"))
    steps = ui.story_steps(story_key, story)
    layout = ui.story_layout(story_key, story)
except (StoryFileError, GeodataError, StoreError) as error:
    st.error(text("app.load_failed"))
    st.code(str(error), language=None)
    st.stop()
if story_note:
    st.query_params.pop("story", None)

# A step changes only what the fragment below draws: the header, notes and legend strip stay
# in the browser, and a step's rerun sends only the narrative, the controls and the map's
# small update (bench/story_perf.py).
# ?embed=true: the page sits in an 800×600 iframe on another site. Map and narrative share
# the frame; the header is one line linking to the full app; the rest stays in the app.
embedded = bool(st.context.is_embedded)
if embedded:
    full = share_link(st.context.url or "", {"story": st.query_params.get("story")})
    st.html(story_header_html(story, full_link=full))
else:
    st.html(story_header_html(story))
if story_note:
    st.info(story_note)
ui.step_keys()


EMBED_MAP_PX = 520  # with the one-line header, fits an 800×600 iframe
EMBED_PANEL_PX = 455  # the narrative scrolls beside the map, below the step controls


def go_to(target: int) -> None:
    st.query_params["step"] = str(max(1, min(len(steps), target)))


@st.fragment
def story_view() -> None:
    # A fragment's rerun runs only this function, in a fresh context: set the reader's
    # locale again, or the marks script (dated popups) would change and remount the map.
    ui.use_reader_locale()
    number, note = clamp_step(st.query_params.get("step"), len(steps))
    if st.query_params.get("step") != str(number):
        st.query_params["step"] = str(number)
    step = steps[number - 1]
    if note:
        st.info(note)
    # The narrative and its step controls come first in the page: keyboard and screen-reader
    # users reach Previous / Next before the map's marks, and phones stack them above the map.
    text_column, map_column = st.columns([2, 3], gap="small" if embedded else "medium")
    with text_column:
        back, counter, forward = st.columns([5, 3, 5], vertical_alignment="center")
        back.button(
            text("story.previous"),
            key="prev",
            on_click=go_to,
            args=(number - 1,),
            disabled=number == 1,
            shortcut="Left",
            use_container_width=True,
        )
        counter.markdown(
            "<div style='text-align:center;font-weight:600'>"
            f"{text('step.counter', number=number, total=len(steps))}</div>",
            unsafe_allow_html=True,
        )
        forward.button(
            text("story.next"),
            key="next",
            on_click=go_to,
            args=(number + 1,),
            disabled=number == len(steps),
            shortcut="Right",
            use_container_width=True,
        )
        st.html(step_panel_html(step, len(steps), EMBED_PANEL_PX if embedded else None))

    with map_column:
        st.session_state.setdefault("online_tiles", ui.get_settings().online)
        online_tiles = st.session_state["online_tiles"]
        options = ui.map_options(online_tiles, ui.story_marks_url(story_key, story, layout))
        if embedded:
            options = replace(options, height_px=EMBED_MAP_PX)
        st_folium(
            build_map(story, layout, options),
            key="story-map",
            height=options.height_px,
            use_container_width=True,
            returned_objects=[],
            feature_group_to_add=step_layer(step, layout),
        )
        if embedded:
            return
        hint, toggle = st.columns([3, 1], vertical_alignment="center")
        hint.caption(text("story.hint"))
        toggle.toggle(
            text("story.online_tiles"), key="online_tiles", help=text("story.online_help")
        )
        # No material icons and no st.code on this page: each would make every first visit
        # download an icon font (~370 kB; an expander's chevron is one) or a syntax
        # highlighter (~510 kB). A toggle instead of an expander: while it is off, a step
        # sends none of these controls either.
        if st.toggle(text("story.share"), key="share_open"):
            params = {"story": st.query_params.get("story"), "step": number}
            link = share_link(st.context.url or "", params)
            st.text_input(
                text("story.link"),
                value=link,
                key=f"share-link-{number}",
                help=text("story.link_help"),
            )
            st.text_input(
                text("story.embed"),
                value=embed_code(link),
                key=f"embed-code-{number}",
                help=text("story.embed_help"),
            )
            items = export_files(story)
            for column, item in zip(st.columns(len(items)), items, strict=True):
                column.download_button(
                    item.label,
                    data=ui.as_reader(item.build),
                    file_name=item.file_name,
                    mime=item.mime,
                    key=f"export-{item.file_name}",
                    on_click="ignore",
                )
            missing = snapshot_unavailable()
            if missing:
                st.caption(missing)
            else:
                st.download_button(
                    text("export.png", number=number),
                    data=ui.as_reader(
                        lambda: ui.map_snapshot(story_key, story, number, ui.reader_key())
                    ),
                    file_name=f"{story.id}-step-{number}.png",
                    mime="image/png",
                    key=f"export-png-{number}",
                    on_click="ignore",
                    help=text("export.png_help"),
                )


story_view()
if embedded:
    st.stop()
# Markdown, not st.html: st.html's sanitiser drops the SVG swatches. Every label in the rows
# is escaped (including $ and backticks), so markdown finds nothing to interpret.
st.markdown(legend_strip_html(legend_rows(story), SVG_DEFS), unsafe_allow_html=True)
