"""The console (Vietnamese, server-rendered) and the JSON API under /api/, composed of one router per
page module and the API's.

Permissions are checked by the workflow functions the routes call, never only in the page.
Every form carries a CSRF token; API calls authenticated by the session cookie send it in
the X-CSRF-Token header. Unauthenticated API calls get 401; pages redirect to sign-in.
Route handlers find what they need in the app's state: `kit_of(request)`, `identity_of(request)`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from broadcaster.app.messages import Explained
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.web import (
    admin,
    api,
    audit_pages,
    bulletin_pages,
    emergency,
    errors,
    live,
    notices,
    operations,
    programmes,
    remote,
    review,
    signin,
    stats,
    today,
)
from broadcaster.web import assist as assist_pages
from broadcaster.web import bookings as booking_pages
from broadcaster.web.guard import Guard
from broadcaster.web.identity import Identity
from broadcaster.web.kit import Kit
from broadcaster.web.pages import HERE, Pages, back, templates_for
from broadcaster.web.session import COOKIE, SessionCodec, load_secret

PUBLIC_API = {"/api/session"}
# every page module and the API, each an APIRouter, in the order their routes are matched
PAGES = (
    signin,
    bulletin_pages,
    operations,
    api,
    audit_pages,
    emergency,
    live,
    notices,
    today,
    review,
    stats,
    admin,
    remote,
    programmes,
    booking_pages,
    assist_pages,
)


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The console and API: they change the store and queue tasks; they never open a broker session."""
    store = store or open_store(settings.database_url)
    identity = Identity(store, settings, SessionCodec(load_secret(settings.data_dir / "keys" / "session.key")))
    templates = templates_for(settings, store)
    page = Pages(templates).page
    kit = Kit(
        store,
        settings,
        identity.context,
        page,
        back,
        identity.form_with_csrf,
        identity.api_csrf,
        partial(bulletin_pages.fire_emergency, store),
    )
    # No Swagger UI / ReDoc: FastAPI loads them from a CDN. The schema stays, behind sign-in.
    app = FastAPI(title="Loa pháp luật — API", version="1", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.store, app.state.settings, app.state.kit, app.state.identity = store, settings, kit, identity
    app.middleware("http")(partial(_api_requires_session, identity.codec))
    errors.install(app)
    notices.install(templates, store)
    programmes.install(templates, store)
    assist_pages.install(templates, store, settings)
    booking_pages.install(templates)
    live.install(app, store, settings)
    for module in PAGES:
        app.include_router(module.router)
    # outermost (added last): limits, Origin check and security headers before anything else runs
    app.add_middleware(Guard, max_request_bytes=settings.max_request_bytes, max_upload_bytes=settings.max_upload_bytes)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app


async def _api_requires_session(codec: SessionCodec, request: Request, call_next: Callable[[Request], Any]) -> Response:
    """401 before anything else (body validation included) for an API call without a session."""
    path = request.url.path
    if path.startswith("/api/") and path not in PUBLIC_API and codec.read(request.cookies.get(COOKIE)) is None:
        return JSONResponse(Explained("signin.required").as_json(), status_code=401)
    response: Response = await call_next(request)
    return response
