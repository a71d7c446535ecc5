"""Ingest: read feeds (RSS/Atom via feedparser) and document files (txt, html, docx, pdf).

Fetching sits behind the `Fetcher` protocol so that tests and the demo run offline on files.
"""

from __future__ import annotations

import hashlib
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol
from urllib.parse import urljoin, urlparse

import feedparser

from scripts.errors import DocumentError, DocumentRefused, FeedError, UnsafeLink
from scripts.extract import SUPPORTED, docx_to_text, html_to_text, pdf_to_text
from scripts.limits import MB, Limits, LinkPolicy, check_link
from scripts.sandbox import extract_text

log = logging.getLogger(__name__)

__all__ = ["SUPPORTED", "docx_to_text", "extract_text", "html_to_text", "pdf_to_text"]


class Fetcher(Protocol):
    def fetch(self, url: str) -> bytes:
        """:raises OSError: when the resource cannot be read."""


def _too_big(what: str, size: int, limit: int) -> DocumentRefused:
    return DocumentRefused(
        f"{what} is {size / MB:,.1f} MB or more, over the {limit / MB:,.0f} MB allowed: fetch only the document"
    )


class LocalFetcher:
    """Reads regular files (paths, file:// URLs) up to a size; refuses the network
    (tests, the demo, air-gapped sites) and devices such as /dev/zero."""

    def __init__(self, max_bytes: int = Limits().max_file_bytes) -> None:
        self.max_bytes = max_bytes

    def fetch(self, url: str) -> bytes:
        parsed = urlparse(url)
        if parsed.scheme in ("http", "https"):
            raise OSError(f"network fetch disabled: {url}")
        path = Path(parsed.path if parsed.scheme == "file" else url)
        if not path.is_file():
            raise OSError(f"{path} is not a regular file")
        size = path.stat().st_size
        if size > self.max_bytes:
            raise _too_big(path.name, size, self.max_bytes)
        with path.open("rb") as handle:
            return _read_capped(handle, self.max_bytes, path.name)


def _read_capped(handle: IO[bytes], limit: int, what: str) -> bytes:
    """Read at most `limit` bytes; refuse (rather than truncate) anything longer."""
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise _too_big(what, len(data), limit)
    return data


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Every redirect target passes the same link policy as the first URL (no SSRF by redirect)."""

    def __init__(self, policy: LinkPolicy) -> None:
        self.policy = policy

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN201
        check_link(newurl, self.policy)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class HttpFetcher(LocalFetcher):
    """Fetches public http(s) URLs under a `LinkPolicy` (hosts, no private addresses, size cap,
    timeout); paths given by the operator are read like `LocalFetcher`."""

    def __init__(
        self, timeout_s: float | None = None, user_agent: str = "loa-broadcaster/0.1", policy: LinkPolicy | None = None
    ) -> None:
        self.policy = policy or LinkPolicy()
        super().__init__(self.policy.max_bytes)
        self.timeout_s = timeout_s or self.policy.timeout_s
        self.user_agent = user_agent
        self.opener = urllib.request.build_opener(_CheckedRedirects(self.policy))

    def fetch(self, url: str) -> bytes:
        if urlparse(url).scheme not in ("http", "https"):
            return super().fetch(url)
        host = check_link(url, self.policy)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        try:
            with self.opener.open(request, timeout=self.timeout_s) as response:
                declared = int(response.headers.get("Content-Length") or 0)
                if declared > self.max_bytes:
                    raise _too_big(f"the document at {host}", declared, self.max_bytes)
                return _read_capped(response, self.max_bytes, f"the document at {host}")
        except urllib.error.URLError as exc:
            raise OSError(f"cannot fetch {url}: {exc.reason}") from exc


@dataclass(frozen=True, slots=True)
class FeedItem:
    title: str
    link: str
    summary: str
    published: str | None
    guid: str
    problem: str | None = None  # why the link will not be followed


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document's text as extracted, with where it came from."""

    origin: str
    text: str
    sha256: str
    media_type: str


def read_feed(source: str, fetcher: Fetcher) -> list[FeedItem]:
    """Read an RSS or Atom feed from a path or URL.

    :raises FeedError: when the feed cannot be read or is not RSS/Atom.
    """
    try:
        raw = fetcher.fetch(source)
    except OSError as exc:
        raise FeedError(f"cannot read feed {source}: {exc}") from exc
    parsed = feedparser.parse(raw)
    if not parsed.get("version") and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "args", ["not RSS or Atom"])[0]
        raise FeedError(f"{source} is not an RSS/Atom feed ({reason}); check the URL")
    items = []
    remote = urlparse(source).scheme in ("http", "https")
    base = source if remote else Path(urlparse(source).path if source.startswith("file:") else source).resolve().as_uri()
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if link and not urlparse(link).scheme and (remote or not link.startswith("/")):
            link = urljoin(base, link)
        items.append(
            FeedItem(
                title=(entry.get("title") or "").strip(),
                link=link,
                summary=(entry.get("summary") or "").strip(),
                published=entry.get("published"),
                guid=entry.get("id") or link,
                problem=_link_problem(link, base, remote),
            )
        )
    return items


def _link_problem(link: str, base: str, remote: bool) -> str | None:
    """Why a feed item's link must not be followed: a feed is untrusted, its links doubly so.

    A remote feed's links must be http(s); a local feed (the operator's own file) may also
    link to files beside it, never elsewhere on the machine.
    """
    if not link:
        return None
    scheme = urlparse(link).scheme
    if scheme in ("http", "https"):
        return None
    if scheme == "file" and not remote:
        folder = Path(urlparse(base).path).parent
        target = Path(urlparse(link).path).resolve()
        if target.is_relative_to(folder) and target.is_file():
            return None
        return f"link {link[:120]!r} refused: a local feed may only link to files in its own folder"
    return f"link {link[:120]!r} refused: only http(s) links to documents are followed"


def load_document(location: str, fetcher: Fetcher, limits: Limits | None = None) -> SourceDocument:
    """Read a document from a path or URL and extract its text in a bounded subprocess.

    :raises DocumentError: when it cannot be read or has no text.
    :raises DocumentRefused: when it is over a limit (size, pages, characters, time, memory).
    """
    try:
        data = fetcher.fetch(location)
    except UnsafeLink:
        raise
    except OSError as exc:
        raise DocumentError(f"cannot read {location}: {exc}") from exc
    text, media_type = extract_text(data, location, limits)
    if not text.strip():
        raise DocumentError(f"{location} has no text")
    return SourceDocument(location, text, hashlib.sha256(data).hexdigest(), media_type)
