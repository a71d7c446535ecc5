"""A rate change said with what it changes as its subject.

A decree writes an adjustment without a subject: "Từ ngày 01 tháng 7 năm 2027, điều chỉnh tăng thêm 6% trên mức
phụ cấp, trợ cấp hằng tháng của tháng 6 năm 2027 đối với các đối tượng quy định tại Điều 1". Cut at its first comma
it loses what is raised ("… trên mức phụ cấp."); said as "Từ ngày 01 tháng 7 năm 2027, phụ cấp, trợ cấp hằng tháng
được tăng thêm 6%." it is a whole sentence a listener can follow, in the decree's own words. Only when whom it is
for is a reference to the document's whole scope, and nothing follows the month it is reckoned on: a rate for some
people, some places or some time is never said as a rate for all.
"""

from __future__ import annotations

import re

from scripts.legal import LegalDocument
from scripts.sentences import MAX_WORDS, capfirst, listenable, words

ADJUSTMENT = re.compile(
    r"^(?P<when>(?:Từ|Kể từ) ngày [^,;.]+, )?[Đđ]iều chỉnh (?P<how>tăng|giảm)(?P<more> thêm)? (?P<rate>\d+(?:,\d+)?\s*%)"
    r" (?:trên|so với) (?:mức |số )?(?P<what>[^.;:]+?)(?: của (?:tháng \d+ năm \d{4}|năm \d{4}|quý [IVX]+(?: năm \d{4})?))?"
    r"(?: đối với (?P<whom>[^.;:]+?))?\s*[.;]?$"
)
RECKONED_ON = re.compile(r"\bcủa (?:tháng|năm|quý)\b")  # "… của tháng 6 năm 2027 ở xã vùng cao": more than the month
SCOPE_REFERENCE = re.compile(
    r"^(?:các |những )?(?:đối tượng|trường hợp|người) (?:quy định|nêu) tại (?P<ref>(?:khoản \d+ )?Điều \d+)"
    r"(?: của (?:Luật|Nghị định|Nghị quyết|Quyết định|Thông tư(?: liên tịch)?) này)?$"
)
SCOPE_TITLE = re.compile(r"\bđối tượng (?:áp dụng|điều chỉnh)\b|\bphạm vi (?:điều chỉnh|áp dụng)\b", re.I)
SCOPE_CLAUSE = re.compile(
    r"^Đối tượng (?:áp dụng|được điều chỉnh)\b|^(?:Luật|Nghị định|Nghị quyết|Quyết định|Thông tư) này (?:điều chỉnh|áp dụng)"
    r"\b[^.;:]*?\bđối với (?:các |những )?(?:đối tượng|người)\b",
    re.I,
)  # "1. Nghị định này điều chỉnh mức lương hưu … đối với các đối tượng …": the document's people, its other clauses groups
NOT_A_THING = re.compile(r"\b(?:được|phải|không|đối với|khi|nếu|trừ|riêng|đến|áp dụng|từ ngày)\b")


def whole_scope(doc: LegalDocument) -> frozenset[str]:
    """The references that name all of the document's people: its scope article ("Điều 1"), and a clause of it only
    when that clause is the scope itself ("2. Đối tượng áp dụng: …", "1. Nghị định này điều chỉnh … đối với các đối
    tượng …") or the article's only clause — never one group
    of several ("khoản 2 Điều 1" of an article listing two)."""
    refs: set[str] = set()
    for article in doc.articles:
        if not article.number.isdigit() or not SCOPE_TITLE.search(article.title):
            continue
        refs.add(f"Điều {article.number}")
        for clause in article.clauses:
            if SCOPE_CLAUSE.match(clause.text) or len(article.clauses) == 1:
                refs.add(f"khoản {clause.number} Điều {article.number}")
    return frozenset(refs)


def adjusted(quote: str, scope: frozenset[str] = frozenset()) -> str | None:
    """ "Điều chỉnh tăng thêm X% trên mức Y [của tháng …] [đối với các đối tượng quy định tại <scope>]" → "Y được tăng
    thêm X%.", or None when the provision is not such an adjustment, holds only for some of its people, places or
    time, or says anything after the month it is reckoned on."""
    m = ADJUSTMENT.match(" ".join(quote.split()))
    if not m or NOT_A_THING.search(m["what"]) or RECKONED_ON.search(m["what"]):
        return None
    if m["whom"] and not ((ref := SCOPE_REFERENCE.match(m["whom"])) and ref["ref"] in scope):
        return None
    text = f"{m['when'] or ''}{m['what']} được {m['how']}{m['more'] or ''} {m['rate']}."
    return capfirst(text) if words(text) <= MAX_WORDS and listenable(capfirst(text)) else None
