"""Class: control-plane topics under deferred acknowledgements (issue 22 #2).

With `deferred_acks` the service PUBACKs a report only once it is stored. Any message that
takes no PUBACK holds one of the broker's in-flight slots for the session for good; once the
window (Mosquitto's `max_inflight_messages`) is full the broker sends the session nothing
more. A real Mosquitto with a small window gets several windows' worth of generated
control-plane traffic (worker presence: valid, malformed, not UTF-8, retained or not, from
peers and from ourselves) mixed with reports that are rejected or whose handler fails; every
proof of play sent after them must still arrive, each exactly once.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import paho.mqtt.client as mqtt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.background import free_port
from devices.dispatcher import Dispatcher
from devices.mqtt import connect, make_client
from devices.protocol import Signer, Topics, iso
from devices.sim.mosquitto import MosquittoProcess
from tests.abuse.test_device_messages import TRIED
from tests.conftest import wait_for

WINDOW = 8  # the broker's in-flight window per client, small so that a few dozen messages fill it
ABUSE = settings.get_profile("abuse")
SIGNER = Signer.generate("k1")


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MosquittoProcess]:
    folder = tmp_path_factory.mktemp("window")
    port = free_port()
    conf = folder / "mosquitto.conf"
    conf.write_text(f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_inflight_messages {WINDOW}\n")
    process = MosquittoProcess(conf, port).start()
    yield process
    process.stop()


presence_payloads = st.one_of(
    st.builds(lambda w, o: json.dumps({"worker": w, "online": o}).encode(), st.text(max_size=20), st.booleans()),
    st.sampled_from(
        [b"", b"{", b"null", b"[]", b'{"worker":"\\ud800","online":true}', b'{"online":true}', b"\xff\xfe", b"1e999"]
    ),
    st.binary(max_size=60),
)
control = st.tuples(
    st.sampled_from(["peer", "self", "a+b", "a/b"]),  # whose presence topic it lands on
    presence_payloads,
    st.booleans(),  # retained
)
bad_reports = st.sampled_from(
    [
        ("ack", b'{"id":"\\ud800","status":"ok"}'),
        ("played", b"not json"),
        ("state", b'{"online":"yes"}'),
        ("telemetry", b"[" * 50),
    ]
)


def _played(item: str) -> bytes:
    now = iso(time.time())
    body = {
        "item": item,
        "sha256": "c" * 64,
        "started": now,
        "ended": now,
        "volume": 80,
        "outcome": "completed",
        "played_ms": 1000,
    }
    return json.dumps(body).encode()


@settings(ABUSE, max_examples=min(ABUSE.max_examples, 12))
@given(
    controls=st.lists(control, min_size=3 * WINDOW, max_size=5 * WINDOW),
    bad=st.lists(bad_reports, min_size=WINDOW, max_size=2 * WINDOW),
)
def test_no_control_message_or_failure_holds_an_in_flight_slot(
    broker: MosquittoProcess, controls: list[tuple[str, bytes, bool]], bad: list[tuple[str, bytes]]
) -> None:
    topics = Topics(f"loa/win-{time.time_ns()}")
    plays: list[str] = []
    pending: list[Callable[[], None]] = []
    dispatcher: Dispatcher

    def on_played(device: str, body: dict[str, Any]) -> None:
        done = dispatcher.defer_ack()
        assert done is not None
        if body["item"].startswith("fail"):
            raise RuntimeError("the store is down for this one")  # deferred, then failed: acked once by the dispatcher
        plays.append(body["item"])
        pending.append(done)  # stored later, in a batch, as the report writer does

    def on_other(device: str, body: dict[str, Any]) -> None:
        done = dispatcher.defer_ack()
        assert done is not None
        pending.append(done)

    client_id = f"srv-{time.time_ns()}"
    dispatcher = Dispatcher(
        SIGNER,
        broker.url,
        topics,
        client_id=client_id,
        on_played=on_played,
        on_ack=on_other,
        on_state=on_other,
        on_telemetry=on_other,
        deferred_acks=True,
        shared_group="g1",
    ).start()
    sender = make_client(f"dev-{time.time_ns()}")
    connect(sender, broker.url)
    levels = {"peer": "w2", "self": client_id, "a+b": "a+b", "a/b": "a/b"}
    expected = [f"p{i}" for i in range(3 * WINDOW)]
    try:
        for whose, payload, retain in controls:
            sender.publish(topics.worker(levels[whose]), payload, qos=1, retain=retain)
        for i, (kind, payload) in enumerate(bad):
            sender.publish(f"{topics.prefix}/dev/d1/{kind}", payload, qos=1)
            sender.publish(topics.played("d1"), _played(f"fail{i}"), qos=1)
        for item in expected:
            sender.publish(topics.played("d1"), _played(item), qos=1).wait_for_publish(5)

        def settled() -> bool:
            while pending:  # the "writer" stores and acknowledges what it was given
                pending.pop()()
            return plays == expected

        assert wait_for(settled, 20), f"{len(plays)} of {len(expected)} plays arrived"
        time.sleep(0.2)
        settled()
        assert plays == expected  # none lost, none twice
    finally:
        dispatcher.stop()
        sender.disconnect()
        sender.loop_stop()
        clear = make_client(f"clr-{time.time_ns()}")
        connect(clear, broker.url)
        for level in levels.values():
            clear.publish(topics.worker(level), b"", qos=1, retain=True).wait_for_publish(5)
        clear.disconnect()
        clear.loop_stop()
    TRIED["deferred/control-plane"] += len(controls)
    TRIED["deferred/rejected-or-failed"] += 2 * len(bad)
    TRIED["deferred/plays-after"] += len(expected)


def test_a_handler_that_takes_the_ack_twice_and_fails_is_acked_once() -> None:
    """The callbacks are idempotent: the writer and the failure path together PUBACK once."""
    acked: list[int] = []
    dispatcher = Dispatcher(SIGNER, "mqtt://127.0.0.1:1", Topics(), deferred_acks=True)
    dispatcher.client.ack = lambda mid, qos: acked.append(mid)  # type: ignore[method-assign]
    taken: list[Callable[[], None] | None] = []

    def on_played(device: str, body: dict[str, Any]) -> None:
        taken.extend([dispatcher.defer_ack(), dispatcher.defer_ack()])
        raise RuntimeError("store down")

    dispatcher.on_played = on_played
    message = mqtt.MQTTMessage(mid=7, topic=b"loa/v1/dev/d1/played")
    message.qos, message.payload = 1, _played("i1")
    dispatcher._on_message(dispatcher.client, None, message)
    for done in taken:
        assert done is not None
        done()
    assert acked == [7]
