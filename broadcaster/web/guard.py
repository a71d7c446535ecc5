"""HTTP hardening for the console and the API, outermost: body limits, Origin checks, headers, client address.

Pure ASGI so that a request is refused before anything buffers its body: a declared
Content-Length over the limit gets 413 at once, and a body streamed without one is counted
chunk by chunk and cut at the limit. State-changing requests (login included) must come from
this site: a foreign Origin (or, without Origin, a foreign Referer) gets 403. Every response
carries the security headers (CSP without inline script, no framing, nosniff, referrer policy).
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class BodyTooLarge(HTTPException):
    """The request body passed its limit while it was being read (413 wherever it is caught)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body passed {limit} bytes")


def _too_large(exc: BaseException) -> bool:
    if isinstance(exc, BaseExceptionGroup):
        return any(_too_large(inner) for inner in exc.exceptions)
    return isinstance(exc, BodyTooLarge)


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers") or []:
        if key == name:
            return bytes(value).decode("latin-1")
    return ""


def _same_site(url: str, host: str) -> bool:
    """An Origin/Referer names this site when its host[:port] is the request's Host."""
    if not url or url == "null":
        return False
    return urlsplit(url).netloc.lower() == host.lower()


class Guard:
    """The outermost middleware: limits, Origin check, security headers."""

    def __init__(self, app: ASGIApp, max_request_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_request_bytes = max_request_bytes
        self.max_upload_bytes = max_upload_bytes

    def limit_for(self, scope: Scope) -> int:
        multipart = _header(scope, b"content-type").lower().startswith("multipart/form-data")
        return self.max_upload_bytes if multipart else self.max_request_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = overflowed = replaced = False
        limit = self.limit_for(scope)

        async def send_with_headers(message: Message) -> None:
            nonlocal started, replaced
            if overflowed:  # whatever the app made of a cut body (400, 500…), the answer is 413
                if not replaced:
                    replaced = True
                    await self.refuse(scope, send, 413, "http.413", f"the request body passed {limit} bytes")
                return
            if message["type"] == "http.response.start":
                started = True
                names = {bytes(k).lower() for k, _ in message.get("headers") or []}
                message["headers"] = [*(message.get("headers") or []), *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        declared = _header(scope, b"content-length")
        if declared and (not declared.isdigit() or int(declared) > limit):
            await self.refuse(scope, send, 413, "http.413", f"the request body is larger than {limit} bytes")
            return
        if scope["method"] in UNSAFE_METHODS and not self.same_origin(scope):
            await self.refuse(scope, send, 403, "http.403", "cross-site request refused (Origin/Referer)")
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen, overflowed
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    overflowed = True
                    raise BodyTooLarge(limit)
            return message

        try:
            await self.app(scope, counted, send_with_headers)
        except (BodyTooLarge, BaseExceptionGroup) as exc:  # a task group (BaseHTTPMiddleware) wraps it
            if started or replaced or not _too_large(exc):
                raise
            await self.refuse(scope, send, 413, "http.413", f"the request body passed {limit} bytes")

    @staticmethod
    def same_origin(scope: Scope) -> bool:
        """Browsers send Origin on every cross-site POST; without Origin, a Referer must be ours if present."""
        host = _header(scope, b"host")
        origin = _header(scope, b"origin")
        if origin:
            return _same_site(origin, host)
        referer = _header(scope, b"referer")
        return not referer or _same_site(referer, host)

    @staticmethod
    async def refuse(scope: Scope, send: Send, status: int, code: str, detail: str) -> None:
        from broadcaster.app.messages import render

        text = render(code)
        if scope["path"].startswith("/api/"):
            body, kind = json.dumps({"code": code, "error": text, "detail": detail}).encode(), b"application/json"
        else:
            body, kind = f"<!doctype html><meta charset='utf-8'><p>{text}</p>".encode(), b"text/html; charset=utf-8"
        headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]
        headers += list(SECURITY_HEADERS)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def client_address(request: Request, trusted_proxies: Sequence[str]) -> str:
    """The peer address, or the client a trusted proxy names in X-Forwarded-For (rightmost untrusted hop).

    With no trusted proxies (the default) X-Forwarded-For is ignored: anyone can write it.
    """
    peer = request.client.host if request.client else ""
    if not trusted_proxies or not _trusted(peer, trusted_proxies):
        return peer
    hops = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, trusted_proxies):
            return hop if _is_ip(hop) else peer
    return peer


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _trusted(address: str, trusted: Sequence[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for entry in trusted:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False
