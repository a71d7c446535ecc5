"""Group codes said with whom they stand for: "nhóm 5" means nothing to a listener.

Spending and benefit resolutions define their beneficiaries once ("1. Nhóm 1: Cán bộ lão thành cách mạng …") and
then pay them by code ("a) Nhóm 1: 2.000.000 đồng/người/lần;"). Heard alone, such a row cannot be told apart from
the next, so each code is said with its definition — "nhóm 1 (cán bộ lão thành cách mạng)" — and an amount whose
group cannot be said that way is not said at all. A definition is a label, not a sentence: it is not said alone.
"""

from __future__ import annotations

import re

from scripts.legal import LegalDocument
from scripts.sentences import HARD_MAX_WORDS, words

CODE = re.compile(r"\b[Nn]hóm\s+(?P<n>\d{1,2}|[IVX]{1,4})\b(?!\s*[.,]\d)")
DEFINITION = re.compile(r"^[“\"]?[Nn]hóm\s+(?P<n>\d{1,2}|[IVX]{1,4})\s*(?::|\s(?:gồm|bao gồm)\s*:?)\s*(?P<who>[^.;]{3,300})")
SHORTHAND = re.compile(r";\s*\d{1,2}:\s")  # "nhóm 1: 2.000.000 …; 2: 1.500.000 …": rows run together by code
AMOUNT = re.compile(r"\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng", re.I)
MAX_DEFINITION_WORDS = 16


def glossary(doc: LegalDocument) -> dict[str, str]:
    """ "1" → "cán bộ lão thành cách mạng, cán bộ tiền khởi nghĩa": every group the document defines."""
    found: dict[str, str] = {}
    for article in doc.articles:
        for _clause, _point, passage in article.passages():
            for line in passage.split("\n"):
                if m := DEFINITION.match(line.strip()):
                    who = m["who"].strip(" ,")
                    found.setdefault(m["n"], who[:1].lower() + who[1:])
    return found


def defines(text: str) -> bool:
    """ "Nhóm 3: Thân nhân liệt sĩ …" — a group's definition, heard as a noun phrase."""
    m = DEFINITION.match(text)
    return m is not None and not AMOUNT.search(text) and m.end() >= len(text.rstrip(". ")) - 1


def with_groups(text: str, known: dict[str, str]) -> str:
    """The sentence with each group code followed by whom it stands for; "" when an amount's group cannot be said."""
    if not CODE.search(text):
        return text
    if defines(text):
        return ""
    paid = bool(AMOUNT.search(text))
    if paid and SHORTHAND.search(text):
        return ""
    out, pos, said = "", 0, set()
    for m in CODE.finditer(text):
        who = known.get(m["n"], "")
        fits = who and words(who) <= MAX_DEFINITION_WORDS and m["n"] not in said
        if not fits and paid and m["n"] not in said:
            return ""
        out += text[pos : m.end()] + (f" ({who})" if fits else "")
        pos = m.end()
        said.add(m["n"])
    out += text[pos:]
    return out if words(out) <= HARD_MAX_WORDS else ""
