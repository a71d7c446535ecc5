"""Where each body sentence of a document ends: in the candidate pool, or dropped at which stage and by which rule.

Key facts are lost upstream of selection when a sentence never reaches the pool (``scripts.choice.build_pool``).
Every sentence of the parsed articles' passages is traced along the drafter's path: parse (the body text the
articles do not hold), units (``amended_units`` → ``passage_units`` → ``split_units``: why no sentence came out),
the filters in ``scripts.selection.candidates`` (heading, formula, lead only, "như sau", title restated) and the
pool's (listener codes, "có hiệu lực", scope). Only aggregate counts per part and stage are written
(``bench/results/coverage.json``): the unseen and fresh documents are measured, never printed.
``python -m bench coverage --quick``; ``python -m bench.coverage DOC_ID`` prints one rules document's drops.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from bench.corpus_split import load as load_split
from bench.drafting import CORPUS, parts
from scripts.amended import amended_units
from scripts.choice import IN_FORCE, build_pool
from scripts.docfacts import dated
from scripts.errors import DocumentError
from scripts.ingest import LocalFetcher, load_document
from scripts.legal import LegalDocument, parse
from scripts.listener import check
from scripts.references import who_is_meant
from scripts.selection import FORMULA, HEADING, LEAD_ONLY, _restates, candidates
from scripts.sentences import (
    DEFECTS,
    HARD_MAX_WORDS,
    SENTENCE_SPLIT,
    complete,
    finish,
    flat,
    is_open,
    strip_noise,
    words,
)

DEFECT_NAMES = (
    "furniture",
    "list marker inside",
    "heading inside",
    "reference",
    "capitals",
    "formula symbol",
    "seam",
    "title alone",
    "half an exception",
)
MARKER = re.compile(r"^(?:[-+•*]\s*|[a-zđ]\)\s*|\d{1,2}(?:\.\d{1,2})*\.\s*|[IVXLC]+\.\s*)+")


def key(text: str) -> str:
    """What a sentence is recognised by in a quote: its words, markers and spacing aside."""
    return re.sub(r"[\W_]+", " ", MARKER.sub("", flat(text))).strip().lower()


def body_sentences(doc: LegalDocument) -> list[str]:
    """Every sentence of the articles' passages (lines split at sentence ends), of three words or more."""
    out = []
    for article in doc.articles:
        for _, _, passage in article.passages():
            passage = passage.split("Nơi nhận", 1)[0]
            for line in passage.split("\n"):
                out += [s for s in SENTENCE_SPLIT.split(flat(line)) if words(s) >= 3]
    return out


def unplaced(doc: LegalDocument) -> int:
    """Sentences of the body text (from the first article to "Nơi nhận") that no article holds."""
    held = " ".join(key(p) for a in doc.articles for _, _, p in a.passages())
    held += " " + " ".join(key(a.title) for a in doc.articles)
    held += " " + " ".join(key(row.quote) for a in doc.articles for t in a.tables for row in t.rows)
    first = next((p for a in doc.articles for _, _, p in a.passages() if words(p) >= 3), "")
    start = doc.text.find(first.split("\n")[0][:40]) if first else -1
    if start < 0:
        return 0
    body = doc.text[start:].split("Nơi nhận", 1)[0]
    lines = [flat(line) for line in body.split("\n") if line.strip()]
    sentences = [s for line in lines for s in SENTENCE_SPLIT.split(line) if words(s) >= 5]
    return sum(1 for s in sentences if key(s)[:60] not in held)


def why_not_unit(sentence: str) -> str:
    """Why the units stage gave nothing for a sentence: the first check of ``split_units`` it fails."""
    text = finish(strip_noise(sentence))
    if flat(sentence).endswith(":"):
        return "unit: lead line (…:)"
    if not complete(text):
        return "unit: incomplete (no main clause)"
    for name, defect in zip(DEFECT_NAMES, DEFECTS, strict=True):
        if defect.search(text):
            return f"unit: defect {name}"
    if words(text) > HARD_MAX_WORDS:
        return "unit: too long, shortened away"
    if is_open(text):
        return "unit: open end"
    if text.count("(") != text.count(")") or text.count("“") != text.count("”"):
        return "unit: unbalanced brackets"
    return "unit: other"


def candidate_filter(doc: LegalDocument, said: str) -> str:
    text = dated(doc, said)
    for name, hit in (
        ("restates title", _restates(text, doc.title)),
        ("như sau/gồm", bool(re.search(r"(như sau|sau đây|gồm|bao gồm)\.$", text))),
        ("HEADING", bool(HEADING.match(text))),
        ("FORMULA", bool(FORMULA.search(text))),
        ("LEAD_ONLY", bool(LEAD_ONLY.search(text))),
    ):
        if hit:
            return f"candidates: {name}"
    return "candidates: other (repeal article, cap)"


def pool_filter(doc: LegalDocument, text: str) -> str:
    if IN_FORCE.search(text):
        return "pool: có hiệu lực"
    if codes := sorted({f.code for f in check(text)}):
        return "pool: listener " + "+".join(codes)
    return "pool: scope / directive opening / phase"


def trace(doc: LegalDocument) -> tuple[Counter[str], list[tuple[str, str]]]:
    """(stage → sentences, [(stage, sentence)]) for one parsed document."""
    whole = flat(doc.text)
    units = [u for a in doc.articles for u in amended_units(a, lambda line: who_is_meant(line, doc), whole)[0]]
    cands = candidates(doc, lambda text: dated(doc, text))
    pool = build_pool(doc)
    in_pool = " | ".join(key(c.source.quote) for c in pool)
    stages: Counter[str] = Counter()
    dropped: list[tuple[str, str]] = []
    for sentence in body_sentences(doc):
        k = key(sentence)[:60]
        if not k:
            continue
        if k in in_pool:
            stages["in pool"] += 1
            continue
        mine = [c for c in cands if k in key(c.source.quote)]
        if mine:
            stage = pool_filter(doc, mine[0].text)
        elif said := [u[3] for u in units if k in key(u[2]) or key(u[2]) and key(u[2]) in k]:
            stage = candidate_filter(doc, said[0])
        else:
            stage = why_not_unit(sentence)
        stages[stage] += 1
        dropped.append((stage, sentence))
    stages["parse: body text in no article"] = unplaced(doc)
    return stages, dropped


def load(path: str) -> LegalDocument:
    return parse(load_document(path, LocalFetcher()).text)


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    figures: dict[str, float] = {}
    for part, names, facts, base in parts():
        total: Counter[str] = Counter()
        for doc_id in names:
            try:
                doc = load(str((base / str(facts[doc_id].get("file", doc_id + ".txt"))).resolve()))
            except DocumentError:
                continue
            total.update(trace(doc)[0])
        body = sum(n for s, n in total.items() if not s.startswith("parse"))
        figures[f"{part}_body_sentences"] = body
        figures[f"{part}_pool_coverage_pct"] = round(100 * total["in pool"] / max(body, 1), 1)
        figures.update({f"{part} | {stage}": n for stage, n in total.most_common() if stage != "in pool" and n})
    return figures, {}


def show(doc_id: str) -> None:
    """Print the drops of one RULES document (never an unseen or fresh one)."""
    if doc_id not in load_split()["rules"]:
        raise SystemExit(f"{doc_id}: only rules documents may be printed")
    spec = next(f for p, _, f, _ in parts() if p == "rules")[doc_id]
    stages, dropped = trace(load(str((CORPUS / "dev" / str(spec.get("file", doc_id + ".txt"))).resolve())))
    print(dict(stages.most_common()))
    for stage, sentence in sorted(dropped):
        print(f"[{stage}] {sentence[:220]}")


if __name__ == "__main__":
    show(sys.argv[1])
