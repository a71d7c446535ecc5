"""Serve `/media/{sha256}.{ext}`: immutable, ETag, HTTP Range (resumable) — aiohttp uses sendfile."""

from __future__ import annotations

import logging
from pathlib import Path

from aiohttp import web

from devices.background import BackgroundLoop, free_port
from media.store import NAME_RE

log = logging.getLogger(__name__)

MIME = {"mp3": "audio/mpeg", "opus": "audio/ogg", "ogg": "audio/ogg", "wav": "audio/wav"}


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
        response = web.FileResponse(
            path,
            headers={
                "Cache-Control": "public, max-age=31536000, immutable",
                "Content-Type": MIME.get(match["ext"], "application/octet-stream"),
            },
        )
        return response

    app = web.Application()
    app.router.add_get("/media/{name}", media)
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
