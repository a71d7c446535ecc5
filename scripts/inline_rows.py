"""Rows of a fee or benefit schedule that a PDF copy ran together into one paragraph.

"Số TT Nội dung Mức thu (đồng/lần cấp) 1 Lệ phí cấp hộ chiếu a Cấp mới 200.000 b Cấp lại do bị hỏng 400.000 …":
each amount is a row, labelled by the item letter before it and by the numbered group above that. A listener
needs the row said whole, with its group and its unit — "Lệ phí cấp hộ chiếu, cấp mới, là 200.000 đồng/lần cấp."
— never an amount without its label. A row whose label cannot be said whole is not said; a schedule whose
caption says it is for foreigners ("II. Phí cấp thị thực … cho người nước ngoài") is not read to residents.
"""

from __future__ import annotations

import re

from scripts.legal import Article
from scripts.selection import Candidate, Source, score
from scripts.sentences import HARD_MAX_WORDS, flat, listenable, lowerfirst, words

HEADER = re.compile(
    r"(?:\b(?:Số TT|STT|TT)\s+)?\b(?:Nội dung|Tên[^\d()]{0,60}?|Đối tượng[^\d()]{0,40}?)\s+"
    r"(?P<unit_column>(?:Đơn vị tính|ĐVT)\s+)?"
    r"Mức (?:thu|chi|hỗ trợ|phí|trợ cấp)[^\d()]{0,30}?(?:\s*\((?P<unit>[^()\d]{2,40})\))?(?=\s)"
)
END = re.compile(r"\bGhi chú\b|\b(?:Số TT|STT)\s")
AMOUNT = re.compile(r"(?<![\d.,/])(?P<amount>\d{1,3}(?:\.\d{3})+)(?P<unit>\s*(?:đồng|USD)(?:/\S+)?)?(?![\d.,%])")
SUB = "\u2022"  # a sub-row printed on its own line after a dash ("- Cấp mới 840.000"), told from "Việt Nam - Lào"
MARKER = re.compile(rf"(?:^|\s)(?P<m>\d{{1,2}}|[a-zđ]|{SUB})\s+(?=\w)")
EXPLAINING = re.compile(r"\s*\((?:bao gồm|kể cả|gồm|sau đây gọi|ví dụ)\b[^()]*\)", re.I)  # not a limit on the row
FOREIGN = re.compile(r"USD|người nước ngoài")
CAPTION = re.compile(r"(?:^|\s)(?:[IVX]{1,4}|[A-Z])\.\s+(?P<caption>[^.]{5,300}?)\s*$")
FEE_WORD = re.compile(r"^(?:Lệ phí|Phí|Học phí|Giá|Mức thu|Mức chi|Mức hỗ trợ)\b")
UNIT_CELL = re.compile(r"\s+(?P<unit>[Đđ]ồng(?:/[^\s\d]+(?:\s[a-zđ]\w*)?)?)$")  # an "Đơn vị tính" cell at a label's end
BARE_MARKER = re.compile(r"(?:^|\s)[a-zđ]\s*$")  # a letter left alone: "a 8.000"
MAX_CAPTION_WORDS = 40


def _labels(segment: str) -> list[tuple[str, str]]:
    """(marker, label) for each "1 Lệ phí …" / "a Cấp mới" / "• Cấp lại" in a stretch of a run-together table."""
    found = [m for m in MARKER.finditer(segment) if segment[m.end()].isupper()]
    if not found:
        return []
    ends = [m.start() for m in found[1:]] + [len(segment)]
    return [(m["m"], _plain(segment[m.end() : end])) for m, end in zip(found, ends, strict=True)]


ADMIN_UNIT = re.compile(r"đơn vị hành chính cấp (xã|tỉnh)")


def _plain(label: str) -> str:
    """A row label as said: no explaining parenthesis ("(bao gồm …)"), "đơn vị hành chính cấp xã" said "xã".
    A parenthesis that limits the row ("Gia hạn hộ chiếu (ngoại giao, công vụ)") stays: without it the row
    would be heard as every passport's."""
    return ADMIN_UNIT.sub(r"\1", EXPLAINING.sub("", label)).strip(" -;,.")


def joined(group: str, label: str) -> str:
    """A group and a row that repeats its object said once: "Lệ phí cấp giấy thông hành" + "Giấy thông hành
    vùng biên giới" → "Lệ phí cấp giấy thông hành vùng biên giới"; "" when the row does not continue its group."""
    head = group.split()
    for i in range(1, len(head)):
        if lowerfirst(label).startswith(" ".join(head[i:]).lower() + " ") or lowerfirst(label) == " ".join(head[i:]).lower():
            return f"{' '.join(head[:i])} {lowerfirst(label)}"
    return ""


def _caption(before: str) -> str:
    """The heading right before a schedule's header ("I. Lệ phí cấp hộ chiếu, giấy thông hành …")."""
    m = CAPTION.search(before[-1200:])
    return m["caption"].strip() if m and words(m["caption"]) <= MAX_CAPTION_WORDS else ""


def _body(text: str, start: int) -> tuple[str, int]:
    """The schedule from `start` to its notes or the next schedule; a header repeated at a page break goes on."""
    body, pos = "", start
    while True:
        rest = text[pos:]
        end = END.search(rest)
        if end is None:
            return body + rest, len(text)
        body += rest[: end.start()]
        again = HEADER.match(rest, end.start())
        if again is None or _caption(rest[: end.start()]):
            return body, pos + end.start()
        pos += again.end()


def _sayings(group: str, parent: str, marker: str, label: str, amount: str) -> list[str]:
    """The ways to say one row, fullest first; none without the group a sub-row belongs to."""
    if marker.isdigit() or not group:
        return [f"{label} là {amount}."]
    if marker == SUB:
        return [
            f"{group}, {lowerfirst(parent)}, {lowerfirst(label)}, là {amount}.",
            f"{parent}, {lowerfirst(label)}, là {amount}.",
        ]
    if lowerfirst(label) in group.lower():
        return [f"{group} là {amount}."]
    merged = joined(group, label)
    out = [f"{merged} là {amount}."] if merged else [f"{group}, {lowerfirst(label)}, là {amount}."]
    return out + ([f"{label} là {amount}."] if FEE_WORD.match(label) or words(label) >= 8 else [])


def _rows(body: str, unit: str, caption: str, unit_column: bool) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    pos, group, parent = 0, caption if FEE_WORD.match(caption) else "", ""
    for m in AMOUNT.finditer(body):
        segment = body[pos : m.start()]
        bare = BARE_MARKER.search(segment)  # "a 8.000": the row's own label is missing
        labels = _labels(segment[: bare.start()] if bare else segment)
        start, pos = pos, m.end()
        for marker, label in labels:
            if marker.isdigit():
                group, parent = label, ""
            elif marker != SUB:
                parent = label
        if not labels or bare:
            continue
        marker, label = labels[-1]
        marker = marker if marker != SUB or parent else "a"  # a dash right under a numbered group is its item
        row_unit = ""
        if unit_column and (cell := UNIT_CELL.search(label)):
            label, row_unit = label[: cell.start()], f" {cell['unit']}"
        amount = f"{m['amount']}{m['unit'] or row_unit or unit}"
        quote = body[start : m.end()].replace(SUB, "-").strip(" -;,.")
        said = next((s for s in _sayings(group, parent, marker, label, amount) if words(s) <= HARD_MAX_WORDS), "")
        if said and not FOREIGN.search(said) and listenable(said):
            out.append((said, quote, label))
    return out


def inline_rows(text: str) -> list[tuple[str, str, str]]:
    """(sentence, quote, label) for every amount of a run-together schedule in `text`."""
    out: list[tuple[str, str, str]] = []
    pos = 0
    for header in HEADER.finditer(text):
        if header.start() < pos:
            continue  # a header repeated at a page break, read with the schedule it continues
        caption = _caption(text[: header.start()])
        body, pos = _body(text, header.end())
        if FOREIGN.search(caption):
            continue  # a schedule for foreigners is not what residents pay
        unit = f" {header['unit'].strip()}" if header["unit"] else " đồng"
        out.extend(_rows(body, unit, caption, bool(header["unit_column"])))
    return out


def inline_row_candidates(article: Article, index: int, total: int, order: int) -> list[Candidate]:
    out: list[Candidate] = []
    for clause, _point, passage in article.passages():
        text = flat(re.sub(r"(?m)^-\s+(?=[A-ZĐÀ-Ỹ])", f"{SUB} ", passage))
        for n, (said, quote, _label) in enumerate(inline_rows(text)):
            value = score(said, article.title, index, total) + 2.0
            out.append(Candidate(said, Source(article.number or None, clause, None, quote), value, index, order + n, table=True))
    return out
