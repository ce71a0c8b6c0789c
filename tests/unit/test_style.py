"""Mark colours against the offline basemap: WCAG 2.2 contrast, computed, not eyeballed."""

from __future__ import annotations

import re

import pytest

from mapstory.mapbuild import style


def luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# Everything drawn as a line, an outline or a symbol body: 3:1 against land and sea (1.4.11).
GRAPHICS = {
    **{f"traveller {i + 1}": c for i, c in enumerate(style.ACTOR_COLOURS)},
    "alliance outline": style.ALLIANCE_EDGE,
    "bloc outline": style.BLOC_EDGE,
    "conflict outline": style.CONFLICT_EDGE,
    "disaster outline": style.DISASTER_EDGE,
    "country outline": style.NEUTRAL_AREA,
    "port": style.PORT,
    "institution": style.INSTITUTION,
    "trade": style.TRADE,
    "statement": style.STATEMENT,
    "city": style.CITY,
    **{f"expanded bloc {i + 1}": look.edge for i, look in enumerate(style.BLOC_EXPANSION)},
}


@pytest.mark.parametrize("name", sorted(GRAPHICS))
def test_marks_stand_out_from_land_and_sea(name: str) -> None:
    colour = GRAPHICS[name]
    assert contrast(colour, style.LAND) >= 3.0, (name, colour, "land")
    assert contrast(colour, style.SEA) >= 3.0, (name, colour, "sea")


def test_map_label_text_is_readable() -> None:
    """Label colours in the map stylesheet: 4.5:1 on land (their halo is white, so more)."""
    rules = {
        selector: re.search(r"(?<![-\w])color: (#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b", body).group(1)
        for selector, body in re.findall(
            r"\n(\.ms-[\w.-]+(?: [\w.-]+)?) \{\{?([^}]*)\}", style.MAP_CSS
        )
        if re.search(r"(?<![-\w])color: #", body)
    }
    for selector in (".ms-label", ".ms-country-label", ".ms-label.ms-inferred"):
        assert contrast(rules[selector], style.LAND) >= 4.5, selector
    assert contrast(rules[".ms-flow-label"], "#ffffff") >= 4.5
    # A sea's name stands on the sea.
    assert contrast(rules[".ms-sea-label"], style.SEA) >= 4.5


def test_travellers_are_told_apart() -> None:
    """Distinct colours, none reused for another kind of mark."""
    others = {style.PORT, style.INSTITUTION, style.TRADE, style.STATEMENT, style.CITY}
    assert len(set(style.ACTOR_COLOURS)) == len(style.ACTOR_COLOURS)
    assert not others & set(style.ACTOR_COLOURS)
