"""Serve `/media/{sha256}.{ext}`: immutable, ETag, conditional and Range requests (RFC 9110) —
whole files go through aiohttp's sendfile path."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from email.utils import formatdate, parsedate_to_datetime
from functools import partial
from pathlib import Path
from typing import Self

from aiohttp import web
from aiohttp.abc import AbstractStreamWriter
from aiohttp.helpers import ETag
from multidict import CIMultiDict

from devices.background import BackgroundService, free_port
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
    return _merged(wanted)


def _merged(wanted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping or adjacent ranges as one: a client asking for the same bytes twice
    gets them once (RFC 9110 §14.2 lets a server coalesce)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(wanted):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def make_app(folder: Path) -> web.Application:
    """Media by hash from `folder`, the communes' podcast feeds from `folder/../podcast`
    (data_dir/podcast, written by broadcaster.app.podcast), and what a feed links to."""
    app = web.Application()
    app.router.add_get("/media/{name}", partial(_media, folder))
    app.router.add_get("/podcast/{name}.xml", partial(_podcast, folder.parent / "podcast"))
    app.router.add_get("/", _index)
    app.router.add_get("/cover.png", partial(_cover, cover_png()))
    return app


async def _media(folder: Path, request: web.Request) -> web.StreamResponse:
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
    if (refused := _preconditions(request, etag, int(stat.st_mtime))) is not None:
        return web.Response(status=refused, headers=headers)
    content_type = MIME.get(match["ext"], "application/octet-stream")
    wanted = _wanted(request, etag, modified, stat.st_size)
    if wanted == []:
        return web.Response(status=416, headers={**headers, "Content-Range": f"bytes */{stat.st_size}"})
    if wanted is None or len(wanted) > MAX_RANGES:
        return _HashedFile(path, match["sha"], headers={**headers, "Content-Type": content_type})  # sendfile
    data = await asyncio.get_running_loop().run_in_executor(None, path.read_bytes)
    return _partial(data, wanted, content_type, headers)


def _preconditions(request: web.Request, etag: str, mtime: int) -> int | None:
    """412 when If-Match fails, 304 when the client's copy is current, None to go on."""
    if (if_match := request.headers.get("If-Match")) is not None:
        if not any(tag in ("*", etag) and not weak for weak, tag in _tags(if_match)):
            return 412
    if (if_none_match := request.headers.get("If-None-Match")) is not None:
        if any(tag in ("*", etag) for _, tag in _tags(if_none_match)):  # weak comparison
            return 304
    elif (since := _date(request.headers.get("If-Modified-Since"))) is not None and mtime <= since:
        return 304
    return None


def _wanted(request: web.Request, etag: str, modified: str, size: int) -> list[tuple[int, int]] | None:
    """The ranges to send (see `ranges`), or None for the whole file: no Range, or an If-Range
    naming another copy than this one."""
    wanted = ranges(request.headers["Range"], size) if "Range" in request.headers else None
    if wanted is not None and (if_range := request.headers.get("If-Range")) is not None:
        strong_tag = if_range.strip() == etag
        if not strong_tag and (if_range.strip().startswith(('"', "W/")) or if_range.strip() != modified):
            return None  # the client's copy is another one: send the whole file
    return wanted


def _partial(data: bytes, wanted: list[tuple[int, int]], content_type: str, headers: dict[str, str]) -> web.Response:
    """206 with one range as the body, or several as multipart/byteranges."""
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


async def _index(request: web.Request) -> web.Response:  # a podcast's channel link must resolve
    return web.Response(text="<!doctype html><title>Loa truyền thanh</title><p>Bản tin: /media/</p>", content_type="text/html")


async def _cover(cover: bytes, request: web.Request) -> web.Response:
    return web.Response(body=cover, content_type="image/png", headers={"Cache-Control": "public, max-age=86400"})


async def _podcast(feeds: Path, request: web.Request) -> web.StreamResponse:
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


class MediaServer(BackgroundService[web.AppRunner]):
    """`make_app` on host:port, in a loop thread of its own."""

    thread_name = "media-server"

    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int | None = None) -> None:
        super().__init__()
        self.folder, self.host, self.port = folder, host, port or free_port(host)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/media/"

    def app(self) -> web.Application:
        return make_app(self.folder)

    def start(self) -> Self:
        super().start()
        log.info("media server on %s", self.base_url)
        return self

    async def _serve(self) -> web.AppRunner:
        runner = web.AppRunner(self.app(), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, self.host, self.port).start()
        return runner

    async def _shutdown(self, running: web.AppRunner) -> None:
        await running.cleanup()
