"""A long task or grant followed by its labelled details, said as the rule and then its details, never apart.

A plan or a decision writes what is done and then, after commas, its particulars, each opening with its label:
"Tổ chức tập huấn … cho học sinh …, thời gian từ ngày … đến ngày …, địa điểm tại nhà văn hóa các thôn". Too long for one
breath, the whole used to be dropped with its date and its amount. A radio editor says the task, then its details:

    "Tổ chức tập huấn … cho học sinh …." + "Cụ thể, thời gian từ ngày … đến ngày …, địa điểm tại nhà văn hóa các thôn."

Both are said word for word; nothing is added but "Cụ thể,", and the details ride on the rule as its follow-on
(``scripts.follow_ons``): said right after it, or neither. Refused when the rule before the details is no whole
sentence, when anything after it may govern it (an exception, a condition, a semicolon, a colon), or when either
sentence is too long or flagged by the listener.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# The label of a detail: what is said of the task (when, where, how much, for how many), not a new act
LABEL = r"(?:thời gian|thời hạn|thời điểm|địa điểm|mức|kinh phí|nguồn kinh phí|số lượng|quy mô|hình thức|phương thức)"
DETAIL = re.compile(
    rf"^{LABEL}\b(?:\s+\S+){{0,4}}?\s*:?\s+(?:từ|kể từ|trước|đến|trong|tại|ở|là|bằng|tối đa|tối thiểu|"
    r"không quá|khoảng|dự kiến|\d)",
    re.I,
)
OPENER = "Cụ thể, "
DETAILS = re.compile(rf"^{OPENER}{LABEL}\b", re.I)  # the follow-on, a whole sentence when it follows its rule
# A word after the rule that may govern it: said apart, the rule would hold where the law says it does not
GOVERNS = re.compile(r"\b(?:trừ|ngoại trừ|nếu|khi|trường hợp|riêng|nhưng|song|tùy|không áp dụng)\b|[;:()]", re.I)
MIN_RULE_WORDS = 6
SEPARATOR = re.compile(r"[,:]\s+")  # "…, thời gian …", "Hỗ trợ tiền điện cho hộ nghèo: mức hỗ trợ …"
FIGURE_AFTER_LABEL = re.compile(
    r"(?:^|(?<=, ))((?:mức|kinh phí|nguồn kinh phí|số lượng|quy mô)(?:\s+(?!(?:từ|đến|ngày|là|bằng|tối|không|khoảng)\b)"
    r"[^\s\d,:]+){0,3}?)\s+(?=\d)",
    re.I,
)  # an amount's label right before its figure, no verb between
LABEL_COLON = re.compile(rf"(?:^|(?<=, ))({LABEL}(?:\s+[^\s:,]+){{0,4}}?)\s*:\s*", re.I)  # "thời gian: từ …"


def _words(text: str) -> int:
    return len(text.split())


def labelled(text: str, limit: int, ok: Callable[[str], bool]) -> list[str]:
    """ "R, thời gian T, địa điểm P" (or "R: mức …, …") → ["R", "Cụ thể, thời gian T, địa điểm P"]; [] when not faithful or not each
    within `limit` words and `ok`."""
    text = text.strip().rstrip(" .;")
    at = next((m for m in SEPARATOR.finditer(text) if DETAIL.match(text[m.end() :])), None)
    if at is None:
        return []
    rule, details = text[: at.start()], LABEL_COLON.sub(r"\1 ", text[at.end() :])
    if _words(rule) < MIN_RULE_WORDS or GOVERNS.search(details) or rule.count("(") != rule.count(")"):
        return []
    for kept in _fewer(details, limit - _words(OPENER)):
        # word for word, else "mức hỗ trợ 500.000 đồng" → "mức hỗ trợ là 500.000 đồng": a fact the listener hears whole
        for told in dict.fromkeys((kept, FIGURE_AFTER_LABEL.sub(r"\1 là ", kept))):
            said = [rule, OPENER + told[:1].lower() + told[1:]]
            if all(_words(s) <= limit and ok(s) for s in said):
                return said
    return []


def _fewer(details: str, limit: int) -> list[str]:
    """The details, whole; when too long, without the last ones that carry no figure ("…, hình thức chi trả bằng tiền
    mặt …"): a date, an amount, an age is never dropped, nor a detail between two that are said."""
    parts = re.split(r", (?=" + LABEL + r"\b)", details, flags=re.I)
    while len(parts) > 1 and _words(", ".join(parts)) > limit and not re.search(r"\d", parts[-1]):
        parts.pop()
    return [", ".join(parts)]
