"""A resident's duty listed under its holder is said with the holder even when the point runs on."""

from __future__ import annotations

from scripts.listener import passes
from scripts.units import with_lead

LEAD = "2. Người thuê ki-ốt chợ xã có nghĩa vụ sau đây:"
POINT = (
    "a. Nộp đủ tiền thuê ki-ốt trong thời hạn 15 ngày kể từ ngày ký hợp đồng thuê; tiền thuê không bao gồm tiền điện, "
    "tiền nước. Sau thời hạn quy định, người thuê không nộp hoặc nộp không đủ tiền thuê thì ki-ốt được cho thuê lại "
    "và người thuê không được hoàn trả số tiền đặt cọc đã nộp;"
)


def test_the_opening_act_of_a_long_point_is_said_with_its_resident_holder() -> None:
    said = with_lead(LEAD, POINT)
    assert said[0].startswith(
        "Người thuê ki-ốt chợ xã có nghĩa vụ nộp đủ tiền thuê ki-ốt trong thời hạn 15 ngày kể từ ngày ký hợp đồng thuê"
    )
    assert passes(said[0])
    assert not any(s.startswith("Nộp ") for s in said)  # never the act alone: whose duty?


def test_an_offices_duties_are_not_joined_this_way() -> None:
    lead = "2. Ban quản lý chợ xã có nghĩa vụ sau đây:"
    said = with_lead(lead, POINT)
    assert not any(s.startswith("Ban quản lý chợ xã có nghĩa vụ nộp") for s in said)


def test_a_point_that_has_its_own_subject_is_left_as_it_is() -> None:
    point = (
        "b. Người thuê phải giữ vệ sinh khu vực ki-ốt; trường hợp vi phạm thì bị nhắc nhở. Sau ba lần nhắc nhở, "
        "người thuê bị chấm dứt hợp đồng thuê ki-ốt và không được hoàn trả tiền đặt cọc;"
    )
    assert not any(s.startswith("Người thuê ki-ốt chợ xã có nghĩa vụ người") for s in with_lead(LEAD, point))
