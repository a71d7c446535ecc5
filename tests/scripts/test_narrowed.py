"""A subject only its reference narrows is never said without it (scripts.narrowed), on made-up documents:
tests/scripts/data/qd-elderly-made-up.txt and nd-fishing-amend-made-up.txt."""

from __future__ import annotations

from pathlib import Path

from scripts.draft import draft
from scripts.legal import parse
from scripts.narrowed import narrowed_subject
from scripts.sentences import listenable, split_units, strip_noise

DATA = Path(__file__).parent / "data"


def _script(name: str) -> list[str]:
    return [s.text for s in draft(parse((DATA / name).read_text(encoding="utf-8"))).sentences]


def test_a_group_narrowed_by_a_reference_is_not_said_as_everyone() -> None:
    # point a names "người từ đủ 75 tuổi đến dưới 80 tuổi thuộc hộ cận nghèo, không có lương hưu …" (too long to say
    # in its place); the rule had been the lead and the recap: "người cao tuổi được hỗ trợ 250.000 đồng/người/tháng"
    assert (
        split_units("Người cao tuổi quy định tại điểm a khoản 2 Điều 1 Quyết định này được hỗ trợ 250.000 đồng/người/tháng.")
        == []
    )
    assert not [s for s in _script("qd-elderly-made-up.txt") if "250.000" in s and "người cao tuổi được" in s.lower()]


def test_a_rule_named_only_by_its_reference_is_not_said() -> None:
    # "Quy định tại khoản 2 Điều 1 Nghị định này áp dụng từ ngày 01 tháng 01 năm 2032" had become "Quy định áp dụng từ
    # ngày 01 tháng 01 năm 2032": heard as the whole decree's date, which is 01/8/2031
    assert narrowed_subject("Quy định tại khoản 2 Điều 1 Nghị định này áp dụng từ ngày 01 tháng 01 năm 2032.")
    assert not [s for s in _script("nd-fishing-amend-made-up.txt") if s.startswith("Quy định áp dụng")]
    # "Việc … thực hiện theo quy định tại …" without its reference is its subject alone
    assert (
        split_units("Việc tạm dừng, tiếp tục hưởng trợ cấp hằng tháng thực hiện theo quy định tại Điều 15 Luật Người cao tuổi.")
        == []
    )


def test_what_the_subject_already_says_or_its_article_just_gave_keeps_its_rule() -> None:
    assert not narrowed_subject("Thân nhân đủ điều kiện quy định tại khoản 2 Điều 6 được hưởng trợ cấp tuất hằng tháng.")
    assert not narrowed_subject("Mức học phí quy định tại khoản 1, khoản 2 Điều này là căn cứ để cấp bù học phí.")
    assert not narrowed_subject(
        "Dân quân thường trực thuộc diện tham gia bảo hiểm xã hội áp dụng theo quy định tại điểm e khoản 1 Điều 2."
    )
    assert not narrowed_subject("Hộ nghèo được hỗ trợ theo quy định tại khoản 1 Điều 3.")


def test_a_named_law_is_not_cut_as_boilerplate() -> None:
    # "theo quy định của pháp luật lao động" had lost "theo quy định của pháp luật": "… hợp đồng thử việc lao động không …"
    said = strip_noise("Người làm việc theo hợp đồng thử việc theo quy định của pháp luật lao động không phải đóng bảo hiểm.")
    assert "thử việc lao động" not in said
    assert strip_noise("Người vi phạm bị xử lý theo quy định của pháp luật.") == "Người vi phạm bị xử lý."
    assert (
        strip_noise("Người dân đăng ký theo quy định của pháp luật về cư trú trước ngày 15.")
        == "Người dân đăng ký trước ngày 15."
    )


def test_a_title_alone_is_not_a_sentence() -> None:
    # "…theo quy định tại Quyết định số 12/2020/QĐ-TTg …; Quyết định số 40/2021/QĐ-TTg về việc trợ cấp …": its second half
    assert not listenable("Quyết định số 40/2021/QĐ-TTg về việc trợ cấp hằng tháng cho những người có từ đủ 15 năm công tác.")
    assert listenable("Quyết định số 15/2027/QĐ-UBND về việc hỗ trợ người cao tuổi được bãi bỏ từ ngày 01 tháng 7 năm 2031.")


def test_an_act_named_only_by_its_reference_is_not_said() -> None:
    # "Buộc tiêm phòng vắc xin đối với hành vi quy định tại khoản 1 Điều này; buộc chịu … đối với hành vi quy định tại
    # khoản 3 Điều này" had been said "… đối với hành vi; buộc chịu mọi chi phí … đối với hành vi." (which acts?)
    said = _script("nd-veterinary-fines-made-up.txt")
    assert not [s for s in said if "đối với hành vi;" in s or s.endswith("đối với hành vi.")], said
    assert narrowed_subject("Buộc nộp lại số lợi bất hợp pháp đối với hành vi quy định tại khoản 2 Điều này.")
    assert not narrowed_subject("Buộc nộp lại số lợi bất hợp pháp có được do thực hiện hành vi vi phạm.")


def test_a_share_of_a_level_named_only_by_its_reference_is_not_said() -> None:
    """ "… thì mức hỗ trợ bằng 50% mức quy định tại khoản 1 Điều này." was said "… bằng 50% mức.": of which level?"""
    from tests.scripts.made_up import units

    body = """Điều 2. Mức hỗ trợ
1. Hộ nghèo có nhà ở bị sập đổ được hỗ trợ làm nhà ở 40.000.000 đồng/hộ.
2. Trường hợp nhà ở bị hư hỏng một phần thì mức hỗ trợ bằng 50% mức quy định tại khoản 1 Điều này.
3. Trường hợp nộp hồ sơ trực tuyến thì áp dụng mức thu bằng 50% mức thu quy định tại khoản 1 Điều này.
"""
    said = units("Về việc quy định mức hỗ trợ hộ gia đình bị thiệt hại do thiên tai", body)
    assert not any(s.endswith("50% mức.") for s in said), said
    assert "Trường hợp nộp hồ sơ trực tuyến thì áp dụng mức thu bằng 50% mức thu." in said


def test_a_lead_group_named_by_its_reference_is_not_said_half() -> None:
    """Under "Đối tượng quy định tại khoản 2 Điều 1 Quyết định này được hỗ trợ như sau:", a point was said "Đối với đối
    tượng quy định, người khuyết tật nặng dưới 16 tuổi được hỗ trợ …": the reference went, "quy định" stayed."""
    from tests.scripts.made_up import units

    body = """Điều 1. Đối tượng áp dụng
1. Người cao tuổi từ đủ 75 tuổi trở lên thuộc hộ cận nghèo.
2. Người khuyết tật nặng không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng.
Điều 2. Mức hỗ trợ
1. Đối tượng quy định tại khoản 2 Điều 1 Quyết định này được hỗ trợ như sau:
a) Người khuyết tật nặng dưới 16 tuổi được hỗ trợ 400.000 đồng/người/tháng;
b) Người khuyết tật nặng từ đủ 16 tuổi trở lên được hỗ trợ 350.000 đồng/người/tháng.
"""
    said = units("Về việc hỗ trợ người khuyết tật", body)
    assert not any("đối tượng quy định," in s.lower() for s in said), said
    assert "Người khuyết tật nặng dưới 16 tuổi được hỗ trợ 400.000 đồng/người/tháng." in said
