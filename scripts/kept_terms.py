"""What a shortened rule may not leave behind: its condition, its deadline, and (in the middle of it) its exception.

"…được hỗ trợ học nghề …, khi có xác nhận của Ủy ban nhân dân cấp xã …" cut at its comma makes a conditional right
sound general; a middle part "trừ …" or "khi …" dropped as a qualifier does the same. ``sentences.shorten`` keeps a
head only when what it drops opens no condition, and drops no middle part that opens an exception or a condition;
a sentence that cannot be cut elsewhere is not said by that route.

An exception at the end of a rule is kept when the whole rule is within a sentence's hard limit (``loses_exception``).
Not done: a longer one ("Tàu cá … dưới 12 mét không được hoạt động ở vùng lộng, trừ trường hợp được Ủy ban nhân dân
cấp tỉnh cho phép …", 42 words) is still cut off by ``shorten``'s head. Refusing it (``sets_terms`` in ``cut_loses``)
drops the child-seat rule of the road traffic law ("…, trừ loại xe ô tô chỉ có một hàng ghế", 40 words) and, by the
time it frees, another rules fact: rules 96 → 94 of 105, under the 0.9 the tests ask.
"""

from __future__ import annotations

import re

from scripts.editing import only_who_files
from scripts.figures_kept import drops_figure

EXCEPTION = re.compile(r"^(?:trừ|ngoại trừ)\s(?!(?:\d+\s+)?điểm\b)", re.I)  # "trừ điểm giấy phép lái xe" deducts, excepts nothing
CONDITION = re.compile(r"^(?:nếu|khi|trong trường hợp|trường hợp|với điều kiện|chỉ|riêng|nhưng|song|miễn là)\b", re.I)
DEADLINE = re.compile(r"\b(?:trước|chậm nhất|muộn nhất|trong thời hạn|trong vòng)\s+(?:\d|ngày\s+\d)")
# "… đến nơi an toàn trước 17 giờ ngày 15 tháng 10": the time a duty must be done by
HALF_EXCEPTION = re.compile(r",?\s+(?:trừ|ngoại trừ)\s+(?:các\s+)?(?:trường hợp|đối tượng)[.;,\s]*$")
# "…, trừ trường hợp." / "…, trừ đối tượng." whose cases were a reference or were cut: the rule is not said, neither
# with half its exception nor (as sentences.finish once did) without it
# "Cấm người dưới 18 tuổi vào …. Trường hợp có cha mẹ đi cùng thì được vào …": the ban's case, heard apart a right alone
CASE_AFTER_BAN = re.compile(
    r"(?<=[^\s.])\.\s+(?P<case>Trường hợp\s[^.;]{3,80}?\s+thì\s+(?:được|không phải|vẫn được)\s[^.;]+?)(?=\.?\s*$|\.\s)"
)
BAN = re.compile(r"\b(?:[Cc]ấm|không được)\b")
# "Không được nuôi chó dữ trong khu dân cư. Trừ trường hợp …": an exception written as a sentence of its own
EXCEPTION_SENTENCE = re.compile(r"(?<=[^\s.])\.\s+(?P<but>Trừ|Ngoại trừ)\s(?!(?:\d+\s+)?điểm\b)")
# "Người nuôi chó phải đăng ký …. Thời hạn đăng ký chậm nhất 10 ngày …": the act's deadline as a sentence of its own
DEADLINE_SENTENCE = re.compile(
    r"(?<=[^\s.])\.\s+Thời hạn (?P<act>[^.;:]{2,30}?)(?:\s+là|\s*:)?\s+"
    r"(?P<when>(?:chậm nhất|muộn nhất|trong vòng|trong thời hạn|trong|trước|không quá)\s[^.;]+)(?=[.;]?\s*$|\.\s)"
)
# "… được miễn học phí. Học sinh … được giảm 50%.": a rate whose charge the rule before it names
BARE_RATE_END = re.compile(r"\sđược\s+(?P<verb>giảm|hỗ trợ|miễn, giảm)(?:\s+thêm)?\s+\d[\d.,]*\s*%(?=\s*(?:[.;]|$))")
CHARGE_NAMED = re.compile(
    r"\b(?:miễn|giảm|hỗ trợ)\s+(?:\d[\d.,]*\s*%\s+)?(?P<what>(?:học phí|(?:lệ phí|phí|tiền|chi phí|mức đóng)(?:\s+[^\s.;,]+)+))(?=\s*[.;,]|$)"
)
OWN_RULE = re.compile(r"\b(?:phải|được|không được|thì|có trách nhiệm)\b")
# "…, khi vượt xe phải có tín hiệu báo hướng chuyển": a rule of its own after the comma, not a condition of the head


def sets_terms(part: str) -> bool:
    """Does the comma-separated part open an exception or a condition of the rule before it?"""
    part = part.strip()
    return bool(EXCEPTION.match(part) or CONDITION.match(part) and not OWN_RULE.search(part))


def cut_loses(head: str, dropped: list[str]) -> bool:
    """Would keeping only `head` lose what the rule is about: the filing verb its subject needs
    (``editing.only_who_files``), or a condition, a deadline or an exception among the dropped parts ("…, trừ trường
    hợp vi phạm quy định tại khoản 3 Điều này": without it the rule is wider than the law)?"""
    return (
        bool(dropped)
        and only_who_files(head, dropped[0])
        or any(
            CONDITION.match(p.strip()) and not OWN_RULE.search(p) or DEADLINE.search(p) or EXCEPTION.match(p.strip())
            for p in dropped
        )
    )


EXCEPTION_PART = re.compile(r",\s+(?:trừ|ngoại trừ)\s(?!(?:\d+\s+)?điểm\b)")


def loses_exception(text: str, short: str) -> bool:
    """Did shortening cut off the rule's exception ("Miễn lệ phí đối với …; hộ nghèo; người có công với cách mạng,
    trừ trường hợp cấp lại do làm mất giấy chứng nhận")? ``split_units`` then says the whole rule when it is within
    the hard limit of a sentence, as it does for an amount; a longer one is still cut (see the module's note)."""
    return bool(EXCEPTION_PART.search(text)) and not EXCEPTION_PART.search(short)


def loses_terms(text: str, short: str) -> bool:
    """Would shortening drop a figure the sentence gives, or its exception? Then the longer one is to say."""
    return drops_figure(text, short) or loses_exception(text, short)


def with_its_exception(text: str) -> str:
    """ "Không được nuôi chó dữ …. Trừ trường hợp được … cho phép." → "Không được nuôi chó dữ …, trừ trường hợp được …
    cho phép.": heard apart, the ban reaches everyone and the exception is a fragment; it stays with its rule."""
    text = EXCEPTION_SENTENCE.sub(lambda m: f", {m['but'].lower()} ", text)
    if (m := CASE_AFTER_BAN.search(text)) and BAN.search(text[: m.start()].rsplit(". ", 1)[-1]):
        text = f"{text[: m.start()]}, nhưng {m['case'][:1].lower()}{m['case'][1:]}{text[m.end() :]}"
    return text


# "… phải có giấy phép. Chậm nhất ngày 30 tháng 6 năm 2029.": a date alone, the deadline of the duty before it
DATE_ALONE = re.compile(
    r"(?<=[^\s.])\.\s+(?P<when>(?:Chậm nhất|Muộn nhất|Hạn chót|Hoàn thành)(?:\s+là|\s+đến|\s+trước)?\s+(?:ngày|trước ngày)\s"
    r"[\d\s/thángnăm]+?)\s*\.?\s*$"
)


def with_its_deadline(text: str) -> str:
    """ "Người nuôi chó phải đăng ký với … . Thời hạn đăng ký chậm nhất 10 ngày …" → "Người nuôi chó phải đăng ký với …
    chậm nhất 10 ngày …": the deadline said with the duty it sets (the sentence before says "phải" and its act); alone
    it has no verb and is dropped, and the duty is heard without its term."""
    if (alone := DATE_ALONE.search(text)) and re.search(r"\bphải\b", text[: alone.start()]):
        return f"{text[: alone.start()]}, {alone['when'][:1].lower()}{alone['when'][1:]}."
    m = DEADLINE_SENTENCE.search(text)
    if not m or not re.search(rf"(?:^|\s)(?:phải\s+)?{re.escape(m['act'].lower())}\s", text[: m.start()].lower()):
        return text
    return f"{text[: m.start()]} {m['when']}{text[m.end() :]}"


def with_its_charge(text: str) -> str:
    """ "Học sinh thuộc hộ nghèo được miễn học phí. Học sinh thuộc hộ cận nghèo được giảm 50%." → "… được giảm 50% học
    phí.": a rate said with the charge its rule names just before; alone, 50% of what?"""
    for m in reversed(list(BARE_RATE_END.finditer(text))):
        named = list(CHARGE_NAMED.finditer(text[: m.start()]))
        if named and len(named[-1]["what"].split()) <= 7:
            text = f"{text[: m.end()]} {named[-1]['what']}{text[m.end() :]}"
    return text
