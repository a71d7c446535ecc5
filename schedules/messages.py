"""Booking and planner messages in Vietnamese, next to the codes the planner and bookings raise.

Every `ScheduleValueError` and every `Rejection` carries a `code` and `params`; the English
text is for the log. The console's general catalogue takes this table as it is
(`CATALOGUE.update(MESSAGES)`); the CLI prints `vietnamese(exc)`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

MESSAGES: dict[str, str] = {
    # recurrence rules (schedules/recurrence.py)
    "rrule.invalid": "Quy tắc lặp lại “{rule}” không hợp lệ. Hãy chọn Một lần, Hằng ngày, Hằng tuần hoặc Hằng tháng.",
    "rrule.too_frequent": "Quy tắc lặp lại “{rule}” lặp quá dày: lịch phát chỉ lặp nhiều nhất mỗi ngày một lần.",
    "rrule.unsupported": "Quy tắc lặp lại “{rule}” dùng “{part}”, loại lặp này chưa được hỗ trợ khi đặt lịch.",
    "rrule.never": "Quy tắc lặp lại “{rule}” không có buổi phát nào trong {years} năm kể từ ngày {day}.",
    "schedule.window_too_long": "Chỉ lập lịch được tối đa {days} ngày một lần.",
    "schedule.bad_priority": "Loại phát “{value}” không hợp lệ: chọn thường hoặc ưu tiên.",
    "schedule.invalid": "Thông tin đặt lịch không hợp lệ.",
    "schedule.unknown_zones": "Không có vùng phát: {zones}.",
    "schedule.not_a_time": "“{value}” không phải giờ hợp lệ (dạng GG:PP, ví dụ 07:00).",
    "schedule.not_a_date": "“{value}” không phải ngày hợp lệ (dạng NNNN-TT-NN).",
    "schedule.ends_before_start": "Ngày kết thúc ({until}) trước ngày bắt đầu ({day}).",
    "schedule.bad_weekdays": "Thứ trong tuần không hợp lệ (“{value}”): hãy đánh dấu các thứ từ Thứ Hai đến Chủ Nhật.",
    "schedule.no_weekdays": "Lặp lại hằng tuần: hãy đánh dấu ít nhất một thứ trong tuần (Thứ Hai … Chủ Nhật).",
    "schedule.weekdays_not_weekly": "Bạn đã đánh dấu thứ trong tuần: hãy chọn “Lặp lại: Hằng tuần”, hoặc bỏ đánh dấu các thứ.",
    # checks at the moment of booking (broadcaster/booking_rules.py) and the planner's rejections
    "booking.no_zone": "Hãy chọn ít nhất một vùng phát.",
    "booking.past_date": "Ngày {day} đã qua. Hãy chọn hôm nay hoặc một ngày sau.",
    "booking.slot_gone": "Khung giờ {slot} hôm nay ({day}) đã qua. Hãy chọn khung giờ sau hoặc ngày mai.",
    "booking.too_far": "Ngày bắt đầu {day} quá xa: chỉ đặt trước được tối đa {days} ngày.",
    "booking.too_old": "Ngày bắt đầu {day} quá cũ.",
    "booking.not_a_slot": "{zone} không có khung giờ {slot}. Các khung giờ của vùng: {slots}.",
    "booking.no_slots": "{zone} chưa có khung giờ phát nào. Hãy nhờ quản trị viên thêm khung giờ.",
    "booking.duplicate": "Bản tin này đã được đặt vào khung giờ {slot} ngày {day} ở {zone} (lịch #{other}).",
    "booking.emergency_path": "Phát khẩn cấp không đặt qua lịch phát: hãy dùng trang Phát khẩn cấp.",
    "booking.displaces": ("Bản tin ưu tiên sẽ đẩy {count} buổi phát thường ra khỏi lịch ({what}). Hãy xác nhận để đặt ưu tiên."),
    "booking.not_found": "Không có lịch phát #{booking}.",
    "booking.cancelled": "Lịch phát #{booking} đã bị hủy trước đó.",
    "booking.reason_required": "Hãy ghi lý do hủy lịch phát.",
    "booking.not_editable": "Lịch phát #{booking} là lịch khẩn cấp hoặc từ cảnh báo CAP, không sửa được ở đây.",
    "booking.skipped": "Lịch phát #{booking} bị bỏ qua khi lập chương trình: {why}",
    "booking.expired": "Lịch phát đã hết hạn lúc {at}.",
    "slot.missing": "{zone} không có khung giờ {slot}.",
    "slot.quiet": "Khung giờ {slot} của {zone} nằm trong giờ yên tĩnh.",
    "slot.overrun": "Khung giờ {slot} ngày {day} ở {zone} bị vượt {minutes} phút.",
    "zone.daily_limit": "{zone} đã đủ {limit} buổi phát trong ngày {day}.",
}


def _param(value: Any) -> Any:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value


def render(code: str, params: dict[str, Any] | None = None) -> str:
    """The Vietnamese sentence for a code; an unknown code still gives a Vietnamese sentence."""
    values = {k: _param(v) for k, v in (params or {}).items()}
    if code == "booking.skipped":
        values["why"] = render(str(values.get("why", "schedule.invalid")), {k: v for k, v in values.items() if k != "why"})
    template = MESSAGES.get(code, MESSAGES["schedule.invalid"])
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return MESSAGES["schedule.invalid"]


def vietnamese(exc: BaseException) -> str:
    """What an official reads for a schedule error or a rejection."""
    return render(str(getattr(exc, "code", "schedule.invalid")), dict(getattr(exc, "params", {}) or {}))


def as_json(exc: BaseException) -> dict[str, Any]:
    """An API error body: the code, its parameters (JSON-safe) and the Vietnamese sentence."""
    params = {k: v.isoformat() if isinstance(v, date) else v for k, v in dict(getattr(exc, "params", {}) or {}).items()}
    return {"code": str(getattr(exc, "code", "schedule.invalid")), "params": params, "error": vietnamese(exc)}
