"""Parts of a provision that give only another figure for the same rule, said with the rule's words again.

"Lao động nam … khi vợ sinh con được nghỉ việc hưởng chế độ thai sản 05 ngày làm việc; 07 ngày làm việc khi vợ sinh
con phải phẫu thuật …" leaves out, after the semicolon, every word of the first part before its figure. Split at its
semicolons, "07 ngày làm việc khi vợ sinh con phải phẫu thuật." was heard with no holder and no verb, as if for anyone.
The words left out are the first part's words before its figure; said again, each part is a whole rule with its holder:
"Lao động nam … được nghỉ việc hưởng chế độ thai sản 07 ngày làm việc khi vợ sinh con phải phẫu thuật …". A part may
repeat the last words before the figure ("…được hưởng … tối đa 20 ngày …; tối đa 15 ngày …", "… bằng 50% …; bằng
40% …"); a lead that announces its shares ("Số tiền … được chia như sau: 60% để …; 30% để …") loses "như sau".

Only a figure of the same kind (its unit: "ngày", "%", "đồng", "lần") takes the first part's words; nothing else is
added. Refused — the parts stay one sentence, said whole or not at all — when a part may govern the others (a cap or an
exception: "…, nhưng mức hỗ trợ không quá …", "trừ", "riêng"); a part left as it was when the first part has no holder
and verb before a figure of its kind (it may be a clause of its own: "…; 50% số tiền còn lại được chi trả cho …").
"""

from __future__ import annotations

import re

NUMBER = r"\d[\d.,/]*\s*(?P<unit>%|[^\s\d,;.:()]+)"
FIGURE = re.compile(rf"(?<![\w/.,]){NUMBER}")
LEADING = re.compile(rf"^(?P<words>(?:[^\s\d,;:()]+\s+){{0,3}}?){NUMBER}")  # "07 ngày", "bằng 40%", "tối đa 15 ngày"
ANNOUNCED = re.compile(r"\s*,?\s*(?:như sau|cụ thể(?: như sau)?)\s*:\s*$")
VERB = re.compile(r"\b(?:được|đóng|hưởng|hỗ trợ|nộp|bằng|thu|nghỉ|chia|chi|trả|giảm|tăng|miễn|phạt|cấp)\b")
FOR_ALL = re.compile(r",\s+(?:nhưng|song)\b|\b(?:trừ|ngoại trừ|riêng)\b", re.I)
MIN_HEAD_WORDS = 4
# "50% số tiền còn lại được chi trả cho …": a figure that opens a clause with its own verb is its subject, not left out;
# a verb only after "khi", "nếu", "để" … is the case's or the purpose's ("07 ngày làm việc khi vợ sinh con phải …")
OWN_VERB = re.compile(
    r"^(?:(?!\s(?:khi|nếu|để|đối với|trong trường hợp|trường hợp|với điều kiện)\s).)*?"
    r"\s(?:được|phải|là|bị|không|chịu|có trách nhiệm|đóng|nộp|hưởng|chi trả|áp dụng)\s"
)
ANNOUNCED_MID = re.compile(r"\s*,?\s*(?:như sau|cụ thể(?: như sau)?)\s*:\s*")


def _head(first: str, words: str, unit: str) -> str:
    """The first part's words before its figure of `unit`, less the `words` the part says again; "" when none."""
    for m in FIGURE.finditer(first):
        before = first[: m.start()].rstrip()
        if m["unit"] != unit or not before.endswith(f" {words}".rstrip()) and words:
            continue
        head = ANNOUNCED.sub("", before[: len(before) - len(words)]).strip()
        if words and head.endswith(f" {words}"):
            return ""  # "… trong phạm vi được hưởng như sau: được hưởng 100% …": the part is a predicate, said twice
        ok = head[:1].isupper() and len(head.split()) >= MIN_HEAD_WORDS and VERB.search(head) and ":" not in head
        return head if ok else ""
    return ""


def restored(pieces: list[str]) -> list[str]:
    """[first, "07 ngày …", …] → [first, head + "07 ngày …", …] where head is the first part up to its figure; the
    pieces joined again as one when a cap or an exception governs them all; a part with no such head left as it was."""
    first = pieces[0].strip()
    out = [first]
    for piece in (p.strip() for p in pieces[1:]):
        lead = LEADING.match(piece)
        head = _head(first, lead["words"].strip(), lead["unit"]) if lead and not OWN_VERB.match(f"{piece} ") else ""
        governed = any(FOR_ALL.search(p) for p in pieces)
        if head and not governed:
            out.append(f"{head} {piece}")
            if (listed := ANNOUNCED_MID.search(first)) and first.startswith(head):
                out[0] = f"{head} {first[listed.end() :]}"  # "… được chia như sau: 60% …" → "… được chia 60% …"
        elif head:
            return ["; ".join(pieces)]  # "…; 50% …, nhưng không quá …": each share under the cap, said whole or not at all
        else:
            out.append(piece)
    return out
