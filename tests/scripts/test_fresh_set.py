"""The fresh measurement set loads, and every key fact can be found in its own source text."""

from __future__ import annotations

from bench.corpus_split import FRESH, load_fresh
from bench.drafting import _tool, parts


def test_the_fresh_set_is_a_third_part_of_the_drafting_bench() -> None:
    names = {part: docs for part, docs, _, _ in parts()}
    assert set(names) == {"rules", "unseen", "fresh"}
    assert len(names["fresh"]) >= 8 and not set(names["fresh"]) & (set(names["rules"]) | set(names["unseen"]))


def test_every_fresh_fact_occurs_in_its_source_and_every_source_is_recorded() -> None:
    score = _tool("keyfacts_score")
    sources = (FRESH / "SOURCES.md").read_text(encoding="utf-8")
    for doc_id, spec in load_fresh().items():
        path = FRESH / str(spec["file"])
        assert path.name in sources, f"{path.name}: source repository and path not recorded"
        text = score.norm(score.source_text(str(path)))
        facts = spec["facts"]
        assert 2 <= len(facts) <= 6, doc_id  # type: ignore[arg-type]
        for fact in facts:  # type: ignore[attr-defined]
            missing = [a for a in fact["all"] if not score.atom_found(a, text)]
            assert not missing, f"{doc_id}: {fact['fact']} — {missing} not in the source"
