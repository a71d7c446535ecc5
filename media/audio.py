"""Audio as plain data: mono float32 PCM, shared by synthesis, recordings, mastering and encoding."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Audio:
    """Mono PCM as float32 in [-1, 1] at `rate` Hz."""

    samples: np.ndarray
    rate: int

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.rate

    @classmethod
    def silence(cls, seconds: float, rate: int) -> Audio:
        return cls(np.zeros(int(seconds * rate), dtype=np.float32), rate)
