"""What wins the time: a resident's rule before an office's own work, a binding rule before an encouragement."""

from __future__ import annotations

from scripts.choice import estimate_seconds, office_work, select
from scripts.draft import draft
from scripts.legal import parse
from scripts.selection import Candidate, Source, score
from scripts.spoken import normalize


def _cand(text: str, value: float, article: int, order: int) -> Candidate:
    return Candidate(text, Source(str(article + 1), "1", None, text), value, article, order, part=str(article))


OFFICE_TASK = "Ủy ban nhân dân cấp xã tổ chức rà soát, thống kê các giếng khoan trên địa bàn thôn Đông trong quý II."
RESIDENT_DUTY = "Hộ gia đình có giếng khoan không sử dụng phải trám lấp giếng trước ngày 30 tháng 9."
SERVED = "Ủy ban nhân dân cấp xã trả kết quả cho người dân trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ."


def _room_for_one(*texts: str) -> float:
    return max(estimate_seconds([normalize(t, "north")]) for t in texts) + 1.0


def test_an_office_task_waits_for_a_residents_duty_when_time_is_short() -> None:
    task, duty = _cand(OFFICE_TASK, 9.0, 0, 1), _cand(RESIDENT_DUTY, 6.0, 1, 2)
    chosen = select([task, duty], _room_for_one(OFFICE_TASK, RESIDENT_DUTY), 0.0, "north", None)
    assert chosen == [duty]  # the task scored higher, but a listener acts on the duty


def test_an_office_task_is_still_said_when_there_is_time() -> None:
    task, duty = _cand(OFFICE_TASK, 9.0, 0, 1), _cand(RESIDENT_DUTY, 6.0, 1, 2)
    assert select([task, duty], 600.0, 0.0, "north", None) == [task, duty]


def test_what_an_office_does_for_residents_within_a_term_keeps_its_rank() -> None:
    assert office_work(OFFICE_TASK)
    assert not office_work(SERVED)  # whom it serves and by when: residents act on it
    served, duty = _cand(SERVED, 9.0, 0, 1), _cand(RESIDENT_DUTY, 6.0, 1, 2)
    assert select([served, duty], _room_for_one(SERVED, RESIDENT_DUTY), 0.0, "north", None) == [served]


def test_a_directive_of_office_tasks_only_keeps_its_tasks() -> None:
    tasks = [
        _cand(f"Sở Nông nghiệp và Môi trường kiểm tra các cơ sở khai thác cát trên sông Hồng, đợt {i + 1}.", 5.0, i, i)
        for i in range(3)
    ]
    assert select(tasks, 600.0, 0.0, "north", None) == tasks


TITLE = "Giấy phép lái xe"


def test_an_encouragement_ranks_below_a_rule_with_its_figures() -> None:
    urged = "Khuyến khích đổi giấy phép lái xe không thời hạn được cấp trước ngày 01 tháng 7 năm 2012 sang giấy phép lái xe mới."
    rule = "Giấy phép lái xe không bị trừ điểm trong thời hạn 12 tháng thì được phục hồi đủ 12 điểm."
    assert score(rule, TITLE, 0, 2) > score(urged, TITLE, 0, 2)


def test_an_encouragement_in_a_sentence_that_binds_is_not_marked_down() -> None:
    bound = "Người điều khiển xe được khuyến khích đội mũ bảo hiểm và phải chở tối đa 02 người."
    unchanged = "Người điều khiển xe phải chở tối đa 02 người và được khuyến khích đội mũ bảo hiểm."
    assert score(bound, TITLE, 0, 2) == score(unchanged, TITLE, 0, 2)  # only a sentence that opens with it is urged


def _circular(applies: str) -> str:
    return (
        "BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 7/2026/TT-BNV\n"
        "Hà Nội, ngày 3 tháng 2 năm 2026\nTHÔNG TƯ\nHƯỚNG DẪN MỨC TRỢ CẤP ĐỐI VỚI NGƯỜI NGHỈ HƯU Ở XÃ MIỀN NÚI\n"
        "Căn cứ Luật Bảo hiểm xã hội;\nBộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn mức trợ cấp.\n"
        "Điều 1. Mức trợ cấp\n1. Người nghỉ hưu đang cư trú tại xã miền núi được hưởng trợ cấp 500.000 đồng/tháng.\n"
        "2. Người nghỉ hưu từ đủ 80 tuổi trở lên được hưởng thêm 200.000 đồng/tháng.\n"
        "Điều 2. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành từ ngày 15 tháng 3 năm 2026, áp dụng từ ngày "
        f"01 tháng 01 năm 2026.\n2. Các quy định tại Thông tư này áp dụng kể từ ngày {applies}.\n"
    )


def test_the_date_a_document_applies_from_is_heard_once() -> None:
    text = draft(parse(_circular("01 tháng 01 năm 2026"))).text
    assert text.count("01 tháng 01 năm 2026") == 1, text


def test_another_date_it_applies_from_is_still_said() -> None:
    assert "01 tháng 02 năm 2026" in draft(parse(_circular("01 tháng 02 năm 2026"))).text
