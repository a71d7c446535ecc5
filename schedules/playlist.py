"""Radio playlists: extended M3U and XSPF, for LibreTime, AzuraCast or Liquidsoap stations."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Track:
    url: str
    title: str
    duration_s: float
    creator: str = ""


def m3u(tracks: list[Track]) -> str:
    lines = ["#EXTM3U"]
    for t in tracks:
        title = t.title.replace("\n", " ").replace(",", " ")
        lines.append(f"#EXTINF:{round(t.duration_s)},{t.creator + ' - ' if t.creator else ''}{title}")
        lines.append(t.url)
    return "\n".join(lines) + "\n"


XSPF_NS = "http://xspf.org/ns/0/"


def xspf(tracks: list[Track], title: str) -> str:
    ET.register_namespace("", XSPF_NS)
    root = ET.Element(f"{{{XSPF_NS}}}playlist", version="1")
    ET.SubElement(root, f"{{{XSPF_NS}}}title").text = title
    track_list = ET.SubElement(root, f"{{{XSPF_NS}}}trackList")
    for t in tracks:
        node = ET.SubElement(track_list, f"{{{XSPF_NS}}}track")
        ET.SubElement(node, f"{{{XSPF_NS}}}location").text = t.url
        ET.SubElement(node, f"{{{XSPF_NS}}}title").text = t.title
        if t.creator:
            ET.SubElement(node, f"{{{XSPF_NS}}}creator").text = t.creator
        ET.SubElement(node, f"{{{XSPF_NS}}}duration").text = str(int(t.duration_s * 1000))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
