"""Content-addressed media store: a file is named by its sha256, so URLs never change meaning."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from media.errors import MediaError

NAME_RE = re.compile(r"^(?P<sha>[0-9a-f]{64})\.(?P<ext>[a-z0-9]{2,5})$")


class MediaNameError(MediaError, ValueError):
    """A name that is not `<sha256>.<ext>`: nothing of the store is behind it."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "not_found")


@dataclass(frozen=True, slots=True)
class MediaFile:
    sha256: str
    extension: str
    bytes: int
    duration_ms: int
    codec: str

    @property
    def name(self) -> str:
        return f"{self.sha256}.{self.extension}"


class MediaStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        """:raises ValueError: for a name that is not `<sha256>.<ext>`."""
        if not NAME_RE.match(name):
            raise MediaNameError(f"not a media name: {name!r}")
        return self.folder / name

    def put(self, data: bytes, extension: str, duration_ms: int, codec: str) -> MediaFile:
        """Store under the content's hash, atomically: a file is there whole or not at all.

        :raises MediaError: when the disk refuses the write (full, read-only); nothing partial is left.
        """
        sha = hashlib.sha256(data).hexdigest()
        media = MediaFile(sha, extension, len(data), duration_ms, codec)
        target = self.path(media.name)
        if not target.exists():
            tmp = target.with_suffix(f".{os.getpid()}.part")
            try:
                tmp.write_bytes(data)
                tmp.replace(target)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                raise MediaError(
                    f"cannot store media in {self.folder}: {exc.strerror or exc}; free disk space and try again",
                    "media.store_failed",
                ) from exc
        return media
