"""mapstory: entry point. Navigation only; every page lives in pages/."""

import streamlit as st

st.set_page_config(page_title="mapstory", page_icon="🗺️", layout="wide")

pages = [
    st.Page(
        "pages/story.py", title="Story", icon=":material/route:", url_path="story", default=True
    ),
    st.Page(
        "pages/explore.py", title="Explore", icon=":material/travel_explore:", url_path="explore"
    ),
    st.Page("pages/about.py", title="About & data", icon=":material/info:", url_path="about"),
]
st.navigation(pages, position="top").run()
