"""Rendering wired to the store: a script spoken, mastered, encoded and kept by hash, with its asset row."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from broadcaster.app.approval import mix_key, mix_languages, scripts_sha
from broadcaster.app.workflow import WorkflowError, current_scripts
from broadcaster.store.models import MediaAsset, ScriptVersion
from media.audio import Audio
from media.bulletin import Track, sequence
from media.deliver import encode_measured
from media.encode import CODECS
from media.master import Loudness, MasterSettings, master
from media.store import MediaStore
from scripts.errors import SpokenFormError
from scripts.spoken import check_spoken, normalize
from tts.registry import Registry

ARTIST = "Loa truyền thanh cơ sở"


@dataclass
class Rendered:
    audio: Audio
    mp3: bytes
    asset: MediaAsset
    spoken: list[str]
    loudness_lufs: float
    true_peak_dbtp: float
    timings: dict[str, float] = field(default_factory=dict)


def render(
    session: Session,
    script: ScriptVersion,
    registry: Registry,
    media: MediaStore,
    title: str,
    number: str,
    settings: MasterSettings = MasterSettings(),
    dialect: str = "north",
    timer: dict[str, float] | None = None,
    extra_tracks: list[Track] | None = None,
    scripts: Mapping[str, ScriptVersion] | None = None,
) -> Rendered:
    """Speak every sentence, sequence the tracks with a chime, master, encode MP3, store by hash.

    `extra_tracks` follow the Vietnamese track: a zone's other languages, synthesized or
    recorded; the asset is that language mix's ("vi", "vi+hmn"). `scripts` are the versions
    the tracks were made from (default: the current ones in this session); the asset records
    those of its mix, so an approval can bind this exact audio.
    """
    available = dict(scripts) if scripts is not None else current_scripts(session, script.bulletin_id)
    available[script.language] = script
    key = mix_key([script.language, *(t.language for t in extra_tracks or [])])
    used = {lang: available[lang] for lang in mix_languages(key) if lang in available}
    timings: dict[str, float] = {} if timer is None else timer
    t0 = time.perf_counter()
    spoken = [normalize(s["text"], dialect) for s in script.sentences]
    try:
        check_spoken(spoken)  # the last gate: nothing unsayable reaches a speaker
    except SpokenFormError as exc:
        raise WorkflowError(str(exc), "vi.text", text=str(exc)) from exc  # the spoken-form check writes Vietnamese
    t1 = time.perf_counter()
    parts = tuple(registry.synthesize(text, script.language, dialect)[0] for text in spoken)
    t2 = time.perf_counter()
    assembled = sequence([Track(script.language, parts), *(extra_tracks or [])], settings)
    mastered, _ = master(assembled, settings)
    t3 = time.perf_counter()
    tags = {"title": title, "album": number, "artist": ARTIST}
    asset, data, loudness = keep_audio(session, media, mastered, script.bulletin_id, key, script.sha256, tags)
    t4 = time.perf_counter()
    asset.scripts_sha256 = scripts_sha(used)  # identical bytes: the same audio, now of these scripts
    timings.update({"normalize": t1 - t0, "synthesize": t2 - t1, "master": t3 - t2, "encode": t4 - t3})
    return Rendered(mastered, data, asset, spoken, loudness.integrated_lufs, float(loudness.true_peak_dbtp), timings)


def keep_audio(
    session: Session,
    media: MediaStore,
    mastered: Audio,
    bulletin_id: int,
    language: str,
    script_sha256: str,
    tags: dict[str, str] | None = None,
    label: str = "mp3",
) -> tuple[MediaAsset, bytes, Loudness]:
    """Encode mastered audio as MP3, keep it by its hash and record its asset row (identical bytes: the row there is).

    Rendering, uploaded programmes and translators' recordings all keep audio this way. The
    loudness stored is the delivered file's, not the mastered signal's (0.3–0.45 LU apart);
    `label` is the asset's codec column ("recording" for a translator's voice).
    """
    codec = CODECS["mp3"]
    data, loudness = encode_measured(mastered, codec, tags)
    duration_ms = int(round(len(mastered.samples) / mastered.rate * 1000))
    stored = media.put(data, codec.extension, duration_ms, label)
    asset = session.get(MediaAsset, (stored.sha256, bulletin_id))
    if asset is None:
        asset = MediaAsset(
            sha256=stored.sha256,
            bulletin_id=bulletin_id,
            language=language,
            script_sha256=script_sha256,
            codec=label,
            extension=codec.extension,
            bytes=stored.bytes,
            duration_ms=duration_ms,
            loudness_lufs=loudness.integrated_lufs,
            true_peak_dbtp=float(loudness.true_peak_dbtp),
        )
        session.add(asset)
    return asset, data, loudness


__all__ = ["Rendered", "Track", "keep_audio", "render"]
