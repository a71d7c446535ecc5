"""Hypothesis-generated device traffic against the service's MQTT handlers and the reference agent.

Invariants: no handler raises (an exception there kills paho's network thread); every report
to the service is either handled (and then stored without error) or rejected with a reason;
every command to the agent is acked `ok`, `ok`/`duplicate` or `rejected` with a reason.
`TRIED` counts the inputs per class; `test_zz_summary` prints it (run with -s to see it).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcaster.service.report_rows import store_reports
from broadcaster.service.reports import Report
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import DeviceRow, ZoneRow
from devices.agent import Agent
from devices.dispatcher import Dispatcher
from devices.protocol import MessageType, Signer, Topics, Verifier, iso, public_key

TRIED: Counter[str] = Counter()
TOPICS = Topics()
SIGNER = Signer.generate("k1")
ABUSE = settings.get_profile("abuse")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
    max_leaves=30,
)
NOW = iso(time.time())
VALID = {
    "ack": {"id": "a" * 32, "device": "d1", "status": "ok", "reason": None, "at": NOW},
    "played": {
        "device": "d1",
        "item": "i1",
        "sha256": "b" * 64,
        "started": NOW,
        "ended": NOW,
        "volume": 80,
        "priority": "normal",
        "outcome": "completed",
        "played_ms": 1000,
    },
    "state": {"device": "d1", "online": True, "volume": 50, "playing": None, "firmware": "x", "free_bytes": 10, "at": NOW},
    "telemetry": {"device": "d1", "at": NOW, "volume": 5, "playing": None, "free_bytes": 1, "cached_media": 0},
}
KINDS = st.sampled_from(sorted(VALID))


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes, str]:
    """A valid report with one field replaced, dropped or added."""
    kind = draw(KINDS)
    body: dict[str, Any] = dict(VALID[kind])
    key = draw(st.sampled_from([*body, "extra"]))
    if draw(st.booleans()) and key in body:
        del body[key]
    else:
        body[key] = draw(json_values)
    return kind, json.dumps(body).encode(), "mutated"


def bombs() -> st.SearchStrategy[tuple[str, bytes, str]]:
    depth = st.integers(min_value=1, max_value=200_000)
    return st.one_of(
        st.tuples(KINDS, depth.map(lambda n: b"[" * n), st.just("deep")),
        st.tuples(KINDS, depth.map(lambda n: b'{"a":' * min(n, 5000) + b"1" + b"}" * min(n, 5000)), st.just("deep")),
        st.tuples(KINDS, st.integers(1, 3_000_000).map(lambda n: b'{"id":"' + b"x" * n + b'"}'), st.just("huge")),
        st.tuples(KINDS, st.sampled_from([b"1e999", b'{"seq":1e999}', b"NaN", b"-Infinity", b"9" * 5000]), st.just("numbers")),
    )


REPORTS = st.one_of(
    st.tuples(KINDS, st.binary(max_size=300), st.just("bytes")),
    st.tuples(KINDS, json_values.map(lambda v: json.dumps(v).encode()), st.just("json")),
    mutated(),
    bombs(),
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('abuse') / 'store.db'}")
    with store.session() as s:
        s.add(ZoneRow(id="z1", name="Z", commune="X", slots=[], quiet=[], languages=["vi"]))
        s.flush()
        s.add(DeviceRow(id="d1", zone_id="z1"))
    return store


@settings(ABUSE)
@given(report=REPORTS)
def test_every_report_is_handled_or_rejected_with_a_reason(store: Store, report: tuple[str, bytes, str]) -> None:
    kind, payload, klass = report
    handled: list[Report] = []
    rejected: list[str] = []

    def keep(k: str) -> Any:
        return lambda device, body: handled.append(Report(k, device, body))

    dispatcher = Dispatcher(
        SIGNER,
        "mqtt://127.0.0.1:1",
        TOPICS,
        on_ack=keep("ack"),
        on_played=keep("played"),
        on_state=keep("state"),
        on_telemetry=keep("telemetry"),
        on_rejected=lambda device, k, reason, detail: rejected.append(reason),
    )
    message = mqtt.MQTTMessage(topic=TOPICS.prefix.encode() + f"/dev/d1/{kind}".encode())
    message.payload = payload
    dispatcher._on_message(dispatcher.client, None, message)  # must not raise
    assert len(handled) + len(rejected) == 1
    assert all(rejected), "a rejection always carries a reason"
    with store.session() as session:
        store_reports(session, handled)  # whatever passed validation is stored without error
    TRIED[f"service/{klass}"] += 1
    TRIED[f"service/{klass}/{'rejected' if rejected else 'handled'}"] += 1


def _agent(folder: Path, sent: list[tuple[str, bytes]]) -> Agent:
    return Agent(
        "d1",
        ("z1",),
        Verifier({SIGNER.key_id: public_key(SIGNER.public_b64())}, frozenset({"dev/d1", "zone/z1"})),
        folder,
        lambda t, p, r: sent.append((t, p)),
        executor=None,  # type: ignore[arg-type]
        topics=TOPICS,
    )


signed_bodies = st.tuples(
    st.sampled_from(list(MessageType)),
    st.one_of(
        st.dictionaries(st.sampled_from(["item", "items", "volume", "bulletin", "device"]), json_values, max_size=4),
        st.builds(lambda v: {"item": v}, json_values),
        st.builds(lambda v: {"items": [v]}, json_values),
    ),
)


@settings(ABUSE)
@given(
    case=st.one_of(
        st.tuples(st.just("bytes"), st.binary(max_size=300)),
        st.tuples(st.just("json"), json_values.map(lambda v: json.dumps(v).encode())),
        st.tuples(st.just("bombs"), bombs().map(lambda t: t[1])),
        st.tuples(st.just("signed"), signed_bodies.map(lambda kb: SIGNER.encode(kb[0], "dev/d1", kb[1], 600))),
    )
)
def test_every_command_to_the_agent_is_acked_or_rejected_with_a_reason(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, bytes]
) -> None:
    klass, payload = case
    sent: list[tuple[str, bytes]] = []
    agent = _agent(tmp_path_factory.mktemp("agent"), sent)
    agent.player.stop = lambda: None  # type: ignore[method-assign]
    try:
        agent.handle(TOPICS.device_cmd("d1"), payload, time.time())  # must not raise
    finally:
        for future in agent.pending.values():
            future.cancel()
    acks = [json.loads(p) for t, p in sent if t.endswith("/ack")]
    assert len(acks) == 1, acks
    assert acks[0]["status"] == "ok" or acks[0]["reason"], acks[0]
    TRIED[f"agent/{klass}"] += 1
    TRIED[f"agent/{klass}/{acks[0]['status']}"] += 1


def test_zz_summary() -> None:
    """Not an assertion of behaviour: prints how many inputs each class got (for the report)."""
    print("\nabuse inputs tried:", json.dumps(dict(sorted(TRIED.items())), indent=1))
