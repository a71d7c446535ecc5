"""How fast the command line answers: `broadcaster --help` and `broadcaster plan`, wall clock.

Each command runs as a fresh process, as a commune official types it, with the interpreter's
own start-up measured in the same run as the anchor (`python -c pass`). The store `plan` reads
is seeded first (a zone, its speakers, an approved bulletin booked daily) and migrated, so the
figure is what a command costs on an installed system, not the first start's migrations.
Medians of `ROUNDS` runs, interleaved so a load spike hits every command alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 11
# exactly what the `broadcaster` console script does
ENTRY = "import sys; from broadcaster.cli import main; sys.exit(main())"


def _seed(data_dir: Path) -> None:
    from bench.seed import seed_zone
    from broadcaster.config import Settings
    from broadcaster.store.engine import open_store

    settings = Settings(data_dir=data_dir)
    store = open_store(settings.database_url)
    try:
        seed_zone(store, settings, "thon-1", [f"loa-{i}" for i in range(20)])
    finally:
        store.close()


def _once(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{argv[2:]} failed ({done.returncode}): {done.stderr[-500:]}")
    return elapsed


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    rounds = 5 if quick else ROUNDS
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        _seed(data_dir)
        env = {**os.environ, "BROADCASTER_DATA_DIR": str(data_dir)}
        env.pop("BROADCASTER_DATABASE_URL", None)
        commands = {
            "python_pass": [sys.executable, "-c", "pass"],
            "help": [sys.executable, "-c", ENTRY, "--help"],
            "plan": [sys.executable, "-c", ENTRY, "plan", "--zone", "thon-1", "--days", "7"],
        }
        for argv in commands.values():  # warm the page cache and the .pyc files once
            _once(argv, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(rounds):
            for name, argv in commands.items():
                times[name].append(_once(argv, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    anchor = medians["python_pass"]
    figures: dict[str, float] = {"rounds": rounds, "python_pass_s": round(anchor, 3)}
    for name in ("help", "plan"):
        figures[f"{name}_s"] = round(medians[name], 3)
        figures[f"{name}_over_python_s"] = round(medians[name] - anchor, 3)
        figures[f"{name}_vs_python"] = round(medians[name] / anchor, 1)
    return figures, {"help_s": 0.3, "plan_s": 0.3}
