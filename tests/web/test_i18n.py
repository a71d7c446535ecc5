"""Every error a user can meet is said in Vietnamese: the catalogue, real failures, error pages."""

from __future__ import annotations

import logging
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from broadcaster.app.messages import CATALOGUE, ENGLISH_WORDS, PATTERNS, explain, is_vietnamese, render
from broadcaster.web.app import create_app
from devices.protocol import ProtocolError, Rejection
from schedules.model import ScheduleValueError
from tests.web.world import PASSWORD, build

# One real English message per pattern, as the stages raise them.
SAMPLES = {
    "bulletin 1 is draft; cannot go to approved": "workflow.bad_transition",
    "bulletin 3 is withdrawn; it cannot be edited": "workflow.not_editable",
    "bulletin 3 is draft: only approved bulletins may be delivered": "workflow.not_playable",
    "bulletin 3 changed after approval: it must be approved again": "workflow.changed_after_approval",
    "no bulletin 99": "workflow.no_bulletin",
    "a script needs at least one sentence": "workflow.empty_script",
    "type at least one translated sentence": "workflow.empty_translation",
    "the bulletin has no Vietnamese script": "workflow.no_vietnamese",
    "the console is not connected to the broadcasting service": "workflow.no_service",
    "quantri edited this version; another approver must sign it off": "workflow.self_approval",
    "no voice for rad": "workflow.no_voice",
    "a withdrawal needs a reason of at least five characters": "workflow.reason_required",
    "bulletin 4 has no audio of its current scripts: render it first, an approval binds": "workflow.not_rendered",
    "bulletin 4 changed after you opened it (you saw 1a011bbda864, it is now 1eea62e9bece)": "workflow.stale_bundle",
    "the approval must name the version you reviewed (field 'bundle'); reload the page": "workflow.bundle_missing",
    "canbo (official) may not read the audit log": "perm.audit",
    "bientap (editor) may not approve": "perm.role",
    "biendich (translator) may not open the page /loa": "perm.page",
    "canbo may not see task 12": "perm.task",
    "canbo may act only in their own communes, not in xa-b": "perm.commune",
    "biendich does not translate jra": "perm.language",
    "canbo may see the calendars of their own communes only": "perm.own_communes",
    "only an admin may manage users": "perm.admin",
    "too many failed sign-ins; wait five minutes": "perm.signin_limit",
    "'7h' is not a time of day (HH:MM)": "schedule.not_a_time",
    "unknown zones: thon-x, thon-y": "schedule.unknown_zones",
    "booking 4 names unknown zones: thon-x": "schedule.unknown_zones",
    "the booking ends before it starts": "schedule.ends_before_start",
    "'2026-13-01 – x' is not a date (YYYY-MM-DD)": "schedule.not_a_date",
    "weekdays must be among MO,TU,WE,TH,FR,SA,SU, not 'XX'": "schedule.bad_weekdays",
    "unknown priority 'urgent': use normal, priority or emergency": "schedule.bad_priority",
    "booking 5: invalid RRULE 'FREQ=SOMETIMES' (bad freq)": "schedule.bad_rrule",
    "plan at least one day": "schedule.no_days",
    "choose at least one zone": "schedule.no_zone",
    "the volume must be 0–100": "control.volume",
    "say whether to switch the amplifier on or off": "control.power",
    "not a readable audio file (ffmpeg found no audio stream)": "media.unreadable",
    "ffmpeg could not encode mp3: Invalid argument": "media.encode_failed",
    "cannot store media in data/media: No space left on device; free disk space and try again": "media.store_failed",
    "(sqlite3.OperationalError) database is locked": "store.unavailable",
    "the upload is empty or truncated": "media.empty",
    "the recording is 0.4 s long; record at least 1 s": "media.too_short",
    "the recording is 31 min long; the limit is 30 min": "media.too_long",
    "the recording is silent: check the microphone and record again": "media.silent",
    "no zone thon-x": "not_found",
    "no task 999": "not_found",
    "agent config broken.toml lacks zones, broker, trusted_keys": "agent.config_missing",
    "agent config a.toml has a wrong value for zones, player": "agent.config_bad_value",
    "cannot create the agent data_dir /var/lib/loa: Permission denied": "agent.data_dir",
    "cannot read agent config a.toml: Expected '=' after a key in a key/value pair (at line 1, column 5)": "agent.config_syntax",
    "cannot read agent config a.toml: [Errno 2] No such file or directory: 'a.toml'": "agent.config_unreadable",
    "trusted key k1 is not an Ed25519 public key: Incorrect padding": "agent.bad_key",
    "cannot reach the MQTT broker at mqtt://127.0.0.1:1: Connection refused": "broker.unreachable",
    "the MQTT broker at mqtt://loa-1:***@127.0.0.1:1883 refused the connection: Not authorized": "broker.not_authorized",
    "the MQTT broker at mqtt://127.0.0.1:1883 refused the connection: no answer": "broker.no_answer",
    "the MQTT broker at mqtt://127.0.0.1:1883 refused the connection: Server unavailable": "broker.refused",
    "not an MQTT URL: 'http://x' (expected mqtt://HOST:PORT)": "broker.bad_url",
    "mosquitto is not installed (apt-get install mosquitto)": "broker.no_mosquitto",
    "mosquitto did not start on 1884: Error: Address already in use": "broker.not_started",
    "an emergency message needs a text or a recording": "emergency.no_content",
    "choose what to play: type a warning, record one, or pick an approved bulletin": "emergency.no_content",
    "canbo did not write emergency message 4": "emergency.not_yours",
    "'canbo at xa' is not an e-mail address": "notify.email",
    "a live broadcast lasts 1–30 minutes": "live.minutes",
    "the live stream has ended": "live.ended",
}


def test_every_code_renders_in_vietnamese() -> None:
    for code, template in CATALOGUE.items():
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        params = {name: ("Tiếng Việt có dấu" if name == "text" else "7") for name in names}
        text = render(code, params)
        assert is_vietnamese(text), f"{code}: {text}"
        assert "{" not in text, f"{code} left a placeholder: {text}"


def test_every_pattern_is_reached_by_a_real_message() -> None:
    reached = set()
    for message, code in SAMPLES.items():
        said = explain(ValueError(message))
        assert said.code == code, f"{message!r} gave {said.code}"
        assert is_vietnamese(said.text) and not ENGLISH_WORDS.search(said.text), said.text
        reached.add(said.code)
    assert {code for _, code in PATTERNS} <= reached  # no dead pattern
    state = explain(ValueError("bulletin 1 is draft; cannot go to approved"))
    assert state.params == {"bulletin": "1", "state": "draft", "target": "approved"}
    assert "bản nháp" in state.text and "đã duyệt" in state.text


def test_protocol_rejections_and_unknown_errors() -> None:
    for reason in Rejection:
        said = explain(ProtocolError(reason, "x"))
        assert said.code == f"protocol.{reason.value}" and is_vietnamese(said.text)
    unknown = explain(RuntimeError("something nobody foresaw happened"))
    assert unknown.code == "error.other" and is_vietnamese(unknown.text)

    class Coded(Exception):  # an error that carries its code and parameters
        code, params = "media.too_short", {"seconds": "0.4", "minimum": "1"}

    coded = explain(Coded("anything in English"))
    assert coded.code == "media.too_short" and coded.text == "Bản ghi chỉ dài 0.4 giây; hãy ghi ít nhất 1 giây."
    assert explain(ScheduleValueError("Giờ 12:00 không phải khung giờ của vùng")).text.startswith("Giờ 12:00")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    tmp: Path = tmp_path_factory.mktemp("i18n")
    settings, store, _approved, _draft = build(tmp)
    app = create_app(settings, store)

    @app.get("/api/hong", include_in_schema=False)
    def broken() -> None:
        raise RuntimeError("an English crash message")

    @app.get("/hong", include_in_schema=False)
    def broken_page() -> None:
        raise RuntimeError("an English crash message")

    yield TestClient(app, raise_server_exceptions=False)


def sign_in(client: TestClient, user: str) -> str:
    client.cookies.clear()
    return str(client.post("/api/session", json={"username": user, "password": PASSWORD}).json()["csrf"])


def visible_text(html: str) -> str:
    import re

    body = html.split("<main>", 1)[-1]
    return re.sub(r"<[^>]+>", " ", body)


def test_error_pages_are_vietnamese_html(client: TestClient) -> None:
    sign_in(client, "bientap")
    for path, method, status in (
        ("/khong-co-trang-nay", "GET", 404),
        ("/ban-tin/999", "GET", 404),
        ("/hom-nay", "POST", 405),
        ("/hong", "GET", 500),
        ("/quan-tri/khong-co", "GET", 404),
    ):
        response = client.request(method, path)
        assert response.status_code == status, path
        assert response.headers["content-type"].startswith("text/html"), path
        text = visible_text(response.text)
        assert is_vietnamese(text), f"{path}: {text[:300]}"
        assert "English crash" not in text and "Not Found" not in text and "Method Not Allowed" not in text


def test_not_found_lookups_all_have_a_code(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    """A missing task, booking or media file is a Vietnamese 404 and never logged as untranslated."""
    sign_in(client, "quantri")
    with caplog.at_level(logging.INFO, logger="broadcaster.app.messages"):
        for path in ("/lenh/999999", "/media/khong-co.mp3", "/api/tasks/999999"):
            response = client.get(path)
            assert response.status_code == 404, path
            assert "Không tìm thấy" in response.text, path
    assert not [r for r in caplog.records if "no Vietnamese message" in r.getMessage()], caplog.text
    for message in ("no booking 7", "no emergency 7", "no script for bulletin 7"):
        assert explain(LookupError(message)).code == "not_found", message
    assert explain(LookupError("anything else"), fallback="not_found").code == "not_found"


def test_api_errors_are_json_with_code_and_vietnamese(client: TestClient) -> None:
    client.cookies.clear()
    unauth = client.get("/api/bulletins")
    assert unauth.status_code == 401 and unauth.json()["code"] == "signin.required"
    csrf = sign_in(client, "bientap")
    response = client.post("/api/bulletins/2/approve", json={"bundle": "0" * 64}, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "perm.role" and body["params"]["action"] == "approve"
    assert is_vietnamese(body["error"]) and "phê duyệt" in body["error"]
    csrf = sign_in(client, "pheduyet")
    response = client.post("/api/bulletins/2/approve", json={"bundle": "0" * 64}, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 409 and response.json()["code"] == "workflow.bad_transition"
    assert client.get("/api/hong").json()["code"] == "http.500"
    missing = client.post("/api/bookings", json={"zones": []}, headers={"X-CSRF-Token": csrf})
    assert missing.status_code == 422 and is_vietnamese(missing.json()["error"])
    assert client.get("/api/khong-co").json()["code"] == "http.404"


def test_expired_session_on_a_form_post_returns_to_the_page(client: TestClient) -> None:
    client.cookies.clear()
    response = client.post(
        "/ban-tin/2/sua",
        data={"sentence": "Câu đang sửa"},
        headers={"referer": "http://testserver/ban-tin/2"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/dang-nhap?next=/ban-tin/2&")  # the page, not the POST address
    page = client.get(response.headers["location"]).text
    assert 'value="/ban-tin/2"' in page and "Phiên làm việc đã hết hạn" in page


def test_the_cli_says_workflow_errors_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from broadcaster.cli import main

    settings, _store, _approved, draft = build(tmp_path)
    config = tmp_path / "loa.toml"
    config.write_text(f'data_dir = "{settings.data_dir.as_posix()}"\n', encoding="utf-8")
    from datetime import date, timedelta

    later = (date.today() + timedelta(days=7)).isoformat()  # a slot not yet gone: the draft is what is refused
    code = main(
        ["--config", str(config), "book", str(draft), "--zones", "thon-1", "--slot", "07:00", "--start", later, "--as", "quantri"]
    )
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err == f"Lỗi: Bản tin số {draft} đang ở trạng thái “bản nháp”: chỉ bản tin đã duyệt mới được phát.", err
