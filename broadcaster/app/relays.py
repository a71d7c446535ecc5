"""Relaying a live stream (provincial or national radio) for a window: the URL and window checks.

Split from broadcaster.app.programmes (same workflow: created as a draft through `programmes._create`).
"""

from __future__ import annotations

import math
from urllib.parse import urlparse

from broadcaster.app.programmes import ProgrammeError, _create, _title
from broadcaster.app.workflow import Action, Actor, require
from broadcaster.config import Settings
from broadcaster.store.engine import Store

MAX_RELAY_MINUTES = 240
MAX_URL_CHARS = 2000
LOCAL_NAMES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".localdomain")


def _not_public(host: str, timeout_s: float = 3.0) -> str:
    """The loopback, private, link-local or reserved address `host` is or resolves to, or "".

    A name that does not resolve here is left to the devices (they may use another resolver).
    """
    import concurrent.futures
    import ipaddress
    import socket

    name = host.lower().rstrip(".")
    if name == "localhost" or name.endswith(LOCAL_NAMES):
        return name
    try:
        addresses = [ipaddress.ip_address(name.split("%")[0])]
    except ValueError:
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        try:
            infos = pool.submit(socket.getaddrinfo, name, None).result(timeout=timeout_s)
        except (OSError, UnicodeError, concurrent.futures.TimeoutError):
            return ""
        finally:
            pool.shutdown(wait=False)
        addresses = [ipaddress.ip_address(str(i[4][0]).split("%")[0]) for i in infos]
    for address in addresses:
        if not address.is_global or address.is_multicast:
            return str(address)
    return ""


def check_stream_url(url: str, allow_private: bool = False) -> str:
    """Only http(s) streams with a host on the public network: a device must never be told to
    open a local file, another scheme, or an address of its own network (loopback, private,
    link-local: the router's admin page, a cloud metadata service) — unless `allow_private`
    (the `relay_allow_private` setting, for tests and intranet radio)."""
    url = url.strip()
    parsed = urlparse(url)
    try:
        host = parsed.hostname
    except ValueError:
        host = None
    if parsed.scheme not in ("http", "https") or not host or any(c.isspace() for c in url):
        raise ProgrammeError("Địa chỉ luồng phát không hợp lệ: chỉ nhận địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.")
    if len(url) > MAX_URL_CHARS:
        raise ProgrammeError(f"Địa chỉ luồng phát quá dài (tối đa {MAX_URL_CHARS} ký tự).")
    if not allow_private:
        local = _not_public(host)
        if local:
            raise ProgrammeError(
                f"Địa chỉ luồng phát {host} trỏ tới mạng nội bộ ({local}: loopback, mạng riêng hoặc link-local): "
                "loa chỉ được tiếp sóng đài trên Internet công cộng."
            )
    return url


def check_minutes(minutes: float) -> int:
    """The booked window in milliseconds."""
    if not isinstance(minutes, int | float) or math.isnan(minutes) or minutes <= 0:
        raise ProgrammeError(f"Thời lượng tiếp sóng phải là số phút lớn hơn 0, không phải {minutes}.")
    if minutes > MAX_RELAY_MINUTES:
        raise ProgrammeError(f"Thời lượng tiếp sóng tối đa {MAX_RELAY_MINUTES} phút; hãy đặt nhiều khung giờ.")
    return int(round(minutes * 60_000))


def relay(
    store: Store,
    settings: Settings,
    actor: Actor,
    title: str,
    url: str,
    minutes: float,
    kind: str = "relay",
    *,
    ours: bool = False,
) -> int:
    """Relay a live stream (provincial or national radio) for a window: no audio, devices play the URL.

    The URL and the window are in the script text, so the approval (bound to the script's hash)
    binds them, and on the bulletin row, from which the programme entry is built. `ours`: a stream
    this console serves itself (the live microphone, broadcaster.app.live), on whatever network the
    speakers reach it by, so the private-address rule does not apply.
    :raises ProgrammeError: a non-http(s) URL or a non-positive or too long window (nothing stored).
    """
    require(actor, Action.EDIT)
    url = check_stream_url(url, settings.relay_allow_private or ours)
    duration_ms = check_minutes(minutes)
    title = _title(title, f"Tiếp sóng {urlparse(url).hostname}")
    label = f"[Tiếp sóng {title}: {url}, {duration_ms / 60_000:g} phút]"
    return _create(store, actor, kind, title, [{"text": label, "source": None}], stream_url=url, stream_duration_ms=duration_ms)
