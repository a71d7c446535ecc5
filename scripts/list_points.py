"""List points that are part of what their list says, never a bulletin's main point.

A point continues its clause: "Người đang hưởng trợ cấp … mà chết từ ngày 01 tháng 7 năm 2025 trở đi thì:" then
"b) Thân nhân được hưởng trợ cấp tuất một lần …". Said without that condition it reads as a rule for every family,
so it never opens the bulletin nor is repeated at its end; nor is a member of a list of people said as "X thuộc
diện được …", which names a group but states no rule.
"""

from __future__ import annotations

import re

from scripts.legal import LegalDocument
from scripts.selection import Candidate, Source
from scripts.sentences import flat

CONDITION_LEAD = re.compile(r"\b(?:thì|mà|khi|nếu|trường hợp)\b[^:]*:\s*$", re.I)
# "Người đang hưởng … mà chết từ ngày … trở đi thì:", "Người đang hưởng … khi chết được giải quyết … như sau:"


COVERED_ONLY = re.compile(r"\bthuộc diện được \S+(?: \S+)?\.$")  # units._covered: a group named as a list's member


def conditional_item(doc: LegalDocument, source: Source, said: str) -> bool:
    """A point of a clause whose lead-in sets a condition ("Người đang hưởng trợ cấp … mà chết … thì:" then "b) Thân
    nhân được hưởng …"), said without it: the point holds only under it, so it is no lead."""
    if not source.point or source.amended:
        return False
    article = next((a for a in doc.articles if (a.number or None) == source.article), None)
    clause = next((c for c in article.clauses if c.number == source.clause), None) if article else None
    lead_in = flat(clause.text) if clause and clause.points else ""
    return bool(CONDITION_LEAD.search(lead_in)) and " ".join(lead_in.split()[:4]).lower() not in flat(said).lower()


def said_with_its_list(doc: LegalDocument, cand: Candidate) -> bool:
    """A point that holds only under its clause's condition, or a group named only as a member of a list ("Người
    đang hưởng … thuộc diện được điều chỉnh."): part of what the list says, never the bulletin's main point."""
    return conditional_item(doc, cand.source, cand.text) or bool(COVERED_ONLY.search(cand.text))
