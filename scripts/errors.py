"""The exception tree of the `scripts` package; messages tell the user what to do."""


class ScriptsError(Exception):
    """Base of every error raised by `scripts`."""


class FeedError(ScriptsError):
    """A feed could not be read or is not RSS/Atom."""


class DocumentError(ScriptsError):
    """A document file could not be read or is not a legal document."""


class DraftError(ScriptsError):
    """No script could be drafted from a parsed document."""
