"""What every console page module is handed by `create_app`: the store, the settings and the request helpers.

A page module is an `APIRouter` of small route handlers, each finding the kit with `kit_of(request)`.
None imports `web.app`, so the app is composed from them and not tied to them in a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from broadcaster.app.workflow import Action, Actor, require
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.web.session import Session


class NotSignedIn(Exception):
    pass


class CsrfError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Kit:
    """What a console page module needs from the app: the store and the request helpers."""

    store: Store
    settings: Settings
    context: Callable[[Request], Any]
    page: Callable[..., HTMLResponse]
    back: Callable[..., RedirectResponse]
    form: Callable[..., Any]
    api_csrf: Callable[..., None]
    fire_emergency: Callable[..., dict[str, Any]]  # queues the task; device commands: broadcaster.app.tasks.enqueue


@dataclass(frozen=True, slots=True)
class Context:
    actor: Actor
    session: Session
    display_name: str


def kit_of(request: Request) -> Kit:
    """The kit `create_app` keeps in the app's state: how a route handler reaches the store and the helpers."""
    kit: Kit = request.app.state.kit
    return kit


def viewing(request: Request, action: Action | None = None) -> tuple[Kit, Context]:
    """The kit and who is asking for a page; with `action`, only if their role may do it."""
    kit = kit_of(request)
    ctx = kit.context(request)
    if action is not None:
        require(ctx.actor, action)
    return kit, ctx


async def posted(request: Request, action: Action | None = None) -> tuple[Kit, Context, Any]:
    """The kit, who is asking and the form they sent (its CSRF token checked); with `action`, only if their role may do it."""
    kit, ctx = viewing(request)
    form = await kit.form(request, ctx)
    if action is not None:
        require(ctx.actor, action)
    return kit, ctx, form


def api_caller(request: Request) -> tuple[Kit, Context]:
    """The kit and who calls a writing API route, their CSRF header checked."""
    kit, ctx = viewing(request)
    kit.api_csrf(request, ctx)
    return kit, ctx


def folded(form: Any, name: str) -> str:
    """A typed field on one line: runs of white space (a pasted line break too) become one space, the ends trimmed."""
    return " ".join(str(form.get(name, "")).split())


def ticked(form: Any, name: str) -> list[str]:
    """The values of a field ticked or chosen several times (zones, weekdays)."""
    return [str(value) for value in form.getlist(name)]
