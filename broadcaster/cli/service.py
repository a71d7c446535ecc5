"""`broadcaster serve`, `run`, `up`: the console, the service, or both in one process."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from broadcaster.config import Settings
    from broadcaster.store.engine import Store


def _first_admin_hint(store: Store) -> None:
    from sqlalchemy import select

    from broadcaster.store.models import User

    with store.session() as session:
        admins = session.scalars(select(User).where(User.role == "admin")).first()
    if admins is None:
        print("Chưa có tài khoản quản trị. Tạo tài khoản đầu tiên bằng:\n  broadcaster user add admin --role admin", flush=True)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """The console and API alone (the service runs elsewhere: `broadcaster run`)."""
    import uvicorn

    from broadcaster.store.engine import open_store
    from broadcaster.web.app import create_app

    args.port = args.port or settings.http_port
    store = open_store(settings.database_url)
    _first_admin_hint(store)
    app = create_app(settings, store)
    print(f"Bảng điều khiển: http://{args.host}:{args.port}/  (API: /api/openapi.json)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", proxy_headers=False)  # XFF: trusted_proxies
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.service.core import Service
    from broadcaster.store.engine import open_store
    from devices.broker import mask_url

    store = open_store(settings.database_url)
    with Service(settings, store, args.mqtt) as service:
        print(
            f"dịch vụ đang chạy: broker {mask_url(service.mqtt_url or '')}, media {service.media_base_url} (Ctrl+C để dừng)",
            flush=True,
        )
        service.run_forever()
    print("đã dừng")
    return 0


def cmd_up(args: argparse.Namespace, settings: Settings) -> int:
    """Console + service in one process: what a commune installs. The service owns the broker
    session, the media port and the clock; the console talks to it only through the store."""
    import threading

    args.port = args.port or settings.http_port  # BROADCASTER_HTTP_PORT when --port is not given

    import uvicorn

    from broadcaster.service.core import Service
    from broadcaster.store.engine import open_store
    from broadcaster.web.app import create_app
    from devices.broker import mask_url

    store = open_store(settings.database_url)
    _first_admin_hint(store)
    with Service(settings, store, args.mqtt) as service:
        clock = threading.Thread(target=service.run_forever, kwargs={"handle_signals": False}, name="service", daemon=True)
        clock.start()
        print(
            f"Bảng điều khiển: http://{args.host}:{args.port}/ — dịch vụ phát: broker {mask_url(service.mqtt_url or '')}, "
            f"media {service.media_base_url} (Ctrl+C để dừng)",
            flush=True,  # seen at once under systemd or `| tee`, where stdout is not a terminal
        )
        try:
            uvicorn.run(create_app(settings, store), host=args.host, port=args.port, log_level="warning", proxy_headers=False)
        finally:
            if service.runner is not None:
                service.runner.stop()
            clock.join(timeout=10)
    print("đã dừng")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = sub.add_parser("serve", help="the web console and JSON API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=None, help="default: the http_port setting (BROADCASTER_HTTP_PORT), 8000")
    serve.set_defaults(func=cmd_serve)

    run = sub.add_parser("run", help="the long-running service (broker session, media server, clock)")
    run.add_argument("--mqtt")
    run.set_defaults(func=cmd_run)

    up = sub.add_parser("up", help="console + service in one process (a commune's install)")
    up.add_argument("--host", default="127.0.0.1")
    up.add_argument("--port", type=int, default=None, help="default: the http_port setting (BROADCASTER_HTTP_PORT), 8000")
    up.add_argument("--mqtt")
    up.set_defaults(func=cmd_up)
