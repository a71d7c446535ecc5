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


# 48 kbps at 32 kHz (MPEG-1 Layer III, 1152 samples a frame): the Xing/Info frame, written
# first, needs ~170 bytes, and ffmpeg raises that frame's bitrate until it fits. At 24 kHz
# (MPEG-2, 144-byte frames at 48 kbps) it became a 64 kbps frame in front of 48 kbps audio,
# and players that seek a CBR file by the first frame's bitrate (VLC) landed 1.33× too far
# (issue 22 #14). A 216-byte frame holds it at the audio's own bitrate; `encode` checks it.
MP3 = Codec("mp3", "mp3", "mp3", "48k", 32000, "audio/mpeg", ("-c:a", "libmp3lame", "-compression_level", "7"))
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
            raise MediaError(f"ffmpeg could not encode {codec.name}: {exc}", "media.encode_failed") from exc
    if proc.returncode != 0 or not data:
        raise MediaError(
            f"ffmpeg could not encode {codec.name}: {proc.stderr.decode(errors='replace').strip()[-200:]}", "media.encode_failed"
        )
    if codec.ffmpeg_format == "mp3" and len(set(frame_bitrates(data, 3))) > 1:
        raise MediaError(f"the MP3's Info frame and its audio differ in bitrate ({frame_bitrates(data, 3)} kbps)")
    return data


_MP3_KBPS = {
    3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1 Layer III
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2 and 2.5 Layer III
}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def frame_bitrates(data: bytes, count: int) -> list[int]:
    """The bitrates (kbps) of the first `count` MPEG audio frames after any ID3v2 tag; the first
    is the Xing/Info frame when there is one. Stops early at anything that is not a frame."""
    at = 0
    if data[:3] == b"ID3":  # a synchsafe size: 7 bits a byte
        at = 10 + ((data[6] & 0x7F) << 21 | (data[7] & 0x7F) << 14 | (data[8] & 0x7F) << 7 | (data[9] & 0x7F))
    rates: list[int] = []
    while len(rates) < count and at + 4 <= len(data):
        header = int.from_bytes(data[at : at + 4], "big")
        version, layer, index, rate_index = (header >> 19) & 3, (header >> 17) & 3, (header >> 12) & 15, (header >> 10) & 3
        if header >> 21 != 0x7FF or layer != 1 or version == 1 or index in (0, 15) or rate_index == 3:
            break
        kbps = _MP3_KBPS[3 if version == 3 else 2][index]
        rate = _MP3_RATES[version][rate_index]
        rates.append(kbps)
        at += (144 if version == 3 else 72) * kbps * 1000 // rate + ((header >> 9) & 1)
    return rates
