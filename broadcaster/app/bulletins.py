"""What the console and the API do, once: each action checks permissions through the workflow."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from broadcaster.app.messages import STATES
from broadcaster.app.planning import aware, build_planner, zone_of
from broadcaster.app.rendering import Track, keep_audio, render
from broadcaster.app.workflow import (
    Action,
    Actor,
    PermissionDenied,
    Role,
    WorkflowError,
    approved_media,
    audit,
    changed_since_approval,
    current_bundle,
    current_scripts,
    edit_script,
    mix_key,
    mix_languages,
    on_air,
    require,
    spoken_languages,
)
from broadcaster.config import Settings
from broadcaster.errors import NotFound
from broadcaster.store.engine import Store
from broadcaster.store.models import (
    Approval,
    BookingRow,
    Bulletin,
    DeviceRow,
    Document,
    MediaAsset,
    ScriptVersion,
    ZoneRow,
)
from media.master import MasterSettings
from media.store import MediaStore
from scripts.spoken import normalize
from tts.languages import PROFILES

STATE_NAMES = {state: name[:1].upper() + name[1:] for state, name in STATES.items()}  # "Chờ duyệt" as a label


def get_bulletin(session: Any, bulletin_id: int) -> Bulletin:
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise NotFound(f"no bulletin {bulletin_id}")
    return bulletin


def bulletins(store: Store) -> list[dict[str, Any]]:
    with store.session() as session:
        rows = session.scalars(select(Bulletin).order_by(Bulletin.id.desc())).all()
        return [
            {
                "id": b.id,
                "title": b.title,
                "state": b.state,
                "state_name": STATE_NAMES.get(b.state, b.state),
                "flagged": b.flagged,
                "updated_at": b.updated_at,
            }
            for b in rows
        ]


def documents(store: Store, limit: int = 50) -> list[Document]:
    with store.session() as session:
        return list(session.scalars(select(Document).order_by(Document.id.desc()).limit(limit)))


def bulletin_view(store: Store, bulletin_id: int, dialect: str = "north") -> dict[str, Any]:
    with store.session() as session:
        bulletin = get_bulletin(session, bulletin_id)
        document = session.get(Document, bulletin.document_id) if bulletin.document_id else None
        scripts = current_scripts(session, bulletin_id)
        media = session.scalars(
            select(MediaAsset).where(MediaAsset.bulletin_id == bulletin_id).order_by(MediaAsset.created_at.desc())
        ).all()
        approvals = session.scalars(select(Approval).where(Approval.bulletin_id == bulletin_id)).all()
        bookings = session.scalars(select(BookingRow).where(BookingRow.bulletin_id == bulletin_id)).all()
        bundle = current_bundle(session, bulletin_id)
        vi = scripts.get("vi")
        sentences = [{**s, "spoken": normalize(s["text"], dialect)} for s in (vi.sentences if vi else [])]
        return {
            "bulletin": bulletin,
            "state_name": STATE_NAMES.get(bulletin.state, bulletin.state),
            "document": document,
            "scripts": scripts,
            "sentences": sentences,
            "media": list(media),
            "approvals": list(approvals),
            "bookings": list(bookings),
            "last_editor": vi.author if vi else None,
            "bundle": bundle.sha256,  # the approve form sends it back: approving a changed bulletin is refused
            "delivery": bundle.media,  # the audio an approval now would bind (and the only one delivered)
            "approved_media": approved_media(session, bulletin_id),
            **review_context(session, bulletin_id),
        }


def on_air_notice(store: Store, bulletin_id: int) -> str:
    """What an editor is told after changing a bulletin whose approved version is on air."""
    with store.session() as session:
        bulletin = get_bulletin(session, bulletin_id)
        if not changed_since_approval(session, bulletin):
            return ""
        booked = session.scalars(
            select(BookingRow.id).where(BookingRow.bulletin_id == bulletin_id, BookingRow.withdrawn.is_(False))
        ).first()
    if booked is None:
        return "Phiên bản mới cần được duyệt lại; phiên bản đã duyệt vẫn dùng được cho tới lúc đó."
    return (
        "Phiên bản mới cần được duyệt lại. Cho tới lúc đó, phiên bản đã duyệt vẫn phát theo lịch đã đặt; "
        "khi phiên bản mới được duyệt, nó sẽ thay thế trong mọi lịch phát."
    )


def language_name(code: str) -> str:
    return PROFILES[code].name_vi if code in PROFILES else code


def mix_name(key: str) -> str:
    return " + ".join(language_name(lang) for lang in mix_languages(key))


def review_context(session: Any, bulletin_id: int) -> dict[str, Any]:
    """What the bulletin and review pages show besides the Vietnamese script: each translation,
    each language mix's audio with the zones that would get it, the version on air while a
    newer one waits, and why the bulletin was last returned."""
    from broadcaster.store.models import AuditEvent

    bulletin = get_bulletin(session, bulletin_id)
    bundle = current_bundle(session, bulletin_id)
    zones = list(session.scalars(select(ZoneRow).order_by(ZoneRow.commune, ZoneRow.id)))
    tracks = []
    for key, media in bundle.mixes.items():
        wanted = set(mix_languages(key))
        names = [
            z.name or z.id
            for z in zones
            if mix_key(["vi", *[lang for lang in z.languages or [] if lang in bundle.scripts]]) == key
        ]
        tracks.append({"key": key, "name": mix_name(key), "media": media, "zones": names, "languages": wanted})
    missing = sorted(
        {lang for z in zones for lang in z.languages or [] if lang in bundle.scripts and lang != "vi"}
        - {lang for key in bundle.mixes for lang in mix_languages(key)}
    )
    translations = [
        {"language": lang, "name": language_name(lang), "text": script.text, "author": script.author, "version": script.version}
        for lang, script in sorted(bundle.scripts.items())
        if lang != "vi"
    ]
    approval = on_air(session, bulletin)
    live = None
    if approval is not None and changed_since_approval(session, bulletin):
        playing = approved_media(session, bulletin_id)
        live = {"approver": approval.approver, "at": approval.at, "media": playing}
    returned = None
    if bulletin.state in ("rejected", "draft", "in_review"):
        event = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.subject == f"bulletin:{bulletin_id}", AuditEvent.action == "bulletin.rejected")
            .order_by(AuditEvent.id.desc())
        ).first()
        if event is not None:
            returned = {"by": event.actor, "at": event.at, "comment": (event.detail or {}).get("comment", "")}
    return {
        "tracks": tracks,
        "missing_audio": [language_name(lang) for lang in missing],
        "translations": translations,
        "on_air": live,
        "returned": returned,
    }


def returned_to(store: Store, username: str) -> list[dict[str, Any]]:
    """The bulletins an editor wrote that an approver returned and nobody resubmitted, with the reason."""
    from broadcaster.store.models import AuditEvent

    out = []
    with store.session() as session:
        for bulletin in session.scalars(select(Bulletin).where(Bulletin.state.in_(("rejected", "draft")))):
            event = session.scalars(
                select(AuditEvent)
                .where(AuditEvent.subject == f"bulletin:{bulletin.id}", AuditEvent.action == "bulletin.rejected")
                .order_by(AuditEvent.id.desc())
            ).first()
            if event is None:
                continue
            authors = {v.author for v in current_scripts(session, bulletin.id).values()}
            if username and username not in authors:
                continue
            out.append(
                {
                    "id": bulletin.id,
                    "title": bulletin.title,
                    "by": event.actor,
                    "at": event.at,
                    "comment": (event.detail or {}).get("comment", ""),
                }
            )
    return sorted(out, key=lambda r: r["at"], reverse=True)


def submit_for_review(store: Store, settings: Settings, actor: Actor, bulletin_id: int) -> str:
    """Send for review with audio of the saved scripts: audio of an older version is never what
    the approver hears (it is rendered first). Returns what the editor is told."""
    from broadcaster.app.workflow import submit

    require(actor, Action.SUBMIT)
    rendered = False
    with store.session() as session:
        bulletin = get_bulletin(session, bulletin_id)
        stale = bulletin.kind in ("document", "notice") and current_bundle(session, bulletin_id).media is None
    if stale:
        render_audio(store, settings, actor, bulletin_id)
        rendered = True
    with store.session() as session:
        submit(session, get_bulletin(session, bulletin_id), actor)
    return "Đã tạo âm thanh mới cho phiên bản đã lưu và gửi duyệt" if rendered else "Đã gửi duyệt"


class EditConflict(WorkflowError):
    """Someone saved a newer version since this editor opened the page (another tab, another person)."""

    def __init__(self, bulletin_id: int, seen: int, current: int, author: str) -> None:
        said = (
            f"Bản tin #{bulletin_id} đã được {author} lưu thành phiên bản {current} sau khi bạn mở trang "
            f"(bạn sửa từ phiên bản {seen}). Chưa lưu gì: hãy mở lại bản tin, xem phiên bản mới rồi sửa tiếp."
        )
        super().__init__(said, "vi.text", text=said)


def save_script(
    store: Store, actor: Actor, bulletin_id: int, texts: list[str], language: str = "vi", based_on: int | None = None
) -> ScriptVersion:
    """Keep each edited sentence's citation; a new sentence is marked as the editor's own.

    `based_on` is the version the editor's page showed: a newer one saved meanwhile (a second
    tab) is never silently overwritten.
    :raises EditConflict: when the script moved on since `based_on`.
    """
    texts = [" ".join(t.split()) for t in texts if t.strip()]
    if not texts:
        raise WorkflowError("a script needs at least one sentence", "workflow.empty_script")
    with store.session() as session:
        bulletin = get_bulletin(session, bulletin_id)
        previous = current_scripts(session, bulletin_id).get(language)
        if based_on is not None and previous is not None and previous.version != based_on:
            raise EditConflict(bulletin_id, based_on, previous.version, previous.author)
        old = previous.sentences if previous else []
        sentences = [{"text": t, "source": old[i]["source"] if i < len(old) else None} for i, t in enumerate(texts)]
        version = edit_script(session, bulletin, actor, language, " ".join(texts), sentences)
        if language == "vi":  # saving is allowed with findings; the approver ticks each kind (workflow.approve)
            from broadcaster.app.assist import refresh_warnings

            refresh_warnings(bulletin, sentences)
        return version


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
    _review_new_audio(session, actor, bulletin, rendered)
    return rendered


def _review_new_audio(session: Any, actor: Actor, bulletin: Bulletin, rendered: dict[str, MediaAsset]) -> None:
    """New audio a zone of its bookings would hear: a new version for review (the approved one plays on)."""
    if bulletin.state not in ("approved", "scheduled"):
        return
    spoken = spoken_languages(session, bulletin.id)
    approval = on_air(session, bulletin)
    if approval is not None and approval.media is not None:
        approved = set(approval.media.values())
    else:
        legacy = approved_media(session, bulletin.id)
        approved = {legacy.sha256} if legacy is not None else set()
    new = [m.sha256 for key, m in rendered.items() if set(mix_languages(key)) <= spoken and m.sha256 not in approved]
    if new:
        bulletin.state = "in_review"
        audit(session, actor, "bulletin.in_review", f"bulletin:{bulletin.id}", reason="new audio", media=new[0])


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
        if bulletin.state in ("approved", "scheduled") and language in spoken_languages(session, bulletin_id):
            bulletin.state = "in_review"  # new audio a zone would hear: a new version for review
        audit(session, actor, "recording.uploaded", f"bulletin:{bulletin_id}", language=language, sha256=asset.sha256)
        session.flush()
        if bulletin.kind not in ("relay", "audio", "recording") and "vi" in current_scripts(session, bulletin_id):
            try:  # the zones that speak it get it: rendered now, so the approver hears it
                render_mixes(session, settings, actor, bulletin, only=language, strict=False)
            except WorkflowError:
                pass
        return asset


def translation_tasks(store: Store, actor: Actor) -> list[dict[str, Any]]:
    """One task per bulletin under review or approved, per language spoken in some zone."""
    with store.session() as session:
        languages = sorted({lang for z in session.scalars(select(ZoneRow)) for lang in (z.languages or []) if lang != "vi"})
        if actor.role is Role.TRANSLATOR:
            languages = [lang for lang in languages if lang in actor.languages]
        tasks = []
        for bulletin in session.scalars(
            select(Bulletin).where(Bulletin.state.in_(("in_review", "approved", "scheduled", "draft")))
        ):
            scripts = current_scripts(session, bulletin.id)
            for language in languages:
                done = language in scripts
                tasks.append(
                    {
                        "bulletin": bulletin.id,
                        "title": bulletin.title,
                        "language": language,
                        "language_name": PROFILES[language].name_vi if language in PROFILES else language,
                        "done": done,
                        "recorded": done and recording_of(session, bulletin.id, language, scripts[language].sha256) is not None,
                    }
                )
        return tasks


def translation_memory(store: Store, language: str) -> dict[str, str]:
    """Previously saved translations of identical Vietnamese sentences, for reuse."""
    memory: dict[str, str] = {}
    with store.session() as session:
        for version in session.scalars(
            select(ScriptVersion).where(ScriptVersion.language == language).order_by(ScriptVersion.id)
        ):
            for sentence in version.sentences or []:
                source = (sentence.get("source") or {}).get("vi")
                if source:
                    memory[source] = sentence["text"]
    return memory


def save_translation(
    store: Store,
    actor: Actor,
    bulletin_id: int,
    language: str,
    pairs: list[tuple[str, str]],
    settings: Settings | None = None,
) -> ScriptVersion:
    kept = [(vi, " ".join(t.split())) for vi, t in pairs if t.strip()]
    if not kept:
        raise WorkflowError("type at least one translated sentence", "workflow.empty_translation")
    sentences: list[dict[str, Any]] = [{"text": text, "source": {"vi": vi}} for vi, text in kept]
    with store.session() as session:
        bulletin = get_bulletin(session, bulletin_id)
        version = edit_script(session, bulletin, actor, language, " ".join(text for _vi, text in kept), sentences)
        session.flush()
    if settings is not None:  # rendered on save, so the approver reads and hears it
        with store.session() as session:
            bulletin = get_bulletin(session, bulletin_id)
            if bulletin.kind not in ("relay", "audio", "recording") and "vi" in current_scripts(session, bulletin_id):
                try:
                    render_mixes(session, settings, actor, bulletin, only=language, strict=False)
                except WorkflowError:
                    pass  # the translation is kept; the approver is shown that its audio is missing
    return version


def week(store: Store, zone_id: str, start: date) -> dict[str, Any]:
    """A zone's week: slots, quiet hours, planned items and what could not be planned, by local day."""
    with store.session() as session:
        row = session.get(ZoneRow, zone_id)
        if row is None:
            raise NotFound(f"no zone {zone_id}")
        zone = zone_of(row)
        planner = build_planner(session, start, 7)
        items = planner.zone_items(zone_id)
        rejections = [r for r in planner.plan().rejections if r.zone == zone_id]
    tz = ZoneInfo(zone.timezone)
    days = []
    for offset in range(7):
        day = start + timedelta(days=offset)
        days.append(
            {
                "date": day,
                "plays": [(i, i.starts_at.astimezone(tz)) for i in items if i.starts_at.astimezone(tz).date() == day],
                "rejections": [r for r in rejections if r.day == day],
            }
        )
    return {"zone": zone, "days": days}


def zones_for(store: Store, actor: Actor) -> list[ZoneRow]:
    with store.session() as session:
        rows = list(session.scalars(select(ZoneRow).order_by(ZoneRow.commune, ZoneRow.id)))
    if actor.role is Role.OFFICIAL:
        rows = [z for z in rows if z.commune in actor.communes]
    return rows


# Who reads the speakers and the bookings (issue 22 #12): those who run them (admins, officials
# in their communes) and observers. Editors, approvers and translators work on bulletins: the
# calendar tells editors and approvers what plays when; the bookings list (who booked what,
# where) and the speakers of every commune are not theirs to read.
READS_OPERATIONS = frozenset({Role.ADMIN, Role.OFFICIAL, Role.OBSERVER})


def require_operations(actor: Actor, what: str) -> None:
    """:raises PermissionDenied: for a role that does not run or observe the speakers."""
    if actor.role not in READS_OPERATIONS:
        raise PermissionDenied(f"{actor.username} ({actor.role.value}) may not read {what}", "perm.page")


def require_calendar(actor: Actor) -> None:
    """:raises PermissionDenied: translators (their work is the text, not when it plays)."""
    if actor.role is Role.TRANSLATOR:
        raise PermissionDenied(f"{actor.username} (translator) may not read the calendars", "perm.page")


def devices(store: Store, actor: Actor) -> list[dict[str, Any]]:
    require_operations(actor, "the speakers")
    visible = {z.id: z for z in zones_for(store, actor)}
    with store.session() as session:
        out = []
        for d in session.scalars(select(DeviceRow).order_by(DeviceRow.id)):
            if d.zone_id not in visible:
                continue
            state = d.state or {}
            out.append(
                {
                    "id": d.id,
                    "name": d.name or d.id,
                    "zone": d.zone_id,
                    "zone_name": visible[d.zone_id].name or d.zone_id,
                    "online": d.online,
                    "last_seen": aware(d.last_seen),
                    "volume": state.get("volume"),
                    "amplifier_on": state.get("amplifier_on"),
                    "last_play": state.get("last_play_at"),
                    "firmware": state.get("firmware"),
                }
            )
        return out
