"""About page: what mapstory is, the article in full, the gazetteer, and the data's sources."""

import streamlit as st

from mapstory import ui
from mapstory.gazetteer import GeodataError
from mapstory.geocode import GeocoderChain, GeocoderConfigError
from mapstory.render import article_html, place_results_html
from mapstory.storyfile import StoryFileError

ui.start_page()
st.title("About mapstory", anchor=False)
st.write(
    "mapstory turns a news article into a map story: it finds the places an article mentions, "
    "places them with an offline gazetteer, and draws what happens between them — every mark "
    "tied to the words of the article it comes from."
)

try:
    story = ui.load_story_file(ui.default_story_path())
except (StoryFileError, GeodataError) as error:
    st.error("The story could not be loaded.")
    st.code(str(error), language=None)
    st.stop()

st.subheader("The article", anchor=False)
st.caption("Place names the story maps are highlighted.")
st.html(article_html(story))

st.subheader("Look up a place", anchor=False)
settings = ui.get_settings()
st.caption(
    "Searches the offline gazetteer (GeoNames cities, Natural Earth countries)"
    + (f", and Nominatim at {settings.nominatim_domain} first." if settings.online else ".")
)
query = st.text_input("Place name", max_chars=200, placeholder="e.g. Kiew, Peking, the US")
if query.strip():
    try:
        geocoder = ui.get_geocoder()
    except GeocoderConfigError as error:
        st.warning(f"Online geocoding is switched on but not configured: {error}")
        geocoder = None
    if geocoder is not None:
        with st.spinner("Looking up…"):
            if isinstance(geocoder, GeocoderChain):
                outcome = geocoder.geocode_with_errors(query, exactly_one=False, limit=5)
                results, errors = outcome.result or [], outcome.errors
            else:
                results, errors = geocoder.geocode(query, exactly_one=False, limit=5) or [], ()
        for error in errors:
            st.warning(f"{error} — showing offline results instead.")
        if results:
            st.html(place_results_html(results))
        else:
            st.info("No place of that name in the gazetteer.")

st.subheader("Data and licences", anchor=False)
st.markdown(
    "- Country shapes: [Natural Earth](https://www.naturalearthdata.com/) admin-0 countries, "
    "public domain.\n"
    "- Place names and coordinates: [GeoNames](https://www.geonames.org/), CC BY 4.0.\n"
    "- Map library: Leaflet (BSD-2-Clause), served from this app; no CDN is used.\n"
    "- Online tiles, when switched on: © OpenStreetMap contributors (ODbL)."
)
