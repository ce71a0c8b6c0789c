"""The baseline for start-up time: one folium marker through streamlit-folium, nothing else.

Served exactly like the app (same server settings, same local Leaflet from static/), so the
ratio measures what mapstory adds on top of a bare map.
"""

import folium
import streamlit as st
from streamlit_folium import st_folium

from mapstory.mapbuild.assets import ensure_static_assets, local_asset_urls, use_local_assets

ensure_static_assets()
st.markdown("1 / 1")
m = use_local_assets(
    folium.Map(location=[40, 116], zoom_start=3, tiles=None), local_asset_urls("/app/static")
)
folium.Marker([39.9, 116.4], tooltip="Beijing").add_to(m)
st_folium(m, key="bare", height=540, use_container_width=True, returned_objects=[])
