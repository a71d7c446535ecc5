"""Voices from local model files: Piper (.onnx + .onnx.json) and MMS-VITS (a transformers folder).

Both load from local paths only; nothing is downloaded. Install with
`pip install '.[piper]'` or `pip install '.[mms]'`.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import numpy as np

from media.audio import Audio
from tts.base import TTSError, Voice, VoiceUnavailable


class PiperEngine:
    """Piper voices: `<voices>/<lang>/<name>.onnx` with `<name>.onnx.json` beside it."""

    name = "piper"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.version = "piper-1"
        self._loaded: dict[str, Any] = {}
        self._lock = threading.Lock()

    def voices(self) -> list[Voice]:
        found = []
        for model in sorted(self.folder.glob("*/*.onnx")):
            if model.with_suffix(".onnx.json").exists():
                found.append(Voice(self.name, str(model), model.parent.name, None, f"Piper {model.stem}"))
        return found

    def _voice(self, path: str) -> Any:
        with self._lock:
            if path not in self._loaded:
                try:
                    from piper import PiperVoice
                except ImportError as exc:
                    raise VoiceUnavailable("Piper is not installed: pip install '.[piper]'") from exc
                try:
                    self._loaded[path] = PiperVoice.load(path, config_path=path + ".json")
                except (OSError, ValueError, KeyError) as exc:
                    raise VoiceUnavailable(f"cannot load Piper voice {path}: {exc}") from exc
            return self._loaded[path]

    def synthesize(self, text: str, voice: Voice) -> Audio:
        piper_voice = self._voice(voice.voice_id)
        chunks = [chunk.audio_float_array for chunk in piper_voice.synthesize(text)]
        if not chunks:
            raise TTSError(f"Piper produced no audio for {text[:40]!r}")
        return Audio(np.concatenate(chunks).astype(np.float32), int(piper_voice.config.sample_rate))


class MmsEngine:
    """MMS-VITS voices: `<voices>/<lang>/<name>/` holding a transformers `VitsModel` and its tokenizer."""

    name = "mms"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.version = "mms-vits-1"
        self._loaded: dict[str, tuple[Any, Any]] = {}
        self._lock = threading.Lock()

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

    def _model(self, path: str) -> tuple[Any, Any]:
        with self._lock:
            if path not in self._loaded:
                try:
                    from transformers import AutoTokenizer, VitsModel
                except ImportError as exc:
                    raise VoiceUnavailable("MMS-VITS needs transformers and torch: pip install '.[mms]'") from exc
                try:
                    model = VitsModel.from_pretrained(path, local_files_only=True)
                    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
                except (OSError, ValueError) as exc:
                    raise VoiceUnavailable(f"cannot load MMS voice {path}: {exc}") from exc
                model.eval()
                self._loaded[path] = (model, tokenizer)
            return self._loaded[path]

    def synthesize(self, text: str, voice: Voice) -> Audio:
        import torch

        model, tokenizer = self._model(voice.voice_id)
        inputs = tokenizer(text, return_tensors="pt")
        if inputs["input_ids"].shape[-1] == 0:
            raise TTSError(f"the MMS tokenizer kept nothing of {text[:40]!r}")
        with torch.no_grad():
            waveform = model(**inputs).waveform[0].float().numpy()
        return Audio(waveform.astype(np.float32), int(model.config.sampling_rate))
