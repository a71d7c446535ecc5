"""The `media` package's one exception root, and the coded error the stages' roots share."""


class CodedError(Exception):
    """An error a front door can say in Vietnamese: the message is English for the log, `code`
    names the catalogue's sentence ("" = none) and `params` fill it in. Each stage keeps its own
    root on it (`MediaError`, `tts.base.TTSError`, `devices.errors.DeviceError`), so a caller
    still catches one stage's errors and no other's."""

    def __init__(self, message: str = "", code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class MediaError(CodedError):
    """Audio could not be decoded, mastered, encoded or stored; the message says what to do."""
