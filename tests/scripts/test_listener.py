"""The listener check: what a resident trips on when a sentence is heard once (own sentences, not the corpus)."""

from __future__ import annotations

import pytest

from bench.editor_cuts import exemplar_sentences
from scripts.listener import CODES, check, passes


def codes(sentence: str) -> list[str]:
    return [f.code for f in check(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Từ ngày 01 tháng 3 năm 2027, người từ đủ 70 tuổi trở lên được cấp thẻ bảo hiểm y tế miễn phí.",
        "Hộ gia đình có ruộng lúa phải đăng ký với Ủy ban nhân dân xã trước ngày 15 tháng 4.",
        "Nghiêm cấm đốt rơm rạ trên cánh đồng gần đường cao tốc.",
        "Công an xã xử lý nghiêm các trường hợp đổ rác ra kênh.",
        "Trường hợp con bị ốm phải nghỉ học, gia đình được hoàn lại tiền ăn của những ngày nghỉ.",
        "Trưởng thôn: 2.340.000 đồng mỗi tháng.",
        "Kính thưa bà con, xin thông báo.",
        "Xin cảm ơn bà con đã lắng nghe.",
        "Người vi phạm bị phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng đối với hành vi xả rác nơi công cộng.",
        "Thông tư này nói về lệ phí cấp giấy phép câu cá trên hồ chứa.",
        "Từ ngày 01 tháng 7 năm 2027, khi chở trẻ em dưới 10 tuổi trên xe máy không được để trẻ ngồi phía trước.",
        "Mức hỗ trợ hằng tháng: hỗ trợ cho người nuôi ong ở xã vùng cao: 500.000 đồng/hộ/tháng.",
        "Đốt từng đống nhỏ, từ cuối hướng gió lên đầu hướng gió.",  # an instruction to residents
        "Người nuôi ong thuộc đối tượng tham gia bảo hiểm y tế hộ gia đình.",
        "Người nuôi ong được chi trả tiền bồi thường trong 10 ngày.",
        "Người nuôi ong, người trồng rừng đang sinh sống ở xã được hỗ trợ giống cây.",
        "Tổ trưởng tổ nuôi ong, tổ phó tổ nuôi ong: 300.000 đồng mỗi tháng.",
        "Quyết định mới thay thế Quyết định số 7/2030/QĐ-UBND trước đây về nuôi ong.",
        "Thông tư này quy định mức thu lệ phí cấp giấy phép câu cá.",
        "Thuyền câu cá lớn là thuyền có chiều dài trên 12 m.",  # a unit after its number, not a list letter "m."
        "Tổ chức, cá nhân nộp hồ sơ trực tiếp tại Ủy ban nhân dân xã.",  # "Tổ chức, cá nhân": a subject, not an order
        "Sở Xây dựng tổ chức phê duyệt phương án trong trường hợp tàu có hành trình trên sông nội tỉnh.",  # not "trình"
    ],
)
def test_sentences_a_listener_follows_pass(sentence: str) -> None:
    assert check(sentence) == [] and passes(sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Quản lý, cấp phát, thu hồi giấy phép câu cá.", "no_main_clause"),  # a heading
        ("Điều kiện để được nhận học bổng khuyến học.", "no_main_clause"),  # a heading
        ("Đối với các hộ nuôi cá lồng trên sông Hồng.", "no_main_clause"),  # condition, nothing happens
        ("Trường hợp người nuôi ong có đàn ong bị chết do phun thuốc.", "no_main_clause"),
        ("Trường hợp hội nuôi ong, với mức chi bằng 50% mức hỗ trợ của hộ.", "no_main_clause"),
        ("Trong trường hợp cần bảo đảm an toàn cho đàn ong giống.", "no_main_clause"),
        ("Thẩm quyền cấp, đổi, thu hồi giấy phép nuôi ong.", "no_main_clause"),
        ("Mức hỗ trợ của từng hộ nuôi ong không chuyên nghiệp ở thôn, bản.", "no_main_clause"),  # "không" qualifies
        ("Tờ trình kèm theo danh sách các hộ nuôi ong hiện có.", "no_main_clause"),
        ("Khi được cử đi tập huấn thì được hưởng chế độ.", "no_main_clause"),  # who?
        ("Cấp giấy phép cho hộ nuôi ong cho hộ nuôi ong ở xã vùng cao.", "cut"),  # a seam left by a cut
        ("Đối với thôn không thuộc được hỗ trợ bằng 2 lần mức lương cơ sở.", "cut"),
        ("Xã lấy ý kiến người nuôi ong bằng hình thức phù hợp; tổng hợp.", "cut"),
        ("Phân công nhiệm vụ cho người giúp việc ở thôn.", "agency_work"),
        ("Bảo đảm 100% số liệu về đàn ong được cập nhật về Bộ.", "agency_work"),  # a percentage is not a payment
        ("Trong thời hạn 10 ngày làm việc, kể từ ngày nhận được hồ sơ.", "no_main_clause"),
        ("Chương II. Quyền của người nuôi ong:", "no_main_clause"),
        ("Rất dễ cháy.", "no_main_clause"),  # a table cell on its own
        (", trong đó: a là số tổ ong.", "no_main_clause"),
        ("Là số tổ ong tính đến cuối năm.", "no_main_clause"),
        ("Vận động các hợp tác xã sử dụng giống ong nội, bảo vệ đàn ong của nhân dân.", "agency_work"),
        ("Ủy ban nhân dân tỉnh giao Sở Tài chính bố trí kinh phí thực hiện.", "agency_work"),
        ("Sở Văn hóa tổng hợp báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 20 hằng tháng.", "agency_work"),
        ("Kinh phí thực hiện chính sách được bố trí từ ngân sách địa phương.", "agency_work"),
        ("Bảo đảm việc cấp phát giống cây trồng công khai, minh bạch, đúng tiến độ.", "agency_work"),  # no subject, agency task
        ("Nhóm 2 được tặng quà trị giá 800.000 đồng/người/lần.", "unlabelled_amount"),  # table row, no group
        ("Mức chi tối đa là 3.500.000 đồng/bộ.", "unlabelled_amount"),  # for what?
        ("Phạt tiền từ 500.000 đồng đến 1.000.000 đồng.", "unlabelled_amount"),  # fine without its offence
        ("Các hộ nuôi ong được hỗ trợ 200.000 đồng mỗi tổ [2].", "stray_mark"),
        ("Các hộ nuôi ong được hỗ trợ thêm 300.000 đồng/người/lần c.", "stray_mark"),
        ("a) Người nuôi ong được hỗ trợ giống.", "stray_mark"),
        ("1.Việc hỗ trợ được thực hiện mỗi năm một lần.", "stray_mark"),
        ("Tên giấy phép Mức thu 2 Lệ phí cấp giấy phép câu cá.", "stray_mark"),  # a table's header row
        ("Từ ngày 01 tháng 5 năm 2027, nuôi ong tập trung (theo kế hoạch được phê duyệt).", "no_main_clause"),
        ("Thời hạn nuôi thử là 02 năm Trường hợp đàn ong bị bệnh thì dừng nuôi.", "run_on"),
        ("Ghép các tổ ong nhỏ vào đàn ong hiện có.", "no_main_clause"),  # a list item without its subject
        ("Hội nghị tổng kết năm của đảng ủy được chi tiền ăn cho đại biểu.", "agency_work"),
        ("Nghị quyết này nói về chính sách hỗ trợ người nuôi ong của.", "cut"),
        ("Thông tư này nói về lệ phí cấp giấy phép thuộc thẩm quyền.", "cut"),
        ("Người nuôi ong được miễn phí trừ các trường hợp đã.", "cut"),
        ("Người nuôi ong được hỗ trợ theo quy định tại khoản 2 Điều 5 Nghị quyết này.", "reference"),
        ("Người nuôi ong " + "được hỗ trợ và " * 15 + "được khen thưởng.", "too_long"),
        # spending norms of offices: "được chi" is what a budget pays a delegation, not news for residents
        ("Ngoài công tác phí, đoàn kiểm tra được chi 150.000 đồng/người/ngày.", "agency_work"),
        ("Thành viên tổ thẩm định hồ sơ được chi 100.000 đồng/người/buổi.", "agency_work"),
        ("Ủy ban nhân dân tỉnh phân cấp cho Ủy ban nhân dân xã cấp phép khai thác cát.", "agency_work"),
        ("Xin ý kiến bằng văn bản của các hội nuôi ong, nhà khoa học.", "agency_work"),
        ("Nghị quyết số 9/2030/NQ-HĐND quy định nội dung chi, mức chi.", "cut"),  # spending on what?
        ("Người nuôi ong nộp tiền vào tài khoản của hội theo hình thức.", "cut"),
        ("Người nuôi ong được hỗ trợ giống ong giống ong nội.", "cut"),  # a two-word seam
        ("Danh sách đối tượng được hưởng do cấp có thẩm quyền phê duyệt.", "no_main_clause"),  # a noun phrase
        # a list of people whose only verb qualifies the last of them
        ("Người nuôi ong, người trồng rừng đang sinh sống và một số hộ kinh doanh trên địa bàn xã.", "no_main_clause"),
        ("Thông tư này áp dụng đối với người nộp phí, lệ phí câu cá.", "agency_work"),  # scope boilerplate
        ("Nghị quyết này thay thế Nghị quyết số 7/2030/NQ-HĐND.", "reference"),  # a number no one recognises
    ],
)
def test_what_a_listener_trips_on_is_flagged_with_its_code(sentence: str, code: str) -> None:
    found = check(sentence)
    assert code in [f.code for f in found], found
    assert all(f.code in CODES and f.message for f in found)
    assert not passes(sentence)


def test_findings_say_where_and_can_be_sent_to_the_console() -> None:
    [finding] = [f for f in check("Các hộ nuôi ong được hỗ trợ 200.000 đồng mỗi tổ [2].") if f.code == "stray_mark"]
    assert finding.span == "[2]" and finding.to_dict()["code"] == "stray_mark"


def test_a_recap_is_checked_like_any_sentence() -> None:
    assert "unlabelled_amount" in codes("Xin nhắc lại: nhóm 2 được tặng quà trị giá 800.000 đồng.")
    assert check("Xin nhắc lại: người từ đủ 70 tuổi được cấp thẻ bảo hiểm y tế miễn phí.") == []


def test_no_sentence_of_an_editors_exemplar_script_is_flagged() -> None:
    sentences = exemplar_sentences()
    assert len(sentences) > 40
    assert [(doc, s, codes(s)) for doc, s in sentences if check(s)] == []


def test_a_unit_letter_after_a_number_is_not_a_stray_list_letter() -> None:
    assert check("Nhà xưởng phải cách khu dân cư tối thiểu 30 m.") == []
    assert check("Mỗi hộ được cấp 2 bình nước 5 l.") == []
    assert "stray_mark" in codes("Mỗi hộ được cấp gạo và nước uống b.")


def test_a_list_lead_without_its_list_or_glued_to_its_first_item_is_cut() -> None:
    assert codes("Kế hoạch trực đê gồm các nội dung chủ yếu sau.") == ["cut"]
    assert codes("Hồ sơ đề nghị gồm các giấy tờ sau đây.") == ["cut"]
    assert "cut" in codes("Kế hoạch trực đê gồm các nội dung chủ yếu sau số người trực mỗi ca.")
    assert "cut" in codes("Mức hỗ trợ như sau người trực đê được 250.000 đồng.")
    assert check("Kế hoạch trực đê gồm số người trực mỗi ca và vị trí trực.") == [], "gồm is the verb"
    assert check("Chi phí điều trị gồm các khoản phát sinh sau khi nhập viện.") == []


def test_a_rule_that_stops_on_a_verb_needing_its_measure_is_cut() -> None:
    from scripts.listener import check

    for said in (
        "Trợ cấp cho người đang hưởng lương hưu mà chết thì trợ cấp một lần được tính.",
        "Thời gian hưởng hỗ trợ được xác định.",
        "Mức phụ cấp hằng tháng của tổ trưởng bằng.",
    ):
        assert "cut" in [f.code for f in check(said)], said
    assert not check("Mức phụ cấp hằng tháng của tổ trưởng bằng 1,0 lần mức lương cơ sở.")


def test_a_holder_with_only_a_case_and_no_rule_has_no_main_clause() -> None:
    from scripts.listener import check

    fragment = "Người nông dân trong trường hợp hợp tác xã không còn khả năng trả nợ cho xã viên trước ngày 01 tháng 7 năm 2026."
    assert "no_main_clause" in [f.code for f in check(fragment)]
    assert not check("Người nông dân được hỗ trợ trong trường hợp mất mùa do thiên tai.")
    assert not check("Người nông dân trong trường hợp mất mùa do thiên tai thì được hỗ trợ giống cây trồng.")


def test_a_holder_with_a_case_and_then_its_rule_has_a_main_clause() -> None:
    from scripts.listener import check

    assert not check("Xe công nông trong trường hợp có sương mù phải bật đèn chiếu gần.")
    assert not check("Người làm thuê trong trường hợp bị tai nạn lao động được hưởng trợ cấp bằng 50% mức lương.")


def test_a_sentence_that_points_at_a_list_it_does_not_say_is_cut() -> None:
    lead = (
        "Hộ kinh doanh cá thể trên địa bàn xã thực hiện một trong các hành vi sau đây bị phạt tiền từ 500.000 đồng đến"
        " 1.000.000 đồng."
    )
    assert "cut" in {f.code for f in check(lead)}
    assert not check("Hộ kinh doanh cá thể trên địa bàn xã để rác thải ra vỉa hè bị phạt tiền từ 500.000 đồng.")
    assert "cut" in {f.code for f in check("Người dân thực hiện các quy định dưới đây được miễn phí vệ sinh.")}
