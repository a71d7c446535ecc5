"""Every MP3 carries a Xing/Info header, so players know its exact duration (issue 13 #8), at the
audio's own bitrate, so players seek where they are asked (issue 22 #14)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest

from media.audio import Audio
from media.decode import decode
from media.deliver import encode_measured
from media.encode import CODECS, Codec, encode, ffmpeg_path, frame_bitrates
from media.master import chime, master, measure


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


def _noise(seconds: float, rate: int = 24000) -> Audio:
    """Speech-like bursts whose every second differs, so a decoded excerpt has one place it fits."""
    rng = np.random.default_rng(7)
    n = int(seconds * rate)
    envelope = np.abs(np.sin(np.arange(n) / rate * 2 * np.pi * 0.7)) + 0.05
    return Audio((rng.standard_normal(n) * 0.2 * envelope).astype(np.float32), rate)


def _decode(data: bytes, start_s: float | None = None) -> np.ndarray:
    seek = ["-ss", f"{start_s:.3f}"] if start_s is not None else []
    proc = subprocess.run(
        [ffmpeg_path(), "-loglevel", "error", *seek, "-i", "pipe:0", "-f", "s16le", "-ac", "1", "-ar", "8000", "pipe:1"],
        input=data,
        capture_output=True,
        timeout=60,
        check=True,
    )
    return np.frombuffer(proc.stdout, "<i2").astype(np.float32)


def _landed_at(full: np.ndarray, excerpt: np.ndarray) -> float:
    """Where in the whole decoded file an excerpt decoded after a seek begins (seconds)."""
    excerpt = excerpt[200:8200]  # past the decoder's first frames after a seek
    scores = np.correlate(full, excerpt, "valid")
    return (int(np.argmax(scores)) - 200) / 8000


@pytest.mark.parametrize("codec", [c for c in CODECS.values() if c.ffmpeg_format == "mp3"], ids=lambda c: c.name)
def test_the_info_frame_has_the_audio_bitrate(codec: Codec) -> None:
    data = encode(_noise(3.0), codec, {"title": "Bản tin"})
    rates = frame_bitrates(data, 5)
    assert len(rates) == 5 and b"Info" in data[:2048]
    assert set(rates) == {int(codec.bitrate.rstrip("k"))}, rates


@pytest.mark.parametrize("target_s", [4.0, 11.3, 17.9])
def test_a_player_seeking_by_the_first_frame_bitrate_lands_within_a_tenth_of_a_second(target_s: float) -> None:
    """VLC seeks a CBR (Info) MP3 to the byte `T × bitrate of the first frame / 8`: emulated here,
    it landed at 1.33 T when the Info frame was 64 kbps in front of 48 kbps audio."""
    data = encode(_noise(20.0), CODECS["mp3"], {"title": "Bản tin"})
    start = 10 + ((data[6] & 0x7F) << 21 | (data[7] & 0x7F) << 14 | (data[8] & 0x7F) << 7 | (data[9] & 0x7F))
    offset = start + int(target_s * frame_bitrates(data, 1)[0] * 1000 / 8)
    full = _decode(data)
    excerpt = _decode(data[offset:])  # the decoder resynchronises on the next frame, as a player does
    assert abs(_landed_at(full, excerpt) - target_s) <= 0.1


@pytest.mark.parametrize("target_s", [4.0, 11.3, 17.9])
def test_ffmpeg_seeks_an_mp3_to_within_a_tenth_of_a_second(target_s: float) -> None:
    data = encode(_noise(20.0), CODECS["mp3"], {"title": "Bản tin"})
    full = _decode(data)
    assert abs(_landed_at(full, _decode(data, target_s)) - target_s) <= 0.1


def _vlc_from(path: Path, start_s: float) -> np.ndarray:
    """What VLC itself plays from `start_s` on, as 8 kHz samples (VLC refuses to run as root)."""
    vlc = shutil.which("cvlc")
    if vlc is None:
        pytest.fail("VLC is not installed (apt-get install vlc-bin vlc-plugin-base; .ci/run does)")
    sout = "#transcode{acodec=s16l,channels=1,samplerate=8000}:std{access=file,mux=raw,dst=-}"
    command = [vlc, "-q", "--no-interact", f"--start-time={start_s}", str(path), "--sout", sout, "vlc://quit"]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "nobody", "--", *command]
    proc = subprocess.run(command, capture_output=True, timeout=60, check=True)
    return np.frombuffer(proc.stdout, "<i2").astype(np.float32)


@pytest.mark.parametrize("target_s", [4.0, 11.3, 17.9])
def test_vlc_seeks_an_mp3_to_within_a_tenth_of_a_second(target_s: float) -> None:
    """Real VLC, which landed at 1.31 T (5.26 s for 4 s) on the 24 kHz files with a 64 kbps Info frame."""
    data = encode(_noise(20.0), CODECS["mp3"], {"title": "Bản tin"})
    folder = Path(tempfile.mkdtemp(prefix="loa-vlc-"))
    try:
        folder.chmod(0o755)  # readable by the unprivileged user VLC runs as
        path = folder / "bulletin.mp3"
        path.write_bytes(data)
        path.chmod(0o644)
        assert abs(_landed_at(_decode(data), _vlc_from(path, target_s)) - target_s) <= 0.1
    finally:
        shutil.rmtree(folder)


def test_stored_loudness_is_that_of_the_delivered_file() -> None:
    mastered, before = master(_noise(8.0))
    data, loudness = encode_measured(mastered, CODECS["mp3"])
    delivered = measure(decode(data, mastered.rate))
    assert abs(loudness.integrated_lufs - delivered.integrated_lufs) < 0.01
    assert abs(loudness.true_peak_dbtp - delivered.true_peak_dbtp) < 0.01
