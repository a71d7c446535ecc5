"""Encode mastered audio with ffmpeg (from imageio-ffmpeg) through pydub."""

from __future__ import annotations

import subprocess
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

with warnings.catch_warnings():  # pydub warns at import when ffmpeg is not on PATH; we set it below
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment

from media.audio import Audio
from media.errors import MediaError


@dataclass(frozen=True, slots=True)
class Codec:
    name: str
    extension: str
    ffmpeg_format: str
    bitrate: str
    rate: int
    mime: str
    extra: tuple[str, ...] = ()


MP3 = Codec("mp3", "mp3", "mp3", "48k", 24000, "audio/mpeg", ("-c:a", "libmp3lame", "-compression_level", "7"))
OPUS = Codec(
    "opus", "opus", "ogg", "24k", 24000, "audio/ogg", ("-c:a", "libopus", "-application", "voip", "-compression_level", "5")
)
CODECS = {c.name: c for c in (MP3, OPUS)}


def ffmpeg_path() -> str:
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


AudioSegment.converter = ffmpeg_path()


def to_segment(audio: Audio) -> AudioSegment:
    pcm = (np.clip(audio.samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    return AudioSegment(data=pcm, sample_width=2, frame_rate=audio.rate, channels=1)


def encode(audio: Audio, codec: Codec = MP3, tags: dict[str, str] | None = None) -> bytes:
    """Encode mono audio by piping PCM straight into ffmpeg; tags go into the file's metadata.

    pydub's `export` round-trips through temporary WAV files, which tripled the encode time
    of a two-minute bulletin here; the pipe keeps ffmpeg (and pydub's binary) but skips that.

    :raises MediaError: when ffmpeg fails.
    """
    pcm = (np.clip(audio.samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    metadata = [arg for key, value in (tags or {}).items() for arg in ("-metadata", f"{key}={value}")]
    with tempfile.TemporaryDirectory(prefix="loa-encode-") as folder:
        # MP3 goes to a seekable file: ffmpeg writes the Xing/Info header (exact duration and
        # seek table) only after the last frame, which a pipe cannot take back.
        target = str(Path(folder) / f"out.{codec.extension}") if codec.ffmpeg_format == "mp3" else "pipe:1"
        command = [
            ffmpeg_path(),
            "-hide_banner",
            "-loglevel",
            "error",
            "-f",
            "s16le",
            "-ar",
            str(audio.rate),
            "-ac",
            "1",
            "-i",
            "pipe:0",
            "-ac",
            "1",
            "-ar",
            str(codec.rate),
            "-b:a",
            codec.bitrate,
            *codec.extra,
            *metadata,
            *(["-write_xing", "1"] if codec.ffmpeg_format == "mp3" else []),
            "-f",
            codec.ffmpeg_format,
            target,
        ]
        try:
            proc = subprocess.run(command, input=pcm, capture_output=True, timeout=600, check=False)
            data = proc.stdout if target == "pipe:1" else Path(target).read_bytes() if proc.returncode == 0 else b""
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise MediaError(f"ffmpeg could not encode {codec.name}: {exc}") from exc
    if proc.returncode != 0 or not data:
        raise MediaError(f"ffmpeg could not encode {codec.name}: {proc.stderr.decode(errors='replace').strip()[-200:]}")
    return data
