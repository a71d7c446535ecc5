"""One catalogue of error codes rendered in Vietnamese, for the console, the API and the CLI.

Every error is raised with the code of its sentence here and the sentence's parameters
(`broadcaster.errors.AppError`, the stages' roots, `ScheduleValueError(message, code, **params)`,
a protocol `reason`); the English message only ever goes to the log, so rewording it changes
nothing a user reads. The booking and planner codes of `schedules.messages` are part of the
catalogue. An error without a known code is logged and said as a general message.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import InterfaceError, OperationalError

from schedules.messages import MESSAGES as SCHEDULE_MESSAGES

log = logging.getLogger(__name__)

STATES = {
    "draft": "bản nháp",
    "in_review": "chờ duyệt",
    "approved": "đã duyệt",
    "scheduled": "đã xếp lịch",
    "on_air": "đang phát",
    "done": "đã phát xong",
    "rejected": "bị trả lại",
    "withdrawn": "đã rút",
}
ACTIONS = {
    "edit": "biên tập",
    "submit": "gửi duyệt",
    "approve": "phê duyệt",
    "reject": "trả lại",
    "translate": "biên dịch",
    "book": "đặt lịch phát",
    "emergency": "phát khẩn cấp",
    "emergency_message": "soạn và phát tin khẩn cấp",
    "live": "nói trực tiếp lên loa",
    "withdraw": "rút bản tin",
    "manage_devices": "quản lý thiết bị",
    "manage_users": "quản lý người dùng",
    "view": "xem",
}

# the drafter's warning codes (scripts.legal, scripts.draft), as an approver reads them in a sentence
WARNINGS = {
    "no_issue_date": "không thấy ngày ban hành",
    "number_not_on_own_line": "số hiệu không nằm trên dòng riêng",
    "unknown_issuer": "không rõ cơ quan ban hành",
    "broken_syllables": "văn bản bị vỡ chữ",
    "not_recommended": "không khuyến nghị phát",
    "rule_not_said": "có quy định ràng buộc người dân chưa thành câu",
    # the listener check of the edited script (broadcaster.app.assist)
    "listener.no_main_clause": "câu không thành câu",
    "listener.agency_work": "việc nội bộ của cơ quan",
    "listener.unlabelled_amount": "số tiền không có nhãn",
    "listener.stray_mark": "ký hiệu bị đọc thành tiếng",
    "listener.cut": "câu bị cắt",
    "listener.run_on": "hai câu dính liền",
    "listener.reference": "dẫn chiếu điều, khoản",
    "listener.too_long": "câu quá dài",
}

CATALOGUE: dict[str, str] = {
    # workflow
    "workflow.bad_transition": "Bản tin số {bulletin} đang ở trạng thái “{state}”, không thể chuyển sang “{target}”.",
    "workflow.not_editable": "Bản tin số {bulletin} đang ở trạng thái “{state}”, không thể sửa nữa.",
    "workflow.not_playable": "Bản tin số {bulletin} đang ở trạng thái “{state}”: chỉ bản tin đã duyệt mới được phát.",
    "workflow.changed_after_approval": "Bản tin số {bulletin} đã thay đổi sau khi duyệt: cần phê duyệt lại.",
    "workflow.no_bulletin": "Không có bản tin số {bulletin}.",
    "workflow.empty_script": "Kịch bản cần ít nhất một câu.",
    "workflow.empty_translation": "Hãy nhập ít nhất một câu đã dịch.",
    "workflow.no_vietnamese": "Bản tin chưa có kịch bản tiếng Việt.",
    "workflow.no_service": "Bảng điều khiển chưa kết nối được với dịch vụ phát thanh. Hãy báo quản trị viên.",
    "workflow.self_approval": "Bạn đã sửa phiên bản này nên không thể tự duyệt: cần một người phê duyệt khác.",
    "workflow.reason_required": "Hãy ghi lý do (ít nhất 5 ký tự) trước khi thực hiện thao tác này.",
    "workflow.no_voice": "Chưa có giọng đọc cho ngôn ngữ này: hãy tải lên bản ghi âm.",
    "workflow.not_rendered": "Bản tin số {bulletin} chưa có âm thanh của kịch bản hiện tại: hãy tạo âm thanh trước khi duyệt.",
    "workflow.stale_bundle": "Bản tin số {bulletin} đã thay đổi sau khi bạn mở trang: hãy tải lại trang, đọc và nghe lại rồi mới duyệt.",
    "workflow.warnings_unacknowledged": "Bản tin số {bulletin} còn {count} cảnh báo khi soạn chưa được xác nhận: {warnings}. Hãy đọc và đánh dấu xác nhận từng cảnh báo rồi mới phê duyệt.",
    "assist.not_offered": "Câu này không còn trong danh sách gợi ý của văn bản (kịch bản đã có, hoặc văn bản không có): hãy tải lại trang.",
    "workflow.bundle_missing": "Thiếu mã phiên bản bạn đã xem: hãy tải lại trang rồi duyệt.",
    "workflow.invalid": "Không thực hiện được thao tác này ở trạng thái hiện tại của bản tin.",
    "workflow.not_scripted": "Bản tin số {bulletin} phát nguyên tệp âm thanh hoặc luồng tiếp sóng, không cần tạo âm thanh từ kịch bản.",
    "emergency.repeat": "Số lần phát khẩn cấp phải từ 1 đến 10 và khoảng nghỉ giữa hai lần từ 0 đến 60 phút.",
    "task.failed": "Lệnh #{task} không thực hiện được: {error}",
    "task.unknown_kind": "Dịch vụ phát không biết loại lệnh “{kind}”.",
    "user.no_name": "Người dùng cần có tên đăng nhập.",
    "user.short_password": "Mật khẩu cần ít nhất {minimum} ký tự.",
    "user.no_password": "Chưa nhập mật khẩu: hãy gõ mật khẩu khi được hỏi, hoặc dùng --password.",
    "user.passwords_differ": "Hai lần nhập mật khẩu không khớp nhau.",
    "user.exists": "Tên đăng nhập {user} đã có người dùng.",
    "user.not_active": "Không có người dùng {user} đang hoạt động (tài khoản không có hoặc đã bị khóa).",
    # permissions
    "perm.page": "Trang này không dành cho vai trò của bạn.",
    "perm.task": "Lệnh #{task} do người khác gửi tới loa ngoài xã của bạn: bạn không xem được.",
    "perm.role": "Bạn không có quyền {action}.",
    "perm.commune": "Bạn chỉ được thao tác trong xã của mình, không phải xã {commune}.",
    "perm.language": "Bạn không được giao biên dịch ngôn ngữ {language}.",
    "commune.unknown": "Không có xã “{names}” trong danh sách: hãy chọn xã từ danh sách (quản trị viên thêm xã mới ở mục Xã).",
    "perm.own_communes": "Bạn chỉ được xem lịch phát và chương trình của xã mình.",
    "perm.audit": "Bạn không có quyền xem nhật ký thao tác.",
    "perm.admin": "Chỉ quản trị viên mới được làm việc này.",
    "perm.signin_limit": "Đăng nhập sai quá nhiều lần. Hãy thử lại sau 5 phút.",
    "perm.csrf": "Phiên làm việc không hợp lệ. Hãy tải lại trang và thử lại.",
    # planner / bookings
    "schedule.not_a_time": "“{value}” không phải giờ hợp lệ (dạng GG:PP, ví dụ 07:00).",
    "schedule.unknown_zones": "Không có vùng phát: {zones}.",
    "schedule.not_a_date": "“{value}” không phải ngày hợp lệ (dạng năm-tháng-ngày).",
    "schedule.ends_before_start": "Ngày kết thúc trước ngày bắt đầu.",
    "schedule.bad_weekdays": "Thứ trong tuần không hợp lệ (“{value}”): hãy đánh dấu các thứ từ Thứ Hai đến Chủ Nhật.",
    "schedule.no_weekdays": "Lặp lại hằng tuần: hãy đánh dấu ít nhất một thứ trong tuần (Thứ Hai … Chủ Nhật).",
    "schedule.bad_priority": "Loại phát “{value}” không hợp lệ: chọn thường, ưu tiên hoặc khẩn cấp.",
    "schedule.bad_rrule": "Quy tắc lặp lại “{rule}” không hợp lệ.",
    "schedule.no_days": "Cần lập lịch cho ít nhất một ngày.",
    "schedule.no_zone": "Hãy chọn ít nhất một vùng phát.",
    "emergency.no_content": "Hãy gõ nội dung cảnh báo, ghi âm, hoặc chọn một bản tin đã duyệt.",
    "emergency.not_yours": "Tin khẩn cấp này do người khác soạn; chỉ người soạn mới phát được.",
    "notify.email": "“{value}” không phải là địa chỉ thư điện tử; hãy kiểm tra lại.",
    "live.minutes": "Thời gian nói trực tiếp phải từ 1 đến 30 phút.",
    "live.ended": "Buổi nói trực tiếp này đã kết thúc; hãy bắt đầu buổi mới.",
    "zone.bad_quiet": "Giờ yên tĩnh “{value}” không hợp lệ: cần dạng GG:PP-GG:PP, ví dụ 21:30-05:30.",
    "control.volume": "Âm lượng phải từ 0 đến 100.",
    "control.power": "Hãy chọn bật hoặc tắt ampli.",
    # a zone's amplifier and volume timetable (broadcaster.app.timetables, devices.timetable)
    "timetable.malformed": "Lịch bật/tắt ampli và âm lượng sai định dạng.",
    "timetable.bad_time": "“{value}” không phải giờ hợp lệ (dạng GG:PP, ví dụ 05:30).",
    "timetable.bad_window": "“{value}” không phải khoảng bật ampli hợp lệ (dạng GG:PP-GG:PP, ví dụ 05:30-21:30).",
    "timetable.bad_step": "“{value}” không phải mốc âm lượng hợp lệ (dạng GG:PP=âm lượng, ví dụ 06:00=85).",
    "timetable.same_on_off": "Giờ bật và giờ tắt ampli trùng nhau ({value}): hãy chọn hai giờ khác nhau.",
    "timetable.bad_volume": "Âm lượng trong lịch phải từ 0 đến 100.",
    "timetable.duplicate_step": "Có hai mốc âm lượng cùng lúc {value}: mỗi giờ chỉ đặt một mốc.",
    "timetable.bad_timezone": "Múi giờ “{value}” của vùng không hợp lệ: hãy sửa múi giờ của vùng trước.",
    "timetable.too_many": "Lịch có quá nhiều mốc: tối đa {windows} khoảng bật ampli và {steps} mốc âm lượng.",
    "timetable.overlap": "Hai khoảng bật ampli {first} và {second} chồng lên nhau: hãy gộp thành một khoảng (ví dụ {merged}) hoặc để chúng rời nhau.",
    # media and recordings
    "media.unreadable": "Tệp không phải âm thanh đọc được. Hãy chọn tệp MP3, WAV, OGG hoặc ghi âm lại.",
    "media.encode_failed": "Không mã hóa được âm thanh. Hãy thử lại; nếu vẫn lỗi, báo quản trị viên.",
    "media.empty": "Tệp tải lên trống hoặc bị cắt cụt.",
    "media.too_short": "Bản ghi chỉ dài {seconds} giây; hãy ghi ít nhất {minimum} giây.",
    "media.too_long": "Bản ghi dài {minutes} phút; giới hạn là {limit} phút.",
    "media.silent": "Bản ghi không có tiếng: hãy kiểm tra micrô và ghi lại.",
    # protocol (device rejections)
    "protocol.malformed": "Thiết bị báo: bản tin điều khiển sai định dạng.",
    "protocol.unknown_key": "Thiết bị báo: không biết khóa ký {detail}.",
    "protocol.bad_signature": "Thiết bị báo: chữ ký không hợp lệ.",
    "protocol.expired": "Thiết bị báo: lệnh đã hết hạn.",
    "protocol.replayed": "Thiết bị báo: lệnh đã nhận trước đó (gửi lặp).",
    "protocol.stale_sequence": "Thiết bị báo: lệnh cũ hơn lệnh đã nhận.",
    "protocol.wrong_target": "Thiết bị báo: lệnh không gửi cho thiết bị này.",
    "protocol.wrong_topic": "Thiết bị báo: lệnh đến sai kênh (chủ đề) so với chữ ký.",
    "protocol.media_size": "Thiết bị báo: tệp âm thanh lớn hơn kích thước đã khai báo.",
    "protocol.unsupported": "Thiết bị báo: không hỗ trợ loại lệnh này.",
    "protocol.media_checksum": "Thiết bị báo: tệp âm thanh tải về bị sai mã kiểm tra.",
    "protocol.duplicate": "Thiết bị báo: mục này đã có.",
    # HTTP
    "http.400": "Yêu cầu không hợp lệ. Hãy kiểm tra lại thông tin đã nhập.",
    "http.401": "Bạn cần đăng nhập trước.",
    "http.403": "Bạn không có quyền mở trang này.",
    "http.404": "Không tìm thấy trang hoặc mục bạn cần.",
    "http.405": "Trang này không nhận thao tác đó. Có thể phiên làm việc đã hết hạn: hãy quay lại trang trước.",
    "http.409": "Không thực hiện được vì trạng thái hiện tại không cho phép.",
    "http.413": "Tệp hoặc nội dung gửi lên quá lớn.",
    "http.422": "Thông tin gửi lên thiếu hoặc sai định dạng.",
    "http.429": "Bạn thao tác quá nhanh. Hãy đợi một lát rồi thử lại.",
    "http.500": "Hệ thống gặp lỗi ngoài dự kiến. Lỗi đã được ghi lại; hãy thử lại sau ít phút.",
    "error.invalid": "Thông tin nhập vào không dùng được. Hãy kiểm tra lại rồi thử lại.",
    "not_found": "Không tìm thấy mục cần tìm.",
    "error.other": "Không thực hiện được thao tác này. Lỗi đã được ghi lại để quản trị viên xem.",
    "signin.wrong": "Sai tên đăng nhập hoặc mật khẩu.",
    "signin.required": "Bạn cần đăng nhập trước.",
    "media.store_failed": "Không lưu được tệp âm thanh (ổ đĩa đầy hoặc không ghi được). Không có gì bị mất; hãy giải phóng dung lượng rồi thử lại.",
    "store.unavailable": "Cơ sở dữ liệu đang không sẵn sàng (đang bận hoặc mất kết nối). Không có gì bị mất; hãy thử lại sau ít phút.",
    "config.invalid": "Cấu hình không hợp lệ ở thiết lập: {settings}. Xem danh sách thiết lập trong docs/settings.md.",
    "import.refused": "Tệp có {count} dòng sai: chưa nhập gì. Sửa các dòng được liệt kê rồi nhập lại cả tệp.",
    "leader.unsupported": "Cơ sở dữ liệu này không cho chạy nhiều tiến trình dịch vụ: hãy dùng PostgreSQL, hoặc chỉ chạy một tiến trình với SQLite.",
    "config.unreadable": "Không đọc được tệp cấu hình {path}: tệp không có, không có quyền đọc hoặc sai cú pháp TOML.",
    "config.bad_list": "Một thiết lập dạng danh sách không phải JSON cũng không phải các giá trị cách nhau bằng dấu phẩy.",
    # the speaker agent (broadcaster agent --config FILE) and its broker
    "agent.config_missing": "Tệp cấu hình loa {path} thiếu thiết lập: {keys}. Hãy lấy lại tệp do lệnh export-acl tạo ra.",
    "agent.config_bad_value": "Tệp cấu hình loa {path} có giá trị sai kiểu ở thiết lập: {keys} (zones, player là danh sách; trusted_keys là một bảng khóa).",
    "agent.data_dir": "Không tạo được thư mục dữ liệu của loa {path}: hãy kiểm tra quyền ghi.",
    "agent.config_syntax": "Tệp cấu hình loa {path} sai cú pháp TOML ở dòng {line}, cột {column}.",
    "agent.config_unreadable": "Không mở được tệp cấu hình loa {path}: tệp không có hoặc không có quyền đọc.",
    "agent.bad_key": "Khóa tin cậy “{key}” trong tệp cấu hình loa không hợp lệ: hãy chép lại khóa công khai của máy chủ.",
    "broker.unreachable": "Không kết nối được tới máy chủ MQTT (broker) {url}: hãy kiểm tra địa chỉ, cổng, mạng và Mosquitto có đang chạy.",
    "broker.not_authorized": "Broker {url} từ chối tên đăng nhập hoặc mật khẩu của loa: đã chạy export-acl và nạp lại Mosquitto chưa?",
    "broker.no_answer": "Broker {url} không trả lời khi kết nối: hãy kiểm tra địa chỉ, cổng và tường lửa.",
    "broker.refused": "Broker {url} từ chối kết nối: hãy xem nhật ký của Mosquitto.",
    "broker.subscription_refused": "Broker {url} không cho nhận tin ở {topics}: hãy xem quyền (ACL) của tài khoản này, chạy lại export-acl và nạp lại Mosquitto.",
    "broker.no_suback": "Broker {url} đã nhận kết nối nhưng không xác nhận việc đăng ký nhận tin: broker có thể đang quá tải, hãy thử lại sau ít phút.",
    "broker.bad_url": "Địa chỉ broker {url} sai dạng: cần dạng mqtt://MÁY:CỔNG.",
    "broker.no_mosquitto": "Máy này chưa cài Mosquitto (apt-get install mosquitto).",
    "broker.not_started": "Không khởi động được broker MQTT ({where}): cổng có thể đang bận.",
}

_VIETNAMESE = re.compile(r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.IGNORECASE)
ENGLISH_WORDS = re.compile(
    r"\b(the|is|are|cannot|can't|may|must|not|only|first|please|error|found|invalid|failed|allowed|method|internal|"
    r"server|sign in|detail|unknown|missing|should|with|this|that|no such)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Explained:
    """What a user reads: a code, its parameters and the Vietnamese sentence."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return render(self.code, self.params)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": self.params, "error": self.text}


def render(code: str, params: dict[str, Any] | None = None) -> str:
    """The Vietnamese sentence of a code; unknown codes fall back to a general message."""
    values = {k: _vi_param(k, v) for k, v in (params or {}).items()}
    template = CATALOGUE.get(code, CATALOGUE["error.other"])
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return CATALOGUE["error.other"]


def _vi_param(key: str, value: Any) -> Any:
    if key in ("state", "target"):
        return STATES.get(str(value), value)
    if key == "action":
        return ACTIONS.get(str(value), value)
    if key == "warnings":
        return "; ".join(WARNINGS.get(c, c) for c in str(value).split(",") if c)
    return value


def is_vietnamese(text: str) -> bool:
    """Written for a Vietnamese reader: has Vietnamese letters and no English sentence words."""
    return bool(_VIETNAMESE.search(text)) and not ENGLISH_WORDS.search(text)


def explain(exc: BaseException, fallback: str = "error.other") -> Explained:
    """The code and parameters of an error, whatever raised it; the English goes to the log.

    A caller that knows what an unmatched error means (a lookup that found nothing is `not_found`)
    passes it as `fallback`; only an error nobody foresaw is logged as missing its Vietnamese.
    """
    code = getattr(exc, "code", None)
    if isinstance(code, str) and code in CATALOGUE:
        return Explained(code, dict(getattr(exc, "params", None) or {}))
    reason = getattr(exc, "reason", None)  # devices.protocol.ProtocolError
    if reason is not None and f"protocol.{reason}" in CATALOGUE:
        return Explained(f"protocol.{reason}", {"detail": getattr(exc, "detail", "")})
    if isinstance(exc, (OperationalError, InterfaceError)):  # the database is down, busy or locked
        return Explained("store.unavailable", {})
    message = str(exc.args[0]) if exc.args else str(exc)
    if is_vietnamese(message):  # written for a Vietnamese reader where it was raised (a stage's own sentence)
        return Explained("vi.text", {"text": message})
    if fallback != "error.other":
        log.info("%s said as %s: %s", type(exc).__name__, fallback, message)
        return Explained(fallback, {})
    log.warning("no Vietnamese message for %s: %s", type(exc).__name__, message)
    return Explained("error.other", {})


CATALOGUE["vi.text"] = "{text}"  # a message a stage already wrote in Vietnamese (booking checks)
for _code, _text in SCHEDULE_MESSAGES.items():  # bookings and the planner say their own codes (schedules.messages)
    if _code != "schedule.invalid":  # a schedule error without a code of its own stays the catalogue's "other"
        CATALOGUE.setdefault(_code, _text)


def for_cli(exc: BaseException) -> str:
    """The CLI's line: the Vietnamese sentence when the error is known, else its own message.

    Configuration errors name a setting and keep their text, which the user needs verbatim.
    """
    from scripts.errors import DocumentError

    if isinstance(exc, DocumentError):  # a file the reader refused: the console's sentence for it
        from broadcaster.app.documents import known_problem

        return known_problem(str(exc))
    said = explain(exc)
    return said.text if said.code != "error.other" else str(exc)
