"""Encode mastered audio with ffmpeg (from imageio-ffmpeg) through pydub."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np

with warnings.catch_warnings():  # pydub warns at import when ffmpeg is not on PATH; we set it below
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment

from tts.base import Audio


class MediaError(Exception):
    """Base of the `media` package's errors."""


@dataclass(frozen=True, slots=True)
class Codec:
    name: str
    extension: str
    ffmpeg_format: str
    bitrate: str
    rate: int
    mime: str
    extra: tuple[str, ...] = ()


MP3 = Codec("mp3", "mp3", "mp3", "48k", 24000, "audio/mpeg")
OPUS = Codec("opus", "opus", "ogg", "24k", 24000, "audio/ogg", ("-c:a", "libopus", "-application", "voip"))
CODECS = {c.name: c for c in (MP3, OPUS)}


def ffmpeg_path() -> str:
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


AudioSegment.converter = ffmpeg_path()


def to_segment(audio: Audio) -> AudioSegment:
    pcm = (np.clip(audio.samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    return AudioSegment(data=pcm, sample_width=2, frame_rate=audio.rate, channels=1)


def encode(audio: Audio, codec: Codec = MP3, tags: dict[str, str] | None = None) -> bytes:
    """Encode mono audio; tags (title, document number) go into the file's metadata.

    :raises MediaError: when ffmpeg fails.
    """
    out = io.BytesIO()
    try:
        to_segment(audio).export(
            out,
            format=codec.ffmpeg_format,
            bitrate=codec.bitrate,
            tags=tags or {},
            parameters=["-ar", str(codec.rate), "-ac", "1", *codec.extra],
        )
    except (OSError, IndexError) as exc:  # pydub raises CouldntEncodeError (an Exception) too
        raise MediaError(f"ffmpeg could not encode {codec.name}: {exc}") from exc
    return out.getvalue()
