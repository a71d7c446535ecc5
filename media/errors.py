"""The `media` package's one exception root."""


class MediaError(Exception):
    """Audio could not be decoded, mastered, encoded or stored; the message says what to do."""
