"""How a console page is answered: the Jinja2 templates with their Vietnamese names, a page in its
role's menu, and the redirect back after a form with what was done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from broadcaster.app import bulletins
from broadcaster.app.messages import CATALOGUE, WARNINGS, render
from broadcaster.app.timetables import describe, to_text
from broadcaster.app.wording import action_name, detail_text
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.web import ui
from broadcaster.web.kit import Context

HERE = Path(__file__).parent
ROLE_NAMES = {
    "admin": "Quản trị",
    "editor": "Biên tập viên",
    "approver": "Người phê duyệt",
    "translator": "Biên dịch viên",
    "official": "Cán bộ xã",
    "observer": "Quan sát viên",
}


def percent(share: float | None) -> str:
    """One way to write a share, in the charts and the tables alike (so they agree)."""
    return "—" if share is None else f"{share * 100:.1f}%".replace(".", ",")


def templates_for(settings: Settings, store: Store) -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(
        role_names=ROLE_NAMES,
        state_names=bulletins.STATE_NAMES,
        device_reason=lambda reason: render(f"protocol.{reason}") if f"protocol.{reason}" in CATALOGUE else reason,
        warning_names=WARNINGS,
        timetable_text=to_text,
        timetable_said=describe,
        action_name=action_name,
        detail_text=detail_text,
        percent=percent,
        timedelta=timedelta,
    )
    ui.install(templates, settings)

    def commune_name(commune_id: str) -> str:
        """A commune's display name ("Tân Lập" for tan-lap), its id when it has none."""
        from broadcaster.app import communes

        with store.session() as db:
            return communes.names(db).get(commune_id, commune_id)

    templates.env.globals["commune_name"] = commune_name
    templates.env.filters["commune_name_of"] = commune_name
    return templates


@dataclass(frozen=True, slots=True)
class Pages:
    templates: Jinja2Templates

    def page(self, request: Request, name: str, ctx: Context | None, status: int = 200, **values: Any) -> HTMLResponse:
        """:raises PermissionDenied: for a page that is not in the signed-in role's menu."""
        if ctx is not None and status == 200:
            ui.guard(ctx.actor.role, request.url.path)
        return self.templates.TemplateResponse(
            request, name, {"ctx": ctx, "flash": request.query_params.get("ok"), **values}, status_code=status
        )


def back(url: str, message: str = "") -> RedirectResponse:
    joiner = "&" if "?" in url else "?"
    return RedirectResponse(f"{url}{joiner}ok={quote(message)}" if message else url, status_code=303)
