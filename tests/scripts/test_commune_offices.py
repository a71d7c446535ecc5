"""A plan's tasks under a commune office's heading ("Trạm Y tế xã:", "Phòng Văn hóa - Xã hội:", "Các cơ sở giáo dục
mầm non …:") are said with that office, or as what residents get; its reports and funds are not said."""

from __future__ import annotations

from pathlib import Path

from scripts.draft import draft
from scripts.legal import parse
from scripts.listener import check
from scripts.tasks import heading_subject

DATA = Path(__file__).parent / "data"


def test_commune_offices_head_their_tasks() -> None:
    for heading, who in (
        ("1. Trạm Y tế xã:", "Trạm Y tế xã"),
        ("Phòng Văn hóa - Xã hội:", "Phòng Văn hóa - Xã hội"),
        ("Các cơ sở giáo dục mầm non trên địa bàn:", "Các cơ sở giáo dục mầm non"),
        ("Hạt Kiểm lâm:", "Hạt Kiểm lâm"),
        ("Chi nhánh Ngân hàng Chính sách xã hội tỉnh:", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh"),
    ):
        assert heading_subject(heading.removeprefix("1. ")) == who
    assert heading_subject("Phòng, chống thiên tai:") == ""  # a task's name, not an office


def test_a_clinic_s_task_is_said_as_what_children_get_and_its_report_is_not_said() -> None:
    texts = [s.text for s in draft(parse((DATA / "kh-commune-offices.txt").read_text(encoding="utf-8"))).sentences]
    assert "Trẻ em từ 9 tháng đến 5 tuổi được tiêm vắc xin sởi miễn phí tại Trạm Y tế xã từ ngày 15 tháng 3 năm 2027." in texts
    assert not any(t.startswith("Trạm Y tế xã trẻ em") for t in texts)  # the office glued before its receivers
    assert not any("báo cáo" in t or "kinh phí" in t for t in texts)


def test_an_offices_report_under_its_new_names_is_still_agency_work() -> None:
    for text in (
        "Phòng Văn hóa - Xã hội tổng hợp kết quả, báo cáo Ủy ban nhân dân xã trước ngày 30 tháng 4.",
        "Trung tâm Y tế khu vực tổng hợp số liệu tiêm chủng, báo cáo Sở Y tế hằng tháng.",
    ):
        assert any(f.code == "agency_work" for f in check(text)), text


def test_an_unpunctuated_task_of_a_commune_office_is_not_its_heading() -> None:
    line = "Trạm Y tế xã tổ chức tiêm vắc xin sởi miễn phí cho trẻ em từ 9 tháng đến 5 tuổi từ ngày 15 tháng 3 năm 2027"
    assert heading_subject(line) == ""  # it acts after the office's name: a task, not who carries the next lines
    assert heading_subject("Trạm Y tế xã") == "Trạm Y tế xã"  # no verb after the name: a heading, colon or not
    assert heading_subject("Trung tâm Phục vụ hành chính công xã") == "Trung tâm Phục vụ hành chính công xã"
    text = (DATA / "kh-commune-office-unpunctuated.txt").read_text(encoding="utf-8")
    texts = [s.text for s in draft(parse(text)).sentences]
    said = "Trẻ em từ 9 tháng đến 5 tuổi được tiêm vắc xin sởi miễn phí từ ngày 15 tháng 3 năm 2027."
    assert said in texts  # had been "… từ ngày 15 tháng 3 năm 2027 địa điểm: tại nhà văn hóa các thôn."
    assert not any("địa điểm:" in t.lower() for t in texts)
