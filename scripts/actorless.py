"""A resident's duty or right listed under its holder, said with that holder even when the point runs on.

"Người trúng đấu giá biển số xe có nghĩa vụ sau đây:" then "b. Thực hiện thủ tục đăng ký xe … trong thời hạn 12
tháng …; trường hợp … thì thời hạn này được kéo dài …. Sau thời hạn quy định, …": the point is too long to join to
its lead whole, and its first sentence alone ("Thực hiện thủ tục đăng ký xe … trong thời hạn 12 tháng …") is an order
without a subject — a listener cannot tell who must act, and the listener check drops it as an office's task. Said
with its holder it is what the resident must do and by when: "Người trúng đấu giá biển số xe có nghĩa vụ thực hiện
thủ tục đăng ký xe … trong thời hạn 12 tháng …". Only a resident holder's lead is joined this way (an office's duties
are its own work); the point's other sentences are said as before.
"""

from __future__ import annotations

import re

from scripts.sentences import MAX_WORDS, finish, listenable, lowerfirst, split_units, words

RESIDENT_LEAD = re.compile(
    r"^(?:(?:Các|Mọi|Những) )?(?:Người (?!đứng đầu|có thẩm quyền)|Hộ\b|Chủ (?!trì|tịch|động|đầu tư|quản)|Cá nhân|Công dân|"
    r"Học sinh|Sinh viên|Trẻ em|Thân nhân|Dân quân|Nông dân|Ngư dân|Khách hàng|Bà con)"
    r"[^.;:]{0,80}?\s(?P<verb>có nghĩa vụ|có trách nhiệm|có quyền|phải|được)$"
)  # "Người trúng đấu giá biển số xe có nghĩa vụ", "Chủ rừng có trách nhiệm", "Hộ gia đình được"
BARE_ACT = re.compile(
    r"^(?:Thực hiện|Nộp|Đóng|Chấp hành|Tham gia|Thông báo|Đăng ký|Kê khai|Khai báo|Xuất trình|Cung cấp|Mang|Giữ|"
    r"Trang bị|Bảo đảm|Đảm bảo|Làm thủ tục|Đề nghị|Gửi|Báo|Sử dụng|Nhận|Hoàn trả|Bồi thường|Chịu)\b"
)  # a point that starts with the act itself: the holder is the lead's

QUALIFIED = re.compile(r"\b(?:trừ|ngoại trừ|nếu|trường hợp)\b", re.I)  # an exception or a condition in the point


def with_holder_first(phrase: str, unit: str) -> list[str] | None:
    """Each sentence of the point said as before, its opening act with the lead's resident holder; None when the
    lead is not a resident's duty or right or the point does not open with a bare act; without its opening act when
    the point has an exception or a condition (trừ, nếu, trường hợp) that act is said without."""
    if not RESIDENT_LEAD.match(phrase):
        return None
    said = split_units(unit)
    if not said or not BARE_ACT.match(said[0]):
        return None
    if QUALIFIED.search(unit) and not QUALIFIED.search(said[0]):
        return said[1:]  # "Nộp đủ tiền … trong thời hạn 30 ngày …, trừ trường hợp …": never without its exception
    joined = finish(f"{phrase} {lowerfirst(said[0])}")
    if words(joined) > MAX_WORDS + 8 or not listenable(joined):
        return None
    return [joined, *said[1:]]
