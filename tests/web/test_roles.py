"""Role-shaped pages: each role sees its own menus and buttons; destructive actions need a reason."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from broadcaster.app.workflow import Actor, Role, create_bulletin, submit
from broadcaster.web.app import create_app
from broadcaster.web.ui import MENU, menu_for
from tests.web.world import PASSWORD, USERS, build


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, int, int, int]]:
    tmp: Path = tmp_path_factory.mktemp("roles")
    settings, store, approved, draft = build(tmp)
    with store.session() as s:
        editor = Actor("bientap", Role.EDITOR)
        bulletin = create_bulletin(
            s,
            editor,
            "Quy định mới về đốt rơm rạ",
            None,
            "vi",
            "x",
            [{"text": "Cấm đốt rơm rạ gần đường.", "source": None}, {"text": "Phạt tiền từ 1 triệu đồng.", "source": None}],
        )
        s.flush()
        review = bulletin.id
    from broadcaster.app import bulletins

    bulletins.save_script(
        store,
        Actor("bientap", Role.EDITOR),
        review,
        ["Cấm đốt rơm rạ gần đường quốc lộ.", "Phạt tiền từ 1 triệu đồng.", "Liên hệ công an xã."],
    )
    with store.session() as s:
        submit(s, bulletins.get_bulletin(s, review), Actor("bientap", Role.EDITOR))
    yield TestClient(create_app(settings, store)), approved, draft, review


def sign_in(client: TestClient, user: str) -> str:
    client.cookies.clear()
    response = client.post("/api/session", json={"username": user, "password": PASSWORD})
    return str(response.json()["csrf"])


def nav(html: str) -> list[str]:
    block = html.split("<nav>", 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', block)


@pytest.mark.parametrize("user", sorted(USERS))
def test_each_role_sees_only_its_menu(world: tuple[TestClient, int, int, int], user: str) -> None:
    client, *_ = world
    sign_in(client, user)
    role = Role(USERS[user][0])
    landing = client.get("/hom-nay" if role is not Role.TRANSLATOR else "/dich")
    assert landing.status_code == 200
    assert nav(landing.text) == [href for href, _ in menu_for(role)]
    hidden = {href for href, _, roles in MENU if role not in roles}
    for href in hidden - {"/"}:  # what is hidden is also refused, or redirected to the landing page
        response = client.get(href, follow_redirects=False)
        assert response.status_code in (303, 403) or href in ("/lich", "/hom-nay"), (user, href, response.status_code)


def test_translator_lands_on_their_tasks_only(world: tuple[TestClient, int, int, int]) -> None:
    client, *_ = world
    sign_in(client, "biendich")
    assert client.get("/", follow_redirects=False).headers["location"] == "/dich"
    tasks = client.get("/dich").text
    assert "Ê Đê" in tasks or "rad" in tasks
    assert client.get("/nhat-ky").status_code == 403


def test_buttons_follow_the_role(world: tuple[TestClient, int, int, int]) -> None:
    client, _approved, _draft, review = world
    sign_in(client, "bientap")
    page = client.get(f"/ban-tin/{review}").text
    assert "Phê duyệt</button>" not in page and "Lưu chỉnh sửa" in page
    sign_in(client, "pheduyet")
    page = client.get(f"/ban-tin/{review}").text
    assert "Phê duyệt</button>" in page and "Lưu chỉnh sửa" not in page and "Gửi duyệt" not in page
    sign_in(client, "canbo")
    page = client.get(f"/ban-tin/{review}").text
    assert "Phê duyệt</button>" not in page and "Rút khỏi mọi lịch phát" not in page and "<textarea" not in page


def test_official_cannot_open_another_commune(world: tuple[TestClient, int, int, int]) -> None:
    client, *_ = world
    sign_in(client, "canbo")
    refused = client.get("/lich?zone=thon-9")
    assert refused.status_code == 403 and "của xã mình" in refused.text
    assert client.get("/api/zones/thon-9/programme").status_code == 403
    own = client.get("/lich?zone=thon-1")
    assert own.status_code == 200 and "Thon 9" not in own.text
    assert "loa-9" not in client.get("/loa").text and "loa-1" in client.get("/loa").text


def test_audit_and_addresses(world: tuple[TestClient, int, int, int]) -> None:
    client, *_ = world
    sign_in(client, "quantri")
    admin = client.get("/api/audit").json()
    assert admin and all("address" in e for e in admin)
    assert "Địa chỉ IP" in client.get("/nhat-ky").text
    sign_in(client, "canbo")
    official = client.get("/api/audit").json()
    assert official and all("address" not in e for e in official)
    assert {e["action"] for e in official} <= {"booking.created", "user.signed_in", "emergency.fired", "emergency.requested"}
    assert all(e["subject"] != "user:quantri" for e in official)
    assert "Địa chỉ IP" not in client.get("/nhat-ky").text
    for user in ("bientap", "pheduyet", "biendich", "quansat"):
        sign_in(client, user)
        assert client.get("/api/audit").status_code == 403, user
        assert client.get("/nhat-ky.csv").status_code == 403, user


def test_withdraw_needs_a_reason_and_asks_first(world: tuple[TestClient, int, int, int]) -> None:
    client, approved, _draft, _review = world
    csrf = sign_in(client, "pheduyet")
    page = client.get(f"/ban-tin/{approved}").text
    assert 'data-confirm="Rút bản tin' in page and 'name="reason" required' in page
    empty = client.post(f"/ban-tin/{approved}/rut", data={"csrf": csrf, "reason": "  "})
    assert empty.status_code == 409 and "lý do" in empty.text
    with client.app.state.store.session() as s:  # type: ignore[attr-defined]
        from broadcaster.store.models import Bulletin

        assert s.get(Bulletin, approved).state != "withdrawn"  # type: ignore[union-attr]
    csrf = sign_in(client, "canbo")
    no_reason = client.post("/khan-cap", data={"csrf": csrf, "bulletin": str(approved), "zones": "thon-1"})
    assert no_reason.status_code == 400 and "Hãy ghi lý do" in no_reason.text  # on the form, what was chosen kept
    step = client.post(
        "/khan-cap", data={"csrf": csrf, "bulletin": str(approved), "zones": "thon-1", "reason": "Lũ quét sắp tới"}
    )
    assert step.status_code == 200 and "Xác nhận lần hai" in step.text and "Lũ quét sắp tới" in step.text


def test_approver_reads_a_per_sentence_diff(world: tuple[TestClient, int, int, int]) -> None:
    client, _approved, _draft, review = world
    sign_in(client, "pheduyet")
    assert f"/cho-duyet/{review}" in client.get("/cho-duyet").text
    page = client.get(f"/cho-duyet/{review}").text
    assert "gần <del>đường.</del> <ins>đường quốc lộ.</ins>" in page
    assert "<ins>Liên hệ công an xã.</ins>" in page and "câu mới" in page
    assert "<strong>2</strong> câu thay đổi" in page
    sign_in(client, "bientap")
    assert client.get(f"/cho-duyet/{review}").status_code == 403
