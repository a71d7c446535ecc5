"""Sequence a bulletin: lead-in, chime, Vietnamese sentences, then each zone language, tail."""

from __future__ import annotations

from dataclasses import dataclass

from media.audio import Audio
from media.master import MasterSettings, chime, concatenate, resample

LANGUAGE_GAP_S = 1.2


@dataclass(frozen=True, slots=True)
class Track:
    """One language's part of a bulletin: synthesized sentences, or one human recording."""

    language: str
    parts: tuple[Audio, ...]


def sequence(
    tracks: list[Track], settings: MasterSettings = MasterSettings(), rate: int | None = None, jingle: bool = True
) -> Audio:
    """Join the tracks in order with natural pauses; every part is brought to one rate.

    The rate defaults to the first part's: resampling 22.05 kHz speech to the codec's rate here costs more
    than the rest of mastering, and ffmpeg does it for free while encoding.
    """
    if not tracks or not any(t.parts for t in tracks):
        raise ValueError("a bulletin needs at least one spoken part")
    rate = rate or next(t.parts[0].rate for t in tracks if t.parts)
    pieces: list[Audio] = [Audio.silence(settings.lead_in_s, rate)]
    if jingle:
        pieces.append(chime(rate))
    for i, track in enumerate(tracks):
        if i:
            pieces.append(Audio.silence(LANGUAGE_GAP_S - settings.pause_s, rate))
            if jingle:
                pieces.append(chime(rate, 0.8))
        pieces.extend(resample(part, rate) for part in track.parts)
    pieces.append(Audio.silence(0.5, rate))
    return concatenate(pieces, settings.pause_s)


def expected_duration_s(tracks: list[Track], settings: MasterSettings = MasterSettings(), jingle: bool = True) -> float:
    """What `sequence` should produce: parts, pauses, jingles and silences (for checks)."""
    parts = sum(p.duration_s for t in tracks for p in t.parts)
    count = 2 + (1 if jingle else 0) + sum(len(t.parts) for t in tracks) + (len(tracks) - 1) * (2 if jingle else 1)
    fixed = settings.lead_in_s + (1.6 if jingle else 0) + 0.5
    fixed += (len(tracks) - 1) * ((LANGUAGE_GAP_S - settings.pause_s) + (0.8 if jingle else 0))
    return parts + fixed + (count - 1) * settings.pause_s
