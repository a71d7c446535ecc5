"""Probe and decode audio with the ffmpeg binary alone (imageio-ffmpeg ships no ffprobe)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

import numpy as np

from media.audio import Audio
from media.encode import ffmpeg_path
from media.errors import MediaError

STREAM_RE = re.compile(r"Audio: (?P<codec>[\w-]+)[^,]*, (?P<rate>\d+) Hz, (?P<layout>[\w.()]+)")
DURATION_RE = re.compile(r"Duration: (\d+):(\d+):(\d+(?:\.\d+)?)")
BITRATE_RE = re.compile(r"Audio: .*?(\d+) kb/s")


@dataclass(frozen=True, slots=True)
class StreamInfo:
    codec: str
    rate: int
    channels: int
    duration_s: float | None
    kbps: int | None


def probe(data: bytes) -> StreamInfo:
    """:raises MediaError: when the bytes are not audio ffmpeg can read."""
    proc = subprocess.run([ffmpeg_path(), "-hide_banner", "-i", "pipe:0"], input=data, capture_output=True, timeout=60)
    err = proc.stderr.decode(errors="replace")
    match = STREAM_RE.search(err)
    if not match:
        raise MediaError("not a readable audio file (ffmpeg found no audio stream)", "media.unreadable")
    layout = match["layout"]
    channels = 1 if layout.startswith("mono") else 2 if layout.startswith("stereo") else int(re.sub(r"\D", "", layout) or 2)
    duration = None
    if d := DURATION_RE.search(err):
        duration = int(d.group(1)) * 3600 + int(d.group(2)) * 60 + float(d.group(3))
    kbps = int(b.group(1)) if (b := BITRATE_RE.search(err)) else None
    return StreamInfo(match["codec"], int(match["rate"]), channels, duration, kbps)


def decode(data: bytes, rate: int = 24000, max_s: float | None = None) -> Audio:
    """Decode any format ffmpeg reads (WAV, MP3, OGG, WebM…) to mono float audio.

    `max_s` stops decoding after that many seconds, so memory stays bounded (2 bytes per
    sample) whatever the file claims: a few MB of FLAC can hold hours of audio.
    :raises MediaError: when the bytes are not decodable audio.
    """
    limit = ["-t", f"{max_s:.3f}"] if max_s is not None else []
    proc = subprocess.run(
        [
            ffmpeg_path(),
            "-hide_banner",
            "-loglevel",
            "error",
            "-i",
            "pipe:0",
            *limit,
            "-f",
            "s16le",
            "-ac",
            "1",
            "-ar",
            str(rate),
            "pipe:1",
        ],
        input=data,
        capture_output=True,
        timeout=300,
    )
    if proc.returncode != 0 or not proc.stdout:
        reason = proc.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no audio"]
        raise MediaError(f"cannot decode the audio: {reason[0]}", "media.unreadable")
    samples = np.frombuffer(proc.stdout, dtype="<i2").astype(np.float32) / 32768.0
    return Audio(samples, rate)
