"""Serve Leaflet, jQuery and the basemap from our own server, never from a CDN.

Offline, a map that links to a CDN is a 0-pixel iframe with no error anywhere, so every asset
the browser needs is copied at start-up from its PyPI package (xstatic-leaflet,
xstatic-jquery) and from geodata/ into static/, which Streamlit serves at /app/static/. The
copies are not committed: the packages are the source of truth and pinned in the lock file.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import folium

REPO_ROOT = Path(__file__).resolve().parents[2]
STATIC_DIR = REPO_ROOT / "static"
STATIC_URL = "app/static"  # relative to the Streamlit server root; see local_asset_urls()
BASEMAP_SOURCE = REPO_ROOT / "geodata" / "countries.geojson"


@dataclass(frozen=True)
class AssetUrls:
    leaflet_js: str
    leaflet_css: str
    jquery_js: str
    leaflet_images: str
    basemap: str


def local_asset_urls(base: str = "/" + STATIC_URL) -> AssetUrls:
    base = base.rstrip("/")
    return AssetUrls(
        leaflet_js=f"{base}/vendor/leaflet/leaflet.js",
        leaflet_css=f"{base}/vendor/leaflet/leaflet.css",
        jquery_js=f"{base}/vendor/jquery/jquery.min.js",
        leaflet_images=f"{base}/vendor/leaflet/images/",
        basemap=f"{base}/basemap/countries.geojson",
    )


def _package_files() -> dict[str, Path]:
    import xstatic.pkg.jquery as xjquery
    import xstatic.pkg.leaflet as xleaflet

    leaflet = Path(xleaflet.BASE_DIR)
    jquery = Path(xjquery.BASE_DIR)
    files = {
        "vendor/leaflet/leaflet.js": leaflet / "leaflet.js",
        "vendor/leaflet/leaflet.css": leaflet / "leaflet.css",
        "vendor/jquery/jquery.min.js": jquery / "jquery.min.js",
    }
    for image in sorted((leaflet / "images").glob("*.png")):
        files[f"vendor/leaflet/images/{image.name}"] = image
    files["basemap/countries.geojson"] = BASEMAP_SOURCE
    return files


def ensure_static_assets(static_dir: Path = STATIC_DIR) -> list[Path]:
    """Copy any missing or changed asset into `static_dir`; return what was written.

    Cheap when nothing changed (a stat per file), so it can run at every app start.
    """
    written: list[Path] = []
    for relative, source in _package_files().items():
        if not source.is_file():
            raise FileNotFoundError(f"mapstory asset source is missing: {source}")
        target = static_dir / relative
        source_stat = source.stat()
        if target.is_file():
            stat = target.stat()
            if stat.st_size == source_stat.st_size and stat.st_mtime >= source_stat.st_mtime:
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        written.append(target)
    return written


def use_local_assets(m: folium.Map, urls: AssetUrls) -> folium.Map:
    """Point this map (not the folium.Map class) at our copies of Leaflet and jQuery.

    Only Leaflet and jQuery are loaded: jQuery because folium builds popups with `$()`;
    folium's Bootstrap and awesome-markers defaults are not used by any mark we draw.
    """
    m.default_js = [("leaflet", urls.leaflet_js), ("jquery", urls.jquery_js)]
    m.default_css = [("leaflet_css", urls.leaflet_css)]
    return m
