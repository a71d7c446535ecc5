"""Provisions that take effect on their own date, later than the document as a whole.

Laws often phase a rule in: "Khoản 3 Điều 10 của Luật này có hiệu lực thi hành từ ngày 01 tháng 01
năm 2026." A listener hears the rule once, so the rule itself carries its date ("Từ ngày …, …").
"""

from __future__ import annotations

import re

from scripts.legal import LegalDocument
from scripts.sentences import flat, lowerfirst

PHASED = re.compile(
    r"(?<![\d,]\s)(?<!và\s)(?:(?:[Đđ]iểm\s+[a-zđ]\s+)?(?:các\s+)?[Kk]hoản\s+"
    r"(?P<clauses>\d+(?:\s*,\s*(?:khoản\s+)?\d+)*(?:\s+và\s+(?:khoản\s+)?\d+)?)\s+)?Điều\s+(?P<article>\d+[a-zđ]?)\s+"
    r"(?:của\s+)?(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Pháp lệnh)\s+này\s+có hiệu lực"
    r"(?:\s+thi hành)?\s+(?:kể\s+)?từ\s+(?P<when>ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|ngày\s+\d{1,2}/\d{1,2}/\d{4})"
)
Key = tuple[str, str | None]


def phased_dates(doc: LegalDocument) -> dict[Key, str]:
    """(article, clause or None) → the date, as the source writes it, from which that part applies."""
    out: dict[Key, str] = {}
    for article in doc.articles:
        for _clause, _point, passage in article.passages():
            for m in PHASED.finditer(flat(passage)):
                clauses = re.findall(r"\d+", m["clauses"]) if m["clauses"] else [None]
                out.update({(m["article"], clause): m["when"] for clause in clauses})
    return out


def with_phase(text: str, article: str | None, clause: str | None, phases: dict[Key, str]) -> str:
    """ "Khi chở trẻ em …" → "Từ ngày 01 tháng 01 năm 2026, khi chở trẻ em …" when that clause starts later."""
    if not article or re.search(r"\bngày \d|\d/\d{4}", text):
        return text
    when = phases.get((article, clause)) or phases.get((article, None))
    return f"Từ {when}, {lowerfirst(text)}" if when else text
