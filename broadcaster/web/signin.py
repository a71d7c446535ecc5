"""Signing in and out of the console (the JSON API has its own, `web.api`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from broadcaster.app.workflow import PermissionDenied
from broadcaster.web.identity import identity_of
from broadcaster.web.kit import kit_of, posted
from broadcaster.web.session import COOKIE, revoke

router = APIRouter(include_in_schema=False)


@router.get("/dang-nhap", response_class=HTMLResponse)
async def sign_in_page(request: Request) -> Response:
    query = request.query_params
    return kit_of(request).page(
        request,
        "signin.html",
        None,
        next=query.get("next", "/"),
        expired=bool(query.get("het-phien")),
        no_admin=await run_in_threadpool(identity_of(request).no_admin_yet),
    )


@router.post("/dang-nhap")
async def sign_in(request: Request) -> Response:
    page, identity = kit_of(request).page, identity_of(request)
    form = await request.form()
    username, password = str(form.get("username", "")), str(form.get("password", ""))
    try:
        cookie = await run_in_threadpool(identity.authenticate, request, username, password)  # argon2: off the loop
    except PermissionDenied:
        return page(request, "signin.html", None, status=429, error="Đăng nhập sai quá nhiều lần. Hãy thử lại sau 5 phút.")
    if cookie is None:
        return page(
            request, "signin.html", None, status=401, error="Sai tên đăng nhập hoặc mật khẩu.", next=form.get("next", "/")
        )
    target = str(form.get("next") or "/")
    response = RedirectResponse(target if target.startswith("/") and not target.startswith("//") else "/", status_code=303)
    identity.set_cookie(response, request, cookie)
    return response


@router.post("/dang-xuat")
async def sign_out(request: Request) -> Response:
    kit, ctx, _ = await posted(request)
    with kit.store.session() as db:
        revoke(db, ctx.session)  # the cookie is worthless from now on, even if someone kept a copy
    response = RedirectResponse("/dang-nhap", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
