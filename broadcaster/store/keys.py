"""The server's Ed25519 signing key, created on first use and kept private on disk."""

from __future__ import annotations

import os
from pathlib import Path

from devices.protocol import Signer


def write_private(path: Path, data: bytes) -> None:
    """Create a secret file readable by its owner only; never overwrite an existing one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def load_or_create(path: Path, key_id: str) -> Signer:
    if path.exists():
        return Signer.from_pem(path.read_bytes(), key_id)
    signer = Signer.generate(key_id)
    write_private(path, signer.private_pem())
    return signer
