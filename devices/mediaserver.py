"""Serve `/media/{sha256}.{ext}`: immutable, ETag, HTTP Range (resumable) — aiohttp uses sendfile."""

from __future__ import annotations

import logging
from pathlib import Path

from aiohttp import web
from aiohttp.helpers import ETag

from devices.background import BackgroundLoop, free_port
from media.store import NAME_RE
from schedules.podcast import cover_png

log = logging.getLogger(__name__)

MIME = {"mp3": "audio/mpeg", "opus": "audio/ogg", "ogg": "audio/ogg", "wav": "audio/wav"}


class _HashedFile(web.FileResponse):
    """A file whose ETag is its sha256 (the protocol says so), not aiohttp's mtime-size tag."""

    def __init__(self, path: Path, sha256: str, headers: dict[str, str]) -> None:
        super().__init__(path, headers=headers)
        self._sha256 = sha256

    @property
    def etag(self) -> ETag | None:
        return web.StreamResponse.etag.fget(self)  # type: ignore[attr-defined, no-any-return]

    @etag.setter
    def etag(self, value: object) -> None:
        web.StreamResponse.etag.fset(self, self._sha256)  # type: ignore[attr-defined]


def make_app(folder: Path) -> web.Application:
    async def media(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        match = NAME_RE.match(name)
        path = folder / name
        if not match or not path.is_file():
            raise web.HTTPNotFound(text="no such media\n")
        etag = f'"{match["sha"]}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        response = _HashedFile(
            path,
            match["sha"],
            headers={
                "Cache-Control": "public, max-age=31536000, immutable",
                "Content-Type": MIME.get(match["ext"], "application/octet-stream"),
            },
        )
        return response

    cover = cover_png()

    async def index(request: web.Request) -> web.Response:  # a podcast's channel link must resolve
        return web.Response(
            text="<!doctype html><title>Loa truyền thanh</title><p>Bản tin: /media/</p>", content_type="text/html"
        )

    async def cover_image(request: web.Request) -> web.Response:
        return web.Response(body=cover, content_type="image/png", headers={"Cache-Control": "public, max-age=86400"})

    app = web.Application()
    app.router.add_get("/media/{name}", media)
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
