"""The `media` package's one exception root."""


class MediaError(Exception):
    """Audio could not be decoded, mastered, encoded or stored; the message says what to do."""

    def __init__(self, message: str = "", code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code  # the catalogue code a front door says in Vietnamese ("" = none)
        self.params = params
