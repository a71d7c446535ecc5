"""The command line starts without what it does not use: `--help` imports no store, no web app,
no stage; a command on a store already at head does not import Alembic. `python -m bench cli`
measures the time; these tests keep the imports from creeping back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from broadcaster.store.engine import head_revision, open_store

HEAVY = {"sqlalchemy", "pydantic", "alembic", "numpy", "scipy", "fastapi", "aiohttp", "paho", "cryptography", "jinja2", "httpx"}
OURS = {"devices", "media", "schedules", "scripts", "tts"}


def _modules_after(code: str, env: dict[str, str] | None = None) -> tuple[set[str], str]:
    """Top-level packages imported by a fresh interpreter after `code`, and what it printed."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})), file=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120)
    return set(json.loads(done.stderr.strip().splitlines()[-1])), done.stdout


def test_help_imports_no_store_no_web_and_no_stage() -> None:
    code = (
        "from broadcaster.cli import main\n"
        "for argv in (['--help'], ['plan', '--help'], ['user', 'add', '--help'], ['control', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass"
    )
    modules, out = _modules_after(code)
    assert "plan" in out and "--role" in out and "observer" in out and "reboot" in out
    assert not modules & (HEAVY | OURS), sorted(modules & (HEAVY | OURS))
    assert "broadcaster" in modules


def test_plan_on_a_store_at_head_imports_no_orm_no_pydantic_and_no_stage(tmp_path: Path) -> None:
    """`broadcaster plan` reads the store with sqlite3 (store.lite) and settings without pydantic
    (config_source); the planner (schedules) is all it imports of ours besides broadcaster."""
    from datetime import date, time, timedelta

    from broadcaster.app.planning import book
    from broadcaster.config import Settings
    from tests.helpers import ADMIN, approved_bulletin, zone_with_devices

    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    zone_with_devices(store, "thon-1", "xa-a", [time(7, 0)], ["loa-1"], minutes=30)
    bulletin = approved_bulletin(store, settings, "Lịch tiêm phòng")
    start = date.today() + timedelta(days=1)
    with store.session() as s:
        book(s, ADMIN, bulletin, ["thon-1"], start, rule="FREQ=DAILY", slot="07:00")
    store.close()
    env = {**os.environ, "BROADCASTER_DATA_DIR": str(settings.data_dir), "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("BROADCASTER_DATABASE_URL", None)
    code = f"from broadcaster.cli import main\nmain(['plan', '--zone', 'thon-1', '--days', '3', '--start', '{start}'])"
    modules, out = _modules_after(code, env)
    assert [line.split()[0] for line in out.splitlines() if "Lịch tiêm phòng" in line] == [
        str(start + timedelta(days=n)) for n in range(3)
    ]
    assert not modules & (HEAVY | OURS - {"schedules"}), sorted(modules & (HEAVY | OURS - {"schedules"}))


def test_the_command_typed_is_parsed_alone_and_a_mistake_is_said_as_every_commands_parser_says_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from broadcaster.cli.entry import _parse, build_parser

    assert "{plan}" in build_parser("plan").format_usage() and "{demo," in build_parser().format_usage()
    line = ["-v", "--config", "loa.toml", "plan", "--zone", "thon-1", "--days", "2"]
    assert _parse(line) == build_parser().parse_args(line)
    for wrong in (["plan", "--zone", "x", "--bogus"], ["--bogus", "plan"], ["plna"], ["plan"], ["--conf", "x", "plan"]):
        said = []
        for parse in (_parse, build_parser().parse_args):
            with pytest.raises(SystemExit) as exited:
                parse(wrong)
            said.append((exited.value.code, capsys.readouterr().err))
        assert said[0] == said[1] and said[0][0] == 2, wrong


def test_the_cli_choices_are_the_products() -> None:
    from broadcaster.app.control import ACTIONS as WEB_ACTIONS
    from broadcaster.app.workflow import Role
    from broadcaster.cli.control import ACTIONS
    from broadcaster.cli.directory import ROLES

    assert ROLES == tuple(role.value for role in Role)
    assert ACTIONS == WEB_ACTIONS


def test_head_read_from_the_scripts_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    from broadcaster.store.engine import alembic_config

    assert [head_revision()] == list(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def test_a_store_at_head_opens_without_alembic_and_an_old_one_is_migrated(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    from broadcaster.store.engine import alembic_config

    url = f"sqlite:///{tmp_path / 'store.db'}"
    open_store(url).close()  # created and migrated to head by Alembic
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    modules, _ = _modules_after(f"from broadcaster.store.engine import open_store\nopen_store({url!r}).close()", env)
    assert "sqlalchemy" in modules and "alembic" not in modules

    # one revision back: opening it runs Alembic again, to head
    store = open_store(url)
    with store.engine.begin() as connection:
        config = alembic_config(url)
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() != head_revision()
    store.close()
    again = open_store(url)
    with again.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    again.close()


def test_a_failing_command_still_says_why_in_one_line_not_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "BROADCASTER_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", "plan", "--zone", "khong-co"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "Lỗi: Không có vùng phát: khong-co."  # said with its code, in Vietnamese
