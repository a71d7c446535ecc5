"""A long rule whose object is a list of kinds of one thing, said as the rule and then its kinds.

"S … thì phải áp dụng hóa đơn điện tử có mã của cơ quan thuế, hóa đơn điện tử khởi tạo từ máy tính tiền …"
is too long to say in one breath, and no part of it can go: each kind is what the holder may use. A radio
editor says the rule with the thing named once, then the kinds:

    "S … thì phải áp dụng hóa đơn điện tử." + "Đó là hóa đơn điện tử có mã của cơ quan thuế, hóa đơn điện tử …"

The list is said word for word, with its own joins (a comma stays a comma, "hoặc" stays "hoặc"): nothing
is added, nothing is dropped. Refused when the first sentence, heard alone, would say more than the law:

- a negation or a ban before the thing ("không được sử dụng N A, N B" is not "không được sử dụng N");
- an exception or a condition after the list ("…, trừ …", "… nếu …"), which governs the rule, not the kinds;
- a list that is not only kinds of the thing: every item opens with the thing's words and holds no comma;
- a last item that carries the rule's complement ("… xe ô tô tải trên 3.500 kg đến trạm đăng kiểm … trong thời hạn
  30 ngày", "… nhà ở bán kiên cố … đến hết ngày 31 tháng 12 năm 2030"): a place, a time, a purpose the other items
  lack, or an item much longer than the others. "Đó là" would say the rule's deadline as a kind's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scripts.long_tails import FOLLOW_ON as TAIL_FOLLOW_ON
from scripts.negation import BAN, NEGATION

# The rule's verb is said with a modal or after "thì": "… thì phải áp dụng", "… được cấp", "… thì đăng ký sử dụng"
RULE_VERB = re.compile(r"(?:\bthì|\bphải|\bđược|\bcó trách nhiệm|\bcó nghĩa vụ)\s+(?P<verb>(?:\S+\s+){1,4})$")
NOT_A_VERB = re.compile(r"\b(?:của|cho|với|và|hoặc|các|những|tại|theo|từ|trong|là)\s+$")
# the first sentence would lift the negation off the kinds, or drop what "chỉ" limits ("chỉ được sử dụng hóa đơn …")
REFUSE_BEFORE = re.compile(rf"\b(?:{NEGATION}|{BAN}|chỉ)\b", re.I)
REFUSE_IN_LIST = re.compile(
    r"\b(?:trừ|ngoại trừ|nếu|khi|trường hợp|riêng|nhưng|song|không áp dụng|tùy|chỉ|kể cả|bao gồm)\b", re.I
)
JOIN = r"(?:,\s+(?:hoặc\s+|và\s+)?|\s+(?:hoặc|và)\s+)"
MIN_HEAD, MAX_HEAD = 2, 4  # the thing's words: "hóa đơn điện tử", "giấy phép lái xe"
MIN_ITEM_TAIL = 2  # an item says more than the thing: "hóa đơn điện tử có mã …"
MIN_RULE_WORDS = 6
# What the rule's verb takes after its object: said once after the last kind, it belongs to the rule, not to the kind
COMPLEMENT = re.compile(
    r"\b(?:đến|tại|để|nhằm|theo|trong thời hạn|trong thời gian|trong năm|kể từ|từ ngày|trước ngày|trước khi|sau ngày|"
    r"sau khi|chậm nhất|muộn nhất|cho đến|trên địa bàn|ngày \d|được|phải|không|chưa|bị)\b",
    re.I,
)
MAX_LAST_ITEM_RATIO = 3  # the last kind's own words, against the longest other kind's
# The kinds, a condition: said only right after the rule they belong to (``scripts.draft``)
FOLLOW_ON = re.compile(rf"^(?:Đó là|Điều kiện thứ (?:nhất|hai|ba) là|{TAIL_FOLLOW_ON})\s")
LEADS_ON = re.compile(r"khi có đủ (?:hai|ba) điều kiện\.$")  # a rule said only with the conditions that follow it


def _words(text: str) -> int:
    return len(text.split())


def _split_list(tail: str, head: str) -> list[str] | None:
    """ "N A, N B hoặc N C" → ["N A", "N B", "N C"] when every item opens with the thing N; else None."""
    items = re.split(JOIN + r"(?=" + re.escape(head) + r"\s)", tail)
    if len(items) < 2 or any(not item.startswith(head + " ") for item in items):
        return None
    if any("," in item or ";" in item or _words(item) - _words(head) < MIN_ITEM_TAIL for item in items):
        return None
    *others, last = (item[len(head) :] for item in items)
    if any(len(COMPLEMENT.findall(last)) > len(COMPLEMENT.findall(o)) for o in others):
        return None  # "…, N B đến trạm đăng kiểm trong thời hạn 30 ngày": the rule's complement, not N B's
    if _words(last) > MAX_LAST_ITEM_RATIO * max(_words(o) for o in others):
        return None
    return items


def kinds(text: str, limit: int, ok: Callable[[str], bool]) -> list[str]:
    """ "S phải V N A, N B" → ["S phải V N", "Đó là N A, N B"]; [] when not faithful or not shorter."""
    text = text.strip().rstrip(" .;")
    tokens = text.split()
    for start in range(MIN_RULE_WORDS, len(tokens) - MIN_HEAD):
        before = " ".join(tokens[:start])
        verb = RULE_VERB.search(before + " ")
        if not verb or NOT_A_VERB.search(before + " "):
            continue
        for size in range(MAX_HEAD, MIN_HEAD - 1, -1):
            head = " ".join(tokens[start : start + size])
            tail = " ".join(tokens[start:])
            items = _split_list(tail, head)
            if items is None:
                continue
            if REFUSE_BEFORE.search(before) or REFUSE_IN_LIST.search(tail):
                return []
            rule, kinds_said = f"{before} {head}", f"Đó là {tail}"
            if all(_words(s) <= limit and ok(s) for s in (rule, kinds_said)):
                return [rule, kinds_said]
            return []
    return listed_after(text, limit, ok)


# "… cấp bù tiền miễn học phí đối với cơ sở giáo dục mầm non, giáo dục phổ thông, cơ sở giáo dục thường xuyên và cơ sở
# giáo dục …": the list that ends the sentence, after the word that says for whom or where
LIST_OPENER = re.compile(r"\s(?:đối với|cho|tại)\s+")
MIN_TAIL_ITEMS = 3  # two kinds are said whole; a list worth a sentence of its own has three or more
SHARED_TAIL_WORDS = 3  # "… phổ thông dân lập, tư thục": a word after the last comma said of every kind, not a kind


def _heads(head: str) -> str:
    """The thing and its shorter forms of two words or more: "cơ sở giáo dục" and "giáo dục" ("giáo dục phổ thông")."""
    tokens = head.split()
    return "|".join(re.escape(" ".join(tokens[k:])) for k in range(len(tokens) - 1) if len(tokens) - k >= 2)


def _tail_items(tail: str, head: str) -> list[str] | None:
    """ "N A, B', N C và N D" (B' = N said short, "giáo dục phổ thông" for "cơ sở giáo dục …") → the kinds, or None."""
    items = re.split(JOIN + rf"(?=(?:{_heads(head)})\s)", tail)
    if len(items) < MIN_TAIL_ITEMS or sum(item.startswith(head + " ") for item in items) < 2:
        return None
    *others, last = items
    shared = last.split(", ")
    if any("," in item or ";" in item for item in others) or len(shared) > 2 or ";" in last:
        return None
    if len(shared) == 2 and (_words(shared[1]) > SHARED_TAIL_WORDS or re.search(r"\d", shared[1])):
        return None  # "…, thời gian từ ngày …": a part of the rule after the list, not a word said of every kind
    if any(len(COMPLEMENT.findall(last)) > len(COMPLEMENT.findall(o)) for o in others):
        return None
    if _words(last) > MAX_LAST_ITEM_RATIO * max(_words(o) for o in others):
        return None
    return items


def listed_after(text: str, limit: int, ok: Callable[[str], bool]) -> list[str]:
    """ "R đối với N A, N B và N C" → ["R đối với N", "Đó là N A, N B và N C"]: the list that closes the sentence, said
    word for word after the rule; [] when the rule is negated or limited, the list qualified, or either sentence not
    within `limit` words and `ok`."""
    for m in LIST_OPENER.finditer(text):
        before, tail = text[: m.end()].rstrip(), text[m.end() :]
        tokens = tail.split()
        if _words(before) < MIN_RULE_WORDS or REFUSE_BEFORE.search(before) or REFUSE_IN_LIST.search(tail):
            continue
        for size in range(MAX_HEAD, MIN_HEAD - 1, -1):
            head = " ".join(tokens[:size])
            if len(tokens) <= size or _tail_items(tail, head) is None:
                continue
            said = [f"{before} {head}", f"Đó là {tail}"]
            return said if all(_words(s) <= limit and ok(s) for s in said) else []
    return []
