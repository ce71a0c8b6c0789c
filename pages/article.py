"""Any article: paste, upload or link an article and get a draft map story to check and fix."""

import contextlib
import datetime as dt
import logging
from dataclasses import replace

import streamlit as st
from streamlit.errors import StreamlitAPIException

from mapstory import ui
from mapstory.escaping import markdown_text
from mapstory.export import parse_story_upload
from mapstory.gazetteer import GeodataError, default_gazetteer
from mapstory.geocode import GeocoderChain, GeocoderConfigError
from mapstory.geoparse.draft import DraftResult, make_draft, relocate_place
from mapstory.geoparse.lexicon import demonyms
from mapstory.intake import Intake, IntakeError, fetch_url, read_text, read_upload
from mapstory.render import draft_summary_html
from mapstory.store import ArticleInput, StoreError, new_story_id, valid_id, with_id
from mapstory.storyfile import StoryFileError

logger = logging.getLogger(__name__)

ui.start_page()
settings = ui.get_settings()
limits = settings.intake

st.title("Any article → map story")
st.caption(
    "Paste an article, upload a file (.txt, .md, .html, .docx) or give a web address. "
    "mapstory finds its places, people and events offline and drafts a story you can check, "
    "fix and share."
)

# Start-up check: the files this page cannot work without, named if missing or damaged, before
# anyone pastes an article only to lose it on saving.
try:
    default_gazetteer()
    demonyms()
    store = ui.get_store()
except (GeodataError, StoreError) as error:
    st.error(
        "This page cannot start: a file it needs is missing or damaged. "
        "Ask whoever runs this server to fix or restore it."
    )
    st.code(str(error), language=None)
    st.stop()

link_id = st.query_params.get("story")
link_id = link_id if valid_id(link_id) else None


def restore_from_link(story_id: str | None) -> ArticleInput | None:
    """Fill the form from what the link keeps, once per session and link; return the kept text.

    A reload or a server restart starts a new session with an empty form, but the text a
    person gave is kept in the store under the link's id: put it back, so nothing is lost.
    Only the id in this browser's link opens it, so nobody else sees it.
    """
    if story_id is None:
        return None
    try:
        kept = store.load_input(story_id)
        if kept is None and story_id.startswith("draft-"):
            stored = store.load(story_id)
            if stored is not None:  # a draft kept before inputs were
                article = stored.story.article
                kept = ArticleInput(article.text, date=article.date, source=article.source)
    except StoreError as error:
        st.error(str(error))
        return None
    if kept is not None and st.session_state.get("restored_id") != story_id:
        st.session_state["restored_id"] = story_id
        st.session_state.update(
            source="paste",
            paste_text=kept.text,
            title=kept.title or "",
            article_date=kept.date,
        )
    return kept


kept_input = restore_from_link(link_id)

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
        stored = store.save(with_id(story, new_story_id("import")))
    except StoryFileError as error:
        st.error(f"{upload.name} is not a valid story file:")
        st.code("\n".join(error.problems), language=None)
    except StoreError as error:
        st.error(str(error))
    else:
        st.query_params["story"] = stored.story.id


def page_link(target: str, label: str, story_id: str) -> None:
    """A link to another page showing *story_id* (plain markdown outside app.py's navigation)."""
    try:
        st.page_link(f"pages/{target}.py", label=label, query_params={"story": story_id})
    except StreamlitAPIException:  # the page run on its own, outside app.py's navigation
        st.markdown(f"[{label}]({target}?story={story_id})")


def online_geocoder() -> GeocoderChain | None:
    """Nominatim (then the offline gazetteer) for names the gazetteer lacks, when switched on."""
    if not settings.online:
        return None
    try:
        geocoder = ui.get_geocoder()
    except GeocoderConfigError as error:
        st.warning(
            markdown_text(
                f"Online geocoding is switched on but not configured: {error} Names the "
                "offline gazetteer lacks are left off the map."
            )
        )
        return None
    return geocoder if isinstance(geocoder, GeocoderChain) else None


def make_story(kept: ArticleInput, intake: Intake) -> DraftResult:
    """Draft the story offline, asking Nominatim only about names the gazetteer lacks."""
    url = intake.source if intake.kind == "url" else None
    geocoder = online_geocoder()
    if geocoder is None:
        return DraftResult(ui.draft(intake.text, kept.title, kept.date, intake.source, url))
    return make_draft(
        intake.text,
        title=kept.title,
        date=kept.date,
        source=intake.source,
        url=url,
        online=geocoder,
        budget=settings.nominatim_timeout,
    )


def draft_notes() -> dict[str, list[str]]:
    """Messages about each draft made in this session, shown with it until the page is left."""
    return st.session_state.setdefault("draft_notes", {})


def has_story(story_id: str | None) -> bool:
    try:
        return story_id is not None and store.load(story_id) is not None
    except StoreError:
        return False  # a damaged row: not a draft to go back to


def make_the_story() -> str | None:
    """Read, keep, parse and save: the text is kept under the new link before it is parsed,
    so a parse that fails (or a server that stops) loses nothing.

    Returns the id of a draft whose failure was just reported here, so the page does not
    report it twice.
    """
    with st.status("Reading the article…", expanded=True) as status:
        try:
            intake = read_article()
        except IntakeError as error:
            status.update(label="The article could not be read", state="error")
            st.error(markdown_text(error))
            return None
        for warning in intake.warnings:
            st.warning(markdown_text(warning))
        st.write(markdown_text(f"Read {len(intake.text.split()):,} words from {intake.source}."))
        date = st.session_state.get("article_date") or intake.published
        if date is None:
            date = dt.date.today()
            st.info(
                "No article date was given or found in the page, so “last week” and "
                f"“on Tuesday” are counted from today ({date:%d %B %Y}). Set the article "
                "date above and make the story again if that is wrong."
            )
        pasted = st.session_state.get("paste_text") if source == "paste" else None
        previous = link_id if has_story(link_id) else None
        kept = ArticleInput(
            text=pasted or intake.text,
            title=(st.session_state.get("title") or "").strip() or intake.title,
            date=date,
            source=intake.source,
            previous=previous or (kept_input.previous if kept_input else None),
        )
        draft_id = new_story_id()
        try:
            store.save_input(draft_id, kept)
        except StoreError as error:
            status.update(label="The article could not be kept", state="error")
            st.error(markdown_text(error))
            return None
        st.session_state["restored_id"] = draft_id
        st.query_params["story"] = draft_id
        status.update(label="Finding places, people and events…")
        try:
            ui.warm_geoparser()
            result = make_story(kept, intake)
        except Exception as error:  # any parser failure: say so, keep the text, no traceback
            logger.exception("drafting %s failed", draft_id)
            detail = " ".join(str(error).split())[:200]
            problem = (
                f"{detail}."
                if isinstance(error, GeodataError)
                else f"the geoparser failed ({type(error).__name__}: {detail})."
            )
            with contextlib.suppress(StoreError):  # the text is kept already; only the reason not
                store.save_input(draft_id, replace(kept, problem=problem))
            status.update(label="The story could not be made", state="error")
            st.error(
                markdown_text(
                    f"No story could be made from this article: {problem} Your text is kept "
                    "here and at this page's link; press “Make the map story” to try again."
                )
            )
            return draft_id
        status.update(label="Saving the draft…")
        try:
            store.save(with_id(result.story, draft_id))
        except StoreError as error:
            status.update(label="The draft could not be saved", state="error")
            st.error(markdown_text(error))
            return draft_id
        notes = [n for n in [result.online_problem()] if n]
        placed = result.online_placed()
        if placed:
            notes.append(
                f"Placed online by Nominatim (not in the offline gazetteer): {', '.join(placed)}."
            )
        draft_notes()[draft_id] = notes
        status.update(label="Draft ready", state="complete", expanded=False)
    return None


reported = None
if source == "import":
    if st.button("Import the story", type="primary"):
        import_story()
elif st.button("Make the map story", type="primary"):
    reported = make_the_story()

story_id = st.query_params.get("story")
if not story_id:
    st.stop()
try:
    stored_story = store.load(story_id)
    kept_now = store.load_input(story_id)
except StoreError as error:
    st.error(markdown_text(error))
    st.stop()
if stored_story is None and kept_now is not None:
    # The text was kept but no story was made of it: the parse failed, or stopped.
    if reported != story_id:
        why = kept_now.problem or "it was being made when the page was left or the server stopped."
        st.warning(
            markdown_text(
                f"No story has been made from this text yet: {why} The text is kept above; "
                "press “Make the map story” to try again."
            )
        )
    if kept_now.previous:
        page_link("article", "Back to the previous draft", kept_now.previous)
    st.stop()
try:
    story, story_key, note = ui.open_story(story_id)
except (StoreError, StoryFileError, GeodataError) as error:
    st.error("The story could not be loaded.")
    st.code(str(error), language=None)
    st.stop()
if note or not story.id.startswith(("draft-", "import-")):
    st.info(note or "That link is not a draft made on this page.")
    st.stop()

st.divider()
st.html(draft_summary_html(story))
for message in draft_notes().get(story.id, []):
    st.warning(markdown_text(message))
for target, label in (("story", "Story"), ("explore", "Explore")):
    page_link(target, f"Open the draft in the {label} view", story.id)

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
            store.save(fixed)
        except StoreError as error:
            st.error(str(error))
        else:
            st.toast(f"{place.name} now points at {labels[pick]}")
            st.rerun()
