"""How the console says stored codes in Vietnamese: audit actions and their data, recurrence
rules (RFC 5545) and priority classes. Nothing here changes what is stored."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from broadcaster.app.messages import STATES

PRIORITY_NAMES = {"normal": "thường", "priority": "ưu tiên", "emergency": "khẩn cấp"}

ACTION_NAMES = {
    "bulletin.created": "Tạo bản tin",
    "bulletin.draft": "Trả bản tin về bản nháp",
    "bulletin.in_review": "Gửi duyệt / chờ duyệt lại",
    "bulletin.approved": "Phê duyệt bản tin",
    "bulletin.scheduled": "Xếp lịch bản tin",
    "bulletin.rejected": "Trả lại bản tin",
    "bulletin.withdrawn": "Rút bản tin khỏi lịch phát",
    "bulletin.flagged": "Đánh dấu bản tin cần xem lại",
    "bulletin.render_failed": "Tạo âm thanh không thành công",
    "script.edited": "Sửa kịch bản",
    "recording.uploaded": "Tải bản ghi âm bản dịch",
    "media.uploaded": "Tải tệp âm thanh",
    "programme.created": "Tạo chương trình",
    "document.ingested": "Nhập văn bản",
    "document.uploaded": "Tải văn bản lên",
    "document.drafted": "Soạn bản tin từ văn bản",
    "document.auto_draft": "Tự động soạn bản tin",
    "booking.created": "Đặt lịch phát",
    "booking.edited": "Sửa lịch phát",
    "booking.cancelled": "Hủy lịch phát",
    "booking.override_confirmed": "Xác nhận đặt lịch chồng",
    "emergency.requested": "Yêu cầu phát khẩn cấp",
    "emergency.fired": "Phát khẩn cấp",
    "cap.received": "Nhận cảnh báo CAP",
    "cap.approved": "Duyệt tự động cảnh báo CAP",
    "cap.needs_translation": "Cảnh báo CAP cần dịch",
    "cap.retried": "Gửi lại cảnh báo CAP",
    "user.created": "Tạo người dùng",
    "user.updated": "Sửa người dùng",
    "user.password_reset": "Đặt lại mật khẩu",
    "user.disabled": "Khóa tài khoản",
    "user.enabled": "Mở khóa tài khoản",
    "user.signed_in": "Đăng nhập",
    "commune.saved": "Lưu xã",
    "zone.saved": "Lưu vùng phát",
    "zone.timetable": "Lưu lịch ampli, âm lượng",
    "device.saved": "Lưu thiết bị loa",
    "device.retired": "Cho loa ngừng hoạt động",
    "device.credentials_issued": "Cấp mật khẩu kết nối cho loa",
    "device.credentials_rotated": "Đổi mật khẩu kết nối của loa",
    "device.missed": "Loa không phát",
    "device.rejected": "Loa từ chối lệnh",
    "service.resync": "Đồng bộ lại loa",
    "import.loa": "Nhập tệp thiết bị loa",
    "import.vung": "Nhập tệp vùng phát",
    "import.lich": "Nhập tệp lịch phát",
}
PREFIXES = {
    "command": "Lệnh tới loa",
    "task": "Yêu cầu tới dịch vụ",
    "bulletin": "Bản tin",
    "booking": "Lịch phát",
    "device": "Thiết bị loa",
    "user": "Người dùng",
    "zone": "Vùng phát",
}
COMMANDS = {
    "play": "phát",
    "stop": "dừng",
    "volume": "âm lượng",
    "sync": "đồng bộ",
    "reboot": "khởi động lại",
    "amplifier": "ampli",
    "power": "bật/tắt ampli",
}
DETAIL_KEYS = {
    "previous": "trước đó",
    "comment": "lý do trả lại",
    "reason": "lý do",
    "bundle": "mã phiên bản",
    "media": "âm thanh",
    "mixes": "âm thanh theo ngôn ngữ",
    "stream": "luồng",
    "language": "ngôn ngữ",
    "version": "phiên bản",
    "unheard": "không thôn nào đặt lịch nói tiếng này",
    "bulletin": "bản tin",
    "zones": "vùng",
    "zone": "vùng",
    "rule": "lặp lại",
    "priority": "mức ưu tiên",
    "starts_on": "từ ngày",
    "slot": "khung giờ",
    "role": "vai trò",
    "communes": "xã",
    "commune": "xã",
    "name": "tên",
    "number": "số hiệu",
    "origin": "nguồn",
    "document_id": "văn bản",
    "sha256": "mã tệp",
    "kind": "loại",
    "added": "thêm mới",
    "updated": "cập nhật",
    "new": "mới",
    "acknowledged_warnings": "cảnh báo đã xác nhận",
    "command": "lệnh",
}
ROLE_NAMES = {
    "admin": "quản trị",
    "editor": "biên tập viên",
    "approver": "người phê duyệt",
    "translator": "biên dịch viên",
    "official": "cán bộ xã",
    "observer": "quan sát viên",
}
WEEKDAY_NAMES = {
    "MO": "thứ Hai",
    "TU": "thứ Ba",
    "WE": "thứ Tư",
    "TH": "thứ Năm",
    "FR": "thứ Sáu",
    "SA": "thứ Bảy",
    "SU": "Chủ nhật",
}


def action_name(code: str) -> str:
    if code in ACTION_NAMES:
        return ACTION_NAMES[code]
    head, _, tail = code.partition(".")
    if head == "command":
        return f"Lệnh tới loa: {COMMANDS.get(tail, tail)}"
    return f"{PREFIXES[head]} ({tail})" if head in PREFIXES else code


def priority_name(code: str) -> str:
    return PRIORITY_NAMES.get(code, code)


def rule_text(rule: str) -> str:
    """An RRULE as an official says it: 'FREQ=WEEKLY;BYDAY=MO,TH' → 'thứ Hai, thứ Năm hằng tuần'."""
    if not rule:
        return "một lần"
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    freq, interval = parts.get("FREQ", ""), int(parts.get("INTERVAL", "1") or 1)
    days = [WEEKDAY_NAMES.get(d[-2:], d) for d in parts.get("BYDAY", "").split(",") if d]
    every = {"DAILY": "ngày", "WEEKLY": "tuần", "MONTHLY": "tháng", "YEARLY": "năm"}.get(freq, "")
    if not every:
        return rule
    text = (f"{interval} {every} một lần" if interval > 1 else f"hằng {every}") if not days else ""
    if days:
        text = ", ".join(days) + (f" mỗi {interval} tuần" if interval > 1 else f" hằng {every}")
    if parts.get("BYMONTHDAY"):
        text = f"ngày {parts['BYMONTHDAY']} hằng tháng"
    if parts.get("COUNT"):
        text += f", {parts['COUNT']} lần"
    if parts.get("UNTIL"):
        until = parts["UNTIL"][:8]
        text += f", đến {until[6:8]}/{until[4:6]}/{until[:4]}" if len(until) == 8 and until.isdigit() else ""
    return text


def _value(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, list):
        return ", ".join(_value(key, v) for v in value) or "—"
    if isinstance(value, dict):
        if "code" in value and "message" in value:
            return str(value["message"])
        return "; ".join(f"{DETAIL_KEYS.get(k, k)}: {_value(k, v)}" for k, v in value.items())
    if isinstance(value, date | datetime):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    if key == "priority":
        return priority_name(text)
    if key == "rule":
        return rule_text(text)
    if key == "role":
        return ROLE_NAMES.get(text, text)
    if key == "previous":
        return STATES.get(text, text)
    if key in ("starts_on",) and len(text) == 10 and text[4] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[:4]}"
    if key in ("bundle", "sha256", "media") and len(text) >= 40:
        return text[:12]
    return text


def detail_text(detail: dict[str, Any] | None) -> str:
    """An audit event's data as a reader reads it: 'lý do trả lại: …; vùng: thon-1'."""
    if not detail:
        return ""
    return "; ".join(f"{DETAIL_KEYS.get(k, k)}: {_value(k, v)}" for k, v in detail.items() if v not in (None, "", [], {}))
