"""CAP end to end against the store (issue 13.6): pending until delivered, chains, expiry, languages, export."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from broadcaster.app import tasks
from broadcaster.app.cap_export import emergency_alerts
from broadcaster.app.cap_import import CapState, import_alert
from broadcaster.app.planning import build_planner, record_emergency
from broadcaster.app.workflow import Actor, Role
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import BookingRow, Bulletin, CapRecord, ServiceTask, ZoneRow
from schedules.cap import parse_cap
from tests.helpers import approved_bulletin
from tests.schedules.test_cap_and_outputs import cap

DATA = Path(__file__).parents[1] / "schedules" / "data"
OASIS = sorted(DATA.glob("oasis-*.xml"))
NOW = datetime(2026, 9, 20, 3, 0, tzinfo=UTC)  # 10:00 in Hà Nội, before the test alerts expire
SENDER = "kttv@nchmf.gov.vn"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Settings, Store]]:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    with store.session() as s:
        s.add(
            ZoneRow(
                id="ban-1",
                name="Bản 1",
                commune="xa-a",
                slots=[{"start": "07:00", "minutes": 15}, {"start": "17:30", "minutes": 15}],
                quiet=[],
                languages=["vi", "hnj"],
            )
        )
    yield settings, store


def record(store: Store, identifier: str) -> CapRecord:
    with store.session() as s:
        row = s.get(CapRecord, f"{SENDER},{identifier}")
        assert row is not None
        s.expunge(row)
        return row


def settle_task(store: Store, task_id: int, error: str = "") -> None:
    with store.session() as s:
        tasks.finish(s, task_id, error=error)


def test_the_four_oasis_appendix_examples_parse(world: tuple[Settings, Store]) -> None:
    assert [p.name for p in OASIS] == [
        "oasis-a1-homeland-security.xml",
        "oasis-a2-severe-thunderstorm.xml",
        "oasis-a3-earthquake-update.xml",
        "oasis-a4-amber-multilingual.xml",
    ]
    alerts = [parse_cap(p.read_bytes()) for p in OASIS]
    assert [a.msg_type for a in alerts] == ["Alert", "Alert", "Update", "Alert"]
    assert [i.language for i in alerts[3].infos] == ["en-US", "es-US"]
    assert alerts[2].references == ("trinet@caltech.edu,TRI13970876.1",)


def test_oasis_examples_go_to_editors_for_translation_never_rejected_nor_played(world: tuple[Settings, Store]) -> None:
    settings, store = world
    said = {p.name: import_alert(store, settings, p.read_bytes(), [], NOW) for p in OASIS}
    assert "đã hết hạn" in said["oasis-a2-severe-thunderstorm.xml"]  # <expires> 2003
    for name in ("oasis-a1-homeland-security.xml", "oasis-a3-earthquake-update.xml", "oasis-a4-amber-multilingual.xml"):
        assert "không có nội dung tiếng Việt" in said[name] and "chưa phát" in said[name]
    with store.session() as s:
        states = {r.key.split(",")[1]: r.state for r in s.query(CapRecord)}
        drafts = s.query(Bulletin).all()
        assert s.query(BookingRow).count() == 0 and s.query(ServiceTask).count() == 0
    assert states == {
        "43b080713727": CapState.REVIEW,
        "KSTO1055887203": CapState.EXPIRED,
        "TRI13970876.2": CapState.REVIEW,
        "KAR0-0306112239-SW": CapState.REVIEW,
    }
    assert all(b.state == "draft" and "cần dịch" in b.flagged for b in drafts) and len(drafts) == 3


def test_an_emergency_is_pending_until_delivered_and_retryable(world: tuple[Settings, Store]) -> None:
    """Issue 13.6: delivery failed once (broker down) used to leave it "already received" for ever."""
    settings, store = world
    data = cap("lu-1")
    assert "khẩn cấp" in import_alert(store, settings, data, [], NOW)
    first = record(store, "lu-1")
    assert first.state == CapState.PENDING and first.task_id is not None
    assert "đang chờ" in import_alert(store, settings, data, [], NOW)  # not queued twice
    settle_task(store, first.task_id, error="broker 127.0.0.1:1883 unreachable")
    assert "khẩn cấp" in import_alert(store, settings, data, [], NOW)  # retried: a new task
    second = record(store, "lu-1")
    assert second.state == CapState.PENDING and second.task_id not in (None, first.task_id)
    settle_task(store, second.task_id)  # type: ignore[arg-type]
    assert "đã được nhận" in import_alert(store, settings, data, [], NOW)
    assert record(store, "lu-1").state == CapState.DELIVERED


def test_exercise_is_recorded_never_played(world: tuple[Settings, Store]) -> None:
    settings, store = world
    assert "không phát" in import_alert(store, settings, cap("tap-1", status="Exercise"), [], NOW)
    assert record(store, "tap-1").state == CapState.RECORDED
    with store.session() as s:
        assert s.query(ServiceTask).count() == 0 and s.query(Bulletin).count() == 0


def test_a_cancel_listing_the_whole_chain_withdraws_the_live_update(world: tuple[Settings, Store]) -> None:
    settings, store = world
    expected = {"urgency": "Expected", "severity": "Severe"}
    import_alert(store, settings, cap("a1", **expected), [], NOW)
    refs_a1 = f"{SENDER},a1,2026-09-20T10:00:00+07:00"
    import_alert(store, settings, cap("a2", msg_type="Update", references=refs_a1, **expected), [], NOW)
    live = record(store, "a2").bulletin_id
    assert record(store, "a1").state == CapState.CANCELLED and record(store, "a2").state == CapState.DELIVERED
    chain = f"{refs_a1} {SENDER},a2,2026-09-20T10:05:00+07:00"
    said = import_alert(store, settings, cap("a3", msg_type="Cancel", references=chain), [], NOW)
    assert "đã hủy" in said and "rút 1 bản tin" in said
    with store.session() as s:
        assert s.get(Bulletin, live).state == "withdrawn"  # type: ignore[union-attr]
        stops = [t for t in s.query(ServiceTask) if t.kind == "stop"]
        assert [t.payload["body"]["bulletin"] for t in stops] == [str(live)]
        plan = build_planner(s, NOW.date(), 3).plan()
    assert plan.items == []


def test_an_expired_alert_is_never_played_nor_in_the_podcast(
    world: tuple[Settings, Store], capsys: pytest.CaptureFixture[str]
) -> None:
    settings, store = world
    said = import_alert(store, settings, cap("cu-1", expires="2026-09-20T09:00:00+07:00"), [], NOW)
    assert "đã hết hạn" in said and record(store, "cu-1").state == CapState.EXPIRED
    # an alert that expires later: booked until its expiry, then no longer offered in the podcast
    import_alert(store, settings, cap("moi-1", urgency="Expected", severity="Severe"), [], NOW)
    with store.session() as s:
        assert s.query(ServiceTask).count() == 0
        [row] = s.query(BookingRow).all()
        assert row.until_at is not None
    from broadcaster.cli.schedule import cmd_podcast

    cmd_podcast(argparse.Namespace(commune="xa-a", self_url=None), settings)
    assert "Cảnh báo lũ quét" not in capsys.readouterr().out  # expired at 18:00 on 20/09/2026, now is later


def test_multilingual_alert_vietnamese_first_other_languages_kept(world: tuple[Settings, Store]) -> None:
    settings, store = world
    data = cap("nn-1", urgency="Expected", severity="Severe").replace(
        b"</alert>",
        b"<info><language>en-US</language><category>Met</category><event>Flash flood</event><urgency>Expected</urgency>"
        b"<severity>Severe</severity><certainty>Observed</certainty><headline>Flash flood warning</headline></info></alert>",
    )
    assert "đã đặt" in import_alert(store, settings, data, [], NOW)
    with store.session() as s:
        bulletin = s.get(Bulletin, record(store, "nn-1").bulletin_id)
        assert bulletin is not None and bulletin.state == "scheduled"
    assert "Flash flood warning" in record(store, "nn-1").document  # kept, not spoken: no zone speaks English


def test_our_emergencies_export_as_cap_1_2(world: tuple[Settings, Store]) -> None:
    settings, store = world
    bulletin = approved_bulletin(store, settings, "Cảnh báo cháy rừng & khói")
    fired = datetime(2026, 11, 23, 8, 30, 12, tzinfo=UTC)
    with store.session() as s:
        record_emergency(s, Actor("quantri", Role.ADMIN), bulletin, ["ban-1"], fired)
    with store.session() as s:
        [(booking, xml)] = emergency_alerts(s, "ubnd-xa-a@example.vn")
    alert = parse_cap(xml)
    assert (alert.status, alert.msg_type, alert.scope, alert.sender) == ("Actual", "Alert", "Public", "ubnd-xa-a@example.vn")
    assert alert.sent == fired and b"<sent>2026-11-23T08:30:12-00:00</sent>" in xml
    assert alert.identifier == f"loa-emergency-{booking}"
    info = alert.info("vi")
    assert info is not None and info.language == "vi-VN" and info.headline == "Cảnh báo cháy rừng & khói"
    assert info.areas == ("Bản 1, xa-a",) and info.priority.name == "EMERGENCY"
    since = fired + timedelta(seconds=1)
    with store.session() as s:
        assert emergency_alerts(s, "x@y", since) == []


def test_a_vi_and_en_alert_for_a_zone_listing_en_is_not_dropped(world: tuple[Settings, Store]) -> None:
    """Issue 22 #13: 'unknown language code en' cost the whole alert; a second-language track never does."""
    settings, store = world
    with store.session() as s:
        zone = s.get(ZoneRow, "ban-1")
        assert zone is not None
        zone.languages = ["vi", "en"]
    data = cap("en-1", urgency="Expected", severity="Severe").replace(
        b"</alert>",
        b"<info><language>en-US</language><category>Met</category><event>Flash flood</event><urgency>Expected</urgency>"
        b"<severity>Severe</severity><certainty>Observed</certainty><headline>Flash flood warning</headline>"
        b"<instruction>Move to higher ground.</instruction></info></alert>",
    )
    assert "đã đặt" in import_alert(store, settings, data, [], NOW)
    with store.session() as s:
        bulletin = s.get(Bulletin, record(store, "en-1").bulletin_id)
        assert bulletin is not None and bulletin.state == "scheduled"
    assert record(store, "en-1").state == CapState.DELIVERED
    assert "Move to higher ground." in record(store, "en-1").document


def test_an_emergency_from_a_cap_alert_exports_its_content_and_a_cancel_once_withdrawn(world: tuple[Settings, Store]) -> None:
    """Issue 22 #13: the export keeps the imported alert's category, certainty, instruction and
    languages, a withdrawn emergency is exported as a Cancel referencing the Alert, and both
    validate against the CAP 1.2 XSD."""
    from lxml import etree

    from broadcaster.app import bookings
    from broadcaster.app.cap_export import cap_documents

    schema = etree.XMLSchema(etree.parse(str(DATA / "CAP-v1.2.xsd")))
    settings, store = world
    data = cap("ex-1", urgency="Expected", severity="Severe", certainty="Likely")
    assert "đã đặt" in import_alert(store, settings, data, [], NOW)
    bulletin_id = record(store, "ex-1").bulletin_id
    assert bulletin_id is not None
    admin = Actor("quantri", Role.ADMIN)
    fired = datetime(2026, 9, 20, 3, 30, tzinfo=UTC)
    with store.session() as s:
        booking = record_emergency(s, admin, bulletin_id, ["ban-1"], fired)
        s.flush()
        booking_id = booking.id
    with store.session() as s:
        [(b, xml, cancel)] = [d for d in cap_documents(s, "ubnd@xa") if d[0] == booking_id]
    assert not cancel and schema.validate(etree.fromstring(xml)), schema.error_log.last_error
    alert = parse_cap(xml)
    assert [i.language for i in alert.infos] == ["vi-VN", "hnj"]  # every language kept
    vi = alert.infos[0]
    assert (vi.categories, vi.certainty, vi.urgency, vi.severity) == (("Met",), "Likely", "Expected", "Severe")
    assert vi.instruction == "Di chuyển lên vùng cao." and "Di chuyển" not in vi.description  # not folded in
    with store.session() as s:
        bookings.cancel(s, admin, booking_id, "báo nhầm, đã hết nguy cơ")
    with store.session() as s:
        documents = [(x, c) for b2, x, c in cap_documents(s, "ubnd@xa") if b2 == booking_id]
    assert [c for _, c in documents] == [False, True]
    withdrawn = documents[1][0]
    assert schema.validate(etree.fromstring(withdrawn)), schema.error_log.last_error
    read = parse_cap(withdrawn)
    assert read.msg_type == "Cancel" and read.references == (f"ubnd@xa,loa-emergency-{booking_id}",)
    assert read.infos[0].instruction == "Di chuyển lên vùng cao." and read.sent > alert.sent
