"""What every command group shares: the user a command acts as, date options, a queued task's outcome."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypeVar

from broadcaster.app.roles import Actor, Role

if TYPE_CHECKING:
    from broadcaster.store.engine import Store

Day = TypeVar("Day", bound=date | None)
CLI_ADMIN = Actor("cli", Role.ADMIN, address="local")


def actor(store: Store, username: str | None) -> Actor:
    """The user a command acts as; without --as, the local shell user is an administrator."""
    from sqlalchemy import select

    from broadcaster.app.workflow import WorkflowError
    from broadcaster.store.models import User

    if not username:
        return CLI_ADMIN
    with store.session() as session:
        user = session.scalars(select(User).where(User.username == username)).first()
        if user is None or not user.active:
            raise WorkflowError(f"no active user {username!r}", "user.not_active", user=username)
        return Actor.of(user, "local")


def date_option(text: str | None, default: Day) -> date | Day:
    """A YYYY-MM-DD option, or `default` when it was not given."""
    from schedules.model import ScheduleValueError

    try:
        return date.fromisoformat(text) if text else default
    except ValueError as exc:
        raise ScheduleValueError(f"{text!r} is not a date (YYYY-MM-DD)", "schedule.not_a_date", value=text) from exc


def queued(store: Store, task_id: int, wait_s: float) -> int:
    """Tell the operator what became of a queued task: carried out (with acks) or kept for later."""
    from broadcaster.app import tasks
    from broadcaster.app.workflow import WorkflowError

    with store.session() as session:
        alive = tasks.service_alive(session) is not None
    if not alive:
        print(
            f"Dịch vụ phát chưa chạy: lệnh #{task_id} đã được lưu và sẽ được thực hiện khi "
            "`broadcaster run` (hoặc `broadcaster up`) chạy lại."
        )
        return 0
    view = tasks.wait(store, task_id, wait_s)
    if view["state"] == "failed":
        raise WorkflowError(f"task {task_id} failed: {view['error']}", "task.failed", task=task_id, error=view["error"])
    if view["state"] != "done":
        print(f"lệnh #{task_id} đang chờ dịch vụ phát xử lý ({view['state']})")
        return 0
    print(f"lệnh #{task_id}: {view['acked']}/{view['targets']} loa đã xác nhận")
    return 0
