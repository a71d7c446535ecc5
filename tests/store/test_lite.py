"""`broadcaster plan` reads the store without SQLAlchemy (store.lite): the columns the models say,
the same plan as through the ORM, and the usual path wherever the light reader cannot be sure."""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from datetime import date, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import JSON, Boolean, Date, DateTime

from broadcaster.app import bulletins, relays
from broadcaster.app.airing import plan_rows
from broadcaster.app.planning import book, build_planner
from broadcaster.app.programmes import notice, submit_and_approve
from broadcaster.app.workflow import withdraw
from broadcaster.config import Settings
from broadcaster.store import lite
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import Approval, Base, BookingRow, Bulletin, ZoneRow
from tests.helpers import ADMIN, APPROVER, EDITOR, approved_bulletin, zone_with_devices

FIRST = date.today() + timedelta(days=1)


def test_each_record_reads_columns_of_its_table_as_the_models_type_them() -> None:
    readers = {JSON: lite._json, Date: date.fromisoformat, DateTime: lite._instant, Boolean: bool}
    for record, name in lite.TABLES.items():
        table = Base.metadata.tables[name]
        for field in fields(record):
            column = table.columns[field.name]
            assert lite._reader(str(field.type)) == readers.get(type(column.type)), (name, field.name)
            assert str(field.type).endswith(" | None") == bool(column.nullable), (name, field.name)


def _store(tmp_path: Path) -> tuple[Settings, Store]:
    settings = Settings(data_dir=tmp_path / "data")
    return settings, open_store(settings.database_url)


def test_the_plan_read_without_sqlalchemy_is_the_one_read_through_the_orm(tmp_path: Path) -> None:
    settings, store = _store(tmp_path)
    zone_with_devices(store, "thon-a", "xa-a", [time(7, 0), time(17, 30)], ["loa-a"], minutes=40)
    zone_with_devices(store, "ban-b", "xa-b", [time(6, 0), time(11, 0)], ["loa-b"], minutes=40)
    with store.session() as s:
        zone = s.get(ZoneRow, "ban-b")
        assert zone is not None
        zone.languages, zone.timezone = ["vi", "hmn"], "Asia/Bangkok"
    kept = approved_bulletin(store, settings, "Lịch tiêm phòng", "Bà con đưa gia súc đi tiêm.")
    edited = approved_bulletin(store, settings, "Phòng cháy rừng", "Không đốt nương khi trời hanh khô.")
    bulletins.save_script(store, EDITOR, edited, ["Câu mới chưa duyệt."])  # its approval stays on air
    gone = approved_bulletin(store, settings, "Tin đã rút", "Câu cũ.")
    relay = relays.relay(store, settings, EDITOR, "Tiếp sóng VOV1", "https://radio.example.vn/vov1/live.mp3", 30)
    submit_and_approve(store, relay, EDITOR, APPROVER)
    draft = notice(store, settings, EDITOR, "Bản nháp", "Chưa ai duyệt.")
    with store.session() as s:
        book(s, ADMIN, kept, ["thon-a", "ban-b"], FIRST, rule="FREQ=DAILY", slot="07:00")
        book(s, ADMIN, kept, ["ban-b"], FIRST, rule="FREQ=WEEKLY;BYDAY=MO,TH", slot="11:00")
        book(s, ADMIN, edited, ["thon-a"], FIRST + timedelta(days=2), slot="17:30")
        book(s, ADMIN, gone, ["thon-a"], FIRST, rule="FREQ=DAILY", slot="17:30")
        book(s, ADMIN, relay, ["ban-b"], FIRST + timedelta(days=1), slot="06:00")
        book(s, ADMIN, kept, ["thon-a"], FIRST, rule="FREQ=DAILY", slot="07:00").withdrawn = True
        for bulletin, slot in ((draft, "17:30"), (kept, "25:99")):  # stored before the checks
            s.add(BookingRow(bulletin_id=bulletin, zones=["thon-a"], starts_on=FIRST, slot=slot, created_by="x"))
        withdraw(s, s.get(Bulletin, gone), EDITOR, "Không còn đúng")

    with store.session() as s:
        orm = build_planner(s, FIRST, 7).plan()
    with lite.open_rows(settings.database_url) as rows:
        light = plan_rows(rows, FIRST, 7).plan()
    assert light.items == orm.items and light.rejections == orm.rejections
    assert {i.bulletin_id for i in orm.items} == {str(kept), str(edited), str(relay)}
    assert {i.zone for i in orm.items if i.bulletin_id == str(relay)} == {"ban-b"}
    assert [r.code for r in orm.rejections if r.booking == "8"] == ["booking.skipped"]  # the "25:99" row
    assert any(i.starts_at.astimezone(ZoneInfo("Asia/Bangkok")).hour == 6 for i in orm.items if i.zone == "ban-b")


def test_what_the_light_reader_cannot_be_sure_of_is_left_to_the_usual_path(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    for url in (f"sqlite:///{missing}", "postgresql://localhost/test", "sqlite://", f"sqlite:///{missing}?mode=ro"):
        with pytest.raises(lite.NeedsFullRead), lite.open_rows(url):
            pass
    assert not missing.exists()  # the usual path creates and migrates a new store

    settings, store = _store(tmp_path)
    zone_with_devices(store, "thon-a", "xa-a", [time(7, 0)], ["loa-a"], minutes=40)
    bulletin = approved_bulletin(store, settings)
    with store.session() as s:
        book(s, ADMIN, bulletin, ["thon-a"], FIRST, rule="FREQ=DAILY", slot="07:00")
        approval = s.get(Approval, s.get(Bulletin, bulletin).approval_id)  # type: ignore[union-attr]
        assert approval is not None
        approval.media = None  # as approvals were before they recorded their audio
    with lite.open_rows(settings.database_url) as rows, pytest.raises(lite.NeedsFullRead):
        plan_rows(rows, FIRST, 7)
    with store.session() as s:
        assert len(build_planner(s, FIRST, 7).plan().items) == 7  # the ORM's legacy check plans it

    path = lite.sqlite_path(settings.database_url)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'older'")
    with pytest.raises(lite.NeedsFullRead), lite.open_rows(settings.database_url):
        pass
