"""CAP round trips against the OASIS CAP 1.2 XSD (issue 22 #13).

The four examples of the specification's Appendix A, a vi-VN + en-US alert, and everything we
export (Alerts, Updates and Cancels, generated with hypothesis) validate against the schema;
an imported alert exported again keeps its content: categories, certainty, instruction apart
from the description, and every language.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from schedules.cap import CATEGORIES, CERTAINTY, SEVERITY, URGENCY, parse_cap
from schedules.cap_export import OutgoingEmergency, OutgoingInfo, infos_of, to_cap

DATA = Path(__file__).parent / "data"
SCHEMA = etree.XMLSchema(etree.parse(str(DATA / "CAP-v1.2.xsd")))
EXAMPLES = sorted(DATA.glob("oasis-a*.xml"))


def valid(document: bytes) -> None:
    tree = etree.fromstring(document)
    assert SCHEMA.validate(tree), SCHEMA.error_log.last_error


def vi_en_alert(now: datetime) -> bytes:
    infos = (
        OutgoingInfo("vi-VN", "Cảnh báo lũ quét", "Mưa lớn trên thượng nguồn.", "Di chuyển lên chỗ cao.", "Lũ quét", ("Met",)),
        OutgoingInfo("en-US", "Flash flood warning", "Heavy rain upstream.", "Move to higher ground.", "Flash flood", ("Met",)),
    )
    return to_cap(OutgoingEmergency("vn-1", "kttv@example.vn", now, ("Xã A",), infos, now + timedelta(hours=6)))


def test_the_four_oasis_examples_validate_and_are_read() -> None:
    assert len(EXAMPLES) == 4
    for path in EXAMPLES:
        data = path.read_bytes()
        valid(data)
        alert = parse_cap(data)
        assert alert.infos or alert.msg_type != "Alert", path.name


def test_a_vi_and_en_alert_validates_and_keeps_both_languages() -> None:
    data = vi_en_alert(datetime.now(UTC))
    valid(data)
    alert = parse_cap(data)
    assert [i.language for i in alert.infos] == ["vi-VN", "en-US"]
    assert alert.info("en") is not None and alert.info("en").instruction == "Move to higher ground."  # type: ignore[union-attr]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_an_imported_example_exported_again_keeps_its_content(path: Path) -> None:
    original = parse_cap(path.read_bytes())
    if not original.infos:
        pytest.skip("no <info> to carry")
    exported = to_cap(
        OutgoingEmergency(
            "loa-1", "loa@xa.example.vn", original.sent, ("Xã A",), infos_of(original), references=(original.reference,)
        )
    )
    valid(exported)
    again = parse_cap(exported)
    assert again.msg_type == "Update" and again.references == (original.key,)
    assert [i.language for i in again.infos] == [i.language for i in original.infos]
    for before, after in zip(original.infos, again.infos, strict=True):
        assert (after.categories, after.event, after.urgency, after.severity, after.certainty) == (
            before.categories,
            before.event,
            before.urgency,
            before.severity,
            before.certainty,
        )
        assert (after.headline, after.description, after.instruction) == (before.headline, before.description, before.instruction)


def test_a_withdrawn_emergency_is_exported_as_a_cancel_that_references_the_alert() -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    alert = OutgoingEmergency("loa-7", "loa@xa.example.vn", now, ("Xã A",), (OutgoingInfo("vi", "Bão", "Bão số 3"),))
    cancel = OutgoingEmergency(
        "loa-7-cancel",
        alert.sender,
        now + timedelta(minutes=5),
        alert.areas,
        alert.infos,
        references=(alert.reference,),
        msg_type="Cancel",
    )
    data = to_cap(cancel)
    valid(data)
    read = parse_cap(data)
    assert read.msg_type == "Cancel" and read.references == (parse_cap(to_cap(alert)).key,)
    assert read.infos[0].description == "Bão số 3"  # the content stays
    with pytest.raises(ValueError):
        to_cap(OutgoingEmergency("x", "s", now, (), (), msg_type="Cancel"))  # a Cancel must reference something


texts = st.text(max_size=60)
infos = st.builds(
    OutgoingInfo,
    language=st.sampled_from(["vi", "en", "rad", "vi-VN", "khm"]),
    headline=texts,
    description=texts,
    instruction=texts,
    event=texts,
    categories=st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=3, unique=True).map(tuple),
    urgency=st.sampled_from(URGENCY),
    severity=st.sampled_from(SEVERITY),
    certainty=st.sampled_from(CERTAINTY),
)
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 1, 1), timezones=st.just(UTC))


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    infos=st.lists(infos, min_size=1, max_size=3).map(tuple),
    areas=st.lists(texts, max_size=3).map(tuple),
    sent=moments,
    kind=st.sampled_from(["Alert", "Update", "Cancel"]),
    name=texts,
)
def test_every_export_validates_against_the_xsd(
    infos: tuple[OutgoingInfo, ...], areas: tuple[str, ...], sent: datetime, kind: str, name: str
) -> None:
    references = () if kind == "Alert" else ("loa@xa,loa-1,2026-01-01T00:00:00-00:00",)
    alert = OutgoingEmergency("loa-9", "loa@xa", sent, areas, infos, sent + timedelta(hours=1), name, references, kind)
    data = to_cap(alert)
    valid(data)
    read = parse_cap(data)
    assert read.msg_type == kind and len(read.infos) == len(infos)
    assert [i.categories for i in read.infos] == [i.categories for i in infos]
