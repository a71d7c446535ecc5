"""The engine interface every voice implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from media.audio import Audio
from media.errors import CodedError


class TTSError(CodedError):
    """Base of the `tts` package's errors."""


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
