"""Any article: paste, upload or link an article and get a draft map story to check and fix."""

import contextlib
import datetime as dt
import logging
from dataclasses import replace

import streamlit as st
from streamlit.errors import StreamlitAPIException

from mapstory import ui
from mapstory.dates import format_day
from mapstory.escaping import markdown_text
from mapstory.export import parse_story_upload
from mapstory.gazetteer import GeodataError, default_gazetteer
from mapstory.geocode import GeocoderChain, GeocoderConfigError
from mapstory.geoparse.draft import DraftResult, make_draft, relocate_place
from mapstory.geoparse.lexicon import demonyms
from mapstory.intake import Intake, IntakeError, fetch_url, read_text, read_upload
from mapstory.messages import label, number, text
from mapstory.render import draft_summary_html
from mapstory.store import ArticleInput, StoreError, new_story_id, valid_id, with_id
from mapstory.storyfile import StoryFileError

logger = logging.getLogger(__name__)

ui.start_page()
settings = ui.get_settings()
limits = settings.intake

st.title(text("article.title"))
st.caption(text("article.intro"))

# Start-up check: the files this page cannot work without, named if missing or damaged, before
# anyone pastes an article only to lose it on saving.
try:
    default_gazetteer().complete()
    demonyms()
    store = ui.get_store()
except (GeodataError, StoreError) as error:
    st.error(text("article.cannot_start"))
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

SOURCES = ("paste", "upload", "url", "import")
source = st.radio(
    text("article.source"),
    SOURCES,
    format_func=lambda key: text(f"article.source_{key}"),
    horizontal=True,
    key="source",
)
if source == "paste":
    st.text_area(
        text("article.text"),
        key="paste_text",
        height=260,
        placeholder=text("article.text_placeholder"),
    )
elif source == "upload":
    st.file_uploader(
        text("article.file"),
        type=["txt", "md", "markdown", "html", "htm", "docx"],
        key="upload",
        max_upload_size=max(1, limits.max_upload_bytes // 1_000_000),
    )
elif source == "url":
    st.text_input(text("article.address"), key="url", placeholder="https://…")
else:
    st.file_uploader(
        text("article.story_file"),
        type=["yaml", "yml", "json", "geojson"],
        key="story_file",
        max_upload_size=max(1, limits.max_upload_bytes // 1_000_000),
    )

left, right = st.columns(2)
left.text_input(text("article.title_field"), key="title", help=text("article.title_help"))
right.date_input(
    text("article.date"),
    value=None,
    key="article_date",
    help=text("article.date_help"),
)


def read_article():
    """The Intake for whatever the person gave, or raise IntakeError with a clear message."""
    if source == "paste":
        return read_text(st.session_state.get("paste_text") or "", limits)
    if source == "upload":
        upload = st.session_state.get("upload")
        if upload is None:
            raise IntakeError(text("article.choose_file"))
        return read_upload(upload.name, upload.getvalue(), limits)
    address = (st.session_state.get("url") or "").strip()
    if not address:
        raise IntakeError(text("article.type_address"))
    if not settings.online:
        raise IntakeError(text("article.fetching_off"))
    return fetch_url(address, limits)


def import_story() -> None:
    """Validate an uploaded story file and keep it on the server under a new id."""
    upload = st.session_state.get("story_file")
    if upload is None:
        st.error(text("article.choose_story_file"))
        return
    try:
        story = parse_story_upload(upload.name, upload.getvalue())
        stored = store.save(with_id(story, new_story_id("import")))
    except StoryFileError as error:
        st.error(text("article.invalid_story_file", name=markdown_text(upload.name)))
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
        st.warning(markdown_text(text("geocode.not_configured_draft", error=error)))
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
    with st.status(text("article.reading"), expanded=True) as status:
        try:
            intake = read_article()
        except IntakeError as error:
            status.update(label=text("article.unreadable"), state="error")
            st.error(markdown_text(error))
            return None
        for warning in intake.warnings:
            st.warning(markdown_text(warning))
        words = number(len(intake.text.split()))
        st.write(markdown_text(text("article.read_words", words=words, source=intake.source)))
        date = st.session_state.get("article_date") or intake.published
        date_note = None
        if date is not None and not st.session_state.get("article_date"):
            date_note = text("article.dated_from_text", day=format_day(date, weekday=False))
        if date is None:
            date = dt.date.today()
            date_note = text("article.no_date", today=format_day(date, weekday=False))
        if date_note:
            st.info(date_note)
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
            status.update(label=text("article.not_kept"), state="error")
            st.error(markdown_text(error))
            return None
        st.session_state["restored_id"] = draft_id
        st.query_params["story"] = draft_id
        status.update(label=text("article.finding"))
        try:
            ui.warm_geoparser()
            result = make_story(kept, intake)
        except Exception as error:  # any parser failure: say so, keep the text, no traceback
            logger.exception("drafting %s failed", draft_id)
            detail = " ".join(str(error).split())[:200]
            problem = (
                text("article.problem_data", detail=detail)
                if isinstance(error, GeodataError)
                else text("article.problem_parser", error=type(error).__name__, detail=detail)
            )
            with contextlib.suppress(StoreError):  # the text is kept already; only the reason not
                store.save_input(draft_id, replace(kept, problem=problem))
            status.update(label=text("article.not_made"), state="error")
            st.error(markdown_text(text("article.not_made_detail", problem=problem)))
            return draft_id
        status.update(label=text("article.saving"))
        try:
            store.save(with_id(result.story, draft_id))
        except StoreError as error:
            status.update(label=text("article.not_saved"), state="error")
            st.error(markdown_text(error))
            return draft_id
        notes = [n for n in [result.online_problem()] if n]
        placed = result.online_placed()
        if placed:
            names = text("list.separator").join(placed)
            notes.append(text("article.placed_online", names=names))
        draft_notes()[draft_id] = notes
        # Where "on Tuesday" was counted from stays in sight beside the draft, not only in
        # the status box that closes when the draft is ready.
        st.session_state.setdefault("date_notes", {})[draft_id] = date_note
        status.update(label=text("article.ready"), state="complete", expanded=False)
    return None


reported = None
if source == "import":
    if st.button(text("article.import"), type="primary"):
        import_story()
elif st.button(text("article.make"), type="primary"):
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
        why = kept_now.problem or text("article.interrupted")
        st.warning(markdown_text(text("article.not_made_yet", why=why)))
    if kept_now.previous:
        page_link("article", text("article.back"), kept_now.previous)
    st.stop()
try:
    story, story_key, note = ui.open_story(story_id)
except (StoreError, StoryFileError, GeodataError) as error:
    st.error(text("app.load_failed"))
    st.code(str(error), language=None)
    st.stop()
if note or not story.id.startswith(("draft-", "import-")):
    st.info(note or text("article.not_a_draft"))
    st.stop()

st.divider()
st.html(draft_summary_html(story))
for message in draft_notes().get(story.id, []):
    st.warning(markdown_text(message))
if date_note := st.session_state.get("date_notes", {}).get(story.id):
    st.info(date_note)
for target in ("story", "explore"):
    page_link(target, text(f"article.open_{target}"), story.id)

st.subheader(text("article.check"))
st.caption(text("article.check_caption"))
if not story.places:
    st.info(text("article.no_places"))
    st.stop()
place_ids = [p.id for p in story.places]
chosen = st.selectbox(
    text("column.place"),
    place_ids,
    format_func=lambda pid: text(
        "article.place_option",
        name=story.place(pid).name,
        kind=text(f"place_kind.{story.place(pid).kind}"),
    ),
    key="fix_place",
)
place = story.place(chosen)
st.caption(place.note or "")
gazetteer = default_gazetteer()
mentioned = place.mentions[0].text if place.mentions else place.name
if place.gazetteer_id and not any(
    entry.id == place.gazetteer_id for entry in gazetteer.search(mentioned, limit=12)
):
    mentioned = place.name  # "Barrow" of "Barrow and Jackson counties" is Barrow County
query = st.text_input(text("article.search"), value=mentioned, key=f"fix_query_{chosen}")
candidates = gazetteer.search(query, limit=12) if query.strip() else []
if not candidates:
    st.warning(text("article.no_candidates"))
else:
    labels = {
        entry.id: text(
            "article.candidate_population" if entry.population else "article.candidate",
            name=entry.name,
            country=entry.country_code or "—",
            kind=label("place_kind", entry.kind),
            lat=f"{entry.lat:.2f}",
            lon=f"{entry.lon:.2f}",
            population=number(entry.population or 0),
        )
        for entry in candidates
    }
    current = place.gazetteer_id if place.gazetteer_id in labels else None
    pick = st.radio(
        text("article.candidates"),
        list(labels),
        index=list(labels).index(current) if current else 0,
        format_func=labels.get,
        key=f"fix_pick_{chosen}_{query}",
    )
    if st.button(text("article.use_place"), disabled=pick == place.gazetteer_id, key="fix_apply"):
        fixed = relocate_place(story, chosen, gazetteer.get(pick))
        try:
            store.save(fixed)
        except StoreError as error:
            st.error(str(error))
        else:
            st.toast(markdown_text(text("article.fixed", name=place.name, target=labels[pick])))
            st.rerun()
