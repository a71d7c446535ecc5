"""The emergency page (/khan-cap) and the command page that follows what it sent (/lenh/N).

Zone first, nothing pre-selected: the official ticks the zones, gives the reason, then types a
warning (spoken by the voice), records one on the phone, or picks an approved bulletin. A missing
zone or reason is refused on the form itself, keeping what was typed. A typed or recorded warning
is made into audio and played back on the confirmation step; "Phát ngay" approves it on its
author's word (to review after, broadcaster.app.emergency) and queues the play. The command page
asks /lenh/N/tinh-trang (JSON) every two seconds until every speaker has played or is named offline.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from broadcaster.app import bulletins, emergency, operations, tasks
from broadcaster.app.messages import explain
from broadcaster.app.programmes import ProgrammeError
from broadcaster.app.workflow import Action, PermissionDenied, WorkflowError, reason_of
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.store.models import MediaAsset, ZoneRow
from broadcaster.web.kit import Context, folded, kit_of, posted, ticked, viewing

STATUS = {
    "acked": "đã nhận, chờ báo đã phát",
    "waiting": "đang chờ loa nhận",
    "offline": "mất kết nối — sẽ gửi lại khi loa kết nối",
    "expired": "hết hạn, loa không nhận được",
    "rejected": "từ chối",
}
PLAYED = {"completed": "đã phát", "interrupted": "phát dở", "missed": "không phát được", "failed": "máy phát bị lỗi"}


def speaker_label(row: dict[str, Any], kind: str) -> str:
    if kind != tasks.TaskKind.EMERGENCY and row["status"] == "acked":
        return "đã xác nhận"
    if row.get("played"):
        said = PLAYED.get(row["played"], row["played"])
        return f"{said} ({row['played_s']} giây)" if row["played"] != "missed" else said  # failed: what was heard
    return STATUS.get(row["status"], row["status"])


def task_json(session: Any, task_id: int) -> dict[str, Any]:
    """What the command page shows, for its poller: state, and per speaker received and played."""
    view = tasks.task_view(session, task_id)
    rows = emergency.speakers(session, task_id) if view["kind"] == tasks.TaskKind.EMERGENCY else view["speakers"]
    for row in rows:
        row.setdefault("played", "")
        row["label"] = speaker_label(row, str(view["kind"]))
    received = sum(1 for r in rows if r["status"] == "acked" or r.get("played"))
    played = sum(1 for r in rows if r.get("played") in ("completed", "interrupted"))
    open_ = view["state"] in ("pending", "running") or any(r["status"] == "waiting" for r in rows)
    if view["kind"] == tasks.TaskKind.EMERGENCY:
        done = emergency.settled(str(view["state"]), rows)
    else:
        done = not open_ and not any(r["status"] == "offline" for r in rows)
    return {
        "id": view["id"],
        "kind": view["kind"],
        "state": view["state"],
        "error": view["error"],
        "service_running": view["service_running"],
        "speakers": rows,
        "targets": len(rows),
        "received": received,
        "played": played,
        "acked": view["acked"],
        "settled": done,
    }


router = APIRouter(include_in_schema=False)


def _form_page(request: Request, ctx: Context, status: int = 200, problem: str = "", **values: Any) -> HTMLResponse:
    kit = kit_of(request)
    playable = [b for b in bulletins.bulletins(kit.store) if b["state"] in ("approved", "scheduled")]
    zones = operations.zones_for(kit.store, ctx.actor)
    defaults = {"chosen": [], "reason": "", "text": "", "bulletin": "", "source": ""}
    return kit.page(
        request,
        "emergency.html",
        ctx,
        status=status,
        bulletins=playable,
        zones=zones,
        confirm=None,
        problem=problem,
        can_compose=Action.EMERGENCY_MESSAGE.value,
        **{**defaults, **values},
    )


@router.get("/khan-cap", response_class=HTMLResponse)
async def emergency_page(request: Request) -> Response:
    _, ctx = viewing(request, Action.EMERGENCY)
    return _form_page(request, ctx)


@router.post("/khan-cap")
async def emergency_submit(request: Request) -> Response:
    kit, ctx, form = await posted(request, Action.EMERGENCY)
    zones, reason = ticked(form, "zones"), folded(form, "reason")
    text = str(form.get("text", ""))
    upload = form.get("audio")
    audio = await upload.read() if upload is not None and hasattr(upload, "read") else b""
    chosen = str(form.get("bulletin") or "")
    composed = str(form.get("composed") or "")
    source = str(form.get("source") or ("audio" if audio else ""))
    kept = {"chosen": zones, "reason": reason, "text": text, "bulletin": chosen, "source": source}
    if form.get("confirm") == "yes":  # step two: what the official heard or read is played now
        if composed:
            task_id = await run_in_threadpool(emergency.confirm, kit.store, ctx.actor, int(composed), zones, reason)
            return RedirectResponse(f"/lenh/{task_id}", status_code=303)
        task = kit.fire_emergency(ctx.actor, int(chosen), zones, reason)
        return RedirectResponse(f"/lenh/{task['id']}", status_code=303)
    try:  # step one: everything checked on the form, nothing asked twice before it passes
        bulletin_id = await _checked(kit.store, kit.settings, ctx, zones, reason, source, chosen, text, audio)
    except (WorkflowError, ProgrammeError) as exc:
        if isinstance(exc, PermissionDenied):
            raise
        return _form_page(request, ctx, status=400, problem=_said(exc), **kept)
    return _confirmation(request, ctx, bulletin_id, zones, reason, source)


async def _checked(
    store: Store,
    settings: Settings,
    ctx: Context,
    zones: list[str],
    reason: str,
    source: str,
    chosen: str,
    text: str,
    audio: bytes,
) -> int:
    """The bulletin to confirm: a typed or recorded warning made into audio, or the approved one chosen.

    :raises WorkflowError, ProgrammeError: with what is missing or wrong, before anything is made.
    """
    with store.session() as db:
        if source in ("text", "audio"):
            emergency.check_request(db, ctx.actor, zones, reason)
        else:
            if not zones:
                raise WorkflowError("choose at least one zone", "schedule.no_zone")
            reason_of(reason, "an emergency")
            if not chosen.isdigit():
                raise WorkflowError(
                    "choose what to play: type a warning, record one, or pick an approved bulletin",
                    "emergency.no_content",
                )
    if source in ("text", "audio"):
        made: int = await run_in_threadpool(emergency.compose, store, settings, ctx.actor, zones, reason, text=text, audio=audio)
        return made
    return int(chosen)


def _confirmation(request: Request, ctx: Context, bulletin_id: int, zones: list[str], reason: str, source: str) -> Response:
    """Step one passed: what will play, heard or read, and where, before "Phát ngay"."""
    kit = kit_of(request)
    view = bulletins.bulletin_view(kit.store, bulletin_id)
    with kit.store.session() as db:
        names = {z.id: z.name for z in db.query(ZoneRow).filter(ZoneRow.id.in_(zones))}
        media = None
        if source in ("text", "audio"):
            asset = db.query(MediaAsset).filter(MediaAsset.bulletin_id == bulletin_id).first()
            media = f"{asset.sha256}.{asset.extension}" if asset else None
    confirm = {
        "bulletin": view["bulletin"],
        "zones": zones,
        "zone_names": [names.get(z, z) for z in zones],
        "reason": reason,
        "composed": bulletin_id if source in ("text", "audio") else None,
        "text": " ".join(s["text"] for s in view["sentences"]) if source == "text" else "",
        "media": media,
    }
    return kit.page(request, "emergency.html", ctx, bulletins=[], zones=[], confirm=confirm, problem="")


@router.get("/khan-cap/xem-lai", response_class=HTMLResponse)
async def review_list(request: Request) -> Response:
    kit, ctx = viewing(request, Action.APPROVE)
    return kit.page(request, "emergency_review.html", ctx, items=emergency.awaiting_review(kit.store))


@router.post("/khan-cap/xem-lai/{bulletin_id}")
async def review_done(request: Request, bulletin_id: int) -> Response:
    kit, ctx, form = await posted(request)
    emergency.review(kit.store, ctx.actor, bulletin_id, str(form.get("note", "")))
    return kit.back("/khan-cap/xem-lai", f"Đã xem lại tin khẩn cấp #{bulletin_id}")


@router.get("/lenh/{task_id}", response_class=HTMLResponse)
async def task_page(request: Request, task_id: int) -> Response:
    kit, ctx = viewing(request)
    with kit.store.session() as db:
        tasks.require_visible(db, ctx.actor, task_id)
        view = tasks.task_view(db, task_id)
        live = task_json(db, task_id)
    return kit.page(request, "task.html", ctx, t=view, live=live)


@router.get("/lenh/{task_id}/tinh-trang")
async def task_status(request: Request, task_id: int) -> Response:
    kit, ctx = viewing(request)
    with kit.store.session() as db:
        tasks.require_visible(db, ctx.actor, task_id)
        live = task_json(db, task_id)
    return JSONResponse(live, headers={"Cache-Control": "no-store"})


def _said(exc: BaseException) -> str:
    return explain(exc).text
