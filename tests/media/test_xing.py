"""Issue 13 #8: every MP3 carries a Xing/Info header, so players know its exact duration."""

from __future__ import annotations

import subprocess
from pathlib import Path

from media.encode import CODECS, encode, ffmpeg_path
from media.master import chime


def test_mp3_has_a_xing_header_and_ffmpeg_does_not_estimate(tmp_path: Path) -> None:
    data = encode(chime(24000, 2.0), CODECS["mp3"], {"title": "Bản tin"})
    assert b"Info" in data[:2048] or b"Xing" in data[:2048]
    path = tmp_path / "b.mp3"
    path.write_bytes(data)
    probe = subprocess.run(
        [ffmpeg_path(), "-hide_banner", "-i", str(path), "-f", "null", "-"], capture_output=True, text=True, timeout=60
    )
    assert probe.returncode == 0
    assert "Estimating duration from bitrate" not in probe.stderr
    assert "Duration: 00:00:02.0" in probe.stderr, probe.stderr[-400:]
