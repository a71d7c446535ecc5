"""Parse the text of a Vietnamese legal document into its parts.

The layout follows Decree 30/2020 and the law on legal documents: an issuer block, the
national motto, "Số: …", "place, ngày … tháng … năm …", the document type in capitals and
its title, the preamble (căn cứ), then Phần / Chương / Mục / Điều / khoản / điểm, and a
closing with the effective date and what the document amends, replaces or repeals.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from scripts.errors import DocumentError
from scripts.vocab import DOC_TYPE_CODES, HEADER_ISSUERS, ISSUER_CODES

SYMBOL = r"\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ&]*\d*(?:-[A-ZĐ][A-Za-zĐđ&]*\d*)*"
SYMBOL_RE = re.compile(rf"(?<![\d/]){SYMBOL}")
NUMBER_RE = re.compile(rf"\b(?:Số|số)\s*:?\s*({SYMBOL})")
PLACE_DATE_RE = re.compile(
    r"(?<![\w-])(?P<place>(?:TP\.\s*)?[A-ZĐÀ-Ỹ][a-zà-ỹđ]*(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]*){0,4}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
PASSED_RE = re.compile(r"thông qua ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
DATE_WORDS = r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})"
TYPE_NAMES = (
    "Bộ luật",
    "Hiến pháp",
    "Luật",
    "Pháp lệnh",
    "Lệnh",
    "Nghị định",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Thông tư liên tịch",
    "Thông tư",
    "Quyết định",
    "Chỉ thị",
    "Kế hoạch",
    "Công điện",
)
TYPE_HEADING_RE = re.compile(
    r"^(?P<type>" + "|".join(sorted((t.upper() for t in TYPE_NAMES), key=len, reverse=True)) + r")\b(?P<rest>.*)$"
)
THIS_DOC = r"(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Lệnh|Quy định|Quy chế)(?:\s+này)"
EFFECTIVE_RE = re.compile(
    THIS_DOC.replace(r"(?:\s+này)", r"(?:\s+này)?")
    + r"\b[^.;:]{0,160}?\bcó hiệu lực(?:\s+thi hành)?\s+(?:kể\s+)?từ\s+(?:"
    + DATE_WORDS
    + r"|(?P<signed>ngày ký))"
)
PREAMBLE_RE = re.compile(r"^(Căn cứ|Theo đề nghị|Xét|Trên cơ sở|Sau khi xem xét|Thực hiện)\b")
PART_RE = re.compile(r"^Phần\s+(?:thứ\s+)?(\S+?)\.?(?:\s+(.*))?$", re.IGNORECASE)
CHAPTER_RE = re.compile(r"^Chương\s+([IVXLC]+|\d+)\.?\s*(.*)$", re.IGNORECASE)
SECTION_RE = re.compile(r"^Mục\s+(\d+)\.?\s*(.*)$")
ARTICLE_RE = re.compile(r"^Điều\s+(\d+[a-zđ]?)\.\s*(.*)$")
CLAUSE_RE = re.compile(r"^(\d+)\.\s+(.*)$")
POINT_RE = re.compile(r"^([a-zđ])[).]\s+(.*)$")
STRUCTURE_START = re.compile(r"^(\x00|Phần|Chương|Mục|Điều\s+\d|\d+\.\s|[a-zđ][).]\s|[“\"]|-\s|\+\s)")
OPEN_QUOTE = ("“", '"')
HEADING_RE = re.compile(r"^(Phần|Chương|Mục|Điều)\s+\S+\.?(\s|$)")


@dataclass(slots=True)
class Point:
    label: str
    text: str


@dataclass(slots=True)
class Clause:
    number: str
    text: str
    points: list[Point] = field(default_factory=list)


@dataclass(slots=True)
class TableRow:
    label: str
    values: tuple[str, ...]
    quote: str  # the row as it stands in the source, whitespace-normalised


@dataclass(slots=True)
class Table:
    """A table from a copy that lost its layout (one cell per line), read back into rows."""

    headers: tuple[str, ...]
    unit: str
    rows: list[TableRow]
    clause: str | None = None


@dataclass(slots=True)
class Article:
    number: str
    title: str
    text: str = ""
    clauses: list[Clause] = field(default_factory=list)
    chapter: str | None = None
    tables: list[Table] = field(default_factory=list)

    def passages(self) -> list[tuple[str | None, str | None, str]]:
        """Every passage of the article as (clause, point, text), the article's own text first."""
        out: list[tuple[str | None, str | None, str]] = []
        if len(self.title.split()) > 12:  # a heading that is itself a provision ("Điều 1. Tiếp tục áp dụng …")
            out.append((None, None, self.title))
        if self.text:
            out.append((None, None, self.text))
        for clause in self.clauses:
            if clause.text:
                out.append((clause.number, None, clause.text))
            out.extend((clause.number, p.label, p.text) for p in clause.points)
        return out


@dataclass(slots=True)
class Relation:
    """This document amends, replaces or repeals the document numbered `number`."""

    kind: str
    number: str
    article: str | None


@dataclass(slots=True)
class LegalDocument:
    number: str
    doc_type: str
    issuer: str
    title: str
    place: str | None
    issued_on: date | None
    effective_on: date | None
    effective_note: str | None
    preamble: list[str]
    articles: list[Article]
    relations: list[Relation]
    text: str
    sha256: str

    @property
    def amends(self) -> list[str]:
        seen: dict[str, None] = {}
        for rel in self.relations:
            seen.setdefault(rel.number, None)
        return list(seen)

    @property
    def full_title(self) -> str:
        """ "Nghị định số 162/2026/NĐ-CP …" — what a bulletin calls the document."""
        if self.title.lower().startswith(self.doc_type.lower()):
            return self.title
        return f"{self.doc_type} {self.title[:1].lower()}{self.title[1:]}"

    def article(self, number: str) -> Article | None:
        return next((a for a in self.articles if a.number == number), None)


def clean(text: str) -> str:
    """Undo the usual damage of web and PDF copies; keep every word of the document."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "").replace("\u200b", "")
    text = re.sub(r"VIỆT NAM\s*Độc lập", "VIỆT NAM\nĐộc lập", text)
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if not re.fullmatch(r"[_\-=*.·]{3,}", line)]
    return "\n".join(lines)


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines of one paragraph; blank lines and structure markers split."""
    out: list[str] = []
    for line in lines:
        if not line:
            out.append("")
            continue
        prev = out[-1] if out else ""
        heading = bool(HEADING_RE.match(prev)) and (len(prev.split()) <= 10 or line[:1].isupper() and len(line.split()) < 3)
        if line[:1].islower() and HEADING_RE.match(prev):
            heading = False
        if (
            prev
            and not heading
            and not prev.endswith((".", ";", ":", "!", "?", "”", '"', "./."))
            and not STRUCTURE_START.match(line)
        ):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return [line for line in out if line]


def _to_date(groups: tuple[str | None, ...]) -> date | None:
    parts = [g for g in groups if g]
    if len(parts) < 3:
        return None
    day, month, year = (int(p) for p in parts[:3])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _title_case_place(caps: str) -> str:
    return " ".join(w[:1] + w[1:].lower() for w in caps.split())


def _sentence_case(caps: str) -> str:
    lower = caps.lower()
    return lower[:1].upper() + lower[1:]


def _org_case(caps: str) -> str:
    """Unknown organisation in capitals: "SỞ TƯ PHÁP" → "Sở Tư pháp"."""
    words = caps.lower().split()
    return " ".join(w.capitalize() if i < 2 else w for i, w in enumerate(words))


def _issuer_from_caps(caps: str) -> str:
    caps = " ".join(caps.split())
    for known in sorted(HEADER_ISSUERS, key=len, reverse=True):
        if caps.startswith(known):
            rest = caps[len(known) :].strip()
            return HEADER_ISSUERS[known] + (" " + _place_case(rest) if rest else "")
    return _org_case(caps)


def _place_case(caps: str) -> str:
    match = re.match(r"(TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ)\s+(.*)", caps)
    if match:
        return f"{match.group(1).lower()} {_title_case_place(match.group(2))}"
    return _title_case_place(caps)


def _header_lines(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if PREAMBLE_RE.match(line) or ARTICLE_RE.match(line):
            return lines[:i]
    return lines[:40]


def _issuer(header: list[str], number: str, place: str | None, text: str) -> str:
    org_lines: list[str] = []
    for line in header:
        if line.startswith(("CỘNG HÒA", "CỘNG HOÀ", "Độc lập", "Số", "VĂN BẢN")) or SYMBOL_RE.search(line):
            if org_lines:
                break
            continue
        if TYPE_HEADING_RE.match(line) or PLACE_DATE_RE.search(line):
            break
        if line.isupper():
            if line not in org_lines:
                org_lines.append(line)
        elif org_lines:
            break
    caps = " ".join(org_lines)
    code = number.rsplit("-", 1)[-1] if "-" in number else number.rsplit("/", 1)[-1]
    code_name = ISSUER_CODES.get(re.sub(r"\d+$", "", code))
    if caps and any(caps.startswith(k) for k in HEADER_ISSUERS):
        return _issuer_from_caps(caps)
    if code_name and code_name in ("Ủy ban nhân dân", "Hội đồng nhân dân"):
        unit = _place_case(caps) if caps else _place_unit(place, text)
        return f"{code_name} {unit}".strip()
    if caps:
        return _issuer_from_caps(caps)
    if code_name:
        return code_name
    raise DocumentError(f"cannot tell who issued {number}: no issuer block in the header")


def _place_unit(place: str | None, text: str) -> str:
    if not place:
        return ""
    match = re.search(rf"\b(tỉnh|thành phố|Thành phố|TỈNH|THÀNH PHỐ)\s+{re.escape(place)}", text)
    return f"{match.group(1).lower()} {place}" if match else place


def _doc_type(header: list[str], number: str, text: str) -> tuple[str, int | None]:
    for i, line in enumerate(header):
        match = TYPE_HEADING_RE.match(line)
        if match and (not match["rest"] or match["rest"].strip().isupper() or not match["rest"].strip()):
            name = next(t for t in TYPE_NAMES if t.upper() == match["type"])
            return name, i
    suffix = number.split("/")[-1]
    code = suffix.split("-")[0]
    if code in DOC_TYPE_CODES and "-" in suffix:
        return DOC_TYPE_CODES[code], None
    return ("Luật" if re.search(r"ban hành Luật", text) else "Nghị quyết"), None


def _title(header: list[str], type_line: int | None, doc_type: str, issuer: str, text: str) -> str:
    if type_line is None:
        return ""
    parts = [TYPE_HEADING_RE.match(header[type_line])["rest"].strip()]  # type: ignore[index]
    for line in header[type_line + 1 :]:
        if not line:
            if any(parts):
                break
            continue
        first = next((p for p in parts if p), None)
        if line.upper() == issuer.upper() or (first is not None and first.isupper() != line.isupper()):
            break
        parts.append(line)
    title = " ".join(p for p in parts if p).strip()
    title = re.sub(r"\s+" + re.escape(issuer.upper()) + r"$", "", title)
    if doc_type in ("Luật", "Bộ luật", "Pháp lệnh") and title:
        title = f"{doc_type.upper()} {title}"
    return _recase_title(title, doc_type, text)


def _recase_title(title: str, doc_type: str, text: str) -> str:
    """Take the title's proper casing from the preamble ("… ban hành Nghị định …")."""
    if not title:
        return title
    if not title.isupper():
        return title
    flat = " ".join(text.split())
    key = re.escape(" ".join(title.split())).replace(r"\ ", r"\s+")
    match = re.search(key, flat, re.IGNORECASE)
    candidates = [m for m in re.finditer(key, flat, re.IGNORECASE) if not m.group(0).isupper()]
    if candidates:
        found = candidates[0].group(0)
        if doc_type in ("Luật", "Bộ luật", "Pháp lệnh"):
            return found
        return found[:1].upper() + found[1:]
    del match
    return _restore_proper_nouns(_sentence_case(title), flat)


def _restore_proper_nouns(title: str, text: str) -> str:
    """Capitalise names the body writes with every word capitalised mid-sentence ("Quảng Trị")."""
    words = text.split()
    names: set[str] = set()
    run: list[str] = []
    for prev, word in zip(words, words[1:]):
        bare = word.strip(',.;:()“”"')
        if bare[:1].isupper() and not bare.isupper() and (run or (prev[:1].islower() and not prev.endswith("."))):
            run.append(bare)
            continue
        if len(run) >= 2:
            names.add(" ".join(run))
        run = []
    for name in sorted(names, key=len, reverse=True):
        title = re.sub(rf"(?<!\w){re.escape(name.lower())}(?!\w)", name, title)
    return title


TABLE_MARK = "\x00TABLE:"
NUMERIC = re.compile(r"^\d[\d.,]*$")
UNIT_RE = re.compile(r"^Đơn vị tính\s*:\s*(.+?)\.?$", re.IGNORECASE)


def extract_tables(lines: list[str]) -> tuple[list[str], list[Table]]:
    """Replace each flattened table (an "STT" header, then one cell per line) by a marker line."""
    out: list[str] = []
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if lines[i].strip().upper() != "STT":
            out.append(lines[i])
            i += 1
            continue
        cells = [c for c in lines[i + 1 :] if c.strip()]
        headers: list[str] = []
        for cell in cells:
            if NUMERIC.match(cell) or len(headers) > 8:
                break
            headers.append(cell.strip())
        table, used = _read_table(headers, cells[len(headers) :], _unit(out))
        if table is None:
            out.append(lines[i])
            i += 1
            continue
        consumed, seen = i + 1, 0
        while consumed < len(lines) and seen < len(headers) + used:
            seen += bool(lines[consumed].strip())
            consumed += 1
        out.append(f"{TABLE_MARK}{len(tables)}")
        tables.append(table)
        i = consumed
    return out, tables


def _unit(before: list[str]) -> str:
    for line in reversed([x for x in before[-3:] if x.strip()]):
        if m := UNIT_RE.match(line.strip()):
            return m.group(1).strip()
    return ""


def _read_table(headers: list[str], cells: list[str], unit: str) -> tuple[Table | None, int]:
    columns = len(headers) - 1
    if columns < 1:
        return None, 0
    rows: list[TableRow] = []
    group = ""
    used = 0
    k = 0
    while k < len(cells):
        cell = cells[k].strip()
        if CLAUSE_RE.match(cell) or ARTICLE_RE.match(cell) or len(cell.split()) > 15:
            break
        values = cells[k + 1 : k + 1 + columns]
        if not NUMERIC.match(cell) and len(values) == columns and all(NUMERIC.match(v.strip()) for v in values):
            rows.append(
                TableRow(
                    f"{group} – {cell}" if group else cell,
                    tuple(v.strip() for v in values),
                    " ".join([cell, *(v.strip() for v in values)]),
                )
            )
            k += 1 + columns
        elif NUMERIC.match(cell):
            k += 1  # a row number (STT)
        else:
            group = cell  # a group heading: the rows under it follow
            k += 1
        used = k
    return (Table(tuple(headers), unit, rows), used) if rows else (None, 0)


def _body_start(lines: list[str]) -> int:
    """The first article, or the Phần/Chương/Mục heading (and its title line) right above it."""
    for i, line in enumerate(lines):
        if ARTICLE_RE.match(line):
            start = i
            while start > 0 and (
                CHAPTER_RE.match(lines[start - 1])
                or PART_RE.match(lines[start - 1])
                or SECTION_RE.match(lines[start - 1])
                or (lines[start - 1].isupper() and start > 1 and CHAPTER_RE.match(lines[start - 2]))
            ):
                start -= 1
            return start
    return len(lines)


def _structure(lines: list[str], tables: list[Table] | None = None) -> list[Article]:
    articles: list[Article] = []
    chapter: str | None = None
    depth = 0  # open curly quotes: amending texts quote whole articles, which are not ours
    for line in lines:
        if depth > 0 or line.startswith(OPEN_QUOTE):
            depth = max(0, depth + line.count("“") - line.count("”"))
            if articles:
                _append(articles[-1], line)
            continue
        if line.startswith(TABLE_MARK):
            if articles and tables:
                table = tables[int(line[len(TABLE_MARK) :])]
                table.clause = articles[-1].clauses[-1].number if articles[-1].clauses else None
                articles[-1].tables.append(table)
            continue
        if m := CHAPTER_RE.match(line):
            chapter = m.group(1)
            continue
        if PART_RE.match(line) or SECTION_RE.match(line):
            continue
        if m := ARTICLE_RE.match(line):
            articles.append(Article(number=m.group(1), title=m.group(2).strip(), chapter=chapter))
            continue
        if not articles:
            continue
        article = articles[-1]
        if (m := CLAUSE_RE.match(line)) and (not article.clauses or _next_number(article.clauses[-1].number, m.group(1))):
            article.clauses.append(Clause(number=m.group(1), text=m.group(2).strip()))
        elif (m := POINT_RE.match(line)) and article.clauses:
            article.clauses[-1].points.append(Point(label=m.group(1), text=m.group(2).strip()))
        elif (m := POINT_RE.match(line)) and not article.clauses:
            article.clauses.append(Clause(number="", text=""))
            article.clauses[-1].points.append(Point(label=m.group(1), text=m.group(2).strip()))
        elif line.isupper() and not article.text and not article.clauses and len(line) < 200:
            articles[-1] = article  # a chapter title line after the heading
        else:
            _append(article, line)
    return [a for a in articles if a.title or a.text or a.clauses]


def _directive(lines: list[str]) -> list[Article]:
    """A directive or plan has numbered tasks instead of articles: read it as one article."""
    article = Article(number="", title="")
    for line in lines:
        if PREAMBLE_RE.match(line):
            continue
        if (m := CLAUSE_RE.match(line)) and (not article.clauses or _next_number(article.clauses[-1].number, m.group(1))):
            article.clauses.append(Clause(number=m.group(1), text=m.group(2).strip()))
        else:
            _append(article, line)
    return [article]


def _next_number(previous: str, current: str) -> bool:
    return previous.isdigit() and int(current) == int(previous) + 1


def _append(article: Article, line: str) -> None:
    if article.clauses:
        clause = article.clauses[-1]
        if clause.points:
            clause.points[-1].text += "\n" + line
        else:
            clause.text = f"{clause.text}\n{line}".strip()
    else:
        article.text = f"{article.text}\n{line}".strip()


def _effective(articles: list[Article], issued_on: date | None) -> tuple[date | None, str | None]:
    for article in articles:
        for _clause, _point, passage in article.passages():
            flat = " ".join(passage.split())
            if m := EFFECTIVE_RE.search(flat):
                if m["signed"]:
                    return issued_on, "kể từ ngày ký"
                return _to_date(m.groups()[:6]), None
    return None, None


def _relations(title: str, preamble: list[str], articles: list[Article], own: str) -> list[Relation]:
    rels: list[Relation] = []

    def add(kind: str, number: str | None, article: str | None) -> None:
        if number and number != own and not any(r.number == number for r in rels):
            rels.append(Relation(kind, number, article))

    flat_title = " ".join(title.split())
    if re.search(r"sửa đổi|bổ sung", flat_title, re.IGNORECASE):
        found = SYMBOL_RE.search(flat_title)
        if not found:
            for line in preamble:
                if "ban hành" in line and (found := SYMBOL_RE.search(line.split("ban hành", 1)[1])):
                    break
        add("amends", found.group(0) if found else None, None)
    if m := re.match(r"(?:Luật\s+)?(bãi bỏ|thay thế)\b(?P<rest>.*)", flat_title, re.IGNORECASE):
        first = SYMBOL_RE.search(m["rest"])
        add("repeals" if m.group(1).lower() == "bãi bỏ" else "replaces", first.group(0) if first else None, None)
    for article in articles:
        heading = article.title.lower()
        list_kind = next((k for w, k in (("bãi bỏ", "repeals"), ("thay thế", "replaces")) if heading.startswith(w)), None)
        for clause, point, passage in article.passages():
            flat = " ".join(passage.split())
            if list_kind and (point or clause):
                m = SYMBOL_RE.search(flat)
                add(list_kind, m.group(0) if m else None, article.number)
            if m := re.search(THIS_DOC + r"\s+(?:thay thế|bãi bỏ)\b(?P<rest>.*)", flat):
                kind = "replaces" if "thay thế" in m.group(0)[:60] else "repeals"
                first = SYMBOL_RE.search(m["rest"])
                add(kind, first.group(0) if first else None, article.number)
                if flat.rstrip().endswith(":"):
                    list_kind = kind
            if m := re.search(r"^(?P<head>.*?)\bhết hiệu lực\b.*kể từ ngày " + THIS_DOC, flat):
                first = SYMBOL_RE.search(m["head"])
                add("replaces", first.group(0) if first else None, article.number)
    return rels


def parse(text: str) -> LegalDocument:
    """Parse a legal document's text.

    :raises DocumentError: when the text has no document number or no issuer.
    """
    cleaned = clean(text)
    raw_lines = cleaned.split("\n")
    header = [line for line in _header_lines(raw_lines)]
    header_text = "\n".join(header)
    number_match = NUMBER_RE.search(header_text) or NUMBER_RE.search(cleaned[:3000])
    if not number_match:
        raise DocumentError('no document number ("Số: …") found near the top: is this a Vietnamese legal document?')
    number = number_match.group(1)
    place_match = PLACE_DATE_RE.search(header_text)
    place = " ".join(place_match["place"].split()) if place_match else None
    issued_on = _to_date((place_match["d"], place_match["m"], place_match["y"])) if place_match else None
    if issued_on is None and (passed := PASSED_RE.search(" ".join(cleaned.split()))):
        issued_on = _to_date(passed.groups())
    header_lines = [line for line in header if line]
    doc_type, type_line = _doc_type(header_lines, number, cleaned)
    issuer = _issuer(header_lines, number, place, cleaned)
    title = _title(header_lines, type_line, doc_type, issuer, cleaned)
    body_lines, tables = extract_tables(raw_lines[len(header) :])
    lines = unwrap(body_lines)
    start = _body_start(lines)
    preamble = [line for line in lines[:start] if PREAMBLE_RE.match(line) or "ban hành" in line]
    articles = _structure(lines[start:], tables) or _directive(lines)
    if not title and preamble:
        title = _title_from_preamble(preamble, doc_type)
    effective_on, note = _effective(articles, issued_on)
    relations = _relations(title, preamble, articles, number)
    return LegalDocument(
        number=number,
        doc_type=doc_type,
        issuer=issuer,
        title=title,
        place=place,
        issued_on=issued_on,
        effective_on=effective_on,
        effective_note=note,
        preamble=preamble,
        articles=articles,
        relations=relations,
        text=cleaned,
        sha256=hashlib.sha256(cleaned.encode()).hexdigest(),
    )


def _title_from_preamble(preamble: list[str], doc_type: str) -> str:
    for line in preamble:
        if m := re.search(rf"ban hành {doc_type}\s+(.*?)\.?$", line):
            return m.group(1)[:1].upper() + m.group(1)[1:]
    return ""
