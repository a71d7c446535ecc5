"""A sentence of a directive that already has its own subject, though it opens with neither an actor nor a ban.

A task group's items are bare verbs ("Xử lý nghiêm …"), said with the actor of their heading. An item, or the
part of one after a semicolon, may instead be a rule about a thing: "chi phí tiêm phòng do chủ nuôi tự chi trả",
"chó thả rông … mà không có người nhận thì được xử lý". Its subject is the thing; the actor put before it
("Người dân chi phí tiêm phòng …") makes a sentence no listener can parse.
"""

from __future__ import annotations

import re

THING_FIRST = re.compile(
    r"^(?:Chi phí|Kinh phí|Mức|Số tiền|Tiền|Giá|Phí|Lệ phí|Thời gian|Thời hạn|Hồ sơ|Danh sách|Chó|Mèo|Gia súc|"
    r"Gia cầm|Vật nuôi|Tàu|Xe|Phương tiện|Hàng hóa|Trẻ em|Đối tượng|Thẻ|Giấy|Sổ|Nhà|Đất|Rác|Chất thải)\s"
)  # a thing or a sum, which a rule is about and no office carries out
PAID_BY = re.compile(r"^[^,;]{2,60}?\sdo\s[^,;]{2,40}?\s(?:tự\s+)?(?:chi trả|chịu|đóng|nộp|bảo đảm)\b")  # "… do X chi trả"
RULE_THEN = re.compile(r"^(?P<head>[^;]{3,120}?)\sthì\s")  # "X … thì được …": the holder is in X


def own_clause(body: str) -> bool:
    """Does the sentence name what it is about before its verb ("Chi phí …", "… do chủ nuôi chi trả", "X … thì …")?
    A condition of a task ("Kiểm tra, nếu phát hiện … thì xử lý") leaves the task without a subject still."""
    if THING_FIRST.match(body) or PAID_BY.match(body):
        return True
    m = RULE_THEN.match(body)
    return bool(m and not re.search(r"\b(?:nếu|khi|trường hợp)\b", m["head"], re.I))
