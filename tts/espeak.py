"""espeak-ng in-process through ctypes, with the library and data shipped by `espeakng-loader`.

espeak-ng keeps global state, so one process-wide instance serialises calls with a lock.
"""

from __future__ import annotations

import ctypes
import threading
from typing import ClassVar

import numpy as np

from media.audio import Audio
from tts.base import TTSError, Voice, VoiceUnavailable

AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_CHARS_UTF8 = 1
POS_CHARACTER = 1
PARAM_RATE = 1
_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

VOICES = (
    Voice("espeak", "vi", "vi", "north", "espeak-ng tiếng Việt (miền Bắc)"),
    Voice("espeak", "vi-vn-x-central", "vi", "central", "espeak-ng tiếng Việt (miền Trung)"),
    Voice("espeak", "vi-vn-x-south", "vi", "south", "espeak-ng tiếng Việt (miền Nam)"),
)


class EspeakEngine:
    name = "espeak"
    _lock: ClassVar[threading.Lock] = threading.Lock()
    _lib: ClassVar[ctypes.CDLL | None] = None
    _rate: ClassVar[int] = 22050
    _chunks: ClassVar[list[bytes]] = []
    _callback: ClassVar[object] = None

    def __init__(self, words_per_minute: int = 150) -> None:
        self.words_per_minute = words_per_minute
        self.version = "espeak-ng-1.52"

    @classmethod
    def _load(cls) -> ctypes.CDLL:
        if cls._lib is not None:
            return cls._lib
        try:
            import espeakng_loader
        except ImportError as exc:
            raise VoiceUnavailable("espeak-ng is not installed: pip install espeakng-loader") from exc
        lib = ctypes.CDLL(espeakng_loader.get_library_path())
        lib.espeak_Initialize.restype = ctypes.c_int
        rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, espeakng_loader.get_data_path().encode(), 0)
        if rate <= 0:
            raise TTSError("espeak-ng failed to initialise")

        def collect(wav: ctypes.POINTER(ctypes.c_short), count: int, _events: ctypes.c_void_p) -> int:  # type: ignore[valid-type]
            if wav and count > 0:
                cls._chunks.append(ctypes.string_at(wav, count * 2))
            return 0

        cls._callback = _CALLBACK(collect)
        lib.espeak_SetSynthCallback(cls._callback)
        cls._lib, cls._rate = lib, rate
        return lib

    def voices(self) -> list[Voice]:
        try:
            self._load()
        except VoiceUnavailable:
            return []
        return list(VOICES)

    def synthesize(self, text: str, voice: Voice) -> Audio:
        with self._lock:
            lib = self._load()
            if lib.espeak_SetVoiceByName(voice.voice_id.encode()) != 0:
                raise VoiceUnavailable(f"espeak-ng has no voice {voice.voice_id!r}")
            lib.espeak_SetParameter(PARAM_RATE, self.words_per_minute, 0)
            self._chunks.clear()
            data = text.encode()
            status = lib.espeak_Synth(data, len(data) + 1, 0, POS_CHARACTER, 0, ESPEAK_CHARS_UTF8, None, None)
            lib.espeak_Synchronize()
            if status != 0:
                raise TTSError(f"espeak-ng failed with status {status}")
            pcm = b"".join(self._chunks)
            self._chunks.clear()
        samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768.0
        return Audio(samples, self._rate)
