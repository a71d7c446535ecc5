"""A spreadsheet file in and out: a CSV or Excel file read into rows keyed by column (Vietnamese
headings, time and date cells, size limits, zip bombs refused), and rows written back, formulas
escaped. What the rows mean — devices, zones, bookings — is `web.admin_io`'s.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from broadcaster.errors import AppError
from broadcaster.web.cells import append_row, csv_row, unescape

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
