"""A Công điện or Chỉ thị: where its title ends, where its reasons go, and a draft even when every task is an office's."""

from __future__ import annotations

from scripts.draft import draft
from scripts.legal import parse

HEAD = """BỘ TRƯỞNG BỘ THỦY SẢN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 41/CĐ-BTS

Hà Nội, ngày 03 tháng 02 năm 2031

CÔNG ĐIỆN

"""
REASONS = (
    "Theo dự báo của cơ quan khí tượng, từ đêm nay đến ngày 05/02/2031 vùng biển phía bắc có gió mạnh cấp 7, "
    "sóng cao 3-4 m, tàu thuyền hoạt động trên biển có nguy cơ bị lật."
)
TASKS = """
1. Chủ tịch Ủy ban nhân dân các tỉnh ven biển tổng hợp số tàu thuyền, báo cáo Bộ trước 17 giờ hằng ngày.

2. Văn phòng Bộ theo dõi, đôn đốc thực hiện Công điện này./.
"""


def test_the_enacting_formula_run_onto_the_title_ends_it_and_the_addressees_are_not_the_title() -> None:
    text = HEAD + (
        "VỀ VIỆC BẢO ĐẢM AN TOÀN TÀU THUYỀN TRÊN BIỂN BỘ TRƯỞNG BỘ THỦY SẢN điện:\n\n"
        "- Chủ tịch Ủy ban nhân dân các tỉnh ven biển.\n\n"
        f"{REASONS}\n" + TASKS
    )
    doc = parse(text)
    assert doc.title.lower() == "về việc bảo đảm an toàn tàu thuyền trên biển"
    assert REASONS in doc.preamble


def test_v_v_in_a_title_is_said_ve_viec() -> None:
    doc = parse(HEAD + "V/V BẢO ĐẢM AN TOÀN TÀU THUYỀN\n\nBỘ TRƯỞNG BỘ THỦY SẢN điện:\n\n" + REASONS + "\n" + TASKS)
    assert doc.title.lower().startswith("về việc bảo đảm an toàn tàu thuyền")
    assert "v/v" not in doc.full_title.lower()


def test_a_cong_dien_whose_tasks_are_all_offices_work_is_still_announced() -> None:
    doc = parse(HEAD + "V/V BẢO ĐẢM AN TOÀN TÀU THUYỀN\n\nBỘ TRƯỞNG BỘ THỦY SẢN điện:\n\n" + REASONS + "\n" + TASKS)
    script = draft(doc)  # raised DraftError ("no provisions a bulletin could report") before
    assert any("41/CĐ-BTS" in s.text for s in script.sentences)
