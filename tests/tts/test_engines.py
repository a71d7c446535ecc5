from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from media.audio import Audio
from tts.base import Voice, VoiceUnavailable
from tts.espeak import EspeakEngine
from tts.registry import NoVoice, Registry, SynthesisCache, default_registry


def test_espeak_speaks_vietnamese_in_process() -> None:
    audio, voice = default_registry().synthesize("Kính thưa bà con, sau đây là bản tin pháp luật.", "vi")
    assert voice.engine == "espeak" and audio.rate == 22050
    assert 1.5 < audio.duration_s < 8
    assert float(np.sqrt(np.mean(audio.samples**2))) > 0.01, "speech, not silence"


def test_dialect_voices_are_listed() -> None:
    ids = {v.voice_id for v in EspeakEngine().voices()}
    assert {"vi", "vi-vn-x-central", "vi-vn-x-south"} <= ids
    registry = default_registry()
    assert registry.voices_for("vi", "south")[0].voice_id == "vi-vn-x-south"


def test_language_without_a_voice_is_a_clear_error() -> None:
    with pytest.raises(NoVoice, match="no voice installed for Ê Đê"):
        default_registry().synthesize("Ih jing mnuih", "rad")


class Flaky:
    name, version = "flaky", "1"

    def voices(self) -> list[Voice]:
        return [Voice("flaky", "x", "vi")]

    def synthesize(self, text: str, voice: Voice) -> Audio:
        raise VoiceUnavailable("offline")


def test_unavailable_voice_falls_through_to_the_next() -> None:
    registry = Registry()
    registry.add(Flaky())
    registry.add(EspeakEngine())
    _audio, voice = registry.synthesize("Xin chào", "vi")
    assert voice.engine == "espeak"


def test_cache_synthesizes_each_sentence_once(tmp_path: Path) -> None:
    registry = default_registry(tmp_path)
    first, _ = registry.synthesize("Một câu để thử bộ nhớ đệm.", "vi")
    second, _ = registry.synthesize("Một câu để thử bộ nhớ đệm.", "vi")
    assert registry.cache is not None and registry.cache.misses == 1 and registry.cache.hits == 1
    assert np.array_equal(first.samples, second.samples)
    fresh = SynthesisCache(tmp_path)
    assert fresh.get(fresh.key(EspeakEngine(), Voice("espeak", "vi", "vi"), "Một câu để thử bộ nhớ đệm.")) is not None
