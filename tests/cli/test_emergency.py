"""`broadcaster emergency` asks for a reason by the console's rule, in the console's words."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from broadcaster.app.messages import render
from broadcaster.cli import main
from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from broadcaster.store.models import AuditEvent, ServiceTask, User
from broadcaster.store.passwords import hash_password
from broadcaster.web.app import create_app
from tests.helpers import approved_bulletin, zone_with_devices

PASSWORD = "mat-khau-an-toan"


def test_the_cli_refuses_a_three_character_reason_like_the_console(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings, "Thông báo khẩn")
    zone_with_devices(store, "thon-1", "xa-a", [], ["loa-1"])
    with store.session() as s:
        s.add(User(username="canbo", role="official", communes=["xa-a"], password_hash=hash_password(PASSWORD)))
    monkeypatch.setenv("BROADCASTER_DATA_DIR", str(settings.data_dir))
    ask = ["emergency", str(bulletin), "--zones", "thon-1", "--as", "canbo", "--wait", "0", "--reason"]

    assert main([*ask, " lũ "]) == 2  # three characters once the spaces go
    said = capsys.readouterr().err.strip()
    client = TestClient(create_app(settings, store))
    csrf = client.post("/api/session", json={"username": "canbo", "password": PASSWORD}).json()["csrf"]
    console = client.post("/khan-cap", data={"csrf": csrf, "bulletin": str(bulletin), "zones": "thon-1", "reason": "lũ"})
    api = client.post(
        "/api/emergency", json={"bulletin": bulletin, "zones": ["thon-1"], "reason": "lũ"}, headers={"X-CSRF-Token": csrf}
    )
    sentence = render("workflow.reason_required")
    assert said == f"Lỗi: {sentence}"
    assert console.status_code == 400 and sentence in html.unescape(console.text)  # on the form, kept as typed
    assert api.status_code == 409 and api.json()["code"] == "workflow.reason_required", api.text
    with store.session() as s:
        assert s.scalars(select(ServiceTask)).all() == []

    assert main([*ask, "lũ quét"]) == 0  # five characters and more: queued, and the reason is audited
    with store.session() as s:
        assert len(s.scalars(select(ServiceTask)).all()) == 1
        audited = s.scalars(select(AuditEvent).where(AuditEvent.action == "emergency.requested")).one()
        assert audited.detail["reason"] == "lũ quét" and audited.actor == "canbo"
