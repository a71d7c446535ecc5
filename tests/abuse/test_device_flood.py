"""Class: floods per device, with rate limits that hold (issue 22 #10).

One device sent 32,000 messages in 4.5 s: 4,272 fake proofs of play and 10,716 audit rows were
stored, and statistics showed 12,603 plays and 100% coverage. Now every device has rate limits
per class of report (docs/protocol.md); the excess is dropped and counted, audited once a minute
per device; a proof of play that cannot be true (another zone's item, started hours before
its slot, lasting far beyond its media) is not stored, and statistics count only plausible
plays of planned items. Hypothesis draws floods (kinds, timing) against the buckets and
implausible proofs against the checks; a real flood goes through Mosquitto to the service.
"""

from __future__ import annotations

import json
import secrets
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from broadcaster.app.statistics import EARLY_S, OVERRUN_S, Period, plausibility, statistics
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.service.flood import LIMITS, FloodGate
from broadcaster.store.engine import open_store
from broadcaster.store.models import AuditEvent, DeviceSample, PlannedPlay, PlayReport
from devices.background import free_port
from devices.protocol import Topics, iso
from tests.conftest import wait_for
from tests.helpers import zone_with_devices

ABUSE = settings.get_profile("abuse")
KINDS = sorted(LIMITS)


@given(events=st.lists(st.tuples(st.sampled_from(KINDS), st.floats(0, 5)), min_size=1, max_size=3000))
@ABUSE
def test_no_flood_gets_past_the_buckets(events: list[tuple[str, float]]) -> None:
    now = [0.0]
    gate = FloodGate(clock=lambda: now[0])
    admitted = dict.fromkeys(KINDS, 0)
    for kind, dt in events:
        now[0] += dt
        admitted[kind] += gate.admit("loa-1", kind)
    for kind, n in admitted.items():
        rate = LIMITS[kind]
        assert n <= rate.burst + now[0] * rate.per_minute / 60 + 1e-6, (kind, n, now[0])
    dropped = sum(gate.dropped.values())
    assert dropped + sum(admitted.values()) == len(events)  # every message admitted or counted
    audits = gate.to_audit("loa-1")
    assert (audits is not None) == (dropped > 0) and gate.to_audit("loa-1") is None  # once a minute


def test_one_device_flooding_leaves_the_others_their_share() -> None:
    gate = FloodGate(clock=lambda: 0.0)
    for _ in range(10_000):
        gate.admit("loa-bad", "played")
    assert gate.admit("loa-good", "played") and gate.admit("loa-good", "ack")


SLOT = datetime(2030, 1, 1, 0, 0, tzinfo=UTC)
implausible = st.one_of(
    st.integers(EARLY_S + 1, 6 * 3600).map(lambda s: ("early", SLOT - timedelta(seconds=s), 30_000, 0)),
    st.integers(OVERRUN_S + 31, 86_000).map(lambda s: ("long", SLOT, (30 + s) * 1000, 0)),
    st.integers(OVERRUN_S + 31, 86_000).map(lambda s: ("played_ms", SLOT, 1000, (30 + s) * 1000)),
    st.just(("zone", SLOT, 30_000, 0)),
)


@given(case=implausible)
@ABUSE
def test_an_implausible_proof_of_play_is_refused(case: tuple[str, datetime, int, int]) -> None:
    what, started, lasted_ms, played_ms = case
    body = {
        "started": iso(started.timestamp()),
        "ended": iso(started.timestamp() + lasted_ms / 1000),
        "played_ms": played_ms,
    }
    zone = "thon-khac" if what == "zone" else "thon-1"
    assert plausibility("thon-1", SLOT, 30_000, body, zone)
    fine = {"started": iso(SLOT.timestamp() + 2), "ended": iso(SLOT.timestamp() + 32), "played_ms": 30_000}
    assert plausibility("thon-1", SLOT, 30_000, fine, "thon-1") == ""


@pytest.mark.slow
def test_a_flood_of_thousands_stores_at_most_the_limits_and_inflates_no_statistic(tmp_path: Path, mosquitto_url: str) -> None:
    prefix = f"loa/flood-{uuid.uuid4().hex[:8]}"
    settings_ = Settings(
        data_dir=tmp_path / "data", topic_prefix=prefix, server_client_id=f"srv-{prefix}", media_port=free_port()
    )
    store = open_store(settings_.database_url)
    zone_with_devices(store, "thon-1", "xa-a", [], ["loa-1", "loa-2"])
    slot = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    with store.session() as s:  # one item was planned an hour ago: the flooder may claim it
        s.add(
            PlannedPlay(
                item_id="real-item", zone_id="thon-1", commune="xa-a", bulletin_id="1", starts_at=slot, duration_ms=30_000
            )
        )
    topics = Topics(prefix)
    sent = 0
    with Service(settings_, store, mosquitto_url) as service:
        flooder = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"loa-1-{prefix}")
        host, port = mosquitto_url.removeprefix("mqtt://").split(":")
        flooder.connect(host, int(port))
        flooder.loop_start()
        begun = time.monotonic()
        try:
            for n in range(6000):
                kind = n % 6
                started = slot - timedelta(hours=5.4) if kind == 1 else slot + timedelta(seconds=n)
                played = {
                    "item": "real-item" if kind == 1 else f"fake-{n}",
                    "bulletin": "1",
                    "sha256": secrets.token_hex(32),
                    "started": iso(started.timestamp()),
                    "ended": iso(started.timestamp() + 30),
                    "volume": 70,
                    "outcome": "missed" if kind == 2 else "completed",
                    "played_ms": 30_000,
                }
                if kind == 2:
                    played["reason"] = "amplifier_off"
                topic, body = {
                    0: (topics.played("loa-1"), played),
                    1: (topics.played("loa-1"), played),
                    2: (topics.played("loa-1"), played),
                    3: (
                        topics.ack("loa-1"),
                        {"id": uuid.uuid4().hex, "status": "rejected", "reason": "bad_signature", "at": iso(time.time())},
                    ),
                    4: (topics.state("loa-1"), {"online": True, "at": iso(time.time())}),
                    5: (topics.telemetry("loa-1"), {"at": iso(time.time()), "volume": 70}),
                }[kind]
                flooder.publish(topic, json.dumps(body), qos=1)
                sent += 1
            elapsed = time.monotonic() - begun
            assert wait_for(lambda: service.reports.waiting == 0 and sum(service.flood.dropped.values()) > 0, 30)
            time.sleep(1.0)
            assert service.reports.flush(30)

            # Another speaker is heard once the flood is over, by its next heartbeat at the latest. (While
            # the broker still holds the flood for the service, a message can be dropped by the broker
            # itself when the service's queue there is full — Mosquitto's max_queued_messages — which no
            # limit inside the service can prevent: see docs/protocol.md. A speaker's telemetry repeats.)
            def other_stored() -> bool:
                flooder.publish(
                    topics.telemetry("loa-2"), json.dumps({"at": iso(time.time()), "volume": 70}), qos=1
                ).wait_for_publish(30)
                time.sleep(1.0)
                service.reports.flush(5)
                with store.session() as s:
                    query = select(func.count()).select_from(DeviceSample).where(DeviceSample.device_id == "loa-2")
                    return bool(s.scalar(query))

            assert wait_for(other_stored, 30), "the other speaker's telemetry never got through"
        finally:
            flooder.loop_stop()
            flooder.disconnect()
        dropped = dict(service.flood.dropped)
    minutes = (time.monotonic() - begun) / 60 + 0.1
    with store.session() as s:
        plays = s.scalar(select(func.count()).select_from(PlayReport))
        samples = {
            k: s.scalar(
                select(func.count()).select_from(DeviceSample).where(DeviceSample.device_id == "loa-1", DeviceSample.kind == k)
            )
            for k in ("state", "telemetry")
        }
        audits = {a: n for a, n in s.execute(select(AuditEvent.action, func.count()).group_by(AuditEvent.action))}
        other = s.scalar(select(func.count()).select_from(DeviceSample).where(DeviceSample.device_id == "loa-2"))
        stats = statistics(s, None, Period(slot.date() - timedelta(days=1), slot.date() + timedelta(days=1), "UTC"))
    limit = {k: LIMITS[k].burst + LIMITS[k].per_minute * minutes for k in KINDS}
    # The broker holds at most max_queued_messages (1,000 by default) for the service and drops the rest
    # when the service falls behind, so how many reach the service depends on the machine's load; of
    # those that do, all but the limits' bursts are dropped (the stored counts below).
    assert sent == 6000 and sum(dropped.values()) > 500, dropped
    assert plays <= limit["played"], plays  # fake items, within the limit; none of them counted below
    assert samples["state"] <= limit["state"] and samples["telemetry"] <= limit["telemetry"], samples
    assert audits.get("device.rejected", 0) == 0  # rejections of messages we never sent: not audited
    assert audits.get("device.flooded", 0) <= 2 and audits.get("device.missed", 0) <= limit["played"]
    assert sum(audits.values()) <= limit["played"] + 10, audits
    assert other == 1  # the other speaker's telemetry got through
    zone = next(z for z in stats.zones if z["id"] == "thon-1")
    assert zone["plays"] == 0 and zone["coverage"] == 0.0 and zone["played"] == 0
    assert all(b["device_plays"] == 0 for b in stats.bulletins)
    print(f"flood: sent {sent} in {elapsed:.1f} s, dropped {dropped}, stored {plays} plays, {samples}, audits {audits}")
