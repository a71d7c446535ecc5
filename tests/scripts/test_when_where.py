"""When and where residents must go: "Thời gian tiêm: từ ngày …", "Địa điểm tiêm: tại nhà văn hóa …" (made-up text)."""

from __future__ import annotations

from scripts.listener import check
from tests.scripts.made_up import YEAR, script

BODY = f"""Điều 1. Thời gian và địa điểm tiêm
1. Thời gian tiêm: từ ngày 01 tháng 4 năm {YEAR} đến ngày 30 tháng 4 năm {YEAR}.
2. Địa điểm tiêm: tại nhà văn hóa các thôn, tổ dân phố theo lịch do Ủy ban nhân dân cấp xã thông báo.
Điều 2. Trách nhiệm của chủ nuôi chó, mèo
Chủ nuôi chó, mèo phải đưa chó, mèo từ 2 tháng tuổi trở lên đến điểm tiêm đúng lịch.
"""


def test_a_campaigns_time_and_place_are_said() -> None:
    """Both lines were dropped as having no main clause: the script said residents must bring their dogs, not when
    or where. A label of time or place with its value is a whole sentence without a verb."""
    said = script("Về việc tổ chức tiêm vắc xin phòng bệnh dại cho chó, mèo", BODY)
    assert f"Thời gian tiêm từ ngày 01 tháng 4 năm {YEAR} đến ngày 30 tháng 4 năm {YEAR}." in said, said
    assert any(s.startswith("Địa điểm tiêm tại nhà văn hóa các thôn, tổ dân phố") for s in said), said


def test_a_label_without_its_time_or_place_is_still_no_sentence() -> None:
    assert check("Thời gian và địa điểm tiêm phòng bệnh dại cho chó, mèo.")
    assert not check(f"Thời gian tiêm từ ngày 01 tháng 4 năm {YEAR} đến ngày 30 tháng 4 năm {YEAR}.")
