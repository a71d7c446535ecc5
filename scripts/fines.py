"""Fines said with their offence: "Hành vi đổ rác trên mặt đê bị phạt tiền từ 500.000 đồng đến 1.000.000 đồng."

A decree on sanctions writes the fine first and the offence after it ("1. Phạt tiền từ … đến … đối với hành vi …"),
or the fine as a heading over a list of offences ("… đối với một trong các hành vi sau đây:" then "a) …;"). Heard
as written, the amount comes without the act it punishes, and each point is an act without its fine. Said the
other way round, the offence is the subject and the fine its predicate: one offence, one sentence.
"""

from __future__ import annotations

import re

from scripts.lead_rows import closed
from scripts.legal import Article
from scripts.selection import Candidate, Source, score
from scripts.sentences import HARD_MAX_WORDS, capfirst, listenable, lowerfirst, words

_MONEY = r"\d{1,3}(?:\.\d{3})+ đồng"
FINE = re.compile(
    rf"^(?P<fine>(?:Phạt cảnh cáo hoặc )?[Pp]hạt tiền (?:từ )?{_MONEY}(?: đến {_MONEY})?)\s+(?:đối với|với)\s+"
    r"(?P<rest>.+?)[.;:]?$"
)
LIST_OF_ACTS = re.compile(r"^(?:(?:một trong )?(?:các|những) )?hành vi(?: vi phạm)?(?: sau(?: đây)?)?$")  # "… đối với hành vi:"
HELD_LIST = re.compile(
    r"^(?P<who>(?:cá nhân|tổ chức|người|chủ|hộ)\b.{0,80}?)\s+(?:thực hiện|có|vi phạm)\s+(?:một trong\s+)?(?:các|những) hành vi"
    r"(?: vi phạm)? sau(?: đây)?$"
)
UNSAID_LIST = re.compile(r"\bhành vi(?: vi phạm)? sau(?: đây)?\b")
ACT = re.compile(r"^hành vi\s+", re.I)
WHO = re.compile(r"^(?:cá nhân|tổ chức|người|chủ|hộ|trường hợp)\b", re.I)
EXCEPTED = re.compile(r",\s+(?:trừ|ngoại trừ)\s+(?!điểm\b)[^;]*,[^;]*$")  # an exception that has a comma of its own
BONUS = 1.0  # a fine residents risk is news


def _said(act: str, fine: str) -> str:
    act = re.sub(r"[;.,]\s*(?:và|hoặc)?\s*$", "", " ".join(act.split())).strip()
    but = ""
    if m := EXCEPTED.search(act):  # "…, trừ trường hợp chở người bệnh đi cấp cứu, trẻ em dưới 06 tuổi": said after
        act, but = act[: m.start()], m.group()  # the fine, never "… trẻ em dưới 06 tuổi bị phạt tiền"
    act = closed(act)  # "…, trừ trường hợp chở người bệnh đi cấp cứu,": the exception closed before "bị phạt"
    if WHO.match(act):  # "cá nhân có hành vi …", "trường hợp …": the one fined is already named
        return f"{capfirst(act)} bị {lowerfirst(fine)}{but}."
    return f"Hành vi {lowerfirst(ACT.sub('', act))} bị {lowerfirst(fine)}{but}."


def fine_candidates(article: Article, index: int, total: int, order: int) -> tuple[list[Candidate], set[tuple[str, str | None]]]:
    """(one sentence per offence with its fine, the (clause, point) of every offence said under a fine heading)."""
    out: list[Candidate] = []
    listed: set[tuple[str, str | None]] = set()
    for clause in article.clauses:
        m = FINE.match(" ".join(clause.text.split()))
        if not m:
            continue
        acts: list[tuple[str | None, str]] = [(p.label, p.text) for p in clause.points]
        who = ""
        if held := HELD_LIST.match(m["rest"]):  # "… đối với người điều khiển xe mô tô thực hiện một trong các hành vi sau đây:"
            who = held["who"]
        elif UNSAID_LIST.search(m["rest"]) and not LIST_OF_ACTS.match(m["rest"]):
            continue  # "… các hành vi sau đây, trừ trường hợp …:": neither the lead nor its points said without the other
        elif not LIST_OF_ACTS.match(m["rest"]):
            acts = [(None, m["rest"])]
        listed.update((clause.number, label) for label, _ in acts)
        for n, (label, act) in enumerate(acts):
            said = capfirst(_said(f"{who} {lowerfirst(act)}" if who else act, m["fine"]))
            if words(said) <= HARD_MAX_WORDS and listenable(said):
                source = Source(article.number or None, clause.number, label, act)
                out.append(Candidate(said, source, score(said, article.title, index, total) + BONUS, index, order + n))
    return out, listed
