"""Device broker credentials: issued or rotated one device at a time, kept only as Mosquitto hashes.

The password leaves the server once, inside the agent's `device.toml`; the database keeps the
hash `devices.acl.password_hash` makes, which `devices export-acl` writes into the broker's
password file, so the console and the broker agree without anyone seeing a password twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from broadcaster.app.workflow import Actor, audit
from broadcaster.config import ConfigError, Settings
from broadcaster.errors import NotFound
from broadcaster.store.keys import load_or_create
from broadcaster.store.models import DeviceRow
from devices.acl import DeviceAccount, agent_config, new_password, password_hash


def issue(session: Session, actor: Actor, device_id: str, now: datetime) -> DeviceAccount:
    """A new password for the device (the old one stops working once the broker reloads); audited.

    :raises LookupError: for an unknown device.
    """
    row = session.get(DeviceRow, device_id)
    if row is None:
        raise NotFound(f"no device {device_id}")
    rotated = row.mqtt_password_hash is not None
    password = new_password()
    row.mqtt_password_hash, row.credentials_issued = password_hash(password), now
    audit(session, actor, "device.credentials_rotated" if rotated else "device.credentials_issued", f"device:{device_id}")
    return DeviceAccount(device_id, (row.zone_id,), password)


def device_broker(settings: Settings) -> str:
    """mqtt://host:port as speakers see the broker. :raises ConfigError: when nothing says it."""
    url = settings.device_broker_url or settings.mqtt_url
    if not url:
        raise ConfigError("device_broker_url (or mqtt_url) must be set to write agent configs", ["device_broker_url"])
    return url


def media_base(settings: Settings) -> str:
    """The agent config's media_base: empty when the media server takes any free port (unknown now)."""
    return settings.public_media_base if settings.media_base_url or settings.media_port else ""


# where the agent keeps its state on the speaker; without it the agent writes into its working folder
AGENT_DATA_DIR = "/var/lib/loa-agent"


def agent_file(settings: Settings, account: DeviceAccount, data_dir: str = AGENT_DATA_DIR) -> str:
    """The agent's `device.toml`, trusting the server's signing key."""
    signer = load_or_create(settings.key_file, settings.key_id)
    return agent_config(
        account,
        device_broker(settings),
        settings.topic_prefix,
        {signer.key_id: signer.public_b64()},
        media_base(settings),
        data_dir,
    )
