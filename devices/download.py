"""A speaker's media download: resumable, bounded by the declared size, verified by sha256."""

from __future__ import annotations

import hashlib
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from devices.programme import MediaRef
from devices.protocol import ProtocolError, Rejection

MAX_MEDIA_BYTES = 256 * 1024 * 1024
CHUNK = 64 * 1024


def download(
    ref: MediaRef, folder: Path, timeout_s: float = 30.0, max_bytes: int = MAX_MEDIA_BYTES, media_base: str = ""
) -> Path:
    """Fetch media over HTTP with resume, reading at most the declared bytes and hashing while
    streaming; nothing unverified is ever renamed to its playable name.

    `media_base`, when set, is the only place media may come from (the agent config's
    `media_base`): a signed reference elsewhere is refused as MALFORMED.

    :raises ProtocolError: MEDIA_SIZE when the reference is too big or the server sends more
        than declared, MEDIA_CHECKSUM when the bytes do not match the reference.
    :raises OSError: when the download fails (retried later, with backoff).
    """
    final = folder / f"{ref.sha256}.{ref.codec}"
    if final.exists():
        return final
    if urlparse(ref.url).scheme not in ("http", "https"):
        raise ProtocolError(Rejection.MALFORMED, f"media URL must be http(s): {ref.url[:100]}")
    if media_base and not ref.url.startswith(media_base):
        raise ProtocolError(Rejection.MALFORMED, f"media URL {ref.url[:100]} is not under {media_base}")
    if not 0 < ref.bytes <= max_bytes:
        raise ProtocolError(Rejection.MEDIA_SIZE, f"{ref.bytes} bytes declared, at most {max_bytes} accepted")
    folder.mkdir(parents=True, exist_ok=True)
    part = final.with_suffix(".part")
    offset = part.stat().st_size if part.exists() else 0
    if offset >= ref.bytes:
        part.unlink()
        offset = 0
    digest = hashlib.sha256()
    headers = {"Range": f"bytes={offset}-"} if offset else {}
    with urllib.request.urlopen(urllib.request.Request(ref.url, headers=headers), timeout=timeout_s) as response:  # noqa: S310
        resumed = offset and response.status == 206
        if resumed:
            with part.open("rb") as done:
                while chunk := done.read(CHUNK):
                    digest.update(chunk)
        size = offset if resumed else 0
        with part.open("ab" if resumed else "wb") as out:
            while chunk := response.read(min(CHUNK, ref.bytes - size + 1)):
                size += len(chunk)
                if size > ref.bytes:
                    out.close()
                    part.unlink()
                    raise ProtocolError(Rejection.MEDIA_SIZE, f"the server sent more than the declared {ref.bytes} bytes")
                digest.update(chunk)
                out.write(chunk)
    if size < ref.bytes:
        raise OSError(f"download of {ref.sha256[:12]}… stopped at {size} of {ref.bytes} bytes")
    if digest.hexdigest() != ref.sha256:
        part.unlink()
        raise ProtocolError(Rejection.MEDIA_CHECKSUM, f"got {digest.hexdigest()[:12]}…, expected {ref.sha256[:12]}…")
    part.replace(final)
    return final
