"""A long provision of semicolon-joined parts whose first part is a whole rule: the rule said alone.

"Hạng C1 cấp cho người lái xe ô tô tải … trên 3.500 kg đến 7.500 kg; các loại xe ô tô tải quy định cho giấy phép
lái xe hạng C1 kéo rơ moóc …; các loại xe quy định cho giấy phép lái xe hạng B" is too long to say, and its later
parts are no sentences (what else the licence covers, without holder or verb). ``scripts.sentences.split_units``
used to drop the whole provision with its figures; a radio editor says the first part, which stands alone:
"Hạng C1 cấp cho người lái xe ô tô tải … trên 3.500 kg đến 7.500 kg."

Only the first part is said, and only when it has its own holder and rule verb ("Hạng C1 cấp cho", "Cơ quan …
chỉ được sử dụng", "Bộ trưởng … quy định"). Refused when a dropped part may qualify it — an exception, a condition,
a case ("…; trừ …", "…, trừ người lái xe gắn máy", "…; trường hợp … thì …", "nếu", "riêng", "không áp dụng"), a rule
of its own ("…; phương tiện của hộ nghèo được miễn", "…; … thu 100.000 đồng": the first part said alone would tell
those it exempts to pay) —
or when the first part is a list's lead ("… bao gồm: ùn tắc giao thông; …") or a list item with no holder
("Cải tạo trái phép; cố ý can thiệp …", said under a ban's lead).
"""

from __future__ import annotations

import re

from scripts.agency import AGENCY, BINDS_RESIDENTS
from scripts.holders import CASE_OPENINGS

RULE_VERB = (
    r"(?:phải|chỉ được|được|không được|có trách nhiệm|có nghĩa vụ|chịu trách nhiệm|cấp cho|là|bằng|quy định|ban hành|"
    r"tổ chức|thực hiện)"
)
HOLDER = re.compile(rf"^(?P<holder>[A-ZĐÀ-Ỹ][^;:()]{{2,80}}?)\s+{RULE_VERB}\s")
NOT_A_HOLDER = re.compile(
    rf"^(?:{CASE_OPENINGS}|Riêng|Không|Chưa|Cấm|"
    r"Nghiêm cấm|Tạo|Góp|Quản lý|Lưu hành|Chở|Cải tạo|Bỏ|Sử dụng|Ban hành|Quy định)\b|\b(?:đã|đang|bị|có|nhưng|mà|thì|nếu|khi|"
    r"không|chưa|trừ)\b",
    re.I,
)  # "Xe đã đăng ký nhưng …", "Không sử dụng còi …": a case or a banned act of a list, not a holder
QUALIFIES = re.compile(
    r"\b(?:trừ|ngoại trừ|nếu|khi|trường hợp|riêng|không áp dụng|nhưng|song|tùy|chỉ|đối với|kể cả|bao gồm|"
    r"được|phải|không|chưa|miễn|giảm|tăng|cấm|bị|hưởng|nộp|thu(?!\s+(?:nhập|hồi|gom|hoạch|thập)\b))\b|"
    r"\d\s*(?:%|đồng|triệu|tỷ|nghìn)",
    re.I,
)  # a later part with a rule of its own ("…; hộ nghèo được miễn"): the first said alone would bind those it exempts
ACTS = re.compile(
    r"^(?:Bảo đảm|Đảm bảo|Kiểm tra|Chỉ đạo|Hướng dẫn|Tổ chức|Thực hiện|Tăng cường|Xây dựng|Phối hợp|Chủ trì|Chủ động|"
    r"Triển khai|Tuyên truyền|Rà soát|Theo dõi|Phát hiện|Xử lý|Giám sát|Hỗ trợ|Cung cấp|Thông báo|Trình|Phòng ngừa|"
    r"Bảo vệ|Nâng cao|Đẩy mạnh|Huy động|Bố trí|Duy trì|Vận động|Tham mưu|Đề xuất|Công khai|Cập nhật|Lập)\b",
    re.I,
)  # "Bảo đảm giao thông …", "Kiểm tra việc …": a task, no holder
MIN_WORDS = 8
MAX_HOLDER_WORDS = 12


def first_standing(pieces: list[str], longest: int) -> list[str]:
    """[first part] when the parts together exceed `longest` words and the first is a whole rule that no dropped
    part qualifies; else [] (say the provision whole, or not at all)."""
    if len(pieces) < 2 or sum(len(p.split()) for p in pieces) <= longest:
        return []
    first = pieces[0].strip()
    m = HOLDER.match(first)
    if not m or not first[:1].isupper() or NOT_A_HOLDER.search(m["holder"]) or ACTS.match(first) or " mà " in first:
        return []  # "Xe nhập khẩu được miễn thuế hoặc xe tạm nhập … mà tái xuất": a case of a list, not a rule
    if len(m["holder"].split()) > MAX_HOLDER_WORDS:
        return []
    if not re.search(r"\d", first):
        return []  # a figure the whole provision was dropped with: nothing else is worth the time it takes
    if ":" in first or len(first.split()) < MIN_WORDS or any(QUALIFIES.search(p) for p in pieces[1:]):
        return []
    return [first]


EXCEPTS = re.compile(
    r"\b(?:trừ|ngoại trừ|nếu|khi|trường hợp|riêng|không áp dụng|nhưng|song|tùy|miễn|giảm|không phải|không thu)\b", re.I
)
ITEM_WORDS = 4  # "hồ của xã": what follows a comma up to the semicolon, too short to be a clause of its own


def cut_between(parts: list[str], n: int) -> bool:
    """May ``scripts.sentences.shorten`` say parts[:n] of a provision and drop the rest? Always, unless parts joined
    by semicolons are dropped that qualify the head or rule on their own ("…; trừ …", "…; hộ nghèo được miễn"), or
    the cut splits a list of places or things ("… trên sông, | hồ của xã; …" would say "trên sông")."""
    dropped = ", ".join(parts[n:])
    if ";" not in dropped:
        return True
    return not EXCEPTS.search(dropped) and len(dropped.split(";", 1)[0].split()) > ITEM_WORDS


OFFICE_HEAD = re.compile(rf"^(?:{AGENCY}|Ủy ban nhân dân|UBND)", re.I)
OFFICE_STEP = re.compile(
    r"^(?:định kỳ,? |hằng (?:tháng|quý|năm),? |đồng thời |sau đó )?(?:tổng hợp,? |thẩm định,? )*"
    r"(?:gửi|báo cáo|trình|kiểm tra|theo dõi|đôn đốc|tham mưu|phối hợp|hướng dẫn)\b",
    re.I,
)


def without_office_tail(sentence: str) -> str:
    """ "Ủy ban nhân dân cấp xã lập danh sách hộ …, niêm yết công khai … trong 05 ngày; gửi Sở Y tế trước ngày 15 …"
    → the part residents see, without the step the office then takes between offices (sending up, reporting,
    inspecting, advising): an editor cuts that clause and keeps the rest. Only after an office's own clause."""
    parts = sentence.split("; ")
    if len(parts) < 2 or not OFFICE_HEAD.match(parts[0]):
        return sentence
    while len(parts) > 1 and OFFICE_STEP.match(parts[-1]) and not BINDS_RESIDENTS.search(parts[-1]):
        parts.pop()
    return "; ".join(parts) + ("." if len(parts) < sentence.count("; ") + 1 else "")
