"""Serve `/media/{sha256}.{ext}`: immutable, ETag, conditional and Range requests (RFC 9110) —
whole files go through aiohttp's sendfile path."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

from aiohttp import web
from aiohttp.abc import AbstractStreamWriter
from aiohttp.helpers import ETag
from multidict import CIMultiDict

from devices.background import BackgroundLoop, free_port
from media.store import NAME_RE
from schedules.podcast import cover_png

log = logging.getLogger(__name__)

MIME = {"mp3": "audio/mpeg", "opus": "audio/ogg", "ogg": "audio/ogg", "wav": "audio/wav"}


_CONDITIONAL = ("If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range", "Range")
_IMMUTABLE = "public, max-age=31536000, immutable"
MAX_RANGES = 16  # more ranges than this (after merging) get the whole file (RFC 9110 §14.2 allows it)


class _HashedFile(web.FileResponse):
    """A whole file whose ETag is its sha256 (the protocol says so), not aiohttp's mtime-size
    tag; prepared for a copy of the request without the conditions `media` already decided."""

    def __init__(self, path: Path, sha256: str, headers: dict[str, str]) -> None:
        super().__init__(path, headers=headers)
        self._sha256 = sha256

    async def prepare(self, request: web.BaseRequest) -> AbstractStreamWriter | None:
        plain = CIMultiDict((k, v) for k, v in request.headers.items() if k not in _CONDITIONAL)
        return await super().prepare(request.clone(headers=plain))

    @property
    def etag(self) -> ETag | None:
        return web.StreamResponse.etag.fget(self)  # type: ignore[attr-defined, no-any-return]

    @etag.setter
    def etag(self, value: object) -> None:
        web.StreamResponse.etag.fset(self, self._sha256)  # type: ignore[attr-defined]


def _tags(header: str) -> list[tuple[bool, str]]:
    """The entity tags of an If-Match / If-None-Match list as (weak, opaque tag); `*` as (False, "*")."""
    if header.strip() == "*":
        return [(False, "*")]
    return [(weak == "W/", tag) for weak, tag in re.findall(r'(W/)?("[^"]*")', header)]


def _date(header: str | None) -> float | None:
    if not header:
        return None
    try:
        return parsedate_to_datetime(header).timestamp()
    except (TypeError, ValueError, IndexError):
        return None


def ranges(header: str, size: int) -> list[tuple[int, int]] | None:
    """The satisfiable byte ranges of a Range header as [(start, end inclusive)], sorted and with
    overlapping or adjacent ones merged; [] when none is satisfiable; None for a header to
    ignore (another unit, bad syntax), which gets the whole file (RFC 9110 §14.2)."""
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or not spec.strip():
        return None
    wanted: list[tuple[int, int]] = []
    for part in spec.split(","):
        first, dash, last = part.strip().partition("-")
        if (
            not dash
            or not (first.isdigit() or last.isdigit())
            or (first and not first.isdigit())
            or (last and not last.isdigit())
        ):
            return None
        if not first:  # a suffix: the last N bytes
            if int(last) > 0 and size > 0:
                wanted.append((max(0, size - int(last)), size - 1))
            continue
        start, end = int(first), int(last) if last else size - 1
        if last and end < start:
            return None
        if start < size:
            wanted.append((start, min(end, size - 1)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(wanted):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def make_app(folder: Path) -> web.Application:
    async def media(request: web.Request) -> web.StreamResponse:
        """Conditional and range requests per RFC 9110 §13 and §14: If-Match (strong), then
        If-None-Match (weak comparison, lists, `*`) or If-Modified-Since → 304 with the ETag and
        Cache-Control; If-Range (strong tag or exact date) else the whole file; one range → 206,
        several → 206 multipart/byteranges, none satisfiable → 416."""
        name = request.match_info["name"]
        match = NAME_RE.match(name)
        path = folder / name
        if not match or not path.is_file():
            raise web.HTTPNotFound(text="no such media\n")
        etag = f'"{match["sha"]}"'
        stat = path.stat()
        modified = formatdate(int(stat.st_mtime), usegmt=True)
        headers = {"ETag": etag, "Cache-Control": _IMMUTABLE, "Last-Modified": modified, "Accept-Ranges": "bytes"}
        if (if_match := request.headers.get("If-Match")) is not None:
            if not any(tag in ("*", etag) and not weak for weak, tag in _tags(if_match)):
                return web.Response(status=412, headers=headers)
        if (if_none_match := request.headers.get("If-None-Match")) is not None:
            if any(tag in ("*", etag) for _, tag in _tags(if_none_match)):  # weak comparison
                return web.Response(status=304, headers=headers)
        elif (since := _date(request.headers.get("If-Modified-Since"))) is not None and int(stat.st_mtime) <= since:
            return web.Response(status=304, headers=headers)
        content_type = MIME.get(match["ext"], "application/octet-stream")
        wanted = ranges(request.headers["Range"], stat.st_size) if "Range" in request.headers else None
        if wanted is not None and (if_range := request.headers.get("If-Range")) is not None:
            strong_tag = if_range.strip() == etag
            if not strong_tag and (if_range.strip().startswith(('"', "W/")) or if_range.strip() != modified):
                wanted = None  # the client's copy is another one: send the whole file
        if wanted == []:
            return web.Response(status=416, headers={**headers, "Content-Range": f"bytes */{stat.st_size}"})
        if wanted is None or len(wanted) > MAX_RANGES:
            return _HashedFile(path, match["sha"], headers={**headers, "Content-Type": content_type})  # sendfile
        data = await asyncio.get_running_loop().run_in_executor(None, path.read_bytes)
        size = len(data)
        if len(wanted) == 1:
            start, end = wanted[0]
            return web.Response(
                status=206,
                body=data[start : end + 1],
                headers={**headers, "Content-Type": content_type, "Content-Range": f"bytes {start}-{end}/{size}"},
            )
        boundary = uuid.uuid4().hex
        parts = [
            f"--{boundary}\r\nContent-Type: {content_type}\r\nContent-Range: bytes {start}-{end}/{size}\r\n\r\n".encode()
            + data[start : end + 1]
            + b"\r\n"
            for start, end in wanted
        ]
        return web.Response(
            status=206,
            body=b"".join(parts) + f"--{boundary}--\r\n".encode(),
            headers={**headers, "Content-Type": f"multipart/byteranges; boundary={boundary}"},
        )

    cover = cover_png()

    async def index(request: web.Request) -> web.Response:  # a podcast's channel link must resolve
        return web.Response(
            text="<!doctype html><title>Loa truyền thanh</title><p>Bản tin: /media/</p>", content_type="text/html"
        )

    async def cover_image(request: web.Request) -> web.Response:
        return web.Response(body=cover, content_type="image/png", headers={"Cache-Control": "public, max-age=86400"})

    feeds = folder.parent / "podcast"  # data_dir/podcast: the communes' feeds (broadcaster.app.podcast)

    async def podcast(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        path = feeds / f"{name}.xml"
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", name) or not path.is_file():
            raise web.HTTPNotFound()
        return web.Response(
            body=path.read_bytes(),
            content_type="application/rss+xml",
            charset="utf-8",
            headers={"Cache-Control": "public, max-age=300"},
        )

    app = web.Application()
    app.router.add_get("/media/{name}", media)
    app.router.add_get("/podcast/{name}.xml", podcast)
    app.router.add_get("/", index)
    app.router.add_get("/cover.png", cover_image)
    return app


class MediaServer:
    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int | None = None) -> None:
        self.folder, self.host, self.port = folder, host, port or free_port(host)
        self._loop: BackgroundLoop | None = None
        self._runner: web.AppRunner | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/media/"

    def start(self) -> MediaServer:
        self._loop = BackgroundLoop("media-server")

        async def start() -> web.AppRunner:
            runner = web.AppRunner(make_app(self.folder), access_log=None)
            await runner.setup()
            await web.TCPSite(runner, self.host, self.port).start()
            return runner

        self._runner = self._loop.run(start)
        log.info("media server on %s", self.base_url)
        return self

    def stop(self) -> None:
        if self._loop and self._runner:
            runner = self._runner
            self._loop.run(runner.cleanup)
            self._loop.close()
        self._loop = self._runner = None

    def __enter__(self) -> MediaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
