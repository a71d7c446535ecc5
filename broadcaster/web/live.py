"""Live microphone pages (/truc-tiep): choose zones and reason, then hold the button to speak.

The stream itself (/truc-tiep/luong/<token>.mp3) needs no session: speakers have none, and the
token in the URL (signed into the play command they received) is the secret.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from broadcaster.app import operations
from broadcaster.app.live import LiveDesk
from broadcaster.app.messages import explain
from broadcaster.app.workflow import Action, PermissionDenied, WorkflowError
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.web.kit import api_caller, folded, kit_of, posted, ticked, viewing

router = APIRouter()


def install(app: FastAPI, store: Store, settings: Settings) -> None:
    """The app's live desk (`request.app.state.live`), shut down with the app."""
    desk = LiveDesk(store, settings)
    app.state.live = desk
    app.router.on_shutdown.append(desk.shutdown)


def _desk(request: Request) -> LiveDesk:
    desk: LiveDesk = request.app.state.live
    return desk


def _form(request: Request, ctx: Any, status: int = 200, problem: str = "", **kept: Any) -> HTMLResponse:
    kit = kit_of(request)
    values = {"chosen": [], "reason": "", "minutes": 5, **kept}
    zones = operations.zones_for(kit.store, ctx.actor)
    return kit.page(request, "live.html", ctx, status=status, zones=zones, problem=problem, live=None, **values)


@router.get("/truc-tiep", response_class=HTMLResponse, include_in_schema=False)
async def live_page(request: Request) -> Response:
    kit, ctx = viewing(request, Action.LIVE)
    return _form(request, ctx)


@router.post("/truc-tiep", include_in_schema=False)
async def live_open(request: Request) -> Response:
    _kit, ctx, data = await posted(request, Action.LIVE)
    zones, reason = ticked(data, "zones"), folded(data, "reason")
    try:
        minutes = float(str(data.get("minutes") or 5))
    except ValueError:
        minutes = 0
    base = str(request.base_url)
    try:
        live = await run_in_threadpool(_desk(request).open, ctx.actor, zones, reason, minutes, base)
    except WorkflowError as exc:
        if isinstance(exc, PermissionDenied):
            raise
        said = explain(exc).text
        return _form(request, ctx, status=400, problem=said, chosen=zones, reason=reason, minutes=minutes)
    return RedirectResponse(f"/truc-tiep/{live.bulletin_id}", status_code=303)


@router.get("/truc-tiep/{bulletin_id}", response_class=HTMLResponse, include_in_schema=False)
async def live_desk(request: Request, bulletin_id: int) -> Response:
    kit, ctx = viewing(request)
    live = _desk(request).get(ctx.actor, bulletin_id)
    names = {z.id: z.name for z in operations.zones_for(kit.store, ctx.actor)}
    said = ", ".join(names.get(z, z) for z in live.zones)
    return kit.page(request, "live.html", ctx, live=live, zone_names=said, zones=[], problem="")


@router.post("/truc-tiep/{bulletin_id}/am-thanh", include_in_schema=False)
async def live_audio(request: Request, bulletin_id: int) -> Response:
    kit, ctx = api_caller(request)
    body = await request.body()
    fed = await run_in_threadpool(_desk(request).feed, ctx.actor, bulletin_id, body)
    return JSONResponse({"bytes": fed})


@router.post("/truc-tiep/{bulletin_id}/ket-thuc", include_in_schema=False)
async def live_end(request: Request, bulletin_id: int) -> Response:
    kit, ctx = api_caller(request)
    live = _desk(request).get(ctx.actor, bulletin_id)
    await run_in_threadpool(_desk(request).close, ctx.actor, bulletin_id)
    return JSONResponse({"task": live.task_id})


@router.get("/truc-tiep/luong/{token}.mp3", include_in_schema=False)
async def live_stream(token: str, request: Request) -> Response:
    relay = _desk(request).by_token(token)

    async def body() -> AsyncIterator[bytes]:
        async for piece in iterate_in_threadpool(relay.listen()):
            if piece:
                yield piece

    return StreamingResponse(body(), media_type="audio/mpeg", headers={"Cache-Control": "no-store"})
