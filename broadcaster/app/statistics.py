"""Statistics a commune reports to the province: planned vs played, coverage, uptime, residents reached.

Everything is computed from what was kept as it happened: plays as they were planned when due
(`planned_plays`), proof of play with the zone the device was in and whether it was cut short,
and presence/telemetry samples. Editing a zone later changes none of it.

Residents reached: a zone's households (urban and rural apart) count as reached in the share of
its speakers that played at least once in the period. The programme's targets (urban/rural)
are 80%/60% by 2027 and 90%/70% by 2030.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app.planning import aware
from broadcaster.store.models import Bulletin, DeviceRow, DeviceSample, PlannedPlay, PlayReport, ZoneRow
from devices.protocol import parse_iso
from schedules.planner import Plan

TARGETS = {2027: {"urban": 0.80, "rural": 0.60}, 2030: {"urban": 0.90, "rural": 0.70}}
STALE_S = 15 * 60  # a device silent for longer than this (no LWT seen) is counted offline
INTERRUPTED_SHARE = 0.95  # a play shorter than this share of the item is reported interrupted


EARLY_S = 15 * 60  # a device clock may run this far ahead of the slot (it is told its offset)
LATE_S = 24 * 3600  # an item planned this long before is not played any more
OVERRUN_S = 60  # beyond the media's own duration


def plausibility(planned_zone: str, starts_at: datetime, duration_ms: int, body: dict[str, Any], zone: str | None) -> str:
    started, ended = parse_iso(body["started"]), parse_iso(body["ended"])
    slot = starts_at.timestamp()
    if zone is not None and zone != planned_zone:
        return f"item of zone {planned_zone}, device in {zone}"
    if started < slot - EARLY_S:
        return f"started {(slot - started) / 60:.0f} min before its slot"
    if started > slot + LATE_S:
        return "started a day after its slot"
    limit_s = duration_ms / 1000 + OVERRUN_S
    if duration_ms and (ended - started > limit_s or int(body.get("played_ms") or 0) / 1000 > limit_s):
        return (
            f"lasted {max(ended - started, int(body.get('played_ms') or 0) / 1000):.0f} s, the media {duration_ms / 1000:.0f} s"
        )
    return ""


def aware_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def counted(report: PlayReport, planned: PlannedPlay | None, zone: str) -> bool:
    """Whether a stored proof of play counts: a plausible play of an item that was planned
    (a device cannot add plays, coverage or speakers with items it made up)."""
    if planned is None:
        return False
    body = {
        "started": aware_utc(report.started).isoformat(),
        "ended": aware_utc(report.ended).isoformat(),
        "played_ms": report.played_ms,
    }
    return not plausibility(planned.zone_id, aware_utc(planned.starts_at), planned.duration_ms, body, zone)


def record_due(session: Session, plan: Plan, now: datetime) -> int:
    """Keep every planned item that has become due and is not kept yet; returns how many."""
    due = [i for i in plan.items if i.starts_at <= now]
    if not due:
        return 0
    known = set(session.scalars(select(PlannedPlay.item_id).where(PlannedPlay.item_id.in_([i.id for i in due]))))
    communes = {z.id: z.commune for z in session.scalars(select(ZoneRow))}
    added = 0
    for item in due:
        if item.id in known:
            continue
        session.add(
            PlannedPlay(
                item_id=item.id,
                zone_id=item.zone,
                commune=communes.get(item.zone, ""),
                bulletin_id=item.bulletin_id,
                title=item.title,
                starts_at=item.starts_at,
                duration_ms=int(item.duration_s * 1000),
            )
        )
        added += 1
    return added


def uptime(samples: list[tuple[datetime, bool]], start: datetime, end: datetime, before: bool = False) -> float:
    """Share of [start, end) a device was online, from its samples in time order.

    `before` is its state at `start` (the last sample before the period). A device that goes
    silent without saying so counts as online for STALE_S after its last sample, then offline.
    """
    total = (end - start).total_seconds()
    if total <= 0:
        return 0.0
    online_s = 0.0
    cursor, state = start, before
    last_heard = start if before else None
    for at, online in samples:
        at = max(min(at, end), start)
        if state and last_heard is not None:
            online_s += max(0.0, (min(at, last_heard + timedelta(seconds=STALE_S)) - cursor).total_seconds())
        cursor, state = at, online
        last_heard = at
    if state and last_heard is not None:
        online_s += max(0.0, (min(end, last_heard + timedelta(seconds=STALE_S)) - cursor).total_seconds())
    return min(1.0, online_s / total)


@dataclass
class Period:
    first: date
    last: date
    tz: str = "Asia/Ho_Chi_Minh"

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time(0), ZoneInfo(self.tz)).astimezone(UTC)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time(0), ZoneInfo(self.tz)).astimezone(UTC)


@dataclass
class Stats:
    period: Period
    bulletins: list[dict[str, Any]] = field(default_factory=list)
    zones: list[dict[str, Any]] = field(default_factory=list)
    speakers: list[dict[str, Any]] = field(default_factory=list)
    reach: dict[str, Any] = field(default_factory=dict)


def statistics(session: Session, communes: list[str] | None, period: Period, now: datetime | None = None) -> Stats:
    """The statistics of some communes (None: the whole province) over a period."""
    now = now or datetime.now(UTC)
    start, end = period.start, min(period.end, now) if period.start < now else period.end
    zones = [
        z
        for z in session.scalars(select(ZoneRow).order_by(ZoneRow.commune, ZoneRow.id))
        if communes is None or z.commune in communes
    ]
    zone_ids = {z.id for z in zones}
    devices = [d for d in session.scalars(select(DeviceRow).order_by(DeviceRow.id)) if d.zone_id in zone_ids]
    planned = [
        p
        for p in session.scalars(
            select(PlannedPlay).where(PlannedPlay.starts_at >= period.start, PlannedPlay.starts_at < period.end)
        )
        if p.zone_id in zone_ids
    ]
    reports = _counted_reports(session, period, zone_ids)
    out = Stats(period)
    out.bulletins = _bulletins(session, planned, reports)
    out.zones = _zones(zones, devices, planned, reports)
    out.speakers = _speakers(session, devices, start, end)
    out.reach = _reach(out.zones)
    return out


def _counted_reports(session: Session, period: Period, zone_ids: set[str]) -> list[tuple[str, PlayReport]]:
    """The plausible plays of planned items in these zones over the period, each with the zone it played in."""
    current_zone = {d.id: d.zone_id for d in session.scalars(select(DeviceRow))}
    stored = list(session.scalars(select(PlayReport).where(PlayReport.started >= period.start, PlayReport.started < period.end)))
    items = {r.item_id for r in stored}
    known = {p.item_id: p for p in session.scalars(select(PlannedPlay).where(PlannedPlay.item_id.in_(items)))} if items else {}
    reports = []
    for r in stored:
        zone = r.zone_id or current_zone.get(r.device_id, "")  # rows from before zones were kept
        if zone in zone_ids and counted(r, known.get(r.item_id), zone):
            reports.append((zone, r))
    return reports


def _zones(
    zones: list[ZoneRow], devices: list[DeviceRow], planned: list[PlannedPlay], reports: list[tuple[str, PlayReport]]
) -> list[dict[str, Any]]:
    played_by_zone: dict[str, set[str]] = defaultdict(set)
    for zone, r in reports:
        played_by_zone[zone].add(r.device_id)
    speakers_by_zone: dict[str, set[str]] = defaultdict(set)
    for d in devices:
        speakers_by_zone[d.zone_id].add(d.id)
    for zone, r in reports:  # a device moved away since still counts where it played
        speakers_by_zone[zone].add(r.device_id)
    planned_by_zone: dict[str, int] = defaultdict(int)
    for p in planned:
        planned_by_zone[p.zone_id] += 1
    # coverage counts speakers that played: each planned play × each speaker of its zone
    heard: dict[str, set[str]] = defaultdict(set)  # item → devices that played it
    for _zone, r in reports:
        heard[r.item_id].add(r.device_id)
    out = []
    for z in zones:
        speakers = len(speakers_by_zone[z.id])
        zone_items = [p for p in planned if p.zone_id == z.id]
        if zone_items and speakers:
            played = sum(len(heard[p.item_id] & speakers_by_zone[z.id]) for p in zone_items)
            coverage = played / (len(zone_items) * speakers)
        else:  # nothing planned: the share of speakers that played at all
            coverage = len(played_by_zone[z.id]) / speakers if speakers else 0.0
        out.append(
            {
                "id": z.id,
                "name": z.name,
                "commune": z.commune,
                "speakers": speakers,
                "played": len(played_by_zone[z.id]),
                "coverage": coverage,
                "planned": planned_by_zone[z.id],
                "plays": sum(1 for zone, _ in reports if zone == z.id),
                "urban": z.households_urban or 0,
                "rural": z.households_rural or 0,
            }
        )
    return out


def _bulletins(session: Session, planned: list[PlannedPlay], reports: list[tuple[str, PlayReport]]) -> list[dict[str, Any]]:
    expected = {p.item_id: p.duration_ms for p in planned}
    rows: dict[str, dict[str, Any]] = {}

    def row(bulletin: str, title: str = "") -> dict[str, Any]:
        if bulletin not in rows:
            rows[bulletin] = {
                "bulletin": bulletin,
                "title": title,
                "planned": 0,
                "played": 0,
                "device_plays": 0,
                "interrupted": 0,
                "interrupted_s": 0.0,
            }
        return rows[bulletin]

    played_items: set[str] = set()
    for p in planned:
        row(p.bulletin_id, p.title)["planned"] += 1
    for _zone, r in reports:
        entry = row(r.bulletin_id)
        entry["device_plays"] += 1
        played_items.add(r.item_id)
        seconds = (
            r.played_ms / 1000 if r.played_ms else ((aware(r.ended) or r.ended) - (aware(r.started) or r.started)).total_seconds()
        )
        full = expected.get(r.item_id, 0) / 1000
        if r.outcome == "interrupted" or (full and seconds < full * INTERRUPTED_SHARE):
            entry["interrupted"] += 1
            entry["interrupted_s"] += seconds
    for p in planned:
        if p.item_id in played_items:
            rows[p.bulletin_id]["played"] += 1
    for entry in rows.values():
        if not entry["title"] and entry["bulletin"].isdigit():
            bulletin = session.get(Bulletin, int(entry["bulletin"]))
            entry["title"] = bulletin.title if bulletin else ""
    return sorted(rows.values(), key=lambda e: (-e["planned"], e["bulletin"]))


def _speakers(session: Session, devices: list[DeviceRow], start: datetime, end: datetime) -> list[dict[str, Any]]:
    ids = [d.id for d in devices]
    samples: dict[str, list[tuple[datetime, bool]]] = defaultdict(list)
    query = (
        select(DeviceSample)
        .where(DeviceSample.device_id.in_(ids), DeviceSample.at >= start, DeviceSample.at < end)
        .order_by(DeviceSample.at)
    )
    for s in session.scalars(query):
        samples[s.device_id].append((aware(s.at) or s.at, s.online))
    out = []
    for d in devices:
        before = session.scalars(
            select(DeviceSample)
            .where(DeviceSample.device_id == d.id, DeviceSample.at < start)
            .order_by(DeviceSample.at.desc())
            .limit(1)
        ).first()
        # from installation: the time before the speaker was first heard of is not counted
        first = aware(
            session.scalar(select(DeviceSample.at).where(DeviceSample.device_id == d.id).order_by(DeviceSample.at).limit(1))
        )
        share: float | None
        if first is None or first >= end:
            share = None  # not installed (or never heard) in this period
        else:
            share = uptime(samples[d.id], max(start, first), end, bool(before and before.online))
        offline_since = None
        if not d.online:
            offline_since = aware(d.last_seen)
        out.append(
            {
                "id": d.id,
                "zone": d.zone_id,
                "uptime": share,
                "samples": len(samples[d.id]),
                "online": d.online,
                "offline_since": offline_since,
            }
        )
    return out


def _reach(zones: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in ("urban", "rural"):
        households = sum(z[kind] for z in zones)
        reached = sum(z[kind] * z["coverage"] for z in zones)
        share = reached / households if households else 0.0
        out[kind] = {
            "households": households,
            "reached": round(reached),
            "share": share,
            "applies": households > 0,  # a commune without urban households: "không áp dụng", never "chưa đạt"
            "targets": {year: {"target": t[kind], "met": households > 0 and share >= t[kind]} for year, t in TARGETS.items()},
        }
    return out
