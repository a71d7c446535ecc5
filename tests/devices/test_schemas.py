"""The JSON Schemas in docs/protocol.md describe the messages the code really sends."""

from __future__ import annotations

import json
import time
from pathlib import Path

import jsonschema
import pytest

from devices.agent import Agent
from devices.programme import MediaRef, ProgrammeEntry, programme_entry
from devices.protocol import MessageType, Signer, Topics, Verifier, iso, public_key

SCHEMAS = Path(__file__).resolve().parents[2] / "devices" / "schemas"


def schema(name: str) -> dict[str, object]:
    return json.loads((SCHEMAS / f"{name}.json").read_text())


MEDIA = MediaRef("http://127.0.0.1:1/media/" + "a" * 64 + ".mp3", "a" * 64, 1000, 2000, "mp3")
ITEM = programme_entry("i1", time.time(), "normal", "1", "t", media=MEDIA).to_dict()


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        (MessageType.SCHEDULE, {"device": "d1", "zone": "z1", "items": [ITEM]}),
        (MessageType.PLAY, {"item": ITEM}),
        (MessageType.STOP, {}),
        (MessageType.VOLUME, {"volume": 70}),
        (MessageType.SYNC, {}),
        (MessageType.REBOOT, {}),
        (MessageType.POWER, {"on": False}),
        (
            MessageType.SCHEDULE,
            {
                "device": "d1",
                "zone": "z1",
                "items": [ITEM],
                "timetable": {
                    "timezone": "Asia/Ho_Chi_Minh",
                    "power": [{"on": "05:30", "off": "21:30"}],
                    "volume": [{"at": "05:30", "volume": 60}, {"at": "06:00", "volume": 85}],
                },
            },
        ),
    ],
)
def test_server_messages_match_their_schema(kind: MessageType, body: dict[str, object]) -> None:
    message = json.loads(Signer.generate().encode(kind, "dev/d1", body, 60))
    jsonschema.validate(message, schema(kind.value))
    message["seq"] = "not a number"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(message, schema(kind.value))


def test_device_messages_match_their_schema(tmp_path: Path) -> None:
    sent: list[tuple[str, bytes]] = []
    signer = Signer.generate()
    topics = Topics()
    agent = Agent(
        "d1",
        ("z1",),
        Verifier({signer.key_id: public_key(signer.public_b64())}, frozenset({"dev/d1", "zone/z1"})),
        tmp_path,
        lambda t, p, r: sent.append((t, p)),
        executor=None,
        topics=topics,
    )  # type: ignore[arg-type]
    now = time.time()
    agent.handle(topics.device_cmd("d1"), signer.encode(MessageType.VOLUME, "dev/d1", {"volume": 30}, 60, now), now)
    agent.handle(topics.device_cmd("d1"), b"garbage", now)
    agent.handle(topics.device_cmd("d1"), signer.encode(MessageType.POWER, "dev/d1", {"on": False}, 60, now), now)
    agent.programme = {"m1": ProgrammeEntry.from_dict({**ITEM, "id": "m1", "starts_at": iso(time.time())})}
    agent.tick(time.time())  # due while the amplifier is off: reported missed
    agent.handle(topics.device_cmd("d1"), signer.encode(MessageType.POWER, "dev/d1", {"on": True}, 60, now), now)
    agent.publish_state(now)
    agent.telemetry(now)
    (tmp_path / "a.mp3").write_bytes(b"x")
    agent.programme = {"i1": ProgrammeEntry.from_dict({**ITEM, "starts_at": iso(time.time())})}  # due now, not missed
    agent.ready[MEDIA.sha256] = tmp_path / "a.mp3"
    agent.tick(time.time())
    by_kind: dict[str, list[dict[str, object]]] = {}
    for topic, payload in sent:
        by_kind.setdefault(topic.rsplit("/", 1)[-1], []).append(json.loads(payload))
    assert [a["status"] for a in by_kind["ack"]] == ["ok", "rejected", "ok", "ok"]
    for kind, messages in by_kind.items():
        for message in messages:
            jsonschema.validate(message, schema(kind))
    assert [(p["item"], p["outcome"]) for p in by_kind["played"]] == [("m1", "missed"), ("i1", "completed")]
    assert by_kind["state"][0]["amplifier_on"] is True
