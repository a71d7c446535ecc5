"""A podcast RSS feed per commune, so residents can replay bulletins on their phones.

The channel carries what podcast apps require (Apple's and Google's conventions):
`itunes:image` (a square cover, 1400–3000 px), `itunes:category`, `itunes:explicit`, and an
`atom:link rel="self"` naming where the feed itself is published, and `itunes:owner` with the
email directories write to (the `podcast_email` setting).
"""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True, slots=True)
class Episode:
    guid: str
    title: str
    url: str
    bytes: int
    duration_s: float
    published: datetime
    description: str = ""
    mime: str = "audio/mpeg"


@dataclass(frozen=True, slots=True)
class Channel:
    """Where the feed, its web page and its cover live (all must resolve for podcast apps)."""

    title: str
    link: str
    description: str
    self_url: str
    image_url: str
    language: str = "vi"
    category: str = "Government"
    author: str = "Ủy ban nhân dân xã"
    owner_name: str = "Ủy ban nhân dân xã"
    owner_email: str = ""  # itunes:owner's email: directories contact the owner there


def feed(channel: Channel, episodes: list[Episode]) -> str:
    ET.register_namespace("itunes", ITUNES)
    ET.register_namespace("atom", ATOM)
    rss = ET.Element("rss", {"version": "2.0"})
    root = ET.SubElement(rss, "channel")
    ET.SubElement(root, f"{{{ATOM}}}link", {"href": channel.self_url, "rel": "self", "type": "application/rss+xml"})
    for name, value in (
        ("title", channel.title),
        ("link", channel.link),
        ("description", channel.description),
        ("language", channel.language),
    ):
        ET.SubElement(root, name).text = value
    ET.SubElement(root, f"{{{ITUNES}}}author").text = channel.author
    owner = ET.SubElement(root, f"{{{ITUNES}}}owner")
    ET.SubElement(owner, f"{{{ITUNES}}}name").text = channel.owner_name
    if channel.owner_email:
        ET.SubElement(owner, f"{{{ITUNES}}}email").text = channel.owner_email
    ET.SubElement(root, f"{{{ITUNES}}}image", {"href": channel.image_url})
    ET.SubElement(root, f"{{{ITUNES}}}category", {"text": channel.category})
    ET.SubElement(root, f"{{{ITUNES}}}explicit").text = "false"
    image = ET.SubElement(root, "image")
    for name, value in (("url", channel.image_url), ("title", channel.title), ("link", channel.link)):
        ET.SubElement(image, name).text = value
    for ep in sorted(episodes, key=lambda e: e.published, reverse=True):
        item = ET.SubElement(root, "item")
        ET.SubElement(item, "title").text = ep.title
        ET.SubElement(item, "description").text = ep.description or ep.title
        ET.SubElement(item, "guid", {"isPermaLink": "false"}).text = ep.guid
        ET.SubElement(item, "pubDate").text = format_datetime(ep.published)
        ET.SubElement(item, "enclosure", {"url": ep.url, "length": str(ep.bytes), "type": ep.mime})
        minutes, seconds = divmod(int(round(ep.duration_s)), 60)
        ET.SubElement(item, f"{{{ITUNES}}}duration").text = f"{minutes // 60:02d}:{minutes % 60:02d}:{seconds:02d}"
        ET.SubElement(item, f"{{{ITUNES}}}explicit").text = "false"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"


def cover_png(size: int = 1400, rgb: tuple[int, int, int] = (178, 34, 34)) -> bytes:
    """A plain square cover (podcast apps refuse a feed without one); a few kilobytes."""
    row = b"\x00" + bytes(rgb) * size
    raw = zlib.compress(row * size, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
