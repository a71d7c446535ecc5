"""Limits on untrusted input: document files and the links that feeds point to.

Every document enters the system through these checks; each refusal names the limit and
what to do, so an editor can act on it, and a batch goes on with the next item.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import urlparse

from scripts.errors import UnsafeLink

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one document; defaults fit the largest real gazette issue with room to spare."""

    max_file_bytes: int = 25 * MB  # an upload or a download
    max_text_bytes: int = 8 * MB  # a .txt/.html file (a 60-page decree is ~0.3 MB)
    max_unzipped_bytes: int = 100 * MB  # all members of a .docx together, as declared and as read
    max_pdf_pages: int = 600
    max_chars: int = 3_000_000  # extracted text
    cpu_s: int = 30  # extraction subprocess CPU seconds
    memory_bytes: int = 1536 * MB  # extraction subprocess address space
    timeout_s: float = 60.0  # extraction subprocess wall clock


@dataclass(frozen=True, slots=True)
class LinkPolicy:
    """Which links a feed may point to: http(s) only, optional host allow-list, no private
    or loopback addresses unless allowed (a feed must not make us read our own network)."""

    allowed_hosts: frozenset[str] = field(default_factory=frozenset)
    allow_private: bool = False
    max_bytes: int = 25 * MB
    timeout_s: float = 20.0


def _host_allowed(host: str, allowed: frozenset[str]) -> bool:
    return not allowed or any(host == a or host.endswith("." + a) for a in allowed)


def check_link(url: str, policy: LinkPolicy) -> str:
    """The link's host if it may be fetched.

    :raises UnsafeLink: for another scheme, a host not on the allow-list, or an address on
        loopback, a private, link-local or reserved network (unless the policy allows private).
    """
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https"):
        raise UnsafeLink(f"link {url[:120]!r} refused: only http(s) links to documents are followed")
    host = (parsed.hostname or "").lower()
    if not host:
        raise UnsafeLink(f"link {url[:120]!r} refused: it names no host")
    if not _host_allowed(host, policy.allowed_hosts):
        raise UnsafeLink(f"link to {host} refused: not among the allowed feed hosts ({', '.join(sorted(policy.allowed_hosts))})")
    if policy.allow_private:
        return host
    try:
        infos = socket.getaddrinfo(host, parsed.port or (443 if parsed.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeLink(f"link to {host} refused: the name does not resolve ({exc})") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global or address.is_multicast:
            raise UnsafeLink(
                f"link to {host} refused: it resolves to {address}, a loopback, private or reserved address; "
                "set BROADCASTER_FEED_ALLOW_PRIVATE=1 for an intranet feed"
            )
    return host
