"""Small folium elements of our own: the offline basemap, map set-up, legend and step styling.

Each is a MacroElement with a tiny script, in the spirit of folium's plugins, and none pulls in
an external script. Values reach JavaScript only through Jinja's `tojson`, which escapes `<`,
`>` and `&`, so nothing in them can close the script or start markup.
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from mapstory.messages import text


def js_template(source: str) -> Template:
    """A template with its indentation and comment lines taken out.

    Streamlit sends a map's script again on every rerun: the comments here explain the
    code to us, and need not travel to every reader on every step.
    """
    lines = (line.strip() for line in source.splitlines())
    return Template("\n".join(line for line in lines if line and not line.startswith("//")))


class MapSetup(MacroElement):
    """Per-map behaviour: no animated setView, a basemap pane under tiles, and attribution.

    streamlit-folium moves the map with setView on each step; if a step arrives while an
    animation runs, Leaflet stops half-way, so every setView is made instant.
    """

    _template = js_template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            window.__msMap = map;
            var setView = map.setView;
            map.setView = function (center, zoom, options) {
                return setView.call(this, center, zoom,
                                    L.Util.extend({}, options || {}, {animate: false}));
            };
            // Leaflet focuses the map container on every mousedown (for keyboard panning).
            // When the map iframe is partly scrolled out of the page, that focus scrolls the
            // page: the map jumps under the pointer and the click lands beside the mark.
            // Focus without scrolling instead.
            if (map.keyboard) {
                var enabled = map.keyboard.enabled();
                map.keyboard.disable();
                map.keyboard._onMouseDown = function () {
                    if (!this._focused) { this._map.getContainer().focus({preventScroll: true}); }
                };
                if (enabled) { map.keyboard.enable(); }
            }
            // At world scale the labels of places the article only implies are hidden.
            var zoomClass = function () {
                map.getContainer().classList.toggle("ms-zoom-low", map.getZoom() < 2.5);
            };
            map.on("zoomend", zoomClass);
            zoomClass();
            // Labels are placed in the browser, at the map's real size and zoom, so that none
            // is written over another: a place's name may move to the left of its dot, above
            // or below it; a flow's figure may move off its line's middle. A label with no
            // free room is hidden (its words stay in the mark's tooltip and popup). Highlighted
            // marks (step or selection: the stylesheet sets --ms-dim on the rest) are placed
            // first; then towns, the names written over countries, seas and blocs, and last
            // flows' figures (they have most room to move); among equals, what the story uses
            // most.
            var box = function (r) { return {l: r.left, t: r.top, r: r.right, b: r.bottom}; };
            var shift = function (r, d) {
                return {l: r.l + d[0], t: r.t + d[1], r: r.r + d[0], b: r.b + d[1]};
            };
            var overlap = function (a, b) {
                var w = Math.min(a.r, b.r) - Math.max(a.l, b.l);
                var h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
                return w > 0 && h > 0 ? w * h : 0;
            };
            var dimmed = function (el) {
                return getComputedStyle(el).getPropertyValue("--ms-dim").trim() === "1" ? 1 : 0;
            };
            var shown = function (selector, root) {
                var found = [];
                root.querySelectorAll(selector).forEach(function (el) {
                    var r = el.getBoundingClientRect();
                    if (r.width && r.height) {
                        found.push({el: el, rect: box(r), dim: dimmed(el),
                                    icon: el.closest(".leaflet-marker-icon")});
                    }
                });
                return found;
            };
            var place = function () {
                // Mid-animation the panes are scaled: measure only a settled map (zoomend
                // comes when the animation ends).
                if (map._animatingZoom) { return; }
                var root = map.getContainer();
                var selector = ".ms-label, .ms-flow-label, .ms-country-label";
                root.querySelectorAll(selector).forEach(function (el) {
                    el.style.translate = "";
                    el.classList.remove("ms-crowded");
                });
                var frame = box(root.getBoundingClientRect());
                var labels = shown(selector, root);
                var blocks = shown(".ms-city svg, .ms-symbol, .ms-arrowhead svg", root);
                labels.forEach(function (item, index) {
                    var classes = item.el.classList;
                    item.kind = classes.contains("ms-label") ? 0
                        : classes.contains("ms-flow-label") ? 2 : 1;
                    item.rank = parseFloat(item.el.getAttribute("data-ms-rank")) || 0;
                    item.index = index;
                });
                labels.sort(function (a, b) {
                    return (a.dim - b.dim) || (a.kind - b.kind) || (b.rank - a.rank) ||
                        (a.index - b.index);
                });
                var placed = [], written = {};
                labels.forEach(function (item) {
                    var r = item.rect, w = r.r - r.l, h = r.b - r.t;
                    // The same name twice side by side (Herat the province, Herat the city)
                    // is written once.
                    var words = item.el.textContent.normalize("NFD")
                        .replace(/[\u0300-\u036f]/g, "").toLowerCase();
                    var twin = (written[words] || []).some(function (p) {
                        return Math.abs(p.l - r.l) < 4 * h + w && Math.abs(p.t - r.t) < 4 * h;
                    });
                    if (twin) {
                        item.el.classList.add("ms-crowded");
                        return;
                    }
                    var moves = item.kind === 0
                        ? [[0, 0], [-(w + 16), 0], [-(w / 2 + 8), -(h - 2)],
                           [-(w / 2 + 8), 16]]
                        : item.kind === 2
                        ? [[0, 0], [0, -(h + 3)], [0, h + 3], [-(w / 2 + 8), 0],
                           [w / 2 + 8, 0], [0, -2 * (h + 3)], [0, 2 * (h + 3)]]
                        : [[0, 0], [0, -(h + 2)], [0, h + 2]];
                    var best = null;
                    moves.forEach(function (move) {
                        var c = shift(r, move), hard = 0, block = 0, soft = 0;
                        placed.forEach(function (p) { hard += overlap(c, p); });
                        blocks.forEach(function (b) {
                            if (b.icon === item.icon) { return; }
                            var o = overlap(c, b.rect);
                            if (b.dim <= item.dim) { block += o; } else { soft += o; }
                        });
                        soft += w * h - overlap(c, frame);
                        var cost = hard * 1000 + block * 10 + soft;
                        if (!best || cost < best.cost) {
                            best = {cost: cost, move: move, rect: c, hard: hard, block: block};
                        }
                    });
                    if (best.hard > 0 || (item.kind > 0 && best.block > 0)) {
                        item.el.classList.add("ms-crowded");
                        return;
                    }
                    if (best.move[0] || best.move[1]) {
                        item.el.style.translate = best.move[0] + "px " + best.move[1] + "px";
                    }
                    placed.push(best.rect);
                    (written[words] = written[words] || []).push(best.rect);
                });
            };
            // Once now, and once more when whatever moved the map (a transition, the frame
            // still taking its size) has surely ended.
            var again = null;
            map.__msDeclutter = function () {
                place();
                clearTimeout(again);
                again = setTimeout(place, 400);
            };
            // Also after a pan or a resize: labels are kept inside the map's frame, and the
            // map may still be settling when the marks arrive.
            map.on("zoomend moveend resize", function () { map.__msDeclutter(); });
            map.on("ms:marks", function () { map.__msDeclutter(); });
            // A conflict or disaster round a town is drawn some tens of kilometres wide, a
            // speck at a continent's scale: such a circle (msMinPx) keeps at least that many
            // pixels of radius, so the overview still shows where it is.
            if (!L.Circle.prototype.__msMinPx) {
                var project = L.Circle.prototype._project;
                L.Circle.prototype._project = function () {
                    project.call(this);
                    var least = this.options.msMinPx;
                    if (least && this._radius < least) {
                        var grow = least / Math.max(this._radius, 0.01);
                        this._radiusY = (this._radiusY || this._radius) * grow;
                        this._radius = least;
                        this._updateBounds();
                    }
                };
                L.Circle.prototype.__msMinPx = true;
            }
            if (!map.getPane("ms-basemap")) {
                var pane = map.createPane("ms-basemap");
                pane.style.zIndex = 150;
                pane.style.pointerEvents = "none";
            }
            if (map.attributionControl) {
                map.attributionControl.setPrefix(false);
                {% for line in this.attributions %}
                map.attributionControl.addAttribution({{ line|tojson }});
                {% endfor %}
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, attributions: list[str]) -> None:
        super().__init__()
        self._name = "MapSetup"
        self.attributions = attributions


class OfflineBasemap(MacroElement):
    """Country shapes fetched by the browser from our static files and drawn as land.

    Fetched rather than embedded: embedding would resend ~1 MB over the websocket on every
    map mount; fetched, the browser caches it once.
    """

    _template = js_template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            {% if this.west is not none %}
            // A story drawn round the Pacific (StoryLayout.west) has its world begin at `west`:
            // polygons wholly west of it move 360° on, those it cuts are drawn on both sides.
            // Moved, not copied: every reframe re-projects every polygon drawn.
            window.__msWrapped = function (features, west) {
                var shift = function (polygon) {
                    return polygon.map(function (ring) {
                        return ring.map(function (c) { return [c[0] + 360, c[1]]; });
                    });
                };
                return {type: "FeatureCollection", features: features.map(function (feature) {
                    var geometry = feature.geometry;
                    if (!geometry) { return feature; }
                    var polygons = geometry.type === "Polygon"
                        ? [geometry.coordinates] : geometry.coordinates;
                    var placed = [];
                    polygons.forEach(function (polygon) {
                        var lo = Infinity, hi = -Infinity;
                        polygon[0].forEach(function (c) {
                            lo = Math.min(lo, c[0]);
                            hi = Math.max(hi, c[0]);
                        });
                        if (hi >= west) { placed.push(polygon); }
                        if (lo < west) { placed.push(shift(polygon)); }
                    });
                    return {type: "Feature", properties: feature.properties,
                            geometry: {type: "MultiPolygon", coordinates: placed}};
                })};
            };
            {% endif %}
            // Shared with CountryArea: countries are shaded from this one download.
            {% if this.data_id %}
            // A self-contained page (mapstory.export.html) carries the shapes in a JSON block.
            window.__msBasemap = new Promise(function (resolve) {
                var block = document.getElementById({{ this.data_id|tojson }});
                resolve(JSON.parse(block.textContent));
            });
            {% else %}
            window.__msBasemap = fetch({{ this.url|tojson }})
                .then(function (response) {
                    if (!response.ok) { throw new Error("HTTP " + response.status); }
                    return response.json();
                });
            {% endif %}
            window.__msBasemap
                .then(function (data) {
                    {% if this.west is not none %}
                    data = window.__msWrapped(data.features, {{ this.west|tojson }});
                    {% endif %}
                    var layer = L.geoJson(data, {
                        pane: "ms-basemap",
                        // One canvas, not ~4,000 SVG paths: every reframe re-draws the
                        // whole world, and painting SVG paths made steps ~100 ms slower.
                        renderer: L.canvas({pane: "ms-basemap"}),
                        interactive: false,
                        style: {{ this.style|tojson }}
                    }).addTo(map);
                    map.__msBasemap = layer;
                    map.fire("ms:basemap", {layer: layer});
                })
                .catch(function (error) {
                    console.warn("mapstory: offline basemap could not load:", error);
                });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self, url: str, style: dict, data_id: str | None = None, west: float | None = None
    ) -> None:
        super().__init__()
        self._name = "OfflineBasemap"
        self.url = url
        self.style = style
        self.data_id = data_id  # read from this JSON block in the page instead of fetched
        self.west = west  # StoryLayout.west: the story is drawn round the Pacific


class CountryArea(MacroElement):
    """One country shaded from the basemap the browser already fetched, by its ISO code.

    Embedding a country's outline would put tens of kilobytes into the map's script, which
    Streamlit sends again on every rerun; the browser has every outline already.
    """

    _template = js_template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var code = {{ this.code|tojson }};
            var style = {{ this.style|tojson }};
            var popup = {{ this.popup|tojson }};
            var tip = {{ this.tooltip|tojson }};
            // The (empty) layer exists at once, so click handlers bound when the map is first
            // drawn already cover it; its shapes arrive with the basemap.
            var area = L.geoJson(null, {
                style: function () { return style; },
                onEachFeature: function (feature, shape) {
                    if (popup) { shape.bindPopup(popup, {maxWidth: {{ this.popup_width }}}); }
                    if (!tip) { return; }
                    if (window.__msTagLayer) {
                        window.__msTagLayer(shape, tip, {sticky: true});
                    } else {
                        shape.bindTooltip(tip, {sticky: true});
                    }
                }
            }).addTo(group);
            if (!window.__msBasemap) { return; }
            window.__msBasemap.then(function (data) {
                var features = data.features.filter(
                    function (feature) { return feature.properties.iso2 === code; }
                );
                {% if this.west is not none %}
                area.addData(window.__msWrapped(features, {{ this.west|tojson }}));
                {% else %}
                area.addData({type: "FeatureCollection", features: features});
                {% endif %}
            }).catch(function (error) {
                console.warn("mapstory: country shading unavailable:", error);
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        code: str,
        style: dict,
        popup: str | None,
        tooltip: str | None,
        popup_width: int,
        west: float | None = None,
    ) -> None:
        super().__init__()
        self._name = "CountryArea"
        self.code = code
        self.west = west  # StoryLayout.west: the story is drawn round the Pacific
        self.style = style
        self.popup = popup
        self.tooltip = tooltip
        self.popup_width = popup_width


class StoryMarks(MacroElement):
    """Registers the map's mark groups, then loads the story's marks from a static script.

    The groups exist (empty) from the first moment, so handlers streamlit-folium binds when it
    mounts the map cover every mark added to them later: Leaflet passes a mark's click up to
    its group. The script (builder.marks_script) fires "ms:marks" on the map once it ran.
    """

    _template = js_template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            window.__msGroups = {
            {%- for key, group in this.groups.items() %}
                {{ key|tojson }}: {{ group.get_name() }}{{ "," if not loop.last }}
            {%- endfor %}
            };
            map.__msMarksPending = true;
            var script = document.createElement("script");
            script.src = {{ this.url|tojson }};
            script.onerror = function () {
                console.warn("mapstory: the story's marks could not load from", script.src);
            };
            document.head.appendChild(script);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str, groups: dict) -> None:
        super().__init__()
        self._name = "StoryMarks"
        self.url = url
        self.groups = groups


class Legend(MacroElement):
    """A Leaflet control listing only the kinds of marks this map actually shows.

    With no `html`, the legend comes with the story's marks script (builder.marks_script),
    which is where a map built with a `marks_url` keeps everything that depends on the story.
    """

    _template = js_template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var add = function (html) {
                if (!html) { return; }
                var legend = L.control({position: "bottomleft"});
                legend.onAdd = function (map) {
                    var div = L.DomUtil.create("div", "ms-legend");
                    div.setAttribute("role", "region");
                    div.setAttribute("aria-label", {{ this.aria_label|tojson }});
                    div.innerHTML = html;
                    // Below ~1000 px the legend starts folded so it does not hide the story.
                    if (map.getSize().x < {{ this.open_from_px }}) {
                        div.querySelector("details").removeAttribute("open");
                    }
                    L.DomEvent.disableClickPropagation(div);
                    L.DomEvent.disableScrollPropagation(div);
                    return div;
                };
                legend.addTo(map);
            };
            {% if this.html is none %}
            if (map.__msMarksLoaded) { add(map.__msLegendHtml); }
            else { map.once("ms:marks", function () { add(map.__msLegendHtml); }); }
            {% else %}
            add({{ this.html|tojson }});
            {% endif %}
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str | None, open_from_px: int = 1000) -> None:
        super().__init__()
        self._name = "Legend"
        self.html = html
        self.aria_label = text("legend.aria")
        self.open_from_px = int(open_from_px)


class StepStyle(MacroElement):
    """Highlights and frames one step: swaps a stylesheet in the map document, then fits the
    map to the step's bounds.

    Sent as streamlit-folium's `feature_group_to_add`, so a step change costs a few hundred
    bytes and never remounts the map or resends geometry. Framing happens here, in the
    browser, because only the browser knows the map's real size (a phone, a sidebar, an
    embed): a centre and zoom computed on the server fit only the size it guessed.
    """

    _template = js_template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var style = document.getElementById("ms-step-style");
            if (!style) {
                style = document.createElement("style");
                style.id = "ms-step-style";
                document.head.appendChild(style);
            }
            style.textContent = {{ this.css|tojson }};
            var map = window.map || window.__msMap;
            var bounds = {{ this.bounds|tojson }};
            if (map && bounds) {
                // More room on the right: place labels are written to the right of their dot.
                map.fitBounds(bounds, {paddingTopLeft: [36, 40], paddingBottomRight: [96, 36],
                                       maxZoom: {{ this.max_zoom }}, animate: false});
            }
            if (map && map.__msDeclutter) { map.__msDeclutter(); }
            document.documentElement.setAttribute("data-ms-step", {{ this.step|tojson }});
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self, css: str, step: int, bounds: list[list[float]] | None, max_zoom: float = 5.5
    ) -> None:
        super().__init__()
        self._name = "StepStyle"
        self.css = css
        self.step = str(step)
        self.bounds = bounds
        self.max_zoom = float(max_zoom)


class ClickTags(MacroElement):
    """Lets a click on any mark name the mark to the app, for pages that select what is clicked.

    streamlit-folium reports a clicked layer by its tooltip text, and only that, without
    rerunning on pans and zooms. So every mark's tooltip ends in a hidden tag,
    `[[ev:<event id>]]` or `[[pl:<place id>]]`, read from the mark's `ms-ev-`/`ms-pl-` class;
    visible tooltips keep their text. Area tooltips move from the GeoJSON group to each shape,
    which is what a click reports. Icon markers without a tooltip get only a tooltip-shaped
    record of the tag, not a Leaflet tooltip: a real one, even invisible, opens on the focus a
    mousedown gives the icon and the click never reaches the marker (Leaflet 1.9.3).
    """

    _template = js_template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var pattern = /(?:^|\\s)ms-(ev|pl)-([a-z0-9][a-z0-9_-]*)/;
            var tagOf = function (layer) {
                var options = layer.options || {};
                var icon = options.icon && options.icon.options;
                var match = pattern.exec((icon && icon.className) || options.className || "");
                return match ? "<span hidden>[[" + match[1] + ":" + match[2] + "]]</span>" : null;
            };
            var tag = function (layer, text, options) {
                var id = tagOf(layer);
                if (!id) { return; }
                if (text) {
                    layer.unbindTooltip();
                    layer.bindTooltip(text + id, options);
                } else {
                    layer._tooltip = {_content: id, options: {}, getContent: function () {
                        return id;
                    }};
                }
            };
            // Country areas fill in later (see CountryArea) and tag their shapes through this.
            window.__msTagLayer = tag;
            var tagAll = function () {
                var shapes = [];
                map.eachLayer(function (layer) {
                    if (layer instanceof L.GeoJSON) { shapes.push(layer); }
                });
                var inGroup = {};
                shapes.forEach(function (group) {
                    var tip = group.getTooltip();
                    var text = tip && typeof tip.getContent() === "string"
                        ? tip.getContent() : null;
                    var options = tip ? L.extend({}, tip.options) : {};
                    if (tip) { group.unbindTooltip(); }
                    group.eachLayer(function (shape) {
                        inGroup[L.stamp(shape)] = true;
                        tag(shape, text, options);
                    });
                });
                map.eachLayer(function (layer) {
                    if (layer instanceof L.LayerGroup || inGroup[L.stamp(layer)]) { return; }
                    var tip = layer.getTooltip && layer.getTooltip();
                    var text = tip && typeof tip.getContent() === "string"
                        ? tip.getContent() : null;
                    tag(layer, text, tip ? L.extend({}, tip.options) : {});
                });
            };
            // Marks served as a static script (StoryMarks) arrive after the map is drawn.
            if (map.__msMarksPending && !map.__msMarksLoaded) { map.once("ms:marks", tagAll); }
            else { tagAll(); }
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "ClickTags"


class BlocShade(MacroElement):
    """Shades the member countries of expanded blocs, cut from the basemap the browser already
    has, so expanding Nato sends a list of country codes rather than 31 outlines.

    Added to the page's update layer (streamlit-folium's `feature_group_to_add`): the shapes
    go into that group and vanish with it on the next update. `countries` maps an ISO
    alpha-2 code to the styles (one per bloc it belongs to) and an escaped tooltip.
    """

    _template = js_template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var countries = {{ this.countries|tojson }};
            var map = window.map || window.__msMap;
            if (!map) { return; }
            if (!map.getPane("ms-blocs")) {
                var pane = map.createPane("ms-blocs");
                pane.style.zIndex = 350;
            }
            var draw = function (basemap) {
                basemap.eachLayer(function (land) {
                    var props = (land.feature && land.feature.properties) || {};
                    var entry = countries[props.iso2];
                    if (!entry) { return; }
                    entry.styles.forEach(function (style) {
                        var shape = L.geoJson(land.feature, {
                            pane: "ms-blocs",
                            style: L.extend({}, style, {className: "ms-bloc-member"})
                        });
                        shape.bindTooltip(entry.tooltip, {sticky: true});
                        group.addLayer(shape);
                    });
                });
            };
            if (map.__msBasemap) { draw(map.__msBasemap); }
            else { map.once("ms:basemap", function (e) { draw(e.layer); }); }
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, countries: dict[str, dict]) -> None:
        super().__init__()
        self._name = "BlocShade"
        self.countries = countries
