"""OASIS CAP 1.2 alerts (what national warning systems exchange) as bulletins and bookings.

Only `status` Actual reaches public speakers; the priority class follows urgency, severity
and certainty; `expires` bounds the plays; Update replaces the referenced alerts and Cancel
stops them and purges every queued copy.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from schedules.model import Booking, Priority, ScheduleValueError

NS = "urn:oasis:names:tc:emergency:cap:1.2"
STATUSES = ("Actual", "Exercise", "System", "Test", "Draft")
MSG_TYPES = ("Alert", "Update", "Cancel", "Ack", "Error")
SCOPES = ("Public", "Restricted", "Private")
URGENCY = ("Immediate", "Expected", "Future", "Past", "Unknown")
SEVERITY = ("Extreme", "Severe", "Moderate", "Minor", "Unknown")
CERTAINTY = ("Observed", "Likely", "Possible", "Unlikely", "Unknown")
CATEGORIES = ("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other")


class CapError(ScheduleValueError):
    """The document is not a valid CAP 1.2 alert; the message names the field."""


@dataclass(frozen=True, slots=True)
class CapInfo:
    language: str
    event: str
    urgency: str
    severity: str
    certainty: str
    headline: str
    description: str
    instruction: str
    expires: datetime | None
    areas: tuple[str, ...]
    categories: tuple[str, ...] = ("Other",)
    sender_name: str = ""

    @property
    def text(self) -> str:
        return " ".join(p.strip() for p in (self.headline, self.description, self.instruction) if p.strip())

    @property
    def priority(self) -> Priority:
        if self.urgency == "Immediate" and self.severity in ("Extreme", "Severe") and self.certainty in ("Observed", "Likely"):
            return Priority.EMERGENCY
        if self.urgency == "Expected" or self.severity == "Moderate":
            return Priority.PRIORITY
        return Priority.NORMAL


@dataclass(frozen=True, slots=True)
class CapAlert:
    identifier: str
    sender: str
    sent: datetime
    status: str
    msg_type: str
    scope: str
    references: tuple[str, ...]
    infos: tuple[CapInfo, ...] = field(default_factory=tuple)

    @property
    def key(self) -> str:
        """How other alerts reference this one (CAP: sender,identifier,sent)."""
        return f"{self.sender},{self.identifier}"

    @property
    def reference(self) -> str:
        """This alert in another's <references>: `sender,identifier,sent` (CAP 1.2 §3.2.1)."""
        return f"{self.sender},{self.identifier},{format_time(self.sent)}"

    @property
    def public(self) -> bool:
        """Exercises, tests, system messages and drafts never reach public speakers."""
        return self.status == "Actual" and self.scope == "Public"

    @property
    def priority(self) -> Priority:
        return min((i.priority for i in self.infos), default=Priority.NORMAL)

    @property
    def expires(self) -> datetime | None:
        times = [i.expires for i in self.infos if i.expires]
        return max(times) if times else None

    def info(self, language: str) -> CapInfo | None:
        lang = language.lower()
        return next((i for i in self.infos if i.language.lower().split("-")[0] == lang), None)


def _text(node: ET.Element, name: str, required: bool = False) -> str:
    child = node.find(f"{{{NS}}}{name}")
    value = (child.text or "").strip() if child is not None else ""
    if required and not value:
        raise CapError(f"CAP alert is missing <{name}>")
    return value


def _time(value: str, name: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise CapError(f"<{name}> {value!r} is not a CAP date-time (2026-12-01T07:00:00+07:00)") from exc
    if moment.tzinfo is None:
        raise CapError(f"<{name}> {value!r} has no time zone offset")
    return moment


def format_time(moment: datetime) -> str:
    """A CAP date-time: seconds precision and an explicit offset, never "Z" (UTC is -00:00)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.replace(microsecond=0).isoformat().replace("+00:00", "-00:00")


def _choice(value: str, allowed: tuple[str, ...], name: str) -> str:
    if value not in allowed:
        raise CapError(f"<{name}> must be one of {', '.join(allowed)}, not {value!r}")
    return value


def parse_cap(data: bytes) -> CapAlert:
    """:raises CapError: with the reason, for anything that is not a valid CAP 1.2 alert."""
    try:
        root = SafeET.fromstring(data)
    except (ET.ParseError, DefusedXmlException) as exc:
        raise CapError(f"not XML: {exc}") from exc
    if root.tag != f"{{{NS}}}alert":
        raise CapError(f"not a CAP 1.2 alert (root element {root.tag!r}, expected alert in {NS})")
    status = _choice(_text(root, "status", True), STATUSES, "status")
    msg_type = _choice(_text(root, "msgType", True), MSG_TYPES, "msgType")
    scope = _choice(_text(root, "scope", True), SCOPES, "scope")
    references = tuple(",".join(ref.split(",")[:2]) for ref in _text(root, "references").split() if ref.count(",") >= 2)
    if msg_type in ("Update", "Cancel") and not references:
        raise CapError(
            f"a CAP {msg_type} must name the alerts it {'updates' if msg_type == 'Update' else 'cancels'} in <references>"
        )
    infos = []
    for node in root.findall(f"{{{NS}}}info"):
        expires = _text(node, "expires")
        infos.append(
            CapInfo(
                language=_text(node, "language") or "en-US",
                event=_text(node, "event", True),
                urgency=_choice(_text(node, "urgency", True), URGENCY, "urgency"),
                severity=_choice(_text(node, "severity", True), SEVERITY, "severity"),
                certainty=_choice(_text(node, "certainty", True), CERTAINTY, "certainty"),
                headline=_text(node, "headline"),
                description=_text(node, "description"),
                instruction=_text(node, "instruction"),
                expires=_time(expires, "expires") if expires else None,
                areas=tuple(_text(a, "areaDesc") for a in node.findall(f"{{{NS}}}area")),
                # kept for export; a value outside CAP's list is read as Other rather than losing the alert
                categories=tuple(
                    dict.fromkeys(
                        c if c in CATEGORIES else "Other"
                        for c in ((n.text or "").strip() for n in node.findall(f"{{{NS}}}category"))
                    )
                )
                or ("Other",),
                sender_name=_text(node, "senderName"),
            )
        )
    if msg_type == "Alert" and not infos:
        raise CapError("a CAP Alert needs at least one <info> block")
    return CapAlert(
        identifier=_text(root, "identifier", True),
        sender=_text(root, "sender", True),
        sent=_time(_text(root, "sent", True), "sent"),
        status=status,
        msg_type=msg_type,
        scope=scope,
        references=references,
        infos=tuple(infos),
    )


def booking_for(
    alert: CapAlert,
    bulletin_id: str,
    zones: tuple[str, ...],
    duration_s: float,
    now: datetime,
    repeat: int = 3,
    gap: timedelta = timedelta(minutes=10),
    tz: str | tzinfo = "Asia/Ho_Chi_Minh",
) -> Booking:
    """The booking an Actual alert makes: emergencies at once, others in the next slots until expiry.

    Its days are the zones' local days (`tz`): at 00:48 in Hà Nội the alert starts today there,
    not on the UTC date, which is already yesterday locally.

    :raises CapError: for an alert that must not reach public speakers.
    """
    if not alert.public:
        raise CapError(f"CAP alert {alert.identifier} has status {alert.status} / scope {alert.scope}: not for public speakers")
    if alert.msg_type == "Cancel":
        raise CapError("a Cancel alert makes no booking; it withdraws the alerts it references")
    priority = alert.priority
    expires = alert.expires
    zone_tz = ZoneInfo(tz) if isinstance(tz, str) else tz
    local_day = now.astimezone(zone_tz).date()
    return Booking(
        id=f"cap:{alert.key}",
        bulletin_id=bulletin_id,
        zones=zones,
        duration_s=duration_s,
        starts_on=local_day,
        priority=priority,
        rule="" if priority is Priority.EMERGENCY else "FREQ=DAILY",
        until=expires.astimezone(zone_tz).date() if expires else local_day + timedelta(days=1),
        repeat=repeat if priority is Priority.EMERGENCY else 1,
        gap=gap if priority is Priority.EMERGENCY else timedelta(0),
        at=now if priority is Priority.EMERGENCY else None,
        until_at=expires.astimezone(UTC) if expires else None,  # the store keeps UTC (SQLite drops offsets)
        title=alert.infos[0].headline or alert.infos[0].event if alert.infos else alert.identifier,
        created_at=now.replace(tzinfo=None),
    )
