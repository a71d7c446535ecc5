"""The podcast feed resolves where it says it lives, and names its owner (issue 22 #15)."""

from __future__ import annotations

import argparse
import urllib.request
from datetime import UTC, datetime, time
from pathlib import Path

import feedparser
import pytest

from broadcaster.app.planning import book
from broadcaster.cli.schedule import cmd_podcast
from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from devices.background import free_port
from devices.mediaserver import MediaServer
from tests.helpers import ADMIN, approved_bulletin, zone_with_devices


def fetch(url: str) -> tuple[int, bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as reply:  # noqa: S310 (a local test server)
        return reply.status, reply.read(), reply.headers.get("Content-Type", "")


def test_the_feed_is_served_at_its_self_link_and_has_an_owner_email(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port("127.0.0.1"), podcast_email="loa@xa-a.gov.vn")
    store = open_store(settings.database_url)
    zone_with_devices(store, "ban-1", "xa-a", [time(7)], [])
    bulletin = approved_bulletin(store, settings, "Bản tin phòng cháy")
    with store.session() as s:
        book(s, ADMIN, bulletin, ["ban-1"], datetime.now(UTC).date(), "FREQ=DAILY")
    with MediaServer(settings.media_dir, settings.media_host, settings.media_port):
        assert cmd_podcast(argparse.Namespace(commune="xa-a", self_url=None), settings) == 0
        printed = capsys.readouterr().out
        parsed = feedparser.parse(printed)
        [self_link] = [link.href for link in parsed.feed.links if link.rel == "self"]
        assert self_link == f"http://127.0.0.1:{settings.media_port}/podcast/xa-a.xml"
        status, body, kind = fetch(self_link)
        assert status == 200 and kind.startswith("application/rss+xml")
        served = feedparser.parse(body)
        assert not served.bozo and body.decode() == printed
        assert served.feed.publisher_detail.email == "loa@xa-a.gov.vn"
        assert served.feed.publisher_detail.name == settings.podcast_owner
        assert [e.title for e in served.entries] == ["Bản tin phòng cháy"]
        for url in (served.feed.link, served.feed.image.href, served.entries[0].enclosures[0].href):
            assert fetch(url)[0] == 200
        with pytest.raises(urllib.error.HTTPError) as missing:
            fetch(self_link.replace("xa-a", "xa-khac"))
        assert missing.value.code == 404


def test_an_owner_email_that_is_not_one_is_refused() -> None:
    with pytest.raises(ValueError, match="email"):
        Settings(podcast_email="not an email")
