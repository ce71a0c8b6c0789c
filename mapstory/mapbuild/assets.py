"""Serve Leaflet, jQuery and the basemap from our own server, never from a CDN.

Offline, a map that links to a CDN is a 0-pixel iframe with no error anywhere, so every asset
the browser needs is copied at start-up from its PyPI package (xstatic-leaflet,
xstatic-jquery) and from geodata/ into static/, which Streamlit serves at /app/static/. The
copies are not committed: the packages are the source of truth and pinned in the lock file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import folium

from mapstory.mapbuild.style import MAP_CSS

REPO_ROOT = Path(__file__).resolve().parents[2]
STATIC_DIR = REPO_ROOT / "static"
STATIC_URL = "app/static"  # relative to the Streamlit server root; see local_asset_urls()
BASEMAP_SOURCE = REPO_ROOT / "geodata" / "countries.geojson"
# The map's stylesheet, named by its content so a browser never keeps a stale copy.
MAP_CSS_PATH = f"mapstory/map-{hashlib.sha256(MAP_CSS.encode('utf-8')).hexdigest()[:12]}.css"


@dataclass(frozen=True)
class AssetUrls:
    leaflet_js: str
    leaflet_css: str
    jquery_js: str
    leaflet_images: str
    basemap: str
    map_css: str | None = None  # mapstory's own map stylesheet; None: inlined in the map


def local_asset_urls(base: str = "/" + STATIC_URL) -> AssetUrls:
    base = base.rstrip("/")
    return AssetUrls(
        leaflet_js=f"{base}/vendor/leaflet/leaflet.js",
        leaflet_css=f"{base}/vendor/leaflet/leaflet.css",
        jquery_js=f"{base}/vendor/jquery/jquery.min.js",
        leaflet_images=f"{base}/vendor/leaflet/images/",
        basemap=f"{base}/basemap/countries.geojson",
        map_css=f"{base}/{MAP_CSS_PATH}",
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
    css = static_dir / MAP_CSS_PATH
    if not css.is_file():
        _write_atomically(css, MAP_CSS)
        written.append(css)
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


MARKS_DIR = "marks"
MARKS_KEEP = 512  # story scripts kept in static/marks/; the oldest go first


def publish_marks(script: str, static_dir: Path = STATIC_DIR) -> str:
    """Write a story's marks script under a name made from its content; return that name.

    Named by content, a file never changes once written: every session and replica showing
    the same story version serves the same bytes, and a new version gets a new name, so the
    browser's cached copy can never be stale. Written atomically (temporary file, then
    rename) because several sessions may publish the same story at once.
    """
    name = f"{MARKS_DIR}/{_digest(script)}.js"
    target = static_dir / name
    if not target.is_file():
        _write_atomically(target, script)
        _prune(target.parent, target)
    return name


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _write_atomically(target: Path, text: str) -> None:
    """Temporary file, then rename: a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _prune(folder: Path, newest: Path) -> None:
    """Bound the folder: drafts made on the Article page each publish a script."""
    others = [p for p in folder.glob("*.js") if p != newest]
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[MARKS_KEEP - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()
