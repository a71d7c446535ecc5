"""A rule under a long double condition, said as the rule with its holder, then each condition.

"Trường hợp hộ kinh doanh, cá nhân kinh doanh tự xác định mức doanh thu năm … từ 01 tỷ đồng trở xuống mà đã kê khai
nộp thuế … theo Nghị định số 68/2026/NĐ-CP thì được xử lý tiền thuế đã nộp" is too long for one breath, and no part
can go: the right holds only when both conditions hold ("mà" joins them). A radio editor says:

    "Hộ kinh doanh, cá nhân kinh doanh được xử lý tiền thuế đã nộp khi có đủ hai điều kiện."
    "Điều kiện thứ nhất là tự xác định mức doanh thu năm … từ 01 tỷ đồng trở xuống."
    "Điều kiện thứ hai là đã kê khai nộp thuế … theo Nghị định số 68/2026/NĐ-CP."

The same with no opener when the holder comes first ("Người lái đò … có … mà chưa …, nếu không … thì được …"),
and with a condition after ", nếu" (up to three conditions). The rule is never said as for everyone: its first sentence says it holds only with the conditions, and
``scripts.draft`` says the conditions right after it, or drops them all. Each condition is said word for word.
Refused when the condition holds another condition or an exception ("nếu", "trừ", "riêng", a second "thì"), when
the rule itself carries one, when the rule's subject points back into the condition ("thời gian này", "người đó"),
and when the holder cannot be told from the first condition; a holder is never cut after a head that needs its
complement ("con của người | có công với cách mạng" is "con của người có công …", not a "con của người").
"""

from __future__ import annotations

import re
from collections.abc import Callable

OPENER = re.compile(r"^(?:Trong trường hợp|Đối với trường hợp|Trường hợp|Đối với)\s+", re.I)
# "… mà đã kê khai …", "… mà không đủ điều kiện …": a second condition; "điều ước quốc tế mà Việt Nam là thành viên" is not
AND_ALSO = re.compile(
    r"(?:\s+mà|,\s+nếu)\s+(?=(?:đã|đang|có|không|chưa|được|bị|vẫn|còn|hưởng|tham gia|thuộc|chuyển|nghỉ|đủ|tự)\b)"
)
NESTED = re.compile(r"\b(?:nếu|trừ|ngoại trừ|riêng|không áp dụng|thì|khi|tùy)\b|[;:()]", re.I)
# Where the holder ends in the first condition: "hộ kinh doanh, cá nhân kinh doanh | tự xác định …"
HOLDER_END = re.compile(
    r"\s(?=(?:tự|có|đã|đang|được|bị|không|chưa|thuộc|là|tham gia|hưởng|làm|nghỉ|vừa|đủ|còn|bắt đầu|đóng|nộp|"
    r"sử dụng|kê khai|thực hiện|đăng ký|nhận)\s)"
)
HOLDERLESS = re.compile(r"^(?:được|phải|không|chưa|có|vẫn|sẽ|tiếp tục|bị)\b")  # "… thì được xử lý …": the holder is S
NEEDS_MORE = re.compile(r"\b(?:người|của|cho|với|và|hoặc|các|những|đối với|thuộc|do|từ|có|là)$", re.I)
POINTS_BACK = re.compile(r"\b(?:này|đó|trên)\b")
# "trong thời gian người lao động | hưởng …": a time or a place, not a holder
NOT_A_HOLDER = re.compile(r"^(?:trong|khi|sau|trước|tại|từ|đến|theo|về|do|với|cho|ở|việc|thời gian|thời điểm)\b", re.I)
ORDINALS = ("nhất", "hai", "ba")
COUNTS = {2: "hai", 3: "ba"}
MAX_HOLDER_WORDS = 12


def _words(text: str) -> int:
    return len(text.split())


def conditions(text: str, limit: int, ok: Callable[[str], bool]) -> list[str]:
    """ "Trường hợp S A mà B thì được R" → ["S được R khi có đủ hai điều kiện", "Điều kiện thứ nhất là A",
    "Điều kiện thứ hai là B"]; [] when not faithful or not each within `limit` words and `ok`."""
    text = text.strip().rstrip(" .;")
    if text.count(" thì ") != 1:
        return []
    condition, rule = text.split(" thì ")
    opener = OPENER.match(condition)  # or none: "Dân quân thường trực có … mà không đủ …, nếu … thì được …"
    if NESTED.search(rule) or not (opener or condition[:1].isupper()):
        return []
    parts = AND_ALSO.split(condition[opener.end() if opener else 0 :].rstrip(" ,"))
    if len(parts) not in COUNTS or any(NESTED.search(p) for p in parts):
        return []
    if not HOLDERLESS.match(rule):
        return []  # a rule with a subject of its own ("tiền lương … được chuyển đổi"): whose conditions, unsaid
    # "con của người | có công với cách mạng": a head that needs its complement is no holder's end; cut further on
    cut = next((m for m in HOLDER_END.finditer(parts[0]) if not NEEDS_MORE.search(parts[0][: m.start()])), None)
    if not cut:
        return []
    holder, first = parts[0][: cut.start()], parts[0][cut.end() :]
    if _words(holder) < 2 or _words(holder) > MAX_HOLDER_WORDS or POINTS_BACK.search(holder) or NOT_A_HOLDER.match(holder):
        return []
    said = [f"{holder[:1].upper()}{holder[1:]} {rule} khi có đủ {COUNTS[len(parts)]} điều kiện"]
    said += [f"Điều kiện thứ {ORDINALS[i]} là {p}" for i, p in enumerate([first, *parts[1:]])]
    return said if all(_words(s) <= limit and ok(s) for s in said) else []
