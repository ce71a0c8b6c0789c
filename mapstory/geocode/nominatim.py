"""Opt-in online geocoding through Nominatim (OpenStreetMap), wrapped in its usage policy.

The public Nominatim server allows at most one request per second per application, requires an
identifying User-Agent and asks clients to cache results
(https://operations.osmfoundation.org/policies/nominatim/). A Streamlit app serves several
sessions from one process, so pacing and caching live at module level, shared by every
:class:`NominatimGeocoder` talking to the same domain:

* requests to one domain start at least :data:`MIN_REQUEST_INTERVAL` seconds apart (counted
  from the previous answer, once it is back); a caller that would exceed the rate waits its
  turn (a fraction of a second), never silently drops;
* after HTTP 429 the domain is left alone for the Retry-After period (or
  :data:`DEFAULT_BACKOFF`), and calls during it fail fast with :class:`GeocoderRateLimited`;
* answers, including "not found", are kept in a thread-safe LRU cache.

geopy's ``RateLimiter`` is deliberately not used: it swallows errors and retries by sleeping,
which would hide an outage from the user and stall the app.
"""

from __future__ import annotations

import functools
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any

import geopy.exc
from geopy.adapters import AdapterHTTPError, BaseAdapter, RequestsAdapter, URLLibAdapter
from geopy.geocoders import Nominatim
from geopy.location import Location

from mapstory.geocode.base import (
    Geocoder,
    GeocoderBadResponse,
    GeocoderConfigError,
    GeocoderRateLimited,
    GeocoderRefused,
    GeocoderTimeout,
    GeocoderUnavailable,
    GeocodingError,
    make_location,
)
from mapstory.messages import text

__all__ = [
    "DEFAULT_BACKOFF",
    "DEFAULT_DOMAIN",
    "MIN_REQUEST_INTERVAL",
    "LocationCache",
    "NominatimGeocoder",
]

DEFAULT_DOMAIN = "nominatim.openstreetmap.org"
DEFAULT_TIMEOUT = 10.0
DEFAULT_LIMIT = 10
#: Minimum spacing, in seconds, between the starts of two requests to the same domain.
MIN_REQUEST_INTERVAL = 1.0
#: How long to leave a domain alone after HTTP 429 without a Retry-After header, in seconds.
DEFAULT_BACKOFF = 30.0
_MAX_BACKOFF = 3600.0

# Sample agents from geopy's and Nominatim's documentation (geopy's own default, "geopy/x.y",
# is caught by prefix): the public server blocks them, so fail early and say what to do.
_REJECTED_USER_AGENTS = frozenset(
    {
        "my-application",
        "my_app/1",
        "my_user_agent/1.0",
        "specify_your_app_name_here",
        "python-requests",
        "mozilla/5.0",
    }
)


def _default_adapter_factory() -> Callable[..., BaseAdapter]:
    """geopy's HTTP adapter with urllib3's automatic retries switched off.

    geopy's RequestsAdapter retries twice by default, and urllib3 honours Retry-After on 429
    and 503 by sleeping and re-sending: that would break the one-request-per-second promise,
    hide the 429 from us and stall the caller for as long as the server asks.
    """
    if RequestsAdapter.is_available:
        return functools.partial(RequestsAdapter, max_retries=0)
    return URLLibAdapter


# --------------------------------------------------------------------------------------------
# Process-wide pacing
# --------------------------------------------------------------------------------------------


class _DomainPacer:
    """Per-domain request spacing and 429 back-off, shared by the whole process."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last_start: dict[str, float] = {}
        self._blocked_until: dict[str, float] = {}

    def _lock_for(self, domain: str) -> threading.Lock:
        with self._guard:
            lock = self._locks.get(domain)
            if lock is None:
                lock = self._locks[domain] = threading.Lock()
            return lock

    def acquire_slot(self, domain: str) -> float:
        """Wait until a request to *domain* may start; returns the back-off left, or 0.

        A positive return means the domain is backing off after a 429 and no request may be
        sent now; the caller raises instead of waiting (the wait can be minutes).
        """
        with self._lock_for(domain):
            now = time.monotonic()
            blocked = self._blocked_until.get(domain, 0.0) - now
            if blocked > 0:
                return blocked
            last = self._last_start.get(domain)
            if last is not None and now - last < MIN_REQUEST_INTERVAL:
                time.sleep(MIN_REQUEST_INTERVAL - (now - last))
            self._last_start[domain] = time.monotonic()
            return 0.0

    def finished(self, domain: str) -> None:
        """Count the next interval from when a request's answer came back, not from when
        its slot was granted: what leaves the machine is then a full interval apart however
        long the work between the slot and the send took (a loaded machine can take longer
        over the first request's than over the second's)."""
        with self._lock_for(domain):
            self._last_start[domain] = max(
                time.monotonic(), self._last_start.get(domain, float("-inf"))
            )

    def back_off(self, domain: str, seconds: float) -> None:
        with self._lock_for(domain):
            until = time.monotonic() + min(max(seconds, 0.0), _MAX_BACKOFF)
            self._blocked_until[domain] = max(until, self._blocked_until.get(domain, 0.0))

    def reset(self) -> None:
        """Forget all timing state (for tests)."""
        with self._guard:
            self._last_start.clear()
            self._blocked_until.clear()


_PACER = _DomainPacer()


# --------------------------------------------------------------------------------------------
# Cache
# --------------------------------------------------------------------------------------------


class LocationCache:
    """Thread-safe LRU of geocoding answers; ``None`` answers ("not found") are cached too."""

    def __init__(self, maxsize: int = 2048) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, tuple[Location, ...] | None] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> tuple[bool, tuple[Location, ...] | None]:
        """``(True, value)`` on a hit, ``(False, None)`` on a miss."""
        with self._lock:
            if key not in self._data:
                return False, None
            self._data.move_to_end(key)
            return True, self._data[key]

    def put(self, key: Hashable, value: tuple[Location, ...] | None) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._data)


_SHARED_CACHE = LocationCache()


# --------------------------------------------------------------------------------------------
# Result mapping
# --------------------------------------------------------------------------------------------

_CITY_TYPES = frozenset(
    {
        "city",
        "town",
        "village",
        "hamlet",
        "municipality",
        "borough",
        "suburb",
        "quarter",
        "neighbourhood",
        "city_district",
        "isolated_dwelling",
        "locality",
    }
)
_REGION_TYPES = frozenset(
    {"state", "province", "region", "county", "state_district", "district", "territory"}
)
_WATER_TYPES = frozenset(
    {"sea", "ocean", "bay", "strait", "river", "lake", "water", "reservoir", "canal", "gulf"}
)
_ISLAND_TYPES = frozenset({"island", "islet", "archipelago"})


def _kind(place: dict[str, Any]) -> str:
    """Map Nominatim's addresstype/class/type onto mapstory's small set of kinds."""
    osm_class = place.get("class") or place.get("category") or ""
    candidates = [place.get("addresstype") or "", place.get("type") or ""]
    for value in candidates:
        if value in ("country", "continent"):
            return value
        if value in _CITY_TYPES:
            return "city"
        if value in _REGION_TYPES:
            return "region"
        if value in _ISLAND_TYPES:
            return "island"
        if value in _WATER_TYPES:
            return "water"
    if osm_class == "waterway":
        return "water"
    if osm_class == "boundary" and place.get("type") == "administrative":
        rank = _int(place.get("place_rank"))
        if rank == 4:
            return "country"
        if 5 <= rank <= 12:
            return "region"
        if 13 <= rank <= 20:
            return "city"
    return "other"


def _int(value: object) -> int:
    if isinstance(value, int):
        return value
    digits = re.sub(r"[\s,._']", "", str(value or ""))
    return int(digits) if digits.isdigit() else 0


def _float_list(values: object) -> list[float] | None:
    if not isinstance(values, list | tuple) or len(values) != 4:
        return None
    try:
        return [float(v) for v in values]
    except (TypeError, ValueError):
        return None


def _to_location(place: dict[str, Any]) -> Location:
    lat = float(place["lat"])
    lon = float(place["lon"])
    display = str(place.get("display_name") or "").strip()
    name = str(place.get("name") or "").strip() or display.split(",")[0].strip()
    address = place.get("address") if isinstance(place.get("address"), dict) else {}
    extratags = place.get("extratags") if isinstance(place.get("extratags"), dict) else {}
    osm_type, osm_id = place.get("osm_type"), place.get("osm_id")
    if osm_type and osm_id is not None:
        place_id = f"osm:{osm_type}/{osm_id}"
    else:
        place_id = f"nominatim:{place.get('place_id', '')}"
    raw = {
        "id": place_id,
        "name": name,
        "kind": _kind(place),
        "country_code": str(address.get("country_code") or "").upper(),
        "population": _int(extratags.get("population")),
        "source": "nominatim",
        "display_name": display,
        "osm_class": place.get("class") or place.get("category") or "",
        "osm_type": place.get("type") or "",
        "addresstype": place.get("addresstype") or "",
        "place_rank": _int(place.get("place_rank")),
        "importance": place.get("importance"),
        # [south, north, west, east] in degrees, as Nominatim orders it.
        "boundingbox": _float_list(place.get("boundingbox")),
    }
    return make_location(display or name, lat, lon, raw)


# --------------------------------------------------------------------------------------------
# Geocoder
# --------------------------------------------------------------------------------------------


class NominatimGeocoder(Geocoder):
    """Nominatim behind mapstory's :class:`Geocoder` interface and error types.

    *user_agent* must identify the app (e.g. "mapstory/0.1 (ops@example.org)"); geopy's
    default and documentation samples are refused with :class:`GeocoderConfigError`.
    *adapter_factory* (default: geopy's requests adapter with automatic retries off, see
    :func:`_default_adapter_factory`) and *proxies* go to geopy unchanged; tests inject
    adapters this way. *cache* defaults to one LRU shared by all instances in the process.
    """

    def __init__(
        self,
        *,
        user_agent: str,
        domain: str = DEFAULT_DOMAIN,
        scheme: str = "https",
        timeout: float = DEFAULT_TIMEOUT,
        language: str | None = "en",
        adapter_factory: Callable[..., BaseAdapter] | None = None,
        proxies: dict[str, str] | None = None,
        cache: LocationCache | None = None,
    ) -> None:
        domain = domain.strip().strip("/")
        self.domain = domain
        self.service_name = f"Nominatim ({domain})"
        agent = (user_agent or "").strip()
        if not agent:
            raise GeocoderConfigError(
                f"{self.service_name} needs a user agent that identifies this app, "
                "e.g. 'mapstory/0.1 (contact@example.org)'; none was configured.",
                service=self.service_name,
            )
        if agent.lower() in _REJECTED_USER_AGENTS or agent.lower().startswith("geopy/"):
            raise GeocoderConfigError(
                f"{self.service_name} refuses generic user agents such as {agent!r} "
                "(usage policy: https://operations.osmfoundation.org/policies/nominatim/); "
                "configure one that names this app and a contact, "
                "e.g. 'mapstory/0.1 (contact@example.org)'.",
                service=self.service_name,
            )
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.user_agent = agent
        self.scheme = scheme
        self.timeout = float(timeout)
        self.language = language
        self._cache = cache if cache is not None else _SHARED_CACHE
        kwargs: dict[str, Any] = {
            "user_agent": agent,
            "domain": domain,
            "scheme": scheme,
            "timeout": self.timeout,
        }
        kwargs["adapter_factory"] = adapter_factory or _default_adapter_factory()
        if proxies is not None:
            kwargs["proxies"] = proxies
        try:
            self._geopy = Nominatim(**kwargs)
        except geopy.exc.ConfigurationError as exc:
            raise GeocoderConfigError(
                f"{self.service_name} configuration rejected: {exc}", service=self.service_name
            ) from exc

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: Iterable[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        """See :meth:`Geocoder.geocode`. Raises :class:`GeocodingError` subclasses only."""
        text = " ".join(str(query).split())
        if not text:
            return None
        count = 1 if exactly_one else (limit if limit is not None else DEFAULT_LIMIT)
        if count < 1:
            raise ValueError("limit must be at least 1")
        codes = tuple(sorted({c.strip().lower() for c in country_codes or () if c.strip()}))
        key = (self.scheme, self.domain, self.language, text.casefold(), count, codes)
        hit, cached = self._cache.get(key)
        if not hit:
            cached = self._fetch(text, count, codes, timeout)
            self._cache.put(key, cached)
        if not cached:
            return None
        return cached[0] if exactly_one else list(cached)

    def _fetch(
        self, query: str, count: int, codes: tuple[str, ...], timeout: float | None
    ) -> tuple[Location, ...] | None:
        waited = _PACER.acquire_slot(self.domain)
        if waited > 0:
            raise GeocoderRateLimited(
                f"{self.service_name} asked us to slow down; {query!r} was not looked up. "
                f"Try again in {max(1, round(waited))} s.",
                service=self.service_name,
                query=query,
                retry_after=waited,
            )
        effective_timeout = float(timeout) if timeout is not None else self.timeout
        try:
            places = self._geopy.geocode(
                query,
                exactly_one=False,
                limit=count,
                addressdetails=True,
                extratags=True,
                language=self.language or False,
                country_codes=list(codes) or None,
                timeout=effective_timeout,
            )
            if not places:
                return None
            return tuple(_to_location(p.raw) for p in places)
        except geopy.exc.GeopyError as exc:
            raise self._translate(exc, query, effective_timeout) from exc
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            raise GeocoderBadResponse(
                text(
                    "geocoder.not_a_list",
                    service=self.service_name,
                    query=repr(query),
                    error=f"{type(exc).__name__}: {exc}",
                ),
                service=self.service_name,
                query=query,
            ) from exc
        finally:
            _PACER.finished(self.domain)

    def _translate(self, exc: geopy.exc.GeopyError, query: str, timeout: float) -> GeocodingError:
        """Turn a geopy exception into ours, with a sentence a user can act on."""
        service = self.service_name
        cause = exc.__cause__
        status = cause.status_code if isinstance(cause, AdapterHTTPError) else None
        http = text("geocoder.http", status=status) if status else ""
        quoted = repr(query)
        if isinstance(exc, geopy.exc.GeocoderRateLimited):
            retry_after = exc.retry_after
            _PACER.back_off(self.domain, retry_after if retry_after else DEFAULT_BACKOFF)
            when = (
                text("geocoder.in_seconds", seconds=f"{retry_after:g}")
                if retry_after
                else text("geocoder.later")
            )
            return GeocoderRateLimited(
                text("geocoder.rate_limited", service=service, http=http, query=quoted, when=when),
                service=service,
                query=query,
                retry_after=retry_after,
            )
        if isinstance(
            exc,
            geopy.exc.GeocoderInsufficientPrivileges
            | geopy.exc.GeocoderAuthenticationFailure
            | geopy.exc.GeocoderQuotaExceeded,
        ):
            return GeocoderRefused(
                text("geocoder.refused", service=service, query=quoted, http=http),
                service=service,
                query=query,
            )
        if isinstance(exc, geopy.exc.GeocoderQueryError):
            return GeocoderRefused(
                text(
                    "geocoder.rejected",
                    service=service,
                    query=quoted,
                    http=http,
                    error=_short(exc),
                ),
                service=service,
                query=query,
            )
        if isinstance(exc, geopy.exc.GeocoderParseError):
            return GeocoderBadResponse(
                text("geocoder.not_json", service=service, query=quoted),
                service=service,
                query=query,
            )
        if isinstance(exc, geopy.exc.GeocoderTimedOut):
            # geopy reports HTTP 503 as a timeout; for the user "unavailable" is the truth.
            if status == 503:
                return GeocoderUnavailable(
                    text("geocoder.unavailable_503", service=service, query=quoted),
                    service=service,
                    query=query,
                )
            detail = http or text("geocoder.within", seconds=f"{timeout:g}")
            return GeocoderTimeout(
                text("geocoder.no_answer", service=service, query=quoted, detail=detail),
                service=service,
                query=query,
            )
        if _caused_by_timeout(exc):
            # Some adapters report a read timeout as a connection failure.
            return GeocoderTimeout(
                text(
                    "geocoder.no_answer",
                    service=service,
                    query=quoted,
                    detail=text("geocoder.within", seconds=f"{timeout:g}"),
                ),
                service=service,
                query=query,
            )
        if isinstance(exc, geopy.exc.GeocoderUnavailable):
            return GeocoderUnavailable(
                text("geocoder.unreachable", service=service, query=quoted, error=_short(exc)),
                service=service,
                query=query,
            )
        if isinstance(exc, geopy.exc.GeocoderServiceError):
            return GeocoderUnavailable(
                text(
                    "geocoder.failed",
                    service=service,
                    query=quoted,
                    http=http,
                    error=_short(exc),
                ),
                service=service,
                query=query,
            )
        if isinstance(exc, geopy.exc.ConfigurationError):
            return GeocoderConfigError(f"{service}: {exc}", service=service, query=query)
        return GeocodingError(
            text("geocoder.could_not", service=service, query=quoted, error=_short(exc)),
            service=service,
            query=query,
        )


def _caused_by_timeout(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, TimeoutError) or "Timeout" in type(current).__name__:
            return True
        current = current.__cause__ or current.__context__
    return False


def _short(exc: BaseException, limit: int = 160) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _reset_for_tests() -> None:
    """Clear the shared pacing state and cache (tests only)."""
    _PACER.reset()
    _SHARED_CACHE.clear()
