"""Issue 23, items met: the audit log filtered, paged, in Vietnamese with readable data and local
times; recurrence rules and priority classes said in Vietnamese, never raw."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient

from broadcaster.app.wording import action_name, detail_text, rule_text
from broadcaster.store.models import AuditEvent
from broadcaster.web.app import create_app
from tests.web.world import PASSWORD, build


def test_rules_and_priorities_in_vietnamese() -> None:
    assert rule_text("FREQ=WEEKLY;BYDAY=MO,TH") == "thứ Hai, thứ Năm hằng tuần"
    assert rule_text("FREQ=DAILY") == "hằng ngày"
    assert rule_text("") == "một lần"
    assert rule_text("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU") == "Chủ nhật mỗi 2 tuần"
    assert action_name("bulletin.approved") == "Phê duyệt bản tin"
    assert action_name("command.reboot") == "Lệnh tới loa: khởi động lại"
    said = detail_text({"previous": "in_review", "priority": "emergency", "zones": ["thon-1", "thon-2"], "comment": "Sai ngày"})
    assert said == "trước đó: chờ duyệt; mức ưu tiên: khẩn cấp; vùng: thon-1, thon-2; lý do trả lại: Sai ngày"
    assert detail_text({"previous": "on_air"}) == "trước đó: đang phát"  # every state, as the error messages say it


def test_bulletin_page_and_audit_log_say_codes_in_vietnamese_filtered_and_paged(tmp_path: Path) -> None:
    settings, store, approved, _draft = build(tmp_path)
    late = datetime.now(UTC).replace(hour=17, minute=30, second=0, microsecond=0) - timedelta(days=2)  # 00:30 local
    with store.session() as s:
        for i in range(60):
            s.add(
                AuditEvent(
                    at=late,
                    actor="BienTap" if i % 2 else "khac",
                    action="script.edited",
                    subject=f"bulletin:{i}",
                    detail={"language": "vi", "version": i},
                )
            )
    client = TestClient(create_app(settings, store))
    client.post("/dang-nhap", data={"username": "quantri", "password": PASSWORD})
    page = client.get(f"/ban-tin/{approved}").text
    booked = page.split('id="lich-da-dat"', 1)[1].split("</ul>", 1)[0]
    assert "hằng ngày" in booked and "(thường)" in booked and "FREQ" not in booked and "normal" not in booked

    log = client.get("/nhat-ky").text
    rows = log.split('id="nhat-ky"', 1)[1].split("</tbody>", 1)[0]
    assert rows.count("<tr>") == 50 + 1  # a page of 50 (and the header row)
    assert "Sửa kịch bản" in rows and "script.edited" not in rows.replace('data-code="script.edited"', "")
    assert "ngôn ngữ: vi; phiên bản: 59" in rows and "{&#39;" not in rows and "{'" not in rows
    local = late.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).strftime("%d/%m/%Y %H:%M")
    assert local in rows and local.endswith("00:30")
    assert "Trang sau" in log
    second = client.get("/nhat-ky?trang=2").text.split('id="nhat-ky"', 1)[1].split("</tbody>", 1)[0]
    assert second.count("<tr>") > 1 and "phiên bản: 59" not in second
    approvals = client.get("/nhat-ky?thao-tac=bulletin.approved").text.split('id="nhat-ky"', 1)[1].split("</tbody>", 1)[0]
    assert set(re.findall(r'data-code="([^"]+)"', approvals)) == {"bulletin.approved"}
    by_user = client.get("/nhat-ky?nguoi=bientap&thao-tac=script.edited").text.split('id="nhat-ky"', 1)[1]
    assert by_user.split("</tbody>", 1)[0].count("<tr>") == 30 + 1  # case-insensitive
    day = late.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    only_that_day = client.get(f"/nhat-ky?tu={day}&den={day}").text.split('id="nhat-ky"', 1)[1].split("</tbody>", 1)[0]
    assert set(re.findall(r'data-code="([^"]+)"', only_that_day)) == {"script.edited"}
    export = client.get("/nhat-ky.csv?thao-tac=bulletin.approved").content.decode("utf-8-sig")
    assert "Phê duyệt bản tin" in export and "script" not in export
