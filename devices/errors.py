"""The one exception root of the `devices` package, so callers can catch every delivery error."""

from __future__ import annotations

from media.errors import CodedError


class DeviceError(CodedError):
    """Base of every error raised by `devices`."""


class MessageError(DeviceError):
    """A message could not be accepted; `reason` is the short machine-readable cause that is
    acked to the sender or recorded in the audit log (`too_large`, `too_deep`, `not_utf8`, …)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
