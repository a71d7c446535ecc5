"""The officials' command line: zones, devices, bookings, the programme table, playlists, CAP."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import feedparser
import m3u8
import pytest

from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from tests.helpers import approved_bulletin
from tests.schedules.test_cap_and_outputs import cap


def cli(env: dict[str, str], *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "broadcaster.cli", *args], capture_output=True, text=True, env=env, timeout=120)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    prefix = f"loa/cli-{int(time.time() * 1000)}"
    return {
        **os.environ,
        "BROADCASTER_DATA_DIR": str(tmp_path / "data"),
        "BROADCASTER_TOPIC_PREFIX": prefix,
        "BROADCASTER_SERVER_CLIENT_ID": f"srv-{prefix}",
        "BROADCASTER_MEDIA_PORT": "0",
    }


def test_book_plan_and_playlists(env: dict[str, str], tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    bulletin = approved_bulletin(open_store(settings.database_url), settings, "Lịch tiêm phòng")
    cli(env, "zone", "add", "thon-3", "--name", "Thôn 3", "--commune", "xa-a", "--slots", "07:00,17:30", "--slot-minutes", "15")
    cli(env, "device", "add", "loa-301", "--zone", "thon-3")
    # A fortnight that starts on a Tuesday a week from now, so the dates are never past.
    start = date.today() + timedelta(days=7 + (1 - date.today().weekday()) % 7)
    until = start + timedelta(days=13)
    expected = [start + timedelta(days=n) for n in (2, 6, 9, 13)]  # Thu, Mon, Thu, Mon
    out = cli(
        env,
        "book",
        str(bulletin),
        "--zones",
        "thon-3",
        "--weekly",
        "MO,TH",
        "--start",
        start.isoformat(),
        "--until",
        until.isoformat(),
        "--slot",
        "17:30",
    )
    assert "đã đặt lịch" in out.stdout
    table = cli(env, "plan", "--zone", "thon-3", "--days", "14", "--start", start.isoformat()).stdout
    rows = [line for line in table.splitlines() if line[:4].isdigit()]
    assert [r.split()[0] for r in rows] == [d.isoformat() for d in expected]
    assert all(" 17:30:00 " in r and " thường " in r and "Lịch tiêm phòng" in r for r in rows)
    bad = cli(env, "book", str(bulletin), "--zones", "thon-9", ok=False)
    assert bad.returncode == 2 and "Không có vùng phát: thon-9" in bad.stderr
    for rule in ("FREQ=SOMETIMES", "FREQ=SECONDLY", "FREQ=BOGUS"):
        refused = cli(env, "book", str(bulletin), "--zones", "thon-3", "--rule", rule, ok=False)
        assert refused.returncode == 2 and f"Quy tắc lặp lại “{rule}”" in refused.stderr
    assert cli(env, "book", str(bulletin), "--zones", "thon-3", "--priority", "emergency", ok=False).returncode == 2
    official = cli(env, "user", "add", "canbo-b", "--role", "official", "--communes", "xa-b", "--password", "mat-khau-dai")
    assert official.returncode == 0
    denied = cli(env, "book", str(bulletin), "--zones", "thon-3", "--as", "canbo-b", ok=False)
    assert denied.returncode == 2 and "không phải xã xa-a" in denied.stderr
    m3u = cli(env, "playlist", "--station", "xa-a", "--format", "m3u", "--days", "60").stdout
    assert m3u.startswith("#EXTM3U") and len(m3u8.loads(m3u).segments) >= 1 or m3u.strip() == "#EXTM3U"
    xspf = cli(env, "playlist", "--station", "thon-3", "--format", "xspf").stdout
    assert "http://xspf.org/ns/0/" in xspf
    podcast = feedparser.parse(cli(env, "podcast", "--commune", "xa-a").stdout)
    assert podcast.entries[0].title == "Lịch tiêm phòng" and podcast.entries[0].enclosures[0].type == "audio/mpeg"
    past = cli(env, "book", str(bulletin), "--zones", "thon-3", "--start", "2020-01-01", "--slot", "09:15", ok=False)
    assert past.returncode == 2 and "Ngày 01/01/2020 đã qua" in past.stderr and "không có khung giờ 09:15" in past.stderr
    listed = cli(env, "booking", "list").stdout
    # the rule and the class as the console says them
    assert "Lịch tiêm phòng" in listed and "thứ Hai, thứ Năm hằng tuần" in listed and " thường" in listed
    edited = cli(env, "booking", "edit", "1", "--slot", "07:00", "--weekly", "TU")
    assert "đã sửa lịch phát #1" in edited.stdout
    assert cli(env, "booking", "cancel", "1", "--reason", "", ok=False).returncode == 2
    cli(env, "booking", "cancel", "1", "--reason", "đổi lịch")
    assert "(đã hủy)" in cli(env, "booking", "list", "--all").stdout


@pytest.mark.slow
def test_cap_import_exercise_and_alert(env: dict[str, str], tmp_path: Path, mosquitto_url: str) -> None:
    cli(env, "zone", "add", "ban-1", "--commune", "xa-a", "--quiet", "")
    cli(env, "device", "add", "loa-b1", "--zone", "ban-1")
    exercise = tmp_path / "exercise.xml"
    exercise.write_bytes(cap("ex-1", status="Exercise"))
    out = cli(env, "cap", "import", str(exercise)).stdout
    assert "Exercise" in out and "không phát" in out
    alert = tmp_path / "alert.xml"
    expires = (datetime.now(UTC) + timedelta(days=30)).astimezone(timezone(timedelta(hours=7))).isoformat(timespec="seconds")
    alert.write_bytes(cap("real-1", expires=expires))  # not expired: it plays
    out = cli(env, "cap", "import", str(alert)).stdout
    assert "khẩn cấp" in out
    again = cli(env, "cap", "import", str(alert)).stdout
    assert "đang chờ dịch vụ phát" in again  # pending until the service carries the emergency out: not queued twice
    cancel = tmp_path / "cancel.xml"
    cancel.write_bytes(cap("real-2", msg_type="Cancel", references="kttv@nchmf.gov.vn,real-1,2026-09-20T10:00:00+07:00"))
    out = cli(env, "cap", "import", str(cancel)).stdout
    assert "đã hủy" in out and "rút 1" in out
    invalid = tmp_path / "invalid.xml"
    invalid.write_bytes(b"<alert>nope</alert>")
    bad = cli(env, "cap", "import", str(invalid), ok=False)
    assert bad.returncode == 2 and "not a CAP 1.2 alert" in bad.stderr
