"""Time per stage for one bulletin, end to end through the demo pipeline (embedded broker)."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from broadcaster.cli.demo import run_demo


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    runs = 1 if quick else 3
    devices = 5 if quick else 20
    lead_s = 2.0
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            result = run_demo(Path(tmp), devices=devices, lead_s=lead_s)
            if not result.all_played:
                raise RuntimeError("not every simulated device played the bulletin")
            timings = dict(result.report["timings_s"])
            timings.pop("play")  # mostly waiting for the slot; the work after it is play_after_slot
            for stage, seconds in timings.items():
                samples.setdefault(stage, []).append(seconds)
            samples.setdefault("audio_s", []).append(result.report["bulletin"]["duration_s"])
    figures = {f"{k}_s" if k != "audio_s" else k: round(statistics.median(v), 3) for k, v in samples.items()}
    figures["bulletin_total_s"] = round(sum(v for k, v in figures.items() if k != "audio_s"), 3)  # production + delivery + play
    figures["devices"] = devices
    return figures, {"bulletin_total_s": 60.0}
