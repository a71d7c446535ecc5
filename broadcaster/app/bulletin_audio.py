"""A bulletin's audio: each language mix the zones speak rendered from its scripts, and translators'
recordings. New audio a zone would hear sends an approved bulletin back to review
(`approval.review_new_audio`), the one rule both paths take."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import select

from broadcaster.app.approval import mix_key, mix_languages, review_new_audio
from broadcaster.app.rendering import Track, keep_audio, render
from broadcaster.app.workflow import (
    Action,
    Actor,
    Role,
    WorkflowError,
    audit,
    current_scripts,
    edit_script,
    get_bulletin,
    require,
)
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.store.models import Bulletin, MediaAsset, ZoneRow
from media.master import MasterSettings
from media.store import MediaStore


def render_audio(store: Store, settings: Settings, actor: Actor, bulletin_id: int) -> MediaAsset:
    """Render every language mix the zones speak: Vietnamese alone, and Vietnamese followed by each
    zone's other languages (recorded or synthesized). Returns the Vietnamese rendering."""
    require(actor, Action.EDIT)
    with store.session() as session:
        bulletin = get_bulletin(session, bulletin_id)
        if bulletin.kind in ("relay", "live", "audio", "recording", "emergency_rec"):
            raise WorkflowError(
                f"bulletin {bulletin_id} plays its own audio or stream", "workflow.not_scripted", bulletin=bulletin_id
            )
        return render_mixes(session, settings, actor, bulletin)["vi"]


def zone_mixes(session: Any, languages: Collection[str]) -> list[str]:
    """The language mixes the zones need of a bulletin with scripts in `languages`: "vi" first."""
    keys = {"vi"}
    for zone in session.scalars(select(ZoneRow)):
        keys.add(mix_key(["vi", *[lang for lang in zone.languages or [] if lang in languages]]))
    return sorted(keys, key=lambda k: (k != "vi", k))


def render_mixes(
    session: Any, settings: Settings, actor: Actor, bulletin: Bulletin, only: str | None = None, strict: bool = True
) -> dict[str, MediaAsset]:
    """Render the mixes (those with language `only`, and "vi", when given). A language without a
    voice or recording raises with `strict`, else its mixes are left out."""
    from media.decode import decode
    from tts.registry import NoVoice, default_registry

    registry = default_registry(settings.cache_dir, settings.voices_dir, settings.online_tts)
    media = MediaStore(settings.media_dir)
    scripts = current_scripts(session, bulletin.id)
    if "vi" not in scripts:
        raise WorkflowError("the bulletin has no Vietnamese script", "workflow.no_vietnamese")
    tracks: dict[str, Track] = {}
    for language, script in scripts.items():
        if language == "vi" or (only is not None and language != only):
            continue
        recording = recording_of(session, bulletin.id, language, script.sha256)
        if recording is not None:
            audio = decode(media.path(f"{recording.sha256}.{recording.extension}").read_bytes())
            tracks[language] = Track(language, (audio,))
            continue
        try:
            tracks[language] = Track(language, tuple(registry.synthesize(s["text"], language)[0] for s in script.sentences))
        except NoVoice as exc:
            if strict:
                raise WorkflowError(str(exc), "workflow.no_voice") from exc
    rendered: dict[str, MediaAsset] = {}
    for key in zone_mixes(session, scripts):
        languages = mix_languages(key)[1:]
        if only is not None and only not in languages:
            continue
        if any(lang not in tracks for lang in languages):
            continue
        rendered[key] = render(
            session,
            scripts["vi"],
            registry,
            media,
            bulletin.title,
            bulletin.title[:60],
            MasterSettings(target_lufs=settings.target_lufs),
            settings.dialect,
            extra_tracks=[tracks[lang] for lang in languages],
            scripts=scripts,
        ).asset
    session.flush()
    review_new_audio(session, actor, bulletin, {key: m.sha256 for key, m in rendered.items()})
    return rendered


def recording_of(session: Any, bulletin_id: int, language: str, script_sha: str) -> MediaAsset | None:
    return session.scalars(
        select(MediaAsset).where(
            MediaAsset.bulletin_id == bulletin_id,
            MediaAsset.language == language,
            MediaAsset.codec == "recording",
            MediaAsset.script_sha256 == script_sha,
        )
    ).first()


def upload_recording(store: Store, settings: Settings, actor: Actor, bulletin_id: int, language: str, data: bytes) -> MediaAsset:
    """A translator's recording for one language: decoded, checked, mastered, stored by hash."""
    from media.master import master
    from tts.recorded import load_recording

    require(actor, Action.TRANSLATE, language=language) if actor.role is not Role.EDITOR else None
    audio = load_recording(data, max_s=settings.max_recording_s)
    mastered, _ = master(audio, MasterSettings(target_lufs=settings.target_lufs))
    with store.session() as session:
        bulletin = get_bulletin(session, bulletin_id)
        script = current_scripts(session, bulletin_id).get(language)
        if script is None:
            script = edit_script(session, bulletin, actor, language, "[bản ghi âm]", [{"text": "[bản ghi âm]", "source": None}])
            session.flush()
        media = MediaStore(settings.media_dir)
        asset, _, _ = keep_audio(session, media, mastered, bulletin_id, language, script.sha256, label="recording")
        review_new_audio(session, actor, bulletin, {language: asset.sha256})
        audit(session, actor, "recording.uploaded", f"bulletin:{bulletin_id}", language=language, sha256=asset.sha256)
        session.flush()
        if bulletin.kind not in ("relay", "audio", "recording") and "vi" in current_scripts(session, bulletin_id):
            try:  # the zones that speak it get it: rendered now, so the approver hears it
                render_mixes(session, settings, actor, bulletin, only=language, strict=False)
            except WorkflowError:
                pass
        return asset
