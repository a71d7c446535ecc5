"""What an office is told to pass on to residents ("Thông báo cho nhân dân: trong thời gian …, nghiêm cấm đốt nương
rẫy …"): the message is the rule residents hear, said as written, without the office that relays it. Said with the
office ("Ủy ban nhân dân các xã thông báo cho nhân dân: …") the sentence runs past what a listener follows, and the
ban after the colon is lost.
"""

from __future__ import annotations

import re

RELAY = re.compile(
    r"^(?:Thông báo|Phổ biến|Tuyên truyền|Nhắc nhở|Khuyến cáo)(?:,\s*\w+)?(?:\s+rộng rãi)?\s+(?:cho|đến|tới)\s+"
    r"(?:toàn thể\s+|các tầng lớp\s+)?(?:nhân dân|người dân|bà con)(?:\s+biết)?\s*:\s*(?P<what>\S.*)$"
)
# what residents hear as a rule: a ban, opened by its time or case or not, or residents with what they must do
MESSAGE = re.compile(
    r"^(?:(?:Khi|Nếu|Trong|Từ|Kể từ|Trước|Sau|Trường hợp)\b[^,]{3,90},\s+)?(?:nghiêm cấm|cấm|không được)\s|"
    r"^(?:(?:các|mọi)\s+)?(?:người dân|nhân dân|hộ gia đình|chủ rừng|chủ hộ|cha mẹ|phụ huynh)\b[^.;:]{0,60}?\s"
    r"(?:phải|không được|cần|nộp|đăng ký|đưa)\s",
    re.I,
)


def relayed(line: str) -> str:
    """The message an office relays to residents, when it is a rule of theirs; else the line as it is."""
    if not (m := RELAY.match(line)) or not MESSAGE.match(m["what"]):
        return line
    return m["what"][:1].upper() + m["what"][1:]
