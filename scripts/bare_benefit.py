"""A benefit said without whom it is for: "Tăng thêm 300.000 đồng/người/tháng đối với những người có mức hưởng …".

A list point often opens with the benefit itself and leaves its holder to the lead above it ("Người nghỉ hưởng trước
ngày … thì được điều chỉnh như sau:"). Lifted out alone, it gives an amount or a relief with no one to receive it;
"những người có mức hưởng …" only narrows a group the listener never heard. ``holderless`` tells the listener check
so; ``scripts.lead_holder`` says such a point with its lead's holder.
"""

from __future__ import annotations

import re

# The benefit a point opens with, in the words legal lists use for it
BARE_BENEFIT = re.compile(r"^(?P<verb>Tăng thêm|Tăng lên|Tăng(?! cường)|Hỗ trợ|Miễn|Giảm|Trợ cấp|Được)\s+(?P<what>\S.*)$")
# "… đối với những người có mức hưởng …": narrows the lead's group, names no one by itself
THOSE = re.compile(r"\s+(?:đối với|cho)\s+(?:những|các)\s+(?:người|đối tượng|trường hợp)\s+(?P<cond>(?:có|đang|đã|còn)\s.+)$")
# Whom a benefit can be for, said after "cho"/"đối với" ("… cho học sinh khuyết tật", "… đối với hộ nghèo")
NAMED = re.compile(
    r"\b(?:cho|đối với|của)\s+(?:(?:các|những|mỗi)\s+)?(?!(?:người|đối tượng|trường hợp)\s+(?:có|đang|đã|còn)\s)"
    r"(?:người|hộ|học sinh|sinh viên|trẻ em|trẻ|học viên|giáo viên|nông dân|ngư dân|cá nhân|gia đình|thân nhân|"
    r"lao động|đối tượng|phụ nữ|thành viên|dân quân|cựu chiến binh|chủ hộ|bà mẹ|nạn nhân|khách hàng|hộ kinh doanh|"
    r"doanh nghiệp|cán bộ|công chức|viên chức)\b",
    re.I,
)
AMOUNT = re.compile(r"\d[\d.,]*\s*(?:đồng|triệu|tỷ|nghìn|%)")
RELIEF = re.compile(r"^(?:Miễn|Giảm)\s+(?:\S+\s+){0,3}?(?:lãi suất|thuế|phí|lệ phí|học phí|tiền)\b")


def holderless(body: str) -> tuple[str, str] | None:
    """(listener code, message for the editor) when `body` is a benefit with no one to receive it, else None."""
    m = BARE_BENEFIT.match(body)
    if not m or m["verb"] == "Được":
        return None  # "Được …" is heard as the sentence before's predicate: ``no_main_clause`` says so already
    if THOSE.search(m["what"]) and AMOUNT.search(body):
        return "unlabelled_amount", "Số tiền không nói ai được hưởng («… đối với những người có …»): nói rõ nhóm nào."
    if not NAMED.search(m["what"]) and (AMOUNT.search(body) or RELIEF.match(body)):
        code = "unlabelled_amount" if AMOUNT.search(body) else "no_main_clause"
        return code, "Quyền lợi không nói của ai («Tăng thêm …», «Giảm lãi suất …»): nói rõ ai được hưởng."
    return None
