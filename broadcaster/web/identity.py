"""Who is asking: the session cookie read into a `Context`, the CSRF checks, signing in and its limit.

One `Identity` per app, shared by the console's pages and the JSON API (`request.app.state.identity`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy import func, select

from broadcaster.app.workflow import Actor, PermissionDenied, Role, audit
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.store.models import User
from broadcaster.store.passwords import DUMMY_HASH, verify_password
from broadcaster.web.guard import client_address
from broadcaster.web.kit import Context, CsrfError, NotSignedIn
from broadcaster.web.session import COOKIE, COOKIE_KEEP_S, SessionCodec, SignInLimiter, is_revoked


@dataclass
class Identity:
    store: Store
    settings: Settings
    codec: SessionCodec
    limiter: SignInLimiter = field(default_factory=SignInLimiter)

    def address_of(self, request: Request) -> str:
        return client_address(request, self.settings.trusted_proxies)

    def context(self, request: Request) -> Context:
        """:raises NotSignedIn: without a valid session of an active user."""
        session = self.codec.read(request.cookies.get(COOKIE))
        if session is None:
            raise NotSignedIn()
        with self.store.session() as db:
            user = db.scalars(select(User).where(User.username == session.username)).first()
            if user is None or not user.active or is_revoked(db, session):
                raise NotSignedIn()
            address = self.address_of(request)
            return Context(Actor.of(user, address), session, user.display_name or user.username)

    def current(self, request: Request) -> Context | None:
        try:
            return self.context(request)
        except NotSignedIn:
            return None

    async def form_with_csrf(self, request: Request, ctx: Context) -> Any:
        form = await request.form()
        if form.get("csrf") != ctx.session.csrf:
            raise CsrfError()
        return form

    def api_csrf(self, request: Request, ctx: Context) -> None:
        if request.headers.get("X-CSRF-Token") != ctx.session.csrf:
            raise CsrfError()

    def set_cookie(self, response: Response, request: Request, cookie: str) -> None:
        response.set_cookie(
            COOKIE,
            cookie,
            max_age=COOKIE_KEEP_S,
            httponly=True,
            samesite="strict",
            path="/",
            secure=request.url.scheme == "https" or self.settings.cookie_secure,
        )

    def no_admin_yet(self) -> bool:
        """A fresh install: nobody can sign in until the first admin is made on the server."""
        with self.store.session() as db:
            return db.scalars(select(User.id).where(User.role == "admin", User.active.is_(True))).first() is None

    def authenticate(self, request: Request, username: str, password: str) -> str | None:
        """The new session's cookie, None for a wrong username or password.

        :raises PermissionDenied: after too many failed sign-ins from this address or for this name.
        """
        username = " ".join(username.split()).lower()  # "BienTap " is bientap
        address = self.address_of(request)
        if self.limiter.blocked(username, address):
            raise PermissionDenied("too many failed sign-ins; wait five minutes", "perm.signin_limit")
        with self.store.session() as db:
            user = db.scalars(select(User).where(func.lower(User.username) == username)).first()
            # an unknown user costs the same argon2 verification as a known one: no timing oracle
            ok = verify_password(user.password_hash if user is not None else DUMMY_HASH, password)
            ok = ok and user is not None and user.active
        if not ok or user is None:
            self.limiter.failed(username, address)
            return None
        self.limiter.succeeded(username, address)
        with self.store.session() as db:
            audit(db, Actor(user.username, Role(user.role), address=address), "user.signed_in", f"user:{user.username}")
        return self.codec.issue(user.username)[0]


def identity_of(request: Request) -> Identity:
    identity: Identity = request.app.state.identity
    return identity
