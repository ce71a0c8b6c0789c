"""Online geocoding against a misbehaving local Nominatim: every fault is named, the draft falls
back to the offline gazetteer and keeps everything else, and the wait is bounded in total.

The geocoder is built the way the app builds it (``make_geocoder(online=True, scheme="http")``)
and talks HTTP to :mod:`tests.faults.fake_nominatim` on 127.0.0.1: geopy's real adapter, our
error mapping, the chain's batch look-up and its time budget all run, with no network.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest

from mapstory.geocode import (
    GeocoderBadResponse,
    GeocoderChain,
    GeocoderRateLimited,
    GeocoderRefused,
    GeocoderTimeout,
    GeocoderUnavailable,
    GeocodingError,
    make_geocoder,
)
from mapstory.geoparse import geoparse
from mapstory.geoparse.draft import draft_story, make_draft
from mapstory.settings import Settings
from mapstory.store import StoryStore, with_id
from tests.faults.fake_nominatim import FakeNominatim, closed_port_domain, fake_nominatim

USER_AGENT = "mapstory-fault-tests/1.0 (tests@example.invalid)"
ARTICLE = (
    "French foreign minister Jean Dupont flew from Paris to Berlin on Monday for talks with "
    "Chancellor Olaf Scholz. Later he toured Glenwhistle Valley and Marrowby Creek, then "
    "visited Quillon Bay."
)
UNKNOWN = ["Glenwhistle Valley", "Marrowby Creek", "Quillon Bay"]
TIMEOUT = 1.0  # the configured Nominatim timeout in these tests, in seconds
DELAY = 8 * TIMEOUT  # how long the "slow" fake takes to answer
#: The most a bounded wait may take: well past the timeout, so a busy machine's scheduling
#: cannot fail the test, and well short of DELAY, so waiting for the answer still does.
BOUND = 3 * TIMEOUT

#: Each fault, what the fake does, and the error the user is told about.
FAULTS: dict[str, type[GeocodingError]] = {
    "429": GeocoderRateLimited,
    "403": GeocoderRefused,
    "503": GeocoderUnavailable,
    "garbage": GeocoderBadResponse,
    "slow": GeocoderTimeout,
    "silent": GeocoderTimeout,
}


T = TypeVar("T")


def within(seconds: float, call: Callable[[], T]) -> T:
    """*call*'s result, failing the test (not hanging it) if it takes longer than *seconds*."""
    box: list[T] = []
    worker = threading.Thread(target=lambda: box.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert box, f"still waiting after {seconds:g} s: the wait is not bounded"
    return box[0]


def chain_for(domain: str, timeout: float = TIMEOUT) -> GeocoderChain:
    geocoder = make_geocoder(
        online=True, user_agent=USER_AGENT, domain=domain, scheme="http", timeout=timeout
    )
    assert isinstance(geocoder, GeocoderChain)
    return geocoder


@pytest.fixture(params=list(FAULTS))
def faulty(request: pytest.FixtureRequest) -> Iterator[FakeNominatim]:
    with fake_nominatim(request.param, delay=DELAY) as server:
        yield server


def test_the_test_names_are_unknown_offline() -> None:
    """The premise: these names reach Nominatim only because the gazetteer lacks them."""
    unplaced = [r.mention.text for r in geoparse(ARTICLE) if r.entry is None]
    assert unplaced == UNKNOWN


# -- one request: every fault becomes a named error ------------------------------------------


def test_each_fault_is_a_named_error(faulty: FakeNominatim) -> None:
    nominatim = chain_for(faulty.domain).geocoders[0]
    started = time.monotonic()
    with pytest.raises(FAULTS[faulty.mode]) as caught:
        nominatim.geocode("Glenwhistle Valley")
    assert time.monotonic() - started < BOUND
    message = str(caught.value)
    assert faulty.domain in message and "'Glenwhistle Valley'" in message
    assert "Traceback" not in message


def test_refused_connection_is_unavailable() -> None:
    nominatim = chain_for(closed_port_domain()).geocoders[0]
    with pytest.raises(GeocoderUnavailable, match="could not be reached"):
        nominatim.geocode("Glenwhistle Valley")


# -- a batch: one failure costs one wait, never one per name --------------------------------


def test_a_batch_stops_asking_after_the_first_failure(faulty: FakeNominatim) -> None:
    chain = chain_for(faulty.domain)
    batch = chain.geocode_many(UNKNOWN, budget=10 * TIMEOUT)
    assert faulty.queries == UNKNOWN[:1]  # asked once, then left alone
    assert batch.elapsed < len(UNKNOWN) * TIMEOUT  # not one timeout per name
    assert batch.unplaced == UNKNOWN and not batch.found
    assert isinstance(batch.first_error, FAULTS[faulty.mode])
    for name in UNKNOWN[1:]:
        (error, *_) = batch.errors[name]
        assert isinstance(error, FAULTS[faulty.mode])
        assert "was not asked" in error.message and repr(name) in error.message


@pytest.mark.parametrize("mode", ["slow", "silent", "drip"])
def test_the_budget_bounds_the_wait_whatever_the_server_does(mode: str) -> None:
    """A server that trickles bytes never trips a read timeout; the budget still holds."""
    with fake_nominatim(mode, delay=30) as server:
        chain = chain_for(server.domain, timeout=30)
        batch = within(BOUND, lambda: chain.geocode_many(UNKNOWN, budget=TIMEOUT))
    assert batch.elapsed < BOUND
    assert batch.unplaced == UNKNOWN
    assert all(isinstance(batch.errors[name][0], GeocoderTimeout) for name in UNKNOWN)


def test_many_unknown_names_cost_one_timeout() -> None:
    names = [f"Nowhere Valley {i}" for i in range(40)]
    with fake_nominatim("silent") as server:
        chain = chain_for(server.domain)
        batch = within(BOUND, lambda: chain.geocode_many(names, budget=TIMEOUT))
        asked = list(server.queries)
    assert batch.elapsed < BOUND
    assert len(asked) == 1 and batch.unplaced == names


def test_names_the_server_knows_are_placed(tmp_path) -> None:
    with fake_nominatim("ok") as server:
        batch = chain_for(server.domain, timeout=5).geocode_many(UNKNOWN, budget=10)
        asked = list(server.queries)
    assert asked == UNKNOWN  # one request per name, paced, none failed
    assert set(batch.found) == {"Glenwhistle Valley", "Quillon Bay"}
    assert not batch.unplaced and "Marrowby Creek" not in batch.errors  # unknown, not failed


# -- the draft: falls back offline and keeps everything else ----------------------------------


@pytest.fixture(scope="module")
def offline_draft():
    return draft_story(ARTICLE, title="Test", source="pasted text")


def test_a_failing_nominatim_leaves_the_offline_draft_intact(
    faulty: FakeNominatim, offline_draft
) -> None:
    started = time.monotonic()
    result = make_draft(
        ARTICLE, title="Test", source="pasted text", online=chain_for(faulty.domain), budget=TIMEOUT
    )
    elapsed = time.monotonic() - started
    assert result.story == offline_draft  # text, places, people, events: all kept
    assert {"Paris", "Berlin"} <= {p.name for p in result.story.places}
    assert result.story.events and result.story.actors
    assert result.online is not None and result.online.elapsed < BOUND
    assert elapsed < 5 + TIMEOUT  # parsing (language model loaded) plus at most the timeout
    problem = result.online_problem()
    assert problem is not None
    for name in UNKNOWN:
        assert name in problem
    assert faulty.domain in problem and "could not be geocoded online" in problem
    assert "Paris" not in problem  # placed offline, never sent
    assert faulty.queries == UNKNOWN[:1]


def test_nominatim_places_only_the_names_the_gazetteer_lacks(tmp_path, offline_draft) -> None:
    with fake_nominatim("ok") as server:
        result = make_draft(
            ARTICLE, title="Test", source="pasted text", online=chain_for(server.domain, 5)
        )
        asked = list(server.queries)
    assert asked == UNKNOWN  # Paris and Berlin never leave the machine
    assert result.online_problem() is None
    assert result.online_placed() == ["Glenwhistle Valley", "Quillon Bay"]
    places = {p.name: p for p in result.story.places}
    glen = places["Glenwhistle Valley"]
    assert glen.gazetteer_id == "osm:relation/9001" and glen.country_code == "GB"
    assert glen.lat == pytest.approx(56.81) and "Nominatim" in (glen.note or "")
    assert glen.mentions[0].text == "Glenwhistle Valley"
    assert places["Quillon Bay"].kind == "sea"
    offline = {p.name for p in offline_draft.places}
    assert set(places) - offline == {"Glenwhistle Valley", "Quillon Bay"}
    # A draft with online places is a valid story: it is stored and read back unchanged.
    store = StoryStore(tmp_path / "s.sqlite3")
    story = with_id(result.story, "draft-" + "a" * 32)
    store.save(story)
    assert store.load(story.id).story == story


# -- settings ---------------------------------------------------------------------------------


def test_scheme_and_timeout_settings() -> None:
    s = Settings.from_mapping(
        {"MAPSTORY_NOMINATIM_SCHEME": "HTTP", "MAPSTORY_NOMINATIM_TIMEOUT": "2.5"}
    )
    assert (s.nominatim_scheme, s.nominatim_timeout) == ("http", 2.5)
    assert Settings.from_mapping({}).nominatim_scheme == "https"
    assert Settings.from_mapping({"MAPSTORY_NOMINATIM_SCHEME": "ftp"}).nominatim_scheme == "https"
    for bad in ("0", "-3", "inf", "nan", "soon"):
        timeout = Settings.from_mapping({"MAPSTORY_NOMINATIM_TIMEOUT": bad}).nominatim_timeout
        assert timeout == 10.0, bad
