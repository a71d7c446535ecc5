"""A line with no verb of its own ("Mức hỗ trợ: 500.000 đồng/người/tháng", "Hỗ trợ 40.000.000 đồng/hộ", "Thời gian:
từ ngày …") said as one sentence with whom its heading or lead names, or not at all (made-up text)."""

from __future__ import annotations

from scripts.draft import draft
from scripts.label_lines import under_heading
from scripts.legal import parse
from scripts.listener import check
from tests.scripts.made_up import YEAR, decision, script, units

SUBJECT = "Về chính sách hỗ trợ người cao tuổi và hộ gia đình bị thiệt hại do thiên tai"


def test_a_label_line_is_not_glued_to_the_heading_above_it() -> None:
    """ "1. Hỗ trợ người cao tuổi …" then "Mức hỗ trợ: …": two lines, never "… trở lên Mức hỗ trợ: …"."""
    doc = decision(
        SUBJECT, "Điều 1. Chính sách\n1. Hỗ trợ người cao tuổi từ đủ 75 tuổi trở lên\nMức hỗ trợ: 500.000 đồng/người/tháng.\n"
    )
    assert doc.articles[0].clauses[0].text.split("\n")[-1] == "Mức hỗ trợ: 500.000 đồng/người/tháng."
    wrapped = decision(SUBJECT, "Điều 1. Chính sách\n1. Hộ nghèo được hỗ trợ\nmức 500.000 đồng/hộ.\n")  # goes on in lower case
    assert wrapped.articles[0].clauses[0].text == "Hộ nghèo được hỗ trợ mức 500.000 đồng/hộ."


def test_the_level_under_a_clause_heading_names_who_gets_it() -> None:
    body = (
        "Điều 1. Chính sách hỗ trợ\n1. Hỗ trợ người cao tuổi từ đủ 75 tuổi trở lên\nMức hỗ trợ: 500.000 đồng/người/tháng.\n"
        "2. Hỗ trợ người khuyết tật nặng\nMức hỗ trợ: 300.000 đồng/người/tháng.\n"
    )
    said = units(SUBJECT, body)
    assert "Người cao tuổi từ đủ 75 tuổi trở lên được hỗ trợ 500.000 đồng/người/tháng." in said, said
    assert "Người khuyết tật nặng được hỗ trợ 300.000 đồng/người/tháng." in said, said
    assert not any(s.startswith("Mức hỗ trợ") for s in said), said  # an amount without its holder


def test_the_article_title_names_whose_level_and_time_it_is() -> None:
    body = (
        "Điều 1. Hỗ trợ người cao tuổi từ đủ 75 tuổi trở lên\n1. Mức hỗ trợ: 500.000 đồng/người/tháng.\n"
        f"2. Thời gian hỗ trợ: từ ngày 01 tháng 01 năm {YEAR} đến ngày 31 tháng 12 năm {YEAR}.\n"
    )
    said = units(SUBJECT, body)
    assert "Người cao tuổi từ đủ 75 tuổi trở lên được hỗ trợ 500.000 đồng/người/tháng." in said, said
    when = f"từ ngày 01 tháng 01 năm {YEAR} đến ngày 31 tháng 12 năm {YEAR}"
    assert f"Người cao tuổi từ đủ 75 tuổi trở lên được hỗ trợ {when}." in said, said


def test_a_verb_first_amount_takes_the_holder_its_heading_names() -> None:
    """Was "Hộ gia đình có nhà bị sập đổ hoàn toàn Hỗ trợ được hỗ trợ 40.000.000 đồng/hộ …": two lines glued, the verb twice."""
    body = (
        "Điều 1. Mức hỗ trợ\n1. Hộ gia đình có nhà bị sập đổ hoàn toàn\nHỗ trợ 40.000.000 đồng/hộ để xây dựng lại nhà ở.\n"
        "2. Hộ gia đình có nhà bị hư hỏng nặng:\na) Hỗ trợ 20.000.000 đồng/hộ để sửa chữa nhà ở.\n"
    )
    said = [s.lower() for s in script(SUBJECT, body)]
    assert any(
        s.endswith("hộ gia đình có nhà bị sập đổ hoàn toàn được hỗ trợ 40.000.000 đồng/hộ để xây dựng lại nhà ở.") for s in said
    ), said
    assert any(
        s.endswith("hộ gia đình có nhà bị hư hỏng nặng được hỗ trợ 20.000.000 đồng/hộ để sửa chữa nhà ở.") for s in said
    ), said
    assert not any("hỗ trợ được" in s for s in said), said


def test_a_campaigns_dates_and_place_are_said_with_the_campaign() -> None:
    body = (
        "Điều 1. Nội dung\n1. Chiến dịch tiêm vắc xin sởi cho trẻ em dưới 5 tuổi\n"
        f"Thời gian: từ ngày 01 tháng 4 năm {YEAR} đến ngày 30 tháng 4 năm {YEAR}.\nĐịa điểm: tại trạm y tế xã.\n"
    )
    said = units("Kế hoạch tiêm vắc xin phòng bệnh sởi", body)
    campaign = "Chiến dịch tiêm vắc xin sởi cho trẻ em dưới 5 tuổi được thực hiện"
    assert f"{campaign} từ ngày 01 tháng 4 năm {YEAR} đến ngày 30 tháng 4 năm {YEAR}." in said, said
    assert f"{campaign} tại trạm y tế xã." in said, said


def test_a_heading_that_names_no_one_and_nothing_done_says_nothing() -> None:
    """ "Thời gian: từ ngày …" under "Nội dung thực hiện": of what? Not said here; nor a level under a heading of no group."""
    assert under_heading("Nội dung thực hiện", f"Thời gian: từ ngày 01 tháng 4 năm {YEAR}.") is None
    assert under_heading("Kinh phí thực hiện", "Mức hỗ trợ: 500.000 đồng/người/tháng.") is None
    assert under_heading("Hỗ trợ cán bộ, công chức cấp xã", "Mức hỗ trợ: 500.000 đồng/người/tháng.") is None
    assert under_heading("Hỗ trợ người cao tuổi", "Mức hỗ trợ: theo quy định tại khoản 2 Điều 5.") is None
    assert under_heading("Hộ nghèo", "Mức phạt: 500.000 đồng.") is None


def test_every_sentence_said_has_a_main_clause() -> None:
    for heading, line in (
        ("Hỗ trợ người cao tuổi từ đủ 75 tuổi trở lên", "Mức hỗ trợ: 500.000 đồng/người/tháng."),
        ("Hộ gia đình có nhà bị sập đổ hoàn toàn", "Hỗ trợ 40.000.000 đồng/hộ."),
        ("Chiến dịch tiêm vắc xin sởi", f"Thời gian: từ ngày 01 tháng 4 năm {YEAR}."),
    ):
        said = under_heading(heading, line)
        assert said and not check(said), (heading, line, said)


def test_a_money_line_takes_whom_and_what_the_heading_gives() -> None:
    """ "Hỗ trợ tiền ăn cho người bệnh …" then "1. Tiền ăn: 40.000 đồng/người/ngày.": was "Tiền ăn là 40.000 đồng/người/ngày"."""
    body = (
        "Điều 1. Hỗ trợ tiền ăn cho người bệnh điều trị nội trú thuộc hộ nghèo\n1. Tiền ăn: 40.000 đồng/người/ngày.\n"
        "2. Thời gian hỗ trợ: tối đa 30 ngày/đợt điều trị.\n"
    )
    said = units("Về hỗ trợ người bệnh", body)
    who = "Người bệnh điều trị nội trú thuộc hộ nghèo được hỗ trợ tiền ăn"
    assert f"{who} 40.000 đồng/người/ngày." in said, said
    assert f"{who} trong thời gian tối đa 30 ngày/đợt điều trị." in said, said


def test_a_lead_that_gives_to_a_group_and_its_dash_items() -> None:
    body = (
        "Điều 1. Chính sách\n1. Hỗ trợ hộ nghèo:\n- Hỗ trợ 2.000.000 đồng/hộ;\n- Tiền ăn: 30.000 đồng/người/ngày.\n"
        f"2. Hộ gia đình có nhà bị sập đổ được hỗ trợ như sau:\n- Thời gian: từ ngày 01/01/{YEAR} đến ngày 31/12/{YEAR}.\n"
        "3. Hỗ trợ người cao tuổi từ đủ 75 tuổi trở lên:\na) Mức hỗ trợ: 500.000 đồng/người/tháng;\n"
        f"b) Thời gian hỗ trợ: từ ngày 01 tháng 01 năm {YEAR}.\n"
    )
    said = units(SUBJECT, body)
    assert "Người cao tuổi từ đủ 75 tuổi trở lên được hỗ trợ 500.000 đồng/người/tháng." in said, said
    assert f"Người cao tuổi từ đủ 75 tuổi trở lên được hỗ trợ từ ngày 01 tháng 01 năm {YEAR}." in said, said
    assert "Hộ nghèo được hỗ trợ 2.000.000 đồng/hộ." in said, said  # was not said at all
    assert "Hộ nghèo được hỗ trợ tiền ăn 30.000 đồng/người/ngày." in said, said
    # was "… được hỗ trợ thời gian: từ ngày …"
    assert f"Hộ gia đình có nhà bị sập đổ được hỗ trợ từ ngày 01/01/{YEAR} đến ngày 31/12/{YEAR}." in said, said


def test_a_plans_dates_are_said_with_what_its_title_organises() -> None:
    """A plan's "II. NỘI DUNG" names nothing; its title says what takes place from that day."""
    text = (
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nTổ chức chiến dịch tiêm vắc xin sởi - rubella\n"
        f"I. NỘI DUNG\n1. Đối tượng: trẻ em từ 1 tuổi đến dưới 6 tuổi.\n2. Thời gian: từ ngày 01/4/{YEAR} đến ngày 15/4/{YEAR}.\n"
        "II. TỔ CHỨC THỰC HIỆN\nTrạm Y tế xã chủ trì tổ chức tiêm.\n"
    )
    said = [s.text for s in draft(parse(text)).sentences]
    assert f"Chiến dịch tiêm vắc xin sởi - rubella được tổ chức từ ngày 01/4/{YEAR} đến ngày 15/4/{YEAR}." in said, said
    assert under_heading("Nội dung", f"Thời gian: từ ngày 01/4/{YEAR}.", event_only=True) is None


def test_a_sentence_broken_by_a_page_break_goes_on_in_lower_case() -> None:
    """A gazette PDF's page break leaves a blank between "… được hỗ trợ" and "mức 500.000 đồng/hộ …": one sentence,
    never a line with no subject; a point ("a) …", "b)" alone) after a blank is still a point of its own."""
    from scripts.lines import unwrap

    assert unwrap(["1. Hộ nghèo được hỗ trợ", "", "mức 500.000 đồng/hộ/tháng."]) == [
        "1. Hộ nghèo được hỗ trợ mức 500.000 đồng/hộ/tháng."
    ]
    assert unwrap(["1. Sở Xây dựng", "", "a) Chủ trì kiểm tra;", "", "b)", "Phối hợp."]) == [
        "1. Sở Xây dựng",
        "a) Chủ trì kiểm tra;",
        "b) Phối hợp.",
    ]
    assert unwrap(["Hộ nghèo được hỗ trợ.", "", "mức hỗ trợ …"])[0] == "Hộ nghèo được hỗ trợ."
