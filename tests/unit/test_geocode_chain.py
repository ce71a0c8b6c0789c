"""GeocoderChain: online failures fall back to the offline gazetteer and are reported."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderTimedOut
from geopy.location import Location

from mapstory.geocode import (
    ChainResult,
    Geocoder,
    GeocoderChain,
    GeocoderConfigError,
    GeocoderRateLimited,
    GeocoderTimeout,
    GeocoderUnavailable,
    LocationCache,
    NominatimGeocoder,
    OfflineGazetteer,
    make_geocoder,
)
from tests.translation_check import pseudo_language

__all__ = ["pseudo_language"]  # a fixture, used by name

USER_AGENT = "mapstory-tests/1.0 (tests@example.invalid)"
TOKYO_OSM = {
    "osm_type": "relation",
    "osm_id": 1543125,
    "lat": "35.6768601",
    "lon": "139.7638947",
    "class": "boundary",
    "type": "administrative",
    "place_rank": 8,
    "addresstype": "city",
    "name": "Tokyo",
    "display_name": "Tokyo, Japan",
    "address": {"city": "Tokyo", "country": "Japan", "country_code": "jp"},
}
_domains = itertools.count()


class _Adapter(BaseSyncAdapter):
    def __init__(self, respond: Callable[[str], object], calls: list[str], **kw: Any) -> None:
        super().__init__(**kw)
        self.respond = respond
        self.calls = calls

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> object:
        self.calls.append(url)
        return self.respond(url)

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        raise NotImplementedError


def nominatim(respond: Callable[[str], object]) -> tuple[NominatimGeocoder, list[str]]:
    calls: list[str] = []
    geocoder = NominatimGeocoder(
        user_agent=USER_AGENT,
        domain=f"chain-{next(_domains)}.nominatim.invalid",
        adapter_factory=lambda **kw: _Adapter(respond, calls, **kw),
        cache=LocationCache(),
    )
    return geocoder, calls


def status(code: int) -> Callable[[str], object]:
    def respond(url: str) -> object:
        raise AdapterHTTPError("error", status_code=code, headers={}, text="")

    return respond


def timed_out(url: str) -> object:
    raise GeocoderTimedOut("Service timed out")


@pytest.fixture(scope="module")
def offline() -> OfflineGazetteer:
    return OfflineGazetteer()


def test_rate_limited_nominatim_falls_back_to_offline(offline: OfflineGazetteer) -> None:
    online, _ = nominatim(status(429))
    outcome = GeocoderChain([online, offline]).geocode_with_errors("Beijing")
    assert isinstance(outcome, ChainResult)
    assert isinstance(outcome.result, Location)
    assert outcome.result.raw["source"] == "offline"
    assert outcome.result.raw["id"] == "geonames:1816670"
    assert outcome.source == offline.service_name
    (error,) = outcome.errors
    assert isinstance(error, GeocoderRateLimited)
    assert "Nominatim" in str(error) and "'Beijing'" in str(error)


def test_timeout_falls_back_and_plain_geocode_still_answers(offline: OfflineGazetteer) -> None:
    online, _ = nominatim(timed_out)
    chain = GeocoderChain([online, offline])
    outcome = chain.geocode_with_errors("Kyiv")
    assert outcome.location is not None and outcome.location.raw["source"] == "offline"
    assert [type(e) for e in outcome.errors] == [GeocoderTimeout]
    # The Geocoder interface hides the fallback but still finds the place.
    location = chain.geocode("Vladivostok")
    assert isinstance(location, Location) and location.raw["country_code"] == "RU"


def test_nominatim_success_is_used(offline: OfflineGazetteer) -> None:
    online, calls = nominatim(lambda url: [TOKYO_OSM])
    outcome = GeocoderChain([online, offline]).geocode_with_errors("Tokyo")
    assert outcome.errors == ()
    assert outcome.location is not None
    assert outcome.location.raw["source"] == "nominatim"
    assert outcome.location.raw["id"] == "osm:relation/1543125"
    assert outcome.source == online.service_name
    assert len(calls) == 1


def test_nominatim_not_found_falls_through_without_error(offline: OfflineGazetteer) -> None:
    online, _ = nominatim(lambda url: [])
    outcome = GeocoderChain([online, offline]).geocode_with_errors("Moscow", exactly_one=False)
    assert outcome.errors == ()
    assert isinstance(outcome.result, list) and outcome.result[0].raw["source"] == "offline"


def test_unknown_everywhere_is_none_with_errors(offline: OfflineGazetteer) -> None:
    online, _ = nominatim(status(503))
    chain = GeocoderChain([online, offline])
    outcome = chain.geocode_with_errors("Xyzzyville")
    assert outcome.result is None and outcome.location is None
    assert outcome.answered  # the offline gazetteer answered: unknown, not "could not tell"
    assert [type(e) for e in outcome.errors] == [GeocoderUnavailable]
    assert chain.geocode("Xyzzyville") is None


class Failing(Geocoder):
    service_name = "always failing"

    def __init__(self) -> None:
        self.calls = 0

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: Iterable[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        self.calls += 1
        raise GeocoderUnavailable(
            f"{self.service_name} is down ({query!r})", service=self.service_name, query=query
        )


class Timed(Geocoder):
    """Knows nothing; remembers the timeout each request was given."""

    service_name = "timed"

    def __init__(self, timeout: float | None) -> None:
        self.timeout = timeout
        self.waits: list[float | None] = []

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: Iterable[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        self.waits.append(timeout)
        return None


def test_a_batch_keeps_each_services_own_timeout(offline: OfflineGazetteer) -> None:
    """A generous budget must not lengthen the wait the user configured for one request."""
    online = Timed(timeout=2.0)
    batch = GeocoderChain([online, offline]).geocode_many(["Xyzzy", "Plugh"], budget=60)
    assert online.waits == [2.0, 2.0] and not batch.found


def test_a_batch_cuts_the_timeout_to_the_budget_left(offline: OfflineGazetteer) -> None:
    online = Timed(timeout=30.0)
    GeocoderChain([online, offline]).geocode_many(["Xyzzy"], budget=5)
    (wait,) = online.waits
    assert wait is not None and 0 < wait <= 5


def test_a_batchs_timeout_overrides_the_services(offline: OfflineGazetteer) -> None:
    online = Timed(timeout=30.0)
    GeocoderChain([online, offline]).geocode_many(["Xyzzy"], budget=60, timeout=3)
    assert online.waits == [3]


def test_all_failing_raises_from_plain_geocode() -> None:
    chain = GeocoderChain([Failing(), Failing()], cooldown=0)
    outcome = chain.geocode_with_errors("Beijing")
    assert not outcome.answered and len(outcome.errors) == 2
    with pytest.raises(GeocoderUnavailable, match="down"):
        chain.geocode("Beijing")


def test_failed_service_is_skipped_during_cooldown(offline: OfflineGazetteer) -> None:
    down = Failing()
    chain = GeocoderChain([down, offline], cooldown=60)
    chain.geocode_with_errors("Beijing")
    start = time.monotonic()
    outcome = chain.geocode_with_errors("Tokyo")
    assert time.monotonic() - start < 0.5
    assert down.calls == 1  # not asked again
    (skip,) = outcome.errors
    assert isinstance(skip, GeocoderUnavailable)
    assert "'Tokyo'" in str(skip) and "retried in" in str(skip)
    assert outcome.location is not None and outcome.location.raw["name"] == "Tokyo"
    chain.reset_cooldowns()
    chain.geocode_with_errors("Tokyo")
    assert down.calls == 2


def test_chain_needs_geocoders() -> None:
    with pytest.raises(ValueError, match="at least one"):
        GeocoderChain([])


def test_make_geocoder() -> None:
    assert isinstance(make_geocoder(), OfflineGazetteer)
    chain = make_geocoder(online=True, user_agent=USER_AGENT, timeout=3.0)
    assert isinstance(chain, GeocoderChain)
    first, second = chain.geocoders
    assert isinstance(first, NominatimGeocoder) and isinstance(second, OfflineGazetteer)
    assert (first.domain, first.timeout, first.user_agent) == (
        "nominatim.openstreetmap.org",
        3.0,
        USER_AGENT,
    )
    with pytest.raises(GeocoderConfigError, match="user agent"):
        make_geocoder(online=True)
    with pytest.raises(GeocoderConfigError):
        make_geocoder(online=True, user_agent="geopy/2.5.0")


def test_batch_errors_speak_the_readers_language(pseudo_language) -> None:
    """The batch asks on a worker thread; its messages still come out in the reader's language
    (a pseudo-translation here), not the thread's default."""
    online, _ = nominatim(status(503))
    batch = GeocoderChain([online], cooldown=0).geocode_many(["Xyzzyville", "Plughton"], budget=5)
    messages = [e.message for errors in batch.errors.values() for e in errors]
    assert len(messages) == 2
    for message in messages:
        english = [w for w in re.findall(r"[A-Za-z]{3,}", message) if w not in ENGLISH_OK]
        assert english == [], message  # only the names asked about and the service's


ENGLISH_OK = {"Xyzzyville", "Plughton", "Nominatim", "chain", "nominatim", "invalid"}
