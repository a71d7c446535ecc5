"""Issue 23 #2, the rules around the live microphone: who may speak, where, and the stream's secret."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from broadcaster.store.models import AuditEvent, Bulletin, ServiceTask
from broadcaster.web.app import create_app
from tests.web.world import PASSWORD, build


def _sign_in(client: TestClient, user: str) -> str:
    client.cookies.clear()
    return str(client.post("/api/session", json={"username": user, "password": PASSWORD}).json()["csrf"])


def test_only_officials_in_their_zones_and_admins_speak_live(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    for user in ("bientap", "pheduyet", "quansat"):
        csrf = _sign_in(client, user)
        assert client.get("/truc-tiep").status_code == 403, user
        asked = client.post("/truc-tiep", data={"csrf": csrf, "zones": "thon-1", "reason": "Hướng dẫn sơ tán"})
        assert asked.status_code == 403, user
    csrf = _sign_in(client, "canbo")
    assert client.post("/truc-tiep", data={"csrf": csrf, "zones": "thon-9", "reason": "Hướng dẫn sơ tán"}).status_code == 403
    none = client.post("/truc-tiep", data={"csrf": csrf, "reason": "Hướng dẫn sơ tán"})
    assert none.status_code == 400 and "Hãy chọn ít nhất một vùng phát" in none.text
    long = client.post("/truc-tiep", data={"csrf": csrf, "zones": "thon-1", "reason": "Hướng dẫn sơ tán", "minutes": "90"})
    assert long.status_code == 400 and "từ 1 đến 30 phút" in long.text
    with store.session() as s:
        assert not s.scalars(select(ServiceTask)).all() and not s.scalars(select(Bulletin).where(Bulletin.kind == "live")).all()

    opened = client.post(
        "/truc-tiep", data={"csrf": csrf, "zones": "thon-1", "reason": "Hướng dẫn sơ tán", "minutes": "5"}, follow_redirects=False
    )
    assert opened.status_code == 303
    bulletin_id = int(opened.headers["location"].rsplit("/", 1)[1])
    with store.session() as s:
        live = s.get(Bulletin, bulletin_id)
        assert live is not None and live.kind == "live" and live.state == "approved"
        url = str(live.stream_url)
        assert live.stream_duration_ms == 300_000
        task = s.scalars(select(ServiceTask)).one()
        assert task.kind == "emergency" and task.payload["zones"] == ["thon-1"]
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "live.started")).one().actor == "canbo"
    token = re.fullmatch(r"http://testserver/truc-tiep/luong/([\w-]{32})\.mp3", url)
    assert token, url
    assert client.get("/truc-tiep/luong/not-the-token.mp3").status_code == 404
    # the audio goes only with the session's CSRF token, and only into one's own session
    assert client.post(f"/truc-tiep/{bulletin_id}/am-thanh", content=b"x").status_code == 403
    admin = _sign_in(client, "quantri")
    theirs = client.post(f"/truc-tiep/{bulletin_id}/am-thanh", content=b"x", headers={"X-CSRF-Token": admin})
    assert theirs.status_code == 403
    csrf = _sign_in(client, "canbo")
    ended = client.post(f"/truc-tiep/{bulletin_id}/ket-thuc", headers={"X-CSRF-Token": csrf})
    assert ended.status_code == 200 and ended.json()["task"] == task.id
    late = client.post(f"/truc-tiep/{bulletin_id}/am-thanh", content=b"x", headers={"X-CSRF-Token": csrf})
    assert late.status_code == 409 and "đã kết thúc" in late.text
    with store.session() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "live.ended")).one().detail["zones"] == ["thon-1"]
