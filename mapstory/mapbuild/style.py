"""How each kind of mark looks, in one place, so the legend and the marks cannot disagree.

Colours come from the Okabe–Ito and Paul Tol palettes, chosen to stay distinct for colour-blind
readers; every kind also differs by shape or dash so the map still reads in greyscale.
"""

from __future__ import annotations

from dataclasses import dataclass

# Every line, outline and symbol keeps at least 3:1 contrast against both the land and the sea
# of the offline basemap (WCAG 2.2, 1.4.11 non-text contrast); tests/unit/test_style.py checks.
# Area fills are lighter tints; the outline in the kind's darker "edge" colour is what must be
# seen.

# Colours for travellers, in order of first appearance; none is reused for another kind.
ACTOR_COLOURS = ("#0072B2", "#AA3377", "#117733", "#332288", "#882255", "#5C6B00", "#846600")

LAND = "#f3efe6"
LAND_BORDER = "#a9a192"
SEA = "#c9dce8"

CITY = "#222222"
ALLIANCE = "#E69F00"  # fill
ALLIANCE_EDGE = "#A86B00"
BLOC = "#56B4E9"  # fill
BLOC_EDGE = "#3D6E9E"
CONFLICT = "#D55E00"  # fill and hatching
CONFLICT_EDGE = "#B34A00"
CONFLICT_DASH = "6 4"
DISASTER = "#F0E442"  # fill and dots (Okabe–Ito yellow)
DISASTER_EDGE = "#6E5F00"
PORT = "#007A70"
INSTITUTION = "#5B3A8E"
TRADE = "#8C510A"
STATEMENT = "#444444"
NEUTRAL_AREA = "#707070"

SCHEDULED_DASH = "8 7"
PROPOSED_DASH = "2 6"
INFERRED_DASH = "5 5"


@dataclass(frozen=True)
class AreaLook:
    colour: str  # the fill
    fill_opacity: float
    dash: str | None
    weight: float
    edge: str  # the outline, darker: it carries the contrast

    def leaflet(self) -> dict:
        look = {
            "color": self.edge,
            "weight": self.weight,
            "fillColor": self.colour,
            "fillOpacity": self.fill_opacity,
        }
        if self.dash:
            look["dashArray"] = self.dash
        return look


# Expanded blocs, in the order the reader expands them. They differ by outline as well as
# colour (solid / long dash / dots) and fill strength, so overlapping members (the US in the
# G7 and in Nato) read in greyscale too. Okabe–Ito blue, reddish purple and bluish green.
BLOC_EXPANSION = (
    AreaLook("#0072B2", 0.3, None, 1.6, "#0072B2"),
    AreaLook("#CC79A7", 0.14, "7 4", 2.6, "#A8447F"),
    AreaLook("#009E73", 0.1, "2 4", 2.6, "#007A5A"),
)


def dash_for(status: str) -> str | None:
    return {"scheduled": SCHEDULED_DASH, "proposed": PROPOSED_DASH}.get(status)


def trade_weight(value: float | None, largest: float | None) -> float:
    """Line width in pixels for a flow: area-like (square-root) scale, 3–18 px."""
    if value is None or not largest:
        return 3.0
    return round(3.0 + 15.0 * (max(value, 0.0) / largest) ** 0.5, 1)


# The stylesheet the map iframe gets once. Step highlighting only toggles classes defined here.
MAP_CSS = f"""
.leaflet-container {{ background: {SEA}; font: 13px/1.35 system-ui, -apple-system, "Segoe UI",
  Roboto, sans-serif; }}
/* On a phone the map is narrower than a popup's usual width: let the popup shrink to fit. */
@media (max-width: 520px) {{
  .leaflet-popup-content {{ width: min(300px, calc(100vw - 90px)) !important; }}
}}
/* No zoom or fade animation for readers who ask for less motion (steps never animate). */
@media (prefers-reduced-motion: reduce) {{
  .leaflet-zoom-anim .leaflet-zoom-animated, .leaflet-fade-anim .leaflet-popup,
  .leaflet-fade-anim .leaflet-tile {{ transition: none !important; }}
}}
.ms-icon {{ background: none; border: none; }}
.ms-city {{ position: relative; width: 12px; height: 12px; }}
.ms-city svg {{ display: block; }}
.ms-label {{ position: absolute; left: 14px; top: -3px; white-space: nowrap; font-weight: 600;
  font-size: 12px; color: #1a1a1a; text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff;
  pointer-events: auto; cursor: pointer; }}
.ms-zoom-low .ms-label.ms-inferred {{ display: none; }}
/* A label with no free room at this zoom (see MapSetup's declutter). */
.ms-crowded {{ visibility: hidden !important; }}
.ms-label.ms-inferred {{ font-style: italic; font-weight: 500; color: #444; }}
.ms-country-label {{ font-size: 11px; letter-spacing: .08em; text-transform: uppercase;
  color: #3b3b3b; font-weight: 700; white-space: nowrap; text-shadow: 0 0 3px #fff, 0 0 3px #fff;
  transform: translate(-50%, -50%); display: inline-block; cursor: pointer; }}
.ms-continent-label {{ font-weight: 600; font-style: italic; color: #555; letter-spacing: .2em; }}
.ms-sea-label {{ font-weight: 600; font-style: italic; text-transform: none; letter-spacing: .04em;
  color: #1d4a70; }}
.ms-bloc-label {{ text-transform: none; font-variant: small-caps; letter-spacing: .06em; }}
.ms-arrowhead svg, .ms-symbol svg {{ display: block; overflow: visible; }}
.ms-flow-label {{ transform: translate(-50%, -50%); display: inline-block; white-space: nowrap;
  background: rgba(255,255,255,.88); border: 1px solid {TRADE}; border-radius: 3px;
  padding: 0 4px; font-size: 11px; font-weight: 600; color: #4a2c05; cursor: pointer; }}
.ms-hatch-conflict {{ fill: url(#ms-hatch-conflict); fill-opacity: 1; }}
.ms-dots-disaster {{ fill: url(#ms-dots-disaster); fill-opacity: 1; }}
.ms-popup {{ max-height: 260px; overflow-y: auto; }}
.ms-popup h4 {{ margin: 0 0 4px; font-size: 14px; }}
.ms-popup .ms-meta {{ color: #555; font-size: 12px; margin-bottom: 6px; }}
.ms-popup blockquote {{ margin: 6px 0; padding: 2px 0 2px 8px; border-left: 3px solid #bbb;
  color: #222; }}
.ms-popup .ms-para {{ color: #666; font-size: 11px; font-weight: 600; margin-right: 4px; }}
.ms-popup mark {{ background: #fff3b0; padding: 0 1px; }}
.ms-popup ul {{ margin: 4px 0; padding-left: 18px; }}
.ms-popup table {{ border-collapse: collapse; font-size: 12px; }}
.ms-popup td, .ms-popup th {{ padding: 1px 6px 1px 0; text-align: left; }}
.ms-legend {{ background: rgba(255,255,255,.94); padding: 4px 8px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); font-size: 11px; line-height: 1.3; max-width: 230px;
  max-height: 60vh; overflow-y: auto; }}
.ms-legend summary {{ cursor: pointer; font-weight: 700; font-size: 12px; }}
.ms-legend .ms-row {{ display: flex; align-items: center; gap: 6px; min-height: 18px; }}
.leaflet-container .leaflet-control-attribution, .leaflet-container .leaflet-control-scale {{
  font-size: 11px; }}
.ms-legend svg {{ flex: none; }}
.ms-mark {{ transition: opacity .2s; }}
/* Steps pulse their symbols (see builder.step_css); not for readers who ask for less motion. */
@media (prefers-reduced-motion: reduce) {{ .ms-mark {{ transition: none; }}
  .ms-symbol, .ms-symbol * {{ animation: none !important; }} }}
@keyframes ms-pulse {{ 0% {{ transform: scale(1); }} 50% {{ transform: scale(1.35); }}
  100% {{ transform: scale(1); }} }}
"""

# Hatching for conflict areas and dots for disaster areas: SVG patterns in the iframe
# document, used through CSS fill.
SVG_DEFS = f"""<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>
<pattern id="ms-hatch-conflict" patternUnits="userSpaceOnUse" width="9" height="9"
 patternTransform="rotate(45)"><rect width="9" height="9" fill="{CONFLICT}" fill-opacity="0.16"/>
<line x1="0" y1="0" x2="0" y2="9" stroke="{CONFLICT}" stroke-width="3.2" stroke-opacity="0.7"/>
</pattern>
<pattern id="ms-dots-disaster" patternUnits="userSpaceOnUse" width="8" height="8">
<rect width="8" height="8" fill="{DISASTER}" fill-opacity="0.3"/>
<circle cx="4" cy="4" r="1.8" fill="{DISASTER_EDGE}" fill-opacity="0.75"/>
</pattern></defs></svg>"""
