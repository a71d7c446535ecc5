"""`broadcaster plan`, `playlist`, `podcast`: what the zones will play, as a table, a playlist or a feed."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from broadcaster.app.airing import Rows
    from broadcaster.config import Settings
    from broadcaster.config_source import StoreSettings


# broadcaster.app.wording.PRIORITY_NAMES, written out: that module imports the store, which `plan` avoids (a test keeps them equal)
PRIORITY_NAMES = {"normal": "thường", "priority": "ưu tiên", "emergency": "khẩn cấp"}


def cmd_plan(args: argparse.Namespace, settings: Settings | StoreSettings) -> int:
    """The table is read without SQLAlchemy when the store allows it (store.lite), else through the
    ORM: the same rows, the same rules (app.airing), the same lines."""
    from broadcaster.store import lite

    try:
        with lite.open_rows(settings.database_url) as rows:
            lines = _plan_lines(rows, args)
    except lite.NeedsFullRead:
        from broadcaster.app.approval import SessionRows
        from broadcaster.store.engine import open_store

        with open_store(settings.database_url).session() as session:
            lines = _plan_lines(SessionRows(session), args)
    for line in lines:
        print(line)
    return 0


def _plan_lines(rows: Rows, args: argparse.Namespace) -> list[str]:
    from broadcaster.app.airing import plan_rows
    from broadcaster.cli.common import date_option
    from schedules.model import ScheduleValueError

    zone = next((z for z in rows.zones() if z.id == args.zone), None)
    if zone is None:
        raise ScheduleValueError(f"unknown zone {args.zone}", "schedule.unknown_zones", zones=args.zone)
    tz = ZoneInfo(zone.timezone)
    planner = plan_rows(rows, date_option(args.start, datetime.now(tz).date()), args.days)
    lines = [
        f"Chương trình phát của {zone.name} ({args.days} ngày, giờ địa phương)",
        f"{'ngày':<11} {'giờ':<9} {'dài':>6}  {'loại':<10} bản tin",
    ]
    for item in planner.zone_items(args.zone):
        local = item.starts_at.astimezone(tz)
        lines.append(
            f"{local:%Y-%m-%d} {local:%H:%M:%S} {item.duration_s:5.0f}s  {PRIORITY_NAMES[item.priority.name.lower()]:<10} {item.title[:70]}"
        )
    for r in planner.plan().rejections:
        if r.zone == args.zone:
            lines.append(f"không xếp được: đặt lịch #{r.booking} ngày {r.day}: {r.reason}")
    return lines


def cmd_playlist(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import select

    from broadcaster.app.approval import approved_media
    from broadcaster.app.planning import build_planner
    from broadcaster.store.engine import open_store
    from broadcaster.store.models import ZoneRow
    from schedules.model import ScheduleValueError
    from schedules.playlist import Track, m3u, xspf

    store = open_store(settings.database_url)
    base = settings.public_media_base
    with store.session() as session:
        zones = [
            z.id for z in session.scalars(select(ZoneRow).where((ZoneRow.id == args.station) | (ZoneRow.commune == args.station)))
        ]
        if not zones:
            raise ScheduleValueError(f"no zone or commune named {args.station}", "schedule.unknown_zones", zones=args.station)
        planner = build_planner(session, datetime.now(ZoneInfo(settings.timezone)).date(), args.days)
        tracks = []
        for item in sorted((i for z in zones for i in planner.zone_items(z)), key=lambda i: i.starts_at):
            media = approved_media(session, int(item.bulletin_id))
            if media is not None:
                tracks.append(Track(f"{base}{media.sha256}.{media.extension}", item.title, media.duration_ms / 1000))
    text = m3u(tracks) if args.format == "m3u" else xspf(tracks, f"Chương trình {args.station}")
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_podcast(args: argparse.Namespace, settings: Settings) -> int:
    """Write the commune's feed where the media server serves it (its self link), and print it."""
    from broadcaster.app import podcast
    from broadcaster.store.engine import open_store

    store = open_store(settings.database_url)
    if args.self_url:
        sys.stdout.write(podcast.commune_feed(store, settings, args.commune, args.self_url))
        return 0
    if not settings.podcast_email:
        print(
            "cảnh báo: chưa đặt podcast_email (BROADCASTER_PODCAST_EMAIL): các thư mục podcast cần email chủ sở hữu",
            file=sys.stderr,
        )
    try:
        path = podcast.publish(store, settings, args.commune)
    except ValueError as exc:
        print(f"lỗi: mã xã {args.commune!r} không dùng được làm tên tệp", file=sys.stderr)
        raise SystemExit(2) from exc
    sys.stdout.write(path.read_text(encoding="utf-8"))
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    pl = sub.add_parser("plan", help="a zone's programme as a table")
    pl.add_argument("--zone", required=True)
    pl.add_argument("--days", type=int, default=7)
    pl.add_argument("--start")
    pl.set_defaults(func=cmd_plan, store_only=True)

    pls = sub.add_parser("playlist", help="a radio station's playlist")
    pls.add_argument("--station", required=True, help="zone id or commune")
    pls.add_argument("--format", choices=("m3u", "xspf"), default="m3u")
    pls.add_argument("--days", type=int, default=1)
    pls.add_argument("--out")
    pls.set_defaults(func=cmd_playlist)

    pod = sub.add_parser("podcast", help="a commune's podcast RSS feed")
    pod.add_argument("--commune", required=True)
    pod.add_argument("--self-url", help="where the feed is published (atom:link rel=self); default: beside the media")
    pod.set_defaults(func=cmd_podcast)
