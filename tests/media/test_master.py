from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import signal

from media.audio import Audio
from media.decode import decode, probe
from media.encode import CODECS, MediaError, encode
from media.master import MasterSettings, chime, concatenate, master, measure
from media.store import MediaStore
from tts.registry import default_registry


@pytest.fixture(scope="module")
def speech() -> Audio:
    registry = default_registry()
    parts = [
        registry.synthesize(t, "vi")[0]
        for t in (
            "Từ ngày mồng một tháng bảy năm hai nghìn không trăm hai mươi sáu, lương hưu tăng thêm tám phần trăm.",
            "Bà con cần tìm hiểu thêm, xin liên hệ Ủy ban nhân dân xã.",
        )
    ]
    return concatenate([chime(parts[0].rate), *parts], 0.45)


def test_espeak_output_clips_without_mastering(speech: Audio) -> None:
    assert float(np.max(np.abs(speech.samples))) > 0.9


def test_mastered_loudness_and_true_peak(speech: Audio) -> None:
    mastered, loudness = master(speech, MasterSettings())
    assert abs(loudness.integrated_lufs - (-16.0)) <= 1.0
    assert loudness.true_peak_dbtp <= -1.0
    assert abs(mastered.duration_s - speech.duration_s) < 0.01
    independent = signal.resample_poly(mastered.samples, 4, 1)  # a different interpolator agrees
    assert 20 * np.log10(float(np.max(np.abs(independent)))) <= -1.0
    again = measure(mastered)
    assert abs(again.integrated_lufs - loudness.integrated_lufs) < 0.01


def test_mp3_is_mono_32k_48kbps(speech: Audio, tmp_path: Path) -> None:
    mastered, _ = master(speech)
    data = encode(mastered, CODECS["mp3"], {"title": "Bản tin thử", "album": "162/2026/NĐ-CP"})
    info = probe(data)
    assert (info.codec, info.channels, info.rate, info.kbps) == ("mp3", 1, 32000, 48)
    decoded = decode(data)
    assert abs(decoded.duration_s - mastered.duration_s) < 0.2
    kbps = len(data) * 8 / mastered.duration_s / 1000
    assert 40 < kbps < 56
    store = MediaStore(tmp_path)
    media = store.put(data, "mp3", int(mastered.duration_s * 1000), "mp3")
    assert store.path(media.name).read_bytes() == data and media.bytes == len(data)
    with pytest.raises(ValueError):
        store.path("../../etc/passwd")


def test_opus_for_weak_links(speech: Audio) -> None:
    mastered, _ = master(speech)
    opus = encode(mastered, CODECS["opus"])
    mp3 = encode(mastered, CODECS["mp3"])
    assert opus[:4] == b"OggS" and len(opus) < len(mp3)


def test_corrupt_audio_is_rejected() -> None:
    with pytest.raises(MediaError):
        decode(b"RIFF\x00\x00\x00\x00WAVEjunk")
    with pytest.raises(MediaError):
        probe(b"not audio at all")
