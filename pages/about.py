"""About page: what mapstory is, the article in full, the gazetteer, and the data's sources."""

import streamlit as st

from mapstory import ui
from mapstory.escaping import markdown_text
from mapstory.gazetteer import GeodataError, default_gazetteer
from mapstory.geocode import GeocoderChain, GeocoderConfigError
from mapstory.messages import text
from mapstory.render import article_html, place_results_html
from mapstory.storyfile import StoryFileError

ui.start_page()
st.title(text("about.title"), anchor=False)
st.write(text("about.intro"))

try:
    story = ui.load_story_file(ui.default_story_path())
except (StoryFileError, GeodataError) as error:
    st.error(text("app.load_failed"))
    st.code(str(error), language=None)
    st.stop()

st.subheader(text("about.article"), anchor=False)
st.caption(text("about.article_caption"))
st.html(article_html(story))

st.subheader(text("about.lookup"), anchor=False)
settings = ui.get_settings()
st.caption(
    text("about.lookup_online", domain=markdown_text(settings.nominatim_domain))
    if settings.online
    else text("about.lookup_offline")
)
query = st.text_input(
    text("about.place_name"), max_chars=200, placeholder=text("about.place_placeholder")
)
if query.strip():
    try:
        default_gazetteer().complete()  # the towns table is read on the first name lookup
    except GeodataError as error:
        st.error(text("about.lookup_unavailable"))
        st.code(str(error), language=None)
        st.stop()
    try:
        geocoder = ui.get_geocoder()
    except GeocoderConfigError as error:
        st.warning(text("geocode.not_configured", error=markdown_text(error)))
        geocoder = None
    if geocoder is not None:
        with st.spinner(text("about.looking_up")):
            if isinstance(geocoder, GeocoderChain):
                outcome = geocoder.geocode_with_errors(query, exactly_one=False, limit=5)
                results, errors = outcome.result or [], outcome.errors
            else:
                results, errors = geocoder.geocode(query, exactly_one=False, limit=5) or [], ()
        for error in errors:
            st.warning(text("about.offline_instead", error=markdown_text(error)))
        if results:
            st.html(place_results_html(results))
        else:
            st.info(text("about.no_place"))

st.subheader(text("about.data"), anchor=False)
st.markdown(text("about.data_sources"))
