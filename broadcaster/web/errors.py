"""Friendly error pages in Vietnamese: HTML for the console, JSON with a code for /api/.

Every failure goes through `messages.explain`, so no English sentence from a stage reaches a page;
the English stays in the log. An expired session on a form post sends the user back to the page
they were on (not to the POST address, which would answer 405); the form's content is kept in
the browser's sessionStorage by static/keep.js and restored after sign-in.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from broadcaster.app.messages import Explained, explain
from broadcaster.app.workflow import PermissionDenied, WorkflowError
from broadcaster.web.identity import identity_of
from broadcaster.web.kit import CsrfError, NotSignedIn, kit_of
from broadcaster.web.session import COOKIE
from media.errors import MediaError
from schedules.model import ScheduleError
from tts.base import TTSError

log = logging.getLogger(__name__)
TITLES = {
    400: "Thông tin chưa hợp lệ",
    401: "Cần đăng nhập",
    403: "Không có quyền",
    404: "Không tìm thấy",
    405: "Thao tác không hợp lệ",
    409: "Không thực hiện được",
    413: "Quá lớn",
    422: "Thông tin chưa hợp lệ",
    429: "Quá nhiều lần thử",
    500: "Lỗi hệ thống",
}


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def return_to(request: Request) -> str:
    """Where to come back after signing in: the page itself, or for a form post the page it was on."""
    if request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    else:
        referer = urlsplit(request.headers.get("referer", ""))
        same = referer.netloc in ("", request.url.netloc)
        target = (referer.path + (f"?{referer.query}" if referer.query else "")) if same and referer.path else "/"
    return target if target.startswith("/") and not target.startswith("//") else "/"


def failure(request: Request, status: int, said: Explained) -> Response:
    """JSON with the code for /api/, else the error page (with the menu of whoever is signed in)."""
    if is_api(request):
        return JSONResponse(said.as_json(), status_code=status)
    return kit_of(request).page(
        request,
        "error.html",
        identity_of(request).current(request),
        status=status,
        message=said.text,
        status_code=status,
        title=TITLES.get(status),
    )


async def signed_out(request: Request, exc: Exception) -> Response:
    if is_api(request):
        return JSONResponse(Explained("signin.required").as_json(), status_code=401)
    # "your session expired" only to someone who had one (a cookie, kept past the session, or a
    # form being sent, which keep.js restores after sign-in); a first visit gets the plain sign-in
    had_session = bool(request.cookies.get(COOKIE)) or request.method not in ("GET", "HEAD")
    expired = "&het-phien=1" if had_session else ""
    return RedirectResponse(f"/dang-nhap?next={quote(return_to(request))}{expired}", status_code=303)


async def forged(request: Request, exc: Exception) -> Response:
    return failure(request, 403, Explained("perm.csrf"))


async def denied(request: Request, exc: PermissionDenied) -> Response:
    return failure(request, 403, explain(exc))


async def out_of_range(request: Request, exc: Exception) -> Response:
    """An id beyond what the database holds (found by schemathesis): nothing has that id."""
    log.info("out-of-range value on %s %s: %s", request.method, request.url.path, exc)
    return failure(request, 404, Explained("not_found"))


async def missing(request: Request, exc: LookupError) -> Response:
    return failure(request, 404, explain(exc, fallback="not_found"))


async def refused(request: Request, exc: Exception) -> Response:
    log.info("refused %s %s: %s", request.method, request.url.path, exc)
    return failure(request, 409 if isinstance(exc, WorkflowError) else 400, explain(exc))


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    code = f"http.{exc.status_code}"
    return failure(request, exc.status_code, Explained(code if code in _known() else "http.400"))


async def invalid(request: Request, exc: RequestValidationError) -> Response:
    log.info("invalid request %s: %s", request.url.path, exc.errors())
    said = Explained("http.422")
    if is_api(request):
        fields = [".".join(str(p) for p in e.get("loc", ())[1:]) for e in exc.errors()]
        return JSONResponse({**said.as_json(), "params": {"fields": fields}}, status_code=422)
    return failure(request, 422, said)


async def crashed(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return failure(request, 500, Explained("http.500"))


HANDLERS: list[tuple[type[Exception], Callable[..., Awaitable[Response]]]] = [
    (NotSignedIn, signed_out),
    (CsrfError, forged),
    (PermissionDenied, denied),
    (DataError, out_of_range),
    (OverflowError, out_of_range),
    (LookupError, missing),
    *((kind, refused) for kind in (WorkflowError, ScheduleError, TTSError, MediaError, ValueError)),
    (StarletteHTTPException, http_error),
    (RequestValidationError, invalid),
    (Exception, crashed),
]


def install(app: FastAPI) -> None:
    """Every handler, in Vietnamese (`messages.explain`); the page and the signed-in context come from the app's state."""
    for kind, handler in HANDLERS:
        app.add_exception_handler(kind, handler)


def _known() -> set[str]:
    from broadcaster.app.messages import CATALOGUE

    return set(CATALOGUE)
