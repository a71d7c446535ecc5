"""Which voices speak which language, in order of preference, with a synthesis cache."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from media.audio import Audio
from tts.base import Engine, TTSError, UnknownLanguage, Voice, VoiceUnavailable
from tts.languages import PROFILES, LanguageProfile, resolve

log = logging.getLogger(__name__)


class NoVoice(TTSError):
    """No installed voice can speak the language; a recording or a new voice is needed."""


@dataclass
class SynthesisCache:
    """Audio keyed by (engine, voice, engine version, spoken text): nothing is synthesized twice."""

    folder: Path
    hits: int = 0
    misses: int = 0

    def key(self, engine: Engine, voice: Voice, text: str) -> str:
        raw = "\x1f".join((engine.name, voice.voice_id, engine.version, text))
        return hashlib.sha256(raw.encode()).hexdigest()

    def get(self, key: str) -> Audio | None:
        path = self.folder / key[:2] / f"{key}.npz"
        if not path.exists():
            self.misses += 1
            return None
        with np.load(path) as data:
            self.hits += 1
            return Audio(data["samples"], int(data["rate"]))

    def put(self, key: str, audio: Audio) -> None:
        path = self.folder / key[:2] / f"{key}.npz"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, samples=audio.samples, rate=audio.rate)
        tmp.replace(path)


@dataclass
class Registry:
    """Engines by name and an ordered voice list per language."""

    engines: dict[str, Engine] = field(default_factory=dict)
    preferences: dict[str, list[Voice]] = field(default_factory=dict)
    cache: SynthesisCache | None = None

    def add(self, engine: Engine) -> None:
        self.engines[engine.name] = engine
        for voice in engine.voices():
            self.preferences.setdefault(voice.language, []).append(voice)

    def voices_for(self, language: str, dialect: str | None = None) -> list[Voice]:
        voices = sorted(self.preferences.get(language, []), key=lambda v: _rank(v.engine))
        if dialect:
            voices = sorted(voices, key=lambda v: v.dialect not in (dialect, None))
        return voices

    def synthesize(self, text: str, language: str, dialect: str | None = None) -> tuple[Audio, Voice]:
        """Speak `text` with the first voice of the language that works; never another language's voice.

        :raises UnknownLanguage: for a code without a profile.
        :raises NoVoice: when no installed voice speaks the language.
        """
        profile = resolve(language)
        errors = []
        for voice in self.voices_for(profile.code, dialect):
            engine = self.engines[voice.engine]
            key = self.cache.key(engine, voice, text) if self.cache else ""
            if self.cache and (hit := self.cache.get(key)) is not None:
                return hit, voice
            try:
                audio = engine.synthesize(text, voice)
            except VoiceUnavailable as exc:
                log.warning("voice %s/%s unavailable, trying the next: %s", voice.engine, voice.voice_id, exc)
                errors.append(str(exc))
                continue
            if self.cache:
                self.cache.put(key, audio)
            return audio, voice
        detail = f" ({'; '.join(errors)})" if errors else ""
        raise NoVoice(
            f"no voice installed for {profile.name_vi} ({profile.code}): upload a recording or install a voice{detail}",
            "workflow.no_voice",
        )

    def status(self) -> list[tuple[LanguageProfile, list[Voice]]]:
        """Every known language with its installed voices (empty: recordings only)."""
        return [(p, self.voices_for(code)) for code, p in PROFILES.items()]


ENGINE_ORDER = ("piper", "mms", "espeak", "gtts")


def _rank(engine: str) -> int:
    return ENGINE_ORDER.index(engine) if engine in ENGINE_ORDER else len(ENGINE_ORDER)


def default_registry(cache_folder: Path | None = None, voices_folder: Path | None = None, online: bool = False) -> Registry:
    """espeak-ng always; Piper and MMS voices found under `voices_folder/<lang>/`; gTTS when online."""
    from tts.espeak import EspeakEngine
    from tts.local_models import MmsEngine, PiperEngine

    registry = Registry(cache=SynthesisCache(cache_folder) if cache_folder else None)
    registry.add(EspeakEngine())
    if voices_folder is not None and voices_folder.is_dir():
        registry.add(PiperEngine(voices_folder))
        registry.add(MmsEngine(voices_folder))
    if online:
        from tts.gtts_engine import GttsEngine

        registry.add(GttsEngine())
    return registry


__all__ = ["NoVoice", "Registry", "SynthesisCache", "UnknownLanguage", "default_registry"]
