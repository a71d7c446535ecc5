"""A document mostly written to offices that asks residents to act (enrol, vaccinate, file, stop burning) gets a
full script; a purely internal one (staff training, a reporting regime) still gets a short notice."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.asks import asks_residents
from scripts.draft import Script, draft
from scripts.ingest import LocalFetcher, load_document
from scripts.legal import parse
from scripts.plan_labels import event_served, papers_listed
from scripts.relayed import relayed
from scripts.selection import _restates, overlap

DATA = Path(__file__).parent / "data"


def _draft(name: str) -> Script:
    return draft(parse(load_document(str(DATA / name), LocalFetcher()).text))


@pytest.mark.parametrize(
    "sentence",
    [
        "Cha mẹ học sinh nộp hồ sơ trực tiếp tại trường hoặc đăng ký trực tuyến trên Cổng tuyển sinh của tỉnh.",
        "Thời gian nhận hồ sơ từ ngày 01 tháng 7 năm 2027 đến ngày 15 tháng 7 năm 2027.",
        "Vắc xin được cấp miễn phí.",
        "Khi có lệnh sơ tán, người dân ở vùng trũng thấp di chuyển đến nơi an toàn.",
        "Trong thời gian từ ngày 01 tháng 12 năm 2026 đến ngày 30 tháng 4 năm 2027, nghiêm cấm đốt nương rẫy.",
    ],
)
def test_a_resident_act_is_asked(sentence: str) -> None:
    assert asks_residents(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ủy ban nhân dân các xã, phường cử cán bộ, công chức tham gia đầy đủ các lớp bồi dưỡng.",
        "Báo cáo định kỳ hằng quý gửi trước ngày 18 của tháng cuối quý.",
        "Sở Y tế tổng hợp, báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 năm 2026.",
        "Thời gian: từ tháng 3 năm 2027 đến tháng 10 năm 2027, mỗi lớp 05 ngày.",
    ],
)
def test_an_office_task_asks_no_resident(sentence: str) -> None:
    assert not asks_residents(sentence)


def test_an_enrolment_plan_gets_a_full_script() -> None:
    script = _draft("kh-enrolment-made-up.txt")
    assert script.kind != "notice", script.text
    assert "Thời gian nhận hồ sơ từ ngày 01 tháng 7 năm 2027 đến ngày 15 tháng 7 năm 2027." in script.text


@pytest.mark.parametrize("name", ["kh-staff-training-made-up.txt", "qd-reporting-made-up.txt"])
def test_an_internal_document_still_gets_a_notice(name: str) -> None:
    assert _draft(name).kind == "notice"


def test_a_ban_relayed_to_residents_is_said_as_the_ban() -> None:
    """ "Ủy ban nhân dân các xã, phường" + "a) Thông báo cho nhân dân: trong thời gian …, nghiêm cấm đốt …": the ban
    residents must keep, with its dry season, not the commune's notice of it (which was too long and was lost)."""
    said = _draft("ct-forest-fire-made-up.txt").text
    assert (
        "Trong thời gian từ ngày 01 tháng 12 năm 2026 đến ngày 30 tháng 4 năm 2027, nghiêm cấm đốt nương rẫy, đốt thực bì, "
        "đốt rác, đốt ong trong rừng và ven rừng." in said
    ), said


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("Thông báo cho nhân dân: từ ngày 01 tháng 12, cấm đốt rác.", "Từ ngày 01 tháng 12, cấm đốt rác."),
        ("Phổ biến rộng rãi đến người dân biết: nghiêm cấm thả trâu bò vào rừng.", "Nghiêm cấm thả trâu bò vào rừng."),
        ("Thông báo cho nhân dân: các hộ gia đình phải phát quang quanh nhà.", "Các hộ gia đình phải phát quang quanh nhà."),
        ("Thông báo cho nhân dân: kết quả kiểm tra năm 2026.", "Thông báo cho nhân dân: kết quả kiểm tra năm 2026."),
        ("Thông báo cho Sở Tài chính: nghiêm cấm chi sai mục đích.", "Thông báo cho Sở Tài chính: nghiêm cấm chi sai mục đích."),
    ],
)
def test_relayed_message(line: str, said: str) -> None:
    assert relayed(line) == said


def test_a_vaccination_plan_says_who_is_vaccinated() -> None:
    """ "1. Đối tượng: trẻ em từ 1 tuổi …" under "II. ĐỐI TƯỢNG, THỜI GIAN, ĐỊA ĐIỂM" of a plan for a vaccination
    campaign: whom parents bring, said with the vaccine the campaign gives."""
    said = _draft("kh-vaccination-made-up.txt").text
    assert (
        "Trẻ em từ 1 tuổi đến dưới 6 tuổi chưa tiêm đủ 2 mũi vắc xin có chứa thành phần sởi được tiêm vắc xin sởi - rubella."
        in said
    ), said


def test_an_enrolment_plan_says_the_papers_to_bring() -> None:
    said = _draft("kh-enrolment-made-up.txt").text
    assert "Hồ sơ tuyển sinh lớp 1 gồm đơn đăng ký nhập học và bản sao giấy khai sinh hợp lệ." in said, said
    assert "học bạ cấp tiểu học" in said, said


@pytest.mark.parametrize(
    "line",
    [
        "Hồ sơ gồm: đơn đăng ký; bản sao giấy khai sinh.",  # papers of what? said with a section's topic (plan_label)
        "Hồ sơ trình phê duyệt dự án gồm: tờ trình; báo cáo thẩm định.",  # an office's file
        "Hồ sơ tuyển sinh gồm: đơn đăng ký nhập học.",  # one paper: no list to say
    ],
)
def test_no_papers_list_is_made_of(line: str) -> None:
    assert papers_listed(line) is None


def test_a_campaign_serves_only_a_group_of_people() -> None:
    subject = "Triển khai chiến dịch tiêm vắc xin sởi - rubella cho trẻ em năm 2026"
    assert event_served(subject, "Đối tượng: trẻ em từ 1 tuổi đến dưới 6 tuổi.") == (
        "Trẻ em từ 1 tuổi đến dưới 6 tuổi được tiêm vắc xin sởi - rubella."
    )
    assert event_served(subject, "Đối tượng: các trạm y tế xã.") is None
    assert event_served("Đào tạo, bồi dưỡng cán bộ, công chức cấp xã năm 2027", "Đối tượng: người làm công tác y tế.") is None


def test_a_plans_aims_are_not_read_to_residents() -> None:
    """ "I. MỤC ĐÍCH, YÊU CẦU" + "Công tác tuyển sinh bảo đảm chính xác, công bằng …": how the offices mean to work."""
    said = _draft("kh-enrolment-made-up.txt").text
    assert "bảo đảm chính xác, công bằng" not in said, said
    assert "Lớp 1: trẻ em sinh năm 2021" in said, said


def test_a_sentence_built_on_the_title_with_its_own_dates_is_no_restatement() -> None:
    title = "Tổ chức chiến dịch tiêm vắc xin phòng bệnh bạch hầu cho trẻ em từ 1 đến 5 tuổi trên địa bàn xã năm 2031"
    dated = "Chiến dịch tiêm vắc xin phòng bệnh bạch hầu cho trẻ em từ 1 đến 5 tuổi trên địa bàn xã năm 2031 được tổ chức từ ngày 20/3/2031."
    assert not _restates(dated, title)
    assert _restates("Kế hoạch này tổ chức chiến dịch tiêm vắc xin phòng bệnh bạch hầu cho trẻ em trên địa bàn xã.", title)


def test_where_a_campaign_is_held_is_a_fact_apart_from_when() -> None:
    when = "Chiến dịch tiêm vắc xin phòng bệnh bạch hầu được tổ chức từ ngày 20/3/2031 đến ngày 31/3/2031."
    where = "Chiến dịch tiêm vắc xin phòng bệnh bạch hầu được tổ chức tại Trạm Y tế xã và các điểm tiêm tại nhà văn hóa."
    assert overlap(where, when) == 0.0
    assert overlap(where, where.replace("Trạm Y tế xã", "trạm y tế")) > 0.7  # the same place twice is still one fact


def test_a_charge_given_to_an_office_to_collect_is_said_as_what_households_pay() -> None:
    """ "Giao các đơn vị cấp nước thu tiền nước của hộ gia đình … theo mức 6.500 đồng/m3": what households pay, though
    written as an office's task, said in their voice; no rule is left for the editor to write."""
    script = _draft("qd-water-charge-made-up.txt")
    assert script.kind != "notice", script.text
    said = "Từ ngày 01 tháng 01 năm 2027, hộ gia đình sử dụng nước sạch nông thôn trả tiền nước 6.500 đồng/m3."
    assert said in [s.text for s in script.sentences], script.text
    assert not script.warnings, script.warnings
