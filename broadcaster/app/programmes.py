"""Product actions that create bulletins: from a stored document, and every programme a commune airs.

The console, the JSON API, the CLI, the service (auto-draft) and the demo all call these
functions, so a bulletin made from any front door goes through the same workflow: created as a
draft by an editor, audited, rendered, then submitted and approved by another person.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from broadcaster.app import bulletin_audio, bulletins
from broadcaster.app.approval import approve
from broadcaster.app.workflow import Action, Actor, Role, WorkflowError, audit, create_bulletin, require, submit
from broadcaster.config import Settings
from broadcaster.errors import AppError, NotFound
from broadcaster.store.engine import Store
from broadcaster.store.models import AuditEvent, Bulletin, Document
from scripts.draft import Script, draft, draft_warnings
from scripts.errors import ScriptsError
from scripts.legal import LegalDocument, parse

log = logging.getLogger(__name__)

AUTO_DRAFTER = Actor("tu-dong", Role.EDITOR, address="service")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
KINDS = {
    "document": "Bản tin văn bản",
    "notice": "Thông báo",
    "audio": "Tệp âm thanh",
    "recording": "Bản ghi âm",
    "relay": "Tiếp sóng",
    "emergency": "Tin khẩn cấp",
    "emergency_rec": "Tin khẩn cấp ghi âm",
    "live": "Nói trực tiếp",
}
MAX_NOTICE_CHARS = 8000
MAX_TITLE_CHARS = 200


class ProgrammeError(AppError, ValueError):
    """A programme cannot be created from what was given; the message, in Vietnamese, says what to change."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "vi.text", text=message)


class DocumentNotFound(NotFound, ProgrammeError):
    """No stored document has that id (a 404 in the console, an error line in the CLI)."""


class AlreadyDrafted(ProgrammeError):
    """The document already has a bulletin: say which, and let the user ask for another one explicitly."""

    def __init__(self, document_id: int, bulletin_ids: list[int]) -> None:
        self.document_id = document_id
        self.bulletin_ids = bulletin_ids
        listed = ", ".join(f"#{b}" for b in bulletin_ids)
        super().__init__(
            f"Văn bản {document_id} đã có bản tin {listed}. Mở bản tin đó, hoặc chọn “tạo thêm” nếu thật sự cần bản tin mới."
        )


class RenderFailed(ProgrammeError):
    """The bulletin was created but its audio could not be made; the editor can render it again."""

    def __init__(self, bulletin_id: int, reason: str) -> None:
        self.bulletin_id = bulletin_id
        super().__init__(
            f"Đã tạo bản tin #{bulletin_id} nhưng chưa tạo được âm thanh ({reason}). Mở bản tin và bấm “Tạo âm thanh”."
        )


@dataclass
class DocumentView:
    """A stored document re-parsed, with the script the drafter proposes and its existing bulletins."""

    document: Document
    parsed: LegalDocument | None
    script: Script | None
    problem: str = ""
    bulletins: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _document(session: Any, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise DocumentNotFound(f"Không có văn bản số {document_id}; xem danh sách “Văn bản mới” trong bảng điều khiển.")
    return document


def _parse_and_draft(text: str, settings: Settings) -> tuple[LegalDocument, Script]:
    """Re-parse the stored text (parser fixes since ingest apply) and draft its script."""
    try:
        parsed = parse(text)
        return parsed, draft(parsed, settings.dialect)
    except ScriptsError as exc:
        raise ProgrammeError(f"Không soạn được kịch bản từ văn bản này: {exc}") from exc


def document_bulletins(store: Store, document_ids: list[int] | None = None) -> dict[int, list[dict[str, Any]]]:
    """Bulletins made from each document (withdrawn ones excluded), newest first."""
    with store.session() as session:
        query = select(Bulletin).where(Bulletin.document_id.is_not(None), Bulletin.state != "withdrawn")
        if document_ids is not None:
            query = query.where(Bulletin.document_id.in_(document_ids))
        out: dict[int, list[dict[str, Any]]] = {}
        for b in session.scalars(query.order_by(Bulletin.id.desc())):
            out.setdefault(int(b.document_id or 0), []).append(
                {"id": b.id, "title": b.title, "state": b.state, "state_name": bulletins.STATE_NAMES.get(b.state, b.state)}
            )
        return out


def document_view(store: Store, settings: Settings, document_id: int) -> DocumentView:
    with store.session() as session:
        document = _document(session, document_id)
        session.expunge(document)
    view = DocumentView(document, None, None, bulletins=document_bulletins(store, [document_id]).get(document_id, []))
    try:
        view.parsed, view.script = _parse_and_draft(document.text, settings)
    except ProgrammeError as exc:
        view.problem = str(exc)
        try:
            view.parsed = parse(document.text)
        except ScriptsError:
            pass
    if view.parsed is not None:
        view.warnings = [str(w) for w in getattr(view.parsed, "warnings", None) or ()]
    return view


def bulletin_from_document(
    store: Store, settings: Settings, actor: Actor, document_id: int, *, again: bool = False, render: bool = True
) -> int:
    """Draft, create (Vietnamese script, audited) and render the bulletin for a stored document.

    A document that already has a live bulletin raises AlreadyDrafted unless `again` is set, so a
    double click or a re-run does not make duplicates.

    :raises LookupError: no such document.
    :raises PermissionDenied: the actor may not edit bulletins.
    :raises ProgrammeError: the document cannot be drafted, or (RenderFailed) the audio failed.
    """
    require(actor, Action.EDIT)
    with store.session() as session:
        document = _document(session, document_id)
        text = document.text
    if not again:
        existing = document_bulletins(store, [document_id]).get(document_id)
        if existing:
            raise AlreadyDrafted(document_id, [b["id"] for b in existing])
    parsed, script = _parse_and_draft(text, settings)
    with store.session() as session:
        bulletin = create_bulletin(session, actor, parsed.full_title, document_id, "vi", script.text, script.sentence_dicts())
        bulletin.draft_warnings = draft_warnings(parsed, script)
        session.flush()
        bulletin_id = bulletin.id
        audit(session, actor, "document.drafted", f"document:{document_id}", bulletin=bulletin_id, again=again)
    if render:
        _render(store, settings, actor, bulletin_id)
    return bulletin_id


def _render(store: Store, settings: Settings, actor: Actor, bulletin_id: int) -> None:
    from media.errors import MediaError
    from tts.base import TTSError

    try:
        bulletin_audio.render_audio(store, settings, actor, bulletin_id)
    except (TTSError, MediaError, WorkflowError) as exc:  # WorkflowError: a sentence still unsayable
        with store.session() as session:
            audit(session, actor, "bulletin.render_failed", f"bulletin:{bulletin_id}", reason=str(exc))
        raise RenderFailed(bulletin_id, _vietnamese(exc)) from exc


def _vietnamese(exc: BaseException) -> str:
    """A stage's English error as the sentence the console would show for it."""
    from broadcaster.app.messages import explain

    return explain(exc).text


def auto_draft_new(store: Store, settings: Settings) -> list[int]:
    """For the service: draft, render and submit for review every document from a feed not yet drafted.

    Only when `settings.auto_draft` is on, and only documents a feed brought (`Document.feed`): one
    an editor ingested by hand is drafted when a person asks. Each document is tried once (an
    audit event marks the attempt), so a document that cannot be drafted is not retried every
    poll and a bulletin an editor withdrew is not re-created. Bulletins are left in review: a
    person must approve them.
    """
    if not getattr(settings, "auto_draft", False):
        return []
    with store.session() as session:
        tried = {
            e.subject
            for e in session.scalars(select(AuditEvent).where(AuditEvent.action.in_(("document.auto_draft", "document.drafted"))))
        }
        drafted = set(session.scalars(select(Bulletin.document_id).where(Bulletin.document_id.is_not(None))))
        pending = [
            d
            for d in session.scalars(select(Document.id).where(Document.feed != "").order_by(Document.id))
            if d not in drafted and f"document:{d}" not in tried
        ]
    made: list[int] = []
    for document_id in pending:
        try:
            bulletin_id = bulletin_from_document(store, settings, AUTO_DRAFTER, document_id)
        except ProgrammeError as exc:
            log.warning("auto-draft of document %s failed: %s", document_id, exc)
            with store.session() as session:
                audit(session, AUTO_DRAFTER, "document.auto_draft", f"document:{document_id}", error=str(exc))
            continue  # a bulletin whose audio failed stays a draft for an editor to render
        with store.session() as session:
            bulletin = bulletins.get_bulletin(session, bulletin_id)
            submit(session, bulletin, AUTO_DRAFTER)
            audit(session, AUTO_DRAFTER, "document.auto_draft", f"document:{document_id}", bulletin=bulletin_id)
        made.append(bulletin_id)
    return made


# -- the programmes a commune airs: each one a bulletin with the same workflow ------------------
def _title(title: str, fallback: str) -> str:
    title = " ".join(title.split()) or fallback
    if len(title) > MAX_TITLE_CHARS:
        raise ProgrammeError(f"Tiêu đề dài {len(title)} ký tự; hãy rút gọn dưới {MAX_TITLE_CHARS} ký tự.")
    return title


def _create(store: Store, actor: Actor, kind: str, title: str, sentences: list[dict[str, Any]], **columns: Any) -> int:
    with store.session() as session:
        bulletin = create_bulletin(session, actor, title, None, "vi", " ".join(s["text"] for s in sentences), sentences)
        bulletin.kind = kind
        for name, value in columns.items():
            setattr(bulletin, name, value)
        session.flush()
        audit(session, actor, "programme.created", f"bulletin:{bulletin.id}", kind=kind, **columns)
        return bulletin.id


def notice(store: Store, settings: Settings, actor: Actor, title: str, text: str, kind: str = "notice") -> int:
    """A typed announcement read by the Vietnamese voice: one script sentence per written sentence.

    :raises ProgrammeError: empty or over-long text (nothing is stored).
    """
    require(actor, Action.EDIT)
    text = " ".join(text.split())
    if not text:
        raise ProgrammeError("Thông báo trống: hãy gõ nội dung cần đọc trên loa.")
    if len(text) > MAX_NOTICE_CHARS:
        raise ProgrammeError(f"Thông báo dài {len(text)} ký tự; tối đa {MAX_NOTICE_CHARS} ký tự cho một lần phát.")
    sentences = [{"text": part, "source": None} for part in SENTENCE_END.split(text) if part.strip()]
    from scripts.errors import SpokenFormError
    from scripts.spoken import check_spoken, normalize

    try:  # the render's last gate, checked before anything is stored
        check_spoken([normalize(str(s["text"]), settings.dialect) for s in sentences])
    except SpokenFormError as exc:
        raise ProgrammeError(f"Thông báo có chỗ máy chưa đọc được ({exc}); hãy viết thành chữ.") from exc
    bulletin_id = _create(store, actor, kind, _title(title, " ".join(text.split()[:10])), sentences)
    _render(store, settings, actor, bulletin_id)
    return bulletin_id


def submit_and_approve(store: Store, bulletin_id: int, editor: Actor, approver: Actor) -> None:
    """Four eyes: the editor submits, then another person approves, having read each draft warning.

    :raises PermissionDenied: the approver is the bulletin's last editor, or may not approve.
    :raises WorkflowError: the bulletin is not a draft, or has no audio to approve.
    """
    with store.session() as session:
        submit(session, bulletins.get_bulletin(session, bulletin_id), editor)
    with store.session() as session:
        bulletin = bulletins.get_bulletin(session, bulletin_id)
        read = [w["code"] for w in bulletin.draft_warnings or []]
        approve(session, bulletin, approver, acknowledged=read)


def approved_notice(store: Store, settings: Settings, editor: Actor, approver: Actor, title: str, text: str) -> int:
    """A typed notice written, rendered and approved the product's way, ready to book.

    What the benchmarks and tests air: the same path as the console, no hand-made audio rows.
    """
    bulletin_id = notice(store, settings, editor, title, text)
    submit_and_approve(store, bulletin_id, editor, approver)
    return bulletin_id


def uploaded_audio(store: Store, settings: Settings, actor: Actor, title: str, data: bytes, kind: str = "audio") -> int:
    """An uploaded file or a browser recording: decoded, checked, mastered to the house loudness, stored by hash.

    The file is checked before anything is stored, so a file that is not audio leaves no trace.
    :raises ProgrammeError: not audio, silent, too short or too long.
    """
    require(actor, Action.EDIT)
    if kind not in ("audio", "recording"):
        raise ProgrammeError(f"unknown audio programme kind {kind!r}")
    return audio_bulletin(store, settings, actor, _title(title, KINDS[kind]), data, kind)


def audio_bulletin(store: Store, settings: Settings, actor: Actor, title: str, data: bytes, kind: str) -> int:
    """A bulletin whose audio is `data`, mastered and stored; the caller has checked the actor's right.

    :raises ProgrammeError: not audio, silent, too short or too long (nothing is stored).
    """
    from broadcaster.app.rendering import ARTIST, keep_audio
    from media.master import MasterSettings, master
    from media.store import MediaStore
    from tts.recorded import RecordingError, load_recording

    try:
        audio = load_recording(data, max_s=settings.max_recording_s)
    except RecordingError as exc:
        raise ProgrammeError(f"Tệp này không dùng được làm chương trình phát thanh: {_vietnamese(exc)}") from exc
    mastered, _ = master(audio, MasterSettings(target_lufs=settings.target_lufs))
    label = f"[{KINDS.get(kind, kind)}: {title}, {mastered.duration_s:.0f} giây]"
    bulletin_id = _create(store, actor, kind, title, [{"text": label, "source": None}])
    with store.session() as session:
        from broadcaster.app.approval import scripts_sha
        from broadcaster.app.workflow import current_scripts

        scripts = current_scripts(session, bulletin_id)
        tags = {"title": title[:60], "artist": ARTIST}
        media = MediaStore(settings.media_dir)
        asset, _, _ = keep_audio(session, media, mastered, bulletin_id, "vi", scripts["vi"].sha256, tags)
        asset.scripts_sha256 = scripts_sha(scripts)  # the approval binds this audio to this script
        audit(session, actor, "media.uploaded", f"bulletin:{bulletin_id}", sha256=asset.sha256, kind=kind)
    return bulletin_id
