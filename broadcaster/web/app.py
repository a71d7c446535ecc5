"""The console (Vietnamese, server-rendered) and the JSON API under /api/.

Permissions are checked by the workflow functions the routes call, never only in the page.
Every form carries a CSRF token; API calls authenticated by the session cookie send it in
the X-CSRF-Token header. Unauthenticated API calls get 401; pages redirect to sign-in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from broadcaster.app import bulletin_audio, bulletins, operations, tasks
from broadcaster.app.messages import CATALOGUE, WARNINGS, Explained, render
from broadcaster.app.workflow import Actor, PermissionDenied, Role
from broadcaster.config import Settings
from broadcaster.errors import NotFound
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import User
from broadcaster.store.passwords import DUMMY_HASH, verify_password
from broadcaster.web import bookings as booking_pages
from broadcaster.web import errors, ui
from broadcaster.web.guard import Guard, client_address
from broadcaster.web.kit import Context, CsrfError, Kit, NotSignedIn
from broadcaster.web.session import (
    COOKIE,
    COOKIE_KEEP_S,
    SessionCodec,
    SignInLimiter,
    is_revoked,
    load_secret,
    revoke,
)
from media.store import NAME_RE
from schedules.model import ScheduleValueError

HERE = Path(__file__).parent
ROLE_NAMES = {
    "admin": "Quản trị",
    "editor": "Biên tập viên",
    "approver": "Người phê duyệt",
    "translator": "Biên dịch viên",
    "official": "Cán bộ xã",
    "observer": "Quan sát viên",
}


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The console and API: they change the store and queue tasks; they never open a broker session."""
    store = store or open_store(settings.database_url)
    codec = SessionCodec(load_secret(settings.data_dir / "keys" / "session.key"))
    limiter = SignInLimiter()
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(
        role_names=ROLE_NAMES,
        state_names=bulletins.STATE_NAMES,
        device_reason=lambda reason: render(f"protocol.{reason}") if f"protocol.{reason}" in CATALOGUE else reason,
        warning_names=WARNINGS,
    )
    ui.install(templates, settings)

    def commune_name(commune_id: str) -> str:
        """A commune's display name ("Tân Lập" for tan-lap), its id when it has none."""
        from broadcaster.app import communes

        with store.session() as db:
            return communes.names(db).get(commune_id, commune_id)

    templates.env.globals["commune_name"] = commune_name
    templates.env.filters["commune_name_of"] = commune_name
    # No Swagger UI / ReDoc: FastAPI loads them from a CDN. The schema stays, behind sign-in.
    app = FastAPI(title="Loa pháp luật — API", version="1", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.store, app.state.settings = store, settings

    def address_of(request: Request) -> str:
        return client_address(request, settings.trusted_proxies)

    # -- identity --------------------------------------------------------------
    def context(request: Request) -> Context:
        session = codec.read(request.cookies.get(COOKIE))
        if session is None:
            raise NotSignedIn()
        with store.session() as db:
            user = db.scalars(select(User).where(User.username == session.username)).first()
            if user is None or not user.active or is_revoked(db, session):
                raise NotSignedIn()
            address = address_of(request)
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
        if ctx is not None and status == 200:
            ui.guard(ctx.actor.role, request.url.path)
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
            max_age=COOKIE_KEEP_S,
            httponly=True,
            samesite="strict",
            path="/",
            secure=request.url.scheme == "https" or settings.cookie_secure,
        )

    public_api = {"/api/session"}

    @app.middleware("http")
    async def api_requires_session(request: Request, call_next: Callable[[Request], Any]) -> Response:
        """401 before anything else (body validation included) for an API call without a session."""
        path = request.url.path
        if path.startswith("/api/") and path not in public_api and codec.read(request.cookies.get(COOKIE)) is None:
            return JSONResponse(Explained("signin.required").as_json(), status_code=401)
        response: Response = await call_next(request)
        return response

    # -- errors: friendly, in Vietnamese (broadcaster/web/errors.py) --------------
    def current(request: Request) -> Context | None:
        try:
            return context(request)
        except NotSignedIn:
            return None

    errors.install(app, page, current, NotSignedIn, CsrfError)

    # -- sign-in ---------------------------------------------------------------
    @app.get("/dang-nhap", response_class=HTMLResponse, include_in_schema=False)
    async def sign_in_page(request: Request) -> Response:
        query = request.query_params
        return page(
            request,
            "signin.html",
            None,
            next=query.get("next", "/"),
            expired=bool(query.get("het-phien")),
            no_admin=await run_in_threadpool(no_admin_yet),
        )

    def no_admin_yet() -> bool:
        """A fresh install: nobody can sign in until the first admin is made on the server."""
        with store.session() as db:
            return db.scalars(select(User.id).where(User.role == "admin", User.active.is_(True))).first() is None

    def authenticate(request: Request, username: str, password: str) -> str | None:
        username = " ".join(username.split()).lower()  # "BienTap " is bientap
        address = address_of(request)
        if limiter.blocked(username, address):
            raise PermissionDenied("too many failed sign-ins; wait five minutes", "perm.signin_limit")
        with store.session() as db:
            user = db.scalars(select(User).where(func.lower(User.username) == username)).first()
            # an unknown user costs the same argon2 verification as a known one: no timing oracle
            ok = verify_password(user.password_hash if user is not None else DUMMY_HASH, password)
            ok = ok and user is not None and user.active
        if not ok:
            limiter.failed(username, address)
            return None
        limiter.succeeded(username, address)
        with store.session() as db:
            from broadcaster.app.workflow import audit

            name = user.username  # type: ignore[union-attr]
            audit(db, Actor(name, Role(user.role), address=address), "user.signed_in", f"user:{name}")  # type: ignore[union-attr]
        return codec.issue(name)[0]

    @app.post("/dang-nhap", include_in_schema=False)
    async def sign_in(request: Request) -> Response:
        form = await request.form()
        username, password = str(form.get("username", "")), str(form.get("password", ""))
        try:
            cookie = await run_in_threadpool(authenticate, request, username, password)  # argon2: off the loop
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
        with store.session() as db:
            revoke(db, ctx.session)  # the cookie is worthless from now on, even if someone kept a copy
        response = RedirectResponse("/dang-nhap", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    # -- pages -----------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def inbox(request: Request) -> Response:
        ctx = context(request)
        if not any(href == "/" for href, _ in ui.menu_for(ctx.actor.role)):
            return RedirectResponse(ui.landing(ctx.actor.role), status_code=303)
        returned = bulletins.returned_to(store, "" if ctx.actor.role is Role.ADMIN else ctx.actor.username)
        return page(
            request,
            "inbox.html",
            ctx,
            bulletins=bulletins.bulletins(store),
            documents=bulletins.documents(store),
            returned=returned,
        )

    @app.get("/ban-tin/{bulletin_id}", response_class=HTMLResponse, include_in_schema=False)
    async def bulletin_page(request: Request, bulletin_id: int) -> Response:
        ctx = context(request)
        return page(request, "bulletin.html", ctx, v=bulletins.bulletin_view(store, bulletin_id, settings.dialect))

    def run_verb(actor: Actor, bulletin_id: int, verb: str, data: Any) -> str:
        from broadcaster.app import approval, workflow

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
            if verb == "gui-duyet":
                workflow.submit(db, bulletin, actor)
                return "Đã gửi duyệt"
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

    @app.get("/ban-tin/{bulletin_id}/dat-lich", response_class=HTMLResponse, include_in_schema=False)
    async def booking_page(request: Request, bulletin_id: int) -> Response:
        ctx = context(request)
        return page(request, "book.html", ctx, **booking_pages.form_values(store, settings, ctx.actor, bulletin_id))

    @app.post("/ban-tin/{bulletin_id}/dat-lich", include_in_schema=False)
    async def booking_submit(request: Request, bulletin_id: int) -> Response:
        """Every problem is shown on the form, in Vietnamese, before anything is saved."""
        ctx = context(request)
        form = await form_with_csrf(request, ctx)
        data = booking_pages.form_data(form)
        try:
            row = await run_in_threadpool(make_booking, ctx.actor, bulletin_id, data)
        except ScheduleValueError as exc:
            values = booking_pages.form_values(store, settings, ctx.actor, bulletin_id, data=data)
            return page(request, "book.html", ctx, status=400, **{**values, "problems": booking_pages.problems_of(exc)})
        said = " ".join(["Đã đặt lịch phát.", *row["warnings"]]) if row["warnings"] else "Đã đặt lịch phát"
        return back(f"/lich?zone={row['zones'][0]}&start={row['starts_on']}", said)

    def make_booking(actor: Actor, bulletin_id: int, data: dict[str, Any]) -> dict[str, Any]:
        return booking_pages.make(store, settings, actor, bulletin_id, data)

    @app.post("/ban-tin/{bulletin_id}/{verb}", include_in_schema=False)
    async def bulletin_action(request: Request, bulletin_id: int, verb: str) -> Response:
        ctx = context(request)
        form = await form_with_csrf(request, ctx)
        message = await run_in_threadpool(run_verb, ctx.actor, bulletin_id, verb, form)  # rendering: off the loop
        return back(f"/ban-tin/{bulletin_id}", message)

    @app.get("/lich", response_class=HTMLResponse, include_in_schema=False)
    async def calendar(request: Request) -> Response:
        ctx = context(request)
        operations.require_calendar(ctx.actor)
        zones = operations.zones_for(store, ctx.actor)
        zone_id = request.query_params.get("zone") or (zones[0].id if zones else "")
        if zone_id and zone_id not in {z.id for z in zones}:
            raise PermissionDenied(f"{ctx.actor.username} may see the calendars of their own communes only", "perm.own_communes")
        today = datetime.now(ZoneInfo(settings.timezone)).date()
        start = (
            date.fromisoformat(request.query_params["start"])
            if request.query_params.get("start")
            else today - timedelta(days=today.weekday())
        )
        data = await run_in_threadpool(operations.week, store, zone_id, start) if zone_id else None
        return page(
            request,
            "calendar.html",
            ctx,
            zones=zones,
            week=data,
            start=start,
            zone_id=zone_id,
            timedelta=timedelta,
            sees_bookings=ctx.actor.role in operations.READS_OPERATIONS,
        )

    def fire_emergency(actor: Actor, bulletin_id: int, zones: list[str], reason: str) -> dict[str, Any]:
        """Queue the emergency for the running service; the task page follows it to the speakers' acks."""
        with store.session() as db:
            task = tasks.request_emergency(db, actor, bulletin_id, zones, reason=reason)
            return tasks.task_view(db, task.id)

    @app.get("/loa", response_class=HTMLResponse, include_in_schema=False)
    async def devices_page(request: Request) -> Response:
        ctx = context(request)
        zones = operations.zones_for(store, ctx.actor)
        zone_tz = {z.id: z.timezone for z in zones}
        devices = operations.devices(store, ctx.actor)
        from broadcaster.app.timetables import describe, to_text

        return page(
            request,
            "devices.html",
            ctx,
            devices=devices,
            zones=zones,
            zone_tz=zone_tz,
            now=time.time(),
            confirm=None,
            timetable_text=to_text,
            timetable_said=describe,
        )

    @app.get("/dich", response_class=HTMLResponse, include_in_schema=False)
    async def translation_tasks(request: Request) -> Response:
        ctx = context(request)
        return page(request, "tasks.html", ctx, tasks=bulletins.translation_tasks(store, ctx.actor))

    @app.get("/dich/{bulletin_id}/{language}", response_class=HTMLResponse, include_in_schema=False)
    async def translation_page(request: Request, bulletin_id: int, language: str) -> Response:
        ctx = context(request)
        view = bulletins.bulletin_view(store, bulletin_id)
        current = view["scripts"].get(language)
        existing = {((s.get("source") or {}).get("vi")): s["text"] for s in (current.sentences if current else [])}
        memory = bulletins.translation_memory(store, language)
        rows = [(s["text"], existing.get(s["text"]) or memory.get(s["text"], ""), s["text"] in memory) for s in view["sentences"]]
        return page(request, "translate.html", ctx, v=view, language=language, rows=rows)

    @app.post("/dich/{bulletin_id}/{language}", include_in_schema=False)
    async def translation_save(request: Request, bulletin_id: int, language: str) -> Response:
        ctx = context(request)
        form = await form_with_csrf(request, ctx)
        pairs = list(zip([str(x) for x in form.getlist("vi")], [str(x) for x in form.getlist("text")]))
        await run_in_threadpool(bulletins.save_translation, store, ctx.actor, bulletin_id, language, pairs, settings)
        return back(f"/dich/{bulletin_id}/{language}", "Đã lưu bản dịch và tạo âm thanh cho các thôn nói tiếng này")

    @app.post("/dich/{bulletin_id}/{language}/ghi-am", include_in_schema=False)
    async def recording_upload(request: Request, bulletin_id: int, language: str) -> Response:
        ctx = context(request)
        form = await form_with_csrf(request, ctx)
        upload = form.get("audio")
        data = await upload.read() if upload is not None and hasattr(upload, "read") else b""
        asset = await run_in_threadpool(bulletin_audio.upload_recording, store, settings, ctx.actor, bulletin_id, language, data)
        return back(f"/dich/{bulletin_id}/{language}", f"Đã nhận bản ghi âm {asset.duration_ms / 1000:.0f} giây")

    @app.get("/media/{name}", include_in_schema=False)
    async def media(request: Request, name: str) -> Response:
        context(request)
        if not NAME_RE.match(name) or not (settings.media_dir / name).is_file():
            raise NotFound(name)
        return FileResponse(
            settings.media_dir / name, media_type="audio/mpeg", headers={"Cache-Control": "private, max-age=31536000, immutable"}
        )

    from broadcaster.web.api import register_api

    register_api(app, store, context, api_csrf, run_verb, make_booking, fire_emergency, authenticate, set_cookie, codec)
    kit = Kit(store, settings, context, page, back, form_with_csrf, api_csrf, fire_emergency)
    from broadcaster.web import admin, audit_pages, emergency, live, notices, programmes, remote, review, stats, today
    from broadcaster.web import assist as assist_pages

    audit_pages.register(app, kit)
    emergency.register(app, kit)
    live.register(app, kit)
    notices.register(app, kit, templates)
    today.register(app, kit)
    review.register(app, kit)
    stats.register(app, kit)
    admin.register(app, kit)
    remote.register(app, kit)
    programmes.register(app, kit, templates)
    booking_pages.register(app, kit, templates)
    assist_pages.register(app, kit, templates)
    # outermost (added last): limits, Origin check and security headers before anything else runs
    app.add_middleware(Guard, max_request_bytes=settings.max_request_bytes, max_upload_bytes=settings.max_upload_bytes)
    app.mount("/static", _static(), name="static")
    return app


def _static() -> Any:
    from fastapi.staticfiles import StaticFiles

    return StaticFiles(directory=str(HERE / "static"))
