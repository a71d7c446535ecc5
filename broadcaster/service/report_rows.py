"""Storing a batch of device reports as rows (split from broadcaster.service.reports, whose
`ReportWriter` the service hands `store_reports`): acks, proofs of play, missed plays, state, telemetry."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from broadcaster.app.statistics import aware_utc, plausibility
from broadcaster.app.workflow import audit
from broadcaster.service.reports import Report
from broadcaster.store.engine import insert_new
from broadcaster.store.models import (
    AuditEvent,
    CommandAck,
    CommandRow,
    DeviceRow,
    DeviceSample,
    PlannedPlay,
    PlayReport,
    ProgrammePush,
    utcnow,
)
from devices.protocol import parse_iso

log = logging.getLogger(__name__)


def store_reports(session: Session, batch: list[Report]) -> set[str]:
    """Store a batch of reports (already validated by `devices.wire.report`) in one transaction.

    The rows a batch touches are loaded with one query per table and then looked up in memory:
    a query per report would autoflush the whole batch each time. Returns the devices whose
    current programme this batch acknowledged.
    """
    pushed, commands = _load_acked(session, [r for r in batch if r.kind == "ack"])
    # the device rows only for what changes them: an emergency's 10,000 acks need none
    touching = {r.device for r in batch if r.kind != "ack"}
    rows = {d.id: d for d in session.scalars(select(DeviceRow).where(DeviceRow.id.in_(touching)))} if touching else {}
    plays = {(r.device, str(r.body["item"])) for r in batch if r.kind == "played"}
    seen: set[tuple[str, str]] = set()
    if plays:
        found = session.execute(
            select(PlayReport.device_id, PlayReport.item_id).where(
                PlayReport.device_id.in_({d for d, _ in plays}), PlayReport.item_id.in_({i for _, i in plays})
            )
        )
        seen = {(d, i) for d, i in found}
    missed = _missed_already(session, {(r.device, str(r.body["item"])) for r in batch if _is_missed(r)})
    planned = (
        {p.item_id: p for p in session.scalars(select(PlannedPlay).where(PlannedPlay.item_id.in_({i for _, i in plays})))}
        if plays
        else {}
    )
    implausible: dict[str, list[str]] = {}
    programme_acked: set[str] = set()
    acked: dict[tuple[str, str], dict[str, Any]] = {}
    with session.no_autoflush:
        for report in batch:
            row = rows.get(report.device)
            if report.kind == "ack":
                _store_ack(session, report, pushed, commands, programme_acked, acked)
            elif _is_missed(report):
                _store_missed(session, report, missed)
            elif report.kind == "played":
                _store_played(session, report, row, seen, planned, implausible)
            else:
                _store_sample(session, report, row)
    for culprit, reasons in implausible.items():
        audit(session, f"device:{culprit}", "device.implausible", f"device:{culprit}", count=len(reasons), first=reasons[:3])
    # a row per device, inserted: the acks stored by earlier batches are not read nor rewritten.
    # In key order: two workers given the same re-sent acks then wait on each other's rows in
    # the same order on PostgreSQL, never in a circle (a deadlock)
    received_at = utcnow()
    insert_new(session, CommandAck, [acked[key] | {"received_at": received_at} for key in sorted(acked)])
    if programme_acked:  # one executemany; the message id again, in case a re-push replaced it meanwhile
        acked_at = utcnow()
        session.connection().execute(  # the connection's executemany: the session's would want primary keys only
            update(ProgrammePush)
            .where(ProgrammePush.device_id == bindparam("device"), ProgrammePush.message_id == bindparam("message"))
            .where(ProgrammePush.acked_at.is_(None))
            .values(acked_at=acked_at),
            [{"device": d, "message": pushed[d][0]} for d in sorted(programme_acked)],
        )
    return programme_acked


def _load_acked(session: Session, acks: list[Report]) -> tuple[dict[str, tuple[str, bool]], set[str]]:
    """For a batch's acks: device → (message id of its current programme, acked), and the ids of
    the commands acked (a command's acks are rows of their own: its row is neither locked nor loaded)."""
    acked_ids = {str(r.body["id"]) for r in acks}
    if not acked_ids:
        return {}, set()
    push_query = (
        select(ProgrammePush.device_id, ProgrammePush.message_id, ProgrammePush.acked_at)
        .where(ProgrammePush.device_id.in_({r.device for r in acks}))
        .order_by(ProgrammePush.device_id)
    )
    if session.get_bind().dialect.name == "postgresql":
        # the leader may be re-pushing a programme: the ack of the previous one must not mark the new one acked
        push_query = push_query.with_for_update()
    pushed = {d: (m, a is not None) for d, m, a in session.execute(push_query)}
    commands = set(session.scalars(select(CommandRow.id).where(CommandRow.id.in_(acked_ids))))
    return pushed, commands


def _store_ack(
    session: Session,
    report: Report,
    pushed: dict[str, tuple[str, bool]],
    commands: set[str],
    programme_acked: set[str],
    acked: dict[tuple[str, str], dict[str, Any]],
) -> None:
    device, body = report.device, report.body
    message_id = str(body["id"])
    if body["status"] == "ok" and pushed.get(device) == (message_id, False):
        programme_acked.add(device)
    known = message_id in commands
    if known:  # the first of a device's acks is kept, in this batch as in the store
        acked.setdefault(
            (message_id, device),
            {
                "command_id": message_id,
                "device_id": device,
                "status": body["status"],
                "reason": body["reason"],
                "at": body["at"],
            },
        )
    if body["status"] == "rejected" and (known or pushed.get(device, ("",))[0] == message_id):
        # only for a message we sent it: a rejection of an id we never sent is noise
        audit(session, f"device:{device}", "device.rejected", f"message:{message_id}", reason=body["reason"])


def _store_missed(session: Session, report: Report, missed: set[tuple[str, str]]) -> None:
    """Not heard (the amplifier was off): no proof of play, but never unrecorded."""
    device, body = report.device, report.body
    key = (device, str(body["item"]))
    if key in missed:
        return  # sent again after a `sync` or a reconnect: audited once
    missed.add(key)
    audit(
        session,
        f"device:{device}",
        "device.missed",
        f"item:{body['item']}",
        bulletin=body["bulletin"],
        reason=body.get("reason", ""),
        at=body["started"],
    )


def _store_played(
    session: Session,
    report: Report,
    row: DeviceRow | None,
    seen: set[tuple[str, str]],
    planned: dict[str, PlannedPlay],
    implausible: dict[str, list[str]],
) -> None:
    device, body = report.device, report.body
    key = (device, str(body["item"]))
    if key in seen:
        return  # a report resent after a reconnect
    why = implausible_play(body, planned.get(key[1]), row.zone_id if row is not None else None)
    if why:  # not stored, so never counted; audited once a batch per device
        implausible.setdefault(device, []).append(f"{key[1]}: {why}")
        return
    seen.add(key)
    session.add(
        PlayReport(
            device_id=device,
            item_id=body["item"],
            bulletin_id=body["bulletin"],
            sha256=body["sha256"],
            volume=body["volume"],
            started=datetime.fromtimestamp(parse_iso(body["started"]), UTC),
            ended=datetime.fromtimestamp(parse_iso(body["ended"]), UTC),
            zone_id=row.zone_id if row is not None else "",
            outcome=body.get("outcome", "completed"),
            played_ms=body.get("played_ms", 0),
        )
    )
    if row is not None:
        row.last_seen = utcnow()
        row.state = {**(row.state or {}), "last_play": body["item"], "last_play_at": body["ended"]}


def _store_sample(session: Session, report: Report, row: DeviceRow | None) -> None:
    """A state or telemetry report (kept for uptime statistics)."""
    device, body = report.device, report.body
    if report.kind == "state":
        if row is None:
            log.warning("state from unknown device %s", device)
            return
        row.online = body["online"]
        row.last_seen = utcnow()
        row.state = {**(row.state or {}), **body}
        session.add(DeviceSample(device_id=device, at=utcnow(), kind="state", online=body["online"], body=body))
    elif report.kind == "telemetry" and row is not None:  # kept for uptime statistics
        row.last_seen = utcnow()
        session.add(DeviceSample(device_id=device, at=utcnow(), kind="telemetry", online=True, body=body))


def implausible_play(body: dict[str, Any], planned: PlannedPlay | None, zone: str | None) -> str:
    """Why a proof of play cannot be true, or "": for a planned item, played by a device of
    another zone, started before its slot (beyond a clock's error) or a day after it, or lasting
    far longer than its media. An item not planned (yet) is judged again by the statistics,
    which count only plausible plays of planned items (`broadcaster.app.statistics`)."""
    if planned is None:
        return ""
    return plausibility(planned.zone_id, aware_utc(planned.starts_at), planned.duration_ms, body, zone)


def _is_missed(report: Report) -> bool:
    return report.kind == "played" and report.body["outcome"] == "missed"


def _missed_already(session: Session, missed: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (device, item) pairs of this batch whose `missed` report is audited already.

    A missed item has no play report row: its audit event is the record, so a report a device
    sends again (a `sync {plays_since}` after the broker lost our session) is recognised by it
    (index ix_audit_events_action_subject).
    """
    if not missed:
        return set()
    found = session.execute(
        select(AuditEvent.actor, AuditEvent.subject).where(
            AuditEvent.action == "device.missed",
            AuditEvent.subject.in_({f"item:{i}" for _, i in missed}),
            AuditEvent.actor.in_({f"device:{d}" for d, _ in missed}),
        )
    )
    return {(actor.removeprefix("device:"), subject.removeprefix("item:")) for actor, subject in found} & missed
