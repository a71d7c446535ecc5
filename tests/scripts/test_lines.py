"""Lines a printer wrapped are joined back into their paragraphs; lists stay lists."""

from __future__ import annotations

from scripts.lines import unwrap


def test_a_compound_broken_at_a_wrap_is_joined_not_read_as_a_list_item() -> None:
    joined = unwrap(["2. Cán bộ trong các tổ chức chính trị", "", "- xã hội, hội quần chúng phải gương mẫu."])
    assert joined == ["2. Cán bộ trong các tổ chức chính trị - xã hội, hội quần chúng phải gương mẫu."]
    items = ["Đối tượng gồm", "- người cao tuổi;", "- trẻ em.", "Các trường hợp sau:", "- người khuyết tật."]
    assert unwrap(items) == items  # a list after its lead, with or without the colon, stays a list
