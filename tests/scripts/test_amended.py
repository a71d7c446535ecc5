"""New wording quoted by an amending document, read as the provisions now in force (made-up decree of our own)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.amended import amendments
from scripts.legal import parse
from scripts.selection import Candidate, candidates

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def pool() -> list[Candidate]:
    return candidates(parse((DATA / "nd-amending.txt").read_text(encoding="utf-8")))


def _said(pool: list[Candidate], start: str) -> Candidate:
    return next(c for c in pool if c.text.startswith(start))


def test_points_of_quoted_wording_are_sentences_of_their_own(pool: list[Candidate]) -> None:
    """ "Sửa đổi khoản 5 Điều 8 như sau: “5. Heading / a) … / b) …”": point a is a rule, said alone; the heading is not."""
    duty = _said(pool, "Tổ giữ rừng cộng đồng có từ 10 thành viên trở lên phải ghi sổ")
    assert duty.source.where == "khoản 1 Điều 1"
    assert duty.source.amended == "sửa đổi, bổ sung điểm a khoản 5 Điều 8 của Nghị định số 30/2024/NĐ-CP"
    assert duty.source.label == f"khoản 1 Điều 1 {duty.source.amended}"
    assert not any(c.text.startswith("Sổ theo dõi tuần tra rừng") for c in pool)


def test_an_instruction_is_never_said_as_part_of_the_rule(pool: list[Candidate]) -> None:
    """Straight quotes: the parser takes the quoted points as the amending clause's own; still no "Sửa đổi … như sau"."""
    assert not any(c.text.startswith(("Sửa đổi", "Bổ sung")) or " 4a. " in c.text for c in pool)
    paid = _said(pool, "Người giữ rừng bị thương khi tuần tra rừng được hỗ trợ 3.500.000 đồng")
    assert paid.source.amended.endswith("điểm a khoản 4 Điều 12 của Nghị định số 30/2024/NĐ-CP")


def test_an_added_clause_is_cited_in_the_article_its_instruction_sits_under(pool: list[Candidate]) -> None:
    """ "Sửa đổi, bổ sung Điều 12 như sau: … b) Bổ sung khoản 4a như sau": the new clause is khoản 4a Điều 12."""
    added = _said(pool, "Người giữ rừng được cấp miễn phí")
    assert added.source.amended == "bổ sung khoản 4a Điều 12 của Nghị định số 30/2024/NĐ-CP"
    assert added.source.where == "điểm b khoản 2 Điều 1"


def test_a_change_with_its_instruction_in_the_heading() -> None:
    """ "Điều 2. Bổ sung khoản 15 Điều 4 Nghị định số …" with the wording right under the heading."""
    text = (DATA / "nd-amending.txt").read_text(encoding="utf-8")
    text = text.replace(
        "Điều 2. Hiệu lực thi hành",
        "Điều 2. Bổ sung khoản 3 Điều 6 Nghị định số 45/2023/NĐ-CP\n\n"
        "“3. Hộ gia đình nhận khoán bảo vệ rừng được miễn phí đo đạc diện tích rừng nhận khoán.”.\n\n"
        "Điều 3. Hiệu lực thi hành",
    )
    doc = parse(text)
    changes, _ = amendments(doc.articles[1])
    assert [(c.verb, c.cite) for c in changes] == [("bổ sung", "khoản 3 Điều 6 của Nghị định số 45/2023/NĐ-CP")]
    assert changes[0].wording == ["3. Hộ gia đình nhận khoán bảo vệ rừng được miễn phí đo đạc diện tích rừng nhận khoán."]


def test_a_replaced_amount_is_said_and_a_replaced_office_name_is_not(pool: list[Candidate]) -> None:
    """ "Sửa đổi cụm từ “2.000.000 đồng” thành “2.500.000 đồng” tại …": residents feel a level that changes; an
    office renamed in the text ("cấp huyện" → "cấp xã") is the administration's business."""
    level = _said(pool, "Trong Nghị định số 30/2024/NĐ-CP")
    assert level.text == (
        "Trong Nghị định số 30/2024/NĐ-CP về chế độ đối với người giữ rừng cộng đồng, "
        "mức 2.000.000 đồng được thay bằng 2.500.000 đồng."
    )
    assert level.source.where == "khoản 3 Điều 1"
    assert not any("cấp huyện" in c.text or "cấp xã" in c.text for c in pool)


def test_a_whole_new_article_is_cited_clause_by_clause(pool: list[Candidate]) -> None:
    """ "Bổ sung Điều 12a vào sau Điều 12 như sau: “Điều 12a. … 1. … 2. …”": each clause is a provision of Điều 12a."""
    free = _said(pool, "Con của người giữ rừng hy sinh khi làm nhiệm vụ được miễn học phí")
    assert free.source.where == "khoản 5 Điều 1"
    assert free.source.amended == "bổ sung khoản 1 Điều 12a của Nghị định số 30/2024/NĐ-CP"
    assert not any(c.text.startswith(("Hỗ trợ học nghề cho con", "Điều 12a")) for c in pool)


def test_this_decree_in_quoted_wording_is_the_amended_one() -> None:
    """ "trước ngày Nghị định này có hiệu lực" inside the new wording is the old decree's date: never this one's."""
    from scripts.draft import draft

    doc = parse((DATA / "nd-amending.txt").read_text(encoding="utf-8"))
    refund = _said(candidates(doc), "Người đã học nghề trước ngày")
    assert "trước ngày Nghị định số 30/2024/NĐ-CP có hiệu lực" in refund.text
    said = " ".join(s.text for s in draft(doc).sentences)
    assert "học nghề trước ngày 01 tháng 10 năm 2027" not in said


def test_the_rest_of_an_amending_article_is_read_against_the_whole_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """What an amending article says besides its quotes is read with the document's text (a section's actor, a
    wrapped line's carrier are looked up there), not with the article's last line."""
    import scripts.amended as amended

    whole = (DATA / "nd-amending.txt").read_text(encoding="utf-8")
    seen: list[str] = []
    real = amended.passage_units
    monkeypatch.setattr(
        amended, "passage_units", lambda article, resolve, text, *rest: seen.append(text) or real(article, resolve, text, *rest)
    )
    doc = parse(whole)
    article = next(a for a in doc.articles if amendments(a)[0])
    amended.amended_units(article, str, doc.text)
    assert seen and set(seen) == {doc.text}


def test_an_amended_point_that_needs_its_old_lead_is_not_said_alone() -> None:
    """ "Sửa đổi, bổ sung điểm b khoản 1 Điều 6 như sau: “b) Không xích, nhốt chó dữ …;”": the point continues a lead
    only the amended decision has ("… bị phạt … đối với các hành vi sau:"); alone it was an order not to chain them."""
    from scripts.choice import build_pool
    from tests.scripts.made_up import decision, script

    body = (
        "Điều 1. Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số 12/2020/QĐ-UBND\n"
        "1. Sửa đổi, bổ sung điểm b khoản 1 Điều 6 như sau:\n“b) Không xích, nhốt chó dữ trong thời gian có dịch bệnh dại;”\n"
        "2. Bổ sung khoản 3a vào sau khoản 3 Điều 10 như sau:\n"
        "“3a. Người nuôi chó phải đăng ký với Ủy ban nhân dân cấp xã trong thời hạn 15 ngày kể từ ngày bắt đầu nuôi.”\n"
    )
    subject = "Sửa đổi, bổ sung một số điều của Quy định về quản lý chó, mèo ban hành kèm theo Quyết định số 12/2020/QĐ-UBND"
    said = [c.text for c in build_pool(decision(subject, body))] + script(subject, body)
    assert not any("xích, nhốt" in s for s in said), said
    assert "Người nuôi chó phải đăng ký với Ủy ban nhân dân cấp xã trong thời hạn 15 ngày kể từ ngày bắt đầu nuôi." in said
