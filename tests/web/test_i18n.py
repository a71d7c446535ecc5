"""Every error a user can meet is said in Vietnamese: the catalogue, real failures, error pages."""

from __future__ import annotations

import ast
import logging
import re
import string
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from broadcaster.app.messages import CATALOGUE, ENGLISH_WORDS, Explained, explain, is_vietnamese, render
from broadcaster.errors import NotFound
from broadcaster.web.app import create_app
from devices.protocol import ProtocolError, Rejection
from schedules.model import ScheduleValueError
from tests.web.world import PASSWORD, build

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("broadcaster", "devices", "media", "tts", "schedules", "scripts")
CODE = re.compile(r"^(?:[a-z_]+(?:\.[a-z_0-9]+)+|not_found)$")
RAISES = re.compile(r"(Error|Denied|Refused|Required|NotFound|NoVoice|_problem)$")


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def codes_written_where_raised() -> dict[str, str]:
    """Every code the product writes where it raises or defines an error: `code=…`, an error's second
    argument, a class's `code = …`; with the first place each is written."""
    found: dict[str, str] = {}
    for package in PRODUCT:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                literals: list[ast.expr] = []
                if isinstance(node, ast.Call) and RAISES.search(_name(node.func)):
                    literals += node.args[1:2] + [k.value for k in node.keywords if k.arg == "code"]
                elif isinstance(node, ast.ClassDef):
                    literals += [
                        n.value for n in node.body if isinstance(n, ast.Assign) and [_name(t) for t in n.targets] == ["code"]
                    ]
                for literal in literals:
                    if isinstance(literal, ast.Constant) and isinstance(literal.value, str) and CODE.match(literal.value):
                        found.setdefault(literal.value, f"{path.relative_to(ROOT)}:{literal.lineno}")
    return found


def test_every_code_raised_has_a_vietnamese_message() -> None:
    written = codes_written_where_raised()
    assert len(written) >= 60, sorted(written)  # the scan sees the product's raises (it found 80 when written)
    missing = {code: where for code, where in written.items() if code not in CATALOGUE}
    assert not missing, missing


def test_real_refusals_carry_their_code_and_rewording_changes_nothing(tmp_path: Path) -> None:
    from datetime import date

    from broadcaster.app.workflow import Action, Actor, Role, WorkflowError, reason_of, require
    from broadcaster.cli.devices import load_agent_config
    from devices.broker import parse_mqtt_url
    from schedules.planner import Planner
    from tts.recorded import load_recording

    def said(call: Callable[[], object]) -> Explained:
        with pytest.raises(Exception) as caught:
            call()
        return explain(caught.value)

    broken = tmp_path / "device.toml"
    broken.write_text('device_id = "loa-1"\nzones ["thon-1"]\n', encoding="utf-8")
    partial = tmp_path / "partial.toml"
    partial.write_text('device_id = "loa-1"\nzones = ["thon-1"]\n', encoding="utf-8")
    mistyped = tmp_path / "mistyped.toml"
    mistyped.write_text(
        'device_id = "loa-1"\nzones = "thon-1"\nbroker = "mqtt://x"\n[trusted_keys]\nk1 = "ab"\n', encoding="utf-8"
    )
    cases = {
        "perm.role": said(lambda: require(Actor("bientap", Role.EDITOR), Action.APPROVE)),
        "workflow.reason_required": said(lambda: reason_of(" ab ", "an emergency")),
        "broker.bad_url": said(lambda: parse_mqtt_url("http://x")),
        "media.empty": said(lambda: load_recording(b"")),
        "schedule.no_days": said(lambda: Planner([], date.today(), 0)),
        "agent.config_unreadable": said(lambda: load_agent_config(tmp_path / "none.toml")),
        "agent.config_syntax": said(lambda: load_agent_config(broken)),
        "agent.config_missing": said(lambda: load_agent_config(partial)),
        "agent.config_bad_value": said(lambda: load_agent_config(mistyped)),
    }
    for code, explained in cases.items():
        assert explained.code == code, (code, explained)
        assert is_vietnamese(explained.text) and not ENGLISH_WORDS.search(explained.text), explained.text
    assert "phê duyệt" in cases["perm.role"].text and "dòng 2, cột 7" in cases["agent.config_syntax"].text
    assert "thiết lập: broker, trusted_keys." in cases["agent.config_missing"].text
    assert "thiết lập: zones (" in cases["agent.config_bad_value"].text
    reworded = explain(
        WorkflowError("any English at all", "workflow.bad_transition", bulletin=7, state="draft", target="approved")
    )
    assert reworded.text == "Bản tin số 7 đang ở trạng thái “bản nháp”, không thể chuyển sang “đã duyệt”."


def test_every_code_renders_in_vietnamese() -> None:
    for code, template in CATALOGUE.items():
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        params = {name: ("Tiếng Việt có dấu" if name == "text" else "7") for name in names}
        text = render(code, params)
        assert is_vietnamese(text), f"{code}: {text}"
        assert "{" not in text, f"{code} left a placeholder: {text}"


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
    for message in ("no booking 7", "no emergency 7", "no script for bulletin 7"):  # raised as NotFound: the type says it
        assert explain(NotFound(message)).code == "not_found", message
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
