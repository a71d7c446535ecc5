"""The console (Vietnamese, server-rendered) and the JSON API under /api/.

Permissions are checked by the workflow functions the routes call, never only in the page.
Every form carries a CSRF token; API calls authenticated by the session cookie send it in
the X-CSRF-Token header. Unauthenticated API calls get 401; pages redirect to sign-in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import select

from broadcaster import actions
from broadcaster.config import Settings
from broadcaster.models import User
from broadcaster.security import verify_password
from broadcaster.store import Store, open_store
from broadcaster.web.session import COOKIE, MAX_AGE_S, Session, SessionCodec, SignInLimiter, load_secret
from broadcaster.workflow import Action, Actor, PermissionDenied, Role, WorkflowError, require
from media.encode import MediaError
from media.store import NAME_RE
from schedules.model import ScheduleError
from tts.base import TTSError

HERE = Path(__file__).parent
ROLE_NAMES = {
    "admin": "Quản trị",
    "editor": "Biên tập viên",
    "approver": "Người phê duyệt",
    "translator": "Biên dịch viên",
    "official": "Cán bộ xã",
    "observer": "Quan sát viên",
}


class NotSignedIn(Exception):
    pass


class CsrfError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Context:
    actor: Actor
    session: Session
    display_name: str


def create_app(settings: Settings, store: Store | None = None, service_factory: Callable[[], Any] | None = None) -> FastAPI:
    store = store or open_store(settings.database_url)
    codec = SessionCodec(load_secret(settings.data_dir / "keys" / "session.key"))
    limiter = SignInLimiter()
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(role_names=ROLE_NAMES, state_names=actions.STATE_NAMES)
    app = FastAPI(title="Loa pháp luật — API", version="1", docs_url="/api/docs", openapi_url="/api/openapi.json")
    app.state.store, app.state.settings = store, settings

    # -- identity --------------------------------------------------------------
    def context(request: Request) -> Context:
        session = codec.read(request.cookies.get(COOKIE))
        if session is None:
            raise NotSignedIn()
        with store.session() as db:
            user = db.scalars(select(User).where(User.username == session.username)).first()
            if user is None or not user.active:
                raise NotSignedIn()
            address = request.client.host if request.client else ""
            return Context(Actor.of(user, address), session, user.display_name or user.username)

    async def form_with_csrf(request: Request, ctx: Context) -> Any:
        form = await request.form()
        if form.get("csrf") != ctx.session.csrf:
            raise CsrfError()
        return form

    def api_csrf(request: Request, ctx: Context) -> None:
        if request.headers.get("X-CSRF-Token") != ctx.session.csrf:
            raise CsrfError()

    def page(request: Request, name: str, ctx: Context | None, status: int = 200, **values: Any) -> HTMLResponse:
        return templates.TemplateResponse(
            request, name, {"ctx": ctx, "flash": request.query_params.get("ok"), **values}, status_code=status
        )

    def back(url: str, message: str = "") -> RedirectResponse:
        from urllib.parse import quote

        joiner = "&" if "?" in url else "?"
        return RedirectResponse(f"{url}{joiner}ok={quote(message)}" if message else url, status_code=303)

    def set_cookie(response: Response, request: Request, cookie: str) -> None:
        response.set_cookie(
            COOKIE,
            cookie,
            max_age=MAX_AGE_S,
            httponly=True,
            samesite="strict",
            path="/",
            secure=request.url.scheme == "https" or bool(settings.extra.get("cookie_secure")),
        )

    public_api = {"/api/session", "/api/openapi.json", "/api/docs"}

    @app.middleware("http")
    async def api_requires_session(request: Request, call_next: Callable[[Request], Any]) -> Response:
        """401 before anything else (body validation included) for an API call without a session."""
        path = request.url.path
        if path.startswith("/api/") and path not in public_api and codec.read(request.cookies.get(COOKIE)) is None:
            return JSONResponse({"error": "sign in first (POST /api/session)"}, status_code=401)
        response: Response = await call_next(request)
        return response

    # -- errors ----------------------------------------------------------------
    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def failure(request: Request, status: int, message: str) -> Response:
        if is_api(request):
            return JSONResponse({"error": message}, status_code=status)
        try:
            ctx: Context | None = context(request)
        except NotSignedIn:
            ctx = None
        return page(request, "error.html", ctx, status=status, message=message, status_code=status)

    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, exc: NotSignedIn) -> Response:
        if is_api(request):
            return JSONResponse({"error": "sign in first (POST /api/session)"}, status_code=401)
        return RedirectResponse(f"/dang-nhap?next={request.url.path}", status_code=303)

    @app.exception_handler(CsrfError)
    async def csrf_error(request: Request, exc: CsrfError) -> Response:
        return failure(request, 403, "Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang và thử lại.")

    @app.exception_handler(PermissionDenied)
    async def denied(request: Request, exc: PermissionDenied) -> Response:
        return failure(request, 403, f"Bạn không có quyền thực hiện việc này: {exc}")

    @app.exception_handler(LookupError)
    async def missing(request: Request, exc: LookupError) -> Response:
        return failure(request, 404, f"Không tìm thấy: {exc}")

    for kind in (WorkflowError, ScheduleError, TTSError, MediaError, ValueError):

        @app.exception_handler(kind)
        async def conflict(request: Request, exc: Exception) -> Response:
            return failure(request, 409 if isinstance(exc, WorkflowError) else 400, str(exc))

    # -- sign-in ---------------------------------------------------------------
    @app.get("/dang-nhap", response_class=HTMLResponse, include_in_schema=False)
    async def sign_in_page(request: Request) -> Response:
        return page(request, "signin.html", None, next=request.query_params.get("next", "/"))

    def authenticate(request: Request, username: str, password: str) -> str | None:
        address = request.client.host if request.client else ""
        if limiter.blocked(username, address):
            raise PermissionDenied("too many failed sign-ins; wait five minutes")
        with store.session() as db:
            user = db.scalars(select(User).where(User.username == username)).first()
            ok = user is not None and user.active and verify_password(user.password_hash, password)
        if not ok:
            limiter.failed(username, address)
            return None
        limiter.succeeded(username, address)
        with store.session() as db:
            from broadcaster.workflow import audit

            audit(db, Actor(username, Role(user.role), address=address), "user.signed_in", f"user:{username}")  # type: ignore[union-attr]
        return codec.issue(username)[0]

    @app.post("/dang-nhap", include_in_schema=False)
    async def sign_in(request: Request) -> Response:
        form = await request.form()
        username, password = str(form.get("username", "")), str(form.get("password", ""))
        try:
            cookie = authenticate(request, username, password)
        except PermissionDenied:
            return page(request, "signin.html", None, status=429, error="Đăng nhập sai quá nhiều lần. Hãy thử lại sau 5 phút.")
        if cookie is None:
            return page(
                request, "signin.html", None, status=401, error="Sai tên đăng nhập hoặc mật khẩu.", next=form.get("next", "/")
            )
        target = str(form.get("next") or "/")
        response = RedirectResponse(target if target.startswith("/") and not target.startswith("//") else "/", status_code=303)
        set_cookie(response, request, cookie)
        return response

    @app.post("/dang-xuat", include_in_schema=False)
    async def sign_out(request: Request) -> Response:
        ctx = context(request)
        await form_with_csrf(request, ctx)
        response = RedirectResponse("/dang-nhap", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    # -- pages -----------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def inbox(request: Request) -> Response:
        ctx = context(request)
        return page(request, "inbox.html", ctx, bulletins=actions.bulletins(store), documents=actions.documents(store))

    @app.get("/ban-tin/{bulletin_id}", response_class=HTMLResponse, include_in_schema=False)
    async def bulletin_page(request: Request, bulletin_id: int) -> Response:
        ctx = context(request)
        return page(request, "bulletin.html", ctx, v=actions.bulletin_view(store, bulletin_id, settings.dialect))

    def run_verb(actor: Actor, bulletin_id: int, verb: str, data: Any) -> str:
        from broadcaster import workflow

        if verb == "sua":
            texts = data.getlist("sentence") if hasattr(data, "getlist") else list(data.get("sentences", []))
            version = actions.save_script(store, actor, bulletin_id, [str(t) for t in texts])
            return f"Đã lưu phiên bản {version.version}"
        if verb == "thu-am":
            asset = actions.render_audio(store, settings, actor, bulletin_id)
            return f"Đã tạo âm thanh {asset.duration_ms / 1000:.0f} giây"
        with store.session() as db:
            bulletin = actions.get_bulletin(db, bulletin_id)
            if verb == "gui-duyet":
                workflow.submit(db, bulletin, actor)
                return "Đã gửi duyệt"
            if verb == "duyet":
                workflow.approve(db, bulletin, actor)
                return "Đã phê duyệt"
            if verb == "tra-lai":
                workflow.reject(db, bulletin, actor, str(data.get("comment", "")))
                return "Đã trả lại cho biên tập viên"
            if verb == "rut":
                workflow.withdraw(db, bulletin, actor, str(data.get("reason", "")) or "rút khỏi lịch phát")
                return "Đã rút bản tin khỏi mọi lịch phát"
        raise LookupError(f"action {verb}")

    @app.get("/ban-tin/{bulletin_id}/dat-lich", response_class=HTMLResponse, include_in_schema=False)
    async def booking_page(request: Request, bulletin_id: int) -> Response:
        ctx = context(request)
        return page(
            request,
            "book.html",
            ctx,
            v=actions.bulletin_view(store, bulletin_id),
            zones=actions.zones_for(store, ctx.actor),
            today=datetime.now(ZoneInfo(settings.timezone)).date(),
        )

    @app.post("/ban-tin/{bulletin_id}/dat-lich", include_in_schema=False)
    async def booking_submit(request: Request, bulletin_id: int) -> Response:
        ctx = context(request)
        form = await form_with_csrf(request, ctx)
        row = make_booking(ctx.actor, bulletin_id, {k: form.getlist(k) if k == "zones" else form.get(k) for k in form.keys()})
        return back(f"/lich?zone={row['zones'][0]}&start={row['starts_on']}", "Đã đặt lịch phát")

    def make_booking(actor: Actor, bulletin_id: int, data: dict[str, Any]) -> dict[str, Any]:
        from broadcaster.scheduling import book, recurrence

        zones = [str(z) for z in data.get("zones") or []]
        if not zones:
            raise ValueError("choose at least one zone")
        starts = date.fromisoformat(str(data.get("starts_on") or datetime.now(ZoneInfo(settings.timezone)).date()))
        until = date.fromisoformat(str(data["until"])) if data.get("until") else None
        repeat = str(data.get("repeat") or "once")
        rule = recurrence(
            daily=repeat == "daily",
            weekly=str(data.get("weekdays") or "") if repeat == "weekly" else None,
            monthly=repeat == "monthly",
            rule=str(data.get("rule") or "") or None,
        )
        with store.session() as db:
            row = book(
                db,
                actor,
                bulletin_id,
                zones,
                starts,
                rule,
                until,
                str(data.get("slot") or "") or None,
                str(data.get("priority") or "normal"),
            )
            return {"id": row.id, "zones": zones, "starts_on": starts.isoformat(), "rule": rule}

    @app.post("/ban-tin/{bulletin_id}/{verb}", include_in_schema=False)
    async def bulletin_action(request: Request, bulletin_id: int, verb: str) -> Response:
        ctx = context(request)
        form = await form_with_csrf(request, ctx)
        message = run_verb(ctx.actor, bulletin_id, verb, form)
        return back(f"/ban-tin/{bulletin_id}", message)

    @app.get("/lich", response_class=HTMLResponse, include_in_schema=False)
    async def calendar(request: Request) -> Response:
        ctx = context(request)
        zones = actions.zones_for(store, ctx.actor)
        zone_id = request.query_params.get("zone") or (zones[0].id if zones else "")
        today = datetime.now(ZoneInfo(settings.timezone)).date()
        start = (
            date.fromisoformat(request.query_params["start"])
            if request.query_params.get("start")
            else today - timedelta(days=today.weekday())
        )
        data = actions.week(store, zone_id, start) if zone_id else None
        return page(request, "calendar.html", ctx, zones=zones, week=data, start=start, zone_id=zone_id, timedelta=timedelta)

    @app.get("/khan-cap", response_class=HTMLResponse, include_in_schema=False)
    async def emergency_page(request: Request) -> Response:
        ctx = context(request)
        require(ctx.actor, Action.EMERGENCY)
        playable = [b for b in actions.bulletins(store) if b["state"] in ("approved", "scheduled")]
        return page(request, "emergency.html", ctx, bulletins=playable, zones=actions.zones_for(store, ctx.actor), confirm=None)

    @app.post("/khan-cap", include_in_schema=False)
    async def emergency_submit(request: Request) -> Response:
        ctx = context(request)
        form = await form_with_csrf(request, ctx)
        require(ctx.actor, Action.EMERGENCY)
        bulletin_id, zones = int(str(form.get("bulletin"))), [str(z) for z in form.getlist("zones")]
        if form.get("confirm") != "yes":  # step one: say exactly what will happen, ask again
            view = actions.bulletin_view(store, bulletin_id)
            return page(
                request, "emergency.html", ctx, bulletins=[], zones=[], confirm={"bulletin": view["bulletin"], "zones": zones}
            )
        fire_emergency(ctx.actor, bulletin_id, zones)
        return back("/khan-cap", f"Đã phát khẩn cấp tới {len(zones)} vùng")

    def fire_emergency(actor: Actor, bulletin_id: int, zones: list[str]) -> list[str]:
        if service_factory is None:
            raise WorkflowError("the console is not connected to the broadcasting service")
        return list(service_factory().fire_emergency(actor, bulletin_id, zones))

    @app.get("/loa", response_class=HTMLResponse, include_in_schema=False)
    async def devices_page(request: Request) -> Response:
        ctx = context(request)
        return page(request, "devices.html", ctx, devices=actions.devices(store, ctx.actor), now=time.time())

    @app.get("/nhat-ky", response_class=HTMLResponse, include_in_schema=False)
    async def audit_page(request: Request) -> Response:
        ctx = context(request)
        return page(request, "audit.html", ctx, events=actions.audit_events(store))

    @app.get("/nhat-ky.csv", include_in_schema=False)
    async def audit_export(request: Request) -> Response:
        context(request)
        return PlainTextResponse(
            actions.audit_csv(store),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": "attachment; filename=nhat-ky.csv"},
        )

    @app.get("/dich", response_class=HTMLResponse, include_in_schema=False)
    async def translation_tasks(request: Request) -> Response:
        ctx = context(request)
        return page(request, "tasks.html", ctx, tasks=actions.translation_tasks(store, ctx.actor))

    @app.get("/dich/{bulletin_id}/{language}", response_class=HTMLResponse, include_in_schema=False)
    async def translation_page(request: Request, bulletin_id: int, language: str) -> Response:
        ctx = context(request)
        view = actions.bulletin_view(store, bulletin_id)
        current = view["scripts"].get(language)
        existing = {((s.get("source") or {}).get("vi")): s["text"] for s in (current.sentences if current else [])}
        memory = actions.translation_memory(store, language)
        rows = [(s["text"], existing.get(s["text"]) or memory.get(s["text"], ""), s["text"] in memory) for s in view["sentences"]]
        return page(request, "translate.html", ctx, v=view, language=language, rows=rows)

    @app.post("/dich/{bulletin_id}/{language}", include_in_schema=False)
    async def translation_save(request: Request, bulletin_id: int, language: str) -> Response:
        ctx = context(request)
        form = await form_with_csrf(request, ctx)
        pairs = list(zip([str(x) for x in form.getlist("vi")], [str(x) for x in form.getlist("text")]))
        actions.save_translation(store, ctx.actor, bulletin_id, language, pairs)
        return back(f"/dich/{bulletin_id}/{language}", "Đã lưu bản dịch")

    @app.post("/dich/{bulletin_id}/{language}/ghi-am", include_in_schema=False)
    async def recording_upload(request: Request, bulletin_id: int, language: str) -> Response:
        ctx = context(request)
        form = await form_with_csrf(request, ctx)
        upload = form.get("audio")
        data = await upload.read() if upload is not None and hasattr(upload, "read") else b""
        asset = actions.upload_recording(store, settings, ctx.actor, bulletin_id, language, data)
        return back(f"/dich/{bulletin_id}/{language}", f"Đã nhận bản ghi âm {asset.duration_ms / 1000:.0f} giây")

    @app.get("/media/{name}", include_in_schema=False)
    async def media(request: Request, name: str) -> Response:
        context(request)
        if not NAME_RE.match(name) or not (settings.media_dir / name).is_file():
            raise LookupError(name)
        return FileResponse(
            settings.media_dir / name, media_type="audio/mpeg", headers={"Cache-Control": "private, max-age=31536000, immutable"}
        )

    from broadcaster.web.api import register_api

    register_api(app, store, context, api_csrf, run_verb, make_booking, fire_emergency, authenticate, set_cookie, codec)
    app.mount("/static", _static(), name="static")
    return app


def _static() -> Any:
    from fastapi.staticfiles import StaticFiles

    return StaticFiles(directory=str(HERE / "static"))
