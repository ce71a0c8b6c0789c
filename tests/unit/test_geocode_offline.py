"""OfflineGazetteer speaks geopy's geocoder protocol over the bundled gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest
from geopy.location import Location

from mapstory.gazetteer import Gazetteer, default_gazetteer
from mapstory.geocode import GeocoderUnavailable, OfflineGazetteer

RAW_KEYS = {"id", "name", "kind", "country_code", "population", "source"}


@pytest.fixture(scope="module")
def geocoder() -> OfflineGazetteer:
    return OfflineGazetteer()


def test_city_location_and_raw(geocoder: OfflineGazetteer) -> None:
    location = geocoder.geocode("Beijing")
    assert isinstance(location, Location)
    assert location.address == "Beijing, China"
    assert (location.latitude, location.longitude) == pytest.approx((39.9075, 116.39723))
    raw = location.raw
    assert raw.keys() >= RAW_KEYS
    assert raw["id"] == "geonames:1816670"
    assert raw["name"] == "Beijing"
    assert raw["kind"] == "city"
    assert raw["country_code"] == "CN"
    assert raw["population"] > 10_000_000
    assert raw["source"] == "offline"
    assert raw["feature_code"] == "PPLC"


def test_country_location(geocoder: OfflineGazetteer) -> None:
    location = geocoder.geocode("Japan")
    assert isinstance(location, Location)
    assert location.address == "Japan"
    assert location.raw["kind"] == "country"
    assert location.raw["country_code"] == "JP"
    assert location.raw["iso3"] == "JPN"


def test_exactly_one_false_returns_a_list(geocoder: OfflineGazetteer) -> None:
    locations = geocoder.geocode("Moscow", exactly_one=False)
    assert isinstance(locations, list) and len(locations) >= 2
    assert all(isinstance(loc, Location) for loc in locations)
    assert locations[0].address == "Moscow, Russia"
    assert "US" in [loc.raw["country_code"] for loc in locations]  # Moscow, Idaho
    assert len(geocoder.geocode("Moscow", exactly_one=False, limit=1)) == 1  # type: ignore[arg-type]


def test_unknown_and_empty_give_none(geocoder: OfflineGazetteer) -> None:
    assert geocoder.geocode("Xyzzyville") is None
    assert geocoder.geocode("Xyzzyville", exactly_one=False) is None
    assert geocoder.geocode("   ") is None


def test_country_codes_filter(geocoder: OfflineGazetteer) -> None:
    location = geocoder.geocode("Moscow", country_codes=["us"])
    assert isinstance(location, Location)
    assert location.raw["country_code"] == "US"
    assert geocoder.geocode("Beijing", country_codes=["JP"]) is None


def test_trailing_country_qualifier(geocoder: OfflineGazetteer) -> None:
    idaho = geocoder.geocode("Moscow, United States")
    assert isinstance(idaho, Location) and idaho.raw["country_code"] == "US"
    assert geocoder.geocode("Moscow, RU").raw["id"] == "geonames:524901"  # type: ignore[union-attr]
    assert geocoder.geocode("Beijing, Atlantis") is None
    assert geocoder.geocode("Washington, D.C.").raw["country_code"] == "US"  # type: ignore[union-attr]


def test_by_id(geocoder: OfflineGazetteer) -> None:
    location = geocoder.by_id("geonames:703448")
    assert isinstance(location, Location)
    assert location.address == "Kyiv, Ukraine"
    assert location.raw["id"] == "geonames:703448"
    assert geocoder.by_id("geonames:0") is None


def test_injected_gazetteer_and_broken_data(tmp_path: Path) -> None:
    assert OfflineGazetteer(default_gazetteer()).geocode("Tokyo") is not None

    class Missing(OfflineGazetteer):
        @property
        def gazetteer(self) -> Gazetteer:
            return Gazetteer.load(tmp_path)

    with pytest.raises(GeocoderUnavailable, match=r"gazetteer\.tsv\.gz"):
        Missing().geocode("Tokyo")


def test_invalid_limit(geocoder: OfflineGazetteer) -> None:
    with pytest.raises(ValueError, match="limit"):
        geocoder.geocode("Tokyo", exactly_one=False, limit=0)
