"""The exception tree of the `scripts` package; messages tell the user what to do."""


class ScriptsError(Exception):
    """Base of every error raised by `scripts`."""


class FeedError(ScriptsError):
    """A feed could not be read or is not RSS/Atom."""


class DocumentError(ScriptsError):
    """A document file could not be read or is not a legal document."""


class DraftError(ScriptsError):
    """No script could be drafted from a parsed document."""


class SpokenFormError(ScriptsError):
    """A sentence still holds something a speaker cannot say (digits, "/", "%", brackets, markup)."""

    def __init__(self, sentence: int, problems: list[str]) -> None:
        self.sentence = sentence
        self.problems = problems
        super().__init__(
            f"câu {sentence} chưa đọc thành lời được: {'; '.join(problems)}; sửa câu đó trong kịch bản rồi dựng lại âm thanh"
        )


class DocumentRefused(DocumentError):
    """A document file is over a limit (size, unpacked size, pages, characters, time, memory).

    Refused before it can exhaust the machine; the message names the limit and what to do.
    """


class UnsafeLink(DocumentError):
    """A link (from a feed) names something other than a public http(s) document."""
