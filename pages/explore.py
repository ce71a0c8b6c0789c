"""Explore page: every mark at once, filtered by layer, actor, certainty, status and time."""

import hashlib
from dataclasses import replace

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from mapstory import explore, ui
from mapstory.blocs import BlocDataError
from mapstory.explore import column
from mapstory.gazetteer import GeodataError
from mapstory.mapbuild import (
    bloc_legend_rows,
    build_map,
    explore_css,
    explore_layer,
    legend_rows,
    selection_bounds,
)
from mapstory.mapbuild.style import SVG_DEFS
from mapstory.messages import text
from mapstory.render import (
    explore_event_html,
    explore_place_html,
    explore_summary_html,
    legend_strip_html,
    membership_html,
    story_header_html,
    timeline_html,
)
from mapstory.store import StoreError
from mapstory.storyfile import StoryFileError

ui.start_page()
try:
    story, story_key, story_note = ui.open_story(st.query_params.get("story"))
    layout = ui.story_layout(story_key, story)
    blocs = ui.story_blocs(story_key, story)
except (StoryFileError, GeodataError, BlocDataError, StoreError) as error:
    st.error(text("app.load_failed"))
    st.code(str(error), language=None)
    st.stop()
if story_note:
    st.info(story_note)

ctx = explore.context_for(story, blocs)
WIDGETS = (
    "ex_layers",
    "ex_actors",
    "ex_certainty",
    "ex_status",
    "ex_window",
    "ex_undated",
    "ex_blocs",
)
place_index = {p.id: i for i, p in enumerate(story.places)}
event_index = {e.id: i for i, e in enumerate(story.events)}


def select(kind: str | None, ident: str | None) -> None:
    """One selection for the map, the panel and both tables."""
    if not (kind and ident):
        kind = ident = None
    st.session_state["ex_selected"] = (kind, ident) if kind else None
    places = [place_index[ident]] if kind == "place" else []
    events = [event_index[ident]] if kind == "event" else []
    st.session_state["ex_places"] = {"selection": {"rows": places, "columns": [], "cells": []}}
    st.session_state["ex_events"] = {"selection": {"rows": events, "columns": [], "cells": []}}


# A link (first visit, or a link opened from elsewhere) sets the state; after that the
# widgets do, and the link follows them.
query = st.query_params.to_dict()
if query != st.session_state.get("ex_written") or any(
    key not in st.session_state for key in WIDGETS
):
    state, notes = explore.parse_query(query, ctx)
    st.session_state.update(
        ex_layers=[k for k in ctx.layers if k in state.layers],
        ex_actors=[a for a in ctx.actors if a in state.actors],
        ex_certainty=[c for c in explore.CERTAINTIES if c in state.certainty],
        ex_status=[s for s in explore.STATUSES if s in state.status],
        ex_window=(state.start, state.end),
        ex_undated=state.undated,
        ex_blocs=list(state.blocs),
        ex_notes=(notes, state),
    )
    select("place" if state.place else "event", state.place or state.event)


def on_table(kind: str) -> None:
    key = "ex_places" if kind == "place" else "ex_events"
    rows = st.session_state[key]["selection"]["rows"]
    items = story.places if kind == "place" else story.events
    select(kind if rows else None, items[rows[0]].id if rows else None)


def on_map_click() -> None:
    """Called only when the map reports something new, which with these returned objects is a
    click: the count makes a second click on the same mark news too (after a table row was
    picked in between). Count 0 is the map announcing itself on mount."""
    value = st.session_state.get("explore-map") or {}
    if not value.get("last_object_clicked_count"):
        return
    picked = explore.parse_click(value.get("last_object_clicked_tooltip"), ctx)
    if picked is not None:
        select(*picked)


st.html(story_header_html(story))
notice = st.container()

actor_names = {a: story.actor(a).name for a in ctx.actors}
bloc_names = {b.id: b.name for b in blocs}
with st.sidebar:
    st.pills(
        text("explore.layers"),
        ctx.layers,
        selection_mode="multi",
        format_func=explore.layer_label,
        key="ex_layers",
    )
    st.pills(
        text("explore.actors"),
        ctx.actors,
        selection_mode="multi",
        format_func=actor_names.get,
        key="ex_actors",
    )
    st.pills(
        text("column.certainty"),
        explore.CERTAINTIES,
        selection_mode="multi",
        format_func=lambda value: text(f"certainty.{value}"),
        key="ex_certainty",
        help=text("explore.certainty_help"),
    )
    st.pills(
        text("column.status"),
        explore.STATUSES,
        selection_mode="multi",
        format_func=lambda value: text(f"status.{value}"),
        key="ex_status",
    )
    st.toggle(text("explore.undated"), key="ex_undated", help=text("explore.undated_help"))
    st.pills(
        text("explore.blocs"),
        ctx.blocs,
        selection_mode="multi",
        format_func=bloc_names.get,
        key="ex_blocs",
        help=text("explore.blocs_help"),
    )
st.slider(
    text("explore.window"),
    min_value=ctx.first_day,
    max_value=ctx.last_day,
    format="D MMM YYYY",
    key="ex_window",
)

selected = st.session_state.get("ex_selected")
start, end = st.session_state["ex_window"]
state = explore.ExploreState(
    layers=frozenset(st.session_state["ex_layers"]),
    actors=frozenset(st.session_state["ex_actors"]),
    certainty=frozenset(st.session_state["ex_certainty"]),
    status=frozenset(st.session_state["ex_status"]),
    start=start,
    end=end,
    undated=st.session_state["ex_undated"],
    blocs=tuple(b for b in ctx.blocs if b in st.session_state["ex_blocs"]),
)
if selected:
    state = state.selecting(**{selected[0]: selected[1]})
written = explore.to_query(state, ctx)
if story_key != story.id or st.query_params.get("story") == story.id:
    written = {"story": story.id, **written}  # a stored draft: the link must keep naming it
if written != query:
    st.query_params.from_dict(written)
st.session_state["ex_written"] = written

notes, noted_state = st.session_state.get("ex_notes", ([], None))
if notes and replace(noted_state, place=None, event=None) == replace(state, place=None, event=None):
    notice.warning(
        text("explore.link_notes") + "\n\n" + "\n".join(text("list.bullet", item=n) for n in notes)
    )

visible = explore.visible_marks(story, state)
st.html(timeline_html(story, ctx.first_day, ctx.last_day, state.window, visible))

day = story.article.date
expanded = explore.bloc_layers(story, blocs, state.blocs, day)
focus_events, focus_places = explore.focus_of(story, state)
css = explore_css(
    list(visible.hidden_events), list(visible.hidden_places), focus_events, focus_places
)
# Frame the map only when the selection changes (the whole story when there is none), so
# filtering never undoes a reader's pan.
frame = None
if st.session_state.get("ex_framed", "never") != selected:
    frame = selection_bounds(layout, state.place, state.event) or layout.overall
    st.session_state["ex_framed"] = selected
token = hashlib.sha1(repr((css, expanded, frame)).encode()).hexdigest()[:12]

map_column, text_column = st.columns([7, 4], gap="medium")
with map_column:
    options = replace(
        ui.map_options(False, ui.story_marks_url(story_key, story, layout)),
        legend=False,
        click_ids=True,
    )
    st_folium(
        build_map(story, layout, options),
        key="explore-map",
        height=options.height_px,
        use_container_width=True,
        returned_objects=["last_object_clicked_tooltip", "last_object_clicked_count"],
        feature_group_to_add=explore_layer(css, token, frame, expanded),
        on_change=on_map_click,
    )
    rows = legend_rows(
        story,
        [story.event(e) for e in visible.events],
        [story.place(p) for p in visible.places],
    )
    # Markdown, not st.html: st.html's sanitiser drops the SVG swatches (labels are escaped).
    st.markdown(
        legend_strip_html(rows + bloc_legend_rows(expanded), SVG_DEFS), unsafe_allow_html=True
    )
with text_column:
    if selected:
        st.button(text("explore.clear"), key="ex_clear", on_click=select, args=(None, None))
    if state.place:
        st.html(explore_place_html(story, state.place))
    elif state.event:
        st.html(explore_event_html(story, state.event))
    else:
        st.html(explore_summary_html(story, visible))
    chosen = [b for b in blocs if b.id in state.blocs]
    if chosen:
        st.html(membership_html(story, chosen, day, explore.institution_notes(story, chosen, day)))

TABLE_ROW_PX = 35  # st.dataframe's default row (and header) height
st.subheader(text("layer.places"), anchor=False)
place_table = pd.DataFrame(explore.place_rows(story, visible))
st.dataframe(
    place_table,
    height=TABLE_ROW_PX * (len(place_table) + 1) + 3,  # every row, no inner scrolling
    key="ex_places",
    on_select=lambda: on_table("place"),
    selection_mode="single-row",
    hide_index=True,
    width="stretch",
    placeholder="—",
    column_config={
        column("lat"): st.column_config.NumberColumn(format="%.2f"),
        column("lon"): st.column_config.NumberColumn(format="%.2f"),
        column("first_mention"): st.column_config.NumberColumn(format="¶%d"),
        column("on_map"): st.column_config.CheckboxColumn(help=text("explore.on_map_help")),
    },
)
st.subheader(text("column.events"), anchor=False)
event_table = pd.DataFrame(explore.event_rows(story, visible))
st.dataframe(
    event_table,
    height=TABLE_ROW_PX * (len(event_table) + 1) + 3,
    column_order=[
        column(key)
        for key in (
            *("event", "kind", "date", "timing", "status", "actors", "from", "to"),
            *("certainty", "on_map", "earliest", "latest", "precision"),
        )
    ],
    key="ex_events",
    on_select=lambda: on_table("event"),
    selection_mode="single-row",
    hide_index=True,
    width="stretch",
    placeholder="—",
    column_config={
        column("earliest"): st.column_config.DateColumn(format="D MMM YYYY"),
        column("latest"): st.column_config.DateColumn(format="D MMM YYYY"),
        column("on_map"): st.column_config.CheckboxColumn(help=text("explore.on_map_help")),
    },
)
st.caption(text("explore.tables_caption"))
