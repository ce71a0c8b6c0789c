"""Geocoding for mapstory: an offline gazetteer, opt-in Nominatim, and a fallback chain.

Use :func:`make_geocoder` rather than building geocoders by hand, so the offline fallback and
the Nominatim usage policy are always in place. Settings (whether to go online, the user agent)
come from the caller; this package reads no environment variables or secrets.
"""

from __future__ import annotations

from mapstory.geocode.base import (
    Geocoder,
    GeocoderBadResponse,
    GeocoderConfigError,
    GeocoderRateLimited,
    GeocoderRefused,
    GeocoderTimeout,
    GeocoderUnavailable,
    GeocodingError,
    Location,
)
from mapstory.geocode.chain import BatchResult, ChainResult, GeocoderChain
from mapstory.geocode.nominatim import DEFAULT_DOMAIN, LocationCache, NominatimGeocoder
from mapstory.geocode.offline import OfflineGazetteer

__all__ = [
    "BatchResult",
    "ChainResult",
    "Geocoder",
    "GeocoderBadResponse",
    "GeocoderChain",
    "GeocoderConfigError",
    "GeocoderRateLimited",
    "GeocoderRefused",
    "GeocoderTimeout",
    "GeocoderUnavailable",
    "GeocodingError",
    "Location",
    "LocationCache",
    "NominatimGeocoder",
    "OfflineGazetteer",
    "make_geocoder",
]


def make_geocoder(
    *,
    online: bool = False,
    user_agent: str | None = None,
    domain: str = DEFAULT_DOMAIN,
    scheme: str = "https",
    timeout: float = 10.0,
) -> Geocoder:
    """The geocoder the app should use.

    Offline: :class:`OfflineGazetteer` alone. Online: ``GeocoderChain([Nominatim, Offline])``,
    so a Nominatim failure falls back to the gazetteer and is reported through
    :meth:`GeocoderChain.geocode_with_errors`. Going online without a proper *user_agent*
    raises :class:`GeocoderConfigError`, whose message says what to configure. *scheme* is
    "https" except for a local server (the fault tests' fake Nominatim speaks plain http).
    """
    offline = OfflineGazetteer()
    if not online:
        return offline
    nominatim = NominatimGeocoder(
        user_agent=user_agent or "", domain=domain, scheme=scheme, timeout=timeout
    )
    return GeocoderChain([nominatim, offline])
