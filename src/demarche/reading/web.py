"""Fetching statements from URLs: only when asked, bounded and polite.

Timeouts, a byte cap read as a stream, one request per host per ``delay`` seconds,
robots.txt honoured, and an honest User-Agent. Every failure is one ``ReadFailure``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from demarche import __version__
from demarche.errors import InputError
from demarche.reading.sources import DEFAULT_MAX_BYTES, RawDocument, ReadFailure, read_bytes

USER_AGENT = f"demarche/{__version__} (+https://pypi.org/project/demarche/)"


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
    ) -> None:
        self.max_bytes = max_bytes
        self.delay = delay
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": USER_AGENT},
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
        if not self._allowed(url):
            raise InputError(url, "disallowed by the site's robots.txt")
        data = self._get(url)
        for item in read_bytes(data, url, url, self.max_bytes):
            if isinstance(item, RawDocument):
                item.url = url
            yield item

    def _wait(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def _get(self, url: str) -> bytes:
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
                return b"".join(chunks)
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
