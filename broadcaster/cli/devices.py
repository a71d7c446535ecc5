"""Device commands: broker ACL export, the reference agent, the simulator, planned-versus-played."""

from __future__ import annotations

import argparse
import json
import os
import pwd
import re
import shutil
import signal
import sys
import threading
import time
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from broadcaster.config import Settings
    from broadcaster.store.engine import Store
    from devices.acl import DeviceAccount


def cmd_export_acl(args: argparse.Namespace, settings: Settings) -> int:
    """Write passwd, acl, mosquitto.conf and an agent config for each device given a new password.

    A device whose credentials were issued before (console or an earlier export) keeps them: its
    stored hash goes into the password file and no config is written for it. `--rotate` issues
    every device a new password. Only hashes are stored.
    """
    from broadcaster.app.credentials import AGENT_DATA_DIR, media_base
    from broadcaster.store.engine import open_store
    from broadcaster.store.keys import load_or_create
    from devices.acl import agent_config, write_broker_config
    from devices.protocol import Topics

    store = open_store(settings.database_url)
    out = Path(args.out)
    topics = Topics(settings.topic_prefix)
    signer = load_or_create(settings.key_file, settings.key_id)
    now = datetime.now(UTC)
    accounts = _device_accounts(store, args.rotate, now)
    workers = [SERVER_USER] + [f"{SERVER_USER}-{i}" for i in range(2, max(1, args.workers) + 1)]
    servers, fresh_servers = _service_accounts(out, workers, args.rotate)
    run_as = args.run_as or _default_run_as()
    conf = write_broker_config(
        out, accounts, topics, SERVER_USER, "", port=args.port, host=args.host, run_as=run_as, servers=servers
    )
    agents = out / "agents"
    agents.mkdir(exist_ok=True)
    fresh = [a for a in accounts if a.password]
    broker = f"mqtt://{args.public_host}:{args.port}"
    for account in fresh:
        text = agent_config(
            account,
            broker,
            settings.topic_prefix,
            {signer.key_id: signer.public_b64()},
            media_base(settings),
            AGENT_DATA_DIR,
        )
        _secret(agents / f"{account.device}.toml", text)
    for user, password in fresh_servers.items():
        env = out / "server.env" if user == SERVER_USER else out / "workers" / f"{user}.env"
        env.parent.mkdir(exist_ok=True)
        _secret(
            env,
            f"BROADCASTER_MQTT_URL=mqtt://{user}:{password}@{args.public_host}:{args.port}\n"
            f"BROADCASTER_SERVER_CLIENT_ID={user}\n",
        )
    kept = len(accounts) - len(fresh)
    print(
        f"{len(accounts)} loa ({len(fresh)} mật khẩu mới, {kept} giữ mật khẩu đã cấp): {out / 'passwd'}, {out / 'acl'}, "
        f"{conf}, {agents}/*.toml"
    )
    print(
        f"{len(workers)} tài khoản dịch vụ ({len(fresh_servers)} mới, {len(workers) - len(fresh_servers)} giữ nguyên mật khẩu "
        f"— dịch vụ đang chạy không bị ảnh hưởng): "
        + ", ".join(f"{u} → {'server.env' if u == SERVER_USER else f'workers/{u}.env'}" for u in fresh_servers)
    )
    return 0


def _device_accounts(store: Store, rotate: bool, now: datetime) -> list[DeviceAccount]:
    """Every device's broker account: a new password for those never issued one (all with `rotate`)."""
    from sqlalchemy import select

    from broadcaster.store.models import DeviceRow
    from devices.acl import DeviceAccount, new_password, password_hash

    with store.session() as session:
        accounts: list[DeviceAccount] = []
        for d in session.scalars(select(DeviceRow)):
            if d.mqtt_password_hash and not rotate:
                accounts.append(DeviceAccount(d.id, (d.zone_id,), hashed=d.mqtt_password_hash))
                continue
            password = new_password()
            d.mqtt_password_hash, d.credentials_issued = password_hash(password), now
            accounts.append(DeviceAccount(d.id, (d.zone_id,), password))
    return accounts


def _service_accounts(out: Path, workers: list[str], rotate: bool) -> tuple[dict[str, str], dict[str, str]]:
    """One broker account per service worker/instance (the account is its client id): an account
    already in the broker's password file keeps its hash, so re-running export-acl never changes
    the password of a service that runs with it (issue 22 #7/#8). Returns user → hash, and user →
    new password for those given one."""
    from devices.acl import new_password, password_hash, read_password_file

    existing = read_password_file(out / "passwd")
    servers: dict[str, str] = {}
    fresh_servers: dict[str, str] = {}
    for user in workers:
        if user in existing and not rotate:
            servers[user] = existing[user]
        else:
            fresh_servers[user] = new_password()
            servers[user] = password_hash(fresh_servers[user])
    return servers, fresh_servers


SERVER_USER = "loa-server"


def _default_run_as() -> str:
    """The exporting user, unless that is root: then Mosquitto's own user (never `user root`)."""
    name = pwd.getpwuid(os.geteuid()).pw_name
    return "mosquitto" if name == "root" else name


def _secret(path: Path, text: str) -> None:
    """Passwords inside: owner-only, replacing an earlier export."""
    from broadcaster.store.keys import write_private

    path.unlink(missing_ok=True)
    write_private(path, text.encode())


TOML_AT = re.compile(r"at line (\d+), column (\d+)")


def load_agent_config(path: Path) -> dict[str, object]:
    from broadcaster.config import ConfigError

    try:
        config = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as exc:
        at = TOML_AT.search(str(exc))  # tomllib says where in words (lineno and colno come in Python 3.14)
        line, column = at.groups() if at else ("?", "?")
        raise ConfigError(
            f"cannot read agent config {path}: {exc}", code="agent.config_syntax", path=str(path), line=line, column=column
        ) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read agent config {path}: {exc}", code="agent.config_unreadable", path=str(path)) from exc
    missing = [k for k in ("device_id", "zones", "broker", "trusted_keys") if k not in config]
    _refuse_keys(path, missing, "lacks", "agent.config_missing")
    shapes = {
        "device_id": isinstance(config["device_id"], str) and bool(config["device_id"]),
        "zones": isinstance(config["zones"], list) and all(isinstance(z, str) for z in config["zones"]),
        "broker": isinstance(config["broker"], str),
        "trusted_keys": isinstance(config["trusted_keys"], dict) and bool(config["trusted_keys"]),
        "player": isinstance(config.get("player", []), list),
        "amplifier": isinstance(config.get("amplifier", []), list),
    }
    wrong = [key for key, ok in shapes.items() if not ok]
    _refuse_keys(path, wrong, "has a wrong value for", "agent.config_bad_value")
    return config


def _refuse_keys(path: Path, keys: list[str], says: str, code: str) -> None:
    """:raises ConfigError: with `code`, naming the keys of the agent config that are wrong, if any."""
    from broadcaster.config import ConfigError

    if keys:
        named = ", ".join(keys)
        raise ConfigError(f"agent config {path} {says} {named}", code=code, path=str(path), keys=named)


NO_PLAYER_WARNING = (
    "Cảnh báo: Không tìm thấy trình phát âm thanh ({command}): loa sẽ không phát ra tiếng. "
    "Hãy cài mpg123 hoặc ffplay và đặt `player` trong tệp cấu hình loa."
)


def cmd_agent(args: argparse.Namespace, settings: Settings) -> int:
    """The reference speaker agent: runs until stopped; state survives restarts in data_dir."""
    from concurrent.futures import ThreadPoolExecutor

    from broadcaster.config import ConfigError
    from devices.agent import Agent
    from devices.mqtt import MqttTransport
    from devices.players import CommandPlayer, NullPlayer, Player
    from devices.protocol import Topics, Verifier, public_key

    config = load_agent_config(Path(args.config))
    device = str(config["device_id"])
    zones = tuple(str(z) for z in config["zones"])  # type: ignore[attr-defined]
    keys = {}
    for key_id, text in dict(config["trusted_keys"]).items():  # type: ignore[call-overload]
        try:
            keys[str(key_id)] = public_key(str(text))
        except (ValueError, TypeError) as exc:  # bad base64 or not 32 bytes
            raise ConfigError(
                f"trusted key {key_id} is not an Ed25519 public key: {exc}", code="agent.bad_key", key=key_id
            ) from exc
    player_cmd = [str(a) for a in config.get("player", [])]  # type: ignore[attr-defined]
    amplifier_cmd = [str(a) for a in config.get("amplifier", [])]  # type: ignore[attr-defined]
    player: Player
    if player_cmd and shutil.which(player_cmd[0]):
        player = CommandPlayer(player_cmd, amplifier_cmd)
    else:
        player = NullPlayer(realtime=True)
        print(NO_PLAYER_WARNING.format(command=player_cmd[0] if player_cmd else "mpg123/ffplay/mpv"), file=sys.stderr)
    verifier = Verifier(keys, frozenset({f"dev/{device}", *(f"zone/{z}" for z in zones)}))
    executor = ThreadPoolExecutor(max_workers=2)
    data_dir = Path(str(config.get("data_dir", f"agent-{device}")))
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot create the agent data_dir {data_dir}: {exc.strerror or exc}", code="agent.data_dir", path=str(data_dir)
        ) from exc
    agent = Agent(
        device,
        zones,
        verifier,
        data_dir,
        lambda *_: None,
        executor,
        topics=Topics(str(config.get("topic_prefix", "loa/v1"))),
        player=player,
        media_base=str(config.get("media_base", "")),
    )
    # handlers and banner first: online, it may be stopped at once (a SIGTERM before the handler killed it uncleanly)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    print(f"loa {device} đang chạy ({type(player).__name__}); Ctrl+C để dừng", flush=True)
    transport = MqttTransport(agent, str(config["broker"])).start()
    while not stop.wait(0.2):
        agent.tick(time.time())
    transport.stop()
    executor.shutdown(wait=False)
    return 0


def cmd_simulate(args: argparse.Namespace, settings: Settings) -> int:
    """N agents in one process against a real broker, taking their devices from the store or inventing them."""
    from sqlalchemy import select

    from broadcaster.config import ConfigError
    from broadcaster.store.engine import open_store
    from broadcaster.store.keys import load_or_create
    from broadcaster.store.models import DeviceRow
    from devices.protocol import Topics
    from devices.sim.swarm import Swarm

    store = open_store(settings.database_url)
    signer = load_or_create(settings.key_file, settings.key_id)
    with store.session() as session:
        known = [(d.id, d.zone_id) for d in session.scalars(select(DeviceRow))][: args.devices]
    devices = known + [(f"sim-{i:05d}", args.zone) for i in range(len(known), args.devices)]
    url = args.mqtt or settings.mqtt_url
    if not url:
        raise ConfigError("simulate needs a broker: --mqtt mqtt://HOST:PORT or BROADCASTER_MQTT_URL", ["mqtt_url"])
    swarm = Swarm(
        devices, url, {signer.key_id: signer.public_b64()}, settings.data_dir / "simulator", Topics(settings.topic_prefix)
    ).start()
    print(f"{len(devices)} loa mô phỏng đã kết nối tới {url}")
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait(args.seconds if args.seconds else None)
    played = sum(len(a.played) for a in swarm.agents)
    swarm.stop()
    print(f"đã dừng; tổng số lượt phát: {played}")
    return 0


def planned_vs_played(settings: Settings, zone_id: str, day: date) -> list[dict[str, object]]:
    from sqlalchemy import select

    from broadcaster.app.planning import aware, build_planner
    from broadcaster.config import ConfigError
    from broadcaster.store.engine import open_store
    from broadcaster.store.models import DeviceRow, PlayReport, ZoneRow

    store = open_store(settings.database_url)
    with store.session() as session:
        zone = session.get(ZoneRow, zone_id)
        if zone is None:
            raise ConfigError(f"unknown zone {zone_id}", code="schedule.unknown_zones", zones=zone_id)
        items = build_planner(session, day, 1).zone_items(zone_id)
        devices = [d.id for d in session.scalars(select(DeviceRow).where(DeviceRow.zone_id == zone_id))]
        reports = {
            (r.device_id, r.item_id): r for r in session.scalars(select(PlayReport).where(PlayReport.device_id.in_(devices)))
        }
        tz = ZoneInfo(zone.timezone)
        rows = []
        for item in items:
            for device in devices:
                report = reports.get((device, item.id))
                started = aware(report.started) if report else None
                rows.append(
                    {
                        "item": item.id,
                        "planned": item.starts_at.astimezone(tz).strftime("%H:%M:%S"),
                        "title": item.title,
                        "device": device,
                        "played": report is not None,
                        "started": started.astimezone(tz).strftime("%H:%M:%S") if started else None,
                        "late_s": round((started - item.starts_at).total_seconds(), 1) if started else None,
                    }
                )
        return rows


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    day = date.fromisoformat(args.day) if args.day else datetime.now(ZoneInfo(settings.timezone)).date()
    rows = planned_vs_played(settings, args.zone, day)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"Kế hoạch và thực tế phát — vùng {args.zone}, ngày {day}")
    for row in rows:
        state = f"đã phát {row['started']} (trễ {row['late_s']} s)" if row["played"] else "CHƯA PHÁT"
        print(f"{row['planned']}  {str(row['device']):<14} {state:<34} {str(row['title'])[:50]}")
    played = sum(1 for r in rows if r["played"])
    print(f"Tổng: {played}/{len(rows)} lượt đã phát")
    return 0


def register(sub: argparse._SubParsersAction, devices: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    acl = devices.add_parser("export-acl", help="Mosquitto password and ACL files, agent configs")
    acl.add_argument("--out", default="broker-config")
    acl.add_argument("--port", type=int, default=1883)
    acl.add_argument("--host", default="0.0.0.0")  # noqa: S104 - a broker serves the speakers on the network
    acl.add_argument("--public-host", default="127.0.0.1", help="the broker's address as devices see it")
    acl.add_argument(
        "--run-as",
        default=None,
        help="the user Mosquitto runs as (default: whoever exports, so the broker can read its 0600 files; mosquitto if that is root)",
    )
    acl.add_argument(
        "--workers",
        type=int,
        default=1,
        help="service accounts to write: loa-server (server.env) and loa-server-2… (workers/*.env), one per worker or instance",
    )
    acl.add_argument("--rotate", action="store_true", help="new passwords for every device, not only those without")
    acl.set_defaults(func=cmd_export_acl)

    agent = sub.add_parser("agent", help="the reference speaker agent")
    agent.add_argument("--config", required=True)
    agent.set_defaults(func=cmd_agent)

    sim = sub.add_parser("simulate", help="simulated speakers against a real broker")
    sim.add_argument("--devices", type=int, default=100)
    sim.add_argument("--zone", default="sim-zone")
    sim.add_argument("--mqtt")
    sim.add_argument("--seconds", type=float, default=0, help="stop after this long (default: until Ctrl+C)")
    sim.set_defaults(func=cmd_simulate)

    report = sub.add_parser("report", help="planned versus played, per zone and day")
    report.add_argument("--zone", required=True)
    report.add_argument("--day")
    report.add_argument("--json", action="store_true")
    report.set_defaults(func=cmd_report)
