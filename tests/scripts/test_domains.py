"""Red-team of the drafter on made-up documents of domains it was little tested on: land recovery, road traffic,
school enrolment, social assistance, forest fire prevention, a commune's plan. Each test is one defect a listener
would hear, fixed as a pattern."""

from __future__ import annotations

from scripts.draft import draft
from scripts.legal import parse
from tests.scripts.made_up import YEAR, script

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


def test_a_plan_s_title_is_said_as_what_it_is_about() -> None:
    """ "Kế hoạch này tuyển sinh vào lớp 1 …" is heard as the plan enrolling the children: a plan's title names its
    subject, said "Kế hoạch này nói về tuyển sinh …"."""
    text = (
        f"ỦY BAN NHÂN DÂN XÃ HÒA AN\nSố: 45/KH-UBND\nKẾ HOẠCH\nTuyển sinh vào lớp 1 và lớp 6 năm học {YEAR}-{YEAR + 1} "
        "tại các trường tiểu học và trung học cơ sở trên địa bàn xã Hòa An\n"
        "I. THỜI GIAN\n1. Thời gian nhận hồ sơ: từ ngày 01 tháng 7 năm "
        f"{YEAR} đến hết ngày 15 tháng 7 năm {YEAR}.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Cha mẹ học sinh đưa con em đến trường nộp hồ sơ đúng thời gian quy định.\n"
    )
    said = [s.text for s in draft(parse(text)).sentences]
    assert not [s for s in said if s.startswith("Kế hoạch này tuyển sinh")], said
    assert [s for s in said if s.startswith("Kế hoạch này nói về tuyển sinh vào lớp 1")], said


def test_coefficient_rows_under_an_article_title_say_who_gets_what() -> None:
    """ "Điều 2. Đối tượng và hệ số hưởng trợ cấp xã hội hằng tháng" over "Người khuyết tật nặng: hệ số 1,5": the
    group and its coefficient, said as who is paid the monthly allowance at which coefficient — not dropped."""
    body = (
        "Điều 1. Mức chuẩn trợ giúp xã hội\nMức chuẩn trợ giúp xã hội áp dụng trên địa bàn tỉnh là 500.000 đồng/tháng.\n"
        "Điều 2. Đối tượng và hệ số hưởng trợ cấp xã hội hằng tháng\n"
        "1. Người từ đủ 80 tuổi trở lên không có lương hưu: hệ số 1,0.\n"
        "2. Người khuyết tật đặc biệt nặng: hệ số 2,0.\n"
    )
    said = script("Quy định mức trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội", body)
    assert [s for s in said if "khuyết tật đặc biệt nặng được hưởng trợ cấp xã hội hằng tháng theo hệ số 2,0" in s], said


PLAN = (
    "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ\nSố: 12/KH-UBND\nKẾ HOẠCH\n"
    f"Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {YEAR}\n"
    "I. CHỈ TIÊU\n1. Tỷ lệ hộ nghèo giảm xuống dưới 2%.\n2. 100% hộ gia đình được sử dụng nước sạch hợp vệ sinh.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n1. Các hộ gia đình thực hiện phân loại rác thải tại nguồn, không vứt rác ra đường.\n"
)


def test_a_plan_titled_thuc_hien_keeps_its_title() -> None:
    """ "KẾ HOẠCH" then "Thực hiện Chương trình …": the title, not a preamble line — else the listener hears
    "đã ban hành Kế hoạch số 12/KH-UBND." and never what the plan is for."""
    doc = parse(PLAN)
    assert doc.title.startswith("Thực hiện Chương trình mục tiêu quốc gia"), doc.title
    said = " ".join(s.text for s in draft(doc).sentences)
    assert "xây dựng nông thôn mới" in said, said


def test_a_plan_s_targets_are_said_as_aims() -> None:
    """ "II. CHỈ TIÊU" + "Tỷ lệ hộ nghèo giảm xuống dưới 2%.": said as written it is heard as what is already so."""
    said = [s.text for s in draft(parse(PLAN)).sentences]
    assert not [s for s in said if s.startswith(("Tỷ lệ hộ nghèo", "100% hộ"))], said
    assert [s for s in said if "hấn đấu tỷ lệ hộ nghèo giảm xuống dưới 2%" in s or "hấn đấu 100% hộ" in s], said


def test_an_office_is_not_named_for_what_a_group_lacks() -> None:
    """ "Người … không có lương hưu, trợ cấp bảo hiểm xã hội …" names what the group lacks: the social insurance
    office is not where they ask about a monthly social allowance."""
    body = (
        "Điều 2. Đối tượng và hệ số hưởng trợ cấp xã hội hằng tháng\n"
        "1. Người từ đủ 80 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng: hệ số 1,0.\n"
        "2. Người khuyết tật đặc biệt nặng: hệ số 2,0.\n"
    )
    said = script("Quy định mức trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội", body)
    assert [s for s in said if "không có lương hưu" in s], said
    assert not [s for s in said if "liên hệ" in s and "bảo hiểm xã hội" in s], said
