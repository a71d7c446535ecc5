from __future__ import annotations

from scripts.facts import SentenceChange, diff_sentences, unsupported
from tests.conftest import CORPUS

SOURCE = (CORPUS / "dev" / "nd-162-2026-nd-cp.txt").read_text(encoding="utf-8")


def test_figures_from_the_source_pass_in_any_written_form() -> None:
    sentence = "Từ ngày 1 tháng 7 năm 2026, lương hưu tăng 8%; người dưới 3.500.000 đồng được thêm 300.000 đồng, từ 01/7/2026."
    assert unsupported(sentence, SOURCE) == []


def test_an_edited_amount_or_date_is_reported_as_written() -> None:
    sentence = "Từ ngày 1 tháng 8 năm 2026, lương hưu tăng 9%, thêm 3.000.000 đồng."
    assert unsupported(sentence, SOURCE) == ["ngày 1 tháng 8 năm 2026", "9", "3.000.000"]


def test_a_date_in_digits_with_a_wrong_year_is_reported() -> None:
    assert unsupported("Áp dụng từ 01/7/2027.", SOURCE) == ["01/7/2027"]


def test_sentence_diff_pairs_changes_and_keeps_order() -> None:
    old = ["Mở đầu.", "Lương hưu tăng 8%.", "Cảm ơn."]
    new = ["Mở đầu.", "Lương hưu tăng 9%.", "Hỏi Ủy ban nhân dân xã.", "Cảm ơn."]
    assert diff_sentences(old, new) == [
        SentenceChange("same", "Mở đầu.", "Mở đầu."),
        SentenceChange("changed", "Lương hưu tăng 8%.", "Lương hưu tăng 9%."),
        SentenceChange("added", None, "Hỏi Ủy ban nhân dân xã."),
        SentenceChange("same", "Cảm ơn.", "Cảm ơn."),
    ]
    assert [c.kind for c in diff_sentences(old, ["Mở đầu."])] == ["same", "removed", "removed"]
