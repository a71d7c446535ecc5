"""Who may do what: roles, the actions they may take, and the one check every front door goes through.

Officials act only in their own communes and translators only in their languages; an admin may
do everything. `require` raises `PermissionDenied` (a `WorkflowError`: the console says 403).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from broadcaster.errors import AppError

if TYPE_CHECKING:
    from broadcaster.store.models import User


class WorkflowError(AppError):
    """An action is not possible in the bulletin's current state."""

    code = "workflow.invalid"


class PermissionDenied(WorkflowError):
    """The user's role does not allow the action."""

    code = "perm.role"


class Role(enum.StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    APPROVER = "approver"
    TRANSLATOR = "translator"
    OFFICIAL = "official"
    OBSERVER = "observer"


class Action(enum.StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    TRANSLATE = "translate"
    BOOK = "book"
    EMERGENCY = "emergency"
    # type or record a warning and play it at once, approved by its author and reviewed after
    # (broadcaster.app.emergency): officials in their own communes, admins anywhere
    EMERGENCY_MESSAGE = "emergency_message"
    LIVE = "live"  # speak live on the zones' speakers from the console (broadcaster.app.live)
    WITHDRAW = "withdraw"
    MANAGE_DEVICES = "manage_devices"
    MANAGE_USERS = "manage_users"
    VIEW = "view"


PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.EDITOR: frozenset({Action.EDIT, Action.SUBMIT, Action.WITHDRAW, Action.VIEW}),
    Role.APPROVER: frozenset({Action.APPROVE, Action.REJECT, Action.WITHDRAW, Action.VIEW}),
    Role.TRANSLATOR: frozenset({Action.TRANSLATE, Action.VIEW}),
    Role.OFFICIAL: frozenset(
        {Action.BOOK, Action.EMERGENCY, Action.EMERGENCY_MESSAGE, Action.LIVE, Action.MANAGE_DEVICES, Action.VIEW}
    ),
    Role.OBSERVER: frozenset({Action.VIEW}),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts, from where: the audit log records both."""

    username: str
    role: Role
    communes: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    address: str = ""

    @classmethod
    def of(cls, user: User, address: str = "") -> Actor:
        return cls(user.username, Role(user.role), tuple(user.communes or ()), tuple(user.languages or ()), address)


def require(actor: Actor, action: Action, commune: str | None = None, language: str | None = None) -> None:
    """:raises PermissionDenied: when the actor may not do `action` (here)."""
    if action not in PERMISSIONS[actor.role]:
        raise PermissionDenied(
            f"{actor.username} ({actor.role.value}) may not {action.value}",
            "perm.role",
            role=actor.role.value,
            action=action.value,
        )
    if actor.role is Role.OFFICIAL and commune is not None and commune not in actor.communes:
        raise PermissionDenied(
            f"{actor.username} may act only in their own communes, not in {commune}", "perm.commune", commune=commune
        )
    if actor.role is Role.TRANSLATOR and language is not None and language not in actor.languages:
        raise PermissionDenied(f"{actor.username} does not translate {language}", "perm.language", language=language)
