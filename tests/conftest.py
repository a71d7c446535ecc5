from __future__ import annotations

import json
import os
import re
import socket
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LOA_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
DEV_DOCS = sorted((CORPUS / "dev").glob("*.txt"))
MOSQUITTO_URL = os.environ.get("LOA_TEST_MQTT", "mqtt://127.0.0.1:1883")
POSTGRES_URL = os.environ.get("LOA_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def dev_meta(path: Path) -> dict[str, object]:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def port_open(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def postgres_schema_url() -> str:
    """A PostgreSQL URL on a fresh schema of the test database: each store test starts empty."""
    import uuid

    from sqlalchemy import create_engine, text

    if not port_open("127.0.0.1", 5432):
        pytest.fail("PostgreSQL is not listening on 127.0.0.1:5432 (.ci/run starts it)")
    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    admin.dispose()
    return f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"


def store_url(kind: str, tmp_path: Path) -> str:
    """`sqlite` (a file in tmp_path) or `postgres` (a fresh schema): the two stores tests run on."""
    return f"sqlite:///{tmp_path / 'store.db'}" if kind == "sqlite" else postgres_schema_url()


@pytest.fixture
def mosquitto_url() -> str:
    if not port_open("127.0.0.1", 1883):
        pytest.fail("Mosquitto is not listening on 127.0.0.1:1883 (.ci/run starts it)")
    return MOSQUITTO_URL


_TONES = [
    ("òa", "oà"),
    ("óa", "oá"),
    ("ỏa", "oả"),
    ("õa", "oã"),
    ("ọa", "oạ"),
    ("òe", "oè"),
    ("óe", "oé"),
    ("ỏe", "oẻ"),
    ("õe", "oẽ"),
    ("ọe", "oẹ"),
    ("ùy", "uỳ"),
    ("úy", "uý"),
    ("ủy", "uỷ"),
    ("ũy", "uỹ"),
    ("ụy", "uỵ"),
]


def spoken_canon(text: str) -> str:
    """The comparison rules of corpus/README.md."""
    text = unicodedata.normalize("NFC", text.lower())
    for old, new in _TONES:
        text = text.replace(old, new)
    text = re.sub(r"[^\w\s]", " ", text).replace("_", " ")
    text = " ".join(text.split())
    text = re.sub(r"\bngàn\b", "nghìn", text)
    text = re.sub(r"\blẻ\b", "linh", text)
    text = re.sub(r"\btỉ\b", "tỷ", text)
    text = text.replace("mươi bốn", "mươi tư")
    text = re.sub(r"\b(?:mồng|mùng) ", "", text)
    return text.replace("tháng giêng", "tháng một")


def wait_for(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    """Poll a condition with a bound: tests never wait longer than they say."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return bool(predicate())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests (brokers, fleets, browsers: mostly waiting on a clock or a network) first, so that
    with `-n` (pytest-xdist) they overlap the quick ones instead of trailing alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None and item.get_closest_marker("browser") is None)


@pytest.fixture
def broker_folder(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A folder for an exported broker config that Mosquitto's own user can reach: pytest's
    temporary folders are root-only when tests run as root, and an export never runs the broker
    as root (`user root` is refused), so the path must be traversable by `mosquitto`."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="loa-broker-", dir="/tmp"))
    folder.chmod(0o711)
    yield folder / "broker"
    shutil.rmtree(folder, ignore_errors=True)
