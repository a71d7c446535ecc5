"""How fast the command line answers: `broadcaster --help` and `broadcaster plan`, wall clock.

Each command runs as a fresh process, as a commune official types it, with the interpreter's
own start-up measured in the same run as the anchor (`python -c pass`). The store `plan` reads
is a commune's realistic week (`seed_week`: four zones in two communes, a mix of languages,
four approved bulletins and three dozen daily, weekly and one-off bookings, one of them
withdrawn) made the product's way and migrated, so the figure is what a command costs on an
installed system, not the first start's migrations. Bytecode is written during the warm-up
run (pip compiles an installed package's .pyc; a checkout run with PYTHONDONTWRITEBYTECODE
would otherwise compile every module of the repository at each start). Medians of `ROUNDS`
runs, interleaved so a load spike hits every command alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROUNDS = 11
# exactly what the `broadcaster` console script does
ENTRY = "import sys; from broadcaster.cli import main; sys.exit(main())"
ZONES = {"thon-1": "xa-a", "thon-2": "xa-a", "thon-3": "xa-b", "ban-4": "xa-b"}
TITLES = ("Lịch tiêm phòng gia súc", "Phòng chống cháy rừng mùa khô", "Đăng ký tạm trú", "Nghị định 162 về đất đai")


def seed_week(data_dir: Path) -> int:
    """A commune's week in the store; returns how many bookings it holds."""
    from bench.seed import ADMIN, APPROVER, EDITOR, NOTICE
    from broadcaster.app.planning import book
    from broadcaster.app.programmes import approved_notice
    from broadcaster.config import Settings
    from broadcaster.store.engine import open_store
    from broadcaster.store.models import BookingRow, DeviceRow, ZoneRow

    settings = Settings(data_dir=data_dir)
    store = open_store(settings.database_url)
    starts = ("06:00", "11:00", "17:30")
    slots = [{"start": start, "minutes": 10.0} for start in starts]
    try:
        with store.session() as s:
            for n, (zone, commune) in enumerate(ZONES.items()):
                languages = ["vi", "hmn"] if zone == "ban-4" else ["vi"]
                name = zone.replace("-", " ").title()
                s.add(ZoneRow(id=zone, name=name, commune=commune, slots=slots, quiet=[], languages=languages))
                s.flush()
                s.add_all(DeviceRow(id=f"loa-{n}-{d}", zone_id=zone, name=f"loa {d}") for d in range(20))
        bulletins = [approved_notice(store, settings, EDITOR, APPROVER, title, NOTICE) for title in TITLES]
        today = datetime.now(UTC).date()
        zones = list(ZONES)
        count = 0
        with store.session() as s:
            for i, bulletin in enumerate(bulletins):
                book(s, ADMIN, bulletin, zones, today, rule="FREQ=DAILY", slot=starts[i % 3])
                book(s, ADMIN, bulletin, zones[i % 2 :: 2], today, rule="FREQ=WEEKLY;BYDAY=MO,TH", slot="17:30")
                count += 2
            for day in range(7):
                for z, zone in enumerate(zones):
                    bulletin = bulletins[(day + z) % len(bulletins)]
                    book(s, ADMIN, bulletin, [zone], today + timedelta(days=day), slot=starts[(day + z) % 3])
                    count += 1
            withdrawn = book(s, ADMIN, bulletins[0], zones, today, rule="FREQ=DAILY", slot="11:00")
            withdrawn.withdrawn = True
            count += 1
            assert s.query(BookingRow).count() == count
        return count
    finally:
        store.close()


def _once(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{argv[2:]} failed ({done.returncode}): {done.stderr[-500:]}")
    return elapsed, done.stdout


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    rounds = 5 if quick else ROUNDS
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        bookings = seed_week(data_dir)
        env = {**os.environ, "BROADCASTER_DATA_DIR": str(data_dir)}
        env.pop("BROADCASTER_DATABASE_URL", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {
            "python_pass": [sys.executable, "-c", "pass"],
            "help": [sys.executable, "-c", ENTRY, "--help"],
            "plan": [sys.executable, "-c", ENTRY, "plan", "--zone", "ban-4", "--days", "7"],
        }
        outputs = {name: _once(argv, env)[1] for name, argv in commands.items()}  # warm the page cache and the .pyc files
        planned = sum(1 for line in outputs["plan"].splitlines() if line[:4].isdigit())
        if planned < 14:
            raise RuntimeError(f"plan printed {planned} plays for the seeded week:\n{outputs['plan']}")
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(rounds):
            for name, argv in commands.items():
                times[name].append(_once(argv, env)[0])
    medians = {name: statistics.median(values) for name, values in times.items()}
    anchor = medians["python_pass"]
    figures: dict[str, float] = {"rounds": rounds, "bookings": bookings, "plan_rows": planned, "python_pass_s": round(anchor, 3)}
    for name in ("help", "plan"):
        figures[f"{name}_s"] = round(medians[name], 3)
        figures[f"{name}_over_python_s"] = round(medians[name] - anchor, 3)
        figures[f"{name}_vs_python"] = round(medians[name] / anchor, 1)
    return figures, {"help_s": 0.3, "plan_s": 0.3}
