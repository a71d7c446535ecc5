from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
from pathlib import Path

BENCHES = (
    "pipeline",
    "drafting",
    "audio",
    "planner",
    "fanout",
    "acks",
    "province",
    "media",
    "mqttclients",
    "cli",
    "coverage",
    "funnel",
    "figures",
)
RESULTS = Path(__file__).parent / "results"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def run(name: str, quick: bool) -> None:
    module = importlib.import_module(f"bench.{name}")
    figures, goals = module.run(quick=quick)
    RESULTS.mkdir(exist_ok=True)
    payload = {
        "figures": figures,
        "goals": goals,
        "machine": machine(),
        "load_1m_after": round(os.getloadavg()[0], 2),  # a shared machine makes wall-clock figures noisy
        "quick": quick,
    }
    (RESULTS / f"{name}.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    width = max(len(k) for k in figures)
    print(f"\n{name}{' (quick)' if quick else ''} — {payload['machine']}")
    print(f"{'metric':<{width}}  {'value':>12}  goal")
    for key, value in figures.items():
        goal = goals.get(key, "")
        print(f"{key:<{width}}  {value:>12}  {goal}")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("name", nargs="?", choices=BENCHES)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    for name in [args.name] if args.name else BENCHES:
        try:
            importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError:
            print(f"{name}: not written yet", file=sys.stderr)
            continue
        run(name, args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
