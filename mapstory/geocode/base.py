"""Common interface and error types for mapstory's geocoders.

Geocoders follow geopy's calling convention and return :class:`geopy.location.Location`, so code
written against geopy (and folium examples) works unchanged, but every implementation fills
``Location.raw`` with the same mapstory keys regardless of the service behind it:

``id``            stable place id (``geonames:…``, ``ne:…`` or ``osm:<type>/<id>``)
``name``          short name of the place ("Beijing")
``kind``          "city", "country", "continent", "region", "water", "island" or "other"
``country_code``  ISO alpha-2, upper-case ("" when unknown / not in a country)
``population``    int, 0 when unknown
``source``        "offline" or "nominatim"

Errors are our own exception classes, not geopy's, with messages that name the service and the
query so the app can show them to a user as they are.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import Any

from geopy.location import Location

__all__ = [
    "Geocoder",
    "GeocoderBadResponse",
    "GeocoderConfigError",
    "GeocoderRateLimited",
    "GeocoderRefused",
    "GeocoderTimeout",
    "GeocoderUnavailable",
    "GeocodingError",
    "Location",
    "make_location",
]


class GeocodingError(Exception):
    """A geocoder could not answer. ``str(error)`` is a complete, user-presentable sentence.

    ``service`` names the geocoder (e.g. "Nominatim (nominatim.openstreetmap.org)") and
    ``query`` the place being looked up, or None for errors not tied to one query.
    """

    def __init__(self, message: str, *, service: str, query: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.service = service
        self.query = query

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only arguments would otherwise break pickling (Streamlit caches pickle).
        return (_rebuild_error, (type(self), self.message, self.service, self.query))


def _rebuild_error(
    cls: type[GeocodingError], message: str, service: str, query: str | None
) -> GeocodingError:
    return cls(message, service=service, query=query)


class GeocoderUnavailable(GeocodingError):
    """The service could not be reached or reported itself unavailable (HTTP 5xx)."""


class GeocoderRateLimited(GeocodingError):
    """The service asked us to slow down (HTTP 429). ``retry_after`` is in seconds, if given."""

    def __init__(
        self,
        message: str,
        *,
        service: str,
        query: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, service=service, query=query)
        self.retry_after = retry_after

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_rate_limited, (self.message, self.service, self.query, self.retry_after))


def _rebuild_rate_limited(
    message: str, service: str, query: str | None, retry_after: float | None
) -> GeocoderRateLimited:
    return GeocoderRateLimited(message, service=service, query=query, retry_after=retry_after)


class GeocoderRefused(GeocodingError):
    """The service refused the request (HTTP 401/403, a blocked user agent, a rejected query)."""


class GeocoderBadResponse(GeocodingError):
    """The service answered with something that is not a usable geocoding result."""


class GeocoderTimeout(GeocodingError):
    """No answer within the timeout (or the service reported a gateway timeout)."""


class GeocoderConfigError(GeocodingError, ValueError):
    """The geocoder was configured in a way the service's usage policy forbids."""


class Geocoder(ABC):
    """A forward geocoder with geopy's ``geocode`` signature.

    Implementations return None when the place is unknown and raise :class:`GeocodingError`
    (never a geopy or network exception) when they cannot tell.
    """

    #: Human-readable service name used in error messages.
    service_name: str = "geocoder"
    #: Seconds one request may take by default; None where no network is involved.
    timeout: float | None = None

    @abstractmethod
    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: Iterable[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        """Look *query* up.

        With ``exactly_one`` the best match (or None); otherwise a non-empty list of at most
        *limit* matches, best first (or None). *country_codes* (ISO alpha-2) restricts results
        to those countries. *timeout* overrides the geocoder's default, in seconds, where a
        network is involved.
        """


def make_location(address: str, lat: float, lon: float, raw: dict[str, Any]) -> Location:
    """Build a geopy Location, making sure the mapstory raw keys are all present."""
    full_raw: dict[str, Any] = {
        "id": "",
        "name": address,
        "kind": "other",
        "country_code": "",
        "population": 0,
        "source": "",
    }
    full_raw.update(raw)
    return Location(address, (lat, lon), full_raw)
