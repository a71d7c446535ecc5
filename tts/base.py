"""The engine interface every voice implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from media.audio import Audio


class TTSError(Exception):
    """Base of the `tts` package's errors."""

    def __init__(self, message: str = "", code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code  # the catalogue code a front door says in Vietnamese ("" = none)
        self.params = params


class VoiceUnavailable(TTSError):
    """The engine or voice cannot speak now (not installed, offline); try the next voice."""


class UnknownLanguage(TTSError):
    """No profile exists for the requested language code."""


@dataclass(frozen=True, slots=True)
class Voice:
    """One way of speaking a language: an engine name and the engine's voice id."""

    engine: str
    voice_id: str
    language: str
    dialect: str | None = None
    label: str = ""


class Engine(Protocol):
    name: str
    version: str

    def voices(self) -> list[Voice]:
        """Voices this engine can speak right now."""

    def synthesize(self, text: str, voice: Voice) -> Audio:
        """Speak `text` (already in spoken form) with `voice`.

        :raises VoiceUnavailable: when the voice cannot be used now.
        """
