"""Red-team of the drafter on made-up documents of domains it was little tested on: land recovery, road traffic,
school enrolment, social assistance, forest fire prevention, a commune's plan. Each test is one defect a listener
would hear, fixed as a pattern."""

from __future__ import annotations

from tests.scripts.made_up import script

TRAFFIC = "Quy định một số mức xử phạt vi phạm hành chính về trật tự, an toàn giao thông đường bộ"


def test_points_taken_from_one_offence_are_not_said_of_every_offender() -> None:
    """ "người vi phạm quy định tại khoản 2 Điều này bị trừ điểm": without the reference, "người vi phạm bị trừ 04
    điểm" is heard of every offender, the helmet one too."""
    body = (
        "Điều 1. Mức phạt\n"
        "1. Phạt tiền từ 400.000 đồng đến 600.000 đồng đối với người điều khiển xe mô tô không đội mũ bảo hiểm.\n"
        "2. Phạt tiền từ 6.000.000 đồng đến 8.000.000 đồng đối với người điều khiển xe trên đường mà trong máu có "
        "nồng độ cồn.\n"
        "3. Ngoài việc bị phạt tiền, người vi phạm quy định tại khoản 2 Điều này bị trừ điểm giấy phép lái xe 04 điểm.\n"
    )
    said = script(TRAFFIC, body)
    assert not [s for s in said if "người vi phạm bị trừ" in s], said
    assert any("400.000 đồng" in s for s in said), said


def test_an_offence_s_exception_is_said_after_its_fine() -> None:
    """ "…, trừ trường hợp chở người bệnh đi cấp cứu, trẻ em dưới 06 tuổi bị phạt tiền …" is heard as children under six
    being fined: the exception goes after the fine."""
    body = (
        "Điều 1. Mức phạt đối với người điều khiển xe mô tô\n"
        "1. Phạt tiền từ 400.000 đồng đến 600.000 đồng đối với một trong các hành vi vi phạm sau đây:\n"
        "a) Chở người ngồi trên xe không đội mũ bảo hiểm, trừ trường hợp chở người bệnh đi cấp cứu, trẻ em dưới 06 tuổi;\n"
        "b) Chở theo từ 02 người trở lên trên xe.\n"
    )
    said = script(TRAFFIC, body)
    assert not [s for s in said if "tuổi bị phạt" in s], said
    assert [s for s in said if "mũ bảo hiểm bị phạt tiền từ 400.000 đồng đến 600.000 đồng, trừ trường hợp" in s], said
