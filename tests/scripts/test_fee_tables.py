"""Fee and benefit tables in the layouts copies leave them in: each amount said with its own row's label."""

from __future__ import annotations

from pathlib import Path

from scripts.cells import extract_tables
from scripts.inline_rows import SUB, inline_rows
from scripts.sentences import flat

DATA = Path(__file__).parent / "data"


def _flattened(name: str) -> str:
    """A PDF copy's text as a passage: lines kept where a dash starts a sub-row, then run together."""
    import re

    text = (DATA / name).read_text(encoding="utf-8")
    return flat(re.sub(r"(?m)^-\s+(?=[A-ZĐ])", f"{SUB} ", text))


def test_a_flattened_schedule_says_each_amount_with_its_own_row() -> None:
    said = [s for s, _quote, _label in inline_rows(_flattened("fee-schedule-flattened.txt"))]
    assert said[:2] == [
        "Lệ phí cấp giấy chứng nhận đăng ký phương tiện, cấp mới, là 70.000 đồng/lần cấp.",
        "Lệ phí cấp giấy chứng nhận đăng ký phương tiện, cấp lại do bị mất, là 140.000 đồng/lần cấp.",
    ], "an explaining parenthesis ('bao gồm …') is not read"
    assert "Lệ phí cấp giấy chứng nhận đăng ký phương tiện, cấp đổi (tàu công vụ), là 35.000 đồng/lần cấp." in said, (
        "a parenthesis that limits the row stays: without it every owner would hear 35.000"
    )
    assert (
        "Lệ phí cấp sổ danh bạ thuyền viên cho đò ngang chở khách tại bến khách ngang sông của xã là 20.000 đồng/lần cấp." in said
    ), "a row that repeats its group's object is said once, with the group's fee word"


def test_a_row_split_by_a_page_break_keeps_its_group() -> None:
    said = [s for s, _quote, _label in inline_rows(_flattened("fee-schedule-flattened.txt"))]
    assert "Lệ phí cấp sổ danh bạ thuyền viên cho tàu chở hàng từ 500 tấn trở lên là 60.000 đồng/lần cấp." in said, (
        "the header printed again on the next page is not a new table: the row keeps its group"
    )
    assert not any("Số TT" in s or "Nội dung Mức thu" in s for s in said), "a header is never said"


def test_dash_sub_rows_are_said_with_their_item_and_group() -> None:
    said = [s for s, _quote, _label in inline_rows(_flattened("fee-schedule-flattened.txt"))]
    assert "Lệ phí cấp chứng chỉ chuyên môn, chứng chỉ lái phương tiện hạng nhì, cấp mới, là 90.000 đồng/lần cấp." in said
    assert "Lệ phí cấp chứng chỉ chuyên môn, chứng chỉ lái phương tiện hạng nhì, cấp lại, là 45.000 đồng/lần cấp." in said


def test_a_schedule_for_foreigners_is_not_read_to_residents() -> None:
    said = [s for s, _quote, _label in inline_rows(_flattened("fee-schedule-flattened.txt"))]
    assert not any("300.000" in s or "USD" in s or "Kiểm định" in s for s in said), (
        "the caption says the whole schedule is for foreigners, even a row in đồng that does not say so"
    )


def test_an_amount_without_a_recoverable_label_is_not_said() -> None:
    text = "STT Nội dung Mức thu (đồng) 1 Lệ phí cấp bản sao trích lục a 8.000 b Bản sao có chứng thực 12.000"
    said = [s for s, _quote, _label in inline_rows(text)]
    assert said == ["Lệ phí cấp bản sao trích lục, bản sao có chứng thực, là 12.000 đồng."], (
        "the 8.000 whose row has no label is left out, never said with the next row's label"
    )


def test_a_unit_column_goes_with_its_row_not_its_label() -> None:
    said = [s for s, _quote, _label in inline_rows(_flattened("fee-schedule-unit-column.txt"))]
    assert said == [
        "Lệ phí cấp giấy phép đào đường, cấp mới, là 150.000 đồng/giấy phép.",
        "Lệ phí cấp giấy phép đào đường, gia hạn giấy phép, là 75.000 đồng/lần.",
        "Phí thẩm định hồ sơ cấp phép xây dựng nhà ở riêng lẻ là 500.000 đồng/hồ sơ.",
    ]


def test_a_table_of_cells_keeps_merged_group_headings_and_its_unit_column() -> None:
    lines = (DATA / "fee-table-cells.txt").read_text(encoding="utf-8").splitlines()
    _out, [table] = extract_tables(lines)
    assert [(r.label, r.values) for r in table.rows] == [
        ("Phí tham quan di tích – Người lớn", ("40.000 đồng/người/lượt",)),
        ("Phí tham quan di tích – Trẻ em, học sinh", ("20.000 đồng/người/lượt",)),
        ("Phí sử dụng bến bãi – Xe ô tô dưới 10 chỗ", ("30.000 đồng/xe/lượt",)),
    ], "a Roman-numbered group stands above the rows numbered 1, 2 under it; the unit column is each row's unit"


def test_a_drafted_fee_circular_says_the_common_case_first_and_no_header() -> None:
    from scripts.draft import draft
    from scripts.legal import parse

    script = draft(parse((DATA / "tt-fee-schedule.txt").read_text(encoding="utf-8")))
    amounts = [s.text for s in script.sentences if "đồng" in s.text and any(c.isdigit() for c in s.text)]
    assert amounts and "cấp mới, là 70.000 đồng/lần cấp" in amounts[0], "the ordinary case leads the fees"
    assert not any("Nội dung" in s.text or "Mức thu (" in s.text or "USD" in s.text for s in script.sentences)


def test_a_schedule_without_a_row_number_column_is_read_and_its_header_never_said() -> None:
    text = (
        "Tên phí, lệ phí Mức thu (đồng/lần) 1 Lệ phí cấp bằng lái tàu hạng nhất 60.000 "
        "2 Lệ phí cấp chứng chỉ thuyền viên 40.000 Tên phí, lệ phí Mức thu 3 Lệ phí cấp bằng lái tàu hạng nhì 50.000"
    )
    said = [s for s, _quote, _label in inline_rows(text)]
    assert said == [
        "Lệ phí cấp bằng lái tàu hạng nhất là 60.000 đồng/lần.",
        "Lệ phí cấp chứng chỉ thuyền viên là 40.000 đồng/lần.",
        "Lệ phí cấp bằng lái tàu hạng nhì là 50.000 đồng/lần.",
    ], "no 'STT' before the header cells, and the header printed again over row 3, which keeps only its own label"


def test_an_appendix_price_row_says_what_is_charged_and_to_whom() -> None:
    from pathlib import Path

    from scripts.draft import draft
    from scripts.legal import parse

    text = (Path(__file__).parent / "data" / "qd-waste-fee-made-up.txt").read_text(encoding="utf-8")
    said = [s.text for s in draft(parse(text)).sentences]
    # had been "Hộ gia đình ở phường: 40.000 đồng/hộ/tháng." (40.000 đồng for what?)
    assert (
        "Mức giá tối đa dịch vụ thu gom, vận chuyển rác thải sinh hoạt đối với hộ gia đình ở phường: 40.000 đồng/hộ/tháng."
        in said
    ), said
    assert not [s for s in said if s.startswith("Hộ gia đình ở")], said
