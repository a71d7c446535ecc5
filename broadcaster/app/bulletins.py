"""A bulletin as editors, translators and approvers work on it: the list, the page and what the
review shows, saving a script or a translation, sending it for review. Each action checks
permissions through the workflow; its audio is made in `app.bulletin_audio`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from broadcaster.app.approval import approved_media, changed_since_approval, current_bundle, mix_key, mix_languages, on_air
from broadcaster.app.bulletin_audio import recording_of, render_audio, render_mixes
from broadcaster.app.messages import STATES
from broadcaster.app.workflow import (
    Action,
    Actor,
    Role,
    WorkflowError,
    current_scripts,
    edit_script,
    get_bulletin,
    require,
)
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.store.models import Approval, BookingRow, Bulletin, Document, MediaAsset, ScriptVersion, ZoneRow
from scripts.spoken import normalize
from tts.languages import PROFILES

STATE_NAMES = {state: name[:1].upper() + name[1:] for state, name in STATES.items()}  # "Chờ duyệt" as a label


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
        if language == "vi":  # saving is allowed with findings; the approver ticks each kind (approval.approve)
            from broadcaster.app.assist import refresh_warnings

            refresh_warnings(bulletin, sentences)
        return version


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
