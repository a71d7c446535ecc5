from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.draft import MAX_S, MIN_S, draft
from scripts.legal import parse
from tests.conftest import CORPUS, DEV_DOCS

NUMBER = re.compile(r"\d+")


@pytest.mark.parametrize("path", DEV_DOCS, ids=[p.stem for p in DEV_DOCS])
def test_script_is_faithful_and_the_right_length(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    doc = parse(source)
    script = draft(doc)
    flat = " ".join(source.split())
    source_numbers = set(NUMBER.findall(flat))
    for sentence in script.sentences:
        invented = [n for n in NUMBER.findall(sentence.text) if n not in source_numbers]
        assert not invented, f"{sentence.text!r} has numbers not in the source: {invented}"
        if sentence.source is not None:
            assert " ".join(sentence.source.quote.split()) in flat, f"quote not in source: {sentence.source.quote[:80]}"
    assert doc.number in script.text
    assert MIN_S <= script.est_duration_s <= MAX_S
    assert sum(1 for s in script.sentences if s.source and (s.source.article or s.source.clause)) >= 2


def test_provisions_cite_their_article_clause_point() -> None:
    doc = parse((CORPUS / "dev" / "nd-162-2026-nd-cp.txt").read_text(encoding="utf-8"))
    script = draft(doc)
    cited = [s for s in script.sentences if s.source and s.source.article]
    for sentence in cited:
        article = doc.article(sentence.source.article)  # type: ignore[union-attr]
        assert article is not None
        passages = " ".join(" ".join(t.split()) for _c, _p, t in article.passages())
        assert " ".join(sentence.source.quote.split()) in passages  # type: ignore[union-attr]
    assert any("8%" in s.text for s in script.sentences), "the headline increase must be in the script"


def test_cli_draft_json_shape(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", "draft", str(CORPUS / "dev" / "nq-20-2025-nq-hdnd-vinhlong.txt"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    payload = json.loads(out.stdout)
    assert set(payload) == {"document", "script"}
    assert set(payload["document"]) == {"number", "type", "issuer", "title", "issued_on", "effective_on", "amends"}
    assert payload["document"]["issued_on"] == "2025-11-18"
    assert set(payload["script"]) == {"language", "text", "sentences", "est_duration_s"}
    for sentence in payload["script"]["sentences"]:
        assert sentence["source"] is None or set(sentence["source"]) == {"article", "clause", "point", "quote"}


def test_cli_draft_of_a_non_document_fails_readably(tmp_path: Path) -> None:
    bad = tmp_path / "note.txt"
    bad.write_text("Chỉ là một ghi chú, không phải văn bản pháp luật.", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "broadcaster.cli", "draft", str(bad)], capture_output=True, text=True)
    assert out.returncode == 2
    assert "no document number" in out.stderr and "Traceback" not in out.stderr


def test_cli_spoken_reads_lines() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", "spoken"], input="Điều 3\nUBND xã\n", capture_output=True, text=True, check=True
    )
    assert out.stdout.splitlines() == ["Điều ba", "Ủy ban nhân dân xã"]


def test_fee_tables_that_lost_their_layout_are_read_into_the_script() -> None:
    doc = parse((CORPUS / "dev" / "nq-20-2025-nq-hdnd-vinhlong.txt").read_text(encoding="utf-8"))
    [table] = doc.article("2").tables  # type: ignore[union-attr]
    assert table.unit == "Nghìn đồng/người học/tháng" and table.clause == "1"
    assert [(r.label, r.values) for r in table.rows][-1] == ("Giáo dục phổ thông – Trung học phổ thông", ("130", "200"))
    script = draft(doc)
    fee = [s for s in script.sentences if s.source and s.source.quote == "Giáo dục mầm non 80 120"]
    assert fee and "80" in fee[0].text and "120 nghìn đồng" in fee[0].text
