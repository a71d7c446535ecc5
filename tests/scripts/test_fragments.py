"""The listener check hears a piece of a sentence lifted out alone (scripts/fragments.py), on text of its own."""

from __future__ import annotations

import pytest

from scripts.listener import check

PIECES = [
    ("Đơn vị tính: 1.000 đồng/người/tháng.", "no_main_clause"),
    ("Từ ngày 01 tháng 3 năm 2031, đơn vị tính: triệu đồng/hộ.", "no_main_clause"),
    ("Hoặc số tiền khoán chia cho số ngày làm việc trong tháng.", "no_main_clause"),
    ("Và các khoản phụ cấp khác theo hợp đồng đã ký.", "no_main_clause"),
    ("Đặc biệt tại các thôn ven sông, vùng trũng bị ngập sâu.", "no_main_clause"),
    ("Nhất là những nơi có nguy cơ sạt lở đất.", "no_main_clause"),
    ("Mức hỗ trợ thêm hằng quý đối với người đang hưởng trợ cấp tuất.", "no_main_clause"),
    ("Chính sách miễn, hỗ trợ tiền nước và quy trình, phương thức chi trả.", "no_main_clause"),
    ("Số ngày nghỉ bù của người lao động được xác định trong đó.", "cut"),
    ("Phụ cấp của nhân viên thú y thôn được xác định.", "cut"),
    ("Hộ kinh doanh nộp hồ sơ đề nghị cơ quan có thẩm quyền cấp.", "cut"),
    ("Người nộp thực hiện nộp tiền bằng một trong các hình thức sau chuyển khoản vào tài khoản của xã.", "cut"),
    ("Song song đó, tăng cường kiểm tra việc cấp phép tại các sở, ngành.", "agency_work"),
    ("Trường hợp quy định về thẩm quyền thay đổi thì thực hiện.", "cut"),
    ("Xã kịp thời cảnh báo không, chủ động di dời người dân khỏi vùng trũng.", "cut"),
    ("Các cơ quan, tổ chức, cá nhân khác có liên quan đến việc thu tiền dịch vụ.", "no_main_clause"),
    ("Doanh nghiệp, hộ gia đình, cá nhân có thuê mướn lao động theo mùa vụ.", "no_main_clause"),
    ("Cơ quan, người có thẩm quyền cấp giấy phép khai thác cát.", "no_main_clause"),
]


@pytest.mark.parametrize(("sentence", "code"), PIECES)
def test_a_piece_of_a_sentence_is_flagged(sentence: str, code: str) -> None:
    assert code in {f.code for f in check(sentence)}


WHOLE = [
    "Mức học phí đối với học sinh trung học cơ sở là 95 nghìn đồng mỗi tháng.",
    "Mức trợ cấp đối với hộ nghèo được tăng lên từ tháng sau.",
    "Chính sách này áp dụng cho người từ đủ 75 tuổi.",
    "Ngoài ra, người dân phải đun sôi nước trước khi uống.",
    "Hộ gia đình được hỗ trợ viên khử khuẩn nước.",
    "Người bán hàng phải niêm yết giá tại cửa hàng.",
    "Tổ chức, cá nhân có hành vi xả rác bừa bãi sẽ bị xử phạt.",
    "Hộ gia đình, cá nhân có nhu cầu được vay vốn ưu đãi.",
    "Dù có đăng ký hay không, người bán phải niêm yết giá.",
    "Trường hợp quy định về thẩm quyền thay đổi thì thực hiện theo quy định mới.",
]


@pytest.mark.parametrize("sentence", WHOLE)
def test_a_whole_sentence_with_the_same_words_passes(sentence: str) -> None:
    assert not check(sentence), [f.code for f in check(sentence)]
