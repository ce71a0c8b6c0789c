"""Try several geocoders in order, so an online outage degrades to the offline gazetteer.

Errors are returned alongside the result (:meth:`GeocoderChain.geocode_with_errors`) instead of
being stored on the chain: one chain instance is shared by every Streamlit session in the
process, and a ``.errors`` attribute "for the last call" would mix up concurrent sessions.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from geopy.location import Location

from mapstory.geocode.base import (
    Geocoder,
    GeocoderRateLimited,
    GeocoderRefused,
    GeocoderTimeout,
    GeocoderUnavailable,
    GeocodingError,
)

__all__ = ["DEFAULT_COOLDOWN", "ChainResult", "GeocoderChain"]

#: Seconds a geocoder that failed with an outage-type error is skipped before being retried.
DEFAULT_COOLDOWN = 60.0
# Errors that say "the service is down or won't talk to us" rather than "this query is odd".
_OUTAGE_ERRORS = (GeocoderUnavailable, GeocoderTimeout, GeocoderRateLimited, GeocoderRefused)


@dataclass(frozen=True)
class ChainResult:
    """Outcome of one chain lookup.

    ``result`` is what :meth:`Geocoder.geocode` would return (Location, non-empty list, or
    None). ``errors`` holds, in order, the error of every geocoder that failed or was skipped
    before the answer was found; it can be non-empty even when ``result`` is set (the offline
    fallback answered after Nominatim failed). ``source`` is the ``service_name`` of the
    geocoder that produced ``result``. ``answered`` is False when no geocoder could answer at
    all, i.e. a None result means "unknown" only when ``answered`` is True.
    """

    result: Location | list[Location] | None
    errors: tuple[GeocodingError, ...] = ()
    source: str | None = None
    answered: bool = True

    @property
    def location(self) -> Location | None:
        """The best Location, whichever shape ``result`` has."""
        if isinstance(self.result, list):
            return self.result[0] if self.result else None
        return self.result


class GeocoderChain(Geocoder):
    """First hit wins across *geocoders*; failures fall through to the next one.

    A geocoder that fails with an outage-type error (unavailable, timeout, rate limit,
    refusal) is skipped for *cooldown* seconds (or the server's Retry-After, if longer) so an
    article with twenty places does not wait out twenty timeouts; each skip is still reported
    as an error of the same class. ``cooldown=0`` disables this.
    """

    service_name = "geocoder chain"

    def __init__(self, geocoders: Sequence[Geocoder], *, cooldown: float = DEFAULT_COOLDOWN):
        if not geocoders:
            raise ValueError("GeocoderChain needs at least one geocoder")
        self.geocoders: tuple[Geocoder, ...] = tuple(geocoders)
        self.cooldown = cooldown
        self._lock = threading.Lock()
        self._failed: dict[int, tuple[float, float, GeocodingError]] = {}

    def geocode_with_errors(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: Iterable[str] | None = None,
        timeout: float | None = None,
    ) -> ChainResult:
        """Look *query* up in each geocoder in turn; never raises :class:`GeocodingError`."""
        codes = list(country_codes) if country_codes is not None else None
        errors: list[GeocodingError] = []
        answered = False
        for position, geocoder in enumerate(self.geocoders):
            skipped = self._skip_error(position, geocoder, query)
            if skipped is not None:
                errors.append(skipped)
                continue
            try:
                result = geocoder.geocode(
                    query,
                    exactly_one=exactly_one,
                    limit=limit,
                    country_codes=codes,
                    timeout=timeout,
                )
            except GeocodingError as exc:
                errors.append(exc)
                self._record_failure(position, exc)
                continue
            self._record_success(position)
            answered = True
            if result:
                return ChainResult(result, tuple(errors), geocoder.service_name, True)
        return ChainResult(None, tuple(errors), None, answered)

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: Iterable[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        """Plain :class:`Geocoder` interface: errors are dropped once some geocoder answered.

        Raises the first error only when no geocoder could answer at all, so None still means
        "unknown". Use :meth:`geocode_with_errors` to tell the user about fallbacks.
        """
        outcome = self.geocode_with_errors(
            query,
            exactly_one=exactly_one,
            limit=limit,
            country_codes=country_codes,
            timeout=timeout,
        )
        if not outcome.answered and outcome.errors:
            raise outcome.errors[0]
        return outcome.result

    # -- cooldown bookkeeping -------------------------------------------------------------

    def _skip_error(self, position: int, geocoder: Geocoder, query: str) -> GeocodingError | None:
        with self._lock:
            failure = self._failed.get(position)
        if failure is None:
            return None
        failed_at, until, original = failure
        now = time.monotonic()
        if now >= until:
            return None
        service = getattr(original, "service", geocoder.service_name)
        message = (
            f"{service} was not asked about {query!r}: it failed {now - failed_at:.0f} s ago "
            f"and is retried in {until - now:.0f} s. Earlier error: {original.message}"
        )
        if isinstance(original, GeocoderRateLimited):
            return GeocoderRateLimited(
                message, service=service, query=query, retry_after=until - now
            )
        return type(original)(message, service=service, query=query)

    def _record_failure(self, position: int, error: GeocodingError) -> None:
        if self.cooldown <= 0 or not isinstance(error, _OUTAGE_ERRORS):
            return
        pause = self.cooldown
        if isinstance(error, GeocoderRateLimited) and error.retry_after:
            pause = max(pause, error.retry_after)
        now = time.monotonic()
        with self._lock:
            self._failed[position] = (now, now + pause, error)

    def _record_success(self, position: int) -> None:
        with self._lock:
            self._failed.pop(position, None)

    def reset_cooldowns(self) -> None:
        """Retry every geocoder on the next call (e.g. after the user changed settings)."""
        with self._lock:
            self._failed.clear()
