"""The shipped nginx site (deploy/nginx/loa-media.conf) serves the service's media as the built-in
server does: by hash URL, with the hash as ETag, ranges, a year's cache, nothing else."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import httpx
import pytest

import bench.nginx
from bench.nginx import Nginx, site_config
from devices.download import download
from devices.programme import MediaRef
from media.store import MediaStore


def test_shipped_nginx_config_serves_media_by_hash(tmp_path: Path) -> None:
    data = tmp_path / "data"
    body = os.urandom(200_000)
    stored = MediaStore(data / "media").put(body, "mp3", 12_000, "mp3")
    (data / "keys").mkdir()
    (data / "keys" / "server.pem").write_text("secret")  # beside the media in the data folder: never served
    with Nginx(data, tmp_path / "nginx") as nginx, httpx.Client(base_url=nginx.base_url) as client:
        whole = client.get(stored.name)
        assert whole.status_code == 200 and whole.content == body
        assert whole.headers["etag"] == f'"{stored.sha256}"' and whole.headers["content-type"] == "audio/mpeg"
        assert "immutable" in whole.headers["cache-control"]
        assert client.get(stored.name, headers={"If-None-Match": f'"{stored.sha256}"'}).status_code == 304
        part = client.get(stored.name, headers={"Range": "bytes=100-199"})
        assert part.status_code == 206 and part.content == body[100:200]
        # only hash names under /media/: not the keys, not a traversal, not an unknown hash
        for path in ("../keys/server.pem", "%2e%2e/keys/server.pem", "a" * 64 + ".mp3", stored.sha256 + ".pem", "/"):
            assert client.get(path).status_code == 404, path
        # the speaker's own downloader, which checks the hash while it streams
        ref = MediaRef(nginx.base_url + stored.name, stored.sha256, len(body), 12_000, "mp3")
        fetched = download(ref, tmp_path / "speaker", media_base=nginx.base_url)
        assert hashlib.sha256(fetched.read_bytes()).hexdigest() == stored.sha256


def test_site_config_sets_port_and_root_or_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = site_config(8099, tmp_path)
    assert "listen 127.0.0.1:8099;" in text and f"root {tmp_path};" in text
    assert text.replace("listen 127.0.0.1:8099;", "listen 8081;").replace(f"root {tmp_path};", "root /var/lib/loa;") == (
        bench.nginx.SITE.read_text(encoding="utf-8")
    )
    rootless = tmp_path / "rootless.conf"
    rootless.write_text(bench.nginx.SITE.read_text(encoding="utf-8").replace("root /var/lib/loa;", ""))
    monkeypatch.setattr(bench.nginx, "SITE", rootless)
    with pytest.raises(ValueError, match="one `listen` and one `root`"):
        site_config(8099, tmp_path)
