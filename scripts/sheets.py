"""Spreadsheet (.xlsx) rows from an untrusted file, with the limits documents get.

An .xlsx is a zip of XML: two megabytes can declare a 2 GiB cell, and openpyxl read it into
memory in the service's own process, taking the whole service down. Here, as for a .docx
(`scripts.extract.check_zip`): the zip's members are checked before anything is unpacked
(count, total declared size, compression ratio of each large member), then the sheet is read
in the bounded subprocess of `scripts.sandbox` (CPU, memory, wall clock). A zip member cannot
unpack past its declared size (zipfile stops there), so the declared sizes bound what is read.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from scripts.errors import DocumentError, DocumentRefused
from scripts.limits import MB


@dataclass(frozen=True, slots=True)
class SheetLimits:
    max_file_bytes: int = 10 * MB
    max_unzipped_bytes: int = 64 * MB  # every member together, as declared
    max_members: int = 1000
    max_ratio: int = 100  # unpacked : packed, for a member over `ratio_from_bytes` (XML packs ~10:1)
    ratio_from_bytes: int = 1 * MB
    max_rows: int = 20_000
    max_columns: int = 64
    max_cell_chars: int = 32_767  # Excel's own limit on a cell
    cpu_s: int = 20
    memory_bytes: int = 768 * MB
    timeout_s: float = 40.0


def check_zip(data: bytes, limits: SheetLimits) -> None:
    """Refuse a workbook whose parts would unpack too large or too suddenly, before unpacking any.

    :raises DocumentRefused: over a limit (a bomb?). :raises DocumentError: not a zip at all.
    """
    if len(data) > limits.max_file_bytes:
        raise DocumentRefused(f"the workbook is {len(data) / MB:,.1f} MB, more than {limits.max_file_bytes / MB:,.0f} MB")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocumentError(f"not a readable .xlsx file ({exc})") from exc
    if len(members) > limits.max_members:
        raise DocumentRefused(f"the workbook has {len(members)} parts, more than {limits.max_members}")
    declared = sum(m.file_size for m in members)
    if declared > limits.max_unzipped_bytes:
        raise DocumentRefused(
            f"the workbook would unpack to {declared / MB:,.0f} MB, more than {limits.max_unzipped_bytes / MB:,.0f} MB"
        )
    for m in members:
        if m.file_size > limits.ratio_from_bytes and m.file_size > limits.max_ratio * max(m.compress_size, 1):
            raise DocumentRefused(
                f"part {m.filename} unpacks {m.file_size // max(m.compress_size, 1)} times its size (a zip bomb?)"
            )


def _cell(value: Any, limits: SheetLimits) -> Any:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    text = str(value)
    if len(text) > limits.max_cell_chars:
        raise DocumentRefused(f"a cell holds {len(text):,} characters, more than {limits.max_cell_chars:,}")
    return text


def read_rows(data: bytes, limits: SheetLimits) -> list[list[Any]]:
    """The first sheet's rows (values only), in this process: call it through `scripts.sandbox.sheet_rows`."""
    from openpyxl import load_workbook

    check_zip(data, limits)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except MemoryError:
        raise
    except zlib.error as exc:
        raise _out_of_memory(exc) or DocumentError(f"not a readable .xlsx file ({exc})") from exc
    except Exception as exc:  # openpyxl raises zipfile, lxml and KeyError types for a broken file
        raise DocumentError(f"not a readable .xlsx file ({type(exc).__name__})") from exc
    try:
        if not book.worksheets:
            return []
        rows = []
        try:
            for row in book.worksheets[0].iter_rows(values_only=True, max_row=limits.max_rows + 2, max_col=limits.max_columns):
                cells = [_cell(v, limits) for v in row]
                while cells and cells[-1] is None:  # max_col pads every row to the widest allowed
                    cells.pop()
                rows.append(cells)
        except zlib.error as exc:
            raise _out_of_memory(exc) or DocumentError(f"not a readable .xlsx file ({exc})") from exc
        return rows
    finally:
        book.close()


def _out_of_memory(exc: zlib.error) -> MemoryError | None:
    """zlib reports memory it could not get as an error of its own ("Error -4 …", Z_MEM_ERROR), not as
    MemoryError: under the sandbox's memory limit that is the bomb being stopped, not a damaged file."""
    text = str(exc)
    return MemoryError(text) if text.startswith("Error -4 ") or "memory" in text.lower() else None
