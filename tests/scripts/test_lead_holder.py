"""A bare benefit said with the holder its lead names (scripts/lead_holder.py, scripts/references.py), the listener's
check of a benefit without its holder (scripts/bare_benefit.py), and headings not said as rules (scripts/headings.py).
Made-up texts."""

from scripts.lead_holder import with_holder
from scripts.legal import parse
from scripts.listener import check
from scripts.references import who_is_meant
from scripts.units import passage_units

DECREE = """CHÍNH PHỦ
Số: 77/2031/NĐ-CP
NGHỊ ĐỊNH
Điều chỉnh trợ cấp hằng tháng đối với người làm nghề muối
Điều 1. Đối tượng điều chỉnh
1. Nghị định này điều chỉnh trợ cấp hằng tháng đối với người làm nghề muối đang hưởng trợ cấp, bao gồm:
a) Diêm dân đang hưởng trợ cấp hằng tháng;
b) Người làm thuê cho hợp tác xã muối đang hưởng trợ cấp hằng tháng.
2. Các đối tượng quy định tại điểm a khoản 1 Điều này nghỉ hưởng trợ cấp hằng tháng trước ngày 01 tháng 01 năm 2001 (kể cả người chuyển vùng), sau khi điều chỉnh có mức trợ cấp thấp hơn 2.900.000 đồng/tháng.
Điều 2. Mức điều chỉnh
1. Từ ngày 01 tháng 3 năm 2032, điều chỉnh tăng thêm 6% trên mức trợ cấp hằng tháng đối với các đối tượng quy định tại khoản 1 Điều 1 của Nghị định này.
2. Từ ngày 01 tháng 3 năm 2032, người đang hưởng trợ cấp hằng tháng theo quy định tại khoản 2 Điều 1 của Nghị định này, sau khi điều chỉnh theo quy định tại khoản 1 Điều này, có mức trợ cấp thấp hơn 2.900.000 đồng/tháng thì được điều chỉnh như sau:
a) Tăng thêm 250.000 đồng/người/tháng đối với những người có mức trợ cấp bằng hoặc thấp hơn 2.600.000 đồng/người/tháng;
b) Tăng lên bằng 2.900.000 đồng/người/tháng đối với những người có mức trợ cấp cao hơn 2.600.000 đồng/người/tháng nhưng thấp hơn 2.900.000 đồng/người/tháng.
Điều 3. Nhà kho chứa muối
1. Hợp tác xã muối được hỗ trợ xây dựng nhà kho chứa muối.
Nhà kho phải cách mép nước tối thiểu 50 mét.
Điều 4. Hỗ trợ đầu tư đồng muối và nhà kho chứa muối cho hợp tác xã muối ven biển
1. Hợp tác xã muối được hỗ trợ xây dựng nhà kho.
2. Vay vốn ưu đãi của hợp tác xã muối khi thực hiện cải tạo đồng muối (kể cả đồng muối bỏ hoang).
Hợp tác xã muối được vay vốn ưu đãi để cải tạo đồng muối.
Điều 6. Các hành vi bị nghiêm cấm trên đồng muối
1. Đổ chất thải sinh hoạt ra đồng muối.
Xả nước thải chưa qua xử lý vào mương dẫn nước biển.
Điều 7. Trách nhiệm của chủ rừng
1. Thực hiện các quy định về bảo vệ rừng phòng hộ.
Thu gom bao bì, rác thải sau mỗi vụ muối.
Điều 5. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2032.
"""


def said(article: str, clause: str | None, point: str | None) -> list[str]:
    doc = parse(DECREE)
    found = doc.article(article)
    assert found
    units = passage_units(found, lambda line: who_is_meant(line, doc), " ".join(DECREE.split()))
    return [s for c, p, _, s in units if (c, p) == (clause, point)]


def test_a_bare_increase_is_said_with_the_group_its_lead_names_by_reference() -> None:
    assert said("2", "2", "a") == [
        "Từ ngày 01 tháng 3 năm 2032, người nghỉ hưởng trước ngày 01 tháng 01 năm 2001, sau khi điều chỉnh, có mức trợ "
        "cấp bằng hoặc thấp hơn 2.600.000 đồng/người/tháng thì được tăng thêm 250.000 đồng/người/tháng."
    ]


def test_the_start_date_goes_only_when_it_is_the_day_the_document_enters_into_force() -> None:
    assert said("2", "2", "b") == [
        "Người nghỉ hưởng trước ngày 01 tháng 01 năm 2001, sau khi điều chỉnh, có mức trợ cấp cao hơn 2.600.000 "
        "đồng/người/tháng nhưng thấp hơn 2.900.000 đồng/người/tháng thì được tăng lên bằng 2.900.000 đồng/người/tháng."
    ]
    lead = (
        "Từ ngày 01 tháng 9 năm 2032, người nghỉ hưởng trợ cấp hằng tháng trước ngày 01 tháng 01 năm 2001, sau khi "
        "điều chỉnh, có mức trợ cấp thấp hơn 2.900.000 đồng/tháng thì được điều chỉnh như sau:"
    )
    point = (
        "b) Tăng lên bằng 2.900.000 đồng/người/tháng đối với những người có mức trợ cấp cao hơn 2.600.000 "
        "đồng/người/tháng nhưng thấp hơn 2.900.000 đồng/người/tháng."
    )
    assert with_holder(lead, point, "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2032.") is None


def test_the_reference_in_a_lead_is_said_as_the_group_the_clause_defines_by_its_date() -> None:
    doc = parse(DECREE)
    lead = doc.article("2").clauses[1].text.split("\n")[0]
    assert who_is_meant(lead, doc).startswith(
        "Từ ngày 01 tháng 3 năm 2032, người nghỉ hưởng trợ cấp hằng tháng trước ngày 01 tháng 01 năm 2001, sau khi"
    )


def test_a_lead_that_names_no_holder_lends_none() -> None:
    assert with_holder("Mức điều chỉnh như sau:", "a) Tăng thêm 250.000 đồng/người/tháng đối với những người có mức "
                       "trợ cấp dưới 2.600.000 đồng/tháng;") is None  # fmt: skip
    assert with_holder("Diêm dân phải thực hiện các việc sau:", "a) Tăng cường phơi muối đúng lịch;") is None


def test_the_listener_flags_an_amount_or_a_relief_given_to_no_one() -> None:
    bare = "Tăng thêm 250.000 đồng/người/tháng đối với những người có mức trợ cấp bằng hoặc thấp hơn 2.600.000 đồng."
    assert "unlabelled_amount" in {f.code for f in check(bare)}
    assert "unlabelled_amount" in {f.code for f in check("Giảm 30% tiền thuê đất trong năm 2032.")}
    assert "no_main_clause" in {f.code for f in check("Miễn tiền thuê kho muối trong thời gian mưa bão kéo dài.")}
    held = "Diêm dân nghỉ hưởng trước ngày 01 tháng 01 năm 2001 được tăng thêm 250.000 đồng/người/tháng."
    assert not check(held)
    assert not {f.code for f in check("Giảm 30% tiền thuê đất cho hộ nghèo làm muối.")} & {"unlabelled_amount"}


def test_an_article_title_over_its_clauses_is_not_said_as_a_rule() -> None:
    article = parse(DECREE).article("4")
    assert article
    assert [s for c, _, _, s in passage_units(article) if c is None] == []


def test_a_clause_heading_over_its_lines_is_not_said_but_its_rule_is() -> None:
    assert said("4", "2", None) == ["Hợp tác xã muối được vay vốn ưu đãi để cải tạo đồng muối."]
    assert said("3", "1", None) == [
        "Hợp tác xã muối được hỗ trợ xây dựng nhà kho chứa muối.",
        "Nhà kho phải cách mép nước tối thiểu 50 mét.",
    ]  # a first line that binds someone is a rule, whatever follows it
    assert said("5", None, None) == ["Nghị định này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2032."]


def test_a_first_line_under_a_ban_or_a_holder_is_the_rule_not_a_heading() -> None:
    assert said("6", "1", None)[0] == "Nghiêm cấm đổ chất thải sinh hoạt ra đồng muối."
    assert said("7", "1", None)[0] == "Chủ rừng phải thực hiện các quy định về bảo vệ rừng phòng hộ."
