"""A fee document's exemptions: each person said with what is waived, never a list item alone."""

from __future__ import annotations

from scripts.choice import build_pool
from scripts.legal import parse

CIRCULAR = """BỘ TÀI CHÍNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 97/2027/TT-BTC

Hà Nội, ngày 05 tháng 3 năm 2027

THÔNG TƯ
Quy định mức thu lệ phí cấp giấy phép đóng đò

Căn cứ Luật Phí và lệ phí;

Điều 1. Mức thu
Lệ phí cấp giấy phép đóng đò là 80.000 đồng/giấy phép.
Điều 2. Các trường hợp được miễn lệ phí
1. Các trường hợp được miễn lệ phí cấp giấy phép đóng đò
a) Hộ nghèo, hộ cận nghèo ở xã ven sông;
b) Người khuyết tật đặc biệt nặng;
c) Người nước ngoài đóng đò để cứu trợ nhân đạo;
d) Trường hợp đò dùng để chở học sinh đi học.
2. Các trường hợp được giảm lệ phí:
a) Thanh niên tình nguyện được giảm 50% lệ phí;
b) Người cao tuổi.
Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 01 tháng 5 năm 2027./.
"""


def test_each_person_exempted_is_said_with_what_is_waived() -> None:
    texts = [c.text for c in build_pool(parse(CIRCULAR))]
    assert "Hộ nghèo, hộ cận nghèo ở xã ven sông được miễn lệ phí cấp giấy phép đóng đò." in texts
    assert "Người khuyết tật đặc biệt nặng được miễn lệ phí cấp giấy phép đóng đò." in texts
    assert "Người cao tuổi được giảm lệ phí." in texts
    assert "Thanh niên tình nguyện được giảm 50% lệ phí." in texts, "a point that says its own exemption stays as it is"


def test_no_item_of_an_exemption_list_is_said_without_its_heading() -> None:
    texts = [c.text for c in build_pool(parse(CIRCULAR))]
    assert not any(t.startswith(("Người nước ngoài", "Trường hợp đò")) for t in texts), (
        "a foreigner's or a case's point is not turned into a resident's exemption, nor said as a bare noun phrase"
    )
    assert "Người khuyết tật đặc biệt nặng." not in texts
