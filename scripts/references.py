"""Who a reference means: "Đối tượng quy định tại điểm a khoản 2 Điều 1 Nghị quyết này" said by its own words.

A listener cannot look up "điểm a khoản 2 Điều 1"; dropping the reference leaves "đối tượng … được hỗ trợ
160.000 đồng" without saying who. When the reference points inside the same document, the group it names is
said instead: "Trẻ em đang học tại các cơ sở giáo dục mầm non thuộc loại hình dân lập, tư thục được …".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from scripts.legal import Article, LegalDocument
from scripts.negation import NEGATION
from scripts.sentences import capfirst, flat, lowerfirst, words

SUBJECT_REF = re.compile(
    r"(?P<who>\b(?:[Đđ]ối tượng|[Nn]gười|[Tt]rẻ em|[Hh]ộ|[Cc]ác đối tượng)(?:\s+[^\s,;.()]+){0,4}?)\s+"
    r"(?:được\s+)?(?:quy định|quy|nêu)\s+tại\s+(?:(?:các\s+)?điểm\s+(?P<p>[a-zđ](?:(?:\s*,\s*|\s+và\s+)(?:điểm\s+)?[a-zđ])*)\s+)?"
    r"khoản\s+(?P<k>\d+(?:(?:\s*,\s*|\s+và\s+)(?:khoản\s+)?\d+)*)\s+Điều\s+(?P<d>\d+)\s+"
    r"(?:của\s+)?(?:Nghị quyết|Nghị định|Quyết định|Thông tư|Luật|Quy định)\s+này"
)  # "… tại khoản 2 và khoản 4 Điều 6 Nghị định này": a group of each clause
DOCUMENT = r"(?:của\s+)?(?:Nghị quyết|Nghị định|Quyết định|Thông tư|Luật|Quy định)\s+này"
# "người đang hưởng lương hưu … theo quy định tại khoản 2 Điều 1 của Nghị định này": people named, then narrowed by
# the group a clause of the same document defines
HELD_REF = re.compile(
    r"(?:(?<=^)|(?<=,\s))(?P<who>[Nn]gười)\s[^;:()]{3,120}?\s+theo quy định tại\s+(?:điểm\s+(?P<p>[a-zđ])\s+)?"
    rf"khoản\s+(?P<k>\d+)\s+Điều\s+(?P<d>\d+)\s+{DOCUMENT}"
)
# The group a clause defines by when its people left work: "Các đối tượng quy định tại các điểm a, b … khoản 1 Điều này
# nghỉ hưởng lương hưu, trợ cấp … trước ngày 01 tháng 01 năm 1995 (bao gồm …)"; the date closes the group
DATED_GROUP = re.compile(
    r"^(?:(?:Các|Những)\s+)?(?:đối tượng|người)(?:\s+quy định tại\s+[^;:()]{3,80}?\b(?:Điều|khoản)\s+(?:này|\d+))?\s+"
    r"(?P<what>(?:nghỉ\s+|đang\s+|đã\s+)?hưởng\s[^;:().]{3,120}?\b(?:trước|từ|sau)\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
    r"(?=\s|,|$)"
)
HEAD_END = re.compile(r"[;.:(]|\s(?:đã|theo quy định|quy định tại|được|phải|thì)\s")
NEGATION_END = re.compile(rf"\b(?:{NEGATION})$")
MAX_HEAD_WORDS = 24  # the sentence it goes into is held to its own limit after


def _target(doc: LegalDocument, article: str, clause: str, point: str | None) -> str:
    found = doc.article(article)
    block = next((c for c in found.clauses if c.number == clause), None) if found else None
    if block is None:
        return ""
    if point is None:
        return flat(block.text)
    if text := next((p.text for p in block.points if p.label == point), ""):
        return flat(text)
    glued = re.search(rf"(?:^|\s){point}\)\s+(.+?)(?=\s[a-zđ]\)\s|$)", flat(block.text))  # "Đối tượng áp dụng a) Trẻ em …"
    return glued.group(1) if glued else ""


def _head(target: str) -> str:
    """The group a list item names, up to its first verb or qualifier: "Trẻ em đang học tại …, tư thục"; nothing when
    that is too long to say whole (cutting a list of places or kinds at a comma would widen or narrow the group) or
    when it ends on a negation ("… chưa được hưởng …": the group is who does not get it)."""
    head = HEAD_END.split(target, maxsplit=1)[0].strip(" ,")
    if NEGATION_END.search(head):
        return ""
    return head if 2 <= words(head) <= MAX_HEAD_WORDS else ""


def dated_group(target: str) -> str:
    """ "Các đối tượng quy định tại … khoản 1 Điều này nghỉ hưởng lương hưu … trước ngày 01 tháng 01 năm 1995 (…)" →
    "nghỉ hưởng lương hưu … trước ngày 01 tháng 01 năm 1995": what sets the group apart; "" when the clause does not
    open with such a group."""
    m = DATED_GROUP.match(target)
    return m["what"] if m else ""


def who_is_meant(line: str, doc: LegalDocument) -> str:
    """The line with a reference to a group of this document replaced by the group's own words."""
    m = SUBJECT_REF.search(line)
    if not m and (held := HELD_REF.search(line)) and (group := dated_group(_target(doc, held["d"], held["k"], held["p"]))):
        return f"{line[: held.start()]}{held['who']} {group}{line[held.end() :]}"  # "người nghỉ hưởng … trước ngày …"
    if not m or not (heads := _heads(doc, m)):
        return line
    said = capfirst(heads) if m.start() == 0 else lowerfirst(heads)
    return f"{line[: m.start()]}{said}{line[m.end() :]}"


def _heads(doc: LegalDocument, m: re.Match[str]) -> str:
    """The group one reference names: "đối tượng quy định tại điểm b và điểm c khoản 2 Điều 1" → "A và B", each
    point's own group; "" when one of them cannot be said or all of them would be too long to follow."""
    points = [p for p in re.split(r"\s*,\s*|\s+và\s+", re.sub(r"điểm\s+", "", m["p"] or "")) if p] or [None]
    clauses = [k for k in re.split(r"\s*,\s*|\s+và\s+", re.sub(r"khoản\s+", "", m["k"])) if k]
    if len(clauses) > 1 and points != [None]:
        return ""  # "điểm a khoản 1, khoản 2": which point of which clause is not said
    heads = [_head(_target(doc, m["d"], clause, point)) for clause in clauses for point in points]
    if not all(heads) or words(" ".join(heads)) > MAX_HEAD_WORDS:
        return ""
    tail = [lowerfirst(h) for h in heads[1:]]
    return f"{', '.join([heads[0], *tail[:-1]])} và {tail[-1]}" if tail else heads[0]


def within(doc: LegalDocument) -> Callable[[list[Article]], Callable[[str], str]]:
    """What resolves a reference inside the new wording an amending document quotes: against the amended document's
    provisions it quotes (``scripts.amended.as_amended``), never against the amending document's own articles."""

    def resolver(quoted: list[Article]) -> Callable[[str], str]:
        amended = replace(doc, articles=quoted)
        return lambda line: who_is_meant(line, amended)

    return resolver
