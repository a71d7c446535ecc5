"""Parse + draft over the dev corpus (documents per second), the largest document, normalization speed."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from scripts.draft import draft
from scripts.ingest import LocalFetcher, load_document
from scripts.legal import parse
from scripts.spoken import normalize

CORPUS = Path(os.environ.get("LOA_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
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
