"""A podcast RSS feed per commune, so residents can replay bulletins on their phones."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"


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


def feed(title: str, link: str, description: str, episodes: list[Episode], language: str = "vi") -> str:
    ET.register_namespace("itunes", ITUNES)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    for name, value in (("title", title), ("link", link), ("description", description), ("language", language)):
        ET.SubElement(channel, name).text = value
    for ep in sorted(episodes, key=lambda e: e.published, reverse=True):
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = ep.title
        ET.SubElement(item, "description").text = ep.description or ep.title
        ET.SubElement(item, "guid", {"isPermaLink": "false"}).text = ep.guid
        ET.SubElement(item, "pubDate").text = format_datetime(ep.published)
        ET.SubElement(item, "enclosure", {"url": ep.url, "length": str(ep.bytes), "type": ep.mime})
        minutes, seconds = divmod(int(round(ep.duration_s)), 60)
        ET.SubElement(item, f"{{{ITUNES}}}duration").text = f"{minutes // 60:02d}:{minutes % 60:02d}:{seconds:02d}"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"
