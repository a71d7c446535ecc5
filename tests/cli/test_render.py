"""`broadcaster render` writes the format its file name says, and stored loudness is the
delivered file's (issue 22 #14)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from media.decode import decode, probe
from media.master import measure


def _render(tmp_path: Path, out: str, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BROADCASTER_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "broadcaster.cli", "render", "--text", "Xin chào bà con.", "--out", out, *extra]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def test_render_to_opus_writes_opus_and_to_mp3_writes_mp3(tmp_path: Path) -> None:
    for name, codec, magic in (("x.opus", "opus", b"OggS"), ("x.mp3", "mp3", b"ID3")):
        proc = _render(tmp_path, str(tmp_path / name))
        assert proc.returncode == 0, proc.stderr
        data = (tmp_path / name).read_bytes()
        assert data[:4].startswith(magic) and probe(data).codec == codec
        delivered = measure(decode(data))
        assert f"{delivered.integrated_lufs:.1f} LUFS" in proc.stdout  # what it says is what the file measures


def test_a_name_and_a_codec_that_disagree_are_refused(tmp_path: Path) -> None:
    proc = _render(tmp_path, str(tmp_path / "x.opus"), "--codec", "mp3")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr and "x.opus" in proc.stderr + proc.stdout
    assert not (tmp_path / "x.opus").exists()
