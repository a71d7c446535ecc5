"""Our emergencies as OASIS CAP 1.2 alerts, for the province's and the nation's upstream systems.

One alert per emergency fired: status Actual, msgType Alert, scope Public, one `<info>` in
vi-VN (and one per other language the bulletin was spoken in), the zones as `<area>` blocks.
Built with ElementTree so every text is escaped; `parse_cap` reads the result back.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime

from schedules.cap import NS

LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-US"}


@dataclass(frozen=True, slots=True)
class OutgoingInfo:
    language: str  # "vi", "rad", ...
    headline: str
    description: str


@dataclass(frozen=True, slots=True)
class OutgoingEmergency:
    identifier: str
    sender: str
    sent: datetime
    areas: tuple[str, ...]
    infos: tuple[OutgoingInfo, ...]
    expires: datetime | None = None
    sender_name: str = ""
    references: tuple[str, ...] = field(default_factory=tuple)


def _time(moment: datetime) -> str:
    """CAP date-times: seconds precision, an explicit offset, never "Z"."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.replace(microsecond=0).isoformat().replace("+00:00", "-00:00")


def to_cap(alert: OutgoingEmergency) -> bytes:
    """The CAP 1.2 document (UTF-8 XML)."""
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}alert")

    def add(parent: ET.Element, name: str, text: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{NS}}}{name}")
        node.text = text
        return node

    add(root, "identifier", alert.identifier)
    add(root, "sender", alert.sender)
    add(root, "sent", _time(alert.sent))
    add(root, "status", "Actual")
    add(root, "msgType", "Update" if alert.references else "Alert")
    add(root, "scope", "Public")
    if alert.references:
        add(root, "references", " ".join(alert.references))
    for info in alert.infos:
        node = ET.SubElement(root, f"{{{NS}}}info")
        add(node, "language", LANGUAGE_TAGS.get(info.language, info.language))
        add(node, "category", "Safety")
        add(node, "event", info.headline)
        add(node, "urgency", "Immediate")
        add(node, "severity", "Severe")
        add(node, "certainty", "Observed")
        if alert.expires is not None:
            add(node, "expires", _time(alert.expires))
        if alert.sender_name:
            add(node, "senderName", alert.sender_name)
        add(node, "headline", info.headline)
        add(node, "description", info.description)
        for area in alert.areas:
            add(ET.SubElement(node, f"{{{NS}}}area"), "areaDesc", area)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False)
