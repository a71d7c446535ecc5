"""Ingest: read feeds (RSS/Atom via feedparser) and document files (txt, html, docx, pdf).

Fetching sits behind the `Fetcher` protocol so that tests and the demo run offline on files.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Protocol
from urllib.parse import urljoin, urlparse

import feedparser

from scripts.errors import DocumentError, FeedError

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".html", ".htm", ".docx", ".pdf")
PDF_RUNNING_HEADER = re.compile(r"^\s*(?:\d+\s+)?CÔNG BÁO\s*/\s*Số\s*[\d+]+\s*/\s*Ngày\s*[\d-]+(?:\s+\d+)?\s*$", re.M)
PDF_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$", re.M)
PDF_SIGNATURE = re.compile(r"^\s*(?:Ký bởi|Cơ quan|Ngày ký|Thời gian ký|Email|Người ký)\s*:.*$", re.M | re.I)


class Fetcher(Protocol):
    def fetch(self, url: str) -> bytes:
        """:raises OSError: when the resource cannot be read."""


class LocalFetcher:
    """Reads paths and file:// URLs; refuses the network (tests, the demo, air-gapped sites)."""

    def fetch(self, url: str) -> bytes:
        parsed = urlparse(url)
        if parsed.scheme in ("http", "https"):
            raise OSError(f"network fetch disabled: {url}")
        return Path(parsed.path if parsed.scheme == "file" else url).read_bytes()


class HttpFetcher(LocalFetcher):
    """Fetches over HTTP(S) with a timeout, and files like `LocalFetcher`."""

    def __init__(self, timeout_s: float = 20.0, user_agent: str = "loa-broadcaster/0.1") -> None:
        self.timeout_s = timeout_s
        self.user_agent = user_agent

    def fetch(self, url: str) -> bytes:
        if urlparse(url).scheme not in ("http", "https"):
            return super().fetch(url)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        with urllib.request.urlopen(request, timeout=self.timeout_s) as response:  # noqa: S310 - scheme checked
            return bytes(response.read())


@dataclass(frozen=True, slots=True)
class FeedItem:
    title: str
    link: str
    summary: str
    published: str | None
    guid: str


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
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if link and not urlparse(link).scheme and not link.startswith("/"):
            link = urljoin(source if "://" in source else Path(source).resolve().as_uri(), link)
        items.append(
            FeedItem(
                title=(entry.get("title") or "").strip(),
                link=link,
                summary=(entry.get("summary") or "").strip(),
                published=entry.get("published"),
                guid=entry.get("id") or link,
            )
        )
    return items


class _TextExtractor(HTMLParser):
    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"}
    SKIP = {"script", "style", "head", "nav", "footer"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag == "td":
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    text = "".join(parser.parts)
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16", "cp1258"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise DocumentError("the file is not text in UTF-8, UTF-16 or Windows-1258")


def docx_to_text(data: bytes) -> str:
    import docx  # python-docx; imported here as only .docx needs it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many zipfile/lxml types for a broken file
        raise DocumentError(f"not a readable .docx file ({type(exc).__name__})") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    return "\n".join(lines)


def pdf_to_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as exc:
        raise DocumentError(f"not a readable PDF ({exc})") from exc
    text = "\n".join(pages)
    text = PDF_RUNNING_HEADER.sub("", text)
    text = PDF_SIGNATURE.sub("", text)
    text = PDF_PAGE_NUMBER.sub("", text)
    if not text.strip():
        raise DocumentError("the PDF has no text layer (a scan?): run OCR first or upload the text")
    return text


def extract_text(data: bytes, name: str) -> tuple[str, str]:
    """Text of a document file, by its extension; returns (text, media type).

    :raises DocumentError: for an unsupported or unreadable file.
    """
    suffix = Path(urlparse(name).path).suffix.lower()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return pdf_to_text(data), "application/pdf"
    if suffix == ".docx":
        return docx_to_text(data), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if suffix in (".html", ".htm") or data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return html_to_text(_decode(data)), "text/html"
    if suffix in (".txt", ""):
        return _decode(data), "text/plain"
    raise DocumentError(f"unsupported file type {suffix!r}: use one of {', '.join(SUPPORTED)}")


def load_document(location: str, fetcher: Fetcher) -> SourceDocument:
    """Read a document from a path or URL and extract its text.

    :raises DocumentError: when it cannot be read or has no text.
    """
    try:
        data = fetcher.fetch(location)
    except OSError as exc:
        raise DocumentError(f"cannot read {location}: {exc}") from exc
    text, media_type = extract_text(data, location)
    if not text.strip():
        raise DocumentError(f"{location} has no text")
    return SourceDocument(location, text, hashlib.sha256(data).hexdigest(), media_type)
