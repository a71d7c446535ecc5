"""Where each key fact is lost on the drafter's path, counted per part: the honest map of what to build next.

A key fact (``keyfacts-dev.json``, ``bench/fresh``) is heard when every atom of it is in the script. When it
is not, the atoms the script does not say are looked for, and the fact is placed at the first stage that still
held all of them:

- ``pool, not chosen``: a candidate of ``scripts.choice.build_pool`` says the whole fact; selection left it out;
- ``pool, atoms lost``: its source sentence reached the pool, but what the pool says of it lost an atom;
- ``sentence → STAGE``: one body sentence holds the whole fact; ``bench.coverage`` names the stage that dropped it;
- ``lines of one sentence``: a lead line ending in ":" and its list items hold it together;
- ``clause`` / ``article``: no one sentence holds it, one clause (or one article) does;
- ``document``: only the whole text does (title, preamble, tables, several articles);
- ``not in text``: the parsed text does not hold it (an atom written otherwise, a PDF's extraction).

Then, per part, what the pool's sentences did with their sources' figures (``bench.figures``): kept, lost or
changed, by kind and by the rewrite responsible.

Only counts per part and stage are written (``bench/results/funnel.json``): the unseen and fresh documents are
measured, never printed. ``python -m bench funnel --quick``.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.coverage import body_sentences, key, load, trace
from bench.drafting import _tool, parts
from bench.figures import measure as figure_fates
from scripts.choice import MIN_SCORE, build_pool, office_work
from scripts.draft import draft
from scripts.errors import DocumentError, DraftError
from scripts.legal import LegalDocument
from scripts.selection import ADMIN_SCORES, Candidate, opening_penalties, overlap, resident_score, title_penalty
from scripts.sentences import SENTENCE_SPLIT, flat

Fact = dict[str, Any]  # {"fact": …, "all": [atom, …]} as in keyfacts-dev.json


def stage_of(
    facts: list[Fact],
    doc: LegalDocument,
    script_text: str,
    holds: Callable[[Fact, str], bool],
    notice: bool = False,
) -> Counter[str]:
    """The stage each fact of one document is lost at (or "heard")."""
    out: Counter[str] = Counter()
    pool = build_pool(doc)
    _, dropped = trace(doc)
    fate = {key(sentence)[:60]: stage for stage, sentence in dropped}
    passages = [(article, p) for article in doc.articles for _, _, p in article.passages()]
    lines = [s for _, p in passages for line in p.split("\n") for s in SENTENCE_SPLIT.split(flat(line))]
    body = {key(s)[:60] for s in body_sentences(doc)}
    for whole in facts:
        if holds(whole, script_text):
            out["heard"] += 1
            continue
        # what the script already says (a date in its in-force sentence) is not looked for again
        fact = {"all": [atom for atom in whole["all"] if not holds({"all": [atom]}, script_text)]}
        if held := [c for c in pool if holds(fact, c.said)]:  # a rule with its kinds or conditions: all it says
            out[
                f"pool, not chosen ({'notice' if notice else 'full script'}): {_left_out(held, script_text, doc, [c for c in pool if c.text in script_text])}"
            ] += 1
        elif sentence := next((s for s in lines if holds(fact, s)), ""):
            k = key(sentence)[:60]
            out["sentence → " + (fate.get(k) or ("pool, atoms lost" if k in body else "under 3 words"))] += 1
        elif any(holds(fact, s) for _, p in passages for s in SENTENCE_SPLIT.split(flat(p))):
            out["lines of one sentence (a lead line and its list)"] += 1
        elif any(holds(fact, flat(p)) for _, p in passages):
            out["clause"] += 1
        elif any(holds(fact, " ".join(flat(p) for _, _, p in a.passages()) + " " + a.title) for a in doc.articles):
            out["article"] += 1
        elif holds(fact, flat(doc.text)):
            out["document"] += 1
        else:
            out["not in text"] += 1
    return out


def _left_out(held: list[Candidate], script_text: str, doc: LegalDocument, chosen: list[Candidate]) -> str:
    """Why selection left the best candidate holding a fact out: its score band (below 0: the penalties that
    weighed on it), or office work that waits."""
    best = max(held, key=lambda c: c.score)
    if best.score < 0:
        title = doc.articles[best.article_index].title.lower() if best.article_index < len(doc.articles) else ""
        # which of the office words matched (one of our patterns' alternatives, never more of the sentence)
        weights = [(m[0].lower(), w) for p, w in ADMIN_SCORES if (m := p.search(best.text))]
        weights += [("title penalty", penalty)] if (penalty := title_penalty(best.text, title)) else []
        weights += opening_penalties(best.text)
        return (
            f"score below 0 ({resident_score(best.text):.0f} for residents; " + ", ".join(f"{n} {w:g}" for n, w in weights) + ")"
        )
    if office_work(best.text):
        return "office work"
    if any(overlap(best.said, sentence) > 0.7 for sentence in SENTENCE_SPLIT.split(script_text)):
        return "overlaps a said sentence"
    if best.score < MIN_SCORE:
        return "score under the floor"
    same = sum(c.part == best.part for c in chosen)  # its article's sentences said before it
    return f"score over the floor ({same} of its article said, {resident_score(best.text):.0f} for residents, {best.score:.0f} in all)"


def fact_holds() -> Callable[[Fact, str], bool]:
    """Whether a text holds every atom of a key fact, counted exactly as the shared keyfacts_score.py counts."""
    score = _tool("keyfacts_score")

    def holds(fact: Fact, text: str) -> bool:
        said = score.norm(text)
        return all(score.atom_found(atom, said) for atom in fact["all"])

    return holds


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    holds = fact_holds()

    figures: dict[str, Any] = {}
    for part, names, facts, base in parts():
        total: Counter[str] = Counter()
        kept_figures: Counter[str] = Counter()  # bench.figures: what the pool's sentences say of their sources' figures
        notices, seconds = 0, []
        for doc_id in names:
            spec: Fact = facts[doc_id]
            try:
                doc = load(str((Path(base) / str(spec.get("file", doc_id + ".txt"))).resolve()))
                script = draft(doc)  # the document just parsed, not read and parsed again
            except (DocumentError, DraftError):
                total["drafter error"] += len(spec["facts"])
                continue
            total.update(stage_of(spec["facts"], doc, script.text, holds, script.kind == "notice"))
            kept_figures.update(figure_fates(doc)[0])
            notices += script.kind == "notice"
            seconds.append(script.est_duration_s)
        figures[f"{part}_facts"] = sum(total.values())
        figures[f"{part}_notices"] = f"{notices}/{len(names)}"
        figures[f"{part}_median_script_s"] = round(statistics.median(seconds or [0.0]))
        figures.update({f"{part} | {stage}": n for stage, n in total.most_common()})
        figures.update({f"{part} | figures {k}": n for k, n in sorted(kept_figures.items(), key=lambda kv: (-kv[1], kv[0]))})
    return figures, {}


def show() -> None:
    """Print the rules part's missed facts with their stage and sentence (never an unseen or fresh one)."""
    holds = fact_holds()

    part, names, facts, base = parts()[0]
    assert part == "rules"
    for doc_id in names:
        spec: Fact = facts[doc_id]
        doc = load(str((Path(base) / str(spec.get("file", doc_id + ".txt"))).resolve()))
        script = draft(doc)
        for fact in spec["facts"]:
            stage = stage_of([fact], doc, script.text, holds, script.kind == "notice")
            if "heard" not in stage:
                lines = (s for a in doc.articles for _, _, p in a.passages() for s in SENTENCE_SPLIT.split(flat(p)))
                where = next((s for s in lines if holds(fact, s)), "")
                print(f"{doc_id} [{next(iter(stage))}] {fact['fact']}\n    {where[:400]}")


if __name__ == "__main__":
    show()
