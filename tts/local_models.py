"""Voices from local model files: Piper (.onnx + .onnx.json) and MMS-VITS (a transformers folder).

Both load from local paths only; nothing is downloaded. Install with
`pip install '.[piper]'` or `pip install '.[mms]'`.
"""

from __future__ import annotations

import importlib
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

import numpy as np

from media.audio import Audio
from tts.base import TTSError, Voice, VoiceUnavailable

T = TypeVar("T")


class Loaded(Generic[T]):
    """Each model loaded once, on first use, whichever thread asks first: loading takes seconds and memory."""

    def __init__(self, load: Callable[[str], T]) -> None:
        self._load = load
        self._loaded: dict[str, T] = {}
        self._lock = threading.Lock()

    def get(self, path: str) -> T:
        """:raises VoiceUnavailable: from `load`, and again at the next ask (a failed load is not kept)."""
        with self._lock:
            if path not in self._loaded:
                self._loaded[path] = self._load(path)
            return self._loaded[path]


def _module(name: str, missing: str) -> Any:
    """:raises VoiceUnavailable: with `missing` when the optional package is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise VoiceUnavailable(missing) from exc


class _LocalEngine(Generic[T]):
    """An engine whose voices are model files in a folder, each loaded once by `_load`."""

    name: str
    version: str

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._models = Loaded(self._load)

    def _load(self, path: str) -> T:
        raise NotImplementedError


class PiperEngine(_LocalEngine[Any]):
    """Piper voices: `<voices>/<lang>/<name>.onnx` with `<name>.onnx.json` beside it."""

    name = "piper"
    version = "piper-1"

    def voices(self) -> list[Voice]:
        found = []
        for model in sorted(self.folder.glob("*/*.onnx")):
            if model.with_suffix(".onnx.json").exists():
                found.append(Voice(self.name, str(model), model.parent.name, None, f"Piper {model.stem}"))
        return found

    def _load(self, path: str) -> Any:
        piper = _module("piper", "Piper is not installed: pip install '.[piper]'")
        try:
            return piper.PiperVoice.load(path, config_path=path + ".json")
        except (OSError, ValueError, KeyError) as exc:
            raise VoiceUnavailable(f"cannot load Piper voice {path}: {exc}") from exc

    def synthesize(self, text: str, voice: Voice) -> Audio:
        piper_voice = self._models.get(voice.voice_id)
        chunks = [chunk.audio_float_array for chunk in piper_voice.synthesize(text)]
        if not chunks:
            raise TTSError(f"Piper produced no audio for {text[:40]!r}")
        return Audio(np.concatenate(chunks).astype(np.float32), int(piper_voice.config.sample_rate))


class MmsEngine(_LocalEngine[tuple[Any, Any]]):
    """MMS-VITS voices: `<voices>/<lang>/<name>/` holding a transformers `VitsModel` and its tokenizer."""

    name = "mms"
    version = "mms-vits-1"

    def voices(self) -> list[Voice]:
        found = []
        for config in sorted(self.folder.glob("*/*/config.json")):
            try:
                kind = json.loads(config.read_text()).get("model_type")
            except (OSError, ValueError):
                continue
            if kind == "vits":
                found.append(Voice(self.name, str(config.parent), config.parent.parent.name, None, f"MMS {config.parent.name}"))
        return found

    def _load(self, path: str) -> tuple[Any, Any]:
        transformers = _module("transformers", "MMS-VITS needs transformers and torch: pip install '.[mms]'")
        try:
            model = transformers.VitsModel.from_pretrained(path, local_files_only=True)
            tokenizer = transformers.AutoTokenizer.from_pretrained(path, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise VoiceUnavailable(f"cannot load MMS voice {path}: {exc}") from exc
        model.eval()
        return model, tokenizer

    def synthesize(self, text: str, voice: Voice) -> Audio:
        import torch

        model, tokenizer = self._models.get(voice.voice_id)
        inputs = tokenizer(text, return_tensors="pt")
        if inputs["input_ids"].shape[-1] == 0:
            raise TTSError(f"the MMS tokenizer kept nothing of {text[:40]!r}")
        with torch.no_grad():
            waveform = model(**inputs).waveform[0].float().numpy()
        return Audio(waveform.astype(np.float32), int(model.config.sampling_rate))
