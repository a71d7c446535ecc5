"""Spreadsheet exports that cannot run formulas (OWASP "CSV injection").

A title, zone or commune name typed as `=HYPERLINK(…)`, `+cmd|…`, `-1+1`, `@SUM(…)`, or starting
with a tab or carriage return, became a live formula in /thong-ke.xlsx and the CSV exports.
CSV cells starting with one of these get a leading apostrophe (spreadsheets then read text);
XLSX cells are written as typed strings, never formulas, so they read exactly as typed.
The imports strip the apostrophe again, so an exported file imports back unchanged.
"""

from __future__ import annotations

from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV value that a spreadsheet reads as text, never as a formula."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def csv_row(values: list[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


def unescape(value: str) -> str:
    """What was typed, from a CSV cell `csv_cell` escaped."""
    if value.startswith("'") and value[1:].startswith(TRIGGERS):
        return value[1:]
    return value


def append_row(sheet: Any, values: list[Any]) -> None:
    """Append to an openpyxl sheet (normal or write-only) with every string a string cell."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cells = []
    for value in values:
        if isinstance(value, str):  # control characters XML cannot hold would fail the whole export
            value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # openpyxl makes "=…" a formula otherwise
        cells.append(cell)
    sheet.append(cells)
