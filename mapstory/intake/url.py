"""Fetch an article page from a link a stranger pasted, without letting the link reach inside.

A server that fetches user-supplied URLs is a classic SSRF target: a link (or a redirect, or
a DNS answer) pointing at ``127.0.0.1``, ``10.x``, or the cloud metadata service at
``169.254.169.254`` would let a visitor read what only the server can see. So:

* only ``http``/``https``, no ``user:password@``;
* the host is resolved once and **every** address must be globally routable (an
  :class:`AddressPolicy` can allow exact ``(ip, port)`` pairs, which tests use for loopback);
* the connection goes to that validated address, with the hostname kept for the Host header
  and TLS (SNI and certificate check), so a second DNS answer cannot rebind it elsewhere;
* redirects are followed by hand, each hop checked again;
* one deadline covers the whole fetch (resolution, connection, headers, body) and a watchdog
  shuts the socket when it passes, so a server dripping a byte a second cannot hold a worker;
* the body is read up to a byte cap, and only HTML and plain text are accepted.

Only the standard library is used, so that nothing (proxies from the environment, automatic
redirects, retries, decompression) happens behind our back.
"""

from __future__ import annotations

import codecs
import contextlib
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from mapstory.intake.base import Intake, IntakeError, IntakeLimits, human_size
from mapstory.intake.html import declared_charset, extract_html, known_codec, looks_like_html
from mapstory.intake.text import looks_like_markdown, markdown_title, text_intake
from mapstory.messages import number, plural, text

__all__ = ["AddressPolicy", "Resolver", "fetch_url"]

#: host, port → the IP addresses (as strings) the host resolves to.
Resolver = Callable[[str, int], Sequence[str]]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

USER_AGENT = "mapstory/0.1 (article intake)"
_REDIRECTS = (301, 302, 303, 307, 308)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
_CHUNK = 64 * 1024

# Ranges refused even where ipaddress.is_global says otherwise (its answers changed between
# Python patch releases); is_global covers the rest of IANA's special-purpose registry.
_BLOCKED_NETWORKS = tuple(
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "::/128",
        "::1/128",
        "::/96",
        "100::/64",
        "2001:db8::/32",
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",
        "ff00::/8",
    )
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _default_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def blocked_reason(ip: IPAddress) -> str | None:
    """Why *ip* must not be fetched from (in the reader's language), or None if it is a
    public Internet address.

    IPv6 forms that embed an IPv4 address (IPv4-mapped, 6to4, NAT64, Teredo) are judged by
    the address they lead to.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        ip = ip.__class__(str(ip).split("%", 1)[0]) if ip.scope_id else ip
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is None and ip.teredo:
            embedded = ip.teredo[1]
        if embedded is not None:
            reason = blocked_reason(embedded)
            if reason:
                return reason
    checks = (
        (ip.is_loopback, "intake.address.loopback"),
        (ip.is_link_local, "intake.address.link_local"),
        (ip.is_multicast, "intake.address.multicast"),
        (ip.is_unspecified, "intake.address.unspecified"),
        (ip.is_private, "intake.address.private"),
        (ip.is_reserved, "intake.address.reserved"),
        (any(ip in net for net in _BLOCKED_NETWORKS if net.version == ip.version), None),
        (not ip.is_global, None),
    )
    for hit, reason_key in checks:
        if hit:
            return text(reason_key or "intake.address.not_public")
    return None


@dataclass(frozen=True)
class AddressPolicy:
    """Which resolved addresses may be connected to.

    The default allows only globally routable addresses. *allow* lists exact ``(ip, port)``
    pairs that are allowed anyway: a test's local server, say, without opening loopback as a
    whole (another port on the same host stays refused).
    """

    allow: frozenset[tuple[str, int]] = field(default_factory=frozenset)

    @classmethod
    def allowing(cls, pairs: Iterable[tuple[str, int]]) -> AddressPolicy:
        return cls(frozenset((str(ipaddress.ip_address(ip)), int(port)) for ip, port in pairs))

    def check(self, ip: IPAddress, port: int) -> str | None:
        """None if connecting to *ip*:*port* is fine, else why not."""
        if (str(ip), port) in self.allow:
            return None
        return blocked_reason(ip)


DEFAULT_POLICY = AddressPolicy()


# --------------------------------------------------------------------------------------------
# Deadline
# --------------------------------------------------------------------------------------------


class _Deadline:
    """One time budget for a whole fetch, enforced by a watchdog that shuts the socket.

    Socket timeouts bound each single wait, not their sum: a server sending one byte every
    second never triggers them. The watchdog shuts the socket down at the deadline, which
    wakes any blocked read at once.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0 or self.expired:
            self.expired = True
            raise TimeoutError("deadline passed")
        return left

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shutdown(sock)

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shutdown(sock: socket.socket) -> None:
    # The plain socket method even on an SSLSocket: wakes a blocked read at the OS level
    # without touching the TLS state another thread may be using.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


# --------------------------------------------------------------------------------------------
# Connections pinned to a validated address
# --------------------------------------------------------------------------------------------


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to a fixed IP, with the URL's host name in the Host header."""

    def __init__(self, host: str, port: int, *, ip: str, deadline: _Deadline) -> None:
        super().__init__(host, port, timeout=deadline.remaining())
        self._ip = ip
        self._deadline = deadline

    def _open_socket(self) -> socket.socket:
        sock = socket.create_connection((self._ip, self.port), self._deadline.remaining())
        self._deadline.watch(sock)
        return sock

    def connect(self) -> None:
        self.sock = self._open_socket()


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    """HTTPS to a fixed IP; SNI and the certificate check use the URL's host name."""

    default_port = http.client.HTTPS_PORT

    def __init__(
        self,
        host: str,
        port: int,
        *,
        ip: str,
        deadline: _Deadline,
        context: ssl.SSLContext | None = None,
    ) -> None:
        super().__init__(host, port, ip=ip, deadline=deadline)
        self._context = context or ssl.create_default_context()

    def connect(self) -> None:
        sock = self._open_socket()
        sock.settimeout(self._deadline.remaining())
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
        self._deadline.watch(self.sock)


# --------------------------------------------------------------------------------------------
# URL checks
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    url: str  # normalised, for display and as the base of relative redirects
    scheme: str
    host: str  # ASCII (IDNA) host name or IP literal without brackets
    port: int
    path: str  # path and query, percent-encoded


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _parse_url(raw: str, *, first: bool) -> _Target:
    url = str(raw).strip()
    if first and url and not _SCHEME.match(url) and not url.startswith("/"):
        url = "https://" + url  # "www.example.com/news/…", as people often paste links
    if not url:
        raise IntakeError(text("intake.url.empty"))
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in url):
        raise IntakeError(text("intake.url.spaces"))
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise IntakeError(text("intake.url.invalid")) from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = text("intake.url.scheme", scheme=scheme) if scheme else text("intake.url.no_scheme")
        raise IntakeError(text("intake.url.not_http", scheme=shown))
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise IntakeError(text("intake.url.userinfo"))
    host = parts.hostname or ""
    if not host:
        raise IntakeError(text("intake.url.no_host"))
    try:
        ip = ipaddress.ip_address(host)
        host = str(ip)
    except ValueError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise IntakeError(text("intake.url.bad_host")) from exc
    port = port or (443 if scheme == "https" else 80)
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    netloc_host = f"[{host}]" if ":" in host else host
    default_port = 443 if scheme == "https" else 80
    netloc = netloc_host if port == default_port else f"{netloc_host}:{port}"
    display = urlunsplit((scheme, netloc, path.split("?", 1)[0], parts.query, ""))
    return _Target(url=display, scheme=scheme, host=host, port=port, path=path)


def _resolve(target: _Target, resolver: Resolver, deadline: _Deadline) -> list[str]:
    """Addresses for the host, resolved within the deadline (getaddrinfo cannot time out)."""
    try:
        return [str(ipaddress.ip_address(target.host))]
    except ValueError:
        pass
    result: list[Sequence[str]] = []
    failure: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            result.append(resolver(target.host, target.port))
        except BaseException as exc:
            failure.append(exc)
        finally:
            done.set()

    threading.Thread(target=run, name="mapstory-intake-resolve", daemon=True).start()
    if not done.wait(deadline.remaining()):
        raise TimeoutError("name resolution timed out")
    if failure:
        raise IntakeError(text("intake.url.not_found", host=target.host)) from failure[0]
    addresses = list(dict.fromkeys(str(a).split("%", 1)[0] for a in result[0]))
    if not addresses:
        raise IntakeError(text("intake.url.not_found", host=target.host))
    return addresses


def _validated_addresses(
    target: _Target, resolver: Resolver, policy: AddressPolicy, deadline: _Deadline
) -> list[str]:
    """All addresses of the host, or an error if any of them is off-limits.

    Any, not all: with one public and one private answer, which one the connection uses is
    up to chance (or to an attacker's DNS), so the host is refused as a whole.
    """
    addresses = _resolve(target, resolver, deadline)
    for address in addresses:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError as exc:
            raise IntakeError(text("intake.url.invalid_address", host=target.host)) from exc
        reason = policy.check(ip, target.port)
        if reason:
            literal = target.host == str(ip)
            where = (
                str(ip) if literal else text("intake.url.resolves_to", host=target.host, ip=str(ip))
            )
            raise IntakeError(text("intake.url.blocked", where=where, reason=reason))
    return addresses


# --------------------------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------------------------


@dataclass
class _Response:
    target: _Target
    content_type: str | None  # None when the server sent none
    charset: str | None
    body: bytes
    redirects: int


def _connect(
    target: _Target,
    addresses: list[str],
    deadline: _Deadline,
    context: ssl.SSLContext | None,
) -> _PinnedHTTPConnection:
    last: OSError = OSError(f"no address to connect to for {target.host}")
    for ip in addresses:
        if target.scheme == "https":
            conn: _PinnedHTTPConnection = _PinnedHTTPSConnection(
                target.host, target.port, ip=ip, deadline=deadline, context=context
            )
        else:
            conn = _PinnedHTTPConnection(target.host, target.port, ip=ip, deadline=deadline)
        try:
            conn.connect()
            return conn
        except OSError as exc:  # includes ssl.SSLError and timeouts
            conn.close()
            last = exc
            if isinstance(exc, ssl.SSLError | TimeoutError):
                raise
    raise last


def _get(
    target: _Target,
    policy: AddressPolicy,
    resolver: Resolver,
    deadline: _Deadline,
    context: ssl.SSLContext | None,
) -> tuple[int, http.client.HTTPResponse, _PinnedHTTPConnection]:
    addresses = _validated_addresses(target, resolver, policy, deadline)
    conn = _connect(target, addresses, deadline, context)
    try:
        conn.putrequest("GET", target.path, skip_accept_encoding=True)
        conn.putheader("User-Agent", USER_AGENT)
        conn.putheader("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
        conn.putheader("Accept-Encoding", "identity")
        conn.putheader("Connection", "close")
        conn.endheaders()
        response = conn.getresponse()
    except BaseException:
        conn.close()
        raise
    return response.status, response, conn


def _read_body(
    response: http.client.HTTPResponse,
    sock: socket.socket | None,
    target: _Target,
    limits: IntakeLimits,
    deadline: _Deadline,
) -> bytes:
    cap = limits.max_url_bytes
    too_big = IntakeError(text("intake.url.too_big", url=target.url, size=human_size(cap)))
    length = response.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > cap:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline.remaining()
        if sock is not None:
            sock.settimeout(left)
        chunk = response.read1(min(_CHUNK, cap + 1 - size))
        if not chunk:
            if deadline.expired:
                raise TimeoutError("deadline passed")
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > cap:
            raise too_big
    return b"".join(chunks)


def _fetch(
    url: str,
    limits: IntakeLimits,
    policy: AddressPolicy,
    resolver: Resolver,
    deadline: _Deadline,
    context: ssl.SSLContext | None,
) -> _Response:
    target = _parse_url(url, first=True)
    seen = {target.url}
    redirects = 0
    while True:
        status, response, conn = _get(target, policy, resolver, deadline, context)
        try:
            if status in _REDIRECTS:
                location = response.getheader("Location")
                if not location:
                    raise IntakeError(
                        text("intake.url.redirect_nowhere", url=target.url, status=status)
                    )
                redirects += 1
                if redirects > limits.max_redirects:
                    if not limits.max_redirects:
                        raise IntakeError(text("intake.url.redirects_off", status=status))
                    raise IntakeError(plural("intake.url.too_many_redirects", limits.max_redirects))
                target = _parse_url(urljoin(target.url, location.strip()), first=False)
                if target.url in seen:
                    raise IntakeError(text("intake.url.redirect_loop", url=target.url))
                seen.add(target.url)
                continue
            if not 200 <= status < 300:
                reason = " ".join(str(response.reason or "").split())[:60]
                answer = f"{status} {reason}" if reason else str(status)
                raise IntakeError(text("intake.url.http_error", url=target.url, answer=answer))
            encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
            if encoding not in ("", "identity"):
                raise IntakeError(text("intake.url.compressed", url=target.url, encoding=encoding))
            raw_type = response.getheader("Content-Type")
            message = Message()
            if raw_type:
                message["Content-Type"] = raw_type
            content_type = message.get_content_type() if raw_type else None
            _check_type(content_type, target)
            body = _read_body(response, conn.sock, target, limits, deadline)
            return _Response(
                target=target,
                content_type=content_type,
                charset=message.get_content_charset() if raw_type else None,
                body=body,
                redirects=redirects,
            )
        finally:
            response.close()
            conn.close()


def _check_type(content_type: str | None, target: _Target) -> None:
    if content_type is None or content_type in _HTML_TYPES or content_type in _TEXT_TYPES:
        return
    media = content_type.split("/", 1)[0]
    if content_type in _CONTENT_NAMES:
        what = text(_CONTENT_NAMES[content_type], type=content_type)
    elif media in _MEDIA_NAMES:
        what = text(_MEDIA_NAMES[media], type=content_type)
    else:
        what = text("intake.content.other", type=content_type)
    raise IntakeError(text("intake.url.not_a_page", what=what))


# What a refused content type is, as catalogue keys (looked up when a link is refused).
_CONTENT_NAMES = {
    "application/pdf": "intake.content.pdf",
    "application/json": "intake.content.json",
    "application/octet-stream": "intake.content.binary",
    "application/zip": "intake.content.zip",
}
_MEDIA_NAMES = {
    "image": "intake.content.image",
    "video": "intake.content.video",
    "audio": "intake.content.audio",
}


def fetch_url(
    url: str,
    limits: IntakeLimits | None = None,
    *,
    policy: AddressPolicy | None = None,
    resolver: Resolver | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> Intake:
    """Fetch the article at *url* and return its main text.

    *policy* decides which addresses may be contacted (default: public ones only);
    *resolver* replaces ``socket.getaddrinfo`` (tests); *ssl_context* replaces the default
    verifying TLS context (tests with a self-signed certificate).
    """
    limits = limits or IntakeLimits()
    deadline = _Deadline(limits.url_timeout_s)
    try:
        response = _fetch(
            url,
            limits,
            policy or DEFAULT_POLICY,
            resolver or _default_resolver,
            deadline,
            ssl_context,
        )
    except IntakeError as exc:
        if deadline.expired and exc.__cause__ is not None:
            raise _timeout(limits) from exc
        raise
    except Exception as exc:
        if deadline.expired or isinstance(exc, TimeoutError | socket.timeout):
            raise _timeout(limits) from exc
        raise _network_error(exc, url) from exc
    finally:
        deadline.cancel()
    try:
        return _to_intake(response, limits)
    except IntakeError:
        raise
    except Exception as exc:
        raise IntakeError(text("intake.url.page_internal", url=response.target.url)) from exc


def _timeout(limits: IntakeLimits) -> IntakeError:
    return IntakeError(text("intake.url.timeout", seconds=number(limits.url_timeout_s, digits=3)))


def _network_error(exc: BaseException, url: str) -> IntakeError:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return IntakeError(text("intake.url.certificate"))
    if isinstance(exc, ssl.SSLError):
        return IntakeError(text("intake.url.tls"))
    if isinstance(exc, ConnectionRefusedError):
        return IntakeError(text("intake.url.refused"))
    if isinstance(
        exc, ConnectionError | http.client.RemoteDisconnected | http.client.IncompleteRead
    ):
        return IntakeError(text("intake.url.closed"))
    if isinstance(exc, http.client.HTTPException):
        return IntakeError(text("intake.url.bad_http"))
    if isinstance(exc, OSError):
        return IntakeError(text("intake.url.unreachable"))
    return IntakeError(text("intake.url.internal"))


def _to_intake(response: _Response, limits: IntakeLimits) -> Intake:
    target, body = response.target, response.body
    warnings: list[str] = []
    if response.redirects:
        warnings.append(text("intake.url.redirected", url=target.url))
    content_type = response.content_type
    if content_type is None:
        content_type = "text/html" if looks_like_html(body) else "text/plain"
    if content_type in _HTML_TYPES:
        html = _decode_html(body, response.charset, warnings)
        return extract_html(
            html, source=target.url, kind="url", limits=limits, url=target.url, warnings=warnings
        )
    plain = _decode_plain(body, response.charset, target)
    markdown = content_type != "text/plain" or looks_like_markdown(plain, target.path)
    return text_intake(
        plain,
        source=target.url,
        kind="url",
        limits=limits,
        warnings=warnings,
        markdown=markdown,
        title=markdown_title(plain) if markdown else None,
    )


def _decode_html(body: bytes, header_charset: str | None, warnings: list[str]) -> str:
    """BOM, then the HTTP header, then ``<meta charset>``, then UTF-8 with replacement.

    That is the order browsers use; a page is worth reading with an odd wrong byte, so only
    HTML falls back to replacement characters (with a warning).
    """
    codec = _bom_codec(body) or known_codec(header_charset) or declared_charset(body) or "utf-8"
    try:
        return body.decode(codec)
    except UnicodeDecodeError:
        decoded = body.decode(codec, "replace")
        warnings.append(text("intake.url.replaced_bytes", codec=codec))
        return decoded


def _decode_plain(body: bytes, header_charset: str | None, target: _Target) -> str:
    codec = _bom_codec(body) or known_codec(header_charset) or "utf-8"
    try:
        return body.decode(codec)
    except UnicodeDecodeError as exc:
        raise IntakeError(text("intake.url.plain_invalid", url=target.url, codec=codec)) from exc


def _bom_codec(body: bytes) -> str | None:
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            return codec
    return None
