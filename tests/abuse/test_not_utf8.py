"""Class: strings that are not valid UTF-8 after JSON decoding (issue 22 #1).

`{"id":"\\ud800"}` is valid JSON and valid UTF-8 bytes, yet decodes to a lone surrogate that no
UTF-8 encoder accepts: the database driver raised UnicodeEncodeError in the report writer and
killed it. Such a string, in any field (or key, or nested value) of any device→server report,
is refused at the protocol edge (`not_utf8`), counted, and never reaches a handler or the
store; a server→device message holding one is rejected by the agent, whose ack never echoes it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices import wire
from devices.dispatcher import Dispatcher
from devices.errors import MessageError
from devices.protocol import MessageType
from tests.abuse.test_device_messages import SIGNER, TOPICS, TRIED, VALID, _agent

ABUSE = settings.get_profile("abuse")


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# a string holding at least one lone surrogate (a high one not followed by a low one, or a low
# one alone); a high+low pair is a valid character once decoded and is not in the class
surrogates = st.integers(0xD800, 0xDFFF).map(chr)
bad_strings = st.tuples(st.text(max_size=10), st.lists(surrogates, min_size=1, max_size=3), st.text(max_size=10)).map(
    lambda t: t[0] + "".join(t[1]) + t[2]
)
bad_strings = bad_strings.filter(lambda s: _has_lone_surrogate(json.loads(json.dumps(s))))

EVERY_FIELD = {
    "ack": [*VALID["ack"]],
    "played": [*VALID["played"], "bulletin", "outcome", "played_ms", "reason", "stream"],
    "state": [*VALID["state"], "amplifier_on", "playing", "cached_media", "programme_items", "rejections", "outbox"],
    "telemetry": [*VALID["telemetry"], "amplifier_on", "programme_items", "rejections", "outbox"],
}


@st.composite
def poisoned_reports(draw: st.DrawFn) -> tuple[str, bytes, str]:
    """A valid report with one string made invalid: a field's value, a key, or a nested value."""
    kind = draw(st.sampled_from(sorted(EVERY_FIELD)))
    body: dict[str, Any] = dict(VALID[kind])
    bad = draw(bad_strings)
    where = draw(st.sampled_from(["value", "key", "nested", "inside"]))
    key = draw(st.sampled_from(EVERY_FIELD[kind]))
    if where == "value":
        body[key] = bad
    elif where == "key":
        body[bad] = draw(st.sampled_from([1, "x", None, True]))
    elif where == "nested":
        body[key] = draw(st.sampled_from([[bad], {"a": bad}, {bad: 1}, [[{"k": bad}]]]))
    else:  # appended to a valid value, so length and format checks alone would pass it
        body[key] = f"{body.get(key, '')}{bad}"
    return kind, json.dumps(body).encode(), f"{kind}/{where}"  # ensure_ascii: the bad string travels as \\uXXXX


@settings(ABUSE)
@given(report=poisoned_reports())
def test_a_report_with_a_lone_surrogate_is_rejected_as_not_utf8_and_never_handled(report: tuple[str, bytes, str]) -> None:
    kind, payload, klass = report
    handled: list[dict[str, Any]] = []
    rejected: list[tuple[str, str]] = []
    dispatcher = Dispatcher(
        SIGNER,
        "mqtt://127.0.0.1:1",
        TOPICS,
        on_ack=lambda d, b: handled.append(b),
        on_played=lambda d, b: handled.append(b),
        on_state=lambda d, b: handled.append(b),
        on_telemetry=lambda d, b: handled.append(b),
        on_rejected=lambda device, k, reason, detail: rejected.append((reason, detail)),
    )
    message = mqtt.MQTTMessage(topic=f"{TOPICS.prefix}/dev/d1/{kind}".encode())
    message.payload = payload
    dispatcher._on_message(dispatcher.client, None, message)
    assert handled == []
    assert [r for r, _ in rejected] == ["not_utf8"] and dispatcher.rejected == 1
    rejected[0][1].encode("utf-8")  # what is recorded about it is itself storable
    TRIED[f"not_utf8/{klass}"] += 1


@given(text=st.text(max_size=30))
@settings(ABUSE)
def test_valid_text_including_astral_characters_still_passes(text: str) -> None:
    """The check refuses only what cannot be encoded: surrogate pairs (emoji) and any real text pass."""
    payload = json.dumps({"id": text, "status": "ok"}).encode()  # astral characters travel as a \\ud83d\\ude00 pair
    assert wire.loads(payload)["id"] == text


@settings(ABUSE)
@given(bad=bad_strings, field=st.sampled_from(["id", "type", "target", "topic", "key_id", "sig", "issued_at", "body"]))
def test_the_agent_rejects_a_command_with_a_lone_surrogate_and_does_not_echo_it(
    tmp_path_factory: pytest.TempPathFactory, bad: str, field: str
) -> None:
    sent: list[tuple[str, bytes]] = []
    agent = _agent(tmp_path_factory.mktemp("agent"), sent)
    message = json.loads(SIGNER.encode(MessageType.STOP, "dev/d1", {}, 600))
    message[field] = {"x": bad} if field == "body" else bad
    agent.handle(TOPICS.device_cmd("d1"), json.dumps(message).encode(), time.time())
    [(topic, payload)] = sent
    payload.decode("utf-8")
    ack = json.loads(payload)
    assert ack["status"] == "rejected" and ack["reason"] == "malformed"
    assert ack["id"] == ""  # never the unencodable id back
    assert all(not _has_lone_surrogate(str(v)) for v in ack.values())
    TRIED[f"not_utf8/agent/{field}"] += 1


def test_the_surrogate_rejection_names_its_reason() -> None:
    with pytest.raises(MessageError) as caught:
        wire.loads(b'{"id":"\\ud800","status":"ok"}')
    assert caught.value.reason == "not_utf8"
    assert wire.loads(b'{"id":"\\ud83d\\ude00"}') == {"id": "\U0001f600"}


def test_nothing_reaches_the_store_from_the_issue_payloads(tmp_path: Path) -> None:
    """The two 30-byte messages of the issue, end to end through the dispatcher."""
    handled: list[object] = []
    dispatcher = Dispatcher(SIGNER, "mqtt://127.0.0.1:1", TOPICS, on_ack=lambda d, b: handled.append(b))
    dispatcher.on_played = lambda d, b: handled.append(b)
    for kind, payload in [("ack", b'{"id":"\\ud800","status":"ok"}'), ("played", b'{"bulletin":"\\ud800"}')]:
        message = mqtt.MQTTMessage(topic=f"{TOPICS.prefix}/dev/d1/{kind}".encode())
        message.payload = payload
        dispatcher._on_message(dispatcher.client, None, message)
    assert handled == [] and dispatcher.rejected == 2
