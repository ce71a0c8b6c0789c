"""Try several geocoders in order, so an online outage degrades to the offline gazetteer.

Errors are returned alongside the result (:meth:`GeocoderChain.geocode_with_errors`) instead of
being stored on the chain: one chain instance is shared by every Streamlit session in the
process, and a ``.errors`` attribute "for the last call" would mix up concurrent sessions.

:meth:`GeocoderChain.geocode_many` looks up a whole article's names within one time budget: a
page must never wait "timeout × number of names" because a server is slow or silent.
"""

from __future__ import annotations

import contextvars
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
from mapstory.messages import text

__all__ = ["DEFAULT_COOLDOWN", "BatchResult", "ChainResult", "GeocoderChain"]

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


@dataclass(frozen=True)
class BatchResult:
    """Outcome of :meth:`GeocoderChain.geocode_many`: one entry per distinct name asked for.

    ``found`` maps a name to the best Location any geocoder gave; ``errors`` maps a name to
    the errors met on the way (a geocoder failing, being skipped, or time running out), in
    chain order, and is set even when a later geocoder answered. A name in neither was
    looked up everywhere and is unknown. ``elapsed`` is the time the caller waited, in s.
    """

    names: tuple[str, ...]
    found: dict[str, Location]
    errors: dict[str, tuple[GeocodingError, ...]]
    elapsed: float = 0.0

    @property
    def unplaced(self) -> list[str]:
        """Names that failed somewhere and were placed by no geocoder, in asking order."""
        return [name for name in self.names if name in self.errors and name not in self.found]

    @property
    def first_error(self) -> GeocodingError | None:
        """The first real failure (what to tell the user), not a later "was not asked"."""
        for name in self.names:
            if name in self.errors:
                return self.errors[name][0]
        return None


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
        return self._lookup(query, exactly_one, limit, codes, timeout, {})[0]

    def _lookup(
        self,
        query: str,
        exactly_one: bool,
        limit: int | None,
        codes: list[str] | None,
        timeout: float | None,
        given_up: dict[int, tuple[str, GeocodingError]],
        left: float | None = None,
    ) -> tuple[ChainResult, dict[int, GeocodingError]]:
        """One chain lookup; also returns the geocoders (by position) that failed in it.

        *given_up* names geocoders not to ask at all, with the query and error that made the
        caller give up on them (a batch stops asking a failing service). *left*, the time a
        batch has left, caps each request's timeout but never lengthens it: a service the user
        gave five seconds keeps five seconds however generous the batch's budget.
        """
        errors: list[GeocodingError] = []
        failed: dict[int, GeocodingError] = {}
        answered = False
        for position, geocoder in enumerate(self.geocoders):
            skipped = self._skip_error(position, geocoder, query)
            if skipped is None and position in given_up:
                skipped = _given_up_error(query, *given_up[position])
            if skipped is not None:
                errors.append(skipped)
                continue
            wait = timeout if timeout is not None else geocoder.timeout
            if left is not None:
                wait = left if wait is None else min(wait, left)
            try:
                result = geocoder.geocode(
                    query,
                    exactly_one=exactly_one,
                    limit=limit,
                    country_codes=codes,
                    timeout=wait,
                )
            except GeocodingError as exc:
                errors.append(exc)
                failed[position] = exc
                self._record_failure(position, exc)
                continue
            self._record_success(position)
            answered = True
            if result:
                return ChainResult(result, tuple(errors), geocoder.service_name, True), failed
        return ChainResult(None, tuple(errors), None, answered), failed

    def geocode_many(
        self,
        queries: Iterable[str],
        *,
        budget: float,
        timeout: float | None = None,
        country_codes: Iterable[str] | None = None,
    ) -> BatchResult:
        """The best Location for each of *queries*, waiting at most *budget* seconds in all.

        Names are asked one after the other (Nominatim allows one request per second), each
        request with its geocoder's own timeout (or *timeout*, if given), cut to the time
        left. Two rules keep a failing service from costing more than one wait: once a
        geocoder fails on any name, it is not asked about the rest of the batch (each is
        reported as skipped, with the first failure); and the caller gets its answer when the
        budget runs out, however the service behaves (a server that answers byte by byte
        never trips a read timeout), with every name not reached reported as a
        :class:`GeocoderTimeout`. The look-ups run on a worker thread, which finishes its
        current request in the background; its answer still lands in the geocoder's cache
        for next time. Never raises GeocodingError.
        """
        names = tuple(dict.fromkeys(q.strip() for q in queries if q and q.strip()))
        codes = list(country_codes) if country_codes is not None else None
        started = time.monotonic()
        deadline = started + max(0.0, budget)
        lock = threading.Lock()
        outcomes: dict[str, ChainResult] = {}
        asking: list[str] = []  # the name in flight, if any
        stop = threading.Event()

        def work() -> None:
            given_up: dict[int, tuple[str, GeocodingError]] = {}
            for name in names:
                left = deadline - time.monotonic()
                with lock:
                    if stop.is_set() or left <= 0:
                        return
                    asking[:] = [name]
                outcome, failed = self._lookup(name, True, None, codes, timeout, given_up, left)
                with lock:
                    if stop.is_set():
                        return  # too late: the caller has reported this name as timed out
                    asking.clear()
                    outcomes[name] = outcome
                for position, error in failed.items():
                    given_up.setdefault(position, (name, error))

        # The worker runs in the caller's context: its messages speak the reader's language.
        context = contextvars.copy_context()
        worker = threading.Thread(
            target=context.run, args=(work,), name="mapstory-geocode-many", daemon=True
        )
        worker.start()
        worker.join(max(0.0, deadline - time.monotonic()))
        with lock:
            stop.set()
            done = dict(outcomes)
            in_flight = asking[0] if asking else None
        found: dict[str, Location] = {}
        errors: dict[str, tuple[GeocodingError, ...]] = {}
        for name in names:
            outcome = done.get(name)
            if outcome is None:
                errors[name] = (self._out_of_time_error(name, budget, name == in_flight),)
                continue
            if outcome.location is not None:
                found[name] = outcome.location
            if outcome.errors:
                errors[name] = outcome.errors
        return BatchResult(names, found, errors, time.monotonic() - started)

    def _out_of_time_error(self, query: str, budget: float, asked: bool) -> GeocoderTimeout:
        service = self.geocoders[0].service_name
        key = "geocoder.budget_unanswered" if asked else "geocoder.budget_used_up"
        message = text(key, service=service, query=repr(query), seconds=f"{budget:g}")
        return GeocoderTimeout(message, service=service, query=query)

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
        message = text(
            "geocoder.cooling_down",
            service=service,
            query=repr(query),
            ago=f"{now - failed_at:.0f}",
            retry=f"{until - now:.0f}",
            error=original.message,
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


def _given_up_error(query: str, failed_on: str, original: GeocodingError) -> GeocodingError:
    """The error for a name a batch did not ask about, after the service failed on another."""
    service = getattr(original, "service", None) or text("geocoder.the_geocoder")
    message = text(
        "geocoder.given_up",
        service=service,
        query=repr(query),
        failed_on=repr(failed_on),
        error=original.message,
    )
    if isinstance(original, GeocoderRateLimited):
        return GeocoderRateLimited(
            message, service=service, query=query, retry_after=original.retry_after
        )
    return type(original)(message, service=service, query=query)
