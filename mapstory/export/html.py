"""A story as one self-contained HTML file: the map, the narrative and every asset inline.

The file opens from disk (``file://``) or any web server with no network at all: Leaflet,
jQuery and the offline basemap are inlined (Leaflet and jQuery read from their PyPI packages,
never a CDN), the map is the app's own folium map (``build_map``) with every mark, and the
steps are the app's steps (``build_steps``) with the same framing (``step_bounds``) and
highlighting (``step_css``). A strict Content-Security-Policy forbids every fetch, so nothing
the file contains could load or send anything either.

Text from the article reaches the page only through the app's escaping (``html_text``, the
same panel and popup markup as the app); data for scripts is JSON with ``<``, ``>``, ``&``,
U+2028 and U+2029 escaped, so article text cannot close a ``<script>``. Every inline script
and stylesheet is checked for a closing tag before it is written (see :func:`_inline`).
"""

from __future__ import annotations

import base64
import html
import json
import re
from functools import lru_cache
from pathlib import Path

from mapstory.dates import format_day
from mapstory.escaping import html_text
from mapstory.mapbuild import (
    AssetUrls,
    MapOptions,
    StoryLayout,
    build_map,
    layout_story,
    legend_rows,
    step_bounds,
    step_css,
)
from mapstory.mapbuild.assets import BASEMAP_SOURCE
from mapstory.mapbuild.builder import offline_attributions
from mapstory.mapbuild.elements import OfflineBasemap
from mapstory.mapbuild.style import MAP_CSS
from mapstory.messages import language, text
from mapstory.model import Story
from mapstory.narrative import StepView, build_steps
from mapstory.render import PANEL_CSS, legend_strip_html, step_panel_html, story_header_html

__all__ = ["CONTENT_SECURITY_POLICY", "script_json", "story_to_html"]

# Nothing may be fetched: scripts and styles are inline, images are data: URLs (Leaflet's
# few PNGs), and there is no connect-src at all (the basemap is inline JSON, not fetched).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

# The app frames a step with these (mapstory.mapbuild.elements.StepStyle); the export
# frames it the same way, in the browser, at the map's real size.
FIT_OPTIONS = {
    "paddingTopLeft": [36, 40],
    "paddingBottomRight": [96, 36],
    "maxZoom": 5.5,
    "animate": False,
}

_SCRIPT_JSON = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
_SOURCE_MAP = re.compile(r"^\s*//[#@] sourceMappingURL=.*$", re.MULTILINE)


def script_json(value: object) -> str:
    """`value` as JSON that is safe anywhere inside a <script> element.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes (so ``</script>`` or ``<!--`` in
    article text cannot end or change the script), and U+2028/U+2029 are escaped for old
    JavaScript parsers; JSON.parse reads the same value back.
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_JSON)


def _inline(tag: str, body: str, attributes: str = "") -> str:
    """`body` inside `<tag>`, refusing anything that could end the element early.

    Generated text never contains these (it is escaped on the way in), and the vendored
    files do not either; a failure here is a bug, so it fails closed rather than writing a
    file that might run article text as markup.
    """
    lowered = body.lower()
    if f"</{tag}" in lowered or "<!--" in lowered:
        raise ValueError(f"refusing to inline text that could close its <{tag}> element")
    return f"<{tag}{attributes}>{body}</{tag}>"


# --- third-party files, from their PyPI packages ------------------------------------------------


@lru_cache(maxsize=1)
def _vendor() -> dict[str, str]:
    """Leaflet's JS and CSS (its images as data: URLs) and jQuery, read from xstatic packages."""
    import xstatic.pkg.jquery as xjquery
    import xstatic.pkg.leaflet as xleaflet

    leaflet = Path(xleaflet.BASE_DIR)
    jquery = Path(xjquery.BASE_DIR)
    images = {
        image.name: "data:image/png;base64," + base64.b64encode(image.read_bytes()).decode("ascii")
        for image in sorted((leaflet / "images").glob("*.png"))
    }

    def image_url(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in images:
            raise FileNotFoundError(f"Leaflet's CSS refers to a missing image: {name}")
        return f'url("{images[name]}")'

    css = re.sub(
        r"url\(\s*['\"]?images/([\w.-]+)['\"]?\s*\)",
        image_url,
        (leaflet / "leaflet.css").read_text(encoding="utf-8"),
    )
    return {
        "leaflet_js": _SOURCE_MAP.sub("", (leaflet / "leaflet.js").read_text(encoding="utf-8")),
        "leaflet_css": css,
        "jquery_js": _SOURCE_MAP.sub("", (jquery / "jquery.min.js").read_text(encoding="utf-8")),
        "marker_icons": script_json(
            {
                "iconUrl": images["marker-icon.png"],
                "iconRetinaUrl": images["marker-icon-2x.png"],
                "shadowUrl": images["marker-shadow.png"],
            }
        ),
    }


@lru_cache(maxsize=1)
def _basemap_json() -> str:
    """Natural Earth country shapes (geodata/countries.geojson) as script-safe JSON."""
    return script_json(json.loads(BASEMAP_SOURCE.read_text(encoding="utf-8")))


BASEMAP_DATA_ID = "ms-basemap-data"
STEPS_DATA_ID = "ms-steps-data"

# Where build_map's assets would be fetched from; none of them is, but a leftover link would
# show up as a fetch of this made-up scheme (blocked by the CSP, and caught by the tests).
_NO_ASSETS = AssetUrls(
    leaflet_js="mapstory-inline:leaflet.js",
    leaflet_css="mapstory-inline:leaflet.css",
    jquery_js="mapstory-inline:jquery.js",
    leaflet_images="mapstory-inline:images/",
    basemap="mapstory-inline:countries.geojson",
)


def _map_parts(story: Story, layout: StoryLayout) -> tuple[str, str]:
    """The app's map for `story`: (its HTML, its script), with no asset links."""
    m = build_map(story, layout, MapOptions(assets=_NO_ASSETS, legend=False))
    fetched = m._children.get("ms_basemap")
    if not isinstance(fetched, OfflineBasemap):
        raise RuntimeError("build_map no longer has its OfflineBasemap under 'ms_basemap'")
    fetched.data_id = BASEMAP_DATA_ID  # the shapes are in the page, not fetched
    m.default_js = []  # Leaflet and jQuery are inlined by the page instead
    m.default_css = []
    figure = m.get_root()
    figure.render()
    # The figure's header holds folium's page-level bits (a zoom-blocking viewport, full-page
    # sizing); the page writes its own head and takes only the map's body and script.
    return figure.html.render(), figure.script.render()


# --- the page -----------------------------------------------------------------------------------

PAGE_CSS = """
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: #1f1f1f; background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.ms-page { min-height: 100vh; display: flex; flex-direction: column; }
.ms-head { padding: .75rem 1rem .5rem; border-bottom: 1px solid #ddd; }
.ms-page .ms-head h1 { font-size: 1.45rem; }
main { flex: 1; display: grid; min-height: 0;
  grid-template-columns: minmax(300px, 2fr) 3fr; grid-template-rows: auto auto 1fr auto;
  grid-template-areas: "nav map" "note map" "panel map" "panel legend"; }
.ms-nav { grid-area: nav; display: flex; align-items: center; justify-content: space-between;
  gap: .5rem; padding: .6rem 1rem; border-bottom: 1px solid #eee; background: #fff; }
.ms-nav button { font: inherit; font-weight: 600; padding: .45rem .9rem; min-height: 44px;
  min-width: 44px; border: 1px solid #0072B2; border-radius: 6px; background: #fff;
  color: #005a8c; cursor: pointer; }
.ms-nav button:hover { background: #eaf3fa; }
.ms-nav button[aria-disabled="true"] { border-color: #c4c4c4; color: #6b6b6b;
  background: #f4f4f4; cursor: default; }
.ms-counter { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ms-note { grid-area: note; margin: 0; padding: .4rem 1rem; background: #fff6d6;
  font-size: .9rem; }
.ms-panel { grid-area: panel; padding: .5rem 1rem 1rem; overflow-y: auto; }
.ms-map { grid-area: map; position: relative; min-height: 420px; border-left: 1px solid #ddd; }
.ms-map > .folium-map { position: absolute; inset: 0; width: 100%; height: 100%; }
.ms-map > .folium-map:focus-visible { outline-offset: -3px; }
.ms-key { grid-area: legend; padding: .4rem 1rem; border-top: 1px solid #ddd;
  border-left: 1px solid #ddd; }
.ms-hint { margin: .2rem 0 0; font-size: .8rem; color: #555; }
.ms-foot { padding: .4rem 1rem .6rem; border-top: 1px solid #ddd; font-size: .78rem;
  color: #555; }
.ms-foot p { margin: .1rem 0; }
.ms-step, .ms-head h1, .ms-foot { overflow-wrap: anywhere; }
:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.leaflet-container :focus-visible { outline: 3px solid #0072B2; outline-offset: 1px; }
@media (min-width: 900px) {
  .ms-page { height: 100vh; }
}
@media (max-width: 899px) {
  main { display: flex; flex-direction: column; }
  .ms-nav { position: sticky; top: 0; z-index: 1000; order: 1;
    box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  .ms-note { order: 2; }
  .ms-map { order: 3; border-left: 0; height: 56vh; height: 56svh; min-height: 280px; }
  .ms-panel { order: 4; overflow: visible; }
  .ms-key { order: 5; border-left: 0; }
  .ms-page .ms-head h1 { font-size: 1.2rem; }
}
/* A narrow map has no room for the scale beside the attribution. */
@media (max-width: 599px) {
  .leaflet-control-scale { display: none; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important;
    scroll-behavior: auto !important; }
}
"""

# Runs after Leaflet, before the map is made: motion and default-icon settings.
PRELUDE_JS = """
(function () {
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (reduce) {
    L.Map.mergeOptions({zoomAnimation: false, fadeAnimation: false,
                        markerZoomAnimation: false, inertia: false});
  }
  // A popup opening near the top is panned clear of the zoom buttons (on a phone it is
  // nearly as wide as the map, so it cannot sit beside them).
  L.Popup.mergeOptions({autoPanPaddingTopLeft: [10, 84]});
  // Leaflet finds its marker images by URL; give it the inlined ones.
  L.Icon.Default.mergeOptions(__MARKER_ICONS__);
  L.Icon.Default.imagePath = "";
})();
"""

# The step controller: Previous / Next, arrow keys and j / k, the counter, the #step=N
# fragment, and for each step the app's stylesheet and framing.
CONTROLLER_JS = """
(function () {
  var data = JSON.parse(document.getElementById("ms-steps-data").textContent);
  var steps = data.steps, total = steps.length, current = 0;
  var map = window.__msMap;
  var prev = document.getElementById("ms-prev");
  var next = document.getElementById("ms-next");
  var counter = document.getElementById("ms-counter");
  var note = document.getElementById("ms-note");
  var panel = document.getElementById("ms-panel");
  var live = panel.querySelector("section.ms-step");
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (reduce && map) {
    var panBy = map.panBy;
    map.panBy = function (offset, options) {
      return panBy.call(this, offset, L.Util.extend({}, options || {}, {animate: false}));
    };
  }
  var style = document.getElementById("ms-step-style");

  function shorten(text) { return text.length <= 24 ? text : text.slice(0, 23) + "\\u2026"; }
  // A message template from the app's catalogue with its {fields} filled in.
  function say(template, fields) {
    return template.replace(/\\{(\\w+)\\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(fields, name) ? String(fields[name]) : whole;
    });
  }

  // The same rules as the app's ?step=: a bad value opens a valid step and says why.
  function fromHash(hash) {
    var raw = new URLSearchParams(hash.replace(/^#/, "")).get("step");
    var text = raw === null ? "" : raw.trim();
    if (!text) { return {number: 1, note: ""}; }
    if (!/^[+-]?[0-9]+$/.test(text)) {
      return {number: 1, note: say(data.notes.not_a_number, {value: shorten(text)})};
    }
    var number = parseInt(text, 10);
    if (number < 1) {
      return {number: 1, note: say(data.notes.too_low, {step: number})};
    }
    if (number > total) {
      return {number: total, note: say(data.notes.too_high, {step: number, count: total})};
    }
    return {number: number, note: ""};
  }

  function setHash(number) {
    var hash = "#step=" + number;
    if (location.hash === hash) { return; }
    try { history.replaceState(null, "", hash); } catch (error) { location.replace(hash); }
  }

  function show(number, message) {
    number = Math.max(1, Math.min(total, number));
    note.textContent = message || "";
    note.hidden = !message;
    if (number === current) { return; }
    current = number;
    var step = steps[number - 1];
    var source = document.getElementById("ms-step-" + number).content.querySelector("section");
    live.setAttribute("data-step", source.getAttribute("data-step"));
    live.setAttribute("aria-label", source.getAttribute("aria-label"));
    live.replaceChildren.apply(live, Array.prototype.slice.call(
      source.cloneNode(true).childNodes));
    panel.scrollTop = 0;
    counter.textContent = say(data.counter, {number: number, total: total});
    prev.setAttribute("aria-disabled", String(number === 1));
    next.setAttribute("aria-disabled", String(number === total));
    style.textContent = step.css;
    if (map && step.bounds) { map.fitBounds(step.bounds, data.fit); }
    if (map && map.__msDeclutter) { map.__msDeclutter(); }
    document.documentElement.setAttribute("data-ms-step", String(number));
    setHash(number);
  }

  function go(delta) {
    var target = current + delta;
    if (target >= 1 && target <= total) { show(target, ""); }
  }

  prev.addEventListener("click", function () { go(-1); });
  next.addEventListener("click", function () { go(1); });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
    var target = event.target;
    if (target && (target.isContentEditable ||
        /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    var inMap = target && target.closest && target.closest(".leaflet-container");
    var delta = {ArrowRight: 1, ArrowLeft: -1, j: 1, k: -1}[event.key];
    // On the map the arrow keys pan it (Leaflet's keyboard control); j / k still step.
    if (!delta || (inMap && event.key.indexOf("Arrow") === 0)) { return; }
    event.preventDefault();
    go(delta);
  });
  window.addEventListener("hashchange", function () {
    // Only a fragment that names a step moves the story (not a stray "#" from a link).
    if (!/^#(.*&)?step=/.test(location.hash)) { return; }
    var wanted = fromHash(location.hash);
    show(wanted.number, wanted.note);
    if (wanted.note) { setHash(wanted.number); }
  });
  var first = fromHash(location.hash);
  show(first.number, first.note);
  if (first.note) { setHash(first.number); }
})();
"""


def _step_data(steps: list[StepView], layout: StoryLayout) -> dict:
    frames = []
    for step in steps:
        bounds = step_bounds(step, layout)
        frames.append(
            {
                "css": step_css(step),
                "bounds": (
                    [[round(v, 4) for v in corner] for corner in bounds.as_list()]
                    if bounds
                    else None
                ),
            }
        )
    # The notes a bad #step= gets, as templates the page fills in ({value}, {step}, {count}).
    notes = {key: text(f"step.{key}") for key in ("not_a_number", "too_low", "too_high")}
    return {"steps": frames, "fit": FIT_OPTIONS, "notes": notes, "counter": text("step.counter")}


def _template_panel(step: StepView, total: int) -> str:
    # The panel's stylesheet is in the page once; the templates carry only the sections.
    return step_panel_html(step, total).removeprefix(PANEL_CSS)


def say(key: str, **fields: object) -> str:
    """A message from the catalogue, escaped for the HTML it goes into."""
    return html_text(text(key, **fields))


def _footer(story: Story) -> str:
    article = story.article
    origin = [format_day(article.date)]
    if article.source:
        origin.insert(0, article.source)
    if article.url:  # as text: the file links to nothing
        origin.append(article.url)
    credits = text(
        "export.credits",
        article=text("list.separator").join(origin),
        attributions=text("meta.separator").join(offline_attributions()),
    )
    return (
        f'<footer class="ms-foot"><p>{html_text(credits)}</p>'
        f"<p>{html_text(text('export.made_with'))}</p></footer>"
    )


def story_to_html(story: Story, layout: StoryLayout | None = None) -> str:
    """The whole story as one HTML document that needs nothing but a browser.

    `layout` is the story's map layout if the caller already has it (the app caches it);
    by default it is computed with the offline gazetteer's country shapes.
    """
    if layout is None:
        from mapstory.gazetteer import default_country_shape

        layout = layout_story(story, default_country_shape)
    steps = build_steps(story)
    total = len(steps)
    vendor = _vendor()
    map_html, map_script = _map_parts(story, layout)
    templates = "".join(
        f'<template id="ms-step-{step.number}">{_template_panel(step, total)}</template>'
        for step in steps
    )
    legend = legend_strip_html(legend_rows(story), "")  # the map's HTML has the SVG defs
    styles = "".join(
        _inline("style", css)
        for css in (
            vendor["leaflet_css"],
            MAP_CSS,
            PAGE_CSS,
        )
    )
    prelude = PRELUDE_JS.replace("__MARKER_ICONS__", vendor["marker_icons"])
    scripts = "".join(
        (
            _inline("script", _basemap_json(), f' type="application/json" id="{BASEMAP_DATA_ID}"'),
            _inline(
                "script",
                script_json(_step_data(steps, layout)),
                f' type="application/json" id="{STEPS_DATA_ID}"',
            ),
            _inline("script", vendor["jquery_js"]),
            _inline("script", vendor["leaflet_js"]),
            _inline("script", prelude),
            _inline("script", map_script),
            _inline("script", CONTROLLER_JS),
        )
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_text(language())}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="generator" content="mapstory">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{html.escape(text('export.title', title=story.title))}</title>\n"
        f"{styles}{PANEL_CSS}"
        '<style id="ms-step-style"></style>\n'
        "</head>\n<body>\n"
        '<div class="ms-page">'
        f"{story_header_html(story)}"
        "<main>"
        f'<nav class="ms-nav" aria-label="{say("export.steps_aria")}">'
        '<button type="button" id="ms-prev" aria-disabled="true">'
        f'<span aria-hidden="true">←</span> {say("export.previous")}</button>'
        f'<span class="ms-counter" id="ms-counter">{say("step.counter", number=1, total=total)}'
        "</span>"
        f'<button type="button" id="ms-next" aria-disabled="{str(total == 1).lower()}">'
        f'{say("export.next")} <span aria-hidden="true">→</span></button>'
        "</nav>"
        '<p class="ms-note" id="ms-note" role="status" hidden></p>'
        # On wide screens the text scrolls beside the map: focusable, so keys scroll it too.
        '<div class="ms-panel" id="ms-panel" tabindex="0" role="region" '
        f'aria-label="{say("export.panel_aria")}">'
        f"{_template_panel(steps[0], total)}"
        f"<noscript><p>{say('export.noscript')}</p></noscript>"
        "</div>"
        f'<section class="ms-map" aria-label="{say("export.map_aria")}">{map_html}</section>'
        f'<aside class="ms-key" aria-label="{say("legend.title")}">{legend}'
        f'<p class="ms-hint">{say("story.hint")}</p>'
        "</aside>"
        "</main>"
        f"{_footer(story)}"
        "</div>\n"
        f"{templates}\n{scripts}\n"
        "</body>\n</html>\n"
    )
