"""The bell: each person's notifications (/thong-bao) and their e-mail settings."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from broadcaster.app import notifications
from broadcaster.app.messages import explain
from broadcaster.app.workflow import WorkflowError
from broadcaster.store.engine import Store
from broadcaster.web.kit import posted, viewing

router = APIRouter()


def install(templates: Jinja2Templates, store: Store) -> None:
    """The bell's count in every page's menu."""
    templates.env.globals["unread_notifications"] = lambda username: notifications.unread(store, username)


@router.get("/thong-bao", response_class=HTMLResponse, include_in_schema=False)
async def bell(request: Request) -> Response:
    kit, ctx = viewing(request)
    items = notifications.listing(kit.store, ctx.actor)
    prefs = notifications.prefs_of(kit.store, ctx.actor.username)
    return kit.page(request, "notices.html", ctx, items=items, prefs=prefs, kinds=notifications.KINDS, problem="")


@router.post("/thong-bao/da-doc", include_in_schema=False)
async def read_all(request: Request) -> Response:
    kit, ctx, _ = await posted(request)
    notifications.mark_read(kit.store, ctx.actor)
    return kit.back("/thong-bao", "Đã đánh dấu tất cả là đã đọc")


@router.post("/thong-bao/cai-dat", include_in_schema=False)
async def settings_save(request: Request) -> Response:
    kit, ctx, form = await posted(request)
    email, kinds = str(form.get("email", "")), [str(k) for k in form.getlist("kinds")]
    try:
        notifications.save_prefs(kit.store, ctx.actor, email, kinds)
    except WorkflowError as exc:
        items = notifications.listing(kit.store, ctx.actor)
        prefs = {"email": email, "kinds": kinds}
        problem = explain(exc).text
        return kit.page(
            request, "notices.html", ctx, status=400, items=items, prefs=prefs, kinds=notifications.KINDS, problem=problem
        )
    return kit.back("/thong-bao", "Đã lưu cách nhận thông báo")
