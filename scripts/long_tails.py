"""A long rule with a tail that qualifies it, said as the rule and then the tail, each a sentence, never apart.

"Hộ gia đình … phải nộp phí … bằng 10% giá bán nước sạch, trừ trường hợp hộ gia đình thuộc diện hộ nghèo …" is too
long for one breath; ``scripts.sentences.shorten`` used to keep the head and drop the exception, telling the poor
households they must pay. A radio editor says the rule, then its tail, word for word:

    "Hộ gia đình … phải nộp phí … bằng 10% giá bán nước sạch." + "Trừ trường hợp hộ gia đình thuộc diện hộ nghèo …"
    "Kinh phí … tối đa 50.000.000 đồng mỗi năm …" + "Trong đó, năm 2026 tối đa 30.000.000 đồng, …"
    "Người nuôi ong … được hỗ trợ 2.000.000 đồng … nếu đáp ứng một điều kiện." + "Điều kiện đó là đã đăng ký …"

The tail rides on the rule as its follow-on (``scripts.follow_ons``): both are said, right after one another, or
neither. Nothing is added but "Trừ", "Trong đó," and the words that announce a condition; nothing is dropped.
Refused when the sentence has more than one such tail, a part joined by a semicolon besides "; trong đó", a tail that
holds a rule of its own ("…, nếu A thì B": B is A's consequence, not the rule's), a condition under a condition
("Trường hợp … thì R, nếu …"), or a sentence either side too long to say or flagged by the listener.
"""

from __future__ import annotations

import re
from collections.abc import Callable

EXCEPT = re.compile(r",?\s+(?:trừ|ngoại trừ)\s+(?=trường hợp\s)")  # "…, trừ trường hợp …": the exception, said after
# "…; trong đó, năm 2025 tối đa …", "…, trong đó, ngân sách tỉnh …": a breakdown of what was said; not ", trong đó ghi
# rõ …" (what a paper says: no sentence of its own), nor "trong đó có …" (a list's part)
WHICH = re.compile(
    r"(?:;\s+trong đó,?|,\s+trong đó,)\s+(?!có\b)|"
    r",\s+trong đó\s+(?=(?:người|ngân sách|Nhà nước|hộ|học sinh|sinh viên|quỹ|doanh nghiệp|tổ chức|cá nhân|chủ|đơn vị|"
    r"thành viên|trẻ em)\b[^;:()]{0,60}?\s(?:đóng|nộp|chịu|hỗ trợ|chi trả|không phải)\s)",
    re.I,
)  # ", trong đó người sử dụng lao động đóng 2/3, …": who pays which share of the total just said
IF = re.compile(r",?\s+nếu\s+(?!không có\b)")  # "… được hỗ trợ … nếu đã đăng ký …"
TAIL_OPENERS = {"except": "Trừ ", "which": "Trong đó, ", "if": "Điều kiện đó là "}
ONE_CONDITION = " nếu đáp ứng một điều kiện"  # the rule said with the condition that follows it
FOLLOW_ON = r"Trừ trường hợp|Trong đó,|Điều kiện đó là|Những người này|Cụ thể,"  # said only right after their rule (``scripts.follow_ons``)
LEADS_ON = re.compile(rf"{ONE_CONDITION}\.$")
# The rule opens with a condition, a case, an exception of its own: a tail after it may belong to either
OPENS_WITH_CASE = re.compile(r"^(?:Trường hợp|Trong trường hợp|Nếu|Khi|Trừ|Ngoại trừ|Riêng)\b", re.I)
RULE_WORD = re.compile(
    r"\b(?:được|phải|không|là|có|bị|cấm|bằng|tối đa|tối thiểu|áp dụng|hưởng|nộp|đóng|thu|chịu|gồm)\b", re.I
)  # the part kept first must say a rule, not be the holder of one
# a condition already in the rule ("chỉ khi …", "trong các trường hợp …"): the rule does not hold on one condition alone
CONDITIONED = re.compile(r"\b(?:khi|trường hợp|với điều kiện)\b", re.I)
OPEN_END = re.compile(r"\b(?:của|cho|với|và|hoặc|theo|tại|từ|đến|các|những|là|được|phải|như|sau)$", re.I)
MIN_TAIL_WORDS = 3
MIN_RULE_WORDS = 6


def _words(text: str) -> int:
    return len(text.split())


ASIDE = re.compile(r"\([^()]*\)")


def _markers(text: str) -> list[tuple[str, re.Match[str]]]:
    """Where a tail may start, outside asides ("… (nếu có)", "… (trừ số chi …)")."""
    text = ASIDE.sub(lambda m: "_" * len(m[0]), text)
    found = [("except", m) for m in EXCEPT.finditer(text)] + [("which", m) for m in WHICH.finditer(text)]
    found += [("if", m) for m in IF.finditer(text)]
    return found


def tails(text: str, limit: int, ok: Callable[[str], bool]) -> list[str]:
    """ "R, trừ trường hợp E" → ["R", "Trừ trường hợp E"]; "R; trong đó, X" → ["R", "Trong đó, X"]; "R nếu C" →
    ["R nếu đáp ứng một điều kiện", "Điều kiện đó là C"]: each within `limit` words and `ok`, else []."""
    text = text.strip().rstrip(" .;")
    found = _markers(text)
    if len(found) != 1:
        return []
    kind, m = found[0]
    rule, tail = text[: m.start()].rstrip(" ,"), text[m.end() :].strip()
    if ";" in rule or ";" in tail or rule.count("(") != rule.count(")") or tail.count("(") != tail.count(")"):
        return []
    if not rule[:1].isupper() or _words(rule) < MIN_RULE_WORDS or _words(tail) < MIN_TAIL_WORDS:
        return []
    if not RULE_WORD.search(rule) or OPEN_END.search(rule):
        return []  # "Người … bắt đầu tham gia … từ ngày" is whose rule? "… áp dụng đối với": half a phrase
    if kind == "if" and (re.search(r"\bthì\b", tail) or OPENS_WITH_CASE.match(rule) or re.search(r"\bthì\b", rule)):
        return []  # "R, nếu A thì B": B is what follows A; "Trường hợp X thì R nếu C": whose condition is C?
    if kind == "if" and CONDITIONED.search(rule):
        return []  # "… chỉ khi có phương án … nếu được xác nhận": two conditions, not "một điều kiện"
    if kind == "if":
        tail = re.sub(r"^là\s+", "", tail)  # "… nếu là hộ nghèo": "Điều kiện đó là hộ nghèo", never "là là"
    if kind == "except" and OPENS_WITH_CASE.match(rule) and not re.search(r"\bthì\b", rule):
        return []  # "Khi … , trừ trường hợp …": the case has no rule yet
    said = [rule + ONE_CONDITION if kind == "if" else rule, TAIL_OPENERS[kind] + tail]
    return said if all(_words(s) <= limit and ok(s) for s in said) else []


# A holder said apart: "Người … (many words that say who) được hưởng …" → "Quy định này áp dụng cho người …" + "Những người
# này được hưởng …". Only for a holder that names people, with one modal in the whole sentence (so the cut is where the
# holder ends, never inside "người được cử đi …" or the predicate's own "được"), and no condition or exception anywhere.
PEOPLE = re.compile(
    r"^(?:(?P<households>Hộ(?! kinh doanh)(?: gia đình)?)|Người|Cá nhân|Chủ hộ|Thân nhân|Học sinh|Sinh viên|Trẻ em|Lao động|Dân quân|"
    r"Cán bộ|Công chức|Viên chức|Quân nhân)\b"
)  # not "Chủ rừng", "Chủ đầu tư", "Hộ kinh doanh": an owner or a business may be an organisation, not "những người này"
MODAL = re.compile(r"\s(?:không được|được|phải|không phải|có trách nhiệm|có nghĩa vụ|bị)\s")
GOVERNS = re.compile(r"\b(?:trừ|ngoại trừ|nếu|khi|thì|trường hợp|riêng|nhưng|tùy)\b|[;:]", re.I)
FOR_WHOM, THEY, THOSE_HOUSEHOLDS = "Quy định này áp dụng cho ", "Những người này ", "Những hộ này "
MIN_HOLDER_WORDS = 12


def holder_apart(text: str, limit: int, ok: Callable[[str], bool]) -> list[str]:
    """ "H Q được P" → ["Quy định này áp dụng cho h Q", "Những người này được P"]; [] when the cut may narrow or widen who
    is meant, when the provision can be said whole (within `limit`), or either sentence is too long or flagged."""
    text = text.strip().rstrip(" .;")
    modals = list(MODAL.finditer(text))
    people = PEOPLE.match(text)
    if _words(text) <= limit or not people or len(modals) != 1 or GOVERNS.search(text):
        return []
    holder, predicate = text[: modals[0].start()].rstrip(" ,"), text[modals[0].start() :].strip()
    if _words(holder) < MIN_HOLDER_WORDS or _words(predicate) < MIN_TAIL_WORDS or OPEN_END.search(holder):
        return []
    if re.search(r"\btrong đó\b|\d\s*(?:%|đồng)", holder):
        return []  # "Hộ … đóng góp … bằng 1% …, trong đó hộ nghèo | không phải đóng góp": a rule and its share, no holder
    said = [FOR_WHOM + holder[:1].lower() + holder[1:], (THOSE_HOUSEHOLDS if people["households"] else THEY) + predicate]
    return said if all(_words(s) <= limit and ok(s) for s in said) else []
