"""A human recording as a first-class track (WAV, MP3, OGG, WebM from a browser)."""

from __future__ import annotations

import numpy as np

from tts.base import Audio, TTSError

MIN_S, MAX_S = 1.0, 20 * 60.0
SILENCE_RMS = 0.003


class RecordingError(TTSError):
    """The uploaded recording cannot be used; the message says why."""


def load_recording(data: bytes, rate: int = 24000) -> Audio:
    """Decode and check an uploaded recording.

    :raises RecordingError: for a file that is not audio, too short, too long or silent.
    """
    from media.decode import decode
    from media.encode import MediaError

    if len(data) < 64:
        raise RecordingError("the upload is empty or truncated")
    try:
        audio = decode(data, rate)
    except MediaError as exc:
        raise RecordingError(f"not a playable recording: {exc}") from exc
    if audio.duration_s < MIN_S:
        raise RecordingError(f"the recording is {audio.duration_s:.1f} s long; record at least {MIN_S:.0f} s")
    if audio.duration_s > MAX_S:
        raise RecordingError(f"the recording is {audio.duration_s / 60:.0f} min long; the limit is {MAX_S / 60:.0f} min")
    if float(np.sqrt(np.mean(audio.samples**2))) < SILENCE_RMS:
        raise RecordingError("the recording is silent: check the microphone and record again")
    return audio
