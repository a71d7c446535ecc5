from __future__ import annotations

from datetime import date

from scripts.sentences import listenable, split_units, strip_noise


def test_a_long_rule_keeps_its_amount_and_drops_the_qualifier_of_its_head() -> None:
    text = (
        "Mức trợ cấp một lần cho dân quân thường trực khi được công nhận hoàn thành thực hiện nghĩa vụ quân sự "
        "tại ngũ trong thời bình, cứ mỗi năm phục vụ trong đơn vị dân quân thường trực được trợ cấp bằng 4.680.000 đồng."
    )
    [sentence] = split_units(text)
    assert sentence == (
        "Mức trợ cấp một lần cho dân quân thường trực, cứ mỗi năm phục vụ trong đơn vị dân quân thường trực "
        "được trợ cấp bằng 4.680.000 đồng."
    )


def test_also_splits_into_two_facts_each_with_its_subject() -> None:
    text = (
        "Mức học phí quy định tại khoản 1, khoản 2 Điều này là căn cứ để ngân sách nhà nước cấp bù tiền miễn học phí "
        "đối với cơ sở giáo dục mầm non công lập và cơ sở giáo dục phổ thông công lập của tỉnh, đồng thời là mức hỗ trợ "
        "học phí đối với người học tại cơ sở dân lập, tư thục."
    )
    first, second = split_units(text)
    assert first.startswith("Mức học phí là căn cứ để ngân sách nhà nước cấp bù tiền miễn học phí")
    assert second == "Mức học phí đồng thời là mức hỗ trợ học phí đối với người học tại cơ sở dân lập, tư thục."


def test_a_reference_listing_each_clause_is_dropped_whole() -> None:
    assert strip_noise("Mức học phí quy định tại khoản 1, khoản 2 Điều này là căn cứ.") == "Mức học phí là căn cứ."
    assert strip_noise("Người nộp thuế được miễn theo quy định tại điểm a, điểm b khoản 3 Điều 5.") == "Người nộp thuế được miễn."
    # a subject only the reference narrows keeps it, and is not said (scripts.narrowed): not "Trừ trường hợp thì được miễn."
    assert "điểm a, điểm b khoản 3" in strip_noise("Trừ trường hợp quy định tại điểm a, điểm b khoản 3 Điều 5 thì được miễn.")


def test_who_decides_gives_way_to_the_floor_residents_are_owed() -> None:
    text = (
        "Mức trợ cấp do Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp quyết định, nhưng không thấp hơn 327.600 đồng."
    )
    assert strip_noise(text) == "Mức trợ cấp không thấp hơn 327.600 đồng."


def test_a_reference_to_another_law_by_name_is_dropped_with_the_reference() -> None:
    text = "Thân nhân được hưởng trợ cấp tuất hằng tháng theo quy định tại Điều 86 của Luật Bảo hiểm xã hội."
    assert strip_noise(text) == "Thân nhân được hưởng trợ cấp tuất hằng tháng."
    text = "Đối tượng quy định tại điểm a, b và i khoản 1 Điều 2 của Luật Bảo hiểm xã hội đã tham gia thì được tính bằng mức tham chiếu."
    assert "Điều 2" in strip_noise(text)  # "Đối tượng đã tham gia thì …" says no one: kept, not said (scripts.narrowed)


def test_a_date_before_dong_thoi_is_not_an_amount() -> None:
    from scripts.sentences import FIGURE

    assert not FIGURE.search("xong trước ngày 01 tháng 5 năm 2026, đồng thời gửi Bộ Y tế")
    assert FIGURE.search("bằng 4.680.000 đồng") and FIGURE.search("bằng 75% mức học phí")


def test_measures_listed_after_who_orders_them_are_each_said() -> None:
    text = (
        "Trưởng ban Ban chỉ huy Phòng thủ dân sự tỉnh chỉ đạo Sở Nông nghiệp và Môi trường, Công an và chủ rừng triển khai "
        "ngay các biện pháp phòng: công bố cấp cảnh báo V; tạm dừng mọi hoạt động sử dụng lửa trong và ven rừng "
        "(đốt thực bì, thắp hương, đốt vàng mã); kiểm soát chặt người, phương tiện vào rừng."
    )
    said = split_units(text)
    assert "Tạm dừng mọi hoạt động sử dụng lửa trong và ven rừng (đốt thực bì, thắp hương, đốt vàng mã)." in said
    assert "Kiểm soát chặt người, phương tiện vào rừng." in said
    assert not any("chỉ đạo" in s for s in said)


def test_two_references_joined_by_va_and_the_referenced_title_are_dropped_whole() -> None:
    text = (
        "Dân quân thường trực thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc theo quy định tại điểm e khoản 1 Điều 2 "
        "Luật Bảo hiểm xã hội năm 2014 và điểm a khoản 2 Điều 2 Nghị định số 33/2016/NĐ-CP quy định chi tiết một số điều."
    )
    assert strip_noise(text) == "Dân quân thường trực thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc."


def test_a_numbered_heading_glued_to_its_clause_is_dropped() -> None:
    assert strip_noise("1. Nội dung phân cấp Ủy ban nhân dân tỉnh phân cấp cho Ủy ban nhân dân cấp xã.") == (
        "Ủy ban nhân dân tỉnh phân cấp cho Ủy ban nhân dân cấp xã."
    )


def test_a_formulas_symbol_legend_is_not_read_to_residents() -> None:
    assert not listenable("T là nhiệt độ lúc 13 giờ 00, đơn vị là oC.")
    assert not listenable("Ki là hệ số điều chỉnh của năm thứ i.")
    assert listenable("Người dân là chủ rừng phải canh phòng thường xuyên.")  # a word, not a symbol


def test_a_verb_left_without_its_reference_goes_with_it() -> None:
    text = (
        "a) Công nhân thời vụ thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc áp dụng theo quy định tại điểm b "
        "khoản 2 Điều 4 Luật Bảo hiểm xã hội năm 2024;"
    )
    assert strip_noise(text) == "Công nhân thời vụ thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc;"
    assert split_units(text) == ["Công nhân thời vụ thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc."]
    kept = "Việc chi trả thực hiện theo quy định tại Điều 5 và do xã bảo đảm."  # the verb still has work to do
    assert "thực hiện" in strip_noise(kept)


def test_boilerplate_about_the_law_stops_before_the_main_clause() -> None:
    text = "Nếu xây dựng theo quy định của pháp luật về xây dựng trước ngày có quy hoạch thì chủ nhà được hỗ trợ."
    assert strip_noise(text) == "Nếu xây dựng trước ngày có quy hoạch thì chủ nhà được hỗ trợ."


def test_a_condition_too_long_to_say_leaves_the_right_with_its_holder() -> None:
    text = (
        "Ao, chuồng trại, công trình chăn nuôi có một phần hoặc toàn bộ diện tích nằm trong vùng bảo vệ an toàn "
        "hồ chứa nước thủy lợi của tỉnh, được xây dựng trên đất đủ điều kiện bồi thường về đất trước ngày có thông "
        "báo thu hồi đất thì chủ hộ chăn nuôi được hỗ trợ di dời phần công trình nằm trong vùng bảo vệ an toàn hồ chứa."
    )
    # said with "Tùy trường hợp": the right holds only for those the condition names, never for every chủ hộ
    assert split_units(text) == [
        "Tùy trường hợp, chủ hộ chăn nuôi được hỗ trợ di dời phần công trình nằm trong vùng bảo vệ an toàn hồ chứa."
    ]


def test_a_shortened_rule_keeps_the_period_it_applies_in() -> None:
    year = date.today().year + 2
    period = f"trong thời gian từ ngày 01 tháng 3 năm {year} đến ngày 30 tháng 6 năm {year}"
    duty = (
        "Người hưởng lương hưu phải cập nhật địa chỉ với bưu điện xã nơi nhận lương hưu hằng tháng, mang theo "
        f"căn cước khi nhận tiền tại điểm chi trả của thôn {period}."
    )
    assert split_units(duty) == [
        f"Người hưởng lương hưu phải cập nhật địa chỉ với bưu điện xã nơi nhận lương hưu hằng tháng {period}."
    ]
    # a list of who is covered is said whole or not at all: its first item with the period is not the rule
    listed = (
        "Người hưởng lương hưu được điều chỉnh mức hưởng, thân nhân người hưởng trợ cấp tuất hằng tháng hoặc người "
        f"được ủy quyền nhận trợ cấp thay cho người hưởng ở xa {period}."
    )
    assert split_units(listed) == []


def test_an_exclusion_by_a_clause_number_is_cut_whole_not_left_stuttering() -> None:
    text = (
        "Chủ trang trại không thuộc đối tượng quy định tại khoản 1 Điều này thuộc đối tượng tham gia bảo hiểm "
        "xã hội bắt buộc từ ngày 01 tháng 7 năm 2029."
    )
    assert strip_noise(text) == ("Chủ trang trại thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc từ ngày 01 tháng 7 năm 2029.")
    assert not listenable("Chủ trang trại không thuộc đối tượng thuộc đối tượng tham gia bảo hiểm xã hội.")


def test_a_papers_name_after_its_verb_is_not_a_glued_heading() -> None:
    """ "… phí thẩm định cấp Giấy phép …" keeps what the amount is for: without it the permit "is" the fee."""
    from scripts.glued_headings import strip_heading
    from scripts.sentences import split_units

    said = split_units("Mức thu phí thẩm định cấp Giấy phép khai thác cát là 2.000.000 đồng/lần.")
    assert said and said[0].startswith("Mức thu phí thẩm định cấp Giấy phép")
    assert strip_heading("Mức hỗ trợ học phí Mức học phí của học sinh là 100.000 đồng.").startswith("Mức học phí của")


def test_a_sentence_ending_on_its_own_figure_keeps_it_and_only_a_glued_clause_number_goes() -> None:
    from scripts.sentences import finish

    assert finish("Cấm tàu thuyền ra khơi từ 12 giờ ngày 14 tháng 10") == "Cấm tàu thuyền ra khơi từ 12 giờ ngày 14 tháng 10."
    assert finish("Bão có sức gió mạnh cấp 12") == "Bão có sức gió mạnh cấp 12."
    assert finish("Học sinh lớp 9 được miễn học phí 2") == "Học sinh lớp 9 được miễn học phí."
    for figure in ("rủi ro thiên tai cấp độ 3", "hoàn thành trong quý 3", "cấm xe tải trên Quốc lộ 1", "sạt lở tại km 15"):
        assert finish(f"Xã báo {figure}") == f"Xã báo {figure}.", figure


def test_a_subject_whose_negated_rule_is_in_the_tail_is_never_said_without_it() -> None:
    from scripts.sentences import split_units

    long = (
        "Thời gian hưởng chế độ ốm đau của người lao động chấm dứt hợp đồng lao động, hợp đồng làm việc hoặc thôi việc "
        "trước thời điểm nghỉ ốm quy định tại khoản 2 Điều 30 của Luật Bảo hiểm xã hội không được tính là thời gian đã "
        "đóng bảo hiểm thất nghiệp."
    )
    # Too long even shortened, and cut at its first comma it would lose its rule: nothing is said rather than
    # "Thời gian hưởng chế độ ốm đau của người lao động chấm dứt hợp đồng lao động."
    assert split_units(long) == []
    shorter = long.replace(" hoặc thôi việc", "").replace("Luật Bảo hiểm xã hội", "Luật này")
    said = split_units(shorter)  # short enough once the reference goes: said, with its rule
    assert len(said) == 1 and said[0].startswith("Thời gian hưởng chế độ ốm đau của người lao động chấm dứt"), said
    assert said[0].endswith("không được tính là thời gian đã đóng bảo hiểm thất nghiệp."), said


def test_a_right_is_never_said_without_the_duty_its_holder_owes_in_the_same_sentence() -> None:
    from scripts.sentences import shorten

    right_and_duty = (
        "Người dân được hỗ trợ 2.000.000 đồng mỗi hộ để sửa chữa nhà ở theo danh sách đã được phê duyệt, chịu trách "
        "nhiệm hoàn trả toàn bộ số tiền đã nhận trong vòng 30 ngày khi bị phát hiện kê khai sai"
    )
    assert shorten(right_and_duty, 24) is None  # said whole or not at all, never as a bare right
    two_tasks = (
        "Ủy ban nhân dân xã phải kiểm tra các hộ gia đình ven sông trong mùa mưa lũ năm nay, chủ động chuẩn bị "
        "lương thực, thuốc men và phương tiện cứu hộ tại các điểm xung yếu"
    )
    assert shorten(two_tasks, 20) == "Ủy ban nhân dân xã phải kiểm tra các hộ gia đình ven sông trong mùa mưa lũ năm nay"


def test_who_files_is_never_said_as_a_rule_when_the_filing_verb_is_cut() -> None:
    from scripts.sentences import shorten

    who_files = (
        "Hợp tác xã thuộc trường hợp bị mất trắng trên 70% diện tích lúa do hạn hán kéo dài, làm văn bản đề nghị "
        "gửi Ủy ban nhân dân xã kèm theo biên bản xác nhận thiệt hại của thôn trong vòng 15 ngày"
    )
    assert shorten(who_files, 20) is None  # not "Hợp tác xã thuộc trường hợp bị mất trắng …": a claim nobody made
    a_rule_then_a_form = (
        "Hộ gia đình có người khuyết tật nặng được hỗ trợ 500.000 đồng mỗi tháng từ ngân sách xã năm nay, "
        "làm đơn gửi trưởng thôn để được xét duyệt cùng các hộ khác trong thôn"
    )
    assert (
        shorten(a_rule_then_a_form, 24)
        == "Hộ gia đình có người khuyết tật nặng được hỗ trợ 500.000 đồng mỗi tháng từ ngân sách xã năm nay"
    )


def test_who_files_or_comes_to_register_is_never_said_as_a_fact() -> None:
    from scripts.sentences import shorten

    lost_jobs = (
        "Người lao động bị mất việc làm do doanh nghiệp phá sản trong năm 2026 tại các khu công nghiệp của tỉnh, "
        "nộp hồ sơ đề nghị hưởng trợ cấp thất nghiệp tại Trung tâm dịch vụ việc làm trong vòng 3 tháng"
    )
    assert shorten(lost_jobs, 26) is None  # not "Người lao động bị mất việc làm do doanh nghiệp phá sản …"
    storm = (
        "Hộ gia đình thuộc diện bị thiệt hại nặng do bão số 3 gây ra trong tháng 9 năm 2026 tại các xã ven biển, "
        "đến Ủy ban nhân dân xã để đăng ký nhận hỗ trợ sửa chữa nhà ở theo danh sách"
    )
    assert shorten(storm, 26) is None


def test_a_long_rule_is_never_cut_inside_a_list_between_its_head_and_its_figure() -> None:
    # "… đã được rà soát, phê duyệt mà …": keeping the head and the figure's part would say "thuộc danh sách, phê duyệt"
    text = (
        "Trường hợp hộ nghèo thuộc danh sách do Ủy ban nhân dân cấp xã lập và niêm yết công khai tại trụ sở, "
        "nhà văn hóa thôn, bản, tổ dân phố, đã được rà soát, phê duyệt mà có thành viên là người khuyết tật nặng "
        "thì được hỗ trợ thêm 7% mức đóng."
    )
    assert not any("danh sách, phê duyệt" in s for s in split_units(text))


def test_a_resident_sending_an_application_is_a_sentence() -> None:
    """ "Chậm nhất 15 ngày …, hộ gia đình gửi đơn đề nghị hỗ trợ đến Ủy ban nhân dân cấp xã." had no verb the drafter
    knew ("gửi"): the deadline a resident must meet was never said."""
    from tests.scripts.made_up import units

    body = """Điều 3. Trình tự, thủ tục
1. Chậm nhất 15 ngày kể từ ngày thiên tai kết thúc, hộ gia đình gửi đơn đề nghị hỗ trợ đến Ủy ban nhân dân cấp xã.
2. Trong thời hạn 30 ngày kể từ ngày khai giảng, cha mẹ học sinh gửi hồ sơ đến nhà trường.
"""
    said = units("Về việc hỗ trợ hộ gia đình bị thiệt hại do thiên tai", body)
    assert (
        "Chậm nhất 15 ngày kể từ ngày thiên tai kết thúc, hộ gia đình gửi đơn đề nghị hỗ trợ đến Ủy ban nhân dân cấp xã." in said
    )
    assert "Trong thời hạn 30 ngày kể từ ngày khai giảng, cha mẹ học sinh gửi hồ sơ đến nhà trường." in said


def test_a_rule_counted_from_an_office_act_is_no_heading_glued_to_it() -> None:
    """ "Thời gian hưởng hỗ trợ tính từ tháng Ủy ban nhân dân cấp xã ký quyết định hỗ trợ." was cut as a heading
    before "Ủy ban …" and said "Ủy ban nhân dân cấp xã ký quyết định hỗ trợ.": when the support starts was lost."""
    text = "Thời gian hưởng hỗ trợ tính từ tháng Ủy ban nhân dân cấp xã ký quyết định hỗ trợ."
    assert strip_noise(text) == text
    assert strip_noise("Mức hỗ trợ học phí Mức học phí bằng 50%.") == "Mức học phí bằng 50%."


def test_a_waiver_for_listed_cases_is_said_with_each_case() -> None:
    """ "Không thu phí đối với các trường hợp sau:" + "a) Xe cứu thương, xe cứu hỏa;" was glued "Không thu phí đối với các
    trường hợp sau xe cứu thương, xe cứu hỏa." — a garble the listener check then dropped: the waiver was never said."""
    from tests.scripts.made_up import units

    body = """Điều 2. Miễn phí
1. Không thu phí đối với các trường hợp sau:
a) Xe cứu thương, xe cứu hỏa;
b) Xe chở hàng cứu trợ thiên tai.
"""
    said = units("Về việc quy định mức thu phí sử dụng công trình hạ tầng", body)
    assert "Không thu phí đối với xe cứu thương, xe cứu hỏa." in said, said
    assert not any("trường hợp sau xe" in s for s in said)


def test_a_condition_after_a_semicolon_keeps_the_holder_of_its_rule() -> None:
    """ "Người nộp phí được nhận biên lai thu phí; nếu không được cấp biên lai thì có quyền từ chối nộp phí." was split
    and its second half said "Nếu không được cấp biên lai thì có quyền từ chối nộp phí.": whose right?"""
    from tests.scripts.made_up import units

    body = """Điều 3. Quyền của người nộp phí
1. Người nộp phí được nhận biên lai thu phí; nếu không được cấp biên lai thì có quyền từ chối nộp phí.
2. Hộ gia đình được hỗ trợ 2.000.000 đồng/hộ; trường hợp có người khuyết tật thì được hỗ trợ thêm 500.000 đồng/hộ.
"""
    said = units("Về việc quy định mức thu phí sử dụng công trình hạ tầng", body)
    assert "Nếu không được cấp biên lai thì người nộp phí có quyền từ chối nộp phí." in said, said
    assert "Trường hợp có người khuyết tật thì hộ gia đình được hỗ trợ thêm 500.000 đồng/hộ." in said


def test_a_part_whose_subject_is_no_one_does_not_take_the_first_parts_subject() -> None:
    """ "Người dân được quyền phản ánh …; không ai được trả thù người tố giác." was split into "Người dân không ai được
    trả thù người tố giác.": "không ai" (no one) is that part's own subject."""
    from tests.scripts.made_up import units

    body = (
        "Điều 4. Quyền của người dân\nNgười dân được quyền phản ánh, tố giác hành vi vi phạm đến Công an cấp xã; "
        "không ai được trả thù người tố giác.\n"
    )
    said = units("Quy định về bảo đảm trật tự, an toàn xã hội", body)
    assert "Không ai được trả thù người tố giác." in said, said
    assert not any("dân không ai" in s for s in said), said


def test_a_name_after_a_preposition_is_no_glued_heading_and_the_holder_stays() -> None:
    """ "Hộ gia đình thành viên đóng góp vào Quỹ hằng năm bằng 1% …" was said "Quỹ hằng năm bằng 1% …": the payer went,
    and the fund seemed to be the amount (made-up provisions)."""
    from scripts.sentences import strip_heading

    households = "Hộ gia đình thành viên đóng góp vào Quỹ hằng năm bằng 1% tổng thu nhập của hộ."
    assert strip_heading(households) == households
    monthly = "Mức đóng hằng tháng vào Quỹ bảo hiểm thất nghiệp bằng 3% tiền lương tháng của người lao động."
    assert strip_heading(monthly) == monthly
