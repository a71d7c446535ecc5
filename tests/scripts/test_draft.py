from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from scripts.choice import binding_rule, binds_residents, build_pool
from scripts.draft import MAX_S, MIN_S, NOTICE_MAX_S, Script, draft
from scripts.ingest import LocalFetcher, load_document
from scripts.legal import parse
from tests.conftest import CORPUS, DEV_DOCS

TOOLS = CORPUS.parent / "tools"
PDF_DOCS = sorted((CORPUS / "pdf").glob("*.pdf"))
KEY_FACT_FLOOR = {"rules": 0.90, "unseen": 0.39}  # measured floors, not goals (issue 19 asks ≥ 80% unseen)
# unseen 0.39: 27/69 since the directive that asked communes to settle overlapping land certificates is no longer
# said as "… sẽ bị xử lý" (a lawful holder heard they would be punished); the fact was counted on that wrong sentence


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec and spec.loader, f"{TOOLS / name}.py is missing"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _draft_file(path: Path) -> Script:
    return draft(parse(load_document(str(path), LocalFetcher()).text))


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
    if script.kind == "notice":
        assert 20 <= script.est_duration_s <= NOTICE_MAX_S
        assert [w["code"] for w in script.warnings] == ["not_recommended"]
    binds = binds_residents(build_pool(doc)) or binding_rule(doc) is not None
    if script.kind != "notice":  # what binds residents is a script however little of it can be said
        assert (NOTICE_MAX_S / 2 if binds else MIN_S) <= script.est_duration_s <= MAX_S
        assert [w["code"] for w in script.warnings] in ([], ["rule_not_said"])  # the editor is told what is missing
    cited = sum(1 for s in script.sentences if s.source and (s.source.article or s.source.clause))
    assert cited >= (1 if script.kind == "notice" or binds else 2)


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
    assert set(payload) == {"document", "script", "warnings"}
    assert payload["warnings"] == []
    assert set(payload["document"]) == {"number", "type", "issuer", "title", "issued_on", "effective_on", "amends"}
    assert payload["document"]["issued_on"] == "2025-11-18"
    assert set(payload["script"]) == {"language", "text", "sentences", "est_duration_s"}
    for sentence in payload["script"]["sentences"]:
        assert sentence["source"] is None or set(sentence["source"]) == {"article", "clause", "point", "quote", "amended"}


def test_cli_draft_of_a_non_document_fails_readably(tmp_path: Path) -> None:
    bad = tmp_path / "note.txt"
    bad.write_text("Chỉ là một ghi chú, không phải văn bản pháp luật.", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "broadcaster.cli", "draft", str(bad)], capture_output=True, text=True)
    assert out.returncode == 2
    assert "Không tìm thấy số hiệu văn bản" in out.stderr and "Traceback" not in out.stderr


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


@pytest.mark.parametrize("part", ["rules", "unseen"])
def test_key_facts_a_resident_must_hear(part: str) -> None:
    """The share of key facts (amounts, dates, who, bans) heard, apart for each part of the fixed split.

    The floors guard against going back; the unseen part is the honest figure (bench/corpus_split.py).
    """
    from bench.corpus_split import load

    score = _tool("keyfacts_score")
    facts = json.loads((CORPUS / "keyfacts-dev.json").read_text(encoding="utf-8"))
    hit = total = 0
    for doc_id in load()[part]:
        spec = facts[doc_id]
        text = score.norm(_draft_file(CORPUS / "dev" / spec.get("file", doc_id + ".txt")).text)
        hit += sum(all(score.atom_found(a, text) for a in f["all"]) for f in spec["facts"])
        total += len(spec["facts"])
    assert hit / total >= KEY_FACT_FLOOR[part], f"key facts heard: {hit}/{total}"


@pytest.mark.parametrize("path", DEV_DOCS, ids=[p.stem for p in DEV_DOCS])
def test_scripts_have_no_defect_a_listener_would_hear(path: Path) -> None:
    lint = _tool("script_lint")
    assert lint.defects(_draft_file(path).sentence_dicts()) == []


@pytest.mark.parametrize("path", PDF_DOCS, ids=[p.stem for p in PDF_DOCS])
def test_gazette_pdf_scripts_have_no_defect(path: Path) -> None:
    lint = _tool("script_lint")
    assert lint.defects(_draft_file(path).sentence_dicts()) == []


def test_a_document_with_nothing_for_residents_gets_a_short_notice_and_a_warning() -> None:
    script = _draft_file(CORPUS / "dev" / "tt-15-2024-tt-bldtbxh.txt")
    assert script.kind == "notice" and script.est_duration_s <= NOTICE_MAX_S
    [warning] = script.warnings
    assert warning["code"] == "not_recommended" and "Không khuyến nghị phát" in warning["message"]
    out = subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", "draft", str(CORPUS / "dev" / "tt-15-2024-tt-bldtbxh.txt"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "not_recommended" in [w["code"] for w in json.loads(out.stdout)["warnings"]]


def test_the_opening_says_what_changed_before_the_document_number() -> None:
    doc = parse((CORPUS / "dev" / "nd-162-2026-nd-cp.txt").read_text(encoding="utf-8"))
    texts = [s.text for s in draft(doc).sentences]
    first_number = next(i for i, t in enumerate(texts) if doc.number in t)
    assert any(re.search(r"\d", t) and ("đồng" in t or "%" in t) for t in texts[1:first_number]), texts[:first_number]
    assert "8%" in texts[1], "the rise for every pensioner opens, before the extra for the lowest pensions"
    assert all(len(t.split()) <= 40 for t in texts)


def test_a_directive_says_each_task_with_the_office_it_is_addressed_to() -> None:
    """A chỉ thị's numbered groups ("4. Công an tỉnh" then its tasks) are aired, each task with its actor."""
    script = _draft_file(CORPUS / "dev" / "ct-06-ct-ubnd-quangtri.txt")
    assert script.kind == "directive", "enforcement against forest encroachment is news for residents, not a notice"
    texts = [s.text for s in script.sentences]
    assert any(t.startswith("Công an tỉnh") and "chống người thi hành công vụ" in t for t in texts), texts
    assert not any(t.startswith(("Chịu trách nhiệm", "Tiếp tục")) for t in texts), "a task read without its actor"


def test_rows_with_different_amounts_are_both_said() -> None:
    """Two table rows (or clauses) that differ only in their figures are two facts, not one said twice."""
    script = _draft_file(CORPUS / "dev" / "nq-51-2025-nq-hdnd-hanoi.txt")
    assert "2,34" in script.text and "1,86" in script.text, script.text


def test_this_law_takes_effect_is_said_as_a_date() -> None:
    """ "trước ngày Luật này có hiệu lực thi hành" means nothing on air; the listener hears the date itself."""
    script = _draft_file(CORPUS / "dev" / "luat-36-2024-qh15.txt")
    kept = [s for s in script.sentences if s.source and "Luật này có hiệu lực" in s.source.quote]
    assert kept, "the transitional rule for existing driving licences is aired"
    assert all("ngày 01 tháng 01 năm 2025" in s.text and "có hiệu lực" not in s.text for s in kept), [s.text for s in kept]


def test_a_rule_keeps_its_figure_when_boilerplate_is_dropped() -> None:
    """ "theo quyết định của cấp có thẩm quyền" goes, the 50% top-up stays (shortening never drops the amount)."""
    script = _draft_file(CORPUS / "dev" / "nq-75-2025-nq-hdnd-hanoi.txt")
    assert any("50%" in s.text and "kéo dài" in s.text and "thẩm quyền" not in s.text for s in script.sentences)


def test_formulas_and_their_legends_are_not_read_out() -> None:
    """ "M = x Lmin", "TChtxh: …", "Trong đó, …" explain a formula on paper; on air they are noise."""
    for name in ("nghi-dinh-so-158-2025-nd-cp-45240.pdf", "nq-89-2025-ubtvqh15.txt"):
        folder = "pdf" if name.endswith(".pdf") else "dev"
        script = _draft_file(CORPUS / folder / name)
        bad = [s.text for s in script.sentences if re.search(r"\s=\s|^[A-Za-z]{2,8}\s*:|Trong đó|trong đó,", s.text)]
        assert not bad, bad


def test_a_rule_that_starts_later_than_the_law_is_said_with_its_own_date() -> None:
    """ "Khoản 3 Điều 10 … có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026": the child-seat rules carry that date.
    The ban on the driver's row is too long to say with its exception ("trừ loại xe ô tô chỉ có một hàng ghế"), and
    without it is wider than the law: it is not said (scripts.kept_terms.cut_loses)."""
    doc = parse(load_document(str((CORPUS / "dev" / "luat-36-2024-qh15.txt").resolve()), LocalFetcher()).text)
    seat = [c.text for c in build_pool(doc) if c.source.article == "10" and c.source.clause == "3"]
    assert seat and all(s.startswith("Từ ngày 01 tháng 01 năm 2026, ") for s in seat), seat
    assert all("trừ loại xe" in s for s in seat if "cùng hàng ghế" in s), seat


def test_a_time_limit_without_its_main_clause_is_not_a_sentence() -> None:
    from scripts.sentences import complete

    assert not complete("Trong thời hạn 12 tháng kể từ ngày được cấp quyết định xác nhận biển số xe, người thừa kế.")
    assert not complete("Trong thời hạn 30 ngày kể từ ngày có thông báo kết quả mà chưa được cấp quyết định.")
    assert complete("Trước khi đốt phải thông báo với trưởng thôn, tổ trưởng tổ dân phố.")
    assert complete("Trong thời hạn 30 ngày, người trúng đấu giá phải nộp đủ tiền.")


def test_residents_named_as_the_subject_of_a_right_rank_above_procedure() -> None:
    from scripts.selection import admin_score, resident_score

    assert resident_score("Người đủ 16 tuổi trở lên được điều khiển xe gắn máy.") > resident_score(
        "Biển số xe được quản lý theo mã định danh trong 16 tháng."
    )
    assert admin_score("Nghiêm cấm điều khiển phương tiện tham gia giao thông đường bộ mà có nồng độ cồn.") == 0.0, (
        "'đường bộ' is not an office (Bộ)"
    )


def test_a_notice_says_a_long_title_whole_in_a_sentence_of_its_own() -> None:
    """A notice is mostly its title: what a repealed circular was about is said, its date and signers are not."""
    script = _draft_file(CORPUS / "pdf" / "thong-tu-so-02-2026-tt-btc-468745.pdf")
    assert script.kind == "notice"
    titles = [s.text for s in script.sentences if s.text.startswith("Thông tư này bãi bỏ")]
    assert titles and "đào tạo lái xe" in titles[0] and "ngày 27 tháng 5" not in titles[0], titles
    script = _draft_file(CORPUS / "dev" / "qd-210-2025-qd-ubnd-haiphong.txt")
    assert any(s.text.startswith("Quyết định này phân cấp") and "nước sạch nông thôn" in s.text for s in script.sentences)
    assert all(len(s.text.split()) <= 34 for s in script.sentences)


def test_a_phase_in_listing_several_clauses_dates_only_those_clauses() -> None:
    """ "tại các khoản 3, 16, 17 … và 28 Điều 1 … có hiệu lực từ ngày 01 tháng 01 năm 2025" is not all of Điều 1."""
    from scripts.phasing import phased_dates

    phases = phased_dates(parse((CORPUS / "dev" / "luat-51-2024-qh15.txt").read_text(encoding="utf-8")))
    assert phases[("1", "17")] == "ngày 01 tháng 01 năm 2025" and ("1", "28") in phases
    assert ("1", None) not in phases and ("1", "11") not in phases


def test_amounts_in_a_list_are_said_with_whom_they_are_for() -> None:
    from scripts.units import with_lead

    lead = "6. Thành viên hộ gia đình cùng tham gia bảo hiểm y tế theo hình thức hộ gia đình thì được giảm trừ mức đóng như sau:"
    [said] = with_lead(lead, "c) Từ người thứ năm trở đi đóng bằng 40% mức đóng của người thứ nhất.")
    assert said == (
        "Đối với thành viên hộ gia đình cùng tham gia bảo hiểm y tế, từ người thứ năm trở đi đóng bằng 40% mức đóng của người thứ nhất."
    )


def test_each_clause_of_an_amending_article_counts_as_its_own_article() -> None:
    """An amending law puts every change in Điều 1; the per-article cap counts the amended articles instead."""
    script = _draft_file(CORPUS / "dev" / "luat-51-2024-qh15.txt")
    clauses = {s.source.clause for s in script.sentences if s.source and s.source.article == "1"}
    assert len(clauses) >= 4, clauses


def test_a_hotline_the_document_names_is_given_to_residents() -> None:
    script = _draft_file(CORPUS / "dev" / "qd-96-2025-qd-ubnd-quangninh.txt")
    assert "Khi cần báo tin gấp, bà con gọi tổng đài 112." in [s.text for s in script.sentences]
    script = _draft_file(CORPUS / "dev" / "nq-75-2025-nq-hdnd-hanoi.txt")
    assert "gọi" not in script.text.split("Bà con cần hỏi thêm")[-1], "no number invented where the document has none"


def test_a_title_that_would_be_cut_short_is_said_whole_apart() -> None:
    """ "… đối với các cơ sở giáo dục mầm non" drops who pays: the title is said as its own sentence instead."""
    script = _draft_file(CORPUS / "dev" / "nq-58-2025-nq-hdnd-hanoi.txt")
    assert (
        "Nghị quyết này quy định mức học phí đối với các cơ sở giáo dục mầm non, giáo dục phổ thông công lập chất lượng cao."
        in [s.text for s in script.sentences]
    )


def test_the_acts_a_law_prohibits_lead_the_script() -> None:
    script = _draft_file(CORPUS / "dev" / "luat-36-2024-qh15.txt")
    assert "nghiêm cấm" in script.sentences[1].text.lower(), script.sentences[1].text  # a ban of Điều 9 leads
    assert "nồng độ cồn" in script.text
    assert not any(s.text.startswith("Thực hiện thủ tục") for s in script.sentences), "a task without its actor"


def test_a_notice_title_said_whole_replaces_a_provision_without_an_amount_only() -> None:
    script = _draft_file(CORPUS / "dev" / "nq-113-nq-cp-2026.txt")
    assert any("vượt dự toán" in s.text and "2018 - 2022" in s.text for s in script.sentences), script.text
    script = _draft_file(CORPUS / "dev" / "nq-80-2025-nq-hdnd-hanoi.txt")
    assert "4.960.000" in script.text, "the amount stays: it is what residents need"


def test_an_item_that_repeats_its_leads_last_words_is_said_with_the_lead() -> None:
    """ "… quyết định một số khoản hỗ trợ thuộc thẩm quyền của …: b) Hỗ trợ ổn định đời sống …" — who decides it."""
    from scripts.units import with_lead

    lead = (
        "1. Nội dung phân cấp Ủy ban nhân dân tỉnh phân cấp cho Ủy ban nhân dân cấp xã quyết định một số khoản hỗ trợ "
        "thuộc thẩm quyền của Ủy ban nhân dân tỉnh như sau:"
    )
    [said] = with_lead(lead, "b) Hỗ trợ ổn định đời sống khi nhà nước thu hồi đất theo quy định tại khoản 2 Điều 19.")
    assert said == (
        "Ủy ban nhân dân tỉnh phân cấp cho Ủy ban nhân dân cấp xã quyết định một số khoản hỗ trợ: "
        "hỗ trợ ổn định đời sống khi nhà nước thu hồi đất."
    )


def test_one_point_after_the_headline_is_not_announced_as_the_main_points() -> None:
    """ "Sau đây là những điểm chính bà con cần biết." then a single point (a blind grader's "dangling template"): the
    announcement is said only when at least two points follow it."""
    from tests.scripts.made_up import script

    body = (
        "Điều 2. Cấm thả rông\n1. Nghiêm cấm thả rông trâu, bò, dê trên đường giao thông và khu dân cư.\n"
        "2. Chủ gia súc thả rông bị phạt tiền từ 500.000 đồng đến 1.000.000 đồng.\n"
    )
    said = script("Quy định về thả rông gia súc", body)
    assert "Chủ gia súc thả rông bị phạt tiền từ 500.000 đồng đến 1.000.000 đồng." in said, said
    assert not any(s.startswith("Sau đây là những") for s in said), said
