"""Issue 23 #4: a speaker offline, a play missed, work waiting — under the console's bell and e-mailed
through a real SMTP server (aiosmtpd on 127.0.0.1) to those who chose that kind."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient

from broadcaster.app import notifications
from broadcaster.app.workflow import Actor, Role, submit
from broadcaster.store.models import AuditEvent, Bulletin, DeviceRow, PlannedPlay, PlayReport
from broadcaster.web.app import create_app
from devices.background import free_port
from tests.web.world import PASSWORD, build


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802 (aiosmtpd's name)
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))  # type: ignore[attr-defined]
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[int, Inbox]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


def _sign_in(client: TestClient, user: str) -> str:
    client.cookies.clear()
    return str(client.post("/api/session", json={"username": user, "password": PASSWORD}).json()["csrf"])


def _to(inbox: Inbox) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in inbox.messages:
        subject = str(m["Subject"])
        out.setdefault(str(m["To"]), []).append(subject)
    return out


def test_offline_missed_and_waiting_reach_the_bell_and_the_mailbox(tmp_path: Path, smtp: tuple[int, Inbox]) -> None:
    port, inbox = smtp
    settings, store, _approved, draft = build(tmp_path)
    settings.smtp_host, settings.smtp_port, settings.smtp_from = "127.0.0.1", port, "loa@xa-a.gov.vn"
    client = TestClient(create_app(settings, store))
    csrf = _sign_in(client, "canbo")
    bad = client.post("/thong-bao/cai-dat", data={"csrf": csrf, "email": "canbo at xa", "kinds": ["offline"]})
    assert bad.status_code == 400 and "không phải là địa chỉ thư điện tử" in bad.text and 'value="canbo at xa"' in bad.text
    saved = client.post("/thong-bao/cai-dat", data={"csrf": csrf, "email": "canbo@xa-a.gov.vn", "kinds": ["offline", "missed"]})
    assert saved.status_code == 200 and "Đã lưu cách nhận thông báo" in saved.text
    csrf = _sign_in(client, "pheduyet")
    client.post("/thong-bao/cai-dat", data={"csrf": csrf, "email": "duyet@tinh.gov.vn", "kinds": ["waiting"]})

    now = datetime.now(UTC)
    with store.session() as s:
        loa1 = s.get(DeviceRow, "loa-1")
        assert loa1 is not None
        loa1.online, loa1.last_seen = False, now - timedelta(minutes=3)  # was online, went away
        loa2 = s.get(DeviceRow, "loa-2")
        assert loa2 is not None
        loa2.online, loa2.last_seen = True, now
        s.add(
            PlannedPlay(
                item_id="p-1",
                zone_id="thon-1",
                commune="xa-a",
                bulletin_id="1",
                title="Tiêm chủng",
                starts_at=now - timedelta(minutes=20),
                duration_ms=60_000,
            )
        )
        s.add(
            PlayReport(
                device_id="loa-1",
                item_id="p-1",
                bulletin_id="1",
                sha256="0" * 64,
                started=now - timedelta(minutes=20),
                ended=now - timedelta(minutes=19),
                volume=70,
            )
        )
        s.add(
            PlannedPlay(
                item_id="p-2",
                zone_id="thon-1",
                commune="xa-a",
                bulletin_id="1",
                title="Chưa đến giờ",
                starts_at=now - timedelta(minutes=2),
                duration_ms=60_000,
            )
        )  # not missed yet: within grace
        # a play reported missed (amplifier off) by one speaker and failed (player hung) by the other
        s.add(PlannedPlay(item_id="p-3", zone_id="thon-1", commune="xa-a", bulletin_id="1", title="Phòng cháy",
                          starts_at=now - timedelta(minutes=30), duration_ms=60_000))  # fmt: skip
        s.add(PlayReport(device_id="loa-1", item_id="p-3", bulletin_id="1", sha256="0" * 64, started=now - timedelta(minutes=30),
                         ended=now - timedelta(minutes=29), volume=70, outcome="failed", played_ms=11_000))  # fmt: skip
        s.add(AuditEvent(actor="device:loa-2", action="device.missed", subject="item:p-3", detail={"reason": "amplifier_off"}))
        waiting = s.get(Bulletin, draft)
        assert waiting is not None
        submit(s, waiting, Actor("bientap", Role.EDITOR))
    made = notifications.scan(store, settings.timezone)
    assert notifications.send_pending(store, settings) == 5
    got = _to(inbox)
    assert sorted(got) == ["canbo@xa-a.gov.vn", "duyet@tinh.gov.vn"]
    assert sorted(got["canbo@xa-a.gov.vn"]) == [
        "[Loa truyền thanh] Loa loa-1 (Thon 1) mất kết nối",
        "[Loa truyền thanh] Loa loa-1 không phát “Phòng cháy”",
        "[Loa truyền thanh] Loa loa-2 không phát “Phòng cháy”",
        "[Loa truyền thanh] Loa loa-2 không phát “Tiêm chủng”",
    ]
    assert got["duyet@tinh.gov.vn"] == [f"[Loa truyền thanh] Bản tin #{draft} chờ phê duyệt"]
    # the same events again: nothing new, nothing mailed twice
    assert notifications.scan(store, settings.timezone) == 0 and notifications.send_pending(store, settings) == 0
    assert made == 10  # canbo 4 + quantri 4 (bell only, no address) + pheduyet 1 + quantri 1
    # another commune's official hears nothing; the bell lists what is theirs
    csrf = _sign_in(client, "canbo")
    page = client.get("/hom-nay").text
    assert 'id="bell-count">4<' in page
    bell = client.get("/thong-bao").text
    assert "Loa loa-1 (Thon 1) mất kết nối" in bell and "chờ phê duyệt" not in bell
    client.post("/thong-bao/da-doc", data={"csrf": csrf})
    assert 'id="bell-count"' not in client.get("/hom-nay").text
    # back online and gone again later: a new event, a new e-mail
    with store.session() as s:
        loa1 = s.get(DeviceRow, "loa-1")
        assert loa1 is not None
        loa1.last_seen = now
    notifications.scan(store, settings.timezone)
    assert notifications.send_pending(store, settings) == 1


def test_no_smtp_server_leaves_mail_pending_and_the_bell_works(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    settings.smtp_host, settings.smtp_port = "127.0.0.1", free_port()  # nobody listens
    notifications.save_prefs(store, Actor("canbo", Role.OFFICIAL, ("xa-a",)), "canbo@xa-a.gov.vn", ["offline"])
    with store.session() as s:
        loa1 = s.get(DeviceRow, "loa-1")
        assert loa1 is not None
        loa1.online = False
    assert notifications.scan(store, settings.timezone) == 2
    assert notifications.send_pending(store, settings) == 0
    assert notifications.unread(store, "canbo") == 1
    with pytest.raises(Exception, match="unknown notification kinds"):
        notifications.save_prefs(store, Actor("canbo", Role.OFFICIAL, ("xa-a",)), "", ["everything"])


def test_the_service_mails_a_speaker_shut_down(tmp_path: Path, smtp: tuple[int, Inbox], mosquitto_url: str) -> None:
    """End to end: the reference agent on Mosquitto stops cleanly; the running service marks it
    offline and its notify job e-mails the commune's official through the SMTP server."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from broadcaster.config import Settings
    from broadcaster.service.core import Service
    from devices.agent import Agent
    from devices.mqtt import MqttTransport
    from devices.players import NullPlayer
    from devices.protocol import Topics, Verifier, public_key
    from tests.conftest import wait_for

    port, inbox = smtp
    prefix = f"loa/notify-{time.time_ns()}"
    _settings, store, _approved, _draft = build(tmp_path)
    settings = Settings(
        data_dir=tmp_path / "data",
        topic_prefix=prefix,
        server_client_id=f"srv-{prefix}",
        media_port=free_port(),
        smtp_host="127.0.0.1",
        smtp_port=port,
        notify_every_s=1,
    )
    notifications.save_prefs(store, Actor("canbo", Role.OFFICIAL, ("xa-a",)), "canbo@xa-a.gov.vn", ["offline"])
    with store.session() as s:  # the world's other speaker is not part of this story
        other = s.get(DeviceRow, "loa-1")
        assert other is not None
        other.online, other.last_seen = False, None
    service = Service(settings, store, mosquitto_url).start()
    runner = threading.Thread(target=service.run_forever, kwargs={"handle_signals": False}, daemon=True)
    runner.start()
    agent = Agent(
        "loa-2",
        ("thon-1",),
        Verifier({service.signer.key_id: public_key(service.signer.public_b64())}, frozenset({"dev/loa-2", "zone/thon-1"})),
        tmp_path / "agent",
        lambda *_: None,
        ThreadPoolExecutor(1),
        topics=Topics(prefix),
        player=NullPlayer(),
    )
    try:
        transport = MqttTransport(agent, mosquitto_url).start()

        def online() -> bool:
            with store.session() as s:
                row = s.get(DeviceRow, "loa-2")
                return bool(row and row.online)

        assert wait_for(online, 10)
        time.sleep(1.5)
        assert inbox.messages == []  # online: nothing to say
        transport.stop()
        ok = wait_for(lambda: len(inbox.messages) == 1, 15)
        with store.session() as s:
            from broadcaster.store.models import Notification

            state = (online(), [(n.username, n.key, n.mail) for n in s.query(Notification)])
        assert ok, state
        assert _to(inbox) == {"canbo@xa-a.gov.vn": ["[Loa truyền thanh] Loa loa-2 (Thon 1) mất kết nối"]}
    finally:
        service.stop()
        runner.join(10)
