"""Small folium elements of our own: the offline basemap, map set-up, legend and step styling.

Each is a MacroElement with a tiny script, in the spirit of folium's plugins, and none pulls in
an external script. Values reach JavaScript only through Jinja's `tojson`, which escapes `<`,
`>` and `&`, so nothing in them can close the script or start markup.
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template


class MapSetup(MacroElement):
    """Per-map behaviour: no animated setView, a basemap pane under tiles, and attribution.

    streamlit-folium moves the map with setView on each step; if a step arrives while an
    animation runs, Leaflet stops half-way, so every setView is made instant.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            window.__msMap = map;
            var setView = map.setView;
            map.setView = function (center, zoom, options) {
                return setView.call(this, center, zoom,
                                    L.Util.extend({}, options || {}, {animate: false}));
            };
            // At world scale the labels of places the article only implies are hidden.
            var zoomClass = function () {
                map.getContainer().classList.toggle("ms-zoom-low", map.getZoom() < 2.5);
            };
            map.on("zoomend", zoomClass);
            zoomClass();
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

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            // Shared with CountryArea: countries are shaded from this one download.
            window.__msBasemap = fetch({{ this.url|tojson }})
                .then(function (response) {
                    if (!response.ok) { throw new Error("HTTP " + response.status); }
                    return response.json();
                });
            window.__msBasemap
                .then(function (data) {
                    var layer = L.geoJson(data, {
                        pane: "ms-basemap",
                        interactive: false,
                        style: {{ this.style|tojson }}
                    }).addTo(map);
                    map.fire("ms:basemap", {layer: layer});
                })
                .catch(function (error) {
                    console.warn("mapstory: offline basemap could not load:", error);
                });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str, style: dict) -> None:
        super().__init__()
        self._name = "OfflineBasemap"
        self.url = url
        self.style = style


class CountryArea(MacroElement):
    """One country shaded from the basemap the browser already fetched, by its ISO code.

    Embedding a country's outline would put tens of kilobytes into the map's script, which
    Streamlit sends again on every rerun; the browser has every outline already.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            if (!window.__msBasemap) { return; }
            window.__msBasemap.then(function (data) {
                var code = {{ this.code|tojson }};
                var features = data.features.filter(function (feature) {
                    return feature.properties.iso2 === code;
                });
                if (!features.length) { return; }
                var style = {{ this.style|tojson }};
                var layer = L.geoJson({type: "FeatureCollection", features: features}, {
                    style: function () { return style; }
                });
                {% if this.popup %}
                layer.bindPopup({{ this.popup|tojson }}, {maxWidth: {{ this.popup_width }}});
                {% endif %}
                {% if this.tooltip %}
                layer.bindTooltip({{ this.tooltip|tojson }}, {sticky: true});
                {% endif %}
                layer.addTo(group);
            }).catch(function (error) {
                console.warn("mapstory: country shading unavailable:", error);
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self, code: str, style: dict, popup: str | None, tooltip: str | None, popup_width: int
    ) -> None:
        super().__init__()
        self._name = "CountryArea"
        self.code = code
        self.style = style
        self.popup = popup
        self.tooltip = tooltip
        self.popup_width = popup_width


class Legend(MacroElement):
    """A Leaflet control listing only the kinds of marks this map actually shows."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var legend = L.control({position: "bottomleft"});
            legend.onAdd = function (map) {
                this._map = map;
                var div = L.DomUtil.create("div", "ms-legend");
                div.setAttribute("role", "region");
                div.setAttribute("aria-label", "Map legend");
                div.innerHTML = {{ this.html|tojson }};
                // Below ~1000 px the legend starts folded so it does not hide the story.
                if (this._map && this._map.getSize().x < {{ this.open_from_px }}) {
                    div.querySelector("details").removeAttribute("open");
                }
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            legend.addTo(map);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str, open_from_px: int = 1000) -> None:
        super().__init__()
        self._name = "Legend"
        self.html = html
        self.open_from_px = int(open_from_px)


class StepStyle(MacroElement):
    """Highlights and frames one step: swaps a stylesheet in the map document, then fits the
    map to the step's bounds.

    Sent as streamlit-folium's `feature_group_to_add`, so a step change costs a few hundred
    bytes and never remounts the map or resends geometry. Framing happens here, in the
    browser, because only the browser knows the map's real size (a phone, a sidebar, an
    embed): a centre and zoom computed on the server fit only the size it guessed.
    """

    _template = Template(
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
