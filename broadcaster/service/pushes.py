"""Which device programmes a re-plan pushes, and their records (split from broadcaster.service.core).

`Service.replan_and_push` composes these: plan and sign what changed or is still unacked, record
it, publish it.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update

from broadcaster.app.planning import build_planner, device_programmes, programme_sha
from broadcaster.app.statistics import record_due
from broadcaster.app.timetables import for_device as timetables_of
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.store.models import ProgrammePush, ZoneRow, utcnow
from devices.dispatcher import Dispatcher
from devices.protocol import canonical

log = logging.getLogger(__name__)

Outgoing = tuple[str, str, str, int, bytes]  # device, sha256, message id, items, payload
Pushes = dict[str, tuple[str, bool]]  # device → (sha256 last pushed, acked)


def due(
    session: Any,
    dispatcher: Dispatcher,
    settings: Settings,
    media_base_url: str,
    tz: Any,
    now: datetime,
    force: bool,
    retry: dict[str, tuple[int, float]],
    clock: float,
) -> tuple[list[Outgoing], Pushes]:
    """Plan, and sign the programme of every device whose programme changed, was never acked and
    is due for a retry (`retry`: device → (attempts, monotonic time of the next try)), or all with
    `force`; also the pushes recorded so far."""
    outgoing: list[Outgoing] = []
    planner = build_planner(session, now.astimezone(tz).date(), settings.programme_days)
    plan = planner.plan()
    programmes = device_programmes(session, plan, media_base_url, now)
    pushes = {
        device_id: (sha256, acked_at is not None)
        for device_id, sha256, acked_at in session.execute(
            select(ProgrammePush.device_id, ProgrammePush.sha256, ProgrammePush.acked_at)
        )
    }
    timetables = {z.id: timetables_of(z) for z in session.scalars(select(ZoneRow))}
    # the devices of a zone share their programme: one digest and one encoding a zone
    digests: dict[str, tuple[str, bytes]] = {}
    for device_id, (zone_id, entries) in programmes.items():
        timetable = timetables.get(zone_id)
        if zone_id not in digests:
            digests[zone_id] = (programme_sha(entries, timetable), canonical(entries))
        digest, items_json = digests[zone_id]
        last = pushes.get(device_id)
        if last is not None and last[0] == digest and not force:
            if last[1]:
                # acked: no more re-pushes. Forgotten here, not by the report writer: this
                # session may not see an ack stored after it began, but still sees its retry
                retry.pop(device_id, None)
                continue
            if clock < retry.get(device_id, (0, 0.0))[1]:
                continue
        message_id, payload = dispatcher.programme(device_id, zone_id, entries, timetable=timetable, items_json=items_json)
        outgoing.append((device_id, digest, message_id, len(entries), payload))
    # written last: on SQLite the first write takes the database's only write lock, which
    # the report writer needs for the devices' acks; planning and signing need not hold it
    record_due(session, plan, now)  # what was due, kept for statistics as it was planned
    return outgoing, pushes


def record(store: Store, outgoing: list[Outgoing], pushes: Pushes) -> None:
    """Recorded before publishing: a device's ack may reach another worker (shared subscription)
    before this one could commit, and must find its message id there. One executemany for the
    known devices and one for the new: an ORM object per device cost more than signing its programme."""
    pushed_at = utcnow()
    rows = [
        {"device_id": d, "sha256": digest, "message_id": m, "items": n, "pushed_at": pushed_at, "acked_at": None}
        for d, digest, m, n, _payload in outgoing
    ]
    with store.session() as session:
        known = [r for r in rows if r["device_id"] in pushes]
        new = [r for r in rows if r["device_id"] not in pushes]
        if known:
            session.execute(update(ProgrammePush), known)
        if new:
            session.execute(insert(ProgrammePush), new)


def publish(dispatcher: Dispatcher, outgoing: list[Outgoing]) -> set[str]:
    """Publish the signed programmes; those the broker confirmed (PUBACK)."""
    published = dispatcher.publish_programmes([(d, p) for d, _s, _m, _n, p in outgoing])
    if len(published) < len(outgoing):
        log.warning(
            "%d of %d programmes not confirmed by the broker; retried later", len(outgoing) - len(published), len(outgoing)
        )
    if published:
        log.info("pushed %d programmes", len(published))
    return published
