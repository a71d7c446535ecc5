"""The amplifier: power commands, the zone's daily timetable in local time, emergencies while off."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from devices.agent import Agent
from devices.players import NullPlayer
from devices.protocol import MessageType, Signer, Topics, Verifier, iso, public_key
from devices.timetable import Timetable, TimetableError

TOPICS = Topics()
SHA = "a" * 64
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
TIMETABLE = {
    "timezone": "Asia/Ho_Chi_Minh",
    "power": [{"on": "05:30", "off": "21:30"}],
    "volume": [{"at": "05:30", "volume": 60}, {"at": "06:00", "volume": 85}],
}


def local(text: str) -> float:
    """A frozen instant given in Hanoi wall-clock time."""
    return datetime.fromisoformat(text).replace(tzinfo=HANOI).timestamp()


class Recorder(NullPlayer):
    def __init__(self) -> None:
        super().__init__()
        self.switched: list[bool] = []  # every switch, from the one at start-up
        self.heard: list[bool] = []  # the amplifier's state at each play

    def power(self, on: bool) -> None:
        super().power(on)
        self.switched.append(on)

    def play(self, path: Path, duration_s: float, volume: int) -> float:
        self.heard.append(self.amplifier)
        return super().play(path, duration_s, volume)


@pytest.fixture
def signer() -> Signer:
    return Signer.generate("k1")


def make_agent(folder: Path, signer: Signer, sent: list[tuple[str, bytes]], player: Recorder) -> Agent:
    agent = Agent(
        "d1",
        ("z1",),
        Verifier({signer.key_id: public_key(signer.public_b64())}, frozenset({"dev/d1", "zone/z1"})),
        folder,
        lambda t, p, r: sent.append((t, p)),
        executor=None,  # type: ignore[arg-type]  # the media is already cached
        topics=TOPICS,
        player=player,
        heartbeat_s=0,
    )
    (folder / "a.mp3").write_bytes(b"x")
    agent.ready[SHA] = folder / "a.mp3"
    return agent


def entry(item_id: str, at: float, priority: str = "normal") -> dict[str, Any]:
    return {
        "id": item_id,
        "starts_at": iso(at),
        "duration_ms": 1000,
        "priority": priority,
        "bulletin": "7",
        "title": "t",
        "media": {"url": "http://127.0.0.1:1/x.mp3", "sha256": SHA, "bytes": 10, "duration_ms": 1000, "codec": "mp3"},
    }


def reports(sent: list[tuple[str, bytes]], kind: str) -> list[dict[str, Any]]:
    return [json.loads(p) for t, p in sent if t.endswith("/" + kind)]


def command(agent: Agent, signer: Signer, kind: MessageType, body: dict[str, Any], now: float, zone: bool = False) -> None:
    target, topic = ("zone/z1", TOPICS.zone_cmd("z1")) if zone else ("dev/d1", TOPICS.device_cmd("d1"))
    agent.handle(topic, signer.encode(kind, target, body, 600, now), now)


def schedule(agent: Agent, signer: Signer, now: float, items: list[dict[str, Any]], timetable: Any = None) -> None:
    body: dict[str, Any] = {"device": "d1", "zone": "z1", "items": items}
    if timetable is not None:
        body["timetable"] = timetable
    agent.handle(TOPICS.schedule("d1"), signer.encode(MessageType.SCHEDULE, "dev/d1", body, 600, now), now)


def test_power_off_silences_normal_items_which_are_reported_missed_and_on_plays_again(tmp_path: Path, signer: Signer) -> None:
    sent: list[tuple[str, bytes]] = []
    player = Recorder()
    agent = make_agent(tmp_path, signer, sent, player)
    now = local("2026-11-24T10:00:00")
    command(agent, signer, MessageType.POWER, {"on": False}, now)
    assert [a["status"] for a in reports(sent, "ack")] == ["ok"]
    assert player.switched == [True, False] and agent.amplifier is False
    schedule(agent, signer, now, [entry("n1", now + 5), entry("n2", now + 60)])
    agent.tick(now + 6)
    missed = reports(sent, "played")
    assert [(r["item"], r["outcome"], r["reason"], r["played_ms"]) for r in missed] == [("n1", "missed", "amplifier_off", 0)]
    assert player.heard == []
    command(agent, signer, MessageType.POWER, {"on": True}, now + 30, zone=True)
    agent.tick(now + 61)
    assert [(r["item"], r["outcome"]) for r in reports(sent, "played")][1:] == [("n2", "completed")]
    assert player.heard == [True] and player.switched == [True, False, True]
    agent.publish_state(now + 62)
    agent.telemetry(now + 62)
    assert reports(sent, "state")[-1]["amplifier_on"] is True and reports(sent, "telemetry")[-1]["amplifier_on"] is True
    command(agent, signer, MessageType.POWER, {"on": "yes"}, now + 70)
    assert reports(sent, "ack")[-1]["status"] == "rejected" and agent.amplifier is True


def test_an_emergency_switches_the_amplifier_on_plays_and_switches_it_back_off(tmp_path: Path, signer: Signer) -> None:
    sent: list[tuple[str, bytes]] = []
    player = Recorder()
    agent = make_agent(tmp_path, signer, sent, player)
    now = local("2026-11-24T23:00:00")
    command(agent, signer, MessageType.POWER, {"on": False}, now)
    command(agent, signer, MessageType.PLAY, {"item": entry("e1", now, "emergency")}, now + 1, zone=True)
    agent.tick(now + 1)
    assert [(r["item"], r["outcome"]) for r in reports(sent, "played")] == [("e1", "completed")]
    assert player.heard == [True] and player.switched == [True, False, True, False]
    assert agent.amplifier is False and agent.forced_on is False


def test_switching_off_during_an_emergency_waits_for_its_end(tmp_path: Path, signer: Signer) -> None:
    sent: list[tuple[str, bytes]] = []
    player = Recorder()
    agent = make_agent(tmp_path, signer, sent, player)
    now = local("2026-11-24T12:00:00")
    command(agent, signer, MessageType.PLAY, {"item": entry("e1", now, "emergency")}, now, zone=True)
    agent.playing = "e1"  # as while the player thread plays it
    command(agent, signer, MessageType.POWER, {"on": False}, now + 1)
    assert agent.amplifier is True and agent.forced_on and player.switched == [True]


def test_timetable_applies_in_the_zones_local_time_and_a_manual_command_holds_until_the_next_change(
    tmp_path: Path, signer: Signer
) -> None:
    sent: list[tuple[str, bytes]] = []
    player = Recorder()
    agent = make_agent(tmp_path, signer, sent, player)
    night = local("2026-11-24T05:00:00")  # 2026-11-23T22:00Z
    schedule(agent, signer, night, [], TIMETABLE)
    agent.tick(night)
    assert agent.amplifier is False and agent.volume == 85  # yesterday 21:30 off, yesterday 06:00 at 85
    agent.tick(local("2026-11-24T05:29:59"))
    assert agent.amplifier is False
    agent.tick(local("2026-11-24T05:30:00"))  # 2026-11-23T22:30Z: local time, not UTC
    assert agent.amplifier is True and agent.volume == 60
    agent.tick(local("2026-11-24T06:00:00"))
    assert agent.volume == 85
    seven = local("2026-11-24T07:00:00")
    command(agent, signer, MessageType.POWER, {"on": False}, seven)
    command(agent, signer, MessageType.VOLUME, {"volume": 40}, seven + 1)
    schedule(agent, signer, seven + 2, [], TIMETABLE)  # the same timetable again: the override stays
    agent.tick(local("2026-11-24T12:00:00"))
    assert agent.amplifier is False and agent.volume == 40
    agent.tick(local("2026-11-24T21:30:00"))
    agent.tick(local("2026-11-25T05:30:00"))
    assert agent.amplifier is True and agent.volume == 60
    assert player.switched == [True, False, True, False, True]
    command(agent, signer, MessageType.POWER, {"on": False}, local("2026-11-25T05:40:00"))
    rebooted = Recorder()
    restarted = make_agent(tmp_path, signer, [], rebooted)  # the timetable, the override and the volume survive
    restarted.tick(local("2026-11-25T05:45:00"))
    assert restarted.timetable is not None and restarted.amplifier is False and restarted.volume == 60
    assert rebooted.switched == [False]


def test_timetable_window_across_midnight_and_refusals() -> None:
    late = Timetable.from_dict({"timezone": "Asia/Ho_Chi_Minh", "power": [{"on": "22:00", "off": "02:00"}]})
    assert late.power_at(local("2026-11-24T01:59:00")) == (local("2026-11-23T22:00:00"), True)
    assert late.power_at(local("2026-11-24T02:00:00")) == (local("2026-11-24T02:00:00"), False)
    assert late.next_change(local("2026-11-24T03:00:00")) == local("2026-11-24T22:00:00")
    assert Timetable.from_dict(TIMETABLE).to_dict() == TIMETABLE
    for bad, code in [
        ({**TIMETABLE, "power": [{"on": "25:00", "off": "21:30"}]}, "timetable.bad_time"),
        ({**TIMETABLE, "power": [{"on": "05:30", "off": "05:30"}]}, "timetable.same_on_off"),
        ({**TIMETABLE, "volume": [{"at": "06:00", "volume": 101}]}, "timetable.bad_volume"),
        ({**TIMETABLE, "volume": [{"at": "06:00", "volume": 1}, {"at": "06:00", "volume": 2}]}, "timetable.duplicate_step"),
        ({**TIMETABLE, "timezone": "Mars/Olympus"}, "timetable.bad_timezone"),
        ({**TIMETABLE, "power": [{"on": "05:30", "off": "21:30"}] * 5}, "timetable.too_many"),
    ]:
        with pytest.raises(TimetableError) as refused:
            Timetable.from_dict(bad)
        assert refused.value.code == code


def test_a_schedule_with_a_bad_timetable_is_rejected_whole(tmp_path: Path, signer: Signer) -> None:
    sent: list[tuple[str, bytes]] = []
    agent = make_agent(tmp_path, signer, sent, Recorder())
    now = local("2026-11-24T10:00:00")
    schedule(agent, signer, now, [entry("n1", now + 60)], {**TIMETABLE, "power": [{"on": "5h", "off": "21:30"}]})
    assert reports(sent, "ack")[-1]["status"] == "rejected" and agent.programme == {} and agent.timetable is None


def test_the_server_accepts_missed_reports_and_the_amplifier_state() -> None:
    from devices import wire
    from devices.errors import MessageError

    missed = {
        **entry("n1", 0),
        "item": "n1",
        "sha256": SHA,
        "started": iso(0),
        "ended": iso(0),
        "outcome": "missed",
        "volume": 0,
        "played_ms": 0,
    }
    body = wire.report("played", "d1", json.dumps({**missed, "reason": "amplifier_off"}).encode())
    assert (body["outcome"], body["reason"]) == ("missed", "amplifier_off")
    assert wire.report("state", "d1", b'{"online": true, "amplifier_on": false}')["amplifier_on"] is False
    with pytest.raises(MessageError):
        wire.report("telemetry", "d1", b'{"amplifier_on": "off"}')


def test_reports_sent_again_after_a_sync_are_stored_and_audited_once(tmp_path: Path, signer: Signer) -> None:
    """A broker that lost the service's session makes it ask `sync {plays_since}`: the speaker
    sends its journal again, and a missed item must not be audited twice (nor a play stored twice)."""
    from sqlalchemy import select

    from broadcaster.service.report_rows import store_reports
    from broadcaster.service.reports import Report
    from broadcaster.store.engine import open_store
    from broadcaster.store.models import AuditEvent, DeviceRow, PlayReport, ZoneRow
    from devices import wire

    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    with store.session() as s:
        s.add(ZoneRow(id="z1", name="Thôn 1", commune="Xã thử", slots=[], quiet=[], languages=["vi"]))
        s.flush()
        s.add(DeviceRow(id="d1", zone_id="z1"))
    sent: list[tuple[str, bytes]] = []
    agent = make_agent(tmp_path / "d1", signer, sent, Recorder())
    now = local("2026-11-24T10:00:00")
    command(agent, signer, MessageType.POWER, {"on": False}, now)
    schedule(agent, signer, now, [entry("n1", now + 5), entry("n2", now + 60)])
    agent.tick(now + 6)
    command(agent, signer, MessageType.POWER, {"on": True}, now + 30)
    agent.tick(now + 61)

    def delivered() -> list[Report]:
        out = [Report("played", "d1", wire.report("played", "d1", p)) for t, p in sent if t.endswith("/played")]
        sent.clear()
        return out

    first = delivered()
    assert [(r.body["item"], r.body["outcome"]) for r in first] == [("n1", "missed"), ("n2", "completed")]
    with store.session() as s:
        store_reports(s, first)
    command(agent, signer, MessageType.SYNC, {"plays_since": iso(now)}, now + 70, zone=True)
    again = delivered()
    assert [r.body for r in again] == [r.body for r in first]
    with store.session() as s:
        store_reports(s, again)  # in a later batch
    with store.session() as s:
        store_reports(s, again + again)  # and twice in one batch
    with store.session() as s:
        missed = s.scalars(select(AuditEvent).where(AuditEvent.action == "device.missed")).all()
        plays = s.scalars(select(PlayReport)).all()
    assert [(e.actor, e.subject, e.detail["reason"]) for e in missed] == [("device:d1", "item:n1", "amplifier_off")]
    assert [(p.device_id, p.item_id, p.outcome) for p in plays] == [("d1", "n2", "completed")]
    store.close()


def test_overlapping_windows_from_an_older_server_keep_the_amplifier_on_while_any_covers_the_time() -> None:
    both = Timetable.from_dict(
        {"timezone": "Asia/Ho_Chi_Minh", "power": [{"on": "05:00", "off": "10:00"}, {"on": "08:00", "off": "12:00"}]}
    )
    assert both.power_at(local("2026-11-24T10:00:00")) == (local("2026-11-24T05:00:00"), True)
    assert both.power_at(local("2026-11-24T11:59:00")) == (local("2026-11-24T05:00:00"), True)
    assert both.power_at(local("2026-11-24T12:00:00")) == (local("2026-11-24T12:00:00"), False)
    assert both.next_change(local("2026-11-24T09:00:00")) == local("2026-11-24T12:00:00")
    assert both.overlap() is not None
    night = Timetable.from_dict(
        {"timezone": "Asia/Ho_Chi_Minh", "power": [{"on": "21:30", "off": "05:30"}, {"on": "05:00", "off": "06:00"}]}
    )
    assert night.power_at(local("2026-11-24T05:45:00")) == (local("2026-11-23T21:30:00"), True)
    assert night.overlap() is not None
    apart = Timetable.from_dict(
        {"timezone": "Asia/Ho_Chi_Minh", "power": [{"on": "21:30", "off": "05:30"}, {"on": "05:30", "off": "11:00"}]}
    )
    assert apart.overlap() is None


def test_an_agent_given_overlapping_windows_stays_on_until_the_last_one_ends(tmp_path: Path, signer: Signer) -> None:
    player = Recorder()
    agent = make_agent(tmp_path, signer, [], player)
    overlapping = {"timezone": "Asia/Ho_Chi_Minh", "power": [{"on": "05:00", "off": "10:00"}, {"on": "08:00", "off": "12:00"}]}
    schedule(agent, signer, local("2026-11-24T04:00:00"), [], overlapping)
    for clock in ("04:00", "05:00", "09:00", "10:00", "11:59"):
        agent.tick(local(f"2026-11-24T{clock}:00"))
    assert agent.amplifier is True
    agent.tick(local("2026-11-24T12:00:00"))
    assert agent.amplifier is False
    assert player.switched[-2:] == [True, False] and player.switched.count(False) <= 2


def test_removing_the_timetable_during_an_off_window_switches_the_amplifier_back_on(tmp_path: Path, signer: Signer) -> None:
    """Issue 22 #12: a zone's timetable removed at night left its amplifiers off for good (no
    timetable, no transition ever again). The one the timetable switched off comes back on; one
    switched off by hand since stays off."""
    for case in ("by-timetable", "by-hand"):
        sent: list[tuple[str, bytes]] = []
        player = Recorder()
        agent = make_agent(tmp_path / case, signer, sent, player)
        night = local("2026-11-24T23:00:00")
        schedule(agent, signer, night, [], TIMETABLE)
        agent.tick(night)
        assert agent.amplifier is False  # off since 21:30 by the timetable
        if case == "by-hand":
            command(agent, signer, MessageType.POWER, {"on": False}, night + 60)
        schedule(agent, signer, night + 120, [], None)  # the zone's timetable removed
        agent.tick(night + 121)
        assert agent.timetable is None
        if case == "by-timetable":
            assert agent.amplifier is True and player.switched[-1] is True
            assert reports(sent, "state")[-1]["amplifier_on"] is True  # the console sees it at once
        else:
            assert agent.amplifier is False
