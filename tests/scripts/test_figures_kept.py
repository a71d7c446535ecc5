"""A shortened provision keeps the figures a resident acts on (scripts.figures_kept, sentences.split_units)."""

from scripts.figures_kept import drops_figure, figures
from scripts.sentences import split_units


def test_figures_are_read_in_one_form_and_a_cited_documents_date_is_not_one() -> None:
    text = (
        "Từ ngày 01 tháng 7 năm 2027, mức hỗ trợ 01 tỷ đồng, tăng 50%, trong 05 năm, 0,3 mét, trên mức của tháng 6 "
        "năm 2027 theo Nghị định số 33/2016/NĐ-CP ngày 10 tháng 5 năm 2016"
    )
    assert figures(text) == {"2027-7-1", "1 tỷ đồng", "50 %", "5 năm", "0.3 mét"}
    assert figures("từ 01/7/2027, 1.500.000 đồng") == {"2027-7-1", "1500000 đồng"}


def test_a_shortened_sentence_that_drops_a_term_is_caught() -> None:
    assert drops_figure("Chủ xe được giữ lại biển số, trong thời hạn 05 năm.", "Chủ xe được giữ lại biển số.")
    assert not drops_figure(
        "Theo Nghị định số 33/2016/NĐ-CP ngày 10 tháng 5 năm 2016, hộ nghèo được hỗ trợ.", "Hộ nghèo được hỗ trợ."
    )


def test_a_rule_too_long_for_one_sentence_is_said_whole_rather_than_without_its_term() -> None:
    # 38 words: shortened at a comma it was "… ngày nghỉ hằng tuần." without the six months
    text = (
        "Người lao động được nghỉ việc hưởng chế độ thai sản khi sinh con, tính cả ngày nghỉ lễ, nghỉ Tết, ngày nghỉ "
        "hằng tuần, trong thời gian 06 tháng kể từ ngày sinh con theo quy định."
    )
    said = split_units(text)
    assert len(said) == 1 and "06 tháng" in said[0]


def test_a_rule_too_long_for_one_sentence_keeps_its_date_from_which() -> None:
    text = (
        "Hộ gia đình nuôi chó, mèo phải đăng ký với trưởng thôn, tiêm phòng dại đầy đủ cho vật nuôi, giữ vệ sinh nơi "
        "nuôi, kể từ ngày 01 tháng 7 năm 2027 theo kế hoạch của xã."
    )
    said = split_units(text)
    assert said and all("ngày 01 tháng 7 năm 2027" in s for s in said)


def test_a_condition_cut_from_its_rule_and_term_is_not_said() -> None:
    # cut at a comma, this was "Trường hợp nhà ở của hộ gia đình bị sập đổ, … không thể ở được.": a case, no rule
    text = (
        "Trường hợp nhà ở của hộ gia đình bị sập đổ, hư hỏng nặng do bão, lũ quét không thể ở được, Ủy ban nhân dân "
        "xã bố trí chỗ ở tạm và hỗ trợ tiền thuê nhà trong thời gian tối đa 06 tháng."
    )
    assert not any(s.startswith("Trường hợp") and "06 tháng" not in s for s in split_units(text))


def test_a_time_on_the_hour_is_said_without_its_zero_minutes() -> None:
    # "9 giờ 00" was read "chín giờ không"
    said = split_units("Người dân chỉ được đốt thực bì trong ngày từ 9 giờ 00 đến 16 giờ 00 phút khi có gió nhẹ.")
    assert said == ["Người dân chỉ được đốt thực bì trong ngày từ 9 giờ đến 16 giờ khi có gió nhẹ."]


def test_a_passive_verb_cut_from_what_it_leads_to_is_not_said() -> None:
    # cut at a comma, this was "Thẻ hội viên hạng B của … được đổi.": true of no one without what it is changed to
    text = (
        "Thẻ hội viên hạng B của hợp tác xã nông nghiệp Tân Tiến được đổi, cấp lại sang thẻ hội viên hạng C cho người "
        "có thời gian tham gia từ 05 năm trở lên và thẻ ưu tiên cho người sử dụng dịch vụ thường xuyên."
    )
    assert not any(s.endswith("được đổi.") for s in split_units(text))


def test_an_age_that_says_who_qualifies_is_a_figure_kept() -> None:
    assert figures("Người cao tuổi từ đủ 75 tuổi trở lên, trẻ em dưới 6 tuổi") == {"75 tuổi", "6 tuổi"}
    assert drops_figure("Người dân được tập huấn miễn phí, từ 16 tuổi trở lên.", "Người dân được tập huấn miễn phí.")
    # 32 words: shortened at its last comma it was "… miễn phí tại xã." for everyone, without the age
    text = (
        "Người dân được đăng ký tham gia đội tình nguyện phòng cháy, chữa cháy của thôn và được tập huấn nghiệp vụ "
        "cứu nạn, cứu hộ miễn phí tại xã, từ 16 tuổi trở lên."
    )
    assert all("từ 16 tuổi trở lên" in s for s in split_units(text))


def test_the_period_a_level_is_counted_on_is_part_of_it() -> None:
    assert figures("trợ cấp 540.000 đồng/người/tháng, lãi suất 0,5%/tháng") == {"540000 đồng/người/tháng", "0.5 %/tháng"}
    assert drops_figure("Hộ nghèo được hỗ trợ 50.000 đồng/hộ/tháng.", "Hộ nghèo được hỗ trợ 50.000 đồng/hộ.")
    assert drops_figure("Hộ nghèo được hỗ trợ 50.000 đồng/hộ, chi trả theo tháng.", "Hộ nghèo được hỗ trợ 50.000 đồng/hộ.")
    assert drops_figure("Hộ nghèo được hỗ trợ 50.000 đồng mỗi hộ, hằng năm.", "Hộ nghèo được hỗ trợ 50.000 đồng mỗi hộ.")
    assert not drops_figure("Hằng năm, xã tổ chức tặng quà cho hộ nghèo.", "Xã tổ chức tặng quà cho hộ nghèo.")  # no level
    assert not drops_figure("Trên mức lương của tháng 6 năm 2027, theo tháng 7", "Trên mức lương")  # a month of a year
