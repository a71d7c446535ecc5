"""The one exception root of the `devices` package, so callers can catch every delivery error."""

from __future__ import annotations


class DeviceError(Exception):
    """Base of every error raised by `devices`."""

    def __init__(self, message: str = "", code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code  # the catalogue code a front door says in Vietnamese ("" = none)
        self.params = params


class MessageError(DeviceError):
    """A message could not be accepted; `reason` is the short machine-readable cause that is
    acked to the sender or recorded in the audit log (`too_large`, `too_deep`, `not_utf8`, …)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
