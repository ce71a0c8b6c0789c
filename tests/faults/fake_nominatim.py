"""A local stand-in for Nominatim on 127.0.0.1 that answers, or misbehaves, on request.

It speaks plain HTTP on a free loopback port, so the app's real geocoding path (geopy's
requests adapter, our error mapping, the chain and its time budget) runs end to end with no
network. Each mode is one way a real server fails:

``ok``       answers the names in :data:`KNOWN` (an empty list for anything else)
``429``      rate limit, with ``Retry-After: 2``
``403``      refusal (a blocked user agent)
``503``      temporarily unavailable
``garbage``  HTTP 200 with a body that is not JSON
``slow``     answers correctly, but only after ``delay`` seconds (beyond the client's timeout)
``silent``   accepts the connection and never answers
``drip``     sends headers, then one byte every 0.2 s: never trips a read timeout
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

MODES = ("ok", "429", "403", "503", "garbage", "slow", "silent", "drip")

#: Names the fake knows in mode "ok": OSM-like answers for places no gazetteer has.
KNOWN: dict[str, dict[str, Any]] = {
    "Glenwhistle Valley": {
        "place_id": 901,
        "osm_type": "relation",
        "osm_id": 9001,
        "lat": "56.81",
        "lon": "-4.32",
        "class": "boundary",
        "type": "administrative",
        "place_rank": 16,
        "addresstype": "town",
        "name": "Glenwhistle Valley",
        "display_name": "Glenwhistle Valley, Highland, Scotland, United Kingdom",
        "address": {"town": "Glenwhistle Valley", "country_code": "gb"},
    },
    "Quillon Bay": {
        "place_id": 902,
        "osm_type": "way",
        "osm_id": 9002,
        "lat": "-33.95",
        "lon": "18.38",
        "class": "natural",
        "type": "bay",
        "place_rank": 22,
        "name": "Quillon Bay",
        "display_name": "Quillon Bay, Western Cape, South Africa",
        "address": {"country_code": "za"},
    },
}


class FakeNominatim(ThreadingHTTPServer):
    """The server; :attr:`queries` lists every ``q`` it was asked, in order."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, mode: str = "ok", delay: float = 5.0) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = mode
        self.delay = delay
        self.queries: list[str] = []
        self.lock = threading.Lock()
        self.release = threading.Event()  # set at shutdown: stalled handlers give up

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the client hung up on a slow answer: that is the point of the test


class _Handler(BaseHTTPRequestHandler):
    server: FakeNominatim

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        server = self.server
        params = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
        query = params.get("q", "")
        with server.lock:
            server.queries.append(query)
        mode = server.mode
        if mode == "silent":
            server.release.wait()  # the request was accepted; no answer ever comes
        elif mode == "429":
            self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": "2"})
        elif mode == "403":
            self._send(403, b"<html>Access blocked</html>", "text/html")
        elif mode == "503":
            self._send(503, b"<html>Service Unavailable</html>", "text/html")
        elif mode == "garbage":
            self._send(200, b"<html>{not json at all", "application/json")
        elif mode == "drip":
            self._drip()
        else:
            if mode == "slow" and server.release.wait(server.delay):
                return
            answer = [KNOWN[query]] if query in KNOWN else []
            self._send(200, json.dumps(answer).encode(), "application/json; charset=utf-8")

    def _drip(self) -> None:
        body = json.dumps([]).encode() + b" " * 10_000
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for byte in body:
            if self.server.release.wait(0.2):
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()

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


@contextmanager
def fake_nominatim(mode: str = "ok", delay: float = 5.0) -> Iterator[FakeNominatim]:
    """Run a :class:`FakeNominatim` on a thread for the duration of the block."""
    server = FakeNominatim(mode, delay)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port_domain() -> str:
    """A loopback address nothing listens on (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"127.0.0.1:{port}"
