"""Any article: paste, upload or link an article and get a draft map story to check and fix."""

import datetime as dt

import streamlit as st
from streamlit.errors import StreamlitAPIException

from mapstory import ui
from mapstory.export import parse_story_upload
from mapstory.gazetteer import GeodataError, default_gazetteer
from mapstory.geoparse.draft import relocate_place
from mapstory.intake import IntakeError, fetch_url, read_text, read_upload
from mapstory.render import draft_summary_html
from mapstory.store import StoreError, new_story_id, with_id
from mapstory.storyfile import StoryFileError

ui.enforce_navigation()
ui.prepare_assets()
ui.page_style()
settings = ui.get_settings()
limits = settings.intake

st.title("Any article → map story")
st.caption(
    "Paste an article, upload a file (.txt, .md, .html, .docx) or give a web address. "
    "mapstory finds its places, people and events offline and drafts a story you can check, "
    "fix and share."
)

SOURCES = {
    "paste": "Paste text",
    "upload": "Upload a file",
    "url": "Web address",
    "import": "Import a story file",
}
source = st.radio(
    "Article from", list(SOURCES), format_func=SOURCES.get, horizontal=True, key="source"
)
if source == "paste":
    st.text_area("Article text", key="paste_text", height=260, placeholder="Paste the article…")
elif source == "upload":
    st.file_uploader(
        "Article file",
        type=["txt", "md", "markdown", "html", "htm", "docx"],
        key="upload",
        max_upload_size=max(1, limits.max_upload_bytes // 1_000_000),
    )
elif source == "url":
    st.text_input("Article address", key="url", placeholder="https://…")
else:
    st.file_uploader(
        "Story file exported from mapstory (.yaml, .json or .geojson)",
        type=["yaml", "yml", "json", "geojson"],
        key="story_file",
        max_upload_size=max(1, limits.max_upload_bytes // 1_000_000),
    )

left, right = st.columns(2)
left.text_input("Title (optional)", key="title", help="Default: the page's title or first line")
right.date_input(
    "Article date",
    value=None,
    key="article_date",
    help="Relative dates (“on Tuesday”, “last week”) are counted from it. "
    "Default: the page's own date where it has one, else today.",
)


def read_article():
    """The Intake for whatever the person gave, or raise IntakeError with a clear message."""
    if source == "paste":
        return read_text(st.session_state.get("paste_text") or "", limits)
    if source == "upload":
        upload = st.session_state.get("upload")
        if upload is None:
            raise IntakeError("Choose a file to upload first.")
        return read_upload(upload.name, upload.getvalue(), limits)
    address = (st.session_state.get("url") or "").strip()
    if not address:
        raise IntakeError("Type the article's web address first.")
    if not settings.online:
        raise IntakeError(
            "Fetching web pages is off on this server (it works offline); paste the text or "
            "upload the saved page instead."
        )
    return fetch_url(address, limits)


def import_story() -> None:
    """Validate an uploaded story file and keep it on the server under a new id."""
    upload = st.session_state.get("story_file")
    if upload is None:
        st.error("Choose a story file to import first.")
        return
    try:
        story = parse_story_upload(upload.name, upload.getvalue())
        stored = ui.get_store().save(with_id(story, new_story_id("import")))
    except StoryFileError as error:
        st.error(f"{upload.name} is not a valid story file:")
        st.code("\n".join(error.problems), language=None)
    except StoreError as error:
        st.error(str(error))
    else:
        st.query_params["story"] = stored.story.id


if source == "import":
    if st.button("Import the story", type="primary"):
        import_story()
elif st.button("Make the map story", type="primary"):
    with st.status("Reading the article…", expanded=True) as status:
        try:
            intake = read_article()
            for warning in intake.warnings:
                st.warning(warning)
            st.write(f"Read {len(intake.text.split()):,} words from {intake.source}.")
            status.update(label="Finding places, people and events…")
            ui.warm_geoparser()
            date = st.session_state.get("article_date") or intake.published
            if date is None:
                date = dt.date.today()
                st.info(
                    "No article date was given or found in the page, so “last week” and "
                    f"“on Tuesday” are counted from today ({date:%d %B %Y}). Set the article "
                    "date above and make the story again if that is wrong."
                )
            title = (st.session_state.get("title") or "").strip() or intake.title
            url = intake.source if intake.kind == "url" else None
            story = ui.draft(intake.text, title, date, intake.source, url)
            status.update(label="Saving the draft…")
            stored = ui.get_store().save(with_id(story, new_story_id()))
        except IntakeError as error:
            status.update(label="The article could not be read", state="error")
            st.error(str(error))
        except (StoreError, GeodataError) as error:
            status.update(label="The draft could not be saved", state="error")
            st.error(str(error))
        else:
            status.update(label="Draft ready", state="complete", expanded=False)
            st.query_params["story"] = stored.story.id

story_id = st.query_params.get("story")
if not story_id:
    st.stop()
try:
    story, story_key, note = ui.open_story(story_id)
except StoreError as error:
    st.error(str(error))
    st.stop()
if note or not story.id.startswith(("draft-", "import-")):
    st.info(note or "That link is not a draft made on this page.")
    st.stop()

st.divider()
st.html(draft_summary_html(story))
for target, label in (("story", "Story"), ("explore", "Explore")):
    try:
        st.page_link(
            f"pages/{target}.py",
            label=f"Open the draft in the {label} view",
            query_params={"story": story.id},
        )
    except StreamlitAPIException:  # the page run on its own, outside app.py's navigation
        st.markdown(f"[Open the draft in the {label} view]({target}?story={story.id})")

st.subheader("Check the places")
st.caption(
    "Each name was placed by the offline gazetteer. If one is wrong, pick another candidate or "
    "search the gazetteer; the fix is saved with the story and its exports."
)
if not story.places:
    st.info("No places were found in this article.")
    st.stop()
place_ids = [p.id for p in story.places]
chosen = st.selectbox(
    "Place",
    place_ids,
    format_func=lambda pid: f"{story.place(pid).name} ({story.place(pid).kind})",
    key="fix_place",
)
place = story.place(chosen)
st.caption(place.note or "")
gazetteer = default_gazetteer()
mentioned = place.mentions[0].text if place.mentions else place.name
query = st.text_input("Search the gazetteer", value=mentioned, key=f"fix_query_{chosen}")
candidates = gazetteer.search(query, limit=12) if query.strip() else []
if not candidates:
    st.warning("No place of that name in the offline gazetteer.")
else:
    labels = {
        entry.id: f"{entry.name}, {entry.country_code or '—'} · {entry.kind}"
        f" · {entry.lat:.2f}, {entry.lon:.2f}"
        + (f" · pop. {entry.population:,}" if entry.population else "")
        for entry in candidates
    }
    current = place.gazetteer_id if place.gazetteer_id in labels else None
    pick = st.radio(
        "Candidates",
        list(labels),
        index=list(labels).index(current) if current else 0,
        format_func=labels.get,
        key=f"fix_pick_{chosen}_{query}",
    )
    if st.button("Use this place", disabled=pick == place.gazetteer_id, key="fix_apply"):
        fixed = relocate_place(story, chosen, gazetteer.get(pick))
        try:
            ui.get_store().save(fixed)
        except StoreError as error:
            st.error(str(error))
        else:
            st.toast(f"{place.name} now points at {labels[pick]}")
            st.rerun()
