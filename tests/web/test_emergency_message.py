"""Issue 23 #1: an official types or records a warning and it plays now, approved on their word,
audited, the approvers told, and reviewed after. The form checks the zone first."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from broadcaster.store.models import Approval, AuditEvent, Bulletin, MediaAsset, Notification, ServiceTask
from broadcaster.web.app import create_app
from tests.web.world import PASSWORD, build

WARNING = "Nước sông đang lên nhanh. Bà con thôn một di chuyển ngay lên nhà văn hóa xã."


def _client(tmp_path: Path) -> tuple[TestClient, object]:
    settings, store, _approved, _draft = build(tmp_path)
    return TestClient(create_app(settings, store)), store


def _sign_in(client: TestClient, user: str) -> str:
    client.cookies.clear()
    return str(client.post("/api/session", json={"username": user, "password": PASSWORD}).json()["csrf"])


def test_typed_warning_is_checked_first_heard_then_played_and_reviewed_after(tmp_path: Path) -> None:
    client, store = _client(tmp_path)
    csrf = _sign_in(client, "canbo")
    form = client.get("/khan-cap").text
    assert "checked" not in form.split('id="em-zones"', 1)[1].split("</div>\n", 1)[0]  # no zone ticked
    assert not re.search(r"<option value=\"\d+\"[^>]* selected", form)  # no bulletin pre-selected
    assert '<option value="">— Chọn bản tin —</option>' in form

    def bulletins() -> int:
        with store.session() as s:  # type: ignore[attr-defined]
            return len(s.scalars(select(Bulletin).where(Bulletin.kind == "emergency")).all())

    # no zone: refused on the form, before any confirmation, what was typed kept
    no_zone = client.post("/khan-cap", data={"csrf": csrf, "source": "text", "text": WARNING, "reason": "Lũ quét sắp tới"})
    assert no_zone.status_code == 400 and "Hãy chọn ít nhất một vùng phát" in no_zone.text
    assert "Xác nhận lần hai" not in no_zone.text and WARNING in no_zone.text and bulletins() == 0
    short = client.post("/khan-cap", data={"csrf": csrf, "source": "text", "text": WARNING, "zones": "thon-1", "reason": "lũ"})
    assert short.status_code == 400 and "ít nhất 5 ký tự" in short.text and bulletins() == 0
    other = client.post(
        "/khan-cap", data={"csrf": csrf, "source": "text", "text": WARNING, "zones": "thon-9", "reason": "Lũ quét sắp tới"}
    )
    assert other.status_code == 403 and bulletins() == 0
    nothing = client.post("/khan-cap", data={"csrf": csrf, "source": "bulletin", "zones": "thon-1", "reason": "Lũ quét sắp tới"})
    assert nothing.status_code == 400 and "Xác nhận lần hai" not in nothing.text

    step = client.post(
        "/khan-cap", data={"csrf": csrf, "source": "text", "text": WARNING, "zones": "thon-1", "reason": "Lũ quét sắp tới"}
    )
    assert step.status_code == 200 and "Xác nhận lần hai" in step.text and "Thon 1" in step.text
    media = re.search(r'id="em-preview" controls preload="metadata" src="/media/([0-9a-f]{64}\.mp3)"', step.text)
    assert media, step.text
    assert client.get(f"/media/{media.group(1)}").status_code == 200
    composed = int(re.search(r'name="composed" value="(\d+)"', step.text).group(1))  # type: ignore[union-attr]
    with store.session() as s:  # type: ignore[attr-defined]
        b = s.get(Bulletin, composed)
        assert b.kind == "emergency" and b.state == "draft"  # nothing plays before the second step
        asset = s.scalars(select(MediaAsset).where(MediaAsset.bulletin_id == composed)).one()
        assert abs(asset.loudness_lufs - (-16.0)) < 1.0
        assert not s.scalars(select(ServiceTask)).all()

    # someone else cannot fire the official's draft
    admin_csrf = _sign_in(client, "pheduyet")
    stolen = client.post(
        "/khan-cap",
        data={"csrf": admin_csrf, "composed": composed, "zones": "thon-1", "reason": "Lũ quét sắp tới", "confirm": "yes"},
    )
    assert stolen.status_code == 403

    csrf = _sign_in(client, "canbo")
    fired = client.post(
        "/khan-cap",
        data={"csrf": csrf, "composed": composed, "zones": "thon-1", "reason": "Lũ quét sắp tới", "confirm": "yes"},
        follow_redirects=False,
    )
    assert fired.status_code == 303 and re.fullmatch(r"/lenh/\d+", fired.headers["location"])
    with store.session() as s:  # type: ignore[attr-defined]
        b = s.get(Bulletin, composed)
        assert b.state == "approved"
        assert [a.approver for a in s.scalars(select(Approval).where(Approval.bulletin_id == composed))] == ["canbo"]
        approved = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "bulletin.approved", AuditEvent.subject == f"bulletin:{composed}")
        ).one()
        assert approved.actor == "canbo" and approved.detail["review_after"] is True
        task = s.scalars(select(ServiceTask)).one()
        assert task.kind == "emergency" and task.payload["bulletin"] == composed and task.payload["zones"] == ["thon-1"]
        told = {n.username for n in s.scalars(select(Notification).where(Notification.kind == "emergency"))}
        assert told == {"pheduyet", "quantri"}
    status = client.get(f"{fired.headers['location']}/tinh-trang").json()
    assert status["state"] == "pending" and status["settled"] is False
    assert {r["id"] for r in status["speakers"]} == {"loa-1", "loa-2"}

    # reviewed after, by an approver, never by its author
    assert client.post(f"/khan-cap/xem-lai/{composed}", data={"csrf": csrf}).status_code == 403
    csrf = _sign_in(client, "pheduyet")
    assert 'id="bell-count">1<' in client.get("/hom-nay").text
    assert "1 tin khẩn cấp đã phát cần xem lại" in client.get("/hom-nay").text
    listed = client.get("/khan-cap/xem-lai").text
    assert f'id="b{composed}"' in listed and "Nước sông đang lên nhanh" in listed
    assert client.post(f"/khan-cap/xem-lai/{composed}", data={"csrf": csrf, "note": "Đúng"}).status_code == 200
    assert f'id="b{composed}"' not in client.get("/khan-cap/xem-lai").text


def test_only_officials_and_admins_write_emergency_messages(tmp_path: Path) -> None:
    client, _store = _client(tmp_path)
    for user in ("bientap", "pheduyet", "quansat", "biendich"):
        csrf = _sign_in(client, user)
        assert client.get("/khan-cap").status_code == 403, user
        asked = client.post(
            "/khan-cap", data={"csrf": csrf, "source": "text", "text": WARNING, "zones": "thon-1", "reason": "Lũ quét sắp tới"}
        )
        assert asked.status_code == 403, user
    csrf = _sign_in(client, "quantri")
    step = client.post(
        "/khan-cap", data={"csrf": csrf, "source": "text", "text": WARNING, "zones": "thon-9", "reason": "Lũ quét sắp tới"}
    )
    assert step.status_code == 200 and "Xác nhận lần hai" in step.text
