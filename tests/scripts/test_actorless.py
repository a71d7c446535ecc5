"""A resident's duty listed under its holder is said with the holder even when the point runs on."""

from __future__ import annotations

from pathlib import Path

from scripts.draft import draft
from scripts.legal import parse
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


def test_a_duty_whose_exception_is_dropped_is_not_said_with_its_holder() -> None:
    # "1. Người trúng đấu giá quyền khai thác bến đò có nghĩa vụ sau đây:" + "a) Nộp đủ tiền trúng đấu giá trong thời
    # hạn 30 ngày kể từ ngày có thông báo kết quả, trừ trường hợp được Ủy ban nhân dân xã cho nộp chậm …; …"
    text = (Path(__file__).parent / "data" / "nq-duty-with-exception.txt").read_text(encoding="utf-8")
    said = [s.text for s in draft(parse(text)).sentences]
    assert not any("trong thời hạn 30 ngày" in s and "trừ" not in s for s in said), said  # never without "trừ …"
    assert "Tiền trúng đấu giá không bao gồm lệ phí bến bãi." in said  # the point's other sentences, as before
