"""A rate change said with what it changes as its subject.

A decree writes an adjustment without a subject: "Từ ngày 01 tháng 7 năm 2027, điều chỉnh tăng thêm 6% trên mức
phụ cấp, trợ cấp hằng tháng của tháng 6 năm 2027 đối với các đối tượng quy định tại Điều 1". Cut at its first comma
it loses what is raised ("… trên mức phụ cấp."); said as "Từ ngày 01 tháng 7 năm 2027, phụ cấp, trợ cấp hằng tháng
được tăng thêm 6%." it is a whole sentence a listener can follow, in the decree's own words. Only when whom it is
for is a mere reference to the document's scope: a rate for some people is never said as a rate for all.
"""

from __future__ import annotations

import re

from scripts.sentences import MAX_WORDS, capfirst, listenable, words

ADJUSTMENT = re.compile(
    r"^(?P<when>(?:Từ|Kể từ) ngày [^,;.]+, )?[Đđ]iều chỉnh (?P<how>tăng|giảm)(?P<more> thêm)? (?P<rate>\d+(?:,\d+)?\s*%)"
    r" (?:trên|so với) (?:mức |số )?(?P<what>[^.;:]+?)(?: của (?:tháng|năm|quý) [^.;:]*?)?"
    r"(?: đối với (?P<whom>[^.;:]+?))?\s*[.;]?$"
)
SCOPE_ONLY = re.compile(r"^(?:các |những )?(?:đối tượng|trường hợp|người) (?:quy định|nêu) tại\b")
NOT_A_THING = re.compile(r"\b(?:được|phải|không|đối với|khi|nếu|trừ)\b")


def adjusted(quote: str) -> str | None:
    """ "Điều chỉnh tăng thêm X% trên mức Y [của tháng …] [đối với các đối tượng quy định tại …]" → "Y được tăng
    thêm X%.", or None when the provision is not such an adjustment or holds only for some of its people."""
    m = ADJUSTMENT.match(" ".join(quote.split()))
    if not m or m["whom"] and not SCOPE_ONLY.match(m["whom"]) or NOT_A_THING.search(m["what"]):
        return None
    text = f"{m['when'] or ''}{m['what']} được {m['how']}{m['more'] or ''} {m['rate']}."
    return capfirst(text) if words(text) <= MAX_WORDS and listenable(capfirst(text)) else None
