"""`broadcaster run`: the long-running service.

It re-plans and pushes every device's programme on a timer and after every change, fires
emergencies at once, collects acknowledgements, proof of play and presence into the store,
and polls feeds. All state lives in the store and on the devices (which keep their verified
programme and what they played), so a restart neither loses nor repeats a play.
"""

from __future__ import annotations

import logging
import signal
import threading
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from broadcaster.config import Settings
from broadcaster.keys import load_or_create
from broadcaster.models import Bulletin, CommandRow, DeviceRow, PlayReport, ProgrammePush, utcnow
from broadcaster.scheduling import build_planner, device_programmes, latest_media, programme_sha
from broadcaster.store import Store, open_store
from broadcaster.workflow import Actor, WorkflowError, audit
from devices.broker import EmbeddedBroker
from devices.dispatcher import Dispatcher
from devices.mediaserver import MediaServer
from devices.protocol import MessageType, Topics, parse_iso
from schedules.runner import Job, Runner

log = logging.getLogger(__name__)


class Service:
    def __init__(self, settings: Settings, store: Store | None = None, mqtt_url: str | None = None) -> None:
        self.settings = settings
        self.store = store or open_store(settings.database_url)
        self.mqtt_url = mqtt_url or settings.mqtt_url or None
        self.topics = Topics(settings.topic_prefix)
        self.signer = load_or_create(settings.key_file, settings.key_id)
        self._stack = ExitStack()
        self.dispatcher: Dispatcher | None = None
        self.media_base_url = settings.media_base_url
        self.changed = threading.Event()
        self.runner: Runner | None = None
        self.reports_received = 0

    # -- lifecycle --
    def start(self) -> Service:
        url = self.mqtt_url
        if not url:
            url = self._stack.enter_context(EmbeddedBroker()).url
            self.mqtt_url = url
        if not self.media_base_url:
            server = self._stack.enter_context(
                MediaServer(self.settings.media_dir, self.settings.media_host, self.settings.media_port or None)
            )
            self.media_base_url = server.base_url
        # A fixed client id with a persistent session: reports sent while the service is down
        # wait in the broker and arrive after a restart.
        self.dispatcher = Dispatcher(
            self.signer,
            url,
            self.topics,
            client_id=self.settings.server_client_id,
            on_ack=self.on_ack,
            on_played=self.on_played,
            on_state=self.on_state,
            clean=False,
        )
        self.dispatcher.start()
        self._stack.callback(self.dispatcher.stop)
        return self

    def stop(self) -> None:
        if self.runner:
            self.runner.stop()
        self._stack.close()

    def __enter__(self) -> Service:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- programmes --
    def replan_and_push(self, now: datetime | None = None, force: bool = False) -> int:
        """Push every device whose programme changed; returns how many were pushed."""
        assert self.dispatcher is not None, "start() the service first"
        now = now or datetime.now(UTC)
        outgoing: list[tuple[str, bytes]] = []
        with self.store.session() as session:
            planner = build_planner(session, now.astimezone(self._tz()).date(), self.settings.programme_days)
            programmes = device_programmes(session, planner.plan(), self.media_base_url, now)
            for device_id, (zone_id, entries) in programmes.items():
                digest = programme_sha(entries)
                last = session.get(ProgrammePush, device_id)
                if last is not None and last.sha256 == digest and not force:
                    continue
                message_id, payload = self.dispatcher.programme(device_id, zone_id, entries)
                if last is None:
                    session.add(ProgrammePush(device_id=device_id, sha256=digest, message_id=message_id, items=len(entries)))
                else:
                    last.sha256, last.message_id, last.items, last.pushed_at, last.acked_at = (
                        digest,
                        message_id,
                        len(entries),
                        utcnow(),
                        None,
                    )
                outgoing.append((device_id, payload))
        for device_id, payload in outgoing:  # after the commit, so acks find their push
            self.dispatcher.publish_programme(device_id, payload)
        pushed = len(outgoing)
        if pushed:
            log.info("pushed %d programmes", pushed)
        return pushed

    def _tz(self) -> Any:
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.settings.timezone)

    # -- emergencies --
    def fire_emergency(self, actor: Actor, bulletin_id: int, zones: list[str], repeat: int = 1, gap_s: int = 0) -> list[str]:
        """Play at once on every device of the zones, pre-empting what plays, quiet hours or not."""
        assert self.dispatcher is not None, "start() the service first"
        from broadcaster.scheduling import book

        now = datetime.now(UTC)
        with self.store.session() as session:
            row = book(
                session,
                actor,
                bulletin_id,
                zones,
                now.astimezone(self._tz()).date(),
                priority="emergency",
                repeat=repeat,
                gap_s=gap_s,
                fire_at=now,
            )
            media = latest_media(session, bulletin_id)
            bulletin = session.get(Bulletin, bulletin_id)
            assert media is not None and bulletin is not None
            from schedules.model import ProgrammeItem

            item_id = ProgrammeItem.make_id(zones[0], str(row.id), now)
            entry = {
                "id": item_id,
                "starts_at": now.isoformat().replace("+00:00", "Z"),
                "duration_ms": media.duration_ms,
                "priority": "emergency",
                "bulletin": str(bulletin_id),
                "title": bulletin.title,
                "media": {
                    "url": f"{self.media_base_url}{media.sha256}.{media.extension}",
                    "sha256": media.sha256,
                    "bytes": media.bytes,
                    "duration_ms": media.duration_ms,
                    "codec": media.extension,
                },
            }
        ids = []
        for zone in zones:
            ttl = 600
            command_id, topic, payload = self.dispatcher.command_message(MessageType.PLAY, {"item": entry}, zone=zone, ttl_s=ttl)
            with self.store.session() as session:
                session.add(
                    CommandRow(
                        id=command_id,
                        kind="play",
                        target=f"zone/{zone}",
                        body={"topic": topic, "payload": payload.decode()},
                        expires_at=now + timedelta(seconds=ttl),
                    )
                )
                audit(session, actor, "emergency.fired", f"zone:{zone}", bulletin=bulletin_id, command=command_id)
            self.dispatcher.resend(topic, payload)
            ids.append(command_id)
        self.replan_and_push()
        return ids

    def withdraw_everywhere(self, actor: Actor, bulletin_id: int, reason: str) -> int:
        """Withdraw a bulletin and every future play of it in one action; returns programmes re-pushed."""
        from broadcaster.workflow import withdraw

        with self.store.session() as session:
            bulletin = session.get(Bulletin, bulletin_id)
            if bulletin is None:
                raise WorkflowError(f"no bulletin {bulletin_id}")
            withdraw(session, bulletin, actor, reason)
        return self.replan_and_push()

    # -- what devices say --
    def on_played(self, device: str, body: dict[str, Any]) -> None:
        self.reports_received += 1
        with self.store.session() as session:
            exists = session.scalars(
                select(PlayReport).where(PlayReport.device_id == device, PlayReport.item_id == str(body.get("item")))
            ).first()
            if exists is not None:
                return  # a report resent after a reconnect
            session.add(
                PlayReport(
                    device_id=device,
                    item_id=str(body.get("item")),
                    bulletin_id=str(body.get("bulletin", "")),
                    sha256=str(body.get("sha256")),
                    volume=int(body.get("volume") or 0),
                    started=datetime.fromtimestamp(parse_iso(str(body["started"])), UTC),
                    ended=datetime.fromtimestamp(parse_iso(str(body["ended"])), UTC),
                )
            )
            row = session.get(DeviceRow, device)
            if row is not None:
                row.last_seen = utcnow()
                row.state = {**(row.state or {}), "last_play": body.get("item"), "last_play_at": body.get("ended")}

    def on_state(self, device: str, body: dict[str, Any]) -> None:
        with self.store.session() as session:
            row = session.get(DeviceRow, device)
            if row is None:
                log.warning("state from unknown device %s", device)
                return
            row.online = bool(body.get("online"))
            row.last_seen = utcnow()
            row.state = {**(row.state or {}), **{k: v for k, v in body.items() if k != "device"}}

    def on_ack(self, device: str, body: dict[str, Any]) -> None:
        message_id = str(body.get("id", ""))
        with self.store.session() as session:
            push = session.get(ProgrammePush, device)
            if push is not None and push.message_id == message_id and body.get("status") == "ok":
                push.acked_at = utcnow()
            command = session.get(CommandRow, message_id)
            if command is not None:
                command.acks = {
                    **(command.acks or {}),
                    device: {"status": body.get("status"), "reason": body.get("reason"), "at": body.get("at")},
                }
            if body.get("status") == "rejected":
                audit(session, f"device:{device}", "device.rejected", f"message:{message_id}", reason=body.get("reason"))

    def retry_commands(self, now: datetime | None = None) -> int:
        """Re-send unexpired commands to devices that have not acked; returns devices retried."""
        assert self.dispatcher is not None, "start() the service first"
        from broadcaster.scheduling import aware

        now = now or datetime.now(UTC)
        retried = 0
        with self.store.session() as session:
            for command in session.scalars(select(CommandRow)):
                expires = aware(command.expires_at)
                if expires is None or expires <= now or "payload" not in (command.body or {}):
                    continue
                missing = [d for d in self._targets(session, command.target) if d not in (command.acks or {})]
                if missing:
                    self.dispatcher.resend(command.body["topic"], command.body["payload"].encode())
                    command.attempts += 1
                    retried += len(missing)
        return retried

    @staticmethod
    def _targets(session: Any, target: str) -> list[str]:
        kind, _, name = target.partition("/")
        if kind == "zone":
            return [d.id for d in session.scalars(select(DeviceRow).where(DeviceRow.zone_id == name))]
        return [name]

    def command_status(self, command_id: str, now: datetime | None = None) -> dict[str, str]:
        """Per device: acked, rejected (with reason), waiting, or timed out."""
        from broadcaster.scheduling import aware

        now = now or datetime.now(UTC)
        with self.store.session() as session:
            command = session.get(CommandRow, command_id)
            if command is None:
                raise WorkflowError(f"no command {command_id}")
            expired = (aware(command.expires_at) or now) <= now
            out = {}
            for device in self._targets(session, command.target):
                ack = (command.acks or {}).get(device)
                if ack:
                    out[device] = "acked" if ack["status"] == "ok" else f"rejected: {ack.get('reason')}"
                else:
                    out[device] = "timed out" if expired else "waiting"
            return out

    # -- the loop --
    def jobs(self) -> list[Job]:
        jobs = [
            Job("replan", self.replan_and_push, every_s=self.settings.replan_every_s),
            Job("retry-commands", self.retry_commands, every_s=self.settings.command_retry_s),
            Job("replan-daily", self.replan_and_push, daily_at="00:05"),
        ]
        if self.settings.feeds:
            jobs.append(Job("feeds", self.poll_feeds, every_s=self.settings.feed_every_s))
        return jobs

    def poll_feeds(self) -> None:
        from broadcaster.pipeline import ingest
        from scripts.ingest import HttpFetcher

        with self.store.session() as session:
            result = ingest(session, list(self.settings.feeds), HttpFetcher())
        log.info("feeds: %d new, %d failures", len(result.stored), len(result.failures))

    def run_forever(self) -> None:
        self.runner = Runner(self.jobs())
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self.runner.stop() if self.runner else None)
        self.replan_and_push()
        self.runner.run()
