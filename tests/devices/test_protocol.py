from __future__ import annotations

import json
import time

import pytest

from devices.protocol import MessageType, ProtocolError, Rejection, Signer, Verifier, public_key

TOPIC = "loa/v1/dev/d1/cmd"


@pytest.fixture
def signer() -> Signer:
    return Signer.generate("k1")


def verifier_for(*signers: Signer) -> Verifier:
    return Verifier({s.key_id: public_key(s.public_b64()) for s in signers}, frozenset({"dev/d1", "zone/z1"}))


def reason(verifier: Verifier, payload: bytes, now: float, topic: str = TOPIC) -> Rejection:
    with pytest.raises(ProtocolError) as caught:
        verifier.verify(topic, payload, now)
    return caught.value.reason


def test_valid_message_is_accepted_once(signer: Signer) -> None:
    v = verifier_for(signer)
    now = time.time()
    payload = signer.encode(MessageType.VOLUME, "dev/d1", {"volume": 60}, 60, now)
    assert v.verify(TOPIC, payload, now)["body"] == {"volume": 60}
    assert reason(v, payload, now) is Rejection.REPLAYED


def test_forged_signature(signer: Signer) -> None:
    message = signer.envelope(MessageType.PLAY, "dev/d1", {"item": "x"}, 60)
    message["body"] = {"item": "evil"}
    assert reason(verifier_for(signer), json.dumps(message).encode(), time.time()) is Rejection.BAD_SIGNATURE


def test_unknown_key_and_rotation(signer: Signer) -> None:
    stranger = Signer.generate("k9")
    payload = stranger.encode(MessageType.STOP, "dev/d1", {}, 60)
    assert reason(verifier_for(signer), payload, time.time()) is Rejection.UNKNOWN_KEY
    rotated = verifier_for(signer, stranger)  # a device trusts a list of keys during rotation
    assert rotated.verify(TOPIC, payload, time.time())["type"] == "stop"


def test_expired_message(signer: Signer) -> None:
    now = time.time()
    payload = signer.encode(MessageType.STOP, "dev/d1", {}, 30, now - 60)
    assert reason(verifier_for(signer), payload, now) is Rejection.EXPIRED


def test_old_sequence_on_a_topic(signer: Signer) -> None:
    v = verifier_for(signer)
    now = time.time()
    older = signer.encode(MessageType.STOP, "dev/d1", {}, 60, now)
    newer = signer.encode(MessageType.STOP, "dev/d1", {}, 60, now)
    v.verify(TOPIC, newer, now)
    assert reason(v, older, now) is Rejection.STALE_SEQUENCE
    v.verify("loa/v1/zone/z1/cmd", signer.encode(MessageType.STOP, "zone/z1", {}, 60, now), now)


def test_message_for_another_device(signer: Signer) -> None:
    payload = signer.encode(MessageType.PLAY, "dev/d2", {}, 60)
    assert reason(verifier_for(signer), payload, time.time()) is Rejection.WRONG_TARGET


@pytest.mark.parametrize("payload", [b"not json", b"[]", b'{"v": 1}'])
def test_malformed(signer: Signer, payload: bytes) -> None:
    assert reason(verifier_for(signer), payload, time.time()) is Rejection.MALFORMED


def test_sequence_never_goes_back(signer: Signer) -> None:
    seqs = [signer.next_seq(1_000.0) for _ in range(3)]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3
    assert signer.next_seq(500.0) > seqs[-1]


def test_a_programme_signed_with_its_items_encoded_once_is_the_envelope_devices_verify(signer: Signer) -> None:
    """A zone's items are encoded once for all its devices (`fragments`): each device still gets
    the canonical envelope, signed over exactly what it verifies, with its own id and seq."""
    items = [{"id": "i1", "title": 'Bản tin "lũ" ,"seq":1', "starts_at": "2026-01-01T07:00:00Z", "n": [1, 2.5, None]}]
    raw = json.dumps(items, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    now = time.time()
    programme = Verifier({signer.key_id: public_key(signer.public_b64())}, frozenset({"dev/d1"}))
    topic = "loa/v1/dev/d1/schedule"
    ids = set()
    for _ in range(2):
        message_id, payload = signer.signed(
            MessageType.SCHEDULE, "dev/d1", {"device": "d1", "zone": "z1"}, 60, now, fragments={"items": raw}
        )
        message = programme.verify(topic, payload, now)
        assert message["body"] == {"device": "d1", "zone": "z1", "items": items}
        assert (
            message["id"] == message_id
            and payload == json.dumps(message, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        )
        ids.add(message_id)
    assert len(ids) == 2
    tampered = payload.replace("lũ".encode(), b"lu")
    assert reason(programme, tampered, now, topic) is Rejection.BAD_SIGNATURE
