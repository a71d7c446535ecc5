"""An office's own business told by the sentence's role (funding source, computation basis, procedure), whatever
resident words it mentions; made-up sentences and a made-up resolution."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.draft import draft
from scripts.legal import parse
from scripts.listener import check
from scripts.offices import as_state_act

DATA = Path(__file__).parent / "data"


def codes(sentence: str) -> list[str]:
    return [f.code for f in check(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        # funding sources: the subject is the money, whatever it pays for
        "Kinh phí thực hiện chế độ hỗ trợ tiền ăn trưa cho học sinh do ngân sách tỉnh bảo đảm.",
        "Nguồn vốn thực hiện chính sách hỗ trợ người nuôi ong được bố trí từ dự toán chi thường xuyên của xã.",
        "Quỹ khuyến học của xã được hình thành từ nguồn tài trợ và các nguồn hợp pháp khác.",
        # computation bases of an office
        "Mức lương cơ sở sau khi điều chỉnh là căn cứ để tính phụ cấp cho người nuôi ong.",
        "Tổng số ngày công làm căn cứ tính trợ cấp cho dân quân là số ngày thực tế làm nhiệm vụ.",
        "Tùy trường hợp, mức bình quân thu nhập làm căn cứ đóng bảo hiểm xã hội không tính tháng nghỉ không lương.",
        # an office's procedure
        "Tổ chức thu lệ phí nộp toàn bộ số tiền lệ phí câu cá thu được vào ngân sách nhà nước.",
        "Tổ chức thu phí phải đóng dấu “Đã thu phí” vào biên lai giao cho người nộp.",
        "Phí tham quan khu bảo tồn đối với khách nước ngoài thu bằng đồng Việt Nam hoặc ngoại tệ.",
        "Đối với mức phí tính bằng ngoại tệ thì thu bằng đồng Việt Nam quy đổi theo tỷ giá ngày nộp.",
        "Trong quá trình thực hiện, nếu có vướng mắc, các hộ nuôi ong phản ánh về Sở Nông nghiệp để được hướng dẫn.",
        "Cơ quan bảo hiểm xã hội huyện phải căn cứ vào hồ sơ của người nuôi ong để giải quyết.",
        "Mức chi hội nghị áp dụng từ năm tài chính 2028.",
        "Ủy ban nhân dân xã đẩy mạnh công tác tuyên truyền về nuôi ong an toàn cho người dân.",  # a campaign, any level
        # near what residents are told, still an office's business
        "Ủy ban nhân dân xã tăng cường công tác kiểm tra, giám sát việc quản lý quỹ phòng chống thiên tai.",
        "Trong quá trình thực hiện, nếu có vướng mắc, Ủy ban nhân dân xã phản ánh về Sở Tài chính để được hướng dẫn.",
        # the same closing cut before its verb: the offices asked are still the subject
        "Quyết định này, nếu có phát sinh vướng mắc yêu cầu các Sở, ban, ngành, các cơ quan, đơn vị.",
        "Nếu có khó khăn, vướng mắc đề nghị Ủy ban nhân dân các xã kịp thời phản ánh.",
        "Cơ quan bảo hiểm xã hội căn cứ vào hồ sơ để tổng hợp, báo cáo Bộ Tài chính.",
        "Mức lương cơ sở là căn cứ để tính mức đóng góp của ngân sách xã.",
        "Kinh phí tổ chức hội nghị do ngân sách xã bảo đảm, các đơn vị phải quyết toán trước ngày 31 tháng 12.",
        "Mức chi hội nghị là 100.000 đồng/người, áp dụng từ năm tài chính 2028.",
    ],
)
def test_an_offices_business_is_flagged_whatever_residents_it_mentions(sentence: str) -> None:
    assert codes(sentence) == ["agency_work"], check(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kinh phí xây nhà tiêu hợp vệ sinh do hộ gia đình tự chi trả.",  # residents pay it
        "Ghi nhận thời gian người nuôi ong đã đóng bảo hiểm xã hội để làm căn cứ giải quyết chế độ hưu trí.",  # a purpose
        "Tiếp tục áp dụng giá thóc vụ trước làm cơ sở để thu thuế sử dụng đất nông nghiệp vụ này.",  # the act, not the basis
        "Thời gian học nghề là căn cứ để người học được hưởng trợ cấp.",  # a resident's right
        "Thu nhập năm làm căn cứ xác định hộ thuộc diện được miễn phí là tổng thu nhập của các thành viên.",  # who holds it
        "Tổ chức thu lệ phí hoàn trả lệ phí cho người không đủ điều kiện được cấp giấy phép câu cá.",  # residents' money back
        "Nhà nước dùng mức hỗ trợ tiền ăn trưa để cấp bù cho trường công lập khoản tiền miễn tiền ăn của học sinh.",
        "Ủy ban nhân dân xã rà soát các giếng khoan của hộ gia đình, hoàn thành trước ngày 30 tháng 6 năm 2028.",
        "Cơ quan bảo hiểm xã hội tổ chức điều chỉnh và chi trả lương hưu theo mức mới.",
        "Người nuôi ong đóng hằng tháng bằng 22% mức thu nhập làm căn cứ đóng bảo hiểm xã hội.",  # the basis a modifier
    ],
)
def test_a_rule_for_residents_that_mentions_a_basis_or_a_budget_passes(sentence: str) -> None:
    assert check(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # an office as the subject, then what residents must or what is done to them
        "Ủy ban nhân dân xã tăng cường công tác kiểm tra, người dân không được đốt rơm rạ trên đồng.",
        "Ủy ban nhân dân xã tăng cường công tác kiểm tra, xử phạt người không đội mũ bảo hiểm.",
        # where residents take a problem: the commune office, not a ministry
        "Nếu có vướng mắc, bà con phản ánh về Ủy ban nhân dân xã để được hướng dẫn.",
        # the currency residents pay in, where they pay or told to the payer
        "Lệ phí cấp giấy khai sinh được thu bằng đồng Việt Nam tại bộ phận một cửa của xã.",
        "Người nộp lệ phí có thể nộp bằng đồng Việt Nam hoặc ngoại tệ quy đổi theo tỷ giá.",
        # an office's file used to give residents something
        "Ủy ban nhân dân xã căn cứ danh sách hộ nghèo để cấp thẻ bảo hiểm y tế miễn phí cho bà con.",
        "Cơ quan bảo hiểm xã hội căn cứ vào hồ sơ để chi trả trợ cấp trong 5 ngày làm việc.",
        # a funding source with what residents get, owe or pay
        "Kinh phí khám sức khỏe cho người cao tuổi do ngân sách xã chi trả, bà con không phải đóng.",
        "Vốn vay được cho vay từ nguồn vốn của Ngân hàng Chính sách xã hội, hộ nghèo được vay tối đa 100 triệu đồng.",
        "Vốn của hộ gia đình đóng góp 30%, phần còn lại do ngân sách xã bố trí.",
        # the basis of what residents pay
        "Mức lương cơ sở là căn cứ để tính mức đóng bảo hiểm y tế của hộ gia đình.",
        "Giá đất trong bảng giá là căn cứ để tính thuế sử dụng đất mà hộ gia đình phải nộp.",
        # a fee residents pay, whichever year it starts
        "Mức phí trông giữ xe đạp là 2.000 đồng/lượt, áp dụng từ năm tài chính 2027.",
    ],
)
def test_what_residents_get_pay_or_must_passes_whatever_office_or_budget_it_names(sentence: str) -> None:
    assert check(sentence) == [], check(sentence)


def test_what_the_state_pays_with_a_figure_is_said_as_the_states_act() -> None:
    basis = "Mức hỗ trợ tiền ăn trưa là căn cứ để ngân sách nhà nước cấp bù cho trường công lập khoản tiền miễn tiền ăn."
    said = as_state_act(basis)
    assert said == "Nhà nước dùng mức hỗ trợ tiền ăn trưa để cấp bù cho trường công lập khoản tiền miễn tiền ăn."
    assert codes(basis) == ["agency_work"] and check(said) == []
    other = "Mức lương cơ sở là căn cứ để tính phụ cấp cho người nuôi ong."  # an office computing: not the State paying
    assert as_state_act(other) == other


def test_a_script_says_what_the_state_pays_and_not_where_an_offices_money_comes_from() -> None:
    script = draft(parse((DATA / "nq-lunch-basis.txt").read_text(encoding="utf-8")))
    texts = [s.text for s in script.sentences]
    assert "Nhà nước dùng mức hỗ trợ tiền ăn trưa để cấp bù cho trường công lập khoản tiền miễn tiền ăn của học sinh." in texts
    assert not any("Kinh phí" in t or "căn cứ" in t or "ngân sách" in t for t in texts), texts
    assert all(check(t) == [] for t in texts)


PENSION_DECREE = """CHÍNH PHỦ

Số: 77/2028/NĐ-CP

NGHỊ ĐỊNH

Điều chỉnh lương hưu cho người nghỉ hưu ở xã vùng cao

Điều 1. Mức điều chỉnh

1. Từ ngày 01 tháng 3 năm 2028, lương hưu của người nghỉ hưu đang sinh sống ở xã vùng cao được tăng thêm 5%.

2. Người nghỉ hưu có lương hưu dưới 3.000.000 đồng/tháng được hưởng thêm 200.000 đồng/tháng.

Điều 2. Hiệu lực thi hành

Nghị định này có hiệu lực từ ngày 01 tháng 3 năm 2028.
"""


def test_who_hears_of_a_pension_is_sent_to_the_social_insurance_office() -> None:
    script = draft(parse(PENSION_DECREE))
    texts = [s.text for s in script.sentences]
    assert any("lương hưu" in t and "5%" in t for t in texts), texts
    assert any(t.startswith("Bà con cần hỏi thêm, xin liên hệ cơ quan bảo hiểm xã hội") for t in texts), texts
