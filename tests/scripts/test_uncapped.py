"""Time left once every article had its share goes to the sentences richest for residents, whatever their article."""

from __future__ import annotations

from scripts.choice import select
from scripts.selection import Candidate, Source


def _cand(text: str, score: float, article: int, order: int) -> Candidate:
    return Candidate(text, Source(str(article + 1), "1", None, text), score, article, order, part=str(article))


FINES = [
    "Phạt tiền từ {} đồng đến {} đồng đối với người điều khiển xe không đội mũ bảo hiểm khi đi trên đường thôn {}.",
    "Phạt tiền từ {} đồng đến {} đồng đối với hộ gia đình đốt rơm rạ gần khu dân cư tại xóm {}.",
]


def _pool() -> list[Candidate]:
    # one article of fines (eight, each a different act and amount), one short article of a resident's right
    fines = [
        _cand(FINES[i % 2].format(f"{100 + 50 * i}.000", f"{200 + 50 * i}.000", i + 1), 12.0 - 0.1 * i, 0, i) for i in range(8)
    ]
    right = _cand("Người cao tuổi từ đủ 75 tuổi trở lên được cấp thẻ bảo hiểm y tế miễn phí.", 7.0, 1, 20)
    return [*fines, right, *OTHERS]


# four more articles with little to say: six articles in all, so each gets three sentences (six once doubled)
OTHERS = [
    _cand(f"Nghị quyết này áp dụng đối với cơ quan, tổ chức có liên quan đến việc thu tiền, mục {i}.", 1.0, i, 30 + i)
    for i in range(2, 6)
]


def test_fines_beyond_an_articles_share_are_said_while_time_is_left() -> None:
    chosen = select(_pool(), 600.0, 0.0, "north", None)
    fines = [c for c in chosen if c.article_index == 0]
    assert len(fines) == 8  # the cap (3, doubled once) would have left two waiting with minutes to spare
    assert any(c.article_index == 1 for c in chosen)


def test_what_is_not_rich_for_residents_keeps_the_cap() -> None:
    pool = [
        _cand(f"Ủy ban nhân dân cấp xã tổ chức tuyên truyền về việc bảo vệ rừng đợt {i + 1} trong năm.", 9.0, 0, i)
        for i in range(8)
    ]
    chosen = [c for c in select([*pool, *OTHERS], 600.0, 0.0, "north", None) if c.article_index == 0]
    assert len(chosen) == 6  # a high score without amounts, rights or bans for residents: the article's share only


def test_the_time_still_bounds_them() -> None:
    chosen = select(_pool(), 60.0, 0.0, "north", None)
    assert sum(len(c.text.split()) for c in chosen) < 60 * 3.6
