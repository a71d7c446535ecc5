"""What every console page shares: the menu each role sees, local time, and button visibility.

Permissions are still decided by the workflow; this module only keeps a role from being shown
menus and buttons it cannot use (issue 14, item 3), and renders every instant in local time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi.templating import Jinja2Templates

from broadcaster.app.workflow import PERMISSIONS, Action, PermissionDenied, Role
from broadcaster.config import Settings

# (path, label, roles that see it). The first entry a role sees is its landing page.
MENU: tuple[tuple[str, str, frozenset[Role]], ...] = (
    ("/hom-nay", "Hôm nay", frozenset(Role) - {Role.TRANSLATOR}),
    ("/", "Hộp việc", frozenset({Role.ADMIN, Role.EDITOR})),
    ("/chuong-trinh/moi", "Tạo chương trình", frozenset({Role.ADMIN, Role.EDITOR})),
    ("/cho-duyet", "Chờ duyệt", frozenset({Role.APPROVER, Role.ADMIN})),
    ("/dich", "Việc biên dịch", frozenset({Role.TRANSLATOR, Role.ADMIN})),
    ("/lich", "Lịch phát", frozenset(Role) - {Role.TRANSLATOR}),
    ("/loa", "Thiết bị loa", frozenset({Role.ADMIN, Role.OFFICIAL, Role.OBSERVER})),
    ("/thong-ke", "Thống kê", frozenset({Role.ADMIN, Role.OFFICIAL, Role.OBSERVER})),
    ("/khan-cap", "Phát khẩn cấp", frozenset({Role.ADMIN, Role.OFFICIAL})),
    ("/truc-tiep", "Nói trực tiếp", frozenset({Role.ADMIN, Role.OFFICIAL})),
    ("/nhat-ky", "Nhật ký", frozenset({Role.ADMIN, Role.OFFICIAL})),
    ("/quan-tri", "Quản trị", frozenset({Role.ADMIN})),
)


def menu_for(role: Role) -> list[tuple[str, str]]:
    return [(path, label) for path, label, roles in MENU if role in roles]


def landing(role: Role) -> str:
    return menu_for(role)[0][0]


def guard(role: Role, path: str) -> None:
    """:raises PermissionDenied: when `path` is a menu page the role does not see."""
    for href, _label, roles in MENU:
        if href == path and role not in roles:
            raise PermissionDenied(f"({role.value}) may not open the page {path}", "perm.page", path=path)


def can(role: Role, action: str) -> bool:
    return Action(action) in PERMISSIONS[role]


def to_local(value: datetime | str | None, tz: str | None = None, fmt: str = "%d/%m/%Y %H:%M") -> str:
    """An instant as the zone's wall clock; naive values are UTC (the store keeps UTC)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    else:
        moment = value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(tz or "Asia/Ho_Chi_Minh")).strftime(fmt)


def install(templates: Jinja2Templates, settings: Settings) -> None:
    """Give every template the role's menu, `can`, and a `local` filter in the console's zone."""

    def local(value: Any, fmt: str = "%d/%m/%Y %H:%M", tz: str | None = None) -> str:
        return to_local(value, tz or settings.timezone, fmt)

    from broadcaster.app.wording import priority_name, rule_text

    templates.env.filters["local"] = local
    templates.env.filters["rule_text"] = rule_text  # FREQ=WEEKLY;BYDAY=MO,TH → thứ Hai, thứ Năm hằng tuần
    templates.env.filters["priority_name"] = priority_name  # normal → thường
    templates.env.globals.update(menu_for=menu_for, can=can, tz_label=settings.timezone)
