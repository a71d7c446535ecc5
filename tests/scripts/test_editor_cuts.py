"""The measurement of the listener check: the editor's cuts read from his review, his scripts as negatives."""

from __future__ import annotations

from pathlib import Path

from bench.corpus_split import load
from bench.editor_cuts import as_heard, doc_of, editor_cuts, exemplar_sentences, figures


def test_every_quoted_cut_of_the_worst_five_is_an_item_with_its_document_and_reason() -> None:
    cuts = editor_cuts()
    split = load()
    docs = {c.doc_id for c in cuts}
    assert docs == {"nq-55-2025-nq-hdnd", "nq-82-2025-nq-hdnd", "nd-74-2025-nd-cp", "nq-380-nq-cp-2025",
                    "thong-tu-so-28-2026-tt-btc-469231"}  # fmt: skip
    assert len([c for c in cuts if c.doc_id in split["rules"]]) >= 20
    assert len([c for c in cuts if c.doc_id in split["unseen"]]) >= 40
    assert all(c.reason and c.verdict in ("CUT", "REWRITE") and "…" not in c.sentence for c in cuts)


def test_elisions_are_resolved_as_a_listener_would_hear_the_sentence() -> None:
    assert as_heard("…của Nghị định số 1/2030/NĐ-CP quy định chi tiết.") == "Của Nghị định số 1/2030/NĐ-CP quy định chi tiết."
    assert as_heard("Nhóm 2 được … 300.000 đồng.") == "Nhóm 2 được 300.000 đồng."
    assert as_heard("Hộ nuôi ong được hỗ trợ…") == "Hộ nuôi ong được hỗ trợ."


def test_a_list_of_rows_quoted_by_their_amounts_keeps_the_words_of_the_first(tmp_path: Path) -> None:
    review = tmp_path / "review.md"
    review.write_text(
        '## The worst five\n### nq-82-2025 test\n- CUT the rows "…các đoàn được chi 200.000 … /buổi", "160.000 /buổi" — rows\n',
        encoding="utf-8",
    )
    assert [c.sentence for c in editor_cuts(review)] == ["Các đoàn được chi 200.000 /buổi", "Các đoàn được chi 160.000 /buổi"]


def test_a_heading_names_one_document_of_the_corpus() -> None:
    names = load()["rules"] + load()["unseen"]
    assert doc_of("TT 28/2026/TT-BTC passport fees (2/1/1/1)", names) == "thong-tu-so-28-2026-tt-btc-469231"
    assert doc_of("NQ 380/NQ-CP disaster recovery", names) == "nq-380-nq-cp-2025"


def test_the_bench_reports_recall_apart_for_rules_and_unseen_and_false_flags_on_exemplars() -> None:
    shown, _ = figures()
    assert set(shown) == {"editor_cuts_rules_recall", "editor_cuts_unseen_recall", "exemplar_false_flags"}
    assert shown["exemplar_false_flags"].endswith(f"/{len(exemplar_sentences())}")  # type: ignore[attr-defined]
    assert len(exemplar_sentences()) > 40
