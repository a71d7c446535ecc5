"""Shares ranked by order within a group ("người thứ nhất", "người thứ hai, thứ ba", "từ người thứ năm trở đi"), each
said with the group its order counts in.

"Người tham gia bảo hiểm y tế theo hình thức hộ gia đình đóng theo phương thức giảm dần như sau: người thứ nhất đóng
tối đa bằng 6% mức tham chiếu; người thứ hai, thứ ba, thứ tư đóng lần lượt bằng 70%, 60%, 50% mức đóng của người thứ
nhất; từ người thứ năm trở đi đóng bằng 40% mức đóng của người thứ nhất" is too long for one breath, and a part alone
("Người thứ hai, thứ ba, thứ tư đóng …") does not say whose second person. A radio editor says each part with the group:

    "Đối với người tham gia bảo hiểm y tế theo hình thức hộ gia đình, người thứ nhất đóng tối đa bằng 6% mức tham chiếu."
    "Đối với người tham gia …, người thứ hai, thứ ba, thứ tư đóng lần lượt bằng 70%, 60%, 50% mức đóng của người thứ nhất."

The group is the lead's subject, the words before the verb every part says again ("đóng"); the lead's manner ("theo
phương thức giảm dần") is what the parts spell out. Nothing else is added but "Đối với"; each part is said word for
word. Refused when a part is not an ordered share (its own subject not "người/hộ/con/lần thứ …"), when the parts do not
share the lead's verb, or when the lead opens with a condition or names no group.
"""

from __future__ import annotations

import re

LEAD = re.compile(r"^(?P<lead>[A-ZĐÀ-Ỹ][^;:]+?)\s*,?\s*(?:như sau|cụ thể(?: như sau)?)\s*:\s*(?P<item>.+)$", re.S)
ORDERED = re.compile(r"^(?:từ\s+)?(?:người|hộ|con|lần|thành viên)\s+thứ\s+(?:nhất|hai|ba|tư|bốn|năm|sáu|\d+)\b", re.I)
VERB = re.compile(r"\s(?P<verb>đóng|nộp|được hưởng|được hỗ trợ|hưởng|được)\s")
NOT_A_GROUP = re.compile(r"^(?:Khi|Nếu|Trường hợp|Trong trường hợp|Đối với|Việc|Mức)\b", re.I)
MIN_GROUP_WORDS = 2
MAX_GROUP_WORDS = 16


def ranked(pieces: list[str]) -> list[str]:
    """[lead "như sau: " item, item, …] → ["Đối với <group>, <item>", …]; `pieces` unchanged when not faithful."""
    if len(pieces) < 2 or not (m := LEAD.match(pieces[0].strip())):
        return pieces
    items = [m["item"].strip(), *(p.strip() for p in pieces[1:])]
    verbs = [VERB.search(f" {item} ") for item in items]
    if not all(ORDERED.match(item) for item in items) or not all(verbs):
        return pieces
    verb = verbs[0]["verb"] if verbs[0] else ""
    if any(v and v["verb"] != verb for v in verbs) or not (at := re.search(rf"\s{verb}\s", m["lead"])):
        return pieces
    group = m["lead"][: at.start()].strip()
    if NOT_A_GROUP.match(group) or not MIN_GROUP_WORDS <= len(group.split()) <= MAX_GROUP_WORDS:
        return pieces
    group = group if group.split()[0].isupper() else group[:1].lower() + group[1:]
    return [f"Đối với {group}, {item}" for item in items]
