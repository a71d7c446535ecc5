"""Mastering for outdoor horn speakers: high-pass, integrated loudness, true-peak limit.

Gain alone clips (espeak at −16 LUFS peaks above 0 dBFS), so loudness normalisation is
followed by a look-ahead peak limiter measured on a 4× oversampled signal, and the pair is
repeated until both the loudness target and the ceiling hold.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyloudnorm
from scipy import signal
from scipy.ndimage import minimum_filter1d

from tts.base import Audio

OVERSAMPLE = 4


@dataclass(frozen=True, slots=True)
class MasterSettings:
    target_lufs: float = -16.0
    ceiling_dbtp: float = -1.0
    highpass_hz: float = 150.0
    pause_s: float = 0.45
    lead_in_s: float = 0.3


@dataclass(frozen=True, slots=True)
class Loudness:
    integrated_lufs: float
    true_peak_dbtp: float


def concatenate(parts: list[Audio], pause_s: float) -> Audio:
    """Join parts of one rate with a pause between them."""
    if not parts:
        raise ValueError("nothing to assemble")
    rate = parts[0].rate
    gap = np.zeros(int(pause_s * rate), dtype=np.float32)
    chunks: list[np.ndarray] = []
    for i, part in enumerate(parts):
        if part.rate != rate:
            part = resample(part, rate)
        if i:
            chunks.append(gap)
        chunks.append(part.samples.astype(np.float32))
    return Audio(np.concatenate(chunks), rate)


def resample(audio: Audio, rate: int) -> Audio:
    if audio.rate == rate:
        return audio
    g = np.gcd(audio.rate, rate)
    return Audio(signal.resample_poly(audio.samples, rate // g, audio.rate // g).astype(np.float32), rate)


def chime(rate: int, seconds: float = 1.6) -> Audio:
    """A short three-note chime that announces a bulletin (generated, no licence needed)."""
    notes = (523.25, 659.25, 783.99)
    step = seconds / len(notes)
    out = np.zeros(int(seconds * rate), dtype=np.float32)
    for i, freq in enumerate(notes):
        start = int(i * step * rate)
        t = np.arange(int(step * 2 * rate)) / rate
        tone = (np.sin(2 * np.pi * freq * t) + 0.3 * np.sin(4 * np.pi * freq * t)) * np.exp(-3.0 * t)
        end = min(len(out), start + len(tone))
        out[start:end] += tone[: end - start].astype(np.float32) * 0.3
    return Audio(out, rate)


def true_peak_dbtp(samples: np.ndarray, rate: int) -> float:
    up = signal.resample_poly(samples, OVERSAMPLE, 1)
    peak = float(np.max(np.abs(up))) if len(up) else 0.0
    return 20 * np.log10(max(peak, 1e-9))


def measure(audio: Audio) -> Loudness:
    meter = pyloudnorm.Meter(audio.rate)
    return Loudness(float(meter.integrated_loudness(audio.samples.astype(np.float64))), true_peak_dbtp(audio.samples, audio.rate))


def highpass(audio: Audio, cutoff_hz: float) -> Audio:
    sos = signal.butter(2, cutoff_hz, btype="highpass", fs=audio.rate, output="sos")
    return Audio(signal.sosfilt(sos, audio.samples).astype(np.float32), audio.rate)


def limit(audio: Audio, ceiling_dbtp: float, attack_s: float = 0.002, release_s: float = 0.06) -> Audio:
    """Look-ahead limiter: gain follows the oversampled peak, with a smooth release."""
    ceiling = 10 ** (ceiling_dbtp / 20)
    up = np.abs(signal.resample_poly(audio.samples, OVERSAMPLE, 1))
    envelope = up.reshape(-1, OVERSAMPLE).max(axis=1) if len(up) % OVERSAMPLE == 0 else up[::OVERSAMPLE]
    envelope = envelope[: len(audio.samples)]
    needed = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-9))
    window = max(1, int(attack_s * audio.rate))
    gain = minimum_filter1d(needed, size=2 * window + 1)
    alpha = float(np.exp(-1.0 / max(1, int(release_s * audio.rate))))
    smoothed = signal.lfilter([1 - alpha], [1, -alpha], gain - 1.0) + 1.0
    gain = np.minimum(gain, smoothed)
    return Audio((audio.samples * gain).astype(np.float32), audio.rate)


def master(audio: Audio, settings: MasterSettings = MasterSettings()) -> tuple[Audio, Loudness]:
    """High-pass, normalise to the loudness target and keep the true peak under the ceiling."""
    out = highpass(audio, settings.highpass_hz)
    meter = pyloudnorm.Meter(out.rate)
    for _ in range(4):
        loudness = float(meter.integrated_loudness(out.samples.astype(np.float64)))
        if not np.isfinite(loudness):
            break
        gain = 10 ** ((settings.target_lufs - loudness) / 20)
        out = Audio((out.samples * gain).astype(np.float32), out.rate)
        out = limit(out, settings.ceiling_dbtp - 0.3)
        if abs(float(meter.integrated_loudness(out.samples.astype(np.float64))) - settings.target_lufs) < 0.3:
            break
    return out, measure(out)
