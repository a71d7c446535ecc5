"""A rule and the sentences that continue it, one unit: said together, right after one another, or not at all.

``scripts.long_kinds`` and ``scripts.long_conditions`` say a long provision as a rule and follow-ons ("… phải áp dụng
hóa đơn điện tử." + "Đó là hóa đơn …"; "… được R khi có đủ hai điều kiện." + "Điều kiện thứ nhất là A." + "Điều kiện
thứ hai là B."). Neither half may be heard alone: "Đó là …" after another sentence names the wrong thing, and the rule
without its kinds or conditions says more than the law. The follow-ons ride on the rule's candidate
(``scripts.selection.Candidate.follow``): selection, the lead, notices and the editor assist take or leave them whole.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from scripts.long_kinds import FOLLOW_ON, LEADS_ON
from scripts.long_labels import OPENER
from scripts.long_tails import FOR_WHOM, TAIL_OPENERS, THEY
from scripts.long_tails import LEADS_ON as ONE_CONDITION

KINDS = "Đó là "
TAILS = (TAIL_OPENERS["except"] + "trường hợp ", TAIL_OPENERS["which"], OPENER)  # "Trừ trường hợp …", "Trong đó, …"
CONDITIONS = ("Điều kiện thứ nhất là ", "Điều kiện thứ hai là ", "Điều kiện thứ ba là ")
COUNTS = {"hai": 2, "ba": 3}


def complete(text: str, follow: tuple[str, ...] | list[str]) -> bool:
    """Does `text` come with all it needs after it: its conditions in order, or at most one "Đó là …" and one
    "Trừ trường hợp …" or "Trong đó, …" (``scripts.long_tails``)?"""
    if m := LEADS_ON.search(text):
        need = COUNTS[m[0].split()[3]]
        return len(follow) == need and all(f.startswith(CONDITIONS[i]) for i, f in enumerate(follow))
    if text.startswith(FOR_WHOM):  # "Quy định này áp dụng cho người …": then what they get or must, said once
        return len(follow) == 1 and follow[0].startswith(THEY)
    if ONE_CONDITION.search(text):
        return len(follow) == 1 and follow[0].startswith(TAIL_OPENERS["if"])
    tails = [f for f in follow if f.startswith(TAILS)]  # an exception, a breakdown: each said once, after the kinds
    kinds = [f for f in follow if f.startswith(KINDS)]
    return len(kinds) <= 1 and len(tails) <= 1 and list(follow) == kinds + tails


class Said(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def source(self) -> object: ...


S = TypeVar("S", bound=Said)


def runs(sentences: list[S]) -> list[list[S]]:
    """Each sentence with the follow-ons said right after it from the same provision."""
    out: list[list[S]] = []
    for sentence in sentences:
        if out and FOLLOW_ON.match(sentence.text) and sentence.source is not None and out[-1][0].source == sentence.source:
            out[-1].append(sentence)
        else:
            out.append([sentence])
    return out


def whole(sentences: list[S]) -> list[S]:
    """Only whole units: no follow-on without its rule, no rule without all its follow-ons right after it."""
    kept = [
        run for run in runs(sentences) if not FOLLOW_ON.match(run[0].text) and complete(run[0].text, [s.text for s in run[1:]])
    ]
    return [s for run in kept for s in run]
