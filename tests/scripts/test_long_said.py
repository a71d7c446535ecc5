"""Long provisions said in fewer words before any cut: only the words that carry no fact go (made-up text)."""

from __future__ import annotations

from scripts.docfacts import title_phrase
from scripts.legal import parse
from scripts.sentences import MAX_WORDS, split_units, strip_noise
from tests.scripts.made_up import YEAR


def test_a_repeal_keeps_its_verb():
    # "Bãi bỏ toàn bộ" before a named document is the rule, not a clause heading glued to its body
    said = strip_noise(f"Bãi bỏ toàn bộ Quyết định số 12/{YEAR - 8}/QĐ-UBND quy định mức thu phí chợ.")
    assert said.startswith("Bãi bỏ toàn bộ Quyết định số 12/")
    said = strip_noise(f"Thay thế Nghị quyết số 7/{YEAR - 8}/NQ-HĐND quy định mức hỗ trợ.")
    assert said.startswith("Thay thế Nghị quyết")


def test_a_ministry_named_whole_or_not_at_all():
    # "… của Bộ trưởng Bộ Y tế quy định …": never "… tế quy định …"
    said = strip_noise(
        f"Bãi bỏ Thông tư số 9/{YEAR - 8}/TT-BYT ngày 14 tháng 10 năm {YEAR - 8} của Bộ trưởng Bộ Y tế quy định chế độ trực."
    )
    assert " tế " not in said and "quy định chế độ trực" in said
    said = strip_noise(
        f"Theo Thông tư số 4/{YEAR - 8}/TT-BTC ngày 3 tháng 4 năm {YEAR - 8} của Bộ Tài chính, mức thu là 5.000 đồng."
    )
    assert " chính," not in said and "mức thu là 5.000 đồng" in said


def test_a_nominaliser_and_each_kind_go_before_a_cut():
    text = (
        f"Bãi bỏ toàn bộ Quyết định số 12/{YEAR - 8}/QĐ-UBND ngày 5 tháng 6 năm {YEAR - 8} của Ủy ban nhân dân tỉnh An Bình "
        "quy định việc áp dụng chế độ hỗ trợ, thời gian và số người thực hiện kiểm tra đối với từng loại việc kiểm tra "
        "chất lượng nước sạch nông thôn."
    )
    (said,) = split_units(text)
    assert said.startswith("Bãi bỏ toàn bộ Quyết định số 12/")
    assert "quy định chế độ hỗ trợ, thời gian và số người thực hiện kiểm tra chất lượng nước sạch nông thôn" in said


def test_a_document_s_title_is_said_plainly_before_it_is_cut():
    # the title of a repealing decision, said in the notice's own sentence: the kind of check is kept, not cut away
    doc = parse(
        f"ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nSố: 30/{YEAR}/QĐ-UBND\nQUYẾT ĐỊNH\n"
        f"Bãi bỏ Quyết định số 12/{YEAR - 8}/QĐ-UBND quy định việc áp dụng chế độ hỗ trợ, thời gian và số người thực hiện "
        "kiểm tra đối với từng loại việc kiểm tra chất lượng nước sạch nông thôn\n"
        f"Điều 1. Bãi bỏ toàn bộ Quyết định số 12/{YEAR - 8}/QĐ-UBND.\n"
        f"Điều 2. Quyết định này có hiệu lực từ ngày 01 tháng 3 năm {YEAR}.\n"
    )
    said = title_phrase(doc)
    assert "việc áp dụng" not in said and "từng loại" not in said
    assert said.endswith("thực hiện kiểm tra chất lượng nước sạch nông thôn")


def test_a_title_naming_two_documents_is_cut_between_them():
    doc = parse(
        f"ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nSố: 31/{YEAR}/QĐ-UBND\nQUYẾT ĐỊNH\n"
        f"Sửa đổi, bổ sung một số điều của Quyết định số 12/{YEAR - 8}/QĐ-UBND quy định về giá dịch vụ đối với hộ gia "
        f"đình, cá nhân và Quyết định số 14/{YEAR - 8}/QĐ-UBND quy định chi tiết một số điều về "
        "quản lý, vận hành công trình cấp nước\n"
        f"Điều 1. Sửa đổi khoản 2 Điều 3 Quyết định số 12/{YEAR - 8}/QĐ-UBND.\n"
        f"Điều 2. Quyết định này có hiệu lực từ ngày 01 tháng 3 năm {YEAR}.\n"
    )
    said = title_phrase(doc, MAX_WORDS)  # the limit of the drafted sentence that names the amended document
    assert said.endswith("đối với hộ gia đình, cá nhân"), said
