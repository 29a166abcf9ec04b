"""Fetching statements from URLs: only when asked, bounded, polite and public-only.

Timeouts, a byte cap read as a stream, one request per host per ``delay`` seconds,
robots.txt honoured, and an honest User-Agent. Every failure is one ``ReadFailure``.

Only public addresses are reached (no SSRF): every connection, the first one and each
redirect hop alike, resolves its host name itself, refuses if any address it resolves to
is loopback, private, link-local, unspecified, multicast or reserved, and then connects to
the address it checked (so a name cannot resolve to something else between check and
connect). Proxies from the environment are ignored, since a proxy would do the resolving
out of our sight. ``DEMARCHE_FETCH_ALLOW`` (comma-separated networks, e.g.
``10.1.0.0/16``) opts named networks back in, for an intranet archive or a test server.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from demarche import __version__
from demarche.errors import InputError
from demarche.reading.sources import DEFAULT_MAX_BYTES, RawDocument, ReadFailure, read_bytes

USER_AGENT = f"demarche/{__version__} (+https://pypi.org/project/demarche/)"
ALLOW_ENV = "DEMARCHE_FETCH_ALLOW"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class RefusedAddress(Exception):
    """A connection to a non-public address was refused before it was made."""


def address_refusal(address: Address) -> str | None:
    """Why ``address`` is not a public one to fetch from, or None when it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    for kind, test in (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("non-public", not address.is_global),
    ):
        if test:
            return kind
    return None


def allowed_networks(spec: str | None = None) -> tuple[Network, ...]:
    """The networks opted back in: ``spec`` or ``DEMARCHE_FETCH_ALLOW``, comma-separated."""
    spec = os.environ.get(ALLOW_ENV, "") if spec is None else spec
    try:
        return tuple(
            ipaddress.ip_network(n.strip(), strict=False) for n in spec.split(",") if n.strip()
        )
    except ValueError as error:
        raise InputError(ALLOW_ENV, f"not a network list ({error})") from None


def resolve_public(host: str, port: int, allow: Iterable[Network] = ()) -> str:
    """The address to connect to for ``host``; refuses when any of its addresses is not
    public (a name with one public and one private address is refused too)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise RefusedAddress(f"cannot resolve host {host!r}") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    for address in addresses:
        if any(address in network for network in allow):
            continue
        kind = address_refusal(address)
        if kind:
            shown = host if host == str(address) else f"{host} ({address})"
            raise RefusedAddress(f"refused: {shown} is not a public address ({kind})")
    if not addresses:
        raise RefusedAddress(f"cannot resolve host {host!r}")
    return str(addresses[0])


class _PublicOnlyBackend(httpcore.NetworkBackend):
    """httpcore's network backend, resolving and checking each host before it connects."""

    def __init__(self, allow: tuple[Network, ...]) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow = allow

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        address = resolve_public(host, port, self._allow)
        return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise RefusedAddress("refused: unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _public_transport(allow: tuple[Network, ...]) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx has no public hook for the network backend; its connection pool (public httpcore
    # API) takes one, so the transport gets a pool built with ours.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        network_backend=_PublicOnlyBackend(allow),
    )
    return transport


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def url_list(path: Path) -> list[str] | None:
    """The URLs of a ``.txt`` file whose every non-blank line is a URL; else None."""
    if path.suffix.lower() != ".txt" or not path.is_file() or path.stat().st_size > 1 << 20:
        return None
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    except (OSError, UnicodeDecodeError):
        return None
    lines = [line for line in lines if line and not line.startswith("#")]
    return lines if lines and all(is_url(line) for line in lines) else None


class Fetcher:
    def __init__(
        self,
        timeout: float = 15.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        delay: float = 1.0,
        client: httpx.Client | None = None,
        allow_networks: str | None = None,
    ) -> None:
        """``allow_networks`` (default: ``DEMARCHE_FETCH_ALLOW``) opts non-public networks
        in; a given ``client`` is used as is, without the address check."""
        self.max_bytes = max_bytes
        self.delay = delay
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": USER_AGENT},
            transport=_public_transport(allowed_networks(allow_networks)),
            trust_env=False,
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}

    def fetch_all(self, urls: Iterable[str]) -> Iterator[RawDocument | ReadFailure]:
        for url in urls:
            try:
                yield from self.fetch(url)
            except InputError as error:
                yield ReadFailure(error.item, error.reason)

    def fetch(self, url: str) -> Iterator[RawDocument | ReadFailure]:
        if not is_url(url):
            raise InputError(url, "not an http(s) URL")
        try:
            allowed = self._allowed(url)
        except RefusedAddress as refused:  # robots.txt is on the same host as the page
            raise InputError(url, str(refused)) from None
        if not allowed:
            raise InputError(url, "disallowed by the site's robots.txt")
        data, final = self._get(url)
        for item in read_bytes(data, url, final, self.max_bytes):
            if isinstance(item, RawDocument):
                # after redirects the text is the final URL's, so that is what is stored
                item.url = item.source = final
            yield item

    def _wait(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def _get(self, url: str) -> tuple[bytes, str]:
        """The body and the final URL after redirects."""
        self._wait(urlsplit(url).netloc)
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code != 200:
                    raise InputError(url, f"HTTP {response.status_code}")
                declared = int(response.headers.get("content-length") or 0)
                if declared > self.max_bytes:
                    raise InputError(url, f"response is over the {self.max_bytes}-byte limit")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise InputError(url, f"response is over the {self.max_bytes}-byte limit")
                    chunks.append(chunk)
                return b"".join(chunks), str(response.url)
        except RefusedAddress as refused:
            raise InputError(url, str(refused)) from None
        except httpx.TooManyRedirects:
            raise InputError(url, "too many redirects") from None
        except httpx.TimeoutException:
            raise InputError(url, "timed out") from None
        except httpx.HTTPError as error:
            raise InputError(url, f"cannot fetch ({error.__class__.__name__})") from None

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._read_robots(root)
        robots = self._robots[root]
        return robots is None or robots.can_fetch(USER_AGENT, url)

    def _read_robots(self, root: str) -> RobotFileParser | None:
        try:
            self._wait(urlsplit(root).netloc)
            response = self.client.get(f"{root}/robots.txt")
        except httpx.HTTPError:
            return None
        if response.status_code != 200:
            return None
        parser = RobotFileParser()
        parser.parse(response.text[: 1 << 16].splitlines())
        return parser
