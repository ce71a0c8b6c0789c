"""mapstory: entry point. Navigation only; every page lives in pages/."""

import streamlit as st

from mapstory import ui
from mapstory.messages import text

ui.use_reader_locale()  # the page titles below are in the reader's language
st.set_page_config(page_title=text("app.title"), page_icon="🗺️", layout="wide")

# No icons in the navigation: material icons would make every first visit download an icon
# font (~370 kB), and emoji do not render everywhere.
pages = [
    st.Page("pages/story.py", title=text("app.page_story"), url_path="story", default=True),
    st.Page("pages/explore.py", title=text("app.page_explore"), url_path="explore"),
    st.Page("pages/article.py", title=text("app.page_article"), url_path="article"),
    st.Page("pages/about.py", title=text("app.page_about"), url_path="about"),
]
# ?embed=true (an iframe on someone else's page, 800×600): no navigation, only the story.
# (Streamlit keeps `embed` out of st.query_params; st.context knows.)
st.navigation(pages, position="hidden" if st.context.is_embedded else "top").run()
