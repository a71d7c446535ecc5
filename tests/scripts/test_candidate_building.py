"""Candidate building (issue 19): general patterns an editor applies to any document, each on a snippet of its own."""

from __future__ import annotations

from scripts.legal import parse
from scripts.units import one_act_each

DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 03/CT-UBND

An Bình, ngày 02 tháng 3 năm 2026

CHỈ THỊ

VỀ BẢO VỆ RỪNG PHÒNG HỘ ĐẦU NGUỒN

Rừng phòng hộ đầu nguồn giữ nước cho các hồ chứa của tỉnh.

Thời gian qua, tình trạng chặt phá rừng vẫn diễn ra ở một số nơi.

Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các cơ quan, địa phương thực hiện tốt các nội dung sau:

1.
Các hộ gia đình nhận khoán bảo vệ rừng phải tuần tra rừng ít nhất 02 lần mỗi tháng.

2.
Người dân phát hiện cháy rừng phải báo ngay cho trưởng thôn hoặc Kiểm lâm.

3. Ủy ban nhân dân các xã

a) Rà soát diện tích rừng đã giao khoán, hoàn thành trước ngày 30/6/2026.
"""


def test_a_directive_whose_task_numbers_stand_on_their_own_lines_keeps_every_task() -> None:
    doc = parse(DIRECTIVE)
    tasks = {c.number: c.text for a in doc.articles for c in a.clauses}
    assert list(tasks) == ["1", "2", "3"], "without the rule the header swallowed the first 40 lines and tasks 1-2"
    assert tasks["1"] == "Các hộ gia đình nhận khoán bảo vệ rừng phải tuần tra rừng ít nhất 02 lần mỗi tháng."
    assert tasks["2"].startswith("Người dân phát hiện cháy rừng phải báo ngay")


def test_a_list_of_bans_is_said_one_act_per_sentence_each_with_its_verb() -> None:
    line = (
        "Việc khai thác cát phải theo đúng giấy phép. Nghiêm cấm các hành vi: khai thác cát ngoài phạm vi được cấp phép; "
        "dùng tàu hút cát vào ban đêm trên sông; đổ đất, đá thải xuống lòng sông."
    )
    before, acts = one_act_each(line)
    assert before == "Việc khai thác cát phải theo đúng giấy phép."
    assert acts == [
        "Nghiêm cấm khai thác cát ngoài phạm vi được cấp phép.",
        "Nghiêm cấm dùng tàu hút cát vào ban đêm trên sông.",
        "Nghiêm cấm đổ đất, đá thải xuống lòng sông.",
    ]
    assert one_act_each("Nghiêm cấm đốt rơm rạ gần khu dân cư.") == ("Nghiêm cấm đốt rơm rạ gần khu dân cư.", [])


def test_a_fee_schedule_run_together_by_a_pdf_is_said_row_by_row_with_its_group_and_unit() -> None:
    from scripts.inline_rows import inline_rows

    text = (
        "BIỂU MỨC THU LỆ PHÍ Số TT Nội dung Mức thu (đồng/lần cấp) 1 Lệ phí cấp giấy phép khai thác cát "
        "(bao gồm cát lòng sông) a Cấp mới 150.000 b Cấp lại do bị mất 300.000 2 Lệ phí đăng ký tàu cá 70.000 Ghi chú: "
        "Mức thu trên đã gồm 10.000 đồng phí in."
    )
    said = [s for s, _quote, _label in inline_rows(text)]
    assert said == [
        "Lệ phí cấp giấy phép khai thác cát, cấp mới, là 150.000 đồng/lần cấp.",
        "Lệ phí cấp giấy phép khai thác cát, cấp lại do bị mất, là 300.000 đồng/lần cấp.",
        "Lệ phí đăng ký tàu cá là 70.000 đồng/lần cấp.",
    ], "an amount is never said without its row's label and unit; a note after the table is not a row"
    for _said, quote, _label in inline_rows(text):
        assert quote in text


RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH AN BÌNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 07/2026/NQ-HĐND

An Bình, ngày 10 tháng 3 năm 2026

NGHỊ QUYẾT

Quy định mức hỗ trợ người nuôi ong trên địa bàn tỉnh An Bình

Căn cứ Luật Tổ chức chính quyền địa phương;

QUYẾT NGHỊ:

Điều 1. Đối tượng áp dụng
1. Hộ gia đình nuôi ong lấy mật có từ 20 đàn ong trở lên đã đăng ký với Ủy ban nhân dân xã.
2. Hợp tác xã nuôi ong có trụ sở trên địa bàn tỉnh.

Điều 2. Mức hỗ trợ
1. Đối tượng quy định tại khoản 1 Điều 1 Nghị quyết này được hỗ trợ 300.000 đồng/đàn ong, tối đa 50 đàn ong.
"""


def test_a_reference_to_a_group_of_the_same_document_is_said_by_the_group_s_own_words() -> None:
    from scripts.selection import candidates

    doc = parse(RESOLUTION)
    said = [c for c in candidates(doc) if "300.000" in c.text]
    assert said and said[0].text.startswith("Hộ gia đình nuôi ong lấy mật có từ 20 đàn ong trở lên được hỗ trợ 300.000 đồng")
    assert said[0].source.quote.startswith("Đối tượng quy định tại khoản 1 Điều 1"), "the quote stays the source's own words"


FLOOD_LEVELS = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/2026/QĐ-UBND

An Bình, ngày 05 tháng 4 năm 2026

QUYẾT ĐỊNH

Quy định cấp báo động lũ trên các sông của tỉnh An Bình

Căn cứ Luật Phòng, chống thiên tai;

QUYẾT ĐỊNH:

Điều 1. Cấp báo động lũ và biện pháp ứng phó
1. Báo động lũ cấp I (cấp thấp)
a) Mực nước sông vượt mức báo động I.
b) Các biện pháp ứng phó khi có lũ ở cấp này bao gồm:
Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo các thôn kiểm tra bờ bao, cấm đánh bắt cá trên sông.
Các hộ gia đình ven sông phải kê cao đồ đạc và theo dõi thông tin trên loa truyền thanh.

Điều 2. Hiệu lực thi hành
Quyết định này có hiệu lực từ ngày 15 tháng 4 năm 2026.
"""


def test_a_heading_that_names_an_occasion_is_said_with_its_points_and_a_buried_ban_is_its_own_act() -> None:
    from scripts.selection import candidates

    said = [c.text for c in candidates(parse(FLOOD_LEVELS))]
    assert "Khi báo động lũ cấp I, cấm đánh bắt cá trên sông." in said
    assert any(s.startswith("Khi báo động lũ cấp I, các hộ gia đình ven sông phải kê cao đồ đạc") for s in said)
    assert not any(s.startswith("Báo động lũ cấp I") for s in said), "the heading is the occasion, not a sentence of its own"


HAULAGE = """CHÍNH PHỦ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 77/2026/NĐ-CP

Hà Nội, ngày 06 tháng 4 năm 2026

NGHỊ ĐỊNH

Quy định về vận chuyển hàng quá khổ trên đường làng

Căn cứ Luật Đường bộ;

Điều 1. Xưởng sửa xe công nông, máy cày ở miền núi
Xưởng sửa chữa xe công nông, máy cày phải có bình chữa cháy và nơi chứa dầu thải riêng.
Điều 2. Hàng quá khổ
1. Hàng quá khổ là hàng có chiều dài > 12 m hoặc nặng > 20 tấn.
2. Trước khi chở hàng quá khổ, chủ xe phải báo Ủy ban nhân dân xã trước 03 ngày. Văn bản báo gồm các nội dung sau:
a) Loại hàng, kích thước và khối lượng hàng;
b) Ngày và giờ dự kiến đi qua xã.
Điều 3. Hiệu lực thi hành
Nghị định này có hiệu lực từ ngày 01 tháng 6 năm 2026.
"""


def test_a_short_heading_keeps_its_own_words_and_the_body_under_it_is_a_provision() -> None:
    doc = parse(HAULAGE)
    assert doc.articles[0].title == "Xưởng sửa xe công nông, máy cày ở miền núi"
    assert doc.articles[0].text.startswith("Xưởng sửa chữa xe công nông, máy cày phải có bình chữa cháy")


def test_a_comparison_sign_is_said_in_words_and_a_duty_before_a_list_s_lead_is_said_alone() -> None:
    from scripts.selection import candidates

    said = [c.text for c in candidates(parse(HAULAGE))]
    assert "Hàng quá khổ là hàng có chiều dài trên 12 m hoặc nặng trên 20 tấn." in said
    assert any(s.startswith("Trước khi chở hàng quá khổ, chủ xe phải báo Ủy ban nhân dân xã trước 03 ngày") for s in said)
    assert not any(">" in s for s in said)


RELIEF = """CHÍNH PHỦ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 140/NQ-CP

Hà Nội, ngày 10 tháng 10 năm 2026

NGHỊ QUYẾT

Về các giải pháp khắc phục hậu quả lũ quét tại các tỉnh miền Trung

CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ;

QUYẾT NGHỊ:

I. MỤC TIÊU

Nhanh chóng ổn định đời sống người dân vùng bị lũ quét.

II. NHIỆM VỤ, GIẢI PHÁP

1. Ngân hàng Nhà nước Việt Nam:
- Chỉ đạo các tổ chức tín dụng giảm lãi suất cho vay 1,5%/năm đối với khách hàng bị thiệt hại do lũ quét trong 6 tháng.
- Tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện trước ngày 31/12/2026.
2. Bảo hiểm xã hội Việt Nam:
- Chi trả trước 2 tháng lương hưu, trợ cấp bảo hiểm xã hội cho người đang hưởng ở vùng bị lũ quét ngay trong tháng 11 năm 2026.
- Kiểm tra, hướng dẫn bảo hiểm xã hội các tỉnh thực hiện.
3. Bộ Tài chính:
- Gia hạn nộp thuế thu nhập cá nhân đến hết ngày 30/6/2027 cho hộ kinh doanh bị thiệt hại do lũ quét.
- Bố trí kinh phí cho các bộ, cơ quan theo quy định.
4. Ủy ban nhân dân các tỉnh bị lũ quét:
- Tổ chức rà soát, tổng hợp thiệt hại, báo cáo Bộ Nông nghiệp và Môi trường.

III. TỔ CHỨC THỰC HIỆN

Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị quyết này.
"""


def test_an_agency_s_relief_for_residents_is_said_as_what_residents_get_and_its_reporting_stays_out() -> None:
    from scripts.draft import draft

    script = draft(parse(RELIEF))
    said = [s.text for s in script.sentences]
    assert script.kind != "notice", "a document that pays or relieves residents always gets a full script"
    assert "Khách hàng bị thiệt hại do lũ quét được giảm lãi suất cho vay 1,5%/năm trong 6 tháng." in said
    assert (
        "Người đang hưởng ở vùng bị lũ quét được chi trả trước 2 tháng lương hưu, trợ cấp bảo hiểm xã hội "
        "ngay trong tháng 11 năm 2026." in said
    )
    assert "Hộ kinh doanh bị thiệt hại do lũ quét được gia hạn nộp thuế thu nhập cá nhân đến hết ngày 30/6/2027." in said
    assert not any("báo cáo" in s or "kinh phí" in s or "rà soát" in s for s in said), "the agencies' own work stays out"
    assert said[1].startswith("Khách hàng bị thiệt hại"), "the lead is the relief, not the document's number"


def test_a_season_said_with_its_months_keeps_them_and_a_count_repeated_in_words_is_said_once() -> None:
    from scripts.sentences import split_units

    said = split_units(
        "Mùa mưa bão trên địa bàn tỉnh được tính là 05 tháng (năm tháng), từ tháng 7 của năm nay đến hết tháng 11 của năm sau."
    )
    assert said == ["Mùa mưa bão trên địa bàn tỉnh được tính là 05 tháng, từ tháng 7 của năm nay đến hết tháng 11 của năm sau."]


LICENCES = """CHÍNH PHỦ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 81/2026/NĐ-CP

Hà Nội, ngày 10 tháng 4 năm 2026

NGHỊ ĐỊNH

Quy định về giấy phép lái máy cày

Căn cứ Luật Đường bộ;

Điều 1. Giấy phép lái máy cày
1. Người lái máy cày trên đường làng phải có giấy phép lái máy cày.
2. Giấy phép lái máy cày không có hiệu lực khi người lái đã bị thu hồi giấy phép.
Điều 2. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.
2. Khoản 2 Điều 1 có hiệu lực kể từ ngày 01 tháng 01 năm 2027.
"""


def test_a_paper_s_validity_is_a_rule_for_residents_and_only_the_document_taking_effect_leaves_the_pool() -> None:
    from scripts.choice import build_pool

    said = [c.text for c in build_pool(parse(LICENCES))]
    assert any(s.startswith("Giấy phép lái máy cày không có hiệu lực khi người lái") for s in said), said
    assert not any("Nghị định này" in s or s.startswith("Khoản 2 Điều 1") for s in said), said
