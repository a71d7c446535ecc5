"""Administration pages (admins only): users, zones, devices, and CSV/XLSX import and export.

Every change is audited. Imports are all-or-nothing (see admin_io): a refused file lists every
bad row with its line number and changes nothing.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from broadcaster.app import communes, credentials
from broadcaster.app.messages import explain
from broadcaster.app.timetables import TimetableRefused, describe, save_typed
from broadcaster.app.workflow import Actor, PermissionDenied, Role, audit
from broadcaster.config import ConfigError
from broadcaster.errors import NotFound
from broadcaster.store.models import DeviceRow, User, ZoneRow
from broadcaster.store.passwords import hash_password
from broadcaster.web import admin_io, spreadsheets
from broadcaster.web.kit import Context, Kit, kit_of, viewing
from broadcaster.web.session import revoke_user

KINDS = {"loa": "thiết bị loa", "vung": "vùng phát", "lich": "lịch phát"}
MIME = {"csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def require_admin(actor: Actor) -> None:
    if actor.role is not Role.ADMIN:
        raise PermissionDenied("only an admin may administer users, zones and devices", "perm.admin")


def _split(text: Any) -> list[str]:
    return [x.strip() for x in str(text or "").split(",") if x.strip()]


def _chosen(form: Any) -> list[str]:
    """The communes ticked in the list (or, from an older form or a script, typed with commas)."""
    return [x for value in form.getlist("communes") for x in _split(value)]


router = APIRouter()


def _admin_context(request: Request) -> Any:
    _, ctx = viewing(request)
    require_admin(ctx.actor)
    return ctx


async def _admin_form(request: Request) -> tuple[Kit, Context, Any]:
    """An admin's form: their role is checked before their CSRF token."""
    ctx = _admin_context(request)
    kit = kit_of(request)
    return kit, ctx, await kit.form(request, ctx)


def _overview(request: Request, ctx: Any, status: int = 200, **extra: Any) -> Response:
    kit = kit_of(request)
    with kit.store.session() as db:
        users = list(db.scalars(select(User).order_by(User.username)))
        zones = list(db.scalars(select(ZoneRow).order_by(ZoneRow.commune, ZoneRow.id)))
        devices = list(db.scalars(select(DeviceRow).order_by(DeviceRow.id)))
        commune_rows = communes.listing(db)
    editing = request.query_params.get("vung", "")
    if "zone_typed" not in extra and editing:  # "Sửa": the zone's values in the form
        zone = next((z for z in zones if z.id == editing), None)
        if zone is not None:
            extra["zone_typed"] = admin_io.zone_cells(zone)
    return kit.page(
        request,
        "admin.html",
        ctx,
        status=status,
        users=users,
        zones=zones,
        devices=devices,
        kinds=KINDS,
        roles=list(Role),
        communes=commune_rows,
        **extra,
    )


@router.get("/quan-tri", response_class=HTMLResponse, include_in_schema=False)
async def admin_page(request: Request) -> Response:
    return _overview(request, _admin_context(request))


# -- users -----------------------------------------------------------------------
@router.post("/quan-tri/nguoi-dung", include_in_schema=False)
async def create_user(request: Request) -> Response:
    kit, ctx, form = await _admin_form(request)
    username, password = str(form.get("username", "")).strip().lower(), str(form.get("password", ""))
    if not admin_io.ID_RE.match(username):
        return _overview(request, ctx, 400, error="Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 64 ký tự).")
    if len(password) < 10:
        return _overview(request, ctx, 400, error="Mật khẩu cần ít nhất 10 ký tự.")
    role = Role(str(form.get("role", "observer")))
    with kit.store.session() as db:
        if db.scalars(select(User).where(func.lower(User.username) == username)).first() is not None:
            return _overview(request, ctx, 409, error=f"Đã có người dùng {username}.")
        try:
            chosen = communes.resolve(db, _chosen(form))
        except communes.UnknownCommune as exc:
            return _overview(request, ctx, 400, error=explain(exc).text)
        db.add(
            User(
                username=username,
                display_name=str(form.get("display_name", "")).strip() or username,
                role=role.value,
                password_hash=hash_password(password),
                communes=chosen,
                languages=_split(form.get("languages")),
            )
        )
        audit(db, ctx.actor, "user.created", f"user:{username}", role=role.value)
    return kit.back("/quan-tri", f"Đã tạo người dùng {username}")


@router.post("/quan-tri/nguoi-dung/{username}", include_in_schema=False)
async def change_user(request: Request, username: str) -> Response:
    kit, ctx, form = await _admin_form(request)
    action = str(form.get("action", ""))
    shown = ""
    with kit.store.session() as db:
        user = db.scalars(select(User).where(User.username == username)).first()
        if user is None:
            raise NotFound(f"no user {username}")
        if action == "save":
            try:
                chosen = communes.resolve(db, _chosen(form))
            except communes.UnknownCommune as exc:
                db.rollback()
                return _overview(request, ctx, 400, error=explain(exc).text)
            user.role = Role(str(form.get("role", user.role))).value
            user.communes, user.languages = chosen, _split(form.get("languages"))
            audit(db, ctx.actor, "user.updated", f"user:{username}", role=user.role, communes=user.communes)
            message = f"Đã lưu {username}"
        elif action == "reset":
            shown = secrets.token_urlsafe(12)
            user.password_hash = hash_password(shown)
            revoke_user(db, username)  # sessions opened with the old password end now
            audit(db, ctx.actor, "user.password_reset", f"user:{username}")
            message = f"Mật khẩu mới của {username}"
        elif action in ("disable", "enable"):
            if username == ctx.actor.username:
                return _overview(request, ctx, 409, error="Không thể tự khóa tài khoản của mình.")
            user.active = action == "enable"
            revoke_user(db, username)
            audit(db, ctx.actor, f"user.{action}d", f"user:{username}")
            message = f"Đã {'mở khóa' if user.active else 'khóa'} {username}"
        else:
            raise NotFound(f"action {action}")
    if shown:  # shown once, never stored in clear or put in a URL
        return _overview(request, ctx, flash_password={"user": username, "password": shown, "message": message})
    return kit.back("/quan-tri", message)


# -- zones and devices -------------------------------------------------------------
@router.post("/quan-tri/vung", include_in_schema=False)
async def save_zone(request: Request) -> Response:
    kit, ctx, form = await _admin_form(request)
    row = {k: str(form.get(k, "")).strip() for k in spreadsheets.COLUMNS["vung"]}
    parsed = spreadsheets.Parsed(rows=[(1, row)])
    with kit.store.session() as db:
        try:
            if row["xa"] and row["xa"] not in {c.id for c in communes.listing(db)}:
                raise spreadsheets.ImportRefused([(1, explain(communes.UnknownCommune([row["xa"]])).text)])
            admin_io.import_zones(db, parsed)
        except spreadsheets.ImportRefused as refused:
            db.rollback()  # the form keeps what was typed; a form has no "lines"
            problems = [(None, reason) for _line, reason in refused.problems]
            return _overview(request, ctx, 400, problems=problems, zone_typed=row)
        audit(db, ctx.actor, "zone.saved", f"zone:{row['ma_vung']}", commune=row["xa"])
        saved = db.get(ZoneRow, row["ma_vung"])
        warning = admin_io.quiet_slot_warning(saved) if saved is not None else ""
    return kit.back("/quan-tri", f"Đã lưu vùng {row['ma_vung']}. {warning}".strip())


@router.post("/quan-tri/xa", include_in_schema=False)
async def save_commune(request: Request) -> Response:
    kit, ctx, form = await _admin_form(request)
    name = " ".join(str(form.get("ten", "")).split())
    commune_id = str(form.get("ma_xa", "")).strip() or communes.slug(name)
    if not name or not communes.ID_RE.match(commune_id):
        error = "Xã cần tên (ví dụ Tân Lập) và mã chỉ gồm chữ thường không dấu, số, gạch nối (ví dụ tan-lap)."
        return _overview(request, ctx, 400, error=error)
    with kit.store.session() as db:
        communes.ensure(db, commune_id, name)
        audit(db, ctx.actor, "commune.saved", f"commune:{commune_id}", name=name)
    return kit.back("/quan-tri", f"Đã lưu xã {name} (mã {commune_id})")


@router.post("/quan-tri/vung/lich-ampli", include_in_schema=False)
async def save_timetable(request: Request) -> Response:
    kit, ctx, form = await _admin_form(request)
    return _timetable(request, ctx, str(form.get("vung", "")), form)


@router.post("/quan-tri/vung/{zone_id}/lich-ampli", include_in_schema=False)
async def save_zone_timetable(request: Request, zone_id: str) -> Response:
    kit = kit_of(request)
    ctx = _admin_context(request)
    return _timetable(request, ctx, zone_id, await kit.form(request, ctx))


def _timetable(request: Request, ctx: Any, zone: str, form: Any) -> Response:
    """Save a zone's timetable; an empty field keeps that part, "Xóa lịch" removes both."""
    kit = kit_of(request)
    power, volume = str(form.get("bat_tat", "")), str(form.get("am_luong", ""))
    try:
        stored, kept, warning = save_typed(kit.store, ctx.actor, zone, power, volume, clear=form.get("action") == "clear")
    except TimetableRefused as refused:
        typed = {"zone": zone, "power": power, "volume": volume}
        return _overview(request, ctx, 400, error=explain(refused).text, timetable_typed=typed)
    if stored is None:
        return kit.back(
            "/quan-tri", f"Đã bỏ lịch ampli và âm lượng của vùng {zone}; loa nhận lịch trong chương trình phát tiếp theo"
        )
    note = {"power": "giữ nguyên giờ bật ampli đã có", "volume": "giữ nguyên mốc âm lượng đã có"}
    held = f" ({', '.join(note[k] for k in kept)}; bấm “Xóa lịch” để bỏ)" if kept else ""
    said = f"Đã lưu lịch ampli và âm lượng của vùng {zone}: {describe(stored)}{held}"
    return kit.back("/quan-tri", f"{said}. Loa nhận lịch trong chương trình phát tiếp theo. {warning}".strip())


@router.post("/quan-tri/loa", include_in_schema=False)
async def save_device(request: Request) -> Response:
    kit, ctx, form = await _admin_form(request)
    device = str(form.get("ma_loa", ""))
    with kit.store.session() as db:
        if form.get("action") == "retire":
            row = db.get(DeviceRow, device)
            if row is None:
                raise NotFound(f"no device {device}")
            db.delete(row)
            audit(db, ctx.actor, "device.retired", f"device:{device}", zone=row.zone_id)
            return kit.back("/quan-tri", f"Đã cho loa {device} ngừng hoạt động")
        parsed = spreadsheets.Parsed(rows=[(1, {k: str(form.get(k, "")) for k in spreadsheets.COLUMNS["loa"]})])
        try:
            admin_io.import_devices(db, parsed)
        except spreadsheets.ImportRefused as refused:
            return _overview(request, ctx, 400, problems=refused.problems)
        audit(db, ctx.actor, "device.saved", f"device:{device}", zone=str(form.get("vung", "")))
    return kit.back("/quan-tri", f"Đã lưu loa {device}")


@router.post("/quan-tri/loa/{device}/cau-hinh", include_in_schema=False)
async def device_config(request: Request, device: str) -> Response:
    """Issue (or rotate) the device's broker password and hand over its agent config, once.

    The response is the file itself: the password is in no page, URL or log, and only its
    hash is stored. The old password stops working when the broker's files are next written.
    """
    kit = kit_of(request)
    ctx = _admin_context(request)
    await kit.form(request, ctx)
    try:
        credentials.device_broker(kit.settings)
    except ConfigError as exc:
        return _overview(request, ctx, 409, error=explain(exc).text)
    with kit.store.session() as db:
        account = credentials.issue(db, ctx.actor, device, datetime.now(UTC))
    text = credentials.agent_file(kit.settings, account)
    headers = {"Content-Disposition": f'attachment; filename="{device}.toml"', "Cache-Control": "no-store"}
    return Response(text.encode(), media_type="application/toml; charset=utf-8", headers=headers)


@router.get("/quan-tri/loa/{device}/da-cap", response_class=HTMLResponse, include_in_schema=False)
async def device_config_issued(request: Request, device: str) -> Response:
    """Where the console goes once the file is downloaded: the row's new state and what to do next."""
    kit = kit_of(request)
    ctx = _admin_context(request)
    with kit.store.session() as db:
        row = db.get(DeviceRow, device)
        if row is None:
            raise NotFound(f"no device {device}")
        issued = row.id if row.mqtt_password_hash else None
    return _overview(request, ctx, issued_device=issued)


# -- import and export ---------------------------------------------------------------
@router.post("/quan-tri/nhap/{kind}", include_in_schema=False)
async def import_file(request: Request, kind: str) -> Response:
    kit, ctx, form = await _admin_form(request)
    if kind not in KINDS:
        raise NotFound(f"action {kind}")
    upload = form.get("file")
    name = str(getattr(upload, "filename", "") or "")
    data = await upload.read() if upload is not None and hasattr(upload, "read") else b""
    try:  # a workbook is read in a bounded subprocess: off the event loop
        parsed = await run_in_threadpool(spreadsheets.read_table, name, data, kind)
    except spreadsheets.ImportRefused as refused:
        return _overview(request, ctx, 400, problems=refused.problems, refused_file=name)
    with kit.store.session() as db:
        try:
            if kind == "lich":
                added, updated = admin_io.import_bookings(db, parsed, ctx.actor, datetime.now(UTC), kit.settings.timezone)
            else:
                added, updated = (admin_io.import_devices if kind == "loa" else admin_io.import_zones)(db, parsed)
        except spreadsheets.ImportRefused as refused:
            db.rollback()
            return _overview(request, ctx, 400, problems=refused.problems, refused_file=name)
        audit(db, ctx.actor, f"import.{kind}", name[:100], added=added, updated=updated)
    return kit.back("/quan-tri", f"Đã nhập {added} {KINDS[kind]} mới, cập nhật {updated}")


@router.get("/quan-tri/xuat/{kind}.{fmt}", include_in_schema=False)
async def export_file(request: Request, kind: str, fmt: str) -> Response:
    kit = kit_of(request)
    _admin_context(request)
    if kind not in KINDS or fmt not in MIME:
        raise NotFound(f"action {kind}.{fmt}")
    with kit.store.session() as db:
        rows = admin_io.export_rows(db, kind)
    data = spreadsheets.to_csv(kind, rows) if fmt == "csv" else spreadsheets.to_xlsx(kind, rows)
    return Response(data, media_type=MIME[fmt], headers={"Content-Disposition": f"attachment; filename={kind}.{fmt}"})
