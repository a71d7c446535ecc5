"""Drafting quality on the fixed split of the corpus (key facts, lint, listener check), then speed.

Quality is reported apart for the documents rules are written from ("rules"), the documents only
measured on ("unseen", ``bench/corpus_split.py``) and a fresh set added after the split ("fresh",
``bench/fresh``): the unseen and fresh figures are the honest ones. Key facts
and lint are counted with the shared tools (``corpus/../tools``), exactly as ``keyfacts_score.py``
and ``script_lint.py`` count them; the listener check is ``scripts.listener.check`` on every
sentence of every script; and what it catches of the sentences an editor cut (recall, rules and
unseen documents apart) and flags of an editor's own scripts (``bench/editor_cuts.py``).
Per-document details go to ``bench/results/drafting-details.json``.
Speed: parse + draft over the dev corpus (documents per second), the largest document,
normalization speed, each gazette PDF.
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import time
from pathlib import Path
from types import ModuleType

from bench.corpus_split import FRESH, load_fresh
from bench.corpus_split import load as load_split
from bench.editor_cuts import figures as editor_cuts
from scripts.draft import Script, draft
from scripts.errors import DocumentError, DraftError
from scripts.ingest import LocalFetcher, load_document
from scripts.legal import parse
from scripts.listener import CODES, check
from scripts.spoken import normalize

CORPUS = Path(os.environ.get("LOA_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"


TOOLS = CORPUS.parent / "tools"
DETAILS = Path(__file__).parent / "results" / "drafting-details.json"


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    if not spec or not spec.loader:
        raise FileNotFoundError(TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def draft_doc(doc_id: str, spec: dict[str, object], base: Path = CORPUS / "dev") -> Script:
    path = base / str(spec.get("file", doc_id + ".txt"))
    return draft(parse(load_document(str(path.resolve()), LocalFetcher()).text))


def parts() -> list[tuple[str, list[str], dict[str, dict[str, object]], Path]]:
    """(part, documents, key facts, folder): the rules and unseen parts of the corpus, then the fresh set."""
    facts = json.loads((CORPUS / "keyfacts-dev.json").read_text(encoding="utf-8"))
    split = load_split()
    fresh = load_fresh()
    return [
        ("rules", split["rules"], facts, CORPUS / "dev"),
        ("unseen", split["unseen"], facts, CORPUS / "dev"),
        ("fresh", sorted(fresh), fresh, FRESH),
    ]


def quality() -> dict[str, float]:
    """Key facts, lint defects and listener findings for the rules, unseen and fresh parts."""
    figures: dict[str, float] = {}
    details: dict[str, object] = {}
    for part, names, facts, base in parts():
        figures.update(_part(part, [(d, facts[d]) for d in names], base, details))
    DETAILS.parent.mkdir(exist_ok=True)
    DETAILS.write_text(json.dumps(details, indent=1, ensure_ascii=False) + "\n")
    return figures


def _part(part: str, docs: list[tuple[str, dict[str, object]]], base: Path, details: dict[str, object]) -> dict[str, float]:
    score, lint = _tool("keyfacts_score"), _tool("script_lint")
    hit = total = defects = flagged = sentences = errors = 0
    codes = dict.fromkeys(CODES, 0)
    for doc_id, spec in docs:
        try:
            script = draft_doc(doc_id, spec, base)
        except (DocumentError, DraftError) as error:  # a document the drafter cannot handle counts, it does not stop the bench
            errors, total = errors + 1, total + len(spec["facts"])  # type: ignore[arg-type]
            details[doc_id] = {"part": part, "error": str(error), "key_facts": f"0/{len(spec['facts'])}"}  # type: ignore[arg-type]
            continue
        text = score.norm(script.text)
        got = [all(score.atom_found(a, text) for a in f["all"]) for f in spec["facts"]]  # type: ignore[attr-defined]
        found = lint.defects(script.sentence_dicts())
        heard = {s.text: [f.code for f in check(s.text)] for s in script.sentences}
        hit, total, defects = hit + sum(got), total + len(got), defects + len(found)
        sentences += len(script.sentences)
        flagged += sum(1 for v in heard.values() if v)
        for found_codes in heard.values():
            for code in found_codes:
                codes[code] += 1
        details[doc_id] = {
            "part": part,
            "kind": script.kind,
            "key_facts": f"{sum(got)}/{len(got)}",
            "missed": [f["fact"] for f, ok in zip(spec["facts"], got, strict=True) if not ok],  # type: ignore[call-overload]
            "lint": [f"{k}: {t[:120]}" for k, t in found],
            "listener": {t: c for t, c in heard.items() if c},
            "script": [s.text for s in script.sentences],
        }
    figures: dict[str, float] = {f"{part}_docs": len(docs)}
    figures[f"{part}_key_facts"] = f"{hit}/{total}"  # type: ignore[assignment]
    figures[f"{part}_key_facts_pct"] = round(100 * hit / max(total, 1), 1)
    figures[f"{part}_lint_defects"] = defects
    figures[f"{part}_sentences"] = sentences
    figures[f"{part}_listener_flagged"] = flagged
    figures[f"{part}_errors"] = errors
    figures.update({f"{part}_listener_{code}": n for code, n in codes.items() if n})
    return figures


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    figures = quality()
    cuts, _ = editor_cuts()  # what the listener check catches of the editor's cuts (bench/editor_cuts.py)
    speed, goals = _speed(quick)
    goals = {"unseen_key_facts_pct": 80.0, "unseen_listener_flagged": 0, "exemplar_false_flags": 0, **goals}
    return {**figures, **cuts, **speed}, goals  # type: ignore[dict-item]


def _speed(quick: bool) -> tuple[dict[str, float], dict[str, float]]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((CORPUS / "dev").glob("*.txt"))}
    if not texts:
        raise FileNotFoundError(f"no corpus at {CORPUS}: set LOA_SHARED")
    rounds = 1 if quick else 5
    totals, largest = [], []
    biggest = max(texts, key=lambda k: len(texts[k]))
    sentences: list[str] = []
    for _ in range(rounds):
        start = time.perf_counter()
        for name, text in texts.items():
            t0 = time.perf_counter()
            script = draft(parse(text))
            if name == biggest:
                largest.append(time.perf_counter() - t0)
            sentences = [s.text for s in script.sentences] if name == biggest else sentences
        totals.append(time.perf_counter() - start)
    pool = [s.text for t in texts.values() for s in draft(parse(t)).sentences]
    norm_times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for sentence in pool:
            normalize(sentence)
        norm_times.append(time.perf_counter() - start)
    total = statistics.median(totals)
    pdf_times: dict[str, float] = {}
    for pdf in sorted((CORPUS / "pdf").glob("*.pdf")):  # extract with PDFium, parse, draft
        runs = []
        for _ in range(rounds):
            start = time.perf_counter()
            draft(parse(load_document(str(pdf), LocalFetcher()).text))
            runs.append(time.perf_counter() - start)
        number = next(part for part in pdf.stem.split("-") if part.isdigit())  # "…-so-158-2025-…" → 158
        pdf_times[f"pdf_{number}_draft_s"] = round(statistics.median(runs), 3)
    return (
        {
            "docs": len(texts),
            "docs_per_s": round(len(texts) / total, 1),
            "corpus_s": round(total, 3),
            "largest_doc_chars": len(texts[biggest]),
            "largest_doc_s": round(statistics.median(largest), 3),
            "normalize_sentences_per_s": round(len(pool) / statistics.median(norm_times)),
            "sentences": len(pool),
            **pdf_times,
        },
        {"docs_per_s": 10.0, "pdf_158_draft_s": 3.0},
    )
