"""A fine is said with the offence it punishes, the offence as subject: one offence, one sentence."""

from __future__ import annotations

from pathlib import Path

from scripts.choice import build_pool
from scripts.legal import parse

DATA = Path(__file__).parent / "data"


def _pool() -> list[str]:
    return [c.text for c in build_pool(parse((DATA / "nd-fines.txt").read_text(encoding="utf-8")))]


def test_each_offence_under_a_fine_heading_is_said_with_its_fine() -> None:
    texts = _pool()
    assert "Hành vi chăn thả gia súc trên mái đê bị phạt tiền từ 500.000 đồng đến 1.000.000 đồng." in texts
    assert "Hành vi đổ rác thải trên mặt đê bị phạt tiền từ 500.000 đồng đến 1.000.000 đồng." in texts


def test_a_fine_written_before_its_offence_is_said_offence_first() -> None:
    assert "Hành vi đào đất trong phạm vi bảo vệ đê bị phạt tiền từ 2.000.000 đồng đến 5.000.000 đồng." in _pool()


def test_no_fine_without_its_offence_and_no_offence_without_its_fine() -> None:
    texts = _pool()
    assert not any(t.startswith("Phạt tiền") for t in texts)
    assert not any(t.startswith(("Chăn thả", "Đổ rác")) for t in texts), "a point of the list is not said alone"


def test_a_fine_on_whoever_acts_keeps_them_as_the_subject() -> None:
    from scripts.fines import _said

    assert _said("cá nhân có hành vi thả diều gần đường dây điện;", "Phạt tiền từ 200.000 đồng đến 500.000 đồng") == (
        "Cá nhân có hành vi thả diều gần đường dây điện bị phạt tiền từ 200.000 đồng đến 500.000 đồng."
    ), "never 'Hành vi cá nhân có hành vi …'"
