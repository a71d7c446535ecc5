"""Mosquitto bridges that mirror the administration: province → commune (or cluster) brokers.

A commune broker connects out to its province (communes sit behind NAT and mobile links) and
carries, for the speakers attached to it, programmes and commands down and reports up:

    province broker  ◄── bridge (QoS 1, persistent session) ──  commune broker  ◄── speakers

- `in`: `dev/+/schedule` (retained: after a cut the bridge resubscribes and the province
  sends every retained programme again), `dev/+/cmd`, `zone/+/cmd`;
- `out`: `dev/+/ack`, `played`, `state`, `telemetry` to the service at the province.

`cleansession false` keeps the bridge's session at the province: QoS 1 commands published
while the link is down are queued there and delivered when it is back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DOWN = ("dev/+/schedule", "dev/+/cmd", "zone/+/cmd")
UP = ("dev/+/ack", "dev/+/played", "dev/+/state", "dev/+/telemetry")


@dataclass(frozen=True, slots=True)
class Bridge:
    name: str  # unique per link: it is the bridge's client id at the upstream broker
    upstream: str  # host:port of the province broker
    prefix: str = "loa/v1"
    username: str = ""
    password: str = ""

    def config(self) -> str:
        lines = [
            f"connection {self.name}",
            f"address {self.upstream}",
            f"remote_clientid bridge-{self.name}",
            "cleansession false",
            "bridge_protocol_version mqttv311",
            "try_private true",
            "restart_timeout 1 5",
            "keepalive_interval 10",
        ]
        if self.username:
            lines += [f"remote_username {self.username}", f"remote_password {self.password}"]
        lines += [f"topic {self.prefix}/{t} in 1" for t in DOWN]
        lines += [f"topic {self.prefix}/{t} out 1" for t in UP]
        return "\n".join(lines) + "\n"


def broker_config(port: int, bridges: tuple[Bridge, ...] = (), host: str = "127.0.0.1", persistence: Path | None = None) -> str:
    """A Mosquitto 2 configuration: one listener, anonymous (tests, loopback), optional bridges.

    It never keeps root (no `user` line): started by a user, Mosquitto runs as that user; started
    by root, it reads this file and then drops to its own user, `mosquitto`, as a deployed broker
    does — which must then be able to write a `persistence` folder.
    """
    lines = [
        f"listener {port} {host}",
        "allow_anonymous true",
        "max_queued_messages 100000",
        "max_inflight_messages 0",
    ]
    if persistence is not None:
        lines += ["persistence true", f"persistence_location {persistence}/"]
    else:
        lines.append("persistence false")
    return "\n".join(lines) + "\n" + "".join(b.config() for b in bridges)
