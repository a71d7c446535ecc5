"""What a document asks residents to do, or gives them free: a plan mostly written to offices that still has a
resident act in it ("Cha mẹ học sinh nộp hồ sơ tại trường", "Thời gian nhận hồ sơ từ ngày … đến ngày …",
"Vắc xin được cấp miễn phí", "Trong thời gian …, nghiêm cấm đốt nương rẫy") is a full script, never a short notice:
a resident who hears only that it was issued misses the dates, the place and what to bring.
"""

from __future__ import annotations

import re

from scripts.holders import CASE_OPENINGS
from scripts.notions import FREE
from scripts.resident_voice import RESIDENTS

# who is asked: residents by what they are, and those who bring a child ("cha mẹ hoặc người chăm sóc trẻ")
ASKED = rf"(?:{RESIDENTS}|(?i:(?:các\s+)?(?:cha mẹ|cha, mẹ|người giám hộ|người chăm sóc trẻ|người đi tiêm|người đến khám)\b))"
# what they are asked to do, as the first verb after them: an act a resident does on a date, at a place
ACT = (
    r"(?:cần |phải |nên |hãy |có trách nhiệm |chủ động |khẩn trương )?"
    r"(?:nộp|đăng ký|đưa|mang theo|mang|tiêm|khai báo|báo ngay|sơ tán|di dời|di chuyển|ngừng|dừng|không đốt|"
    r"chấp hành|đến|làm thủ tục|kê khai|xuất trình)\b"
)
OPENING = rf"^(?:(?:{CASE_OPENINGS})\b[^,]{{0,90}},\s+)?"  # "Khi có lệnh sơ tán, …", "Trong thời gian …, …"
ASKS = re.compile(rf"{OPENING}{ASKED}(?:\s+[^.;:]{{0,60}}?)?\s{ACT}", re.I)
# the window in which residents file ("Thời gian nhận hồ sơ từ ngày … đến ngày …"): an office's act with a resident's term
WINDOW = re.compile(r"^(?:Thời gian|Thời hạn)\s+(?:nhận|nộp|tiếp nhận|đăng ký)(?:\s+hồ sơ)?\b[^.;]*?\btừ ngày\b", re.I)
# a ban with no subject, opened by its time or case: "Trong thời gian từ ngày …, nghiêm cấm đốt …"
TIMED_BAN = re.compile(rf"^(?:{CASE_OPENINGS})\b[^,]{{0,90}},\s+(?:nghiêm cấm|cấm)\s", re.I)


def asks_residents(text: str) -> bool:
    """A sentence asking residents to act, giving them a window to file in, a free service or a timed ban."""
    return bool(ASKS.search(text) or WINDOW.search(text) or FREE.search(text) or TIMED_BAN.search(text))


# an office told to charge residents at a rate ("Giao các đơn vị cấp nước thu tiền nước của hộ gia đình … theo mức 6.500
# đồng/m3"): the office's task is what residents pay
CHARGED = re.compile(
    rf"\bthu\s+(?:tiền|phí|lệ phí|học phí|giá)\b[^.;]{{0,40}}?\b(?:của|đối với)\s+{RESIDENTS}[^.;]{{0,80}}?"
    r"\d[\d.,]*\s*(?:nghìn |triệu )?đồng",
    re.I,
)


def charges_residents(text: str) -> bool:
    """An office's task that is a charge residents pay, with its amount."""
    return bool(CHARGED.search(text))
