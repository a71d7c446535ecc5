"""A rule and its follow-ons ("Đó là …", "Điều kiện thứ nhất là …") are one unit: chosen, placed, led with, fitted
into a notice and offered by the editor assist whole, or not at all (made-up resolutions)."""

from __future__ import annotations

from scripts.assist import unchosen
from scripts.choice import build_pool, select
from scripts.draft import Script, draft
from scripts.legal import LegalDocument, parse
from scripts.long_kinds import FOLLOW_ON, kinds
from scripts.selection import Candidate, Source
from scripts.sentences import _heard

HEAD = """HỘI ĐỒNG NHÂN DÂN
TỈNH HÒA BÌNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 15/2027/NQ-HĐND

Hòa Bình, ngày 10 tháng 3 năm 2027

NGHỊ QUYẾT

Quy định chính sách hỗ trợ hộ kinh doanh và chủ đò ngang trên địa bàn tỉnh

HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH

QUYẾT NGHỊ:

"""
TAIL = """
Điều 20. Hiệu lực thi hành

Nghị quyết này có hiệu lực từ ngày 01 tháng 4 năm 2027.

Nơi nhận:
- Như trên;
- Lưu: VT.

CHỦ TỊCH

Nguyễn Văn B
"""
REFUND = (
    "Trường hợp hộ kinh doanh, cá nhân kinh doanh tự xác định mức doanh thu năm 2026 từ 01 tỷ đồng trở xuống mà đã kê "
    "khai nộp thuế khoán cho cơ quan thuế theo quy định tại Nghị định số 68/2026/NĐ-CP thì được hoàn lại 50% tiền thuế "
    "đã nộp năm 2026."
)
INVOICES = (
    "Hộ kinh doanh có doanh thu năm trên 01 tỷ đồng thì phải áp dụng hóa đơn điện tử có mã của cơ quan thuế, hóa đơn "
    "điện tử khởi tạo từ máy tính tiền kết nối chuyển dữ liệu với cơ quan thuế."
)
FERRY = """Điều 2. Hỗ trợ chủ đò ngang

1. Chủ đò ngang được hỗ trợ 2.000.000 đồng/phương tiện để mua áo phao cho khách.

2. Chủ đò ngang không đăng ký phương tiện bị phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng.

3. Người lái đò ngang phải có giấy chứng nhận khả năng chuyên môn do Sở Xây dựng cấp trước ngày 01 tháng 7 năm 2027.
"""
FINES = "".join(
    f"""
Điều {n}. Xử phạt hành vi {act}

1. Phạt tiền từ {n}.000.000 đồng đến {n + 1}.000.000 đồng đối với cá nhân có hành vi {act} trên địa bàn xã.

2. Phạt tiền từ {n}00.000 đồng đến {n}50.000 đồng đối với hộ gia đình có hành vi {act} lần đầu.
"""
    for n, act in enumerate(
        ("không đội mũ bảo hiểm", "chở quá số người quy định", "đổ rác ra sông", "thả rông gia súc", "đốt rơm rạ"), 3
    )
)


def _doc(*clauses: str, more: str = FERRY) -> LegalDocument:
    body = "\n\n".join(f"{i}. {c}" for i, c in enumerate(clauses, 1))
    return parse(f"{HEAD}Điều 1. Hỗ trợ hộ kinh doanh\n\n{body}\n\n{more}{TAIL}")


KINDS_RULE = "có doanh thu năm trên 01 tỷ đồng thì phải áp dụng hóa đơn điện tử."
REFUND_RULE = "khi có đủ hai điều kiện."


def _said_whole(script: Script, rule: str, follow_ons: int) -> bool:
    """The one sentence saying `rule` is followed by its `follow_ons` (and is neither the lead nor the recap again);
    every follow-on of the script comes right after its rule or another follow-on."""
    said = [s.text for s in script.sentences]
    for i, text in enumerate(said):
        if FOLLOW_ON.match(text):
            assert i > 0 and FOLLOW_ON.match(said[i - 1]) or said[i - 1].endswith((KINDS_RULE, REFUND_RULE)), said
    at = [i for i, text in enumerate(said) if rule in text]
    assert len(at) <= 1, said  # never also the lead or the recap
    return bool(at) and all(FOLLOW_ON.match(t) for t in said[at[0] + 1 : at[0] + 1 + follow_ons])


def test_two_sentences_of_one_clause_keep_their_own_follow_ons() -> None:
    fee = "Hộ kinh doanh mới thành lập được miễn lệ phí môn bài 1.000.000 đồng trong năm đầu."
    doc = _doc(REFUND.replace("50% ", ""), f"{INVOICES} {fee}")  # the kinds rule and an exemption: one clause
    script = draft(doc)
    assert _said_whole(script, KINDS_RULE, 1) and _said_whole(script, REFUND_RULE, 2)
    doc = _doc(f"Hộ kinh doanh được miễn lệ phí môn bài năm 2027. {REFUND.replace('50% ', '')}")
    script = draft(doc)
    said = [s.text for s in script.sentences]
    assert _said_whole(script, REFUND_RULE, 2), said  # the conditional refund is said, with its conditions
    exempt = next(i for i, s in enumerate(said) if "miễn lệ phí môn bài năm 2027" in s)
    assert not FOLLOW_ON.match(said[exempt + 1])  # the exemption holds for all: no condition after it


def test_a_rule_is_said_with_all_its_conditions_however_alike_they_are() -> None:
    alike = REFUND.replace(
        "tự xác định mức doanh thu năm 2026 từ 01 tỷ đồng trở xuống mà đã kê khai nộp thuế khoán cho cơ quan thuế theo "
        "quy định tại Nghị định số 68/2026/NĐ-CP",
        "đã đăng ký phương tiện thủy nội địa tại Ủy ban nhân dân xã mà đã đăng ký phương tiện thủy nội địa với Đồn Biên phòng",
    )
    doc = _doc(alike, INVOICES)
    said = [s.text for s in draft(doc).sentences]
    assert _said_whole(draft(doc), REFUND_RULE, 2), said


def test_selection_takes_a_rule_and_its_follow_ons_whole_within_the_time_and_one_slot() -> None:
    source = Source("1", "1", None, REFUND)
    rule = "Hộ kinh doanh, cá nhân kinh doanh được hoàn lại 50% tiền thuế đã nộp năm 2026 khi có đủ hai điều kiện."
    first = "Điều kiện thứ nhất là đã đăng ký phương tiện thủy nội địa tại Ủy ban nhân dân xã."
    second = "Điều kiện thứ hai là đã đăng ký phương tiện thủy nội địa với Đồn Biên phòng."
    group = Candidate(rule, source, 12.0, follow=(first, second))
    others = [Candidate(f"Chủ đò ngang số {n} được hỗ trợ {n}.000.000 đồng mỗi năm.", source, 5.0, order=n) for n in range(3)]
    assert select([group], 12.0, 0.0, "north", None) == []  # the rule and one condition would fit: none is said
    assert select([group], 60.0, 0.0, "north", None) == [group]
    assert group in select([group, *others], 180.0, 0.0, "north", None)[:1]
    assert len(select([group, *others], 180.0, 0.0, "north", None)) == 4  # the group takes one of the article's slots


def test_the_kinds_rule_is_never_the_lead_nor_the_recap_and_chỉ_keeps_its_kinds() -> None:
    doc = _doc(REFUND, INVOICES)
    script = draft(doc)
    assert _said_whole(script, KINDS_RULE, 1) and _said_whole(script, REFUND_RULE, 2)
    assert not any(s.text.startswith("Xin nhắc lại") and "hóa đơn" in s.text for s in script.sentences)
    only = INVOICES.replace("thì phải áp dụng", "thì chỉ được sử dụng")
    assert kinds(only.rstrip("."), 38, _heard) == []  # "chỉ": the kinds are the whole point


def test_the_assist_offers_a_rule_and_its_follow_ons_as_one_suggestion() -> None:
    doc = _doc(REFUND, INVOICES, more=FERRY + FINES)
    script = draft(doc)
    offered = unchosen(doc, script, limit=50)
    assert not any(FOLLOW_ON.match(s.text) for s in offered)
    groups = [s for s in offered if len(getattr(s, "sentences", ())) > 1]
    assert groups, [s.text for s in offered]
    for s in groups:
        assert s.text == " ".join(s.sentences) and all(FOLLOW_ON.match(t) for t in s.sentences[1:])
    empty = unchosen(doc, Script("vi", [], 0.0, "local", doc.number), limit=50)
    refund = next(s for s in empty if "hoàn lại 50%" in s.text)
    assert len(refund.sentences) == 3 and refund.sentences[1].startswith("Điều kiện thứ nhất")


def test_a_notice_keeps_or_drops_a_rule_and_its_conditions_whole() -> None:
    from scripts.draft import _fit_notice

    doc = _doc(REFUND, INVOICES)
    pool = build_pool(doc)
    refund = next(c for c in pool if c.text.endswith(REFUND_RULE))
    ferry = next(c for c in pool if c.text.startswith("Chủ đò ngang được hỗ trợ"))
    said = [s.text for s in _fit_notice("local", doc, [refund, ferry], "north")]
    at = [i for i, text in enumerate(said) if text.endswith(REFUND_RULE)]
    assert not at or said[at[0] + 1 : at[0] + 3] == list(refund.follow)
    assert sum(bool(FOLLOW_ON.match(text)) for text in said) == 2 * len(at)
    alone = [s.text for s in _fit_notice("local", doc, [refund], "north")]
    at = [i for i, text in enumerate(alone) if text.endswith(REFUND_RULE)]
    assert at and alone[at[0] + 1 : at[0] + 3] == list(refund.follow), alone
