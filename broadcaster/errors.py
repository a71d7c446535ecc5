"""The one root of what `broadcaster` refuses: a code, its parameters, and English for the log.

A refusal is raised with the code of its Vietnamese sentence (`app.messages.CATALOGUE`) and the
parameters the sentence needs, where it is raised; the front doors say the sentence and never
read the English, so rewording a log message cannot break what a user reads.
"""

from __future__ import annotations

from typing import Any


class AppError(Exception):
    """Something a person asked for cannot be done; `code` and `params` say why, in the catalogue's terms."""

    code = "error.other"

    def __init__(self, message: str, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = params


class NotFound(AppError, LookupError):
    """What was named does not exist (a bulletin, a zone, a device, a page action): 404 at the web's door."""

    code = "not_found"


class Invalid(AppError, ValueError):
    """What a person typed cannot be used (a date, a period): 400 at the web's door."""

    code = "error.invalid"
