"""Editor assist: the provisions the drafter did not choose, ranked, ready to add with one click.

``unchosen(doc, script)`` gives, best first, every provision sentence of the document that the
script does not already say, each with its citation ("điểm a khoản 2 Điều 3"), the exact quote it
comes from, its spoken form and the listener check's findings (empty for all of them: a sentence
the listener would trip on is not offered). The console shows them beside the script; adding one
inserts its ``sentences`` with ``source`` as any drafted sentence. A rule said with its kinds or its
conditions ("… khi có đủ hai điều kiện." + "Điều kiện thứ nhất là …") is one suggestion: ``text`` says
it all, ``sentences`` are the rule and its follow-ons, added together; a follow-on is never offered alone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from scripts.choice import build_pool
from scripts.draft import Script, draft
from scripts.legal import LegalDocument
from scripts.listener import check
from scripts.selection import Source, admin_score, best_first, overlap, resident_score
from scripts.spoken import normalize

__all__ = ["Suggestion", "unchosen"]

SAID = 0.7  # word overlap above which a provision is already in the script


@dataclass(frozen=True, slots=True)
class Suggestion:
    text: str
    citation: str
    source: Source
    spoken: str
    score: float
    resident: float  # how much it tells residents (amounts, rights, duties, bans, who)
    sentences: tuple[str, ...] = ()  # what adding it inserts, in order: the rule, then its follow-ons

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "source": asdict(self.source)}


def unchosen(doc: LegalDocument, script: Script | None = None, limit: int = 20, dialect: str = "north") -> list[Suggestion]:
    """The provisions not in ``script`` (drafted now when not given), best for residents first."""
    script = script or draft(doc, dialect)
    said = [s.text for s in script.sentences]
    out: list[Suggestion] = []
    for cand in best_first(build_pool(doc)):
        if any(overlap(cand.text, s) > SAID for s in said) or any(check(t) for t in (cand.text, *cand.follow)):
            continue
        if any(overlap(cand.said, s.text) > SAID for s in out):
            continue
        out.append(
            Suggestion(
                text=cand.said,
                citation=cand.source.label,
                source=cand.source,
                spoken=" ".join(normalize(t, dialect) for t in (cand.text, *cand.follow)),
                score=round(cand.score, 2),
                resident=round(resident_score(cand.text) - admin_score(cand.text), 2),
                sentences=(cand.text, *cand.follow),
            )
        )
        if len(out) >= limit:
            break
    return out
