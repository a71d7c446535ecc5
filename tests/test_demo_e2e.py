"""The whole pipeline, as `broadcaster demo` runs it, against both brokers."""

from __future__ import annotations

import hashlib
import inspect
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from broadcaster.cli.demo import run_demo
from broadcaster.store.models import Base

pytestmark = pytest.mark.slow


def check_report(out: Path, devices: int) -> dict[str, object]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    mp3 = (out / "bulletin.mp3").read_bytes()
    assert report["bulletin"]["sha256"] == hashlib.sha256(mp3).hexdigest()
    assert len(report["devices"]) == devices
    for device in report["devices"]:
        assert device["played"] is True and device["sha256"] == report["bulletin"]["sha256"], device
    assert 45 <= report["bulletin"]["duration_s"] <= 200
    assert {"ingest", "draft_and_render", "approve", "schedule", "play"} <= set(report["timings_s"])
    assert report["bulletin"]["state"] == "scheduled"
    assert (out / "playlist.m3u").read_text().startswith("#EXTM3U")
    assert "162/2026/NĐ-CP" in (out / "script.txt").read_text(encoding="utf-8")
    return report


def test_demo_on_mosquitto_writes_only_through_product_functions(tmp_path: Path, mosquitto_url: str) -> None:
    """The demo is the product's path: every row it causes is added or changed inside the product's
    functions (admin, pipeline, programmes, workflow, scheduling, the service), none by the demo."""
    writers: list[str] = []

    def caller() -> str:
        for frame in inspect.stack()[2:]:
            module = frame.frame.f_globals.get("__name__", "")
            if not module.startswith(("sqlalchemy", "tests.", "contextlib")):
                return str(module)
        return "?"

    def on_set(*_: object) -> None:
        writers.append(caller())

    listeners = [(Session, "transient_to_pending", lambda *_: writers.append(caller()))]
    for mapper in Base.registry.mappers:
        for attribute in mapper.column_attrs:
            listeners.append((getattr(mapper.class_, attribute.key), "set", on_set))
    for target, name, fn in listeners:
        event.listen(target, name, fn)
    try:
        result = run_demo(tmp_path, devices=6, lead_s=3, mqtt_url=mosquitto_url)
    finally:
        for target, name, fn in listeners:
            event.remove(target, name, fn)
    assert result.all_played
    check_report(tmp_path, 6)
    assert writers, "the listeners saw the product write rows"
    assert "broadcaster.cli.demo" not in writers, Counter(writers)
    assert {"broadcaster.app.directory", "broadcaster.app.workflow", "broadcaster.app.planning"} <= set(writers), Counter(writers)


def test_demo_on_the_embedded_broker_through_the_cli(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", "demo", "--devices", "4", "--lead", "3", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Loa đã phát: 4/4" in proc.stdout
    check_report(tmp_path, 4)


def test_broker_down_is_a_readable_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "broadcaster.cli",
            "demo",
            "--devices",
            "1",
            "--mqtt",
            "mqtt://127.0.0.1:1",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Không kết nối được tới máy chủ MQTT (broker) mqtt://127.0.0.1:1" in proc.stderr  # said in Vietnamese
    assert "cannot reach" not in proc.stderr
    assert "Traceback" not in proc.stderr
