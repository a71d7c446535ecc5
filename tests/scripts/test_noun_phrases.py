"""A noun phrase whose only verbs sit in its modifiers is heard as no sentence (scripts/noun_phrases.py), on text of its own."""

from __future__ import annotations

import pytest

from scripts.listener import check
from scripts.noun_phrases import level_as_rule
from scripts.sentences import strip_noise

NOUN_PHRASES = [
    # a measure whose verbs only say what it is
    "Thời gian chậm nộp, trốn nộp tiền thuê mặt nước ao cá trước ngày 01 tháng 3 năm 2029 của hộ nuôi cá.",
    "Mức bình quân thu nhập tháng đã đóng quỹ hỗ trợ nông dân làm căn cứ tính hưởng trợ cấp khi thôi nuôi ong.",
    "Số tiền đã nộp vào quỹ phòng chống thiên tai của hộ gia đình có tàu cá.",
    # a category of people: who the rule covers, not what they get
    "Các đối tượng nghỉ hưởng trợ cấp nuôi ong, trợ cấp thôi việc trước ngày 01 tháng 01 năm 2001.",
    "Người đang hưởng hoặc đang tạm dừng hưởng trợ cấp người nuôi ong.",
    "Người nuôi ong đóng quỹ tương trợ theo mức do hội nuôi ong quyết định, hưởng trợ cấp hằng tháng.",
    "Cán bộ khuyến nông, công chức đang công tác ở bản, học viên trường lâm nghiệp hưởng học bổng là người Thái.",
    # a condition whose comma sits inside its own list of nouns
    "Đối với các ao, hồ chứa đã được cấp phép nuôi cá lồng lấy nước từ sông Đà.",
    # a level glued to the rule under its heading
    "Mức hỗ trợ ngày công của tổ viên tổ tuần tra, được hưởng hỗ trợ ngày công là 300.000 đồng/người/ngày.",
    # headings that name actions on a status, and a formula's legend
    "Tạm dừng, chấm dứt, tiếp tục hưởng trợ cấp nuôi ong.",
    "Chấm dứt hưởng trợ cấp người nuôi ong.",
    "N: số năm đã đóng quỹ tương trợ.",
    "Tk: tổng số tháng đã đóng quỹ.",
    "Bị thu hồi giấy phép nuôi ong.",  # the predicate of an item whose holder is in the lead
    # an aside's "là" names who is meant; it is not the predicate
    "Nhiều thôn ven sông, nhất là các thôn vùng trũng.",
    "Cả hội nuôi ong của tỉnh, trực tiếp là ông Chủ nhiệm hội, các tổ trưởng tổ nuôi ong.",
    "Các chính sách chính gồm có.",
    # a category of people told by why they come: the purpose's verbs are not a rule
    "Người nước ngoài sang Việt Nam để tham gia hội chợ nông sản của tỉnh.",
    "Người nước ngoài đến Việt Nam để tham quan khu bảo tồn.",
]


@pytest.mark.parametrize("sentence", NOUN_PHRASES)
def test_a_noun_phrase_with_verbs_only_in_its_modifiers_has_no_main_clause(sentence: str) -> None:
    assert {f.code for f in check(sentence)} & {"no_main_clause", "cut"}, sentence


RULES = [
    "Thời gian đã đóng quỹ hỗ trợ nông dân được tính để hưởng trợ cấp khi thôi nuôi ong.",
    "Thời gian nuôi ong tối thiểu để được hỗ trợ là 05 năm.",
    "Mức bình quân thu nhập tháng đã đóng quỹ là mức trợ cấp hằng tháng khi thôi nuôi ong.",  # not a basis (scripts.offices)
    "Người đang hưởng trợ cấp người nuôi ong được tăng thêm 10% từ tháng sau.",
    "Người nuôi ong hưởng trợ cấp hằng tháng từ tháng liền kề sau khi nộp đủ hồ sơ.",
    "Người nuôi ong đóng quỹ tương trợ, hưởng thêm 200.000 đồng mỗi tháng.",
    "Các đối tượng nghỉ hưởng trợ cấp trước ngày 01 tháng 01 năm 2001 được tăng thêm 300.000 đồng mỗi tháng.",
    "Đối với hộ nuôi ong, được hỗ trợ 50% tiền mua thùng ong.",
    "Đối với ao, hồ chứa nước sinh hoạt, hộ gia đình không được nuôi cá lồng.",
    "Đối với các ao, hồ chứa đã được cấp phép, chủ ao phải báo cáo sản lượng cho xã.",
    "Tạm dừng mọi hoạt động đốt ong rừng trong mùa khô.",
    "Học sinh đang học tại trường nghề hưởng chế độ miễn học phí.",
    "Các hộ ven sông, nhất là các hộ có người già, phải di dời trước 17 giờ.",
    "Bà con, nhất là các hộ ven sông, chủ động gia cố nhà cửa trước mùa lũ.",
    "Người nước ngoài vào Việt Nam để chữa bệnh được miễn lệ phí thị thực.",  # the rule after the purpose
    "Người dân đến Ủy ban nhân dân xã để làm thủ tục cấp giấy phép nuôi ong.",  # what residents do, told to them
    "Người cao tuổi đến trạm y tế xã để khám sức khỏe miễn phí.",  # a trip residents make, not a border crossed
    "Học sinh đến trường để nhận sách giáo khoa miễn phí.",
    "Người bệnh đến bệnh viện huyện để khám theo giấy hẹn.",
    "Người lao động về nước để nghỉ phép vẫn hưởng nguyên lương.",  # "vẫn hưởng": the rule after the purpose
]


@pytest.mark.parametrize("sentence", RULES)
def test_a_rule_with_the_same_words_passes(sentence: str) -> None:
    assert not check(sentence), [(f.code, f.message) for f in check(sentence)]


def test_a_level_glued_to_its_rule_is_said_with_its_holder_as_the_subject() -> None:
    glued = (
        "Mức hỗ trợ ngày công của tổ viên tổ tuần tra khi được huy động, điều động đi tuần tra đê, "
        "được hưởng hỗ trợ ngày công là 300.000 đồng/người/ngày"
    )
    said = (
        "Tổ viên tổ tuần tra khi được huy động, điều động đi tuần tra đê, được hưởng hỗ trợ ngày công là 300.000 đồng/người/ngày"
    )
    assert level_as_rule(glued) == said
    assert strip_noise(glued) == said and not check(said + ".")
    other = "Mức hỗ trợ của tổ viên tổ tuần tra, được hưởng thêm 50% khi tuần tra ban đêm"  # the benefit is not named again
    assert level_as_rule(other) == other
