"""Rows of a fee or benefit schedule that a PDF copy ran together into one paragraph.

"Số TT Nội dung Mức thu (đồng/lần cấp) 1 Lệ phí cấp hộ chiếu a Cấp mới 200.000 b Cấp lại do bị hỏng 400.000 …":
each amount is a row, labelled by the item letter before it and by the numbered group above that. A listener
needs the row said whole, with its group and its unit — "Lệ phí cấp hộ chiếu, cấp mới, là 200.000 đồng/lần cấp."
— never an amount without its label.
"""

from __future__ import annotations

import re

from scripts.legal import Article
from scripts.selection import Candidate, Source, score
from scripts.sentences import HARD_MAX_WORDS, flat, listenable, lowerfirst, words

HEADER = re.compile(
    r"\b(?:Số TT|STT|TT)\s+(?:Nội dung|Tên[^\d()]{0,60}?|Đối tượng[^\d()]{0,40}?)\s+"
    r"Mức (?:thu|chi|hỗ trợ|phí|trợ cấp)[^\d()]{0,30}?(?:\s*\((?P<unit>[^()\d]{2,40})\))?(?=\s)"
)
END = re.compile(r"\bGhi chú\b|\b(?:Số TT|STT)\s")
AMOUNT = re.compile(r"(?<![\d.,/])(?P<amount>\d{1,3}(?:\.\d{3})+)(?P<unit>\s*(?:đồng|USD)(?:/\S+)?)?(?![\d.,%])")
MARKER = re.compile(r"(?:^|\s)(?P<m>\d{1,2}|[a-zđ])\s+(?=\w)")
PAREN = re.compile(r"\s*\([^()]*\)")
FOREIGN = re.compile(r"USD|người nước ngoài")


def _labels(segment: str) -> list[tuple[str, str]]:
    """(marker, label) for each "1 Lệ phí …" / "a Cấp mới" in a stretch of a run-together table."""
    found = [m for m in MARKER.finditer(segment) if segment[m.end()].isupper()]
    if not found:
        return []
    ends = [m.start() for m in found[1:]] + [len(segment)]
    return [(m["m"], _plain(segment[m.end() : end])) for m, end in zip(found, ends, strict=True)]


ADMIN_UNIT = re.compile(r"đơn vị hành chính cấp (xã|tỉnh)")


def _plain(label: str) -> str:
    """A row label as said: no parenthesis, "đơn vị hành chính cấp xã" said "xã"."""
    return ADMIN_UNIT.sub(r"\1", PAREN.sub("", label)).strip(" -;,.")


def inline_rows(text: str) -> list[tuple[str, str, str]]:
    """(sentence, quote, label) for every amount of a run-together schedule in `text`."""
    out: list[tuple[str, str, str]] = []
    for header in HEADER.finditer(text):
        unit = f" {header['unit'].strip()}" if header["unit"] else " đồng"
        body = text[header.end() :]
        body = body[: end.start()] if (end := END.search(body)) else body
        pos, group = 0, ""
        for m in AMOUNT.finditer(body):
            labels = _labels(body[pos : m.start()])
            start, pos = pos, m.end()
            if not labels:
                continue
            for marker, label in labels[:-1]:
                group = label if marker.isdigit() else group
            marker, label = labels[-1]
            group = label if marker.isdigit() else group
            alone = marker.isdigit() or not group or lowerfirst(label) in group.lower()
            amount = f"{m['amount']}{m['unit'] or unit}"
            said = f"{group if alone and not marker.isdigit() and group else label} là {amount}."
            if not alone and words(said := f"{group}, {lowerfirst(label)}, là {amount}.") > HARD_MAX_WORDS:
                said = f"{label} là {amount}."  # the row's own label, when its group makes it too long to follow
            quote = body[start : m.end()].strip(" -;,.")
            if not FOREIGN.search(said) and words(said) <= HARD_MAX_WORDS and listenable(said):
                out.append((said, quote, label))
    return out


def inline_row_candidates(article: Article, index: int, total: int, order: int) -> list[Candidate]:
    out: list[Candidate] = []
    for clause, _point, passage in article.passages():
        for n, (said, quote, _label) in enumerate(inline_rows(flat(passage))):
            value = score(said, article.title, index, total) + 2.0
            out.append(Candidate(said, Source(article.number or None, clause, None, quote), value, index, order + n, table=True))
    return out
