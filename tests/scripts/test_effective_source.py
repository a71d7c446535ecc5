"""The effective date is cited to the sentence it was read from, not to a transitional clause that mentions the
document taking effect (made-up decree: tests/scripts/data/nd-fishing-amend-made-up.txt)."""

from __future__ import annotations

from pathlib import Path

from scripts.docfacts import effective_source
from scripts.draft import draft
from scripts.legal import parse

DOC = parse((Path(__file__).parent / "data" / "nd-fishing-amend-made-up.txt").read_text(encoding="utf-8"))


def test_the_effective_date_is_cited_to_its_own_sentence() -> None:
    # had been cited to Điều 2: "Hộ gia đình đã nộp hồ sơ … trước ngày Nghị định này có hiệu lực thi hành mà …"
    source = effective_source(DOC)
    assert source and source.article == "3" and source.quote.startswith("Nghị định này có hiệu lực thi hành từ ngày 01 tháng 8")
    said = [s for s in draft(DOC).sentences if s.text.startswith("Nghị định này có hiệu lực từ")]
    assert said and said[0].source and said[0].source.article == "3", said
