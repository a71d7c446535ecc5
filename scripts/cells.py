"""Read back tables from copies that lost their layout: one cell per line or per blank-separated paragraph.

Web and PDF copies of fee and benefit tables arrive as a run of cells. Two shapes are common:
an "STT" column (row numbers, Roman numerals for groups, "1.1" for sub-rows), or no row number
at all, each cell a paragraph separated by a blank line, its label wrapped over several lines.
Either way a row is a label followed by as many amounts as there are value columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.header import ARTICLE_RE

TABLE_MARK = "\x00TABLE:"
NUMERIC = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?:\s*(?:đ|đồng|%))?$")  # "400.000.000", "3.000.000 đ"; not "1.1"
ROW_NUMBER = re.compile(r"^(?:\d+(?:[.\s]\d+)*\.?|[IVXLC]+\.?)$")  # "1", "1.1", "9 1" (a typo), "II": the STT column
UNIT_RE = re.compile(r"^Đơn vị(?: tính)?\s*:\s*(.+?)\.?$", re.IGNORECASE)
UNIT_IN_HEADER = re.compile(r"\((đồng|nghìn đồng|triệu đồng|%)\)\s*$", re.IGNORECASE)
CLAUSE_START = re.compile(r"^[“\"]?(?:\d+\.|[a-zđ]\))\s")
MAX_HEADER_WORDS = 15
MAX_LABEL_WORDS = 80


@dataclass(slots=True)
class TableRow:
    label: str
    values: tuple[str, ...]
    quote: str  # the row as it stands in the source, whitespace-normalised


@dataclass(slots=True)
class Table:
    """A table read back into rows; `lead` is the line that introduced it ("Số tiền hỗ trợ:")."""

    headers: tuple[str, ...]
    unit: str
    rows: list[TableRow]
    clause: str | None = None
    lead: str = ""


def _value(cell: str) -> str:
    return re.sub(r"\s*/\s*", "/", re.sub(r"\s*đ$", " đồng", cell.strip()))


RATE = re.compile(r"^\d{1,3}(?:\.\d{3})+\s*(?:đ|đồng)(?:\s*/\s*[^\W\d][^/\d;:,]{0,14}){1,3}$")  # "100.000 đồng/người /buổi"


def _is_amount(cell: str) -> bool:
    return bool(NUMERIC.match(cell.strip()) or RATE.match(cell.strip()))


def _label(cell: str) -> str:
    """A row or group label as said: no trailing colon ("… đối với các đối tượng sau:"), no note after a
    semicolon ("…; danh sách đối tượng được hưởng theo quyết định …")."""
    said = re.sub(r";\s*[a-zđ].*$", "", cell.strip())  # "; Chủ tịch, …" goes on listing people: kept
    return re.sub(r"\s*(?:như sau|sau đây|sau)?\s*:$", "", said)


SPANNING = re.compile(r"^Mức (?:chi|thu|hỗ trợ|phí|trợ cấp|bồi dưỡng)\b", re.I)


def _columns(headers: list[str]) -> list[str]:
    """The headers that head a value column: a "Mức chi" over two sub-columns, and an empty "Ghi chú", do not."""
    kept = [h for h in headers if h.strip().lower() != "ghi chú"] if len(headers) > 2 else headers
    spans = [i for i, h in enumerate(kept) if i and SPANNING.match(h) and len(kept) - i - 1 >= 2]
    return [h for i, h in enumerate(kept) if i not in spans[:1]]


HEADER_UNIT = re.compile(r"\s*\((?:Đơn vị(?: tính)?\s*:\s*)?(?P<u>(?:nghìn |triệu |tỷ )?đồng[^()]*|%)\)\s*$", re.IGNORECASE)
SCALED_UNIT = {"1.000": "nghìn", "1.000.000": "triệu", "1.000.000.000": "tỷ"}


def _spoken_unit(unit: str) -> str:
    """ "1.000 đồng/trẻ/tháng" is said "nghìn đồng/trẻ/tháng": the value 190 is then 190 nghìn đồng."""
    return re.sub(r"^(1(?:\.000){1,3})\s+(?=đồng)", lambda m: SCALED_UNIT[m.group(1)] + " ", unit.strip())


def _with_column_units(table: Table) -> Table:
    """A unit written in a column heading ("Mức lương tối thiểu tháng (Đơn vị: đồng/tháng)") goes with that
    column's values, so that "5.310.000" is heard as "5.310.000 đồng/tháng" and the heading reads as words."""
    units = [m["u"] if (m := HEADER_UNIT.search(h)) else "" for h in table.headers[1:]]
    if not any(units) or (len(units) == 1 and table.unit):
        return table
    table.headers = (table.headers[0], *(HEADER_UNIT.sub("", h) for h in table.headers[1:]))
    if len(set(units)) == 1 and not table.unit:
        table.unit = units[0]
        return table
    for row in table.rows:
        row.values = tuple(
            f"{v} {u}" if u and not re.search(r"[^\d.,\s]", v) else v for v, u in zip(row.values, units, strict=False)
        )
    return table


def _row_numbers(rows: list[TableRow]) -> bool:
    """One "value" column counting 1, 2, 3 …: the STT column of a list of names, not amounts."""
    values = [r.values[0] for r in rows if len(r.values) == 1]
    if len(values) != len(rows) or not all(v.isdigit() for v in values):
        return False
    return [int(v) for v in values] == list(range(int(values[0]), int(values[0]) + len(values)))


def extract_tables(lines: list[str]) -> tuple[list[str], list[Table]]:
    """Replace each flattened table by a marker line; the tables are returned in order."""
    out, tables = _stt_tables(lines)
    return _paragraph_tables(out, tables)


def _cells(lines: list[str], start: int) -> list[tuple[str, int]]:
    """The cells after `start` with the line each ends after: paragraphs when blank lines part them."""
    if start < len(lines) and not lines[start].strip():
        return [(text, end) for _, end, text in _paragraphs(lines[start:])]
    return [(line.strip(), i + 1) for i, line in enumerate(lines[start:]) if line.strip()]


def _stt_tables(lines: list[str]) -> tuple[list[str], list[Table]]:
    """Tables with an "STT" header, then one cell per line (or per blank-separated paragraph)."""
    out: list[str] = []
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if lines[i].strip().upper() != "STT":
            out.append(lines[i])
            i += 1
            continue
        cells = _cells(lines, i + 1)
        headers: list[str] = []
        for cell, _ in cells:
            if _is_amount(cell) or ROW_NUMBER.match(cell) or len(headers) > 8:
                break
            headers.append(cell)
        table, used = _read_stt(_columns(headers), [c for c, _ in cells[len(headers) :]], _unit(out, headers))
        if table is not None and _row_numbers(table.rows):
            table = None
        if table is None:
            out.append(lines[i])
            i += 1
            continue
        _drop_unit_line(out)
        table.lead = _lead(out)
        out.append(f"{TABLE_MARK}{len(tables)}")
        tables.append(_with_column_units(table))
        i = i + 1 + cells[len(headers) + used - 1][1]
    return out, tables


def _unit(before: list[str], headers: list[str]) -> str:
    for line in reversed([x for x in before[-3:] if x.strip()]):
        if m := UNIT_RE.match(line.strip()):
            return _spoken_unit(m.group(1))
    if len(headers) == 2 and (m := UNIT_IN_HEADER.search(headers[1])):
        return m.group(1)
    return ""


def _drop_unit_line(before: list[str]) -> None:
    """The "Đơn vị tính: …" line above a table is the table's unit (read with each value), not a sentence."""
    filled = [i for i, x in enumerate(before) if x.strip()][-3:]
    for i in reversed(filled):
        if UNIT_RE.match(before[i].strip()):
            del before[i]
            return


APPENDIX_TITLE = re.compile(r"^(?:MỨC|GIÁ|HỌC PHÍ|PHÍ|LỆ PHÍ)\s[^\d():;]{3,80}$")  # "MỨC THU HỌC PHÍ" over an appendix's table


def _lead(before: list[str]) -> str:
    """The line that introduces the table ("“1. Số tiền hỗ trợ:"), without its marker; for an appendix's table, the
    appendix's title in capitals ("MỨC THU HỌC PHÍ" → "Mức thu học phí"), when it says what the amounts are."""
    filled = [x.strip() for x in before if x.strip()]
    last = filled[-1] if filled else ""
    if not last.endswith(":") or UNIT_RE.match(last):
        title = next((x for x in reversed(filled[-3:]) if APPENDIX_TITLE.match(x) and x.isupper()), "")
        return title[:1] + title[1:].lower()
    return re.sub(r"^[“\"]?(?:\d+\.|[a-zđ]\))?\s*", "", last)


THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?\b")  # "40.000": an amount, never a row number
MAX_SCAN = 400  # cells looked at to learn how a table writes its amounts
UNIT_COLUMN = re.compile(r"^(?:Đơn vị tính|ĐVT)$", re.I)
MONEY_UNIT = re.compile(r"^(?:nghìn |triệu |tỷ )?đồng\b", re.I)


def _read_stt(headers: list[str], cells: list[str], unit: str) -> tuple[Table | None, int]:
    """Rows under their group headings; an "Đơn vị tính" column gives each row's amount its own unit."""
    unit_column = any(UNIT_COLUMN.match(h.strip()) for h in headers)
    headers = [h for h in headers if not UNIT_COLUMN.match(h.strip())]
    columns = len(headers) - 1
    if columns < 1:
        return None, 0
    # a table's amounts share one form: where they are "40.000", a bare "1" after a heading is the next row's number
    bare = not any(THOUSANDS.match(c.strip()) for c in cells[:MAX_SCAN])
    rows: list[TableRow] = []
    groups: dict[int, str] = {}  # the group heading at each level of the STT numbering ("3", "3.1")
    level = used = k = 0
    while k < len(cells):
        cell = cells[k].strip()
        if CLAUSE_START.match(cell) or ARTICLE_RE.match(cell):
            break
        row_unit = cells[k + 1].strip() if unit_column and k + 1 < len(cells) and not _is_amount(cells[k + 1]) else ""
        values = cells[k + 1 + bool(row_unit) : k + 1 + bool(row_unit) + columns]
        if not _is_amount(cell) and not cell.isupper() and _row_values(values, columns, bare):
            group = groups[max(groups)] if groups else ""
            label = f"{group} – {_label(cell)}" if group else _label(cell)
            amounts = tuple(f"{_value(v)} {row_unit}" if MONEY_UNIT.match(row_unit) else _value(v) for v in values)
            quote = " ".join([cell, *([row_unit] if row_unit else []), *(v.strip() for v in values)])
            rows.append(TableRow(label, amounts, quote))
            k, level = k + 1 + bool(row_unit) + columns, 0
        elif ROW_NUMBER.match(cell):
            level = _level(cell)  # a new numbered item ends the groups at its level and below
            groups = {n: g for n, g in groups.items() if n < level}
            k += 1
        elif _is_amount(cell) or cell[:1].isdigit():
            k += 1  # an amount of a row with fewer columns, or a compound one ("300.000 …; tối đa …"): not a label
        elif len(cell.split()) > MAX_HEADER_WORDS and not any(_is_amount(c) for c in cells[k + 1 : k + 5]):
            break
        else:
            said = _label(PAREN_NOTE.sub("", cell))
            if (level or not rows) and not cell.isupper() and len(said.split()) <= MAX_HEADER_WORDS:
                groups[level] = said  # the heading right after its number, not a note further down
            k, level = k + 1, 0
        used = k
    return (Table(tuple(headers), unit, rows), used) if rows else (None, 0)


def _level(number: str) -> int:
    """ "II" → 1 (a part: merged group cells), "3" → 2, "3.1" or "3 1" (a typo) → 3: how deep a row number sits."""
    number = number.rstrip(".")
    return 1 if re.fullmatch(r"[IVXLC]+", number) else len(re.split(r"[.\s]", number)) + 1


def _row_values(values: list[str], columns: int, bare: bool = True) -> bool:
    """A row's amounts are all of one kind: "5.000.000 đồng/báo cáo" then "3" is an amount and the next row's number."""
    kinds = {bool(RATE.match(v.strip())) for v in values}
    numbers = not bare and any(ROW_NUMBER.match(v.strip()) and not THOUSANDS.match(v.strip()) for v in values)
    return len(values) == columns and all(_is_amount(v) for v in values) and len(kinds) == 1 and not numbers


PAREN_NOTE = re.compile(r"\s*\([^()]*\)")


def _paragraphs(lines: list[str]) -> list[tuple[int, int, str]]:
    """(first line, line after, joined text) for each run of non-blank lines."""
    out: list[tuple[int, int, str]] = []
    start = None
    for i, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = i
        elif not line.strip() and start is not None:
            out.append((start, i, " ".join(x.strip() for x in lines[start:i])))
            start = None
    return out


def _is_header(text: str) -> bool:
    return 0 < len(text.split()) <= MAX_HEADER_WORDS and not text.endswith((":", ".", ";")) and not NUMERIC.match(text)


def _paragraph_tables(lines: list[str], tables: list[Table]) -> tuple[list[str], list[Table]]:
    """Tables without a row number: header cells, then label + amounts, each a blank-separated paragraph."""
    paras = _paragraphs(lines)
    texts = [t for _, _, t in paras]
    replace: list[tuple[int, int, int]] = []  # first line, line after, table index
    n = 1
    while n < len(texts):
        found = _paragraph_table_at(texts, n)
        if found is None:
            n += 1
            continue
        table, first, last = found
        if first > 0 and (m := UNIT_RE.match(texts[first - 1])):
            table.unit, first = table.unit or _spoken_unit(m.group(1)), first - 1  # the unit line is the table's
            table.lead = _lead(lines[: paras[first - 1][1]]) if first > 0 else ""
            first += 1
            replace.append((paras[first - 1][0], paras[last][1], len(tables)))
        else:
            table.lead = _lead(lines[: paras[first - 1][1]]) if first > 0 else ""
            replace.append((paras[first][0], paras[last][1], len(tables)))
        tables.append(_with_column_units(table))
        n = last + 2
    out: list[str] = []
    i = 0
    for start, end, index in replace:
        out.extend(lines[i:start])
        out.append(f"{TABLE_MARK}{index}")
        i = end
    out.extend(lines[i:])
    return out, tables


def _paragraph_table_at(texts: list[str], n: int) -> tuple[Table, int, int] | None:
    """A table whose first amount is paragraph n: (table, first paragraph, last paragraph)."""
    if not NUMERIC.match(texts[n]) or NUMERIC.match(texts[n - 1]):
        return None
    columns = 0
    while n + columns < len(texts) and NUMERIC.match(texts[n + columns]):
        columns += 1
    first = n - 1 - (columns + 1)  # the header cells: one for the labels, one per value column
    if first < 0 or not all(_is_header(h) for h in texts[first : n - 1]):
        return None
    headers = texts[first : n - 1]
    rows: list[TableRow] = []
    k = n - 1
    while k + columns < len(texts):
        label, values = texts[k], texts[k + 1 : k + 1 + columns]
        if (
            NUMERIC.match(label)
            or CLAUSE_START.match(label)
            or len(label.split()) > MAX_LABEL_WORDS
            or not all(NUMERIC.match(v) for v in values)
        ):
            break
        rows.append(TableRow(label, tuple(_value(v) for v in values), " ".join([label, *values])))
        k += 1 + columns
    if len(rows) < 2 or (columns == 1 and _row_numbers(rows)):
        return None
    return Table(tuple(headers), _unit([], headers), rows), first, k - 1
