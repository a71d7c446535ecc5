"""A human recording as a first-class track (WAV, MP3, OGG, WebM from a browser)."""

from __future__ import annotations

import subprocess

import numpy as np

from media.audio import Audio
from tts.base import TTSError

MIN_S, MAX_S = 1.0, 20 * 60.0
SILENCE_RMS = 0.003


class RecordingError(TTSError):
    """The uploaded recording cannot be used; the message says why."""


def _too_long(seconds: float, max_s: float) -> RecordingError:
    return RecordingError(
        f"the recording is {seconds / 60:.0f} min long; the limit is {max_s / 60:.0f} min",
        "media.too_long",
        minutes=f"{seconds / 60:.0f}",
        limit=f"{max_s / 60:.0f}",
    )


def load_recording(data: bytes, rate: int = 24000, max_s: float = MAX_S) -> Audio:
    """Decode and check an uploaded recording, in bounded memory.

    The duration is probed (ffmpeg reads the header) before anything is decoded, and decoding
    stops one second past `max_s` in any case (a file whose header does not say, or lies).
    :raises RecordingError: for a file that is not audio, too short, too long or silent.
    """
    from media.decode import decode, probe
    from media.errors import MediaError

    if len(data) < 64:
        raise RecordingError("the upload is empty or truncated", "media.empty")
    try:
        declared = probe(data).duration_s
        if declared is not None and declared > max_s:
            raise _too_long(declared, max_s)
        audio = decode(data, rate, max_s=max_s + 1.0)
    except MediaError as exc:
        raise RecordingError(f"not a playable recording: {exc}", "media.unreadable") from exc
    except subprocess.TimeoutExpired as exc:
        raise RecordingError("not a playable recording: ffmpeg took too long to read it", "media.unreadable") from exc
    if audio.duration_s < MIN_S:
        raise RecordingError(
            f"the recording is {audio.duration_s:.1f} s long; record at least {MIN_S:.0f} s",
            "media.too_short",
            seconds=f"{audio.duration_s:.1f}",
            minimum=f"{MIN_S:.0f}",
        )
    if audio.duration_s > max_s:
        raise _too_long(audio.duration_s, max_s)
    if float(np.sqrt(np.mean(audio.samples**2))) < SILENCE_RMS:
        raise RecordingError("the recording is silent: check the microphone and record again", "media.silent")
    return audio
