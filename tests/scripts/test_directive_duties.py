"""A made-up directive on rabies: residents' duties between offices' tasks, said for their holder and as written."""

from __future__ import annotations

from datetime import date

from scripts.legal import parse
from scripts.units import passage_units

YEAR = date.today().year + 5


def _units(items: str) -> list[str]:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nSố: 07/CT-UBND\nCHỈ THỊ\nVề tăng cường phòng, chống bệnh dại\n"
        "Để chủ động phòng, chống bệnh dại, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:\n"
        "1. Sở Y tế chỉ đạo các cơ sở y tế bảo đảm đủ vắc xin để tiêm cho người bị chó, mèo cắn.\n"
        f"{items}"
        f"3. Giám đốc các sở, ngành nghiêm túc thực hiện Chỉ thị này.\nChỉ thị này có hiệu lực từ ngày 01 tháng 3 năm {YEAR}.\n"
    )
    return [u[3] for a in parse(text).articles for u in passage_units(a)]


def test_a_charge_and_its_waiver_are_not_said_as_a_service_to_those_waived() -> None:
    """ "Tổ chức tiêm phòng …, thu tiền 50.000 đồng/con, miễn cho hộ nghèo" was "Hộ nghèo được tiêm phòng bệnh dại
    cho chó, mèo, thu tiền tiêm phòng 50.000 đồng/con, miễn.": the poor are spared the fee, not served."""
    said = _units(
        "2. Ủy ban nhân dân các xã, phường:\na) Thống kê số hộ nuôi chó, mèo;\n"
        "b) Tổ chức tiêm phòng bệnh dại cho chó, mèo, thu tiền tiêm phòng 50.000 đồng/con, miễn cho hộ nghèo.\n"
    )
    assert not any(s.startswith("Hộ nghèo") for s in said), said
    assert any(s.endswith("50.000 đồng/con, miễn cho hộ nghèo.") for s in said), said


def test_a_ban_under_a_residents_duties_is_said_with_its_holder_and_its_exception() -> None:
    """ "Người nuôi chó, mèo có trách nhiệm:" + "b) Không thả rông chó, mèo, trừ …" was said alone, "Không thả rông chó,
    mèo, …": a rule for everyone; after a semicolon its exception was said alone, "Trừ trường hợp nuôi …"."""
    for sep in (",", ";"):
        said = _units(
            "2. Người nuôi chó, mèo có trách nhiệm:\na) Đưa chó, mèo đi tiêm phòng bệnh dại đầy đủ;\n"
            f"b) Không thả rông chó, mèo{sep} trừ trường hợp nuôi trong khuôn viên nhà có tường rào;\n"
            "c) Khi bị chó, mèo cắn, phải đến ngay cơ sở y tế để được tư vấn, tiêm phòng.\n"
        )
        assert not any(s.startswith(("Không", "Trừ")) for s in said), said
        assert any(
            s.startswith("Người nuôi chó, mèo có trách nhiệm không thả rông chó, mèo")
            and s.endswith(", trừ trường hợp nuôi trong khuôn viên nhà có tường rào.")
            for s in said
        ), said


def test_an_offices_negated_task_is_said_with_its_office() -> None:
    """ "2. Công an tỉnh:" + "b) Không để xảy ra tình trạng đua xe trái phép …" was said alone: an order to everyone."""
    said = _units(
        "2. Công an tỉnh:\na) Tăng cường tuần tra, xử lý nghiêm người điều khiển phương tiện vi phạm nồng độ cồn;\n"
        "b) Không để xảy ra tình trạng đua xe trái phép trên địa bàn.\n"
    )
    assert "Công an tỉnh không để xảy ra tình trạng đua xe trái phép trên địa bàn." in said, said
    assert not any(s.startswith("Không") for s in said), said
