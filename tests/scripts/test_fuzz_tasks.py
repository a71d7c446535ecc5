"""A directive's task groups said with their actor, on a made-up Chỉ thị (tests/scripts/data/ct-rabies-made-up.txt):
the actor is never put inside a list or before a rule that has its own subject, a heading without a colon stays
apart from its first task, and "không để …" is never cut as if it were an aim."""

from __future__ import annotations

from pathlib import Path

from scripts.legal import parse
from scripts.lines import unwrap
from scripts.tasks import needs_subject, with_subject
from scripts.units import passage_units

DOC = parse((Path(__file__).parent / "data" / "ct-rabies-made-up.txt").read_text(encoding="utf-8"))


def _said() -> list[str]:
    return [u[3] for a in DOC.articles for u in passage_units(a)]


def test_the_actor_never_goes_after_a_comma_inside_a_list() -> None:
    # "Khi bị chó, mèo cắn, cào phải đến ngay …" had become "Khi bị chó, Người dân mèo cắn, cào phải …"
    assert with_subject("Người dân", "Khi bị chó, mèo cắn, cào phải đến ngay cơ sở y tế gần nhất.") == (
        "Khi bị chó, mèo cắn, cào phải đến ngay cơ sở y tế gần nhất."
    )
    assert "Khi bị chó, mèo cắn, cào phải đến ngay cơ sở y tế gần nhất để được tư vấn, tiêm phòng." in _said()


def test_a_rule_with_its_own_subject_gets_no_actor() -> None:
    # "Người dân chi phí tiêm phòng do chủ nuôi tự chi trả …", "Ủy ban nhân dân cấp xã chó thả rông … thì được xử lý"
    assert not needs_subject("Chi phí tiêm phòng do chủ nuôi tự chi trả, trừ hộ nghèo.")
    assert not needs_subject("Chó thả rông không rõ chủ quá 72 giờ mà không có người nhận thì được xử lý theo quy định.")
    assert needs_subject("Kiểm tra các hộ nuôi chó, nếu phát hiện vi phạm thì xử lý nghiêm.")
    said = _said()
    assert not [s for s in said if "Người dân chi phí" in s or "cấp xã chó thả rông" in s], said
    assert any(s.startswith("Chi phí tiêm phòng do chủ nuôi tự chi trả, trừ hộ nghèo, hộ cận nghèo") for s in said)


def test_a_task_group_heading_without_a_colon_is_not_glued_to_its_first_task() -> None:
    assert unwrap(["2. Sở Y tế", "Chỉ đạo các cơ sở y tế bảo đảm đủ vắc xin."]) == [
        "2. Sở Y tế",
        "Chỉ đạo các cơ sở y tế bảo đảm đủ vắc xin.",
    ]
    assert unwrap(["2. Ủy ban nhân dân tỉnh", "Hòa Phong quyết định …"]) == ["2. Ủy ban nhân dân tỉnh Hòa Phong quyết định …"]
    said = _said()
    assert not [s for s in said if "Sở Y tế Chỉ đạo" in s], said
    assert any(s.startswith("Sở Y tế chỉ đạo các cơ sở y tế bảo đảm đủ vắc xin") for s in said)


def test_not_letting_something_happen_is_not_cut_as_an_aim() -> None:
    # "…, không để xảy ra trường hợp tử vong do không được tiêm phòng" had lost "để …" as a purpose: "…, không."
    said = with_subject(
        "Sở Y tế",
        "Chỉ đạo các cơ sở y tế bảo đảm đủ vắc xin, huyết thanh kháng dại; người bị chó, mèo cắn phải được tư vấn, "
        "tiêm phòng kịp thời, không để xảy ra trường hợp tử vong do không được tiêm phòng.",
    )
    assert "không để xảy ra trường hợp tử vong" in said
    assert not [s for s in _said() if s.endswith(", không.")]
