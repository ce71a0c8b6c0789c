"""mapstory.intake.fetch_url: SSRF protection, redirects, deadlines, caps and content types.

Real HTTP(S) servers on loopback, no internet. The fetcher refuses loopback by default, so
each test allows exactly its server's ``(127.0.0.1, port)`` through an AddressPolicy; a second
server on another loopback port stays refused, which is what the redirect tests rely on.
Host names are resolved by an injected resolver, so ``news.test`` never reaches real DNS.
The TLS certificate in tests/fixtures/intake-tls is self-signed for ``news.test`` only
(``openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=news.test
-addext subjectAltName=DNS:news.test``).
"""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mapstory.intake import (
    AddressPolicy,
    IntakeError,
    IntakeLimits,
    blocked_reason,
    fetch_url,
)
from mapstory.intake.url import _parse_url

TLS = Path(__file__).parent.parent / "fixtures" / "intake-tls"
LIMITS = IntakeLimits(url_timeout_s=2.0, max_url_bytes=200_000, max_redirects=3)

ARTICLE = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Odesa port reopens | Example News</title>
<meta property="og:title" content="Odesa port reopens to grain ships">
<meta name="date" content="2023-07-14">
<script>alert("SCRIPT-MARKER")</script></head>
<body><nav>Home | Kyiv bureau | Lviv bureau</nav>
<article><h1>Odesa port reopens to grain ships</h1>
<p>The first grain ships in weeks left Odesa on Friday for Istanbul, port officials said,
after talks in Ankara reopened the Black Sea corridor.</p>
<p>Shipments are expected to reach Alexandria and Tunis by the end of the month.</p>
</article><footer>Contact our office in Berlin.</footer></body></html>"""

Handler = Callable[[BaseHTTPRequestHandler], None]


def send(status: int, body: bytes = b"", content_type: str | None = "text/html", **headers: str):
    def handler(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        if content_type:
            request.send_header("Content-Type", content_type)
        for name, value in headers.items():
            request.send_header(name.replace("_", "-"), value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handler


def redirect(location: str, status: int = 302) -> Handler:
    return send(status, b"", Location=location)


@dataclass
class Server:
    """A loopback HTTP(S) server whose routes the test fills in; it records every request."""

    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    port: int = 0
    scheme: str = "http"

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    @property
    def policy(self) -> AddressPolicy:
        return AddressPolicy.allowing([("127.0.0.1", self.port)])


def start(server: Server, tls: bool = False) -> Iterator[Server]:
    class RequestHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(self.path)
            if route is None:
                send(404, b"not here", "text/plain")(self)
            else:
                route(self)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), RequestHandler)
    httpd.daemon_threads = True
    if tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(TLS / "news-test.crt", TLS / "news-test.key")
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
        server.scheme = "https"
    server.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    yield from start(Server())


@pytest.fixture
def other_server() -> Iterator[Server]:
    yield from start(Server())


@pytest.fixture
def tls_server() -> Iterator[Server]:
    yield from start(Server(), tls=True)


def loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


# --------------------------------------------------------------------------------------------
# URL and address checks (nothing is contacted)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("file:///etc/passwd", "'file:'"),
        ("ftp://example.org/article.txt", "'ftp:'"),
        ("javascript:alert(1)", "'javascript:'"),
        ("data:text/html,<p>Kyiv</p>", "'data:'"),
        ("gopher://example.org/", "'gopher:'"),
        ("//example.org/article", "no scheme"),
    ],
)
def test_only_http_and_https_are_accepted(url: str, scheme: str) -> None:
    with pytest.raises(IntakeError) as info:
        fetch_url(url, LIMITS, resolver=pytest.fail)  # type: ignore[arg-type]
    assert str(info.value) == f"Only http and https links can be read; this one has {scheme}."


@pytest.mark.parametrize(
    "url",
    [
        "http://user:secret@example.org/",
        "https://user@example.org/",
        "http://example.org@127.0.0.1/",
    ],
)
def test_links_with_userinfo_are_refused(url: str) -> None:
    with pytest.raises(IntakeError, match="user name or password"):
        fetch_url(url, LIMITS, resolver=pytest.fail)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.0.0.1:8501/_stcore/health", "loopback"),
        ("http://10.0.0.1/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[::ffff:169.254.169.254]/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[fd00::1]/", "private"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://100.64.0.1/", "not a public Internet address"),
        ("http://224.0.0.1/", "multicast"),
    ],
)
def test_literal_non_public_addresses_are_refused(url: str, reason: str) -> None:
    with pytest.raises(IntakeError, match=reason) as info:
        fetch_url(url, LIMITS, resolver=pytest.fail)  # type: ignore[arg-type]
    assert str(info.value).endswith("only public web sites can be read.")


@pytest.mark.parametrize("url", ["http://2130706433/", "http://0x7f.1/", "http://localhost/"])
def test_odd_spellings_of_loopback_are_refused_after_resolution(url: str) -> None:
    # The system resolver turns these into 127.0.0.1 / ::1 without any DNS query.
    with pytest.raises(IntakeError, match="loopback"):
        fetch_url(url, LIMITS)


@pytest.mark.parametrize(
    "answers",
    [["10.1.2.3"], ["169.254.169.254"], ["93.184.215.14", "127.0.0.1"], ["::ffff:10.0.0.1"]],
)
def test_a_host_resolving_to_any_private_address_is_refused(answers: list[str]) -> None:
    calls: list[tuple[str, int]] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append((host, port))
        return answers

    with pytest.raises(IntakeError) as info:
        fetch_url("https://news.test/story", LIMITS, resolver=resolver)
    assert calls == [("news.test", 443)]
    assert "news.test (which resolves to" in str(info.value)


def test_a_hanging_resolver_is_bounded_by_the_deadline() -> None:
    release = threading.Event()

    def resolver(host: str, port: int) -> list[str]:
        release.wait(10)
        return ["93.184.215.14"]

    started = time.monotonic()
    try:
        with pytest.raises(IntakeError, match=r"timed out after 0\.4 s"):
            fetch_url("http://news.test/", IntakeLimits(url_timeout_s=0.4), resolver=resolver)
        assert time.monotonic() - started < 3.0  # the resolver alone would take 10 s
    finally:
        release.set()


def test_an_unresolvable_host_is_a_clear_error() -> None:
    def resolver(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(IntakeError, match=r"^The host news\.test could not be found\.$"):
        fetch_url("http://news.test/", LIMITS, resolver=resolver)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.31.255.255",
        "192.168.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "192.0.0.1",
        "198.18.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "233.252.0.1",  # multicast, though ipaddress calls it global
        "::",
        "::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
        "2002:a00:1::",  # 6to4 wrapping 10.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "fc00::1",
        "fe80::1",
        "ff02::1",
        "2001:db8::1",
    ],
)
def test_blocked_addresses(address: str) -> None:
    assert blocked_reason(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert blocked_reason(ipaddress.ip_address(address)) is None


def test_policy_allows_exact_pairs_only() -> None:
    policy = AddressPolicy.allowing([("127.0.0.1", 8080)])
    assert policy.check(ipaddress.ip_address("127.0.0.1"), 8080) is None
    assert policy.check(ipaddress.ip_address("127.0.0.1"), 8081) == "a loopback address"
    assert policy.check(ipaddress.ip_address("127.0.0.2"), 8080) == "a loopback address"


def test_links_pasted_without_a_scheme_default_to_https() -> None:
    target = _parse_url("www.example.org/news/kyiv?id=1#top", first=True)
    assert (target.scheme, target.host, target.port, target.path) == (
        "https",
        "www.example.org",
        443,
        "/news/kyiv?id=1",
    )
    assert target.url == "https://www.example.org/news/kyiv?id=1"


def test_international_host_names_and_paths_are_encoded() -> None:
    target = _parse_url("http://пример.испытание/новости", first=True)
    assert target.host == "xn--e1afmkfd.xn--80akhbyknj4f"
    assert target.path == "/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"


# --------------------------------------------------------------------------------------------
# Real local servers
# --------------------------------------------------------------------------------------------


def test_article_page_gives_text_title_and_date(server: Server) -> None:
    server.routes["/story"] = send(200, ARTICLE, "text/html; charset=utf-8")
    result = fetch_url(server.url("/story"), LIMITS, policy=server.policy)
    assert result.kind == "url"
    assert result.source == server.url("/story")
    assert result.title == "Odesa port reopens to grain ships"
    assert result.published == datetime.date(2023, 7, 14)
    assert "left Odesa on Friday for Istanbul" in result.text
    assert "Alexandria and Tunis" in result.text
    assert "SCRIPT-MARKER" not in result.text and "Berlin" not in result.text
    assert result.warnings == ()
    path, headers = server.requests[0]
    assert path == "/story"
    assert headers["accept-encoding"] == "identity"
    assert headers["user-agent"].startswith("mapstory/")


def test_connection_is_pinned_to_the_validated_address(server: Server) -> None:
    """The resolver is asked once; the request reaches that IP with the URL's Host header."""
    server.routes["/story"] = send(200, ARTICLE)
    calls: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    result = fetch_url(
        server.url("/story", host="news.test"), LIMITS, policy=server.policy, resolver=resolver
    )
    assert result.source == f"http://news.test:{server.port}/story"
    assert calls == ["news.test"]
    assert server.requests[0][1]["host"] == f"news.test:{server.port}"


def test_https_uses_the_host_name_for_sni_and_certificate(tls_server: Server) -> None:
    tls_server.routes["/story"] = send(200, ARTICLE)
    context = ssl.create_default_context(cafile=str(TLS / "news-test.crt"))
    result = fetch_url(
        tls_server.url("/story", host="news.test"),
        LIMITS,
        policy=tls_server.policy,
        resolver=loopback,
        ssl_context=context,
    )
    assert "Odesa" in result.text
    # Same server, same IP, but a name the certificate does not cover: refused.
    with pytest.raises(IntakeError, match="certificate could not be verified"):
        fetch_url(
            tls_server.url("/story", host="other.test"),
            LIMITS,
            policy=tls_server.policy,
            resolver=loopback,
            ssl_context=context,
        )


def test_https_with_an_untrusted_certificate_is_refused(tls_server: Server) -> None:
    tls_server.routes["/story"] = send(200, ARTICLE)
    with pytest.raises(IntakeError, match="certificate could not be verified"):
        fetch_url(
            tls_server.url("/story", host="news.test"),
            LIMITS,
            policy=tls_server.policy,
            resolver=loopback,
        )


def test_relative_redirects_are_followed_and_reported(server: Server) -> None:
    server.routes["/old"] = redirect("/new", 301)
    server.routes["/new"] = redirect(server.url("/story"), 308)
    server.routes["/story"] = send(200, ARTICLE)
    result = fetch_url(server.url("/old"), LIMITS, policy=server.policy)
    assert result.source == server.url("/story")
    assert result.warnings == (f"The link redirected to {server.url('/story')}.",)
    assert [path for path, _ in server.requests] == ["/old", "/new", "/story"]


def test_redirect_to_another_loopback_port_is_refused(server: Server, other_server: Server) -> None:
    other_server.routes["/"] = send(200, ARTICLE)
    server.routes["/go"] = redirect(f"http://127.0.0.1:{other_server.port}/")
    with pytest.raises(IntakeError, match=r"127\.0\.0\.1, a loopback address"):
        fetch_url(server.url("/go"), LIMITS, policy=server.policy)
    assert other_server.requests == []


def test_redirect_to_the_metadata_service_is_refused(server: Server) -> None:
    server.routes["/go"] = redirect("http://169.254.169.254/latest/meta-data/iam/")
    with pytest.raises(IntakeError, match=r"169\.254\.169\.254, a link-local address"):
        fetch_url(server.url("/go"), LIMITS, policy=server.policy)


def test_redirect_to_a_name_resolving_privately_is_refused(server: Server) -> None:
    server.routes["/go"] = redirect("http://intranet.test/")

    def resolver(host: str, port: int) -> list[str]:
        return {"intranet.test": ["10.0.0.7"]}.get(host, ["127.0.0.1"])

    with pytest.raises(IntakeError, match=r"intranet\.test \(which resolves to 10\.0\.0\.7\)"):
        fetch_url(server.url("/go"), LIMITS, policy=server.policy, resolver=resolver)


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/x"])
def test_redirect_to_another_scheme_is_refused(server: Server, target: str) -> None:
    server.routes["/go"] = redirect(target)
    with pytest.raises(IntakeError, match="Only http and https links"):
        fetch_url(server.url("/go"), LIMITS, policy=server.policy)


def test_redirect_loop_is_refused(server: Server) -> None:
    server.routes["/a"] = redirect("/b")
    server.routes["/b"] = redirect("/a")
    with pytest.raises(IntakeError, match="redirects in a loop"):
        fetch_url(server.url("/a"), LIMITS, policy=server.policy)
    assert len(server.requests) == 2


def test_too_many_redirects_are_refused(server: Server) -> None:
    for n in range(10):
        server.routes[f"/{n}"] = redirect(f"/{n + 1}")
    with pytest.raises(IntakeError, match="redirects more than 3 times"):
        fetch_url(server.url("/0"), LIMITS, policy=server.policy)
    assert len(server.requests) == 4


def test_redirects_can_be_switched_off(server: Server) -> None:
    server.routes["/old"] = redirect("/story", 301)
    with pytest.raises(IntakeError, match=r"\(301\), and following redirects is switched off"):
        fetch_url(server.url("/old"), IntakeLimits(max_redirects=0), policy=server.policy)


def test_redirect_without_location_is_refused(server: Server) -> None:
    server.routes["/go"] = send(302, b"")
    with pytest.raises(IntakeError, match="without saying where"):
        fetch_url(server.url("/go"), LIMITS, policy=server.policy)


def test_endless_body_is_cut_at_the_byte_cap(server: Server) -> None:
    def endless(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        chunk = b"<p>Odesa " + b"x" * 8000 + b"</p>\n"
        try:
            while not server.stop.is_set():
                request.wfile.write(chunk)
        except OSError:
            pass

    server.routes["/endless"] = endless
    started = time.monotonic()
    with pytest.raises(IntakeError, match="larger than 200 kB, the most mapstory reads"):
        fetch_url(server.url("/endless"), LIMITS, policy=server.policy)
    assert time.monotonic() - started < LIMITS.url_timeout_s  # the size cap, not the deadline


def test_declared_oversized_body_is_refused_before_reading(server: Server) -> None:
    def huge(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(10**9))
        request.end_headers()
        request.wfile.write(b"<p>start</p>")  # and never the rest

    server.routes["/huge"] = huge
    started = time.monotonic()
    with pytest.raises(IntakeError, match="larger than 200 kB"):
        fetch_url(server.url("/huge"), LIMITS, policy=server.policy)
    assert time.monotonic() - started < LIMITS.url_timeout_s  # refused, not waited for


def test_a_dripping_server_hits_the_overall_deadline(server: Server) -> None:
    """One byte every 50 ms never trips a socket timeout; the whole-fetch deadline does."""

    def drip(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        try:
            while not server.stop.wait(0.05):
                request.wfile.write(b"x")
                request.wfile.flush()
        except OSError:
            pass

    server.routes["/drip"] = drip
    limits = IntakeLimits(url_timeout_s=0.8, max_url_bytes=200_000)
    started = time.monotonic()
    with pytest.raises(IntakeError) as info:
        fetch_url(server.url("/drip"), limits, policy=server.policy)
    elapsed = time.monotonic() - started
    assert str(info.value).startswith("Reading the link timed out after 0.8 s")
    assert 0.7 < elapsed < 3.0  # the server would drip forever


def test_dripping_headers_hit_the_overall_deadline(server: Server) -> None:
    def drip_headers(request: BaseHTTPRequestHandler) -> None:
        request.wfile.write(b"HTTP/1.1 200 OK\r\n")
        try:
            while not server.stop.wait(0.05):
                request.wfile.write(b"X-Slow: y\r\n")
                request.wfile.flush()
        except OSError:
            pass

    server.routes["/slow"] = drip_headers
    limits = IntakeLimits(url_timeout_s=0.6)
    started = time.monotonic()
    with pytest.raises(IntakeError, match=r"timed out after 0\.6 s"):
        fetch_url(server.url("/slow"), limits, policy=server.policy)
    assert time.monotonic() - started < 3.0  # the headers would drip forever


def test_a_server_that_never_answers_times_out() -> None:
    """The TCP handshake completes (the kernel accepts into the backlog), then silence."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        port = listener.getsockname()[1]
        policy = AddressPolicy.allowing([("127.0.0.1", port)])
        limits = IntakeLimits(url_timeout_s=0.5)
        started = time.monotonic()
        with pytest.raises(IntakeError, match=r"timed out after 0\.5 s"):
            fetch_url(f"http://127.0.0.1:{port}/story", limits, policy=policy)
        assert 0.4 < time.monotonic() - started < 3.0  # silence would last forever


def test_connection_refused_is_a_clear_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound, not listening: connections are refused
        policy = AddressPolicy.allowing([("127.0.0.1", port)])
        with pytest.raises(IntakeError, match=r"^The site refused the connection\.$"):
            fetch_url(f"http://127.0.0.1:{port}/", LIMITS, policy=policy)


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("application/pdf", r"a PDF document \(application/pdf\)"),
        ("image/png", r"an image \(image/png\)"),
        ("application/json; charset=utf-8", r"JSON data \(application/json\)"),
        ("application/x-shockwave-flash", "content of type application/x-shockwave-flash"),
    ],
)
def test_other_content_types_are_refused_by_name(
    server: Server, content_type: str, expected: str
) -> None:
    server.routes["/file"] = send(200, b"%PDF-1.7 ...", content_type)
    with pytest.raises(IntakeError, match=expected):
        fetch_url(server.url("/file"), LIMITS, policy=server.policy)


def test_plain_text_takes_the_text_path(server: Server) -> None:
    body = "Talks in Київ and Warsaw ended.\r\n<p>not markup</p>\r\n".encode()
    server.routes["/notes.txt"] = send(200, body, "text/plain; charset=utf-8")
    result = fetch_url(server.url("/notes.txt"), LIMITS, policy=server.policy)
    assert (result.kind, result.title, result.published) == ("url", None, None)
    assert result.text == "Talks in Київ and Warsaw ended.\n<p>not markup</p>"


@pytest.mark.parametrize("content_type", ["text/markdown; charset=utf-8", "text/plain"])
def test_markdown_served_as_text_is_cleaned(server: Server, content_type: str) -> None:
    body = b"# Grain deal\n\nShips left [Odesa](https://example.org/odesa) for **Istanbul**."
    server.routes["/README.md"] = send(200, body, content_type)
    result = fetch_url(server.url("/README.md"), LIMITS, policy=server.policy)
    assert (result.kind, result.title) == ("url", "Grain deal")
    assert result.text == "Grain deal\n\nShips left Odesa for Istanbul."


def test_plain_text_in_a_declared_legacy_charset(server: Server) -> None:
    body = "Talks in Zürich.".encode("latin-1")
    server.routes["/t"] = send(200, body, "text/plain; charset=ISO-8859-1")
    assert fetch_url(server.url("/t"), LIMITS, policy=server.policy).text == "Talks in Zürich."


def test_plain_text_that_is_not_utf8_is_refused(server: Server) -> None:
    server.routes["/t"] = send(200, "Zürich".encode("latin-1"), "text/plain")
    with pytest.raises(IntakeError, match="is not valid utf-8 text"):
        fetch_url(server.url("/t"), LIMITS, policy=server.policy)


def test_html_charset_from_meta_and_replacement_fallback(server: Server) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body><p>Переговоры в Москве завершились в пятницу.</p></body></html>"
    )
    server.routes["/ru"] = send(200, html.encode("cp1251"), "text/html")
    result = fetch_url(server.url("/ru"), LIMITS, policy=server.policy)
    assert result.text == "Переговоры в Москве завершились в пятницу."
    broken = b"<html><body><p>Talks in Z\xfcrich ended on Friday.</p></body></html>"
    server.routes["/broken"] = send(200, broken, "text/html; charset=utf-8")
    result = fetch_url(server.url("/broken"), LIMITS, policy=server.policy)
    assert result.text == "Talks in Z\ufffdrich ended on Friday."
    assert result.warnings == ("Some bytes of the page were not valid utf-8 and were replaced.",)


def test_missing_content_type_is_sniffed(server: Server) -> None:
    server.routes["/page"] = send(200, ARTICLE, None)
    assert "Odesa" in fetch_url(server.url("/page"), LIMITS, policy=server.policy).text


def test_http_errors_name_the_status(server: Server) -> None:
    with pytest.raises(IntakeError, match="answered HTTP 404 Not Found"):
        fetch_url(server.url("/missing"), LIMITS, policy=server.policy)


def test_unrequested_compression_is_refused(server: Server) -> None:
    server.routes["/gz"] = send(200, b"\x1f\x8b\x08\x00", "text/html", Content_Encoding="gzip")
    with pytest.raises(IntakeError, match=r"sent compressed \(gzip\)"):
        fetch_url(server.url("/gz"), LIMITS, policy=server.policy)


def test_a_page_without_article_text_is_refused(server: Server) -> None:
    server.routes["/app"] = send(200, b"<html><body><div id=root></div></body></html>")
    with pytest.raises(IntakeError, match="No article text was found"):
        fetch_url(server.url("/app"), LIMITS, policy=server.policy)


def test_garbage_instead_of_http_is_a_clear_error() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]

        def answer() -> None:
            conn, _ = listener.accept()
            with conn:
                conn.recv(4096)
                conn.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        policy = AddressPolicy.allowing([("127.0.0.1", port)])
        with pytest.raises(IntakeError, match="not valid HTTP"):
            fetch_url(f"http://127.0.0.1:{port}/", LIMITS, policy=policy)
        thread.join(2)
