"""CSV and Excel import/export of devices, zones and bookings, all-or-nothing.

An import reads every row, reports every bad one with its line number (the spreadsheet's row:
the header is line 1) and writes nothing until the whole file is clean. Export writes the same
columns, so an exported file can be edited and imported back.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.errors import AppError
from broadcaster.store.models import BookingRow, DeviceRow, ZoneRow
from broadcaster.web.cells import append_row, csv_row, unescape

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
SLOT_RE = re.compile(r"^(\d{1,2}:\d{2})(?::00)?(?:/(\d+(?:\.\d+)?))?$")  # a cell typed as a time: 07:00:00
QUIET_RE = re.compile(r"^(\d{1,2}:\d{2})(?::00)?-(\d{1,2}:\d{2})(?::00)?$")
log = logging.getLogger(__name__)
MAX_ROWS = 20_000
MAX_BYTES = 10 * 1024 * 1024

COLUMNS: dict[str, list[str]] = {
    "loa": ["ma_loa", "vung", "ten"],
    "vung": [
        "ma_vung",
        "ten",
        "xa",
        "mui_gio",
        "khung_gio",
        "gio_yen_tinh",
        "ngon_ngu",
        "toi_da_luot_ngay",
        "ho_thanh_thi",
        "ho_nong_thon",
    ],
    "lich": ["ma", "ban_tin", "vung", "tu_ngay", "den_ngay", "khung_gio", "lap_lai", "loai", "da_rut"],
}
REQUIRED = {"loa": ["ma_loa", "vung"], "vung": ["ma_vung", "xa"], "lich": ["ban_tin", "vung", "tu_ngay"]}


class ImportRefused(AppError):
    """The file has bad rows; nothing was imported. `problems` lists (line, Vietnamese reason)."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        super().__init__(f"{len(problems)} bad rows", "import.refused", count=len(problems))
        self.problems = problems


@dataclass
class Parsed:
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def read_table(filename: str, data: bytes, kind: str) -> Parsed:
    """Rows keyed by the expected column names, with their line numbers."""
    if len(data) > MAX_BYTES:
        raise ImportRefused([(0, f"Tệp lớn hơn {MAX_BYTES // 1024 // 1024} MB.")])
    if filename.lower().endswith(".xlsx"):
        table = _xlsx(data)
    elif filename.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportRefused([(0, "Tệp CSV phải lưu ở dạng UTF-8.")]) from exc
        table = list(csv.reader(io.StringIO(text)))
    else:
        raise ImportRefused([(0, "Chỉ nhận tệp .csv hoặc .xlsx.")])
    if not table:
        raise ImportRefused([(1, "Tệp trống.")])
    header = [column_key(h) for h in table[0]]
    missing = [c for c in REQUIRED[kind] if c not in header]
    if missing:
        raise ImportRefused([(1, f"Thiếu cột: {', '.join(missing)} (các cột: {', '.join(COLUMNS[kind])}).")])
    if len(table) - 1 > MAX_ROWS:
        raise ImportRefused([(0, f"Tệp có hơn {MAX_ROWS} dòng.")])
    parsed = Parsed()
    for number, raw in enumerate(table[1:], start=2):
        values = {h: cell_text(v) for h, v in zip(header, raw)}
        if not any(values.values()):
            continue
        parsed.rows.append((number, values))
    return parsed


def column_key(header: Any) -> str:
    """A column by its key or its Vietnamese heading: "Mã loa" → ma_loa, "Tối đa lượt/ngày" → toi_da_luot_ngay."""
    import unicodedata

    text = str(header or "").strip().replace("đ", "d").replace("Đ", "D")
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def cell_text(value: Any) -> str:
    """A cell as the text the checks read: a cell typed as a time is HH:MM, as a date YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = unescape(str(value)).strip()
    # the sheet reader hands dates and times over as ISO text: 2026-12-08T00:00:00, 07:00:00
    stamp = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}(?:\.\d+)?", text)
    if stamp:
        return stamp[1] if stamp[2] == "00:00" else f"{stamp[1]} {stamp[2]}"
    clock = re.fullmatch(r"(\d{2}:\d{2}):00(?:\.0+)?", text)
    return clock[1] if clock else text


def day_of(text: str) -> date:
    """A day written 2026-12-01 or 01/12/2026. :raises ValueError: otherwise."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    if match:
        return date(int(match[3]), int(match[2]), int(match[1]))
    return date.fromisoformat(text)


def _xlsx(data: bytes) -> list[list[Any]]:
    """The first sheet, read as documents are: zip parts checked before unpacking (a 2 MB file
    declaring a 2 GiB cell is refused at once), then parsed in a subprocess bounded in CPU,
    memory and time (`scripts.sandbox.sheet_rows`), never in the service's own process."""
    from scripts.errors import DocumentError, DocumentRefused
    from scripts.sandbox import sheet_rows
    from scripts.sheets import SheetLimits

    try:
        return sheet_rows(data, SheetLimits(max_file_bytes=MAX_BYTES, max_rows=MAX_ROWS))
    except DocumentRefused as exc:
        log.warning("spreadsheet import refused: %s", exc)
        raise ImportRefused(
            [
                (
                    0,
                    "Tệp Excel bị từ chối: tệp giải nén ra quá lớn, quá nhiều phần hoặc đọc quá lâu "
                    f"(có thể là “bom nén”). Hãy lưu lại bảng từ Excel rồi tải lên lại. Chi tiết: {exc}",
                )
            ]
        ) from exc
    except DocumentError as exc:
        raise ImportRefused([(0, "Không đọc được tệp Excel (.xlsx).")]) from exc


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


def to_csv(kind: str, rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS[kind])
    writer.writerows(csv_row(r) for r in rows)  # names typed by people never become formulas
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(kind: str, rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind)
    append_row(sheet, COLUMNS[kind])
    for row in rows:
        append_row(sheet, row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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
