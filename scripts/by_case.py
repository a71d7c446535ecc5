"""A benefit whose rate depends on the case, listed after its lead, said as one sentence per case.

"Người tham gia bảo hiểm y tế khi đi khám bệnh, chữa bệnh đúng quy định được quỹ bảo hiểm y tế thanh toán chi phí
khám bệnh, chữa bệnh trong phạm vi được hưởng như sau: a) 100% chi phí khám bệnh, chữa bệnh đối với trẻ em dưới 6
tuổi; b) 95% chi phí …" is too long for one breath, and a case alone ("95% chi phí … đối với người hưởng lương hưu")
says neither who pays nor on what condition. Each case repeats the lead's base ("chi phí khám bệnh, chữa bệnh") with
its rate; said in the lead's words with the rate before the base and the case's group as the holder, it is a rule:

    "Trẻ em dưới 6 tuổi tham gia bảo hiểm y tế khi đi khám bệnh, chữa bệnh đúng quy định được quỹ bảo hiểm y tế thanh
    toán 100% chi phí khám bệnh, chữa bệnh trong phạm vi được hưởng."

The group takes the holder's place only when both are people ("Người tham gia …" and "trẻ em …") or both households
("Hộ gia đình tham gia …" and "hộ nghèo …"), keeping the holder's words after its head
(but "tham gia bảo hiểm y tế" when the payer is "quỹ bảo hiểm y tế", which pays only its members); else the holder is said with
"thuộc" the group ("Người tham gia bảo hiểm y tế thuộc các đối tượng khác …"); a case that is a situation ("đối với
trường hợp tự đi khám …") is said first, before the whole holder. The lead's condition and scope stay
word for word. Refused (`pieces` unchanged) when a case is not "rate base đối với group", its base is not the lead's,
or anything may govern the cases (an exception, a cap).
"""

from __future__ import annotations

import re

LEAD = re.compile(r"^(?P<lead>[A-ZĐÀ-Ỹ][^;:]+?)\s*,?\s*(?:như sau|cụ thể(?: như sau)?)\s*:\s*(?P<item>.+)$", re.S)
MARKER = re.compile(r"^(?:[a-zđ]\)|[-+•])\s*")
CASE = re.compile(
    r"^(?P<rate>(?:(?:bằng|tối đa|không quá)\s+)?\d[\d.,]*\s*%)\s+(?P<base>[^;:%\d]{3,80}?)\s+đối với\s+"
    r"(?P<group>[^;:]{3,80}?)\s*\.?$"
)  # "100% chi phí khám bệnh, chữa bệnh đối với trẻ em dưới 6 tuổi"
HOLDER = re.compile(
    r"^(?P<head>Người dân|Người|Hộ gia đình|Hộ)\s+(?P<own>(?:tham gia|thuộc|có|đang|đã)\s[^,;:]{3,60}?)(?=\s+(?:khi|nếu|được)\s)"
)  # "Người tham gia bảo hiểm y tế" before its condition or its verb
PEOPLE = re.compile(
    r"^(?:(?:các|những)\s+)?(?:người|trẻ em|trẻ|học sinh|sinh viên|học viên|phụ nữ|bà mẹ|thân nhân|cựu chiến binh)\s", re.I
)  # a group of people, never "các đối tượng khác", whose holder is said with "thuộc"
PAID_BY = re.compile(r"^tham gia (?P<what>bảo hiểm (?:y tế|xã hội|thất nghiệp)(?: tự nguyện)?)$")
# "Người tham gia bảo hiểm y tế … được quỹ bảo hiểm y tế thanh toán …": said by the fund that pays
IN_CASE = re.compile(r"^(?:các\s+)?trường hợp\s+(?P<case>.+)$", re.I)
GOVERNS = re.compile(r"\b(?:trừ|ngoại trừ|riêng|nhưng|song|không quá|tối đa)\b", re.I)


def _holder(lead: str, group: str) -> tuple[str, str] | None:
    """(holder said for `group`, the lead's words after its holder); None when the lead names no holder."""
    if not (m := HOLDER.match(lead)):
        return None
    household = m["head"].startswith("Hộ")
    same = group.lower().startswith("hộ ") if household else PEOPLE.match(group) and not group.lower().startswith("hộ ")
    rest = lead[m.end() :]
    if case := IN_CASE.match(group):  # "đối với trường hợp tự đi khám …": a case of the holder, said first
        return f"Trường hợp {case['case']}, {m[0][:1].lower()}{m[0][1:]}", rest
    paid = (own := PAID_BY.match(m["own"])) and f" quỹ {own['what']} " in rest  # the fund pays only its own members
    if same:
        return f"{group[:1].upper()}{group[1:]}{'' if paid else ' ' + m['own']}", rest
    return f"{m['head'] if paid else m[0]} thuộc {group}", rest


def by_case(pieces: list[str]) -> list[str]:
    """[lead "như sau: " case, case, …] → a sentence per case; `pieces` unchanged when not faithful."""
    if not pieces or not (m := LEAD.match(pieces[0].strip())):
        return pieces
    lead = m["lead"].strip()
    cases = [CASE.match(MARKER.sub("", p.strip())) for p in [m["item"], *pieces[1:]]]
    if GOVERNS.search(lead) or not all(cases):
        return pieces
    said = []
    for case in cases:
        assert case is not None
        base = re.search(rf"\s{re.escape(case['base'])}(?=[\s,]|$)", lead)
        holder = _holder(lead, case["group"])
        if not base or not holder or GOVERNS.search(case["group"]) or base.start() < len(lead) - len(holder[1]):
            return pieces
        rest = holder[1]
        at = base.start() - (len(lead) - len(rest))
        said.append(f"{holder[0]}{rest[:at]} {case['rate']}{rest[at:]}")
    return said


def case_of_lead(phrase: str, body: str) -> str:
    """A point ("100% chi phí … đối với trẻ em dưới 6 tuổi") under its lead ("… được quỹ … thanh toán chi phí … trong
    phạm vi được hưởng") said as its case's sentence; "" when the point is no case of the lead."""
    piece = f"{phrase.rstrip(' :,')} như sau: {body.strip().rstrip(' ;.')}"
    said = by_case([piece])
    return said[0] if said != [piece] else ""
