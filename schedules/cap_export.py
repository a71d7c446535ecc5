"""Our emergencies as OASIS CAP 1.2 alerts, for the province's and the nation's upstream systems.

One alert per emergency fired: status Actual, scope Public, one `<info>` per language the
bulletin was spoken in (vi-VN first), the zones as `<area>` blocks. An emergency that came from
an imported CAP alert keeps that alert's content — category, event, urgency, severity,
certainty, instruction, every language — instead of generic values. An emergency withdrawn
afterwards is exported again as a Cancel that references the Alert (CAP 1.2 §3.2.1:
`sender,identifier,sent`), and a replaced one as an Update. Built with ElementTree so every
text is escaped; the output validates against the CAP 1.2 XSD and `parse_cap` reads it back.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, fields
from datetime import datetime

from schedules.cap import CATEGORIES, CERTAINTY, NS, SEVERITY, URGENCY, CapAlert, format_time

LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-US"}
MSG_TYPES = ("Alert", "Update", "Cancel")
# what XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF)
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class OutgoingInfo:
    language: str  # "vi", "rad", "en-US", ...
    headline: str
    description: str
    instruction: str = ""
    event: str = ""  # the headline when empty
    categories: tuple[str, ...] = ("Safety",)
    urgency: str = "Immediate"
    severity: str = "Severe"
    certainty: str = "Observed"

    def __post_init__(self) -> None:
        for value, allowed in ((self.urgency, URGENCY), (self.severity, SEVERITY), (self.certainty, CERTAINTY)):
            if value not in allowed:
                raise ValueError(f"{value!r} is not one of {allowed}")
        if not self.categories or any(c not in CATEGORIES for c in self.categories):
            raise ValueError(f"categories {self.categories!r} must be CAP categories")


@dataclass(frozen=True, slots=True)
class OutgoingEmergency:
    identifier: str
    sender: str
    sent: datetime
    areas: tuple[str, ...]
    infos: tuple[OutgoingInfo, ...]
    expires: datetime | None = None
    sender_name: str = ""
    references: tuple[str, ...] = field(default_factory=tuple)  # each `sender,identifier,sent`
    msg_type: str = ""  # Alert, Update or Cancel; by default Update when it references others

    @property
    def kind(self) -> str:
        kind = self.msg_type or ("Update" if self.references else "Alert")
        if kind not in MSG_TYPES:
            raise ValueError(f"msgType {kind!r} is not one of {MSG_TYPES}")
        if kind != "Alert" and not self.references:
            raise ValueError(f"a CAP {kind} must reference the alerts it replaces or cancels")
        if any(ref.count(",") != 2 for ref in self.references):
            raise ValueError("a CAP reference is sender,identifier,sent")
        return kind

    @property
    def reference(self) -> str:
        return f"{self.sender},{self.identifier},{format_time(self.sent)}"


_PASSED_ON = tuple(f.name for f in fields(OutgoingInfo))  # an imported `CapInfo` has each of them


def infos_of(alert: CapAlert) -> tuple[OutgoingInfo, ...]:
    """An imported alert's content as we pass it on: every language, nothing folded together."""
    return tuple(OutgoingInfo(**{name: getattr(info, name) for name in _PASSED_ON}) for info in alert.infos)


def _first_text(*texts: str) -> str:
    return next((t.strip()[:200] for t in texts if _XML_INVALID.sub("", t).strip()), "")


def to_cap(alert: OutgoingEmergency) -> bytes:
    """The CAP 1.2 document (UTF-8 XML), elements in the schema's order."""
    kind = alert.kind
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}alert")

    def add(parent: ET.Element, name: str, text: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{NS}}}{name}")
        node.text = _XML_INVALID.sub("", text)  # a control character in a title must not make the document unreadable
        return node

    add(root, "identifier", alert.identifier)
    add(root, "sender", alert.sender)
    add(root, "sent", format_time(alert.sent))
    add(root, "status", "Actual")
    add(root, "msgType", kind)
    add(root, "scope", "Public")
    if alert.references:
        add(root, "references", " ".join(alert.references))
    for info in alert.infos:
        node = ET.SubElement(root, f"{{{NS}}}info")
        add(node, "language", LANGUAGE_TAGS.get(info.language, info.language))
        for category in info.categories:
            add(node, "category", category)
        add(node, "event", _first_text(info.event, info.headline, info.description) or "Cảnh báo khẩn cấp")
        add(node, "urgency", info.urgency)
        add(node, "severity", info.severity)
        add(node, "certainty", info.certainty)
        if alert.expires is not None:
            add(node, "expires", format_time(alert.expires))
        if alert.sender_name:
            add(node, "senderName", alert.sender_name)
        if info.headline:
            add(node, "headline", info.headline)
        if info.description:
            add(node, "description", info.description)
        if info.instruction:
            add(node, "instruction", info.instruction)
        for area in alert.areas:
            add(ET.SubElement(node, f"{{{NS}}}area"), "areaDesc", area)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False)
