"""Media at scale: the built-in media server under 100 concurrent downloaders, and the bytes
a speaker fetches for a 2-minute bulletin (Opus).

The anchor, in the same run on the same file with the same downloaders: nginx (Debian's
nginx-light) with the shipped site config (deploy/nginx/loa-media.conf, `worker_processes`
one per core as `auto` would), reported as `downloads_vs_nginx` (goal ≥ 0.8; below it, nginx is
the production path the README documents and the built-in server the embedded default). aiohttp's
own static handler is measured too.

The downloaders run in another process (aiohttp client, keep-alive, each body read in full
and its length checked), so the server's thread is not sharing an interpreter with them.
"""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing as mp
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from aiohttp import web

from bench.nginx import Nginx
from devices.mediaserver import MediaServer
from devices.protocol import MessageType, Signer

FILE_BYTES = 300 * 1024
CONCURRENCY = 100


def _downloaders(conn: Any, url: str, size: int, seconds: float, concurrency: int) -> None:
    import aiohttp

    async def main() -> tuple[int, int]:
        done = errors = 0
        deadline = time.monotonic() + seconds
        connector = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def one() -> None:
                nonlocal done, errors
                while time.monotonic() < deadline:
                    async with session.get(url) as response:
                        body = await response.read()
                    if response.status == 200 and len(body) == size:
                        done += 1
                    else:
                        errors += 1

            await asyncio.gather(*(one() for _ in range(concurrency)))
        return done, errors

    started = time.monotonic()
    done, errors = asyncio.run(main())
    conn.send((done, errors, time.monotonic() - started))


def downloads_per_s(url: str, size: int, seconds: float, concurrency: int = CONCURRENCY) -> tuple[float, int]:
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_downloaders, args=(child, url, size, seconds, concurrency), daemon=True)
    process.start()
    if not parent.poll(seconds + 60):
        process.kill()
        raise TimeoutError("the downloaders did not finish")
    done, errors, elapsed = parent.recv()
    process.join(10)
    return done / elapsed, errors


class _StaticReference(MediaServer):
    """`web.static` over the same folder: what the built-in server is compared with."""

    thread_name = "static-reference"

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_static("/media/", self.folder)
        return app


def _opus_bytes_2min() -> tuple[int, float]:
    """A real 2-minute bulletin (the bundled decree, synthesized and mastered) in Opus."""
    from bench.audio import _sentences
    from media.bulletin import Track, sequence
    from media.encode import CODECS, encode
    from media.master import MasterSettings, master
    from tts.registry import default_registry

    registry = default_registry()
    parts = tuple(registry.synthesize(s, "vi")[0] for s in _sentences(120.0))
    mastered, _ = master(sequence([Track("vi", parts)]), MasterSettings())
    return len(encode(mastered, CODECS["opus"])), mastered.duration_s


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    seconds = 3.0 if quick else 10.0
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        folder = data_dir / "media"  # the service's layout: nginx's root is the data folder
        folder.mkdir(parents=True)
        body = os.urandom(FILE_BYTES)
        name = hashlib.sha256(body).hexdigest() + ".mp3"
        (folder / name).write_bytes(body)
        with Nginx(data_dir, Path(tmp) / "nginx", workers=os.cpu_count() or 1) as nginx:
            nginx_rate, nginx_errors = downloads_per_s(nginx.base_url + name, FILE_BYTES, seconds)
        with MediaServer(folder) as server:
            rate, errors = downloads_per_s(server.base_url + name, FILE_BYTES, seconds)
        with _StaticReference(folder) as reference:  # aiohttp's own static handler, same run, same client
            reference_rate, _ = downloads_per_s(reference.base_url + name, FILE_BYTES, seconds)
        figures["downloads_per_s"] = round(rate)
        figures["download_errors"] = errors
        figures["nginx_downloads_per_s"] = round(nginx_rate)
        figures["nginx_download_errors"] = nginx_errors
        figures["downloads_vs_nginx"] = round(rate / nginx_rate, 2)
        figures["aiohttp_static_downloads_per_s"] = round(reference_rate)
        figures["ratio_to_aiohttp_static"] = round(rate / reference_rate, 2)
        figures["served_mb_per_s"] = round(rate * FILE_BYTES / 1e6, 1)
    opus, duration_s = _opus_bytes_2min()
    media_bytes = round(opus * 120.0 / duration_s)
    item = {"id": "x" * 40, "starts_at": "2026-01-01T10:00:00Z", "duration_ms": 120000, "priority": "normal"}
    item["media"] = {"url": "http://media.example/media/" + "a" * 64 + ".opus", "sha256": "a" * 64, "bytes": opus}
    programme = len(Signer.generate().encode(MessageType.SCHEDULE, "dev/loa-00001", {"items": [item]}, 3 * 86400))
    figures["opus_bytes_2min"] = media_bytes
    figures["programme_message_bytes"] = programme
    figures["bytes_per_device_opus_2min"] = media_bytes + programme
    return figures, {"downloads_per_s": 2000, "downloads_vs_nginx": 0.8, "bytes_per_device_opus_2min": 360 * 1024}
