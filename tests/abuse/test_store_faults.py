"""Faults under the store: the database busy during an ingest, the disk full while storing media.

Each is told to the user in one Vietnamese line, leaves nothing half-stored, and the same action
succeeds once the fault is gone.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from broadcaster.app import bulletin_audio, programmes
from broadcaster.app.workflow import Actor, Role
from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from broadcaster.store.models import Document, MediaAsset
from tests.conftest import CORPUS, ROOT

DOCUMENT = CORPUS / "dev" / "nd-162-2026-nd-cp.txt"


def _ingest(data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADCASTER_")}
    return subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", "ingest", str(DOCUMENT)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**env, "BROADCASTER_DATA_DIR": str(data)},
    )


def test_database_busy_during_ingest_loses_nothing(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    store.close()
    holder = sqlite3.connect(settings.data_dir / "broadcaster.db", timeout=1)
    holder.execute("BEGIN EXCLUSIVE")  # another writer holds the database
    try:
        busy = _ingest(settings.data_dir)
    finally:
        holder.rollback()
        holder.close()
    assert busy.returncode == 2, busy.stdout + busy.stderr
    assert "Cơ sở dữ liệu đang không sẵn sàng" in busy.stderr and "Traceback" not in busy.stderr
    store = open_store(settings.database_url)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0, "nothing half-stored"
    done = _ingest(settings.data_dir)
    assert done.returncode == 0, done.stderr
    again = _ingest(settings.data_dir)
    assert again.returncode == 0, again.stderr
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1, "stored once, the retry is a duplicate"


def test_disk_full_while_storing_media(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    editor = Actor("bientap", Role.EDITOR)
    real_write = Path.write_bytes

    def full_disk(path: Path, data: bytes) -> int:  # the boundary: the filesystem takes half, then ENOSPC
        if path.suffix == ".part":
            real_write(path, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(programmes.RenderFailed) as failed:
        programmes.notice(store, settings, editor, "Họp thôn", "Tối nay thôn Một họp lúc bảy giờ tại nhà văn hóa.")
    bulletin = failed.value.bulletin_id
    media_dir = settings.media_dir
    assert not list(media_dir.glob("*.part")) and not list(media_dir.glob("*.mp3")), "no partial or orphan file"
    with store.session() as s:
        assert s.scalars(select(MediaAsset).where(MediaAsset.bulletin_id == bulletin)).first() is None

    monkeypatch.setattr(Path, "write_bytes", real_write)  # space freed: the editor renders again
    asset = bulletin_audio.render_audio(store, settings, editor, bulletin)
    assert (media_dir / f"{asset.sha256}.{asset.extension}").stat().st_size == asset.bytes
