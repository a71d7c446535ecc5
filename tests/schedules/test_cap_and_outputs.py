from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import feedparser
import m3u8
import pytest
from lxml import etree

from schedules.cap import CapError, booking_for, parse_cap
from schedules.model import Booking, Priority, Slot, Zone
from schedules.planner import Planner
from schedules.playlist import Track, m3u, xspf
from schedules.podcast import Channel, Episode, feed

NOW = datetime(2026, 9, 20, 3, 0, tzinfo=UTC)


def cap(
    identifier: str,
    status: str = "Actual",
    msg_type: str = "Alert",
    references: str = "",
    urgency: str = "Immediate",
    severity: str = "Extreme",
    certainty: str = "Observed",
    expires: str = "2026-09-20T18:00:00+07:00",
) -> bytes:
    refs = f"<references>{references}</references>" if references else ""
    info = "".join(
        f"""<info><language>{lang}</language><category>Met</category><event>Lũ quét</event><urgency>{urgency}</urgency>
        <severity>{severity}</severity><certainty>{certainty}</certainty><expires>{expires}</expires>
        <headline>{head}</headline><description>{desc}</description><instruction>Di chuyển lên vùng cao.</instruction>
        <area><areaDesc>Xã Mường Lát</areaDesc></area></info>"""
        for lang, head, desc in (
            ("vi-VN", "Cảnh báo lũ quét", "Mưa lớn gây lũ quét trong 6 giờ tới."),
            ("hnj", "Ceeb toom dej nyab", "Nag hnyav."),
        )
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>{identifier}</identifier><sender>kttv@nchmf.gov.vn</sender>
<sent>2026-09-20T10:00:00+07:00</sent><status>{status}</status><msgType>{msg_type}</msgType><scope>Public</scope>{refs}{info}</alert>""".encode()


@pytest.mark.parametrize(
    ("urgency", "severity", "certainty", "expected"),
    [
        ("Immediate", "Extreme", "Observed", Priority.EMERGENCY),
        ("Immediate", "Severe", "Likely", Priority.EMERGENCY),
        ("Immediate", "Severe", "Possible", Priority.NORMAL),
        ("Expected", "Minor", "Likely", Priority.PRIORITY),
        ("Future", "Moderate", "Possible", Priority.PRIORITY),
        ("Future", "Minor", "Unlikely", Priority.NORMAL),
    ],
)
def test_class_follows_urgency_severity_certainty(urgency: str, severity: str, certainty: str, expected: Priority) -> None:
    assert parse_cap(cap("a1", urgency=urgency, severity=severity, certainty=certainty)).priority is expected


def test_one_info_per_language_and_expiry_bounds_plays() -> None:
    alert = parse_cap(cap("a1"))
    assert alert.info("vi").headline == "Cảnh báo lũ quét" and alert.info("hnj") is not None  # type: ignore[union-attr]
    booking = booking_for(alert, "b1", ("z1",), 60, NOW, repeat=50, gap=timedelta(minutes=10))
    zone = Zone("z1", "Thôn 1", "x")
    planner = Planner([zone], NOW.date(), 2)
    planner.add(booking)
    items = planner.plan().items
    assert items and all(i.starts_at < alert.expires for i in items)  # type: ignore[operator]
    assert len(items) < 50


def test_exercise_never_reaches_public_speakers() -> None:
    alert = parse_cap(cap("x1", status="Exercise"))
    assert not alert.public
    with pytest.raises(CapError, match="not for public speakers"):
        booking_for(alert, "b1", ("z1",), 60, NOW)


def test_update_replaces_and_cancel_purges() -> None:
    zone = Zone("z1", "Thôn 1", "x", slots=(Slot(time(7, 0)),))
    planner = Planner([zone], NOW.date(), 3)
    planner.add(Booking("other", "news", ("z1",), 120, NOW.date(), rule="FREQ=DAILY"))
    first = parse_cap(cap("a1", urgency="Expected", severity="Severe"))
    planner.add(booking_for(first, "cap-a1", ("z1",), 60, NOW))
    assert any(i.bulletin_id == "cap-a1" for i in planner.plan().items)
    update = parse_cap(cap("a2", msg_type="Update", references="kttv@nchmf.gov.vn,a1,2026-09-20T10:00:00+07:00"))
    assert update.references == (first.key,)
    planner.withdraw_bulletin("cap-a1")
    planner.add(booking_for(update, "cap-a2", ("z1",), 60, NOW))
    bulletins = {i.bulletin_id for i in planner.plan().items}
    assert "cap-a1" not in bulletins and "cap-a2" in bulletins and "news" in bulletins
    cancel = parse_cap(cap("a3", msg_type="Cancel", references="kttv@nchmf.gov.vn,a2,2026-09-20T10:05:00+07:00"))
    with pytest.raises(CapError, match="Cancel"):
        booking_for(cancel, "x", ("z1",), 60, NOW)
    planner.withdraw_bulletin("cap-a2")
    assert {i.bulletin_id for i in planner.plan().items} == {"news"}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not xml", "not XML"),
        (b"<alert/>", "not a CAP 1.2 alert"),
        (cap("a1").replace(b"<status>Actual</status>", b"<status>Real</status>"), "status"),
        (cap("a1", msg_type="Update"), "references"),
        (cap("a1").replace(b"<sent>2026-09-20T10:00:00+07:00</sent>", b"<sent>yesterday</sent>"), "sent"),
        (cap("a1").replace(b"<event>L\xc5\xa9 qu\xc3\xa9t</event>", b""), "event"),
    ],
)
def test_invalid_cap_is_rejected_with_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(CapError, match=reason):
        parse_cap(data)


def test_recurring_bookings_cross_midnight_and_month_ends_in_local_time() -> None:
    late = Zone("z", "Bản", "x", slots=(Slot(time(23, 50), timedelta(minutes=15)), Slot(time(0, 30))), quiet=())
    last_day = Booking("m", "b", ("z",), 600, date(2026, 1, 31), rule="FREQ=MONTHLY;BYMONTHDAY=-1", slot=time(23, 50))
    early = Booking("e", "b2", ("z",), 60, date(2026, 2, 27), rule="FREQ=DAILY", until=date(2026, 3, 2), slot=time(0, 30))
    planner = Planner([late], date(2026, 1, 1), 120)
    planner.add(last_day, early)
    monthly = [i.starts_at.astimezone(late.tz) for i in planner.zone_items("z") if i.booking == "m"]
    assert [d.date() for d in monthly] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]
    assert all((d.hour, d.minute) == (23, 50) for d in monthly)
    assert monthly[0].astimezone(UTC) == datetime(2026, 1, 31, 16, 50, tzinfo=UTC)
    daily = [i.starts_at for i in planner.zone_items("z") if i.booking == "e"]
    assert [d.astimezone(late.tz).date() for d in daily] == [
        date(2026, 2, 27),
        date(2026, 2, 28),
        date(2026, 3, 1),
        date(2026, 3, 2),
    ]
    assert daily[0] == datetime(2026, 2, 26, 17, 30, tzinfo=UTC)  # 00:30 local is the previous UTC day


XSPF_XSD = b"""<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://xspf.org/ns/0/" xmlns="http://xspf.org/ns/0/"
 elementFormDefault="qualified">
 <xs:element name="playlist"><xs:complexType><xs:sequence>
  <xs:element name="title" type="xs:string" minOccurs="0"/><xs:element name="creator" type="xs:string" minOccurs="0"/>
  <xs:element name="trackList"><xs:complexType><xs:sequence>
   <xs:element name="track" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence>
    <xs:element name="location" type="xs:anyURI" minOccurs="0" maxOccurs="unbounded"/>
    <xs:element name="title" type="xs:string" minOccurs="0"/><xs:element name="creator" type="xs:string" minOccurs="0"/>
    <xs:element name="duration" type="xs:nonNegativeInteger" minOccurs="0"/>
   </xs:sequence></xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
 </xs:sequence><xs:attribute name="version" type="xs:string" use="required" fixed="1"/></xs:complexType></xs:element>
</xs:schema>"""

TRACKS = [
    Track("https://media.xa.vn/media/ab.mp3", "Nghị định số 162/2026/NĐ-CP", 127.3, "UBND xã"),
    Track("https://media.xa.vn/media/cd.mp3", "Cảnh báo lũ", 61.0),
]


def test_m3u_parses_back() -> None:
    playlist = m3u8.loads(m3u(TRACKS))
    assert [(s.uri, s.duration) for s in playlist.segments] == [(TRACKS[0].url, 127.0), (TRACKS[1].url, 61.0)]
    assert playlist.segments[0].title == "UBND xã - Nghị định số 162/2026/NĐ-CP"


def test_xspf_validates() -> None:
    schema = etree.XMLSchema(etree.fromstring(XSPF_XSD))
    document = etree.fromstring(xspf(TRACKS, "Đài truyền thanh xã").encode())
    schema.assertValid(document)


def test_podcast_feed_parses_with_feedparser(tmp_path: Path) -> None:
    episodes = [Episode("e1", "Bản tin pháp luật", TRACKS[0].url, 764000, 127.3, NOW, "Lương hưu tăng 8%")]
    channel = Channel(
        "Bản tin xã A", "https://xa.vn/", "Nghe lại bản tin", "https://xa.vn/podcast.xml", "https://xa.vn/cover.png"
    )
    text = feed(channel, episodes)
    parsed = feedparser.parse(text)
    assert not parsed.bozo and parsed.entries[0].enclosures[0].href == TRACKS[0].url
    assert parsed.entries[0].itunes_duration == "00:02:07"
    assert parsed.feed.image.href == "https://xa.vn/cover.png" and "<itunes:explicit>false</itunes:explicit>" in text
    assert parsed.feed.tags[0].term == "Government"
    assert any(link.rel == "self" and link.href == "https://xa.vn/podcast.xml" for link in parsed.feed.links)
