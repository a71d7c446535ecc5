"""Issue 23, point 10 and small items met: each with the behaviour it asks for."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from broadcaster.app import bookings, relays
from broadcaster.app.approval import approve
from broadcaster.app.workflow import submit
from broadcaster.store.models import Bulletin
from broadcaster.web.app import create_app
from scripts.spoken import normalize
from tests.helpers import ADMIN, APPROVER, EDITOR, zone_with_devices
from tests.web.world import PASSWORD, build

TZ = "Asia/Ho_Chi_Minh"


def signed_in(client: TestClient, user: str) -> None:
    assert client.post("/dang-nhap", data={"username": user, "password": PASSWORD}, follow_redirects=False).status_code == 303


@pytest.mark.parametrize(
    "typed",
    ["Liên hệ số 0912.345.678 để biết thêm.", "Liên hệ số 0912-345-678 để biết thêm.", "Liên hệ số 0912345678 để biết thêm."],
)
def test_a_telephone_number_in_a_notice_is_read_digit_by_digit(typed: str) -> None:
    assert normalize(typed) == "Liên hệ số không chín một hai ba bốn năm sáu bảy tám để biết thêm."


def test_the_relay_page_neither_reads_its_url_nor_asks_to_listen(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    signed_in(client, "bientap")
    form = client.get("/chuong-trinh/moi").text
    csrf = form.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    made = client.post(
        "/chuong-trinh/tiep-song",
        data={"csrf": csrf, "title": "VOV1", "url": "https://radio.example.vn/vov1.mp3", "minutes": "15"},
    )
    assert made.status_code == 200
    assert "hãy nghe lại" not in made.text and "Đọc:" not in made.text
    assert "kiểm tra địa chỉ luồng" in made.text
    assert "hát tê tê pê" not in made.text and "chấm" not in made.text.split("<main", 1)[-1]


def test_a_fifteen_minute_relay_is_refused_in_a_ten_minute_slot(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    zone_with_devices(store, "thon-ngan", "xa-a", [time(6, 0)], ["loa-n"], minutes=10)
    zone_with_devices(store, "thon-dai", "xa-a", [time(6, 0)], ["loa-d"], minutes=20)
    relay = relays.relay(store, settings, EDITOR, "VOV1", "https://radio.example.vn/vov1.mp3", 15)
    with store.session() as s:
        bulletin = s.get(Bulletin, relay)
        submit(s, bulletin, EDITOR)
        approve(s, bulletin, APPROVER)
    now = datetime.now(UTC)
    tomorrow = now.astimezone(ZoneInfo(TZ)).date() + timedelta(days=1)
    with store.session() as s:
        with pytest.raises(bookings.BookingRefused) as refused:
            bookings.create(s, ADMIN, bookings.Ask(relay, ("thon-ngan",), tomorrow, "06:00"), now, TZ)
        assert [p.code for p in refused.value.problems] == ["slot.overrun"]  # "Khung giờ 06:00 … bị vượt 5 phút"
        assert refused.value.problems[0].params["minutes"] == 5
    with store.session() as s:
        bookings.create(s, ADMIN, bookings.Ask(relay, ("thon-dai",), tomorrow, "06:00"), now, TZ)  # 20 minutes: fits


def test_up_and_serve_listen_on_the_http_port_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """BROADCASTER_HTTP_PORT is honoured when --port is not given; --port still wins."""
    import argparse

    import uvicorn

    import broadcaster.service.core as core
    from broadcaster.cli import service
    from broadcaster.config import load

    heard: list[int] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: heard.append(kw["port"]))

    class Quiet:
        mqtt_url, media_base_url, runner = "mqtt://127.0.0.1:1883", "http://127.0.0.1:1/", None

        def __init__(self, *args: object) -> None: ...
        def __enter__(self) -> Quiet:
            return self

        def __exit__(self, *exc: object) -> None: ...
        def run_forever(self, **kw: object) -> None: ...

    monkeypatch.setattr(core, "Service", Quiet)
    settings = load(None, {"BROADCASTER_DATA_DIR": str(tmp_path / "data"), "BROADCASTER_HTTP_PORT": "8123"})
    parser = argparse.ArgumentParser()
    service.register(parser.add_subparsers())
    for argv in (["up"], ["serve"], ["up", "--port", "9000"]):
        args = parser.parse_args(argv)
        args.func(args, settings)
    assert heard == [8123, 8123, 9000]


def test_sign_in_says_no_admin_exists_and_names_are_case_and_space_insensitive(tmp_path: Path) -> None:
    from broadcaster.config import Settings
    from broadcaster.store.engine import open_store
    from broadcaster.store.models import User

    settings, store, _approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    assert 'id="chua-co-quan-tri"' not in client.get("/dang-nhap").text  # the world has an admin
    assert (
        client.post("/dang-nhap", data={"username": "  BienTap ", "password": PASSWORD}, follow_redirects=False).status_code
        == 303
    )
    assert "Nguyễn Văn Biên" in client.get("/hom-nay").text
    fresh = Settings(data_dir=tmp_path / "fresh")
    empty = TestClient(create_app(fresh, open_store(fresh.database_url)))
    notice = empty.get("/dang-nhap").text.split('id="chua-co-quan-tri"', 1)[1].split("</div>", 1)[0]
    assert "Chưa có tài khoản quản trị" in notice and "broadcaster user add admin --role admin" in notice
    # an admin cannot make "BienTap" next to bientap
    signed_in(client, "quantri")
    csrf = client.get("/quan-tri").text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    twin = client.post(
        "/quan-tri/nguoi-dung",
        data={"csrf": csrf, "username": "BienTap", "password": "mat-khau-rat-dai", "role": "editor"},
    )
    assert twin.status_code == 409
    with store.session() as s:
        assert s.query(User).filter(User.username.ilike("bientap")).count() == 1


def test_spreadsheets_with_vietnamese_headings_and_time_cells_import_and_every_error_of_a_row_is_said(tmp_path: Path) -> None:
    import io
    from datetime import time as clock

    from openpyxl import Workbook

    from broadcaster.store.models import ZoneRow
    from broadcaster.web import admin_io
    from broadcaster.web.spreadsheets import read_table

    settings, store, approved, _draft = build(tmp_path)
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã vùng", "Tên", "Xã", "Khung giờ", "Giờ yên tĩnh", "Ngôn ngữ", "Tối đa lượt/ngày"])
    sheet.append(["thon-moi", "Thôn Mới", "xa-a", clock(6, 30), "21:30-05:30", "vi", 8])
    out = io.BytesIO()
    book.save(out)
    with store.session() as s:
        added, _updated = admin_io.import_zones(s, read_table("vung.xlsx", out.getvalue(), "vung"))
        assert added == 1
    with store.session() as s:
        zone = s.get(ZoneRow, "thon-moi")
        assert zone is not None and zone.slots == [{"start": "06:30", "minutes": 15.0}] and zone.max_plays_per_day == 8

    bad_devices = "Mã loa,Vùng,Tên\nloa moi!,khong-co,Loa\n".encode()
    with store.session() as s, pytest.raises(admin_io.ImportRefused) as refused:
        admin_io.import_devices(s, read_table("loa.csv", bad_devices, "loa"))
    assert [line for line, _ in refused.value.problems] == [2, 2]  # both problems of the row

    bookings_sheet = Workbook()
    rows = bookings_sheet.active
    rows.append(["Bản tin", "Vùng", "Từ ngày", "Khung giờ", "Loại"])
    tomorrow = datetime.now(ZoneInfo(TZ)).date() + timedelta(days=1)
    rows.append([approved, "thon-1", tomorrow, clock(7, 0), "Thường"])
    rows.append(["mười", "thon-1", "32/13/2026", "7 giờ", "Thường"])
    out = io.BytesIO()
    bookings_sheet.save(out)
    parsed = read_table("lich.xlsx", out.getvalue(), "lich")
    with store.session() as s, pytest.raises(admin_io.ImportRefused) as refused:
        admin_io.import_bookings(s, parsed, ADMIN, datetime.now(UTC), TZ)
    problems = refused.value.problems
    assert [line for line, _ in problems] == [3, 3, 3], problems  # row 2 is fine; row 3 has three problems


@pytest.mark.parametrize("user", ["bientap", "pheduyet", "biendich", "quansat", "canbo", "quantri"])
def test_no_role_is_shown_a_form_it_would_be_refused(tmp_path: Path, user: str) -> None:
    """Every POST form on the pages a role opens is one its role may send (no 403 behind a button)."""
    import re

    from broadcaster.app.workflow import PERMISSIONS, Action, Role
    from tests.web.world import USERS

    settings, store, approved, draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    signed_in(client, user)
    role = Role(USERS[user][0])
    needs = {"/dat-lich": Action.BOOK, "/lich-phat/": Action.BOOK, "/huy": Action.BOOK, "/sua": Action.EDIT}
    needs |= {"/rut": Action.WITHDRAW, "/thu-am": Action.EDIT, "/gui-duyet": Action.SUBMIT, "/duyet": Action.APPROVE}
    pages = ["/", "/hom-nay", f"/ban-tin/{approved}", f"/ban-tin/{draft}", "/lich", "/lich-phat", "/loa", "/dich"]
    shown = set()
    for path in pages:
        page = client.get(path)
        if page.status_code == 200:
            shown |= set(re.findall(r'<form[^>]*method="post"[^>]*action="([^"]+)"', page.text))
            shown |= {a for a in re.findall(r'href="([^"]+)"', page.text) if a.endswith("/dat-lich") or "/lich-phat/" in a}
    for action in shown:
        for marker, needed in needs.items():
            if marker in action and not (marker == "/sua" and "/lich-phat/" in action):
                assert needed in PERMISSIONS[role], (user, action)
