from __future__ import annotations

from pathlib import Path

import numpy as np

from broadcaster.app.rendering import Track, render
from broadcaster.store.engine import open_store
from broadcaster.store.models import Bulletin, ScriptVersion
from media.audio import Audio
from media.bulletin import expected_duration_s, sequence
from media.decode import probe
from media.master import MasterSettings, master
from media.store import MediaStore
from tts.registry import default_registry

SENTENCES = ["Kính thưa bà con.", "Từ ngày 01/7/2026, lương hưu tăng thêm 8%.", "Xin cảm ơn bà con đã lắng nghe."]


def tone(seconds: float, freq: float = 300.0, rate: int = 16000) -> Audio:
    t = np.arange(int(seconds * rate)) / rate
    return Audio((0.4 * np.sin(2 * np.pi * freq * t)).astype(np.float32), rate)


def test_bilingual_sequence_keeps_every_part_and_pause() -> None:
    registry = default_registry()
    vi = Track("vi", tuple(registry.synthesize(s, "vi")[0] for s in ("Kính thưa bà con.", "Sau đây là bản tin.")))
    recorded = Track("rad", (tone(3.0),))
    audio = sequence([vi, recorded])
    assert audio.rate == 22050
    expected = expected_duration_s([vi, recorded])
    assert abs(audio.duration_s - expected) / expected < 0.05
    mastered, loudness = master(audio, MasterSettings())
    assert abs(loudness.integrated_lufs + 16) <= 1 and loudness.true_peak_dbtp <= -1.0
    assert abs(mastered.duration_s - expected) / expected < 0.05
    tail = mastered.samples[-int(3.5 * 24000) : -int(0.6 * 24000)]
    assert float(np.sqrt(np.mean(tail**2))) > 0.01, "the recorded track comes last, audible"


def test_rendering_twice_synthesizes_nothing_new(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    media = MediaStore(tmp_path / "media")
    registry = default_registry(tmp_path / "cache")
    with store.session() as session:
        session.add(Bulletin(id=1, title="Bản tin"))
    script = ScriptVersion(
        bulletin_id=1,
        language="vi",
        version=1,
        text=" ".join(SENTENCES),
        sha256="0" * 64,
        author="t",
        sentences=[{"text": s, "source": None} for s in SENTENCES],
    )
    with store.session() as session:
        first = render(session, script, registry, media, "Bản tin", "162/2026/NĐ-CP")
    assert registry.cache is not None and registry.cache.misses == len(SENTENCES)
    with store.session() as session:
        second = render(session, script, registry, media, "Bản tin", "162/2026/NĐ-CP")
    assert registry.cache.misses == len(SENTENCES) and registry.cache.hits == len(SENTENCES)
    assert first.asset.sha256 == second.asset.sha256
    info = probe(media.path(f"{first.asset.sha256}.mp3").read_bytes())
    assert (info.channels, info.rate) == (1, 32000)
