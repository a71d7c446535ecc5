"""A government resolution's relief, written as tasks for agencies, said as what residents get (made-up text)."""

from __future__ import annotations

from scripts.draft import draft
from scripts.legal import parse
from scripts.sentences import lead_phrase
from scripts.units import with_lead
from tests.scripts.made_up import YEAR

HEAD = f"""CHÍNH PHỦ
Số: 211/NQ-CP
Hà Nội, ngày 20 tháng 10 năm {YEAR}
NGHỊ QUYẾT
Về các giải pháp hỗ trợ người dân khắc phục hậu quả lũ lụt
CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
QUYẾT NGHỊ:
"""


def _said(body: str) -> list[str]:
    return [s.text for s in draft(parse(HEAD + body)).sentences]


def test_a_long_relief_task_is_said_as_received_before_it_is_shortened() -> None:
    """ "Ngân hàng Nhà nước … chỉ đạo các tổ chức tín dụng cơ cấu lại thời hạn trả nợ, miễn, giảm lãi vay cho khách hàng
    bị thiệt hại … đến hết ngày …" (44 words) was shortened first, to the agency's order without its beneficiary, and
    cut as agency work; "Bảo hiểm xã hội Việt Nam chi trả gộp 2 tháng lương hưu … cho người hưởng …" was too long to
    say. Said as received, each fits: who gets what, until when."""
    said = _said(
        "1. Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng cơ cấu lại thời hạn trả nợ, miễn, giảm lãi vay cho "
        f"khách hàng bị thiệt hại do lũ lụt tại các tỉnh Nghệ An, Hà Tĩnh, Quảng Bình đến hết ngày 31 tháng 12 năm {YEAR}.\n"
        "2. Bảo hiểm xã hội Việt Nam chi trả gộp 2 tháng lương hưu, trợ cấp bảo hiểm xã hội tháng 11 và tháng 12 năm "
        f"{YEAR} cho người hưởng tại các tỉnh bị lũ lụt trong kỳ chi trả tháng 11 năm {YEAR}.\n"
    )
    assert any(
        s.endswith(f"được cơ cấu lại thời hạn trả nợ, miễn, giảm lãi vay đến hết ngày 31 tháng 12 năm {YEAR}.") for s in said
    ), said
    assert any("Người hưởng tại các tỉnh bị lũ lụt được chi trả gộp 2 tháng lương hưu" in s for s in said), said


def test_an_agencys_listed_relief_and_a_request_to_insurers_are_said_as_received() -> None:
    """Under "1. Ngân hàng Nhà nước Việt Nam:", "a) Chỉ đạo … cơ cấu lại … cho khách hàng …;" ends on a semicolon and
    was never read as relief; "Đề nghị các doanh nghiệp bảo hiểm … tạm ứng bồi thường cho khách hàng …" neither; and
    the enacting formula "QUYẾT NGHỊ:" was said as the lead of a task ("QUYẾT NGHỊ các doanh nghiệp …")."""
    said = _said(
        "1. Ngân hàng Nhà nước Việt Nam:\na) Chỉ đạo các tổ chức tín dụng cơ cấu lại thời hạn trả nợ, miễn, giảm lãi vay "
        f"cho khách hàng bị thiệt hại do lũ lụt đến hết ngày 31 tháng 12 năm {YEAR};\n"
        "b) Chỉ đạo Ngân hàng Chính sách xã hội giảm lãi suất cho vay 2%/năm đối với khách hàng vay vốn tại các tỉnh bị lũ lụt.\n"
        "2. Đề nghị các doanh nghiệp bảo hiểm khẩn trương tạm ứng bồi thường cho khách hàng bị thiệt hại do lũ lụt.\n"
    )
    assert any(s.startswith("Khách hàng bị thiệt hại do lũ lụt được cơ cấu lại thời hạn trả nợ") for s in said), said
    assert "Khách hàng bị thiệt hại do lũ lụt được tạm ứng bồi thường." in said, said
    assert not any("QUYẾT NGHỊ" in s or "chỉ đạo các tổ chức tín dụng" in s for s in said), said


def test_the_enacting_formula_is_no_lead_of_the_tasks_under_it() -> None:
    """ "QUYẾT NGHỊ:" over numbered tasks was joined to a short task whose subject is not an office: "QUYẾT NGHỊ các
    doanh nghiệp bảo hiểm khẩn trương …"; the formula shares nothing with what follows it."""
    assert lead_phrase("QUYẾT NGHỊ:") == "" and lead_phrase("QUYẾT ĐỊNH:") == ""
    said = with_lead("QUYẾT NGHỊ:", "5. Các doanh nghiệp bảo hiểm khẩn trương thực hiện.")
    assert not any("QUYẾT" in s for s in said), said
