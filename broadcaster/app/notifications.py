"""Notifications: a speaker went offline, a play was missed, work waits, an emergency to review.

Each is stored once per person and event (`Notification.key`), shown under the console's bell,
and e-mailed through SMTP to those who gave an address and chose that kind
(`NotificationPrefs`). Who hears of what: officials of the commune and admins for speakers and
plays; approvers (and admins) for bulletins waiting and emergencies to review.

The service's `notify` job calls `scan` (what the store shows now) and `send_pending`.
"""

from __future__ import annotations

import email.policy
import logging
import re
import smtplib
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app.workflow import Actor, Role, WorkflowError
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.store.models import (
    Bulletin,
    DeviceRow,
    Notification,
    NotificationPrefs,
    PlannedPlay,
    PlayReport,
    User,
    ZoneRow,
    utcnow,
)

log = logging.getLogger(__name__)

KINDS = {
    "offline": "Loa mất kết nối",
    "missed": "Lượt phát bị lỡ",
    "waiting": "Việc đang chờ",
    "emergency": "Tin khẩn cấp cần xem lại",
}
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
MISSED_GRACE = timedelta(minutes=5)  # a play without a report this long after it ended is missed
LOOK_BACK = timedelta(hours=12)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def notify(session: Session, usernames: Iterable[str], kind: str, key: str, title: str, body: str = "", link: str = "") -> int:
    """One notification per person for this event (`key`); returns how many were new."""
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind}")
    names = sorted(set(usernames))
    if not names:
        return 0
    known = set(session.scalars(select(Notification.username).where(Notification.key == key, Notification.username.in_(names))))
    prefs = {p.username: p for p in session.scalars(select(NotificationPrefs).where(NotificationPrefs.username.in_(names)))}
    made = 0
    for name in names:
        if name in known:
            continue
        pref = prefs.get(name)
        mail = "pending" if pref is not None and pref.email and kind in (pref.kinds or []) else ""
        session.add(Notification(username=name, kind=kind, key=key, title=title, body=body, link=link, mail=mail))
        made += 1
    session.flush()
    return made


def _users(session: Session, roles: Iterable[Role]) -> list[User]:
    wanted = {r.value for r in roles}
    return [u for u in session.scalars(select(User).where(User.active.is_(True))) if u.role in wanted]


def people_of_commune(session: Session, commune: str) -> list[str]:
    """Officials of the commune and every admin."""
    return [
        u.username
        for u in _users(session, (Role.OFFICIAL, Role.ADMIN))
        if u.role == Role.ADMIN.value or commune in (u.communes or [])
    ]


def notify_role(session: Session, role: Role, kind: str, title: str, body: str, link: str, key: str | None = None) -> int:
    """Everyone of `role` (and the admins) hears of it."""
    names = [u.username for u in _users(session, (role, Role.ADMIN))]
    return notify(session, names, kind, key or f"{kind}:{link}", title, body, link)


def _offline(session: Session, zones: dict[str, ZoneRow], devices: list[DeviceRow], local: ZoneInfo) -> int:
    """A notification for each speaker gone offline (once per disconnection); how many were new."""
    made = 0
    for d in devices:
        if d.online or d.last_seen is None or d.zone_id not in zones:
            continue  # never connected yet: not "gone offline"
        since = _aware(d.last_seen)
        zone = zones[d.zone_id]
        made += notify(
            session,
            people_of_commune(session, zone.commune),
            "offline",
            f"offline:{d.id}:{since.isoformat()}",
            f"Loa {d.name or d.id} ({zone.name}) mất kết nối",
            f"Loa {d.name or d.id} ở {zone.name} mất kết nối từ {since.astimezone(local):%H:%M %d/%m/%Y}.",
            "/loa",
        )
    return made


def scan(store: Store, tz: str, now: datetime | None = None) -> int:
    """What the store shows now, as notifications: speakers offline, plays with no report long
    after they ended, bulletins waiting for approval. Returns how many were new."""
    now = now or datetime.now(UTC)
    local = ZoneInfo(tz)
    made = 0
    with store.session() as session:
        zones = {z.id: z for z in session.scalars(select(ZoneRow))}
        devices = list(session.scalars(select(DeviceRow)))
        made += _offline(session, zones, devices, local)
        by_zone: dict[str, list[DeviceRow]] = {}
        for d in devices:
            by_zone.setdefault(d.zone_id, []).append(d)
        due = session.scalars(
            select(PlannedPlay).where(PlannedPlay.starts_at >= now - LOOK_BACK, PlannedPlay.starts_at <= now - MISSED_GRACE)
        )
        for play in due:
            if _aware(play.starts_at) + timedelta(milliseconds=play.duration_ms) + MISSED_GRACE > now:
                continue
            # heard: a proof of play that is not a failure; a 'missed' report (amplifier off, media
            # late) or a failed player is a missed play as much as silence is
            heard = set(
                session.scalars(
                    select(PlayReport.device_id).where(PlayReport.item_id == play.item_id, PlayReport.outcome != "failed")
                )
            )
            silent = [d for d in by_zone.get(play.zone_id, []) if d.id not in heard]
            for d in silent:
                home = zones.get(play.zone_id)
                commune = play.commune or (home.commune if home else "")
                made += notify(
                    session,
                    people_of_commune(session, commune),
                    "missed",
                    f"missed:{play.item_id}:{d.id}",
                    f"Loa {d.name or d.id} không phát “{play.title[:60]}”",
                    f"Lượt phát lúc {_aware(play.starts_at).astimezone(local):%H:%M %d/%m/%Y} ở "
                    f"{home.name if home else play.zone_id}: loa {d.name or d.id} không báo đã phát.",
                    "/hom-nay",
                )
        for b in session.scalars(select(Bulletin).where(Bulletin.state == "in_review")):
            made += notify_role(
                session,
                Role.APPROVER,
                "waiting",
                f"Bản tin #{b.id} chờ phê duyệt",
                f"“{b.title[:100]}” đang chờ phê duyệt.",
                f"/cho-duyet/{b.id}",
                key=f"waiting:{b.id}:{_aware(b.updated_at).isoformat()}",
            )
    return made


def send_pending(store: Store, settings: Settings) -> int:
    """E-mail every pending notification through `settings.smtp_host`; returns how many were sent.

    A failure marks the notification failed (logged); it is not retried every few seconds.
    """
    if not settings.smtp_host:
        return 0
    with store.session() as session:
        pending = list(session.scalars(select(Notification).where(Notification.mail == "pending").order_by(Notification.id)))
        if not pending:
            return 0
        prefs = {p.username: p for p in session.scalars(select(NotificationPrefs))}
        sent = 0
        try:
            smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=10)
        except OSError as exc:
            log.warning("cannot reach the SMTP server %s:%s: %s", settings.smtp_host, settings.smtp_port, exc)
            return 0
        with smtp:
            for n in pending:
                pref = prefs.get(n.username)
                if pref is None or not pref.email:
                    n.mail = ""
                    continue
                # one encoded word per header: CPython's folding drops the space between two
                # encoded words ("phê duyệt" arrived as "phêduyệt")
                message = EmailMessage(policy=email.policy.SMTP.clone(max_line_length=998))
                message["From"] = settings.smtp_from
                message["To"] = pref.email
                message["Subject"] = f"[Loa truyền thanh] {n.title}"
                message.set_content(f"{n.body}\n\n{KINDS[n.kind]} — {n.link}\n")
                try:
                    smtp.send_message(message)
                except smtplib.SMTPException as exc:
                    log.warning("notification %s to %s not sent: %s", n.id, pref.email, exc)
                    n.mail = "failed"
                    continue
                n.mail = "sent"
                sent += 1
        return sent


def listing(store: Store, actor: Actor, limit: int = 100) -> list[dict[str, Any]]:
    with store.session() as session:
        rows = session.scalars(
            select(Notification).where(Notification.username == actor.username).order_by(Notification.id.desc()).limit(limit)
        )
        return [
            {
                "id": n.id,
                "kind": n.kind,
                "kind_name": KINDS[n.kind],
                "title": n.title,
                "body": n.body,
                "link": n.link,
                "at": n.created_at,
                "read": n.read_at is not None,
            }
            for n in rows
        ]


def unread(store: Store, username: str) -> int:
    with store.session() as session:
        return len(
            session.scalars(
                select(Notification.id).where(Notification.username == username, Notification.read_at.is_(None))
            ).all()
        )


def mark_read(store: Store, actor: Actor) -> None:
    with store.session() as session:
        for n in session.scalars(
            select(Notification).where(Notification.username == actor.username, Notification.read_at.is_(None))
        ):
            n.read_at = utcnow()


def prefs_of(store: Store, username: str) -> dict[str, Any]:
    with store.session() as session:
        p = session.get(NotificationPrefs, username)
        return {"email": p.email if p else "", "kinds": list(p.kinds or []) if p else []}


def save_prefs(store: Store, actor: Actor, email: str, kinds: Iterable[str]) -> None:
    """:raises WorkflowError: an address that is not one, or an unknown kind."""
    email = email.strip()
    if email and not EMAIL.match(email):
        raise WorkflowError(f"{email!r} is not an e-mail address", "notify.email", value=email)
    chosen = sorted(set(kinds))
    unknown = [k for k in chosen if k not in KINDS]
    if unknown:
        raise WorkflowError(f"unknown notification kinds {', '.join(unknown)}", "not_found")
    with store.session() as session:
        p = session.get(NotificationPrefs, actor.username)
        if p is None:
            p = NotificationPrefs(username=actor.username)
            session.add(p)
        p.email, p.kinds = email, chosen
        from broadcaster.app.workflow import audit

        audit(session, actor, "notifications.prefs", f"user:{actor.username}", email=email, kinds=chosen)
