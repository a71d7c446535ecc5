"""Issue 13 #8: the podcast's channel link and cover resolve on the media server."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import urllib.request
from pathlib import Path

import feedparser

from devices.background import free_port
from devices.mediaserver import MediaServer


def test_channel_link_and_cover_resolve(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "BROADCASTER_DATA_DIR": str(tmp_path / "data"), "BROADCASTER_MEDIA_PORT": str(port)}
    out = subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", "podcast", "--commune", "xa-a"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    parsed = feedparser.parse(out.stdout)
    assert not parsed.bozo
    with MediaServer(tmp_path / "media", port=port):
        with urllib.request.urlopen(parsed.feed.link, timeout=10) as page:  # noqa: S310 - loopback
            assert page.status == 200
        with urllib.request.urlopen(parsed.feed.image.href, timeout=10) as cover:  # noqa: S310
            data = cover.read()
    assert cover.headers["Content-Type"] == "image/png" and data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1400, 1400)
    assert any(link.rel == "self" for link in parsed.feed.links)
