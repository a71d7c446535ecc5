"""CSV and Excel import/export of devices, zones and bookings, all-or-nothing (the files
themselves are read and written by `web.spreadsheets`).

An import reads every row, reports every bad one with its line number (the spreadsheet's row:
the header is line 1) and writes nothing until the whole file is clean. Export writes the same
columns, so an exported file can be edited and imported back.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.store.models import BookingRow, DeviceRow, ZoneRow
from broadcaster.web.spreadsheets import ImportRefused, Parsed, column_key, day_of

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
SLOT_RE = re.compile(r"^(\d{1,2}:\d{2})(?::00)?(?:/(\d+(?:\.\d+)?))?$")  # a cell typed as a time: 07:00:00
QUIET_RE = re.compile(r"^(\d{1,2}:\d{2})(?::00)?-(\d{1,2}:\d{2})(?::00)?$")


def import_devices(session: Session, parsed: Parsed) -> tuple[int, int]:
    """Add or move devices; returns (added, updated). :raises ImportRefused: with every bad row."""
    zones = {z.id for z in session.scalars(select(ZoneRow))}
    problems = list(parsed.problems)
    seen: dict[str, int] = {}
    good = []
    for line, row in parsed.rows:
        device, zone = row.get("ma_loa", ""), row.get("vung", "")
        bad = []  # every problem of the row, not only the first
        if not ID_RE.match(device):
            bad.append(f"Mã loa “{device}” không hợp lệ (chữ, số, . _ -; tối đa 64 ký tự).")
        elif device in seen:
            bad.append(f"Mã loa {device} trùng với dòng {seen[device]}.")
        else:
            seen[device] = line
        if zone not in zones:
            bad.append(f"Không có vùng “{zone}”.")
        problems += [(line, b) for b in bad]
        if not bad:
            good.append((device, zone, row.get("ten", "") or device))
    if problems:
        raise ImportRefused(sorted(problems))
    existing = {d.id: d for d in session.scalars(select(DeviceRow))}
    added = updated = 0
    for device, zone, name in good:
        found = existing.get(device)
        if found is None:
            session.add(DeviceRow(id=device, zone_id=zone, name=name))
            added += 1
        elif (found.zone_id, found.name) != (zone, name):
            found.zone_id, found.name = zone, name
            updated += 1
    return added, updated


def zone_values(row: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """A zone's fields from text cells, and what is wrong with them (in Vietnamese)."""
    problems: list[str] = []
    slots, quiet = [], []
    for part in filter(None, (p.strip() for p in row.get("khung_gio", "").split(";"))):
        match = SLOT_RE.match(part)
        if not match or not _is_time(match[1]):
            problems.append(f"Khung giờ “{part}” phải có dạng 07:00/15 (giờ/số phút).")
            continue
        slots.append({"start": time.fromisoformat(match[1].zfill(5)).strftime("%H:%M"), "minutes": float(match[2] or 15)})
    for part in filter(None, (p.strip() for p in row.get("gio_yen_tinh", "").split(";"))):
        match = QUIET_RE.match(part)
        if not match or not (_is_time(match[1]) and _is_time(match[2])):
            problems.append(f"Giờ yên tĩnh “{part}” phải có dạng 22:00-05:00.")
            continue
        quiet.append({"start": match[1].zfill(5), "end": match[2].zfill(5)})
    tz = row.get("mui_gio") or "Asia/Ho_Chi_Minh"
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"Múi giờ “{tz}” không tồn tại.")
    numbers: dict[str, int] = {}
    for key, label, default in (
        ("toi_da_luot_ngay", "Số lượt tối đa mỗi ngày", 10),
        ("ho_thanh_thi", "Số hộ thành thị", 0),
        ("ho_nong_thon", "Số hộ nông thôn", 0),
    ):
        text = row.get(key, "") or str(default)
        try:
            numbers[key] = int(float(text))
            if numbers[key] < 0:
                raise ValueError(text)
        except ValueError:
            problems.append(f"{label} phải là số không âm (không phải “{text}”).")
    values = {
        "name": row.get("ten") or row.get("ma_vung", ""),
        "commune": row.get("xa", ""),
        "timezone": tz,
        "slots": slots,
        "quiet": quiet,
        "languages": [x.strip() for x in (row.get("ngon_ngu") or "vi").split(",") if x.strip()],
        "max_plays_per_day": numbers.get("toi_da_luot_ngay", 10),
        "households_urban": numbers.get("ho_thanh_thi", 0),
        "households_rural": numbers.get("ho_nong_thon", 0),
    }
    if not values["commune"]:
        problems.append("Thiếu tên xã.")
    return values, problems


def _is_time(text: str) -> bool:
    try:
        time.fromisoformat(text.zfill(5))
    except ValueError:
        return False
    return True


def import_zones(session: Session, parsed: Parsed) -> tuple[int, int]:
    problems = list(parsed.problems)
    seen: dict[str, int] = {}
    good = []
    for line, row in parsed.rows:
        zone = row.get("ma_vung", "")
        if not ID_RE.match(zone):
            problems.append((line, f"Mã vùng “{zone}” không hợp lệ."))
            continue
        if zone in seen:
            problems.append((line, f"Mã vùng {zone} trùng với dòng {seen[zone]}."))
            continue
        seen[zone] = line
        values, bad = zone_values(row)
        problems += [(line, b) for b in bad]
        good.append((line, zone, values))
    from broadcaster.app import communes

    known = {c.id: c.id for c in communes.listing(session)}
    for c in communes.listing(session):
        known.setdefault(communes.folded(c.name or c.id), c.id)
    for line, _zone, values in good:
        text = " ".join(str(values["commune"]).split())
        found = known.get(text) or known.get(communes.folded(text))
        if found is not None:
            values["commune"] = found  # "Tân Lập" is the commune tan-lap
        elif not communes.ID_RE.match(text):
            problems.append(
                (line, f"Xã “{text}” không có trong danh sách; mã xã mới chỉ gồm chữ thường không dấu, số và gạch nối.")
            )
    if problems:
        raise ImportRefused(sorted(problems, key=lambda p: (p[0] or 0, p[1])))
    added = updated = 0
    for _line, zone, values in good:
        communes.ensure(session, values["commune"])
        current = session.get(ZoneRow, zone)
        if current is None:
            session.add(ZoneRow(id=zone, **values))
            added += 1
        else:
            for key, value in values.items():
                setattr(current, key, value)
            updated += 1
    return added, updated


def zone_cells(z: ZoneRow) -> dict[str, str]:
    """A stored zone as the zone form's cells (to edit it)."""
    return {
        "ma_vung": z.id,
        "ten": z.name,
        "xa": z.commune,
        "mui_gio": z.timezone,
        "khung_gio": ";".join(f"{str(s['start'])[:5]}/{float(s.get('minutes', 15)):g}" for s in z.slots or []),
        "gio_yen_tinh": ";".join(f"{str(q['start'])[:5]}-{str(q['end'])[:5]}" for q in z.quiet or []),
        "ngon_ngu": ",".join(z.languages or []),
        "toi_da_luot_ngay": str(z.max_plays_per_day),
        "ho_thanh_thi": str(z.households_urban),
        "ho_nong_thon": str(z.households_rural),
    }


def quiet_slot_warning(z: ZoneRow) -> str:
    """Slots that start inside the zone's quiet hours: normal bulletins will not play there."""

    def minutes(text: str) -> int:
        hour, minute = text.split(":")[:2]
        return int(hour) * 60 + int(minute)

    inside = []
    for slot in z.slots or []:
        at = minutes(slot["start"])
        for q in z.quiet or []:
            start, end = minutes(q["start"]), minutes(q["end"])
            if (start <= at < end) if start <= end else (at >= start or at < end):
                inside.append(f"{slot['start']} (giờ yên tĩnh {q['start']}–{q['end']})")
                break
    if not inside:
        return ""
    return (
        "Lưu ý: khung giờ " + ", ".join(inside) + " nằm trong giờ yên tĩnh, bản tin thường sẽ không phát vào đó "
        "(chỉ bản tin khẩn cấp); hãy đổi khung giờ hoặc giờ yên tĩnh nếu không cố ý."
    )


def export_rows(session: Session, kind: str) -> list[list[Any]]:
    if kind == "loa":
        return [[d.id, d.zone_id, d.name] for d in session.scalars(select(DeviceRow).order_by(DeviceRow.id))]
    if kind == "vung":
        return [
            [
                z.id,
                z.name,
                z.commune,
                z.timezone,
                ";".join(f"{s['start']}/{float(s.get('minutes', 15)):g}" for s in z.slots or []),
                ";".join(f"{q['start']}-{q['end']}" for q in z.quiet or []),
                ",".join(z.languages or []),
                z.max_plays_per_day,
                z.households_urban,
                z.households_rural,
            ]
            for z in session.scalars(select(ZoneRow).order_by(ZoneRow.id))
        ]
    return [
        [
            b.id,
            b.bulletin_id,
            ",".join(b.zones),
            b.starts_on.isoformat(),
            b.until.isoformat() if b.until else "",
            b.slot or "",
            b.rule,
            b.priority,
            "có" if b.withdrawn else "",
        ]
        for b in session.scalars(select(BookingRow).order_by(BookingRow.id))
    ]


def import_bookings(session: Session, parsed: Parsed, actor: Any, now: datetime, tz: str) -> tuple[int, int]:
    """Book every row through `bookings.create`, the booking form's own checks; all rows or none.

    Rows are booked in order in the caller's transaction, so a row is also checked against the
    rows above it; a refused row writes nothing, and any refusal raises `ImportRefused` with each
    problem said as the form says it (the caller rolls the accepted rows back).
    """
    from broadcaster.app import bookings
    from broadcaster.app.messages import explain
    from broadcaster.app.workflow import WorkflowError
    from schedules.messages import vietnamese
    from schedules.model import ScheduleError

    problems = list(parsed.problems)
    booked = 0
    for line, row in parsed.rows:
        bad = []  # every problem of the row, not only the first
        starts = until = None
        bulletin = 0
        try:
            starts = day_of(row.get("tu_ngay", ""))
        except ValueError:
            bad.append(f"Từ ngày “{row.get('tu_ngay', '')}” phải có dạng 01/12/2026 hoặc 2026-12-01.")
        try:
            until = day_of(row["den_ngay"]) if row.get("den_ngay") else None
        except ValueError:
            bad.append(f"Đến ngày “{row.get('den_ngay', '')}” phải có dạng 01/12/2026 hoặc 2026-12-01.")
        try:
            bulletin = int(row.get("ban_tin", ""))
        except ValueError:
            bad.append(f"Bản tin “{row.get('ban_tin', '')}” phải là số bản tin (ví dụ 12).")
        if row.get("khung_gio") and not SLOT_RE.match(row["khung_gio"]):
            bad.append(f"Khung giờ “{row['khung_gio']}” phải là giờ, ví dụ 07:00.")
        if bad or starts is None:
            problems += [(line, b) for b in bad]
            continue
        zones = tuple(z.strip() for z in row.get("vung", "").split(",") if z.strip())
        slot = row.get("khung_gio", "")[:5] or None
        kinds = {"thuong": "normal", "uu_tien": "priority", "khan_cap": "emergency"}
        kind = kinds.get(column_key(row.get("loai", "")), row.get("loai") or "normal")
        ask = bookings.Ask(bulletin, zones, starts, slot, row.get("lap_lai", ""), until, kind)
        try:
            bookings.create(session, actor, ask, now, tz)
            booked += 1
        except bookings.BookingRefused as refused:
            problems.extend((line, vietnamese(problem)) for problem in refused.problems)
        except (WorkflowError, ScheduleError, ValueError, LookupError) as exc:  # each refusal: a line of the report
            problems.append((line, explain(exc).text))
    if problems:
        raise ImportRefused(sorted(problems))
    return booked, 0
