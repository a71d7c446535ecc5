"""Tables that kept their cells: an HTML or DOCX copy gives each row as one line, "1 | Đến 10 m3 | 6.500".

`scripts.extract` writes a table's rows that way. Here a run of such lines becomes the one-cell-per-line form
under an "STT" header that `scripts.cells` reads back into rows: one reader for every copy of a fee table, with
its group headings ("I | Mầm non" over "1 | Thành thị | 300.000"), its units and its lead line. A run whose rows
hold no amount (a list of communes, a signature block laid out as a table) is left as it was.
"""

from __future__ import annotations

import re

from scripts.cells import NUMERIC, RATE, ROW_NUMBER

ROW = re.compile(r"^\s*\|?[^|]*\|")  # a line with at least one cell boundary
STT_HEADER = re.compile(r"^(?:STT|TT|Số TT|Số thứ tự)$", re.I)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def cells_of(line: str) -> list[str]:
    """ "| 1 | Đến 10 m3 | 6.500 |" → ["1", "Đến 10 m3", "6.500"]: a merged cell said once, empty cells kept out."""
    cells = [" ".join(c.split()) for c in line.strip().strip("|").split("|")]
    out: list[str] = []
    for cell in cells:
        if cell and (not out or cell != out[-1]):  # python-docx repeats a merged cell once per grid column
            out.append(cell)
    return out


def _amount(cell: str) -> bool:
    return bool(NUMERIC.match(cell) or RATE.match(cell))


def _numbered(row: list[str], numbered: bool) -> tuple[str, list[str]]:
    """A row's number (its STT cell, "" when the table has none) and its other cells."""
    return (row[0], row[1:]) if numbered and row and ROW_NUMBER.match(row[0]) else ("", row)


def _as_cells(rows: list[list[str]]) -> list[str] | None:
    """The run's rows as "STT", headers, then per row its number, label and amounts; None when it is no fee table."""
    header, body = rows[0], rows[1:]
    numbered = bool(STT_HEADER.match(header[0]))
    split = [_numbered(row, numbered) for row in body]
    priced = sum(any(_amount(c) for c in cells) for _, cells in split)
    if any(_amount(c) for c in header) or not priced or priced < len(body) // 2:
        return None
    out = ["STT", *(header[1:] if numbered else header)]
    groups = rows_said = 0
    for number, cells in split:
        if not cells:
            continue
        if not any(_amount(c) for c in cells):  # a group heading over the rows that follow
            out += [number or ROMAN[min(groups, len(ROMAN) - 1)], *cells[:1]]
            groups += 1
            continue
        rows_said += 1
        out += [number or str(rows_said), *cells]
    return out


def _run_end(lines: list[str], start: int) -> int:
    """The line after a run of row lines from `start`; blank lines between two rows (an HTML copy's) are in it."""
    end = last = start
    while end < len(lines) and (not lines[end].strip() or (ROW.match(lines[end]) and cells_of(lines[end]))):
        last = end + 1 if lines[end].strip() else last  # a merged row is one cell, still a row
        end += 1
    return last


def unfold(lines: list[str]) -> list[str]:
    """Each run of two or more row lines holding amounts → the same table, one cell per line."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        end = _run_end(lines, i) if ROW.match(lines[i]) else i
        rows = [cells_of(x) for x in lines[i:end] if x.strip()]
        said = _as_cells(rows) if len(rows) >= 2 else None
        if said is None:
            out.append(lines[i])
            i += 1
            continue
        out += said
        i = end
    return out
