"""The bulletin pages: the inbox, a bulletin and what is done to it (edit, render, send for review,
approve, return, withdraw, book), translations and recordings, and the audio files they play.

`run_verb` is the one place a verb of the console's forms or of the JSON API becomes an `app` call.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from broadcaster.app import approval, bulletin_audio, bulletins, tasks, workflow
from broadcaster.app.workflow import Actor, Role
from broadcaster.config import Settings
from broadcaster.errors import NotFound
from broadcaster.store.engine import Store
from broadcaster.web import bookings as booking_pages
from broadcaster.web import ui
from broadcaster.web.kit import posted, viewing
from media.store import NAME_RE
from schedules.model import ScheduleValueError

router = APIRouter(include_in_schema=False)


def run_verb(store: Store, settings: Settings, actor: Actor, bulletin_id: int, verb: str, data: Any) -> str:
    """Do `verb` ("sua", "thu-am", "gui-duyet", "duyet", "tra-lai", "rut") to a bulletin; what the person is told."""
    if verb == "sua":
        texts = data.getlist("sentence") if hasattr(data, "getlist") else list(data.get("sentences", []))
        seen = str(data.get("based_on") or "")
        based_on = int(seen) if seen.isdigit() else None  # the version the page showed
        version = bulletins.save_script(store, actor, bulletin_id, [str(t) for t in texts], based_on=based_on)
        return " ".join([f"Đã lưu phiên bản {version.version}.", bulletins.on_air_notice(store, bulletin_id)]).strip()
    if verb == "thu-am":
        asset = bulletin_audio.render_audio(store, settings, actor, bulletin_id)
        return f"Đã tạo âm thanh {asset.duration_ms / 1000:.0f} giây"
    if verb == "gui-duyet":  # never with audio of an older version
        return bulletins.submit_for_review(store, settings, actor, bulletin_id)
    with store.session() as db:
        bulletin = bulletins.get_bulletin(db, bulletin_id)
        if verb == "duyet":
            seen = str(data.get("bundle") or "")
            if not seen:
                raise workflow.WorkflowError(
                    "the approval must name the version you reviewed (field 'bundle'); reload the page",
                    "workflow.bundle_missing",
                )
            if hasattr(data, "getlist"):  # the form: one box per warning
                acknowledged = [str(a) for a in data.getlist("ack")]
            else:
                acknowledged = [str(a) for a in data.get("acknowledged") or []]
            approval.approve(db, bulletin, actor, seen=seen, acknowledged=acknowledged)
            return "Đã phê duyệt"
        if verb == "tra-lai":
            workflow.reject(db, bulletin, actor, str(data.get("comment", "")))
            return "Đã trả lại cho biên tập viên"
        if verb == "rut":
            workflow.withdraw(db, bulletin, actor, str(data.get("reason", "")))
            return "Đã rút bản tin khỏi mọi lịch phát"
    raise NotFound(f"action {verb}")


def fire_emergency(store: Store, actor: Actor, bulletin_id: int, zones: list[str], reason: str) -> dict[str, Any]:
    """Queue the emergency for the running service; the task page follows it to the speakers' acks."""
    with store.session() as db:
        task = tasks.request_emergency(db, actor, bulletin_id, zones, reason=reason)
        return tasks.task_view(db, task.id)


@router.get("/", response_class=HTMLResponse)
async def inbox(request: Request) -> Response:
    kit, ctx = viewing(request)
    if not any(href == "/" for href, _ in ui.menu_for(ctx.actor.role)):
        return RedirectResponse(ui.landing(ctx.actor.role), status_code=303)
    returned = bulletins.returned_to(kit.store, "" if ctx.actor.role is Role.ADMIN else ctx.actor.username)
    return kit.page(
        request,
        "inbox.html",
        ctx,
        bulletins=bulletins.bulletins(kit.store),
        documents=bulletins.documents(kit.store),
        returned=returned,
    )


@router.get("/ban-tin/{bulletin_id}", response_class=HTMLResponse)
async def bulletin_page(request: Request, bulletin_id: int) -> Response:
    kit, ctx = viewing(request)
    return kit.page(request, "bulletin.html", ctx, v=bulletins.bulletin_view(kit.store, bulletin_id, kit.settings.dialect))


@router.get("/ban-tin/{bulletin_id}/dat-lich", response_class=HTMLResponse)
async def booking_page(request: Request, bulletin_id: int) -> Response:
    kit, ctx = viewing(request)
    return kit.page(request, "book.html", ctx, **booking_pages.form_values(kit.store, kit.settings, ctx.actor, bulletin_id))


@router.post("/ban-tin/{bulletin_id}/dat-lich")
async def booking_submit(request: Request, bulletin_id: int) -> Response:
    """Every problem is shown on the form, in Vietnamese, before anything is saved."""
    kit, ctx, form = await posted(request)
    data = booking_pages.form_data(form)
    try:
        row = await run_in_threadpool(booking_pages.make, kit.store, kit.settings, ctx.actor, bulletin_id, data)
    except ScheduleValueError as exc:
        values = booking_pages.form_values(kit.store, kit.settings, ctx.actor, bulletin_id, data=data)
        return kit.page(request, "book.html", ctx, status=400, **{**values, "problems": booking_pages.problems_of(exc)})
    said = " ".join(["Đã đặt lịch phát.", *row["warnings"]]) if row["warnings"] else "Đã đặt lịch phát"
    return kit.back(f"/lich?zone={row['zones'][0]}&start={row['starts_on']}", said)


@router.post("/ban-tin/{bulletin_id}/{verb}")
async def bulletin_action(request: Request, bulletin_id: int, verb: str) -> Response:
    kit, ctx, form = await posted(request)
    # rendering: off the loop
    message = await run_in_threadpool(run_verb, kit.store, kit.settings, ctx.actor, bulletin_id, verb, form)
    return kit.back(f"/ban-tin/{bulletin_id}", message)


@router.get("/dich", response_class=HTMLResponse)
async def translation_tasks(request: Request) -> Response:
    kit, ctx = viewing(request)
    return kit.page(request, "tasks.html", ctx, tasks=bulletins.translation_tasks(kit.store, ctx.actor))


@router.get("/dich/{bulletin_id}/{language}", response_class=HTMLResponse)
async def translation_page(request: Request, bulletin_id: int, language: str) -> Response:
    kit, ctx = viewing(request)
    view = bulletins.bulletin_view(kit.store, bulletin_id)
    current = view["scripts"].get(language)
    existing = {((s.get("source") or {}).get("vi")): s["text"] for s in (current.sentences if current else [])}
    memory = bulletins.translation_memory(kit.store, language)
    rows = [(s["text"], existing.get(s["text"]) or memory.get(s["text"], ""), s["text"] in memory) for s in view["sentences"]]
    return kit.page(request, "translate.html", ctx, v=view, language=language, rows=rows)


@router.post("/dich/{bulletin_id}/{language}")
async def translation_save(request: Request, bulletin_id: int, language: str) -> Response:
    kit, ctx, form = await posted(request)
    pairs = list(zip([str(x) for x in form.getlist("vi")], [str(x) for x in form.getlist("text")]))
    await run_in_threadpool(bulletins.save_translation, kit.store, ctx.actor, bulletin_id, language, pairs, kit.settings)
    return kit.back(f"/dich/{bulletin_id}/{language}", "Đã lưu bản dịch và tạo âm thanh cho các thôn nói tiếng này")


@router.post("/dich/{bulletin_id}/{language}/ghi-am")
async def recording_upload(request: Request, bulletin_id: int, language: str) -> Response:
    kit, ctx, form = await posted(request)
    upload = form.get("audio")
    data = await upload.read() if upload is not None and hasattr(upload, "read") else b""
    asset = await run_in_threadpool(
        bulletin_audio.upload_recording, kit.store, kit.settings, ctx.actor, bulletin_id, language, data
    )
    return kit.back(f"/dich/{bulletin_id}/{language}", f"Đã nhận bản ghi âm {asset.duration_ms / 1000:.0f} giây")


@router.get("/media/{name}")
async def media(request: Request, name: str) -> Response:
    kit, _ = viewing(request)
    if not NAME_RE.match(name) or not (kit.settings.media_dir / name).is_file():
        raise NotFound(name)
    return FileResponse(
        kit.settings.media_dir / name, media_type="audio/mpeg", headers={"Cache-Control": "private, max-age=31536000, immutable"}
    )
