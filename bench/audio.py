"""A 2-minute bulletin: synthesis, mastering, encoding per codec, bytes, real-time factor."""

from __future__ import annotations

import statistics
import time

from media.bulletin import Track, sequence
from media.encode import CODECS, encode
from media.master import MasterSettings, master
from scripts.draft import draft
from scripts.legal import parse
from scripts.spoken import normalize
from tts.registry import default_registry

SAMPLE = "broadcaster/samples/nd-162-2026-nd-cp.txt"


def _sentences(target_s: float) -> list[str]:
    from pathlib import Path

    doc = parse((Path(__file__).resolve().parent.parent / SAMPLE).read_text(encoding="utf-8"))
    spoken = [normalize(s.text) for s in draft(doc).sentences]
    out: list[str] = []
    while sum(len(s.split()) for s in out) / 3.6 < target_s:
        out.extend(spoken)
    return out


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    sentences = _sentences(120.0)
    rounds = 1 if quick else 5
    samples: dict[str, list[float]] = {}
    registry = default_registry()  # no cache: synthesis is measured every round
    for _ in range(rounds):
        t0 = time.perf_counter()
        parts = tuple(registry.synthesize(s, "vi")[0] for s in sentences)
        t1 = time.perf_counter()
        audio = sequence([Track("vi", parts)])
        mastered, loudness = master(audio, MasterSettings())
        t2 = time.perf_counter()
        sizes = {}
        for name, codec in CODECS.items():
            start = time.perf_counter()
            sizes[name] = len(encode(mastered, codec))
            samples.setdefault(f"encode_{name}_s", []).append(time.perf_counter() - start)
        samples.setdefault("synthesis_s", []).append(t1 - t0)
        samples.setdefault("mastering_s", []).append(t2 - t1)
        samples.setdefault("render_2min_s", []).append(t2 - t0 + samples["encode_mp3_s"][-1])
        samples.setdefault("audio_s", []).append(mastered.duration_s)
        for name, size in sizes.items():
            samples.setdefault(f"bytes_{name}", []).append(size)
        samples.setdefault("loudness_lufs", []).append(loudness.integrated_lufs)
        samples.setdefault("true_peak_dbtp", []).append(loudness.true_peak_dbtp)
    figures = {k: round(statistics.median(v), 3) for k, v in samples.items()}
    figures["render_2min_s"] = round(figures["render_2min_s"] * 120.0 / figures["audio_s"], 3)  # scaled to exactly 2 min
    figures["rtf"] = round(figures["render_2min_s"] / 120.0, 4)
    return figures, {"render_2min_s": 2.0, "rtf": 0.0167, "true_peak_dbtp": -1.0, "loudness_lufs": -16.0}
