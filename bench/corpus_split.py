"""The fixed split of the development corpus into documents rules are written from and documents only measured on.

Drafting rules learned the development documents: 87% of their key facts against 43% on documents
never seen. So the 38 documents with key facts (``keyfacts-dev.json``: ``dev/`` and ``pdf/``) are
split once, by a rule that looks only at names, never at scores:

- group the documents by type (Chỉ thị, Luật, Nghị định, Nghị quyết, Quyết định, Thông tư, read from
  the file name) and format (text or gazette PDF);
- in each group, order the names by their SHA-256 and put the first ⌊(n + 1) / 3⌋ (at least one)
  in the unseen part.

Every type is in both parts, PDFs are in both, and 8 of the 18 documents of ``editor-review.md`` are
unseen. The list is written to ``corpus_split.json``; ``tests/scripts/test_corpus_split.py`` checks
that the file still equals the rule, so nobody moves a document between parts after seeing a score.
Read the unseen documents' scripts to measure, not to write rules from their sentences.

A third part, "fresh" (``bench/fresh``), holds documents that came after the split, with key facts
written before the drafter was run on them: a check on documents nobody tuned anything for.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SPLIT_FILE = Path(__file__).with_name("corpus_split.json")
FRESH = Path(__file__).with_name("fresh")  # a third part: documents added after the split, never used by a rule
TYPES = {
    "ct": "Chỉ thị",
    "luat": "Luật",
    "nd": "Nghị định",
    "nghi-dinh": "Nghị định",
    "nq": "Nghị quyết",
    "nghi-quyet": "Nghị quyết",
    "qd": "Quyết định",
    "quyet-dinh": "Quyết định",
    "tt": "Thông tư",
    "thong-tu": "Thông tư",
}


def doc_type(doc_id: str) -> str:
    prefix = next(p for p in sorted(TYPES, key=len, reverse=True) if doc_id.startswith(p + "-"))
    return TYPES[prefix]


def split(keyfacts: dict[str, dict[str, object]]) -> dict[str, list[str]]:
    """{"rules": [...], "unseen": [...]} for the documents of a key-facts file."""
    groups: dict[tuple[str, bool], list[str]] = {}
    for doc_id, spec in keyfacts.items():
        pdf = str(spec.get("file", doc_id + ".txt")).endswith(".pdf")
        groups.setdefault((doc_type(doc_id), pdf), []).append(doc_id)
    unseen: list[str] = []
    for names in groups.values():
        names.sort(key=lambda n: hashlib.sha256(n.encode()).hexdigest())
        unseen += names[: max(1, (len(names) + 1) // 3)]
    return {"rules": sorted(set(keyfacts) - set(unseen)), "unseen": sorted(unseen)}


def load() -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    return data


def load_fresh() -> dict[str, dict[str, object]]:
    """Key facts of the fresh set (``bench/fresh/keyfacts.json``, texts beside it; see its SOURCES.md)."""
    data: dict[str, dict[str, object]] = json.loads((FRESH / "keyfacts.json").read_text(encoding="utf-8"))
    return data


if __name__ == "__main__":  # python -m bench.corpus_split KEYFACTS.json: rewrite the list (only when documents are added)
    import sys

    facts = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    SPLIT_FILE.write_text(json.dumps({"rule": "bench/corpus_split.py", **split(facts)}, indent=1, ensure_ascii=False) + "\n")
