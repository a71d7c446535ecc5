"""nginx (Debian's `nginx-light`) as a child process serving a media folder with the shipped site config.

The site file `deploy/nginx/loa-media.conf` is used as shipped; only its `listen` port and its
`root` are replaced, and a main config of our own (pid, logs and temp paths in a private folder,
no daemon) includes it. The media bench runs it beside the built-in server; a test downloads
through it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType

from devices.background import end_process, free_port, listening

SITE = Path(__file__).resolve().parent.parent / "deploy" / "nginx" / "loa-media.conf"


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def site_config(port: int, data_dir: Path) -> str:
    """The shipped site with its port and data folder set; everything else as shipped."""
    text = SITE.read_text(encoding="utf-8")
    text, ports = re.subn(r"(?m)^(\s*)listen \d+;", rf"\g<1>listen 127.0.0.1:{port};", text)
    text, roots = re.subn(r"(?m)^(\s*)root \S+;", rf"\g<1>root {data_dir};", text)
    if ports != 1 or roots != 1:
        raise ValueError(f"{SITE} must hold one `listen` and one `root` line")
    return text


class Nginx:
    """`nginx -g 'daemon off;'` serving `data_dir/media/` on 127.0.0.1:`port` until closed."""

    def __init__(self, data_dir: Path, folder: Path, workers: int = 1) -> None:
        binary = nginx_binary()
        if binary is None:
            raise FileNotFoundError("nginx is not installed (apt-get install nginx-light)")
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/media/"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "site.conf").write_text(site_config(self.port, data_dir.resolve()), encoding="utf-8")
        temp = "\n".join(
            f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        user = "user root;\n" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(
            f"{user}worker_processes {workers};\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\n"
            f"events {{ worker_connections 4096; }}\n"
            f"http {{\n    access_log off;\n{temp}\n    include {folder / 'site.conf'};\n}}\n",
            encoding="utf-8",
        )
        self.folder = folder
        self.process = subprocess.Popen(
            [binary, "-c", str(folder / "nginx.conf"), "-p", str(folder), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.process.stderr.read().decode() if self.process.stderr else ''}")
            if listening(self.port):
                return
            time.sleep(0.05)
        self.close()
        raise TimeoutError("nginx did not listen within 10 s")

    def close(self) -> None:
        end_process(self.process)
        if self.process.stderr:
            self.process.stderr.close()

    def __enter__(self) -> Nginx:
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()
