"""What a shortened sentence may never leave half-said: a coordinated pair, a list, the period that bounds it, its end.

``scripts.sentences.shorten`` cuts a long provision at a comma and keeps the head. Three cuts said what the law does not:

- words coordinated by a comma share what follows them: "tối đa 1,28% dự toán thu, chi bảo hiểm xã hội" cut at
  its comma says "1,28% dự toán thu" (revenue only). "thu, chi", "quản lý, sử dụng", "cấp, đổi, cấp lại" are one unit
  (``comma_parts`` never splits them);
- a list of what someone gets, "hưởng lương hưu, trợ cấp một lần khi nghỉ hưu, bảo hiểm xã hội một lần hoặc …", cut
  after its first item says that the first is all there is (``splits_list``); the period that bounds the list
  ("trong thời gian từ ngày … đến ngày …") is kept or the sentence is not said;
- a sentence that ends on a function word or a word that needs its complement ("… chưa.", "… được.", "… của.") is a
  cut, not a rule (``open_end``), whichever edit made it.
"""

from __future__ import annotations

import re

from scripts.long_rules import ACTION

# Acts and accounts the law names in pairs or series with a comma ("thu, chi", "cấp, đổi, cấp lại"): a word of these
# at the end of one comma part, and another at the start of the next, are coordinated and share the object after them
COORDINATED_WORDS = (
    "thu|chi|thu gom|thu mua|chăn nuôi|trồng trọt|giết mổ|buôn bán|vận hành|lắp đặt|sơ chế|đóng gói|quản lý|sử dụng|cấp|đổi|cấp lại|cấp đổi|gia hạn|thu hồi|điều chỉnh|bổ sung|sửa đổi|thay thế|bãi bỏ|"
    "mua|bán|mua bán|trao đổi|sản xuất|kinh doanh|chế biến|nhập khẩu|xuất khẩu|tạm nhập|tái xuất|vận chuyển|"
    "lưu giữ|bảo quản|tàng trữ|tiêu thụ|khai thác|xây dựng|sửa chữa|cải tạo|nâng cấp|bảo dưỡng|lập|thẩm định|"
    "phê duyệt|kiểm tra|giám sát|thanh tra|kiểm soát|theo dõi|đánh giá|tiếp nhận|giải quyết|xử lý|chuyển nhượng|"
    "cho thuê|thuê|thế chấp|tặng cho|thừa kế|góp vốn|đầu tư|phân bổ|quyết toán|thanh toán|hướng dẫn|tổ chức|"
    "thực hiện|phòng|chống|phòng ngừa|ngăn chặn|khám bệnh|chữa bệnh|cứu nạn|cứu hộ|chủ trì|phối hợp|đăng ký|"
    "khai báo|trích|nộp|hoàn trả|miễn|giảm|bảo vệ|phát triển|lưu trữ|cung cấp|công bố|công khai"
)
COORDINATED = re.compile(rf"(?<![\wÀ-ỹ])(?:{COORDINATED_WORDS}), (?=(?:{COORDINATED_WORDS})(?![\wÀ-ỹ]))", re.I)
GLUE = "\x01"


def comma_parts(text: str) -> list[str]:
    """The parts of a sentence between commas, coordinated words ("thu, chi", "cấp, đổi, cấp lại") kept in one part."""
    glued = COORDINATED.sub(lambda m: m[0][:-2] + GLUE, text)
    return [p.replace(GLUE, ", ") for p in glued.split(", ")]


CLOSES_LIST = re.compile(r"^(?:\S+\s+){0,9}?(?:hoặc|và)\s")  # "bảo hiểm xã hội một lần hoặc …": the list's last item
OWN_VERB = re.compile(r"\b(?:phải|được|không|chưa|có trách nhiệm|thì|nếu|khi|trừ)\b")
ITEM_WORDS = 8
DUTY = re.compile(r"\b(?:phải|có trách nhiệm|có nghĩa vụ|chịu trách nhiệm)\b")  # not "được": "được hưởng A, B và C" is one list
NEXT_TASK = re.compile(rf"^{ACTION}\s")
ADJUSTED_LEAD = re.compile(r"[Đđ]iều chỉnh (?:tăng|giảm)(?: thêm)? \d+(?:,\d+)?\s*% (?:trên|so với) ")


def splits_list(parts: list[str], n: int) -> bool:
    """Would saying parts[:n] stop in the middle of a list ("hưởng lương hưu, | trợ cấp …, bảo hiểm xã hội một lần hoặc
    …")? The list goes on when the dropped parts are short items, without a rule of their own, up to the one that
    closes the list with "hoặc"/"và" (before any semicolon). A duty's next task ("… phải kiểm tra …, | chủ động chuẩn bị
    lương thực, thuốc men và …") is a statement of its own, not an item."""
    head = ", ".join(parts[:n])
    if DUTY.search(head) and NEXT_TASK.match(parts[n].strip()) or ADJUSTED_LEAD.search(head):
        return False  # an adjustment's head is said with its whole subject by ``scripts.adjusted``, or not at all
    for part in parts[n:]:
        part = part.strip()
        if ";" in part:
            return bool(CLOSES_LIST.match(part.split(";", 1)[0] + " "))
        if CLOSES_LIST.match(part):
            return True
        if len(part.split()) > ITEM_WORDS or OWN_VERB.search(part):
            return False
    return False


# A word a Vietnamese sentence cannot stop on: a preposition, a conjunction, a quantifier, an auxiliary or negation
# waiting for its verb ("… chưa.", "… bị."), a copula or "có" waiting for its object
NEEDS_MORE = frozenset(
    "chưa không và hoặc của cho với để theo tại được bị các những là có đã đang sẽ mà thì nếu khi từ trong bởi nhằm "
    "gồm như rằng mỗi mọi từng hay".split()
)
# ... unless it closes a word of its own ("thiết bị", "tặng cho", "hiện có", "kèm theo") or a question, an "if any"
WHOLE_WORDS = frozenset(
    "thiết_bị chuẩn_bị trang_bị dự_bị phòng_bị tặng_cho hiện_tại bên_trong hiện_có sẵn_có vốn_có giàu_có kèm_theo "
    "tiếp_theo bằng_không hay_không hoặc_không nếu_không hay_chưa hoặc_chưa nếu_có hay_có hoặc_có".split()
)
# "được" after a verb is "can" ("… không còn sử dụng được."); after an auxiliary it waits for its verb ("… chưa được.")
AUXILIARY = frozenset("không chưa đã sẽ đang cũng mới vẫn đều và hoặc thì mà là phải cần được bị".split())


NEGATIONS = frozenset({"chưa", "không"})


def open_end(text: str, negations: bool = True) -> bool:
    """Does the sentence stop on a word that cannot end it ("… chưa bao gồm thuế" cut to "… chưa")? `negations=False`
    (the listener's check, for now) lets "… chưa." and "… không." pass: see the note in ``scripts.listener``."""
    tokens = [t for t in (t.strip("()“”\"'.,;:!?…") for t in text.casefold().split()) if t]  # "(nếu có)": "nếu có"
    if not tokens or tokens[-1] not in NEEDS_MORE or not negations and tokens[-1] in NEGATIONS:
        return False
    before = tokens[-2] if len(tokens) > 1 else ""
    if tokens[-1] == "được":
        return before in AUXILIARY or not before
    return f"{before}_{tokens[-1]}" not in WHOLE_WORDS


DAY = r"ngày \d{1,2}(?: tháng \d{1,2}| ?/ ?\d{1,2})?"  # "ngày 05", "ngày 05 tháng 4", "ngày 05/4"
YEAR_OF = r"(?: năm | ?/ ?)\d{4}"
# "(trong thời gian) từ ngày 01 tháng 01 năm 2025 đến ngày 31 tháng 12 năm 2025", "từ ngày 05 đến ngày 15 tháng 4 năm
# 2026", "từ ngày 05/4/2026 đến hết ngày 15/4/2026", "từ tháng 6 đến hết tháng 8 năm 2026": a period that ends on a year
PERIOD = re.compile(
    rf"(?:trong thời gian\s)?từ (?:{DAY}|tháng \d{{1,2}})(?:{YEAR_OF})? đến (?:hết\s)?(?:{DAY}|tháng \d{{1,2}}){YEAR_OF}\b"
)


def loses_period(text: str, short: str) -> bool:
    """Did shortening drop the period the rule holds in ("… từ ngày 01 tháng 01 năm … đến ngày 31 tháng 12 năm …")?"""
    return any(m[0] not in short for m in PERIOD.finditer(text))
