"""Read fee and benefit tables into sentences that keep each value with its labels.

A listener cannot see the column headings, so each value is said with its row and column:
"Giáo dục mầm non: khu vực nông thôn (xã) 80, khu vực thành thị (phường) 120 nghìn đồng/tháng".
A table with many rows is summed up by its lowest and highest value, each with its row.
"""

from __future__ import annotations

import re

from scripts.announcing import TABLE_LEAD_TAIL
from scripts.cells import Table
from scripts.legal import Article
from scripts.selection import Candidate, Source, score
from scripts.sentences import HARD_MAX_WORDS, capfirst, lowerfirst, words

MAX_ROWS = 4
LEAD_WORDS = 16


def _amount(value: str) -> float:
    try:
        return float(re.sub(r"[^\d,]", "", value).replace(",", ".") or 0)
    except ValueError:
        return 0.0


def _unit(table: Table) -> str:
    return f" {lowerfirst(table.unit)}" if table.unit else ""


CURRENCY = re.compile(r"^(?P<money>(?:nghìn|triệu|tỷ)?\s*đồng)(?P<rate>/.*)?$", re.I)


PAY_GROUP = re.compile(
    r"^Chi (?P<what>(?:khoán )?(?:bồi dưỡng|hỗ trợ|phụ cấp|thù lao|trợ cấp)\b.*?)"
    r"\s+(?:đối với|cho)\s+(?:các|những)\s+(?:đối tượng|người)\b.*$"
)  # a spending table's group: "Chi bồi dưỡng theo mức khoán/tháng đối với các đối tượng sau"
PAYEE = re.compile(
    r"^(?:Các |Những )?(?:thành viên|người|trưởng|phó|chủ tịch|cán bộ|đại biểu|dân quân|công an viên|tổ trưởng)\b[^:;]*$",
    re.I,
)  # the row names people: "Các thành viên Tiểu ban bầu cử, Tổ bầu cử"


def payee_label(label: str) -> str:
    """ "Chi bồi dưỡng … đối với các đối tượng – Các thành viên Tổ bầu cử" → "Các thành viên Tổ bầu cử được bồi
    dưỡng …": the people a row pays are the subject, and what they are paid for their verb."""
    group, dash, who = label.partition(" – ")
    if not dash or not (m := PAY_GROUP.match(group)) or not PAYEE.match(who):
        return ""
    return f"{capfirst(who)} được {m['what']}"


def row_sentence(table: Table, index: int, lead: str = "", grouped: bool = True, named: tuple[str, str] = ("", "")) -> str:
    row = table.rows[index]
    label = payee_label(row.label) or short_label(row.label if grouped else row.label.split(" – ")[-1])
    if named[0] and not lead:
        label = f"{named[0]} {lowerfirst(label)}{named[1]}"
    unit = _unit(table)
    each = ""
    if len(row.values) > 1 and (m := CURRENCY.match(unit.strip())):
        # "xã 80, phường 120 nghìn đồng" is heard as eighty of nothing: each amount says its money
        each, unit = f" {m['money'].lower()}", m["rate"] or ""
    cells = ", ".join(f"{lowerfirst(h)} {v}{each}" for h, v in zip(table.headers[1:], row.values, strict=False))
    if len(row.values) == 1:
        cells = row.values[0]
    text = f"{label}: {cells}{unit}"
    if lead:
        group, dash, rest = label.partition(" – ")
        label = rest if dash and lead.lower().endswith(group.lower()) else label  # "… cho hộ gia đình" + "Hộ gia đình – …"
        echoes = " ".join(label.lower().split()[:2]) in lead.lower()  # "… lệ phí đăng ký cư trú" + "Đăng ký thường trú"
        whom = WHOM.match(label) or table.headers[:1] == ("Đối tượng",)  # "Mức giá … đối với hộ gia đình ở phường"
        text = f"{lead}{' đối với' if echoes or whom else ''} {lowerfirst(label)}: {cells}{unit}"
    return text.rstrip(".") + "."


WHOM = re.compile(r"^(?:Hộ|Người|Trẻ em|Học sinh|Cá nhân|Tổ chức|Doanh nghiệp)\b")  # a row that names who pays or gets
LIST_LABEL = re.compile(r"^(?P<head>[^:]{2,40}):\s*(?P<items>[^:]+)$")
MAX_ITEMS = 3


def short_label(label: str) -> str:
    """ "Các phường: A, B, C, D, E." → "Các phường A, B, C và các nơi khác cùng nhóm": a list heard, not read."""
    m = LIST_LABEL.match(label.rstrip(". "))
    if not m:
        return label.rstrip(". ")
    items = [i.strip() for i in m["items"].split(",") if i.strip()]
    if len(items) <= MAX_ITEMS:
        return f"{m['head']} {', '.join(items)}"
    return f"{m['head']} {', '.join(items[:MAX_ITEMS])} và các nơi khác cùng nhóm"


def _lead_in(article: Article, table: Table) -> str:
    """The line that introduced the table ("Mức học phí đối với … như sau:"), without its "như sau"."""
    if table.lead:
        first = table.lead
    else:
        clause = next((c for c in article.clauses if c.number == table.clause), None)
        first = (clause.text.split("\n")[0] if clause else "").strip()
        if not first.endswith(":"):
            return ""
    return TABLE_LEAD_TAIL.sub("", first).rstrip(" :")


def _lead(article: Article, table: Table) -> str:
    first = _lead_in(article, table)
    return first if words(first) <= LEAD_WORDS and not re.search(r"\b(?:Điều|khoản|điểm)\s+\d", first) else ""


TUITION_LEAD = re.compile(
    r"^Mức học phí (?:đối với|của|tại) (?:các )?cơ sở giáo dục\b[^:;]*?\b(?P<kind>(?:công lập|ngoài công lập|dân lập, tư thục)\b[^:;]*)$"
)  # the whole qualifier: "công lập chưa tự bảo đảm chi thường xuyên" is not all "công lập"


def tuition_label(lead_in: str) -> tuple[str, str]:
    """ "Mức học phí đối với cơ sở giáo dục mầm non, giáo dục phổ thông công lập …", too long to say before each
    row: each row says it is tuition and of which schools ("Học phí giáo dục mầm non công lập: …"), as a parent asks."""
    m = TUITION_LEAD.match(lead_in)
    return ("Học phí", f" {m['kind']}") if m else ("", "")


SELF_EXPLAINED = 10
PAYEE_BONUS = 3.0  # the row says who is paid, as the subject: what a resident listens for
PER_THING = re.compile(r"đồng/(?!(?:người|hộ|tháng|ngày|buổi|lần|năm|học sinh|trẻ|khẩu)\b)\w")
PER_THING_MALUS = 3.0  # "500.000 đồng/hòm phiếu": what an office spends on things, not what people get or pay


def table_candidates(article: Article, index: int, total: int, order: int) -> list[Candidate]:
    """Each row as one sentence, or for a long table its range: the amounts residents ask about."""
    out: list[Candidate] = []
    for table in article.tables:
        lead = _lead(article, table)
        named = tuition_label(_lead_in(article, table))
        rows = range(len(table.rows))
        if len(table.rows) > MAX_ROWS and len(table.rows[0].values) == 1:
            ranked = sorted(rows, key=lambda i: _amount(table.rows[i].values[0]))
            rows = range(0)
            for i in (ranked[-1], ranked[0]):
                text = f"{'Mức cao nhất' if i == ranked[-1] else 'Mức thấp nhất'} là {table.rows[i].values[0]}{_unit(table)}, áp dụng cho {lowerfirst(short_label(table.rows[i].label))}."
                src = Source(article.number or None, table.clause, None, table.rows[i].quote)
                out.append(Candidate(text, src, score(text, article.title, index, total) + 2.0, index, order + i, table=True))
        for i in rows:
            text = row_sentence(table, i, lead, named=named)  # each row says what it is: it may be heard alone
            if words(text) > HARD_MAX_WORDS:
                text = row_sentence(table, i, named=named)
            if words(text) > HARD_MAX_WORDS and words(table.rows[i].label.split(" – ")[-1]) >= SELF_EXPLAINED:
                text = row_sentence(table, i, grouped=False, named=named)  # a long row label says whom and when by itself
            if words(text) > HARD_MAX_WORDS:
                continue
            source = Source(article.number or None, table.clause, None, table.rows[i].quote)
            value = score(f"{table.rows[i].quote} {table.unit}".lower(), article.title, index, total) + 2.0
            value += PAYEE_BONUS if payee_label(table.rows[i].label) else 0.0
            per_thing = all(PER_THING.search(v) for v in table.rows[i].values)
            if per_thing and table.rows[i].label.split(" – ")[-1].startswith("Chi "):
                continue  # "Chi khắc dấu … 400.000 đồng/dấu": an office's own spending, nothing a resident gets or pays
            value -= PER_THING_MALUS if per_thing else 0.0
            out.append(Candidate(text, source, value, index, order + i, table=True))
    return out


SERIES = re.compile(
    r"\bNăm(?P<before>\s+Trước)?(?P<years>(?:\s+(?:19|20)\d{2}){2,})\s+(?P<label>[^\d\s][^\d]{2,40}?)(?P<values>(?:\s+\d+,\d+){2,})"
)
SERIES_LEAD = re.compile(r"(?:^|,\s*)(?P<what>(?:mức|hệ số|tỷ lệ)\s[^,;:]{5,80}?)\s+(?:của|theo|cho)\s+(?:từng\s+)?năm\b", re.I)


def series_candidates(article: Article, index: int, total: int, order: int) -> list[Candidate]:
    """A year-by-year table ("Năm | Trước 1995 1995 … 2025", "Mức điều chỉnh | 5,63 … 1,00") said by its ends:
    "… từ 5,63 cho thời gian trước năm 1995 đến 1,00 cho năm 2024, 2025". A listener cannot take in thirty
    coefficients, but hears where the range starts and ends, each with its year."""
    out: list[Candidate] = []
    for clause, _point, passage in article.passages():
        text = " ".join(passage.split())
        found = list(SERIES.finditer(text))
        lead = SERIES_LEAD.search(text[: found[0].start()]) if found else None
        if not found or not lead or len({m["label"] for m in found}) != 1:
            continue
        labels: list[str] = []
        values: list[str] = []
        for m in found:
            years = m["years"].split()
            if len(m["values"].split()) != len(years) + bool(m["before"]):
                break
            labels += ([f"thời gian trước năm {years[0]}"] if m["before"] else []) + [f"năm {y}" for y in years]
            values += m["values"].split()
        else:
            last = [lab.removeprefix("năm ") for lab, v in zip(labels, values, strict=True) if v == values[-1]][-2:]
            said = f"{capfirst(lead['what'])} từ {values[0]} cho {labels[0]} đến {values[-1]} cho năm {', '.join(last)}."
            if len(values) >= 4 and words(said) <= HARD_MAX_WORDS:
                source = Source(article.number or None, clause, None, text[found[0].start() : found[-1].end()])
                out.append(Candidate(said, source, score(said, article.title, index, total) + 2.0, index, order, table=True))
    return out
