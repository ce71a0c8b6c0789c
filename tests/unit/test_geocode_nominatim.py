"""NominatimGeocoder: result mapping, usage policy and error mapping, without the internet.

Two techniques: a real HTTP server on 127.0.0.1 (exercises geopy's own HTTP adapter, timeouts
and status handling end to end) and a fake geopy adapter (fast, precise control of what geopy
sees). Each test uses its own domain, because pacing is per domain and process-wide.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.adapters import AdapterHTTPError, BaseAdapter, BaseSyncAdapter
from geopy.exc import GeocoderTimedOut
from geopy.exc import GeocoderUnavailable as GeopyUnavailable
from geopy.location import Location

from mapstory.geocode import (
    GeocoderBadResponse,
    GeocoderConfigError,
    GeocoderRateLimited,
    GeocoderRefused,
    GeocoderTimeout,
    GeocoderUnavailable,
    GeocodingError,
    LocationCache,
    NominatimGeocoder,
)
from mapstory.geocode import nominatim as nominatim_module

USER_AGENT = "mapstory-tests/1.0 (tests@example.invalid)"
LICENCE = "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright"

BEIJING = {
    "place_id": 240109189,
    "licence": LICENCE,
    "osm_type": "relation",
    "osm_id": 912940,
    "lat": "40.1905646",
    "lon": "116.4121382",
    "class": "boundary",
    "type": "administrative",
    "place_rank": 8,
    "importance": 0.83,
    "addresstype": "city",
    "name": "Beijing",
    "display_name": "Beijing, China",
    "address": {
        "city": "Beijing",
        "ISO3166-2-lvl4": "CN-BJ",
        "country": "China",
        "country_code": "cn",
    },
    "extratags": {"capital": "yes", "population": "21893095", "wikidata": "Q956"},
    "boundingbox": ["39.4416113", "41.0595584", "115.4234411", "117.5146251"],
}
JAPAN = {
    "place_id": 382313,
    "licence": LICENCE,
    "osm_type": "relation",
    "osm_id": 382313,
    "lat": "36.5748441",
    "lon": "139.2394179",
    "class": "boundary",
    "type": "administrative",
    "place_rank": 4,
    "importance": 0.88,
    "addresstype": "country",
    "name": "Japan",
    "display_name": "Japan",
    "address": {"country": "Japan", "country_code": "jp"},
    "extratags": {"population": "125,440,000"},
    "boundingbox": ["20.2145811", "45.7112046", "122.7141754", "154.205541"],
}
PRIMORSKY = {
    "place_id": 7,
    "osm_type": "relation",
    "osm_id": 151225,
    "lat": "45.0",
    "lon": "134.7",
    "class": "boundary",
    "type": "administrative",
    "place_rank": 8,
    "addresstype": "state",
    "name": "Primorsky Krai",
    "display_name": "Primorsky Krai, Far Eastern Federal District, Russia",
    "address": {"state": "Primorsky Krai", "country": "Russia", "country_code": "ru"},
    "boundingbox": ["42.3", "48.5", "130.4", "139.1"],
}
YANGTZE = {
    "place_id": 8,
    "osm_type": "relation",
    "osm_id": 5405,
    "lat": "31.4",
    "lon": "121.8",
    "class": "waterway",
    "type": "river",
    "place_rank": 19,
    "display_name": "Yangtze, China",
    "address": {"country": "China", "country_code": "cn"},
}


# -- a local Nominatim ------------------------------------------------------------------------


class FakeNominatimServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the client hung up on a slow response; expected


class _Handler(BaseHTTPRequestHandler):
    server: FakeNominatimServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        with self.server.lock:
            self.server.requests.append(
                {
                    "at": time.monotonic(),
                    "path": url.path,
                    "params": params,
                    "user_agent": self.headers.get("User-Agent"),
                }
            )
        query = params.get("q", "")
        if url.path != "/search":
            self._send(404, b"not found", "text/plain")
        elif query == "Beijing":
            self._json([BEIJING])
        elif query == "Japan":
            self._json([JAPAN])
        elif query == "Primorsky Krai":
            self._json([PRIMORSKY])
        elif query == "rate limited":
            self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": "2"})
        elif query == "forbidden":
            self._send(403, b"<html>Access blocked</html>", "text/html")
        elif query == "unavailable":
            self._send(503, b"<html>Service Unavailable</html>", "text/html")
        elif query == "garbage":
            self._send(200, b"<html>this is not json", "application/json")
        elif query == "slow":
            time.sleep(6)  # far beyond any timeout the tests set
            self._json([BEIJING])
        else:
            self._json([])

    def _json(self, payload: object) -> None:
        self._send(200, json.dumps(payload).encode(), "application/json; charset=utf-8")

    def _send(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[FakeNominatimServer]:
    srv = FakeNominatimServer()
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


def local_geocoder(server: FakeNominatimServer, **kwargs: Any) -> NominatimGeocoder:
    options: dict[str, Any] = {
        "user_agent": USER_AGENT,
        "domain": server.domain,
        "scheme": "http",
        "timeout": 5.0,
        "proxies": {},  # never route loopback through a proxy from the environment
        "cache": LocationCache(),
    }
    options.update(kwargs)
    return NominatimGeocoder(**options)


# -- a fake geopy adapter ---------------------------------------------------------------------

_domains = itertools.count()


class ScriptedAdapter(BaseSyncAdapter):
    """geopy adapter whose answer comes from a function of the requested URL."""

    def __init__(
        self, respond: Callable[[str], object], calls: list[str], *, proxies: Any, ssl_context: Any
    ) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.respond = respond
        self.calls = calls

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> object:
        self.calls.append(url)
        return self.respond(url)

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        return json.dumps(self.get_json(url, timeout=timeout, headers=headers))


def scripted(respond: Callable[[str], object]) -> tuple[NominatimGeocoder, list[str]]:
    calls: list[str] = []
    geocoder = NominatimGeocoder(
        user_agent=USER_AGENT,
        domain=f"fake-{next(_domains)}.nominatim.invalid",
        adapter_factory=lambda **kw: ScriptedAdapter(respond, calls, **kw),
        cache=LocationCache(),
    )
    return geocoder, calls


def http_error(status: int, headers: dict[str, str] | None = None) -> Callable[[str], object]:
    def respond(url: str) -> object:
        raise AdapterHTTPError(
            f"Non-successful status code {status}",
            status_code=status,
            headers=headers or {},
            text="",
        )

    return respond


def raising(exc: Exception) -> Callable[[str], object]:
    def respond(url: str) -> object:
        raise exc

    return respond


# -- mapping ----------------------------------------------------------------------------------


def test_city_result_is_mapped(server: FakeNominatimServer) -> None:
    location = local_geocoder(server).geocode("Beijing")
    assert isinstance(location, Location)
    assert location.address == "Beijing, China"
    assert (location.latitude, location.longitude) == pytest.approx((40.1905646, 116.4121382))
    raw = location.raw
    assert raw["id"] == "osm:relation/912940"
    assert raw["name"] == "Beijing"
    assert raw["kind"] == "city"
    assert raw["country_code"] == "CN"
    assert raw["population"] == 21893095
    assert raw["source"] == "nominatim"
    assert raw["boundingbox"] == pytest.approx([39.4416113, 41.0595584, 115.4234411, 117.5146251])

    (request,) = server.requests
    assert request["path"] == "/search"
    assert request["user_agent"] == USER_AGENT
    assert request["params"]["addressdetails"] == "1"
    assert request["params"]["accept-language"] == "en"


def test_country_region_and_water_kinds(server: FakeNominatimServer) -> None:
    japan = local_geocoder(server).geocode("Japan")
    assert isinstance(japan, Location)
    assert (japan.raw["kind"], japan.raw["country_code"]) == ("country", "JP")
    assert japan.raw["population"] == 125_440_000

    geocoder, _ = scripted(lambda url: [PRIMORSKY, YANGTZE])
    region, river = geocoder.geocode("anything", exactly_one=False)  # type: ignore[misc]
    assert (region.raw["kind"], region.raw["country_code"]) == ("region", "RU")
    assert (river.raw["kind"], river.raw["name"], river.raw["population"]) == (
        "water",
        "Yangtze",
        0,
    )
    assert river.raw["boundingbox"] is None


def test_parameters_reach_nominatim() -> None:
    geocoder, calls = scripted(lambda url: [BEIJING])
    result = geocoder.geocode("Beijing", exactly_one=False, limit=3, country_codes=["CN", "tw"])
    assert isinstance(result, list) and len(result) == 1
    (url,) = calls
    params = {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}
    assert params["q"] == "Beijing"
    assert params["limit"] == "3"
    assert params["countrycodes"] == "cn,tw"
    assert params["format"] == "json"


def test_not_found_is_none_and_cached(server: FakeNominatimServer) -> None:
    geocoder = local_geocoder(server)
    assert geocoder.geocode("Nowhere at all") is None
    assert geocoder.geocode("Nowhere at all", exactly_one=True) is None
    assert len(server.requests) == 1


# -- policy -----------------------------------------------------------------------------------


def test_cache_hit_does_not_reach_the_server(server: FakeNominatimServer) -> None:
    geocoder = local_geocoder(server)
    first = geocoder.geocode("Beijing")
    again = geocoder.geocode("  beijing ")  # same query after whitespace/case normalisation
    assert len(server.requests) == 1
    assert first is not None and again is not None and again.raw == first.raw
    # A second geocoder on the same server shares the cache it is given.
    other = local_geocoder(server, cache=geocoder._cache)
    assert other.geocode("Beijing") is not None
    assert len(server.requests) == 1


def test_cache_is_bounded() -> None:
    cache = LocationCache(maxsize=2)
    cache.put("a", None)
    cache.put("b", None)
    assert cache.get("a") == (True, None)  # refreshes "a"
    cache.put("c", None)
    assert cache.get("b") == (False, None)
    assert len(cache) == 2


def sending_times(sent: list[float]) -> Callable[..., BaseAdapter]:
    """geopy's adapter as the geocoder builds it, noting when each request leaves: the
    server's arrival times carry the loaded machine's scheduling jitter, the send times
    are what the pacing promises."""
    base = nominatim_module._default_adapter_factory()

    def factory(**kwargs: Any) -> BaseAdapter:
        adapter = base(**kwargs)
        send = adapter.get_json

        def get_json(url: str, *, timeout: float, headers: dict) -> Any:
            sent.append(time.monotonic())
            return send(url, timeout=timeout, headers=headers)

        adapter.get_json = get_json  # type: ignore[method-assign]
        return adapter

    return factory


def test_requests_are_at_least_one_second_apart(server: FakeNominatimServer) -> None:
    sent: list[float] = []
    geocoder = local_geocoder(server, adapter_factory=sending_times(sent))
    geocoder.geocode("Beijing")
    geocoder.geocode("Japan")
    assert len(server.requests) == 2
    first, second = sent
    assert second - first >= nominatim_module.MIN_REQUEST_INTERVAL  # start to start


def test_requests_stay_apart_when_the_first_is_slower_to_leave(server: FakeNominatimServer) -> None:
    # A loaded machine may take longer between granting the first request its slot and
    # sending it than over the second: the interval must hold for what leaves, not the slots.
    sent: list[float] = []
    base = sending_times(sent)

    def factory(**kwargs: Any) -> BaseAdapter:
        adapter = base(**kwargs)
        send = adapter.get_json

        def get_json(url: str, *, timeout: float, headers: dict) -> Any:
            if not sent:
                time.sleep(0.2)
            return send(url, timeout=timeout, headers=headers)

        adapter.get_json = get_json  # type: ignore[method-assign]
        return adapter

    geocoder = local_geocoder(server, adapter_factory=factory)
    geocoder.geocode("Beijing")
    geocoder.geocode("Japan")
    first, second = sent
    assert second - first >= nominatim_module.MIN_REQUEST_INTERVAL


def test_pacing_is_shared_across_instances(server: FakeNominatimServer) -> None:
    sent: list[float] = []
    local_geocoder(server, adapter_factory=sending_times(sent)).geocode("Beijing")
    # A new instance, same domain: still paced.
    local_geocoder(server, adapter_factory=sending_times(sent)).geocode("Japan")
    assert len(server.requests) == 2
    first, second = sent
    assert second - first >= nominatim_module.MIN_REQUEST_INTERVAL


def test_default_and_empty_user_agents_are_refused() -> None:
    for agent in ("", "   ", "geopy/2.5.0", "my-application", "GEOPY/1.0"):
        with pytest.raises(GeocoderConfigError, match="user agent"):
            NominatimGeocoder(user_agent=agent)
    assert NominatimGeocoder(user_agent=USER_AGENT).timeout == 10.0  # not geopy's 1 s


# -- errors -----------------------------------------------------------------------------------


def test_429_maps_to_rate_limited_and_backs_off(server: FakeNominatimServer) -> None:
    geocoder = local_geocoder(server)
    with pytest.raises(GeocoderRateLimited) as caught:
        geocoder.geocode("rate limited")
    error = caught.value
    assert error.retry_after == 2
    assert "rate-limiting" in str(error) and "'rate limited'" in str(error)
    assert server.domain in str(error) and error.query == "rate limited"
    # During the back-off nothing is sent, and the caller is told so at once.
    start = time.monotonic()
    with pytest.raises(GeocoderRateLimited, match="slow down"):
        geocoder.geocode("Beijing")
    assert time.monotonic() - start < 1.0  # not the 2 s back-off slept through
    assert len(server.requests) == 1


def test_403_maps_to_refused(server: FakeNominatimServer) -> None:
    with pytest.raises(GeocoderRefused, match=r"refused the request for 'forbidden' \(HTTP 403\)"):
        local_geocoder(server).geocode("forbidden")


def test_503_maps_to_unavailable(server: FakeNominatimServer) -> None:
    with pytest.raises(GeocoderUnavailable, match=r"unavailable \(HTTP 503\)"):
        local_geocoder(server).geocode("unavailable")


def test_garbage_json_maps_to_bad_response(server: FakeNominatimServer) -> None:
    with pytest.raises(GeocoderBadResponse, match="not valid JSON"):
        local_geocoder(server).geocode("garbage")


def test_slow_response_maps_to_timeout(server: FakeNominatimServer) -> None:
    start = time.monotonic()
    with pytest.raises(GeocoderTimeout, match=r"did not answer the query 'slow' within 0\.3 s"):
        local_geocoder(server, timeout=0.3).geocode("slow")
    assert time.monotonic() - start < 3  # gave up at the timeout, not when the server replied


def test_per_call_timeout_overrides_default(server: FakeNominatimServer) -> None:
    with pytest.raises(GeocoderTimeout, match=r"within 0\.2 s"):
        local_geocoder(server, timeout=30).geocode("slow", timeout=0.2)


def test_unreachable_server_maps_to_unavailable() -> None:
    probe = FakeNominatimServer()
    domain = probe.domain
    probe.server_close()  # nothing listens on that port any more
    geocoder = NominatimGeocoder(
        user_agent=USER_AGENT, domain=domain, scheme="http", proxies={}, cache=LocationCache()
    )
    with pytest.raises(GeocoderUnavailable, match="could not be reached for 'Beijing'"):
        geocoder.geocode("Beijing")


@pytest.mark.parametrize(
    ("respond", "error_class", "message"),
    [
        (http_error(429, {"retry-after": "7"}), GeocoderRateLimited, "Try again in 7 s"),
        (http_error(429), GeocoderRateLimited, "Try again later"),
        (http_error(401), GeocoderRefused, "HTTP 401"),
        (http_error(403), GeocoderRefused, "HTTP 403"),
        (http_error(400), GeocoderRefused, "rejected the query"),
        (http_error(500), GeocoderUnavailable, "HTTP 500"),
        (http_error(502), GeocoderUnavailable, "HTTP 502"),
        (http_error(503), GeocoderUnavailable, "HTTP 503"),
        (http_error(504), GeocoderTimeout, "HTTP 504"),
        (raising(GeocoderTimedOut("Service timed out")), GeocoderTimeout, "within 10 s"),
        (raising(GeopyUnavailable("Connection refused")), GeocoderUnavailable, "refused"),
        (lambda url: {"error": "Nothing to search for"}, GeocoderRefused, "Nothing to search"),
        (lambda url: [{"display_name": "no coordinates"}], GeocoderBadResponse, "not a list"),
        (lambda url: [{"lat": "north", "lon": "1"}], GeocoderBadResponse, "not a list"),
    ],
)
def test_geopy_errors_map_to_ours(
    respond: Callable[[str], object], error_class: type[GeocodingError], message: str
) -> None:
    geocoder, calls = scripted(respond)
    with pytest.raises(error_class, match=message) as caught:
        geocoder.geocode("Beijing")
    error = caught.value
    assert error.service == geocoder.service_name
    assert error.query == "Beijing"
    assert "Nominatim" in str(error) and "'Beijing'" in str(error)
    assert len(calls) == 1


def test_errors_are_not_cached() -> None:
    answers: list[Callable[[str], object]] = [http_error(503), lambda url: [BEIJING]]
    geocoder, calls = scripted(lambda url: answers.pop(0)(url))
    with pytest.raises(GeocoderUnavailable):
        geocoder.geocode("Beijing")
    nominatim_module._PACER.reset()  # skip the 1 s pacing wait; pacing has its own tests
    assert geocoder.geocode("Beijing") is not None
    assert len(calls) == 2


def test_errors_pickle_with_their_details() -> None:
    import pickle

    error = GeocoderRateLimited("msg", service="svc", query="q", retry_after=3.0)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, copy.service, copy.query, copy.retry_after) == ("msg", "svc", "q", 3.0)
    plain = pickle.loads(pickle.dumps(GeocoderTimeout("m", service="s", query=None)))
    assert isinstance(plain, GeocoderTimeout) and plain.service == "s"
