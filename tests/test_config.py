"""Settings refuse mistakes with the key's name; docs/settings.md lists every setting."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest

from broadcaster.config import ConfigError, Settings, load, settings_table
from broadcaster.store.keys import load_or_create
from tests.conftest import ROOT, wait_for


def test_typo_in_toml_is_refused_with_its_name_and_file(tmp_path: Path) -> None:
    conf = tmp_path / "loa.toml"
    conf.write_text('mqtt_ulr = "mqtt://127.0.0.1:1883"\n')
    with pytest.raises(ConfigError, match=r"unknown setting 'mqtt_ulr' in .*loa\.toml"):
        load(conf, env={})


def test_bad_values_are_refused_with_the_key(tmp_path: Path) -> None:
    conf = tmp_path / "loa.toml"
    conf.write_text('media_port = "tám nghìn"\ntimezone = "Asia/Hanoi_City"\n')
    with pytest.raises(ConfigError) as caught:
        load(conf, env={})
    assert "media_port" in str(caught.value) and "timezone" in str(caught.value)
    for env, key in (
        ({"BROADCASTER_MEDIA_PORT": "70000"}, "media_port"),
        ({"BROADCASTER_DIALECT": "west"}, "dialect"),
        ({"BROADCASTER_MQTT_URL": "http://broker"}, "mqtt_url"),
        ({"BROADCASTER_ONLINE_TTS": "maybe"}, "online_tts"),
        ({"BROADCASTER_MQTT_ULR": "mqtt://x"}, "BROADCASTER_MQTT_ULR"),
    ):
        with pytest.raises(ConfigError, match=key):
            load(None, env=env)


def test_environment_overrides_file_and_lists_parse(tmp_path: Path) -> None:
    conf = tmp_path / "loa.toml"
    conf.write_text('feeds = ["https://a.example/rss"]\nmedia_port = 9000\n')
    assert load(conf, env={}).feeds == ["https://a.example/rss"]
    settings = load(
        conf, env={"BROADCASTER_FEEDS": "https://b.example/rss, https://c.example/atom", "BROADCASTER_MEDIA_PORT": "9001"}
    )
    assert settings.feeds == ["https://b.example/rss", "https://c.example/atom"]
    assert settings.media_port == 9001
    assert load(None, env={"BROADCASTER_FEEDS": '["https://d.example/rss"]'}).feeds == ["https://d.example/rss"]
    assert load(None, env={"BROADCASTER_ONLINE_TTS": "1"}).online_tts is True


def test_assignment_is_validated_too() -> None:
    settings = Settings(data_dir=Path("x"))
    assert settings.database_url == "sqlite:///x/broadcaster.db"
    with pytest.raises(ValueError, match="dialect"):
        settings.dialect = "west"  # type: ignore[assignment]


def test_the_store_is_found_without_pydantic_where_load_would_find_it(tmp_path: Path) -> None:
    from broadcaster.config_source import setting_names, store_settings

    assert setting_names() == set(Settings.model_fields)
    conf = tmp_path / "loa.toml"
    conf.write_text(f'data_dir = "{tmp_path / "tinh"}"\nmedia_port = 8090\n')
    cases: list[tuple[Path | None, dict[str, str]]] = [
        (None, {}),
        (None, {"BROADCASTER_DATA_DIR": str(tmp_path / "xa")}),
        (None, {"BROADCASTER_DATA_DIR": ""}),
        (conf, {}),
        (conf, {"BROADCASTER_DATA_DIR": str(tmp_path / "xa")}),
        (None, {"BROADCASTER_CONFIG": str(conf), "BROADCASTER_DATABASE_URL": "postgresql://127.0.0.1/test"}),
    ]
    for path, env in cases:
        found = store_settings(path, env)
        assert found is not None and found.database_url == load(path, env).database_url, (path, env)
    # what only load() can say, it is left to say: an unknown name, a value of the wrong type
    conf.write_text("data_dir = 7\n")
    for path, env in ((None, {"BROADCASTER_MQTT_ULR": "mqtt://x"}), (conf, {})):
        assert store_settings(path, env) is None
        with pytest.raises(ConfigError):
            load(path, env)


def test_docs_list_every_setting() -> None:
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert settings_table() in doc, (
        "regenerate: python -c 'from broadcaster.config import settings_table; print(settings_table())'"
    )


def _cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT
    )


def test_cli_reports_a_typo_in_one_line(tmp_path: Path) -> None:
    conf = tmp_path / "loa.toml"
    conf.write_text('mqtt_ulr = "x"\n')
    result = _cli("--config", str(conf), "voices")
    assert result.returncode == 2
    assert "mqtt_ulr" in result.stderr and "Traceback" not in result.stderr
    assert "Cấu hình không hợp lệ" in result.stderr


def test_agent_runs_from_its_own_config(tmp_path: Path, mosquitto_url: str) -> None:
    """`broadcaster agent --config device.toml` (the subcommand's --config no longer clobbers the global one)."""
    signer = load_or_create(tmp_path / "server.pem", "k1")
    prefix = f"cfgtest/{os.getpid()}-{time.time_ns()}"
    device = tmp_path / "device.toml"
    device.write_text(
        f'device_id = "loa-cfg"\nzones = ["thon-1"]\nbroker = "{mosquitto_url}"\ntopic_prefix = "{prefix}"\n'
        f'data_dir = "{(tmp_path / "agent").as_posix()}"\n[trusted_keys]\nk1 = "{signer.public_b64()}"\n'
    )
    states: list[dict[str, object]] = []
    watcher = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    watcher.on_message = lambda _c, _u, msg: states.append(json.loads(msg.payload))
    watcher.connect("127.0.0.1", 1883)
    watcher.subscribe(f"{prefix}/dev/loa-cfg/state", 1)
    watcher.loop_start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADCASTER_")}
    log, errors = tmp_path / "agent.out", tmp_path / "agent.err"  # files: an unread pipe can fill and block the agent
    with log.open("w") as out_file, errors.open("w") as err_file:
        agent = subprocess.Popen(
            [sys.executable, "-m", "broadcaster.cli", "agent", "--config", str(device)],
            cwd=ROOT,
            env={**env, "BROADCASTER_DATA_DIR": str(tmp_path / "data")},
            stdout=out_file,
            stderr=err_file,
            text=True,
        )
    try:
        assert wait_for(lambda: any(s.get("online") for s in states), 60), errors.read_text()[-3000:]
    finally:
        agent.terminate()
        agent.wait(timeout=20)
        out, err = log.read_text(), errors.read_text()
        watcher.loop_stop()
        watcher.disconnect()
    assert "Traceback" not in err, err
    assert "loa-cfg" in out
