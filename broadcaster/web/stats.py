"""The statistics page (per commune or the province) with server-rendered SVG charts and exports.

Officials see their own communes; admins and observers the province or one commune. Charts are
plain SVG built here (the console works offline: no CDN, no chart library). CSV carries a BOM so
Excel shows Vietnamese; XLSX is written with openpyxl.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape
from sqlalchemy import select

from broadcaster.app.statistics import Period, Stats, statistics
from broadcaster.app.workflow import Actor, PermissionDenied, Role
from broadcaster.errors import Invalid
from broadcaster.store.models import ZoneRow
from broadcaster.web.cells import append_row, csv_row
from broadcaster.web.kit import kit_of, viewing
from broadcaster.web.pages import percent

if TYPE_CHECKING:
    from broadcaster.web.kit import Kit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def bars(rows: list[tuple[str, float, float | None]], target: float | None = None, unit: str = "%") -> Markup:
    """Horizontal bars: (label, value 0..1 or count, optional second value); a dashed target line."""
    width, label_w, row_h = 420, 150, 30  # 17-unit labels: at least 14 px on a 390 px phone
    top = max([1.0] + [max(v, w or 0) for _, v, w in rows]) if unit != "%" else 1.0
    height = row_h * len(rows) + 8
    parts = [
        Markup('<svg class="chart" viewBox="0 0 {} {}" role="img" xmlns="http://www.w3.org/2000/svg">').format(width, height)
    ]
    span = width - label_w - 70
    for i, (label, value, second) in enumerate(rows):
        y = 4 + i * row_h
        parts.append(Markup('<text x="0" y="{}" font-size="17">{}</text>').format(y + 18, label[:16]))
        if second is not None:
            parts.append(
                Markup('<rect class="bar-plan" x="{}" y="{}" width="{:.1f}" height="22"/>').format(
                    label_w, y, span * second / top
                )
            )
        css = "bar-ok" if target is None or value >= target else "bar-bad"
        parts.append(
            Markup('<rect class="{}" x="{}" y="{}" width="{:.1f}" height="{}"/>').format(
                css, label_w, y + (6 if second is not None else 0), span * value / top, 10 if second is not None else 22
            )
        )
        text = percent(value) if unit == "%" else f"{value:.0f}/{(second or 0):.0f}"
        parts.append(Markup('<text x="{}" y="{}" font-size="17">{}</text>').format(label_w + span + 4, y + 18, text))
    if target is not None:
        x = label_w + span * target
        parts.append(Markup('<line class="target" x1="{:.1f}" y1="0" x2="{:.1f}" y2="{}"/>').format(x, x, height))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def scope(kit: Kit, actor: Actor, wanted: str | None) -> list[str] | None:
    """The communes the actor may see statistics of; None is the whole province."""
    if actor.role is Role.OFFICIAL:
        if wanted and wanted not in actor.communes:
            raise PermissionDenied(f"{actor.username} may see programmes of their own communes only", "perm.own_communes")
        return [wanted] if wanted else list(actor.communes)
    if actor.role not in (Role.ADMIN, Role.OBSERVER):
        raise PermissionDenied(f"({actor.role.value}) may not open the page /thong-ke", "perm.page", path="/thong-ke")
    return [wanted] if wanted else None


def period_of(request: Request, tz: str) -> Period:
    today = datetime.now(ZoneInfo(tz)).date()
    first = request.query_params.get("tu") or (today - timedelta(days=6)).isoformat()
    last = request.query_params.get("den") or today.isoformat()
    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError as exc:
        raise Invalid(f"'{first} – {last}' is not a date (YYYY-MM-DD)", "schedule.not_a_date", value=f"{first} – {last}") from exc
    if end < start:
        raise Invalid("the period ends before it starts", "schedule.ends_before_start")
    return Period(start, min(end, start + timedelta(days=366)), tz)


def tables(stats: Stats) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """The exported tables, with Vietnamese headings."""
    reach = stats.reach
    return {
        "Bản tin": (
            ["Mã bản tin", "Tên bản tin", "Lượt theo lịch", "Lượt đã phát", "Lượt loa phát", "Bị ngắt", "Giây bị ngắt"],
            [
                [
                    b["bulletin"],
                    b["title"],
                    b["planned"],
                    b["played"],
                    b["device_plays"],
                    b["interrupted"],
                    round(b["interrupted_s"]),
                ]
                for b in stats.bulletins
            ],
        ),
        "Độ phủ theo vùng": (
            ["Xã", "Vùng", "Số loa", "Loa đã phát", "Độ phủ (%)", "Hộ thành thị", "Hộ nông thôn"],
            [
                [z["commune"], z["name"], z["speakers"], z["played"], round(z["coverage"] * 100, 1), z["urban"], z["rural"]]
                for z in stats.zones
            ],
        ),
        "Thời gian hoạt động loa": (
            ["Loa", "Vùng", "Thời gian hoạt động (%)", "Số mẫu"],
            [
                [s["id"], s["zone"], "" if s["uptime"] is None else round(s["uptime"] * 100, 1), s["samples"]]
                for s in stats.speakers
            ],
        ),
        "Người dân được tiếp cận": (
            ["Khu vực", "Số hộ", "Số hộ được tiếp cận", "Tỷ lệ (%)", "Mục tiêu 2027 (%)", "Mục tiêu 2030 (%)"],
            [
                [
                    name,
                    reach[k]["households"],
                    reach[k]["reached"],
                    round(reach[k]["share"] * 100, 1) if reach[k]["applies"] else "không áp dụng",
                    round(reach[k]["targets"][2027]["target"] * 100),
                    round(reach[k]["targets"][2030]["target"] * 100),
                ]
                for k, name in (("urban", "Thành thị"), ("rural", "Nông thôn"))
            ],
        ),
    }


def as_csv(stats: Stats) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f"Thống kê từ {stats.period.first:%d/%m/%Y} đến {stats.period.last:%d/%m/%Y}"])
    for title, (head, rows) in tables(stats).items():
        writer.writerow([])
        writer.writerow(csv_row([title]))
        writer.writerow(csv_row(head))
        writer.writerows(csv_row(r) for r in rows)  # titles and zone names are typed by people
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(stats: Stats) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, (head, rows) in tables(stats).items():
        sheet = book.create_sheet(title[:31])
        append_row(sheet, head)
        for row in rows:
            append_row(sheet, row)  # strings as strings: a title typed "=…" is no formula
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


router = APIRouter()


def _compute(request: Request) -> tuple[Any, Stats, list[str] | None, list[str]]:
    kit, ctx = viewing(request)
    communes = scope(kit, ctx.actor, request.query_params.get("xa") or None)
    period = period_of(request, kit.settings.timezone)
    with kit.store.session() as db:
        stats = statistics(db, communes, period)
        known = sorted({z.commune for z in db.scalars(select(ZoneRow))})
    choices = list(ctx.actor.communes) if ctx.actor.role is Role.OFFICIAL else known
    return ctx, stats, communes, choices


@router.get("/thong-ke", response_class=HTMLResponse, include_in_schema=False)
async def stats_page(request: Request) -> Response:
    ctx, stats, communes, choices = _compute(request)
    kit = kit_of(request)
    charts = {
        "bulletins": bars(
            [(f"#{b['bulletin']} {b['title']}", b["played"], b["planned"]) for b in stats.bulletins[:12]], unit="n"
        ),
        "coverage": bars([(z["name"], z["coverage"], None) for z in stats.zones], target=0.8),
        "uptime": bars([(s["id"], s["uptime"], None) for s in stats.speakers[:40] if s["uptime"] is not None], target=0.9),
    }
    query = request.url.query
    return kit.page(
        request,
        "stats.html",
        ctx,
        s=stats,
        charts=charts,
        communes=communes,
        choices=choices,
        query=escape(query),
    )


@router.get("/thong-ke.csv", include_in_schema=False)
async def stats_csv(request: Request) -> Response:
    _ctx, stats, *_ = _compute(request)
    return Response(
        as_csv(stats),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": "attachment; filename=thong-ke.csv"},
    )


@router.get("/thong-ke.xlsx", include_in_schema=False)
async def stats_xlsx(request: Request) -> Response:
    _ctx, stats, *_ = _compute(request)
    return Response(as_xlsx(stats), media_type=XLSX, headers={"Content-Disposition": "attachment; filename=thong-ke.xlsx"})
