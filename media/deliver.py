"""Encode for delivery and measure what is delivered.

The loudness stored with a bulletin is what the speakers play: the encoded file, decoded
again. Measured before encoding it was 0.3–0.45 LU off (issue 22 #14).
"""

from __future__ import annotations

from media.audio import Audio
from media.decode import decode
from media.encode import MP3, Codec, encode
from media.master import Loudness, measure


def encode_measured(audio: Audio, codec: Codec = MP3, tags: dict[str, str] | None = None) -> tuple[bytes, Loudness]:
    """(encoded bytes, loudness and true peak of those bytes decoded at the audio's rate).

    :raises MediaError: when ffmpeg cannot encode or decode.
    """
    data = encode(audio, codec, tags)
    return data, measure(decode(data, audio.rate))
