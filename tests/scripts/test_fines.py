"""A fine is said with the offence it punishes, the offence as subject: one offence, one sentence."""

from __future__ import annotations

from pathlib import Path

from scripts.choice import build_pool
from scripts.legal import parse
from tests.scripts.made_up import decision, units

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


OFFENDER_FIRST = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH

Số: 12/2027/QĐ-UBND

QUYẾT ĐỊNH
Quy định xử phạt về đốt rơm rạ trên địa bàn tỉnh

Điều 1. Mức phạt
1. Phạt tiền từ 2.000.000 đồng đến 3.000.000 đồng đối với hộ gia đình đốt rơm rạ gần khu dân cư.
2. Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với chủ rừng để cháy lan vào rừng phòng hộ.
3. Tổ chức vi phạm bị phạt tiền gấp hai lần mức phạt đối với cá nhân.
Điều 2. Hiệu lực thi hành
Quyết định này có hiệu lực từ ngày 01 tháng 5 năm 2027.
"""


def test_a_fine_on_a_named_offender_and_the_multiplier_for_organisations_reach_the_pool() -> None:
    texts = [c.text for c in build_pool(parse(OFFENDER_FIRST))]
    assert "Hộ gia đình đốt rơm rạ gần khu dân cư bị phạt tiền từ 2.000.000 đồng đến 3.000.000 đồng." in texts
    assert "Chủ rừng để cháy lan vào rừng phòng hộ bị phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng." in texts
    assert any(t.startswith("Tổ chức vi phạm bị phạt tiền gấp hai lần") for t in texts), texts


def test_a_fine_on_a_group_without_its_act_is_still_unlabelled() -> None:
    from scripts.listener import check

    for said in (
        "Cá nhân bị phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng.",
        "Hộ kinh doanh cá thể bị phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng.",
    ):
        assert [f.code for f in check(said)] == ["unlabelled_amount"], said
    assert [f.code for f in check("Tổ chức kiểm tra việc thu phí.")] == ["agency_work"]


def test_an_exception_inside_the_offence_is_closed_before_the_fine() -> None:
    from scripts.fines import _said

    said = _said(
        "người điều khiển xe mô tô trên đê không đội mũ bảo hiểm, trừ trường hợp chở người bệnh đi cấp cứu.",
        "Phạt tiền từ 400.000 đồng đến 600.000 đồng",
    )
    assert said == (
        "Người điều khiển xe mô tô trên đê không đội mũ bảo hiểm, trừ trường hợp chở người bệnh đi cấp cứu, bị phạt"
        " tiền từ 400.000 đồng đến 600.000 đồng."
    ), "never '… đi cấp cứu bị phạt tiền': the excepted heard as the ones fined"
    act = _said("hành vi đốt rơm rạ trên đồng, trừ trường hợp có phép của xã;", "Phạt tiền từ 200.000 đồng")
    assert act == "Hành vi đốt rơm rạ trên đồng, trừ trường hợp có phép của xã, bị phạt tiền từ 200.000 đồng."


HELMETS = """Điều 3. Vi phạm quy định về trật tự giao thông
1. Phạt tiền từ 400.000 đồng đến 600.000 đồng đối với người điều khiển xe mô tô thực hiện một trong các hành vi vi phạm sau đây:
a) Không đội mũ bảo hiểm khi điều khiển xe tham gia giao thông;
b) Chở người ngồi trên xe không đội mũ bảo hiểm, trừ trường hợp chở người bệnh đi cấp cứu, trẻ em dưới 06 tuổi.
2. Phạt tiền từ 2.000.000 đồng đến 3.000.000 đồng đối với hành vi đổ rác thải không đúng nơi quy định, trừ trường hợp vi phạm quy định tại khoản 3 Điều này.
3. Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi đổ trộm rác thải xây dựng ra đường phố.
4. Ngoài việc bị phạt tiền, người điều khiển xe thực hiện hành vi quy định tại khoản 1 Điều này còn bị trừ điểm giấy phép lái xe 02 điểm.
5. Trường hợp vi phạm lần thứ hai trở lên thì bị phạt tiền gấp đôi mức quy định tại khoản 1 Điều này.
"""


def test_an_offence_under_a_fine_on_a_named_holder_is_said_with_both_never_alone() -> None:
    """'Không đội mũ bảo hiểm …' alone is heard as an order not to wear one."""
    pool = [c.text for c in build_pool(decision("Quy định xử phạt vi phạm hành chính", HELMETS))]
    assert (
        "Người điều khiển xe mô tô không đội mũ bảo hiểm khi điều khiển xe tham gia giao thông bị phạt tiền từ 400.000 đồng "
        "đến 600.000 đồng." in pool
    )
    said = units("Quy định xử phạt vi phạm hành chính", HELMETS) + pool
    assert not any(s.startswith(("Không đội", "Chở người")) for s in said)


def test_what_only_a_reference_named_is_not_said_without_it() -> None:
    """'… trừ trường hợp vi phạm.', '… thực hiện hành vi còn bị trừ điểm …', '… gấp đôi mức.': the reference went, its
    noun stayed; nor is the fine said without its exception, wider than the law."""
    said = units("Quy định xử phạt vi phạm hành chính", HELMETS)
    assert not any("đổ rác thải không đúng nơi" in s for s in said)
    assert not any(s.rstrip(".").endswith(("trừ trường hợp vi phạm", "mức")) or "hành vi còn" in s for s in said)


def test_the_offences_under_a_fine_with_an_exception_are_never_said_as_the_exception() -> None:
    """ "Phạt tiền … đối với chủ vật nuôi có một trong các hành vi sau đây, trừ trường hợp …:" + "a) Không nhốt, xích
    chó dữ;" was "Phạt tiền … sau đây, trừ trường hợp không nhốt, xích chó dữ.": the offence heard as excepted."""
    for but in ("quy định tại khoản 3 Điều này", "chó đã được đeo rọ mõm"):
        body = (
            "Điều 7. Vi phạm quy định về nuôi chó\n"
            f"1. Phạt tiền từ 200.000 đồng đến 500.000 đồng đối với chủ vật nuôi có một trong các hành vi sau đây, trừ trường hợp {but}:\n"
            "a) Không nhốt, xích chó dữ;\nb) Để chó, mèo cắn người gây thương tích.\n"
            "2. Phạt tiền từ 1.000.000 đồng đến 3.000.000 đồng đối với hành vi để chó dữ cắn người gây tử vong.\n"
        )
        said = units("Quy định xử phạt vi phạm hành chính về thú y", body)
        said += [c.text for c in build_pool(decision("Quy định xử phạt vi phạm hành chính về thú y", body))]
        assert not any("sau đây" in s or "xích chó dữ" in s or "gây thương tích" in s for s in said), said
