"""Media bombs against recordings and uploaded audio: refused with a reason, in bounded time and memory.

A few MB of FLAC can hold hours of tone (issue 13 item 4: 5 MB, 12 h, 10.4 GB when decoded).
The duration is probed from the header before decoding; decoding is capped in any case.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import media.decode
from media.decode import decode
from media.encode import ffmpeg_path
from tts.recorded import RecordingError, load_recording


def tone(tmp: Path, seconds: int, codec: str = "flac", rate: int = 8000) -> bytes:
    out = tmp / f"tone-{seconds}.{'mp3' if codec == 'libmp3lame' else codec}"
    subprocess.run(
        [ffmpeg_path(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", f"sine=f=440:r={rate}"]
        + ["-t", str(seconds), "-ac", "1", "-c:a", codec, str(out)],
        check=True,
        timeout=120,
    )
    return out.read_bytes()


@pytest.fixture(scope="module")
def long_flac(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return tone(tmp_path_factory.mktemp("bombs"), 40 * 60)  # 40 min of tone in ~8 MB


def test_a_long_flac_is_refused_from_its_header_without_decoding(long_flac: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[int] = []
    monkeypatch.setattr(media.decode, "decode", lambda data, *a, **k: decoded.append(len(data)))  # type: ignore[arg-type,return-value]
    with pytest.raises(RecordingError, match="40 min long; the limit is 15 min"):
        load_recording(long_flac, max_s=15 * 60)
    assert decoded == []  # nothing was decoded: memory stays at the size of the upload


def test_decoding_is_capped_whatever_the_header_says(long_flac: bytes) -> None:
    audio = decode(long_flac, 8000, max_s=5.0)
    assert 4.9 <= audio.duration_s <= 5.01 and audio.samples.nbytes <= 5 * 8000 * 4  # not 40 min of samples


def test_truncated_and_corrupt_files_are_refused_with_a_reason(long_flac: bytes, tmp_path: Path) -> None:
    mp3 = tone(tmp_path, 3, "libmp3lame", 24000)
    for data, reason in (
        (long_flac[:40], "empty or truncated"),
        (b"\x00" * 5000, "not a playable recording"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 40, "not a playable recording"),
        (b"fLaC" + bytes(5000), "not a playable recording"),
        (mp3[: len(mp3) // 6], "record at least"),  # the first half second of a 3 s file
    ):
        with pytest.raises(RecordingError, match=reason):
            load_recording(data, max_s=15 * 60)
    assert load_recording(mp3, max_s=15 * 60).duration_s == pytest.approx(3.0, abs=0.1)  # the whole file is fine
