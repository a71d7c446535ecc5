"""Triage: a full script for what pays, charges, bans or obliges residents; a notice, said plainly, for the rest."""

from __future__ import annotations

from scripts.draft import draft
from scripts.legal import parse


def _head(issuer: str, number: str, doc_type: str, title: str) -> str:
    return (
        f"{issuer}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: {number}\n"
        f"Hà Nội, ngày 3 tháng 2 năm 2026\n{doc_type.upper()}\n{title}\n"
    )


def _repeal_decision(count: int) -> str:
    items = "\n".join(
        f"{i}. Quyết định số {100 + i}/20{10 + i % 9:02d}/QĐ-TTg ngày 1 tháng 3 năm 20{10 + i % 9:02d} "
        f"của Thủ tướng Chính phủ về việc phê duyệt đề án thử nghiệm số {i}."
        for i in range(1, count + 1)
    )
    return (
        _head("THỦ TƯỚNG CHÍNH PHỦ", "7/2026/QĐ-TTg", "Quyết định", "BÃI BỎ MỘT SỐ VĂN BẢN QUY PHẠM PHÁP LUẬT VỀ THỬ NGHIỆM")
        + "Căn cứ Luật Tổ chức Chính phủ;\nThủ tướng Chính phủ ban hành Quyết định bãi bỏ một số văn bản quy phạm "
        "pháp luật về thử nghiệm.\nĐiều 1. Bãi bỏ toàn bộ các văn bản sau\n"
        + items
        + "\nĐiều 2. Hiệu lực thi hành\nQuyết định này có hiệu lực thi hành từ ngày 20 tháng 3 năm 2026.\n"
    )


def test_a_repeal_of_many_documents_is_a_notice_that_says_how_many_and_what_once() -> None:
    script = draft(parse(_repeal_decision(12)))
    assert script.kind == "notice"
    repeals = [s.text for s in script.sentences if "bãi bỏ" in s.text]
    assert repeals == ["Quyết định này bãi bỏ 12 văn bản quy phạm pháp luật về thử nghiệm."], repeals


def test_a_repeal_of_some_documents_only_in_part_is_not_said_as_whole() -> None:
    text = _repeal_decision(12).replace("12. Quyết định số", "12. Khoản 2 Điều 3 của Quyết định số")
    repeals = [s.text for s in draft(parse(text)).sentences if "bãi bỏ" in s.text]
    assert repeals == ["Quyết định này bãi bỏ toàn bộ hoặc một số quy định của 12 văn bản quy phạm pháp luật về thử nghiệm."], (
        repeals
    )


REPEAL_CIRCULAR = (
    _head(
        "BỘ Y TẾ",
        "9/2026/TT-BYT",
        "Thông tư",
        "BÃI BỎ THÔNG TƯ SỐ 12/2016/TT-BYT NGÀY 3 THÁNG 4 NĂM 2016 CỦA BỘ TRƯỞNG BỘ Y TẾ QUY ĐỊNH CHẾ ĐỘ TRỰC CỦA TRẠM Y TẾ",
    )
    + "Căn cứ Luật Ban hành văn bản quy phạm pháp luật;\nBộ trưởng Bộ Y tế ban hành Thông tư bãi bỏ Thông tư số "
    "12/2016/TT- BYT ngày 3 tháng 4 năm 2016 của Bộ trưởng Bộ Y tế quy định chế độ trực của trạm y tế.\n"
    "Điều 1. Bãi bỏ toàn bộ Thông tư số 12/2016/TT-BYT ngày 3 tháng 4 năm 2016 của Bộ trưởng Bộ Y tế quy định "
    "chế độ trực của trạm y tế\nĐiều 2. Điều khoản thi hành\nThông tư này có hiệu lực thi hành kể từ ngày 15 tháng "
    "3 năm 2026.\n"
)


def test_a_repealed_circular_is_named_once_with_its_subject_and_its_symbol_as_written() -> None:
    doc = parse(REPEAL_CIRCULAR)
    assert "12/2016/TT-BYT" in doc.title
    script = draft(doc)
    repeals = [s.text for s in script.sentences if "bãi bỏ" in s.text]
    assert repeals == ["Thông tư này bãi bỏ Thông tư số 12/2016/TT-BYT quy định chế độ trực của trạm y tế."], repeals


ELECTION_HEAD = _head(
    "HỘI ĐỒNG NHÂN DÂN TỈNH BẮC SƠN",
    "12/2026/NQ-HĐND",
    "Nghị quyết",
    "VỀ VIỆC QUY ĐỊNH NỘI DUNG CHI, MỨC CHI, THỜI GIAN HỖ TRỢ KINH PHÍ PHỤC VỤ BẦU CỬ ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN "
    "CÁC CẤP NHIỆM KỲ 2026 - 2031 CỦA TỈNH BẮC SƠN",
) + (
    "Căn cứ Luật Bầu cử;\nHội đồng nhân dân ban hành Nghị quyết quy định nội dung chi, mức chi, thời gian hỗ trợ kinh "
    "phí phục vụ bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031 của tỉnh Bắc Sơn.\n"
)
ELECTION_END = "Điều 4. Hiệu lực thi hành\nNghị quyết này có hiệu lực thi hành từ ngày 15 tháng 2 năm 2026.\n"


def _election_resolution(pay: str) -> str:
    return (
        ELECTION_HEAD + "Điều 1. Phạm vi điều chỉnh\nNghị quyết này quy định mức chi phục vụ bầu cử.\n"
        f"Điều 2. Mức bồi dưỡng\n{pay}\nĐiều 3. Nguồn kinh phí\nKinh phí do ngân sách tỉnh bảo đảm.\n" + ELECTION_END
    )


def test_a_resolution_paying_residents_who_serve_gets_a_full_script_however_short() -> None:
    for pay, said in (
        ("1. Thành viên Tổ bầu cử được bồi dưỡng 150.000 đồng/người/ngày.", "thành viên Tổ bầu cử được bồi dưỡng 150.000"),
        ("1. Dân quân bảo vệ điểm bỏ phiếu được bồi dưỡng 120.000 đồng/người/ngày.", "được bồi dưỡng 120.000"),
    ):
        script = draft(parse(_election_resolution(pay)))
        assert script.kind == "local" and not script.warnings, script.warnings
        assert any(said in s.text for s in script.sentences), script.text


def test_a_title_said_apart_drops_what_the_listener_has_heard_and_keeps_its_term() -> None:
    doc = parse(_election_resolution("1. Thành viên Tổ bầu cử được bồi dưỡng 150.000 đồng/người/ngày."))
    assert doc.title.startswith("Về việc quy định nội dung chi") and "Hội đồng nhân dân" in doc.title
    said = [s.text for s in draft(doc).sentences if s.text.startswith("Nghị quyết này quy định")]
    assert said == ["Nghị quyết này quy định mức chi phục vụ bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031."], (
        said
    )


SPENDING_TABLE = """
PHỤ LỤC MỨC CHI PHỤC VỤ BẦU CỬ

STT

Nội dung

Mức chi

Ghi chú

Cấp tỉnh

Cấp xã

1

Chi hội nghị

1.1

Chi bồi dưỡng đại biểu dự hội nghị triển khai công tác bầu cử

100.000 đồng/người /buổi

80.000 đồng/người/ buổi

2

Chi công tác kiểm tra, giám sát bầu cử

Ngoài chế độ công tác phí, các đoàn công tác được chi như sau:

2.1

Trưởng đoàn kiểm tra

300.000 đồng/người /buổi

240.000 đồng/người/ buổi

2.2

Chi xây dựng báo cáo kết quả kiểm tra

5.000.000 đồng/báo cáo

3

Chi bồi dưỡng cho những người trực tiếp phục vụ bầu cử

3.1

Chi bồi dưỡng theo mức khoán/tháng đối với các đối tượng sau:

Trường hợp thời gian trực tiếp phục vụ công tác bầu cử trên 15 ngày, thực hiện chi bồi dưỡng theo mức tối đa quy định dưới đây

Các thành viên Tổ bầu cử

2.700.000 đồng/người / tháng

2.160.000 đồng/người / tháng

4

Chi khắc dấu

400.000 đồng/dấu

400.000 đồng/dấu
"""


def test_a_spending_table_says_each_row_with_its_own_group_and_who_is_paid() -> None:
    doc = parse(
        ELECTION_HEAD + "Điều 1. Nội dung và mức chi\nMức chi chi tiết tại Phụ lục kèm theo.\n" + ELECTION_END + SPENDING_TABLE
    )
    rows = {r.label: r.values for a in doc.articles for t in a.tables for r in t.rows}
    lead = "Chi công tác kiểm tra, giám sát bầu cử – Trưởng đoàn kiểm tra"  # its numbered group, not "các đoàn …"
    assert rows[lead] == ("300.000 đồng/người/buổi", "240.000 đồng/người/buổi")
    paid = "Chi bồi dưỡng theo mức khoán/tháng đối với các đối tượng – Các thành viên Tổ bầu cử"
    assert rows[paid] == ("2.700.000 đồng/người/tháng", "2.160.000 đồng/người/tháng")
    assert not any("các đoàn công tác" in label for label in rows), rows
    assert not any(label.endswith("báo cáo kết quả kiểm tra") for label in rows), rows  # one amount, then row "3"
    script = draft(doc)
    assert script.kind == "local"
    said = [s.text for s in script.sentences if "2.160.000" in s.text]
    assert said == [
        "Các thành viên Tổ bầu cử được bồi dưỡng theo mức khoán/tháng: "
        "cấp tỉnh 2.700.000 đồng/người/tháng, cấp xã 2.160.000 đồng/người/tháng."
    ], script.text
    assert "khắc dấu" not in script.text  # what an office spends on things is not news for residents


def _decision(body: str, title: str = "QUY ĐỊNH VỀ PHÒNG CHÁY RỪNG TRÊN ĐỊA BÀN TỈNH BẮC SƠN") -> str:
    return (
        _head("ỦY BAN NHÂN DÂN TỈNH BẮC SƠN", "21/2026/QĐ-UBND", "Quyết định", title)
        + "Căn cứ Luật Lâm nghiệp;\nỦy ban nhân dân tỉnh ban hành Quyết định.\n"
        + body
        + "Điều 9. Hiệu lực thi hành\nQuyết định này có hiệu lực thi hành từ ngày 15 tháng 2 năm 2026.\n"
    )


LONG_BAN = (
    "Điều 2. Cấp dự báo cháy rừng cấp IV và cấp V\nKhi cấp dự báo cháy rừng ở cấp IV hoặc cấp V được thông báo trên "
    "các phương tiện thông tin đại chúng, hộ gia đình, cá nhân sống trong rừng hoặc gần rừng không được đốt nương, rẫy, "
    "đốt thực bì, đốt rơm rạ, đốt vàng mã, đốt lửa trại, sử dụng lửa để săn bắt động vật, lấy mật ong và các hoạt động "
    "khác có sử dụng lửa trong rừng hoặc ở ven rừng, ven đồi, ven nương rẫy cho đến khi cấp dự báo được hạ xuống.\n"
)


def test_a_ban_too_long_to_say_as_written_still_makes_a_full_script() -> None:
    script = draft(parse(_decision(LONG_BAN)))
    assert script.kind != "notice", script.text
    assert not any(w["code"] == "not_recommended" for w in script.warnings)
    [unsaid] = [w for w in script.warnings if w["code"] == "rule_not_said"]  # the editor is told what to write
    assert "Điều 2" in unsaid["message"] and "không được đốt nương" in unsaid["message"]


INTERNAL_BUDGET = (
    "Điều 1. Phạm vi điều chỉnh\nQuyết định này quy định mức chi hoạt động của Quỹ phòng cháy rừng.\n"
    "Điều 2. Đối tượng áp dụng\nDoanh nghiệp, tổ chức, đơn vị, cá nhân khác có liên quan đến việc quản lý.\n"
    "Điều 3. Mức chi hoạt động\n1. Mức chi hoạt động của Quỹ tối đa 1,5% tổng số thu (trừ số chi hỗ trợ cho hộ gia "
    "đình được hưởng theo quy định) được trích từ nguồn thu của Quỹ.\n2. Mức chi tiền lương, phụ cấp đối với công chức, "
    "viên chức, người lao động làm việc tại Quỹ bằng mức chi tiền lương, phụ cấp đối với công chức.\n"
)


def test_an_agencys_own_budget_stays_a_notice_without_its_scope_list() -> None:
    script = draft(parse(_decision(INTERNAL_BUDGET, "QUY ĐỊNH MỨC CHI HOẠT ĐỘNG CỦA QUỸ PHÒNG CHÁY RỪNG")))
    assert script.kind == "notice", script.text
    assert "có liên quan đến việc quản lý" not in script.text


def test_a_sentence_from_another_clause_does_not_stand_for_the_unsaid_rule() -> None:
    """The 'rule_not_said' warning goes only when a sentence cites the binding rule's own clause."""
    from scripts.draft import Sentence, _unsaid
    from scripts.selection import Source

    rule = Source("3", "2", None, "Hộ nuôi cá lồng phải đăng ký lồng bè với Ủy ban nhân dân xã trước khi thả nuôi.")
    other_clause = [Sentence("Hộ nuôi cá lồng được hỗ trợ giống.", Source("3", "1", None, "được hỗ trợ giống"))]
    same_clause = [Sentence("Hộ nuôi cá lồng phải đăng ký lồng bè.", Source("3", "2", None, rule.quote))]
    assert [w["code"] for w in _unsaid(rule, other_clause)] == ["rule_not_said"]
    assert _unsaid(rule, same_clause) == []
