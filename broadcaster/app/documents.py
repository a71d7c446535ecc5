"""Documents wired to the store: ingested from feeds and files, parsed, flagged when amended, drafted."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from broadcaster.app.workflow import audit
from broadcaster.store.models import Bulletin, Document, IngestFailure
from scripts.draft import Script, draft
from scripts.errors import ScriptsError
from scripts.ingest import Fetcher, load_document, read_feed
from scripts.legal import LegalDocument, parse

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    stored: list[Document] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    parsed: dict[int, LegalDocument] = field(default_factory=dict)


def _store_document(session: Session, origin: str, text: str, result: IngestResult, feed: str = "") -> None:
    parsed = parse(text)
    existing = session.scalars(
        select(Document).where(
            or_(Document.sha256 == parsed.sha256, (Document.number == parsed.number) & (Document.issuer == parsed.issuer))
        )
    ).first()
    if existing is not None:
        result.unchanged.append(origin)
        result.parsed[existing.id] = parsed
        return
    row = Document(
        number=parsed.number,
        issuer=parsed.issuer,
        doc_type=parsed.doc_type,
        title=parsed.title,
        issued_on=parsed.issued_on,
        effective_on=parsed.effective_on,
        sha256=parsed.sha256,
        origin=origin,
        feed=feed,
        text=parsed.text,
        relations=[{"kind": r.kind, "number": r.number, "article": r.article} for r in parsed.relations],
    )
    session.add(row)
    session.flush()
    audit(session, "system", "document.ingested", f"document:{row.id}", number=parsed.number, origin=origin, feed=feed)
    flag_affected(session, row, parsed)
    result.stored.append(row)
    result.parsed[row.id] = parsed


VERBS = {"amends": "sửa đổi, bổ sung", "replaces": "thay thế", "repeals": "bãi bỏ"}


def flag_affected(session: Session, row: Document, parsed: LegalDocument) -> list[Bulletin]:
    """Amendment watch: bulletins about a document this one amends, replaces or repeals are flagged."""
    flagged = []
    for relation in parsed.relations:
        for target in session.scalars(select(Document).where(Document.number == relation.number)):
            for bulletin in session.scalars(select(Bulletin).where(Bulletin.document_id == target.id)):
                if bulletin.state == "withdrawn":
                    continue
                bulletin.flagged = f"{parsed.doc_type} số {parsed.number} {VERBS[relation.kind]} văn bản số {relation.number}"
                audit(session, "system", "bulletin.flagged", f"bulletin:{bulletin.id}", by=parsed.number, kind=relation.kind)
                flagged.append(bulletin)
    return flagged


def ingest(session: Session, sources: list[str], fetcher: Fetcher, polled: bool = False) -> IngestResult:
    """Ingest feeds and files; a bad item is recorded with its reason and the batch goes on.

    Each document keeps the feed that listed it (`Document.feed`): the service auto-drafts only
    those, never a document someone ingested by hand. `polled` is the service polling its
    configured feeds: what they bring came from a feed even when a configured URL is a document.
    """
    result = IngestResult()
    for source in sources:
        locations = [source]
        feed = source if polled else ""
        if source.lower().endswith((".xml", ".rss", ".atom")) or "rss" in source.lower():
            feed = source
            try:
                items = read_feed(source, fetcher)
            except ScriptsError as exc:
                _fail(session, source, str(exc), result)
                continue
            for item in items:
                if item.problem:  # a link to a local file, a device or another scheme
                    _fail(session, item.link, item.problem, result)
            locations = [item.link for item in items if item.link and not item.problem]
        for location in locations:
            try:
                doc = load_document(location, fetcher)
                with session.begin_nested():
                    _store_document(session, location, doc.text, result, feed)
            except ScriptsError as exc:
                _fail(session, location, str(exc), result)
    return result


def _fail(session: Session, origin: str, reason: str, result: IngestResult) -> None:
    log.warning("ingest failed for %s: %s", origin, reason)
    session.add(IngestFailure(origin=origin, reason=reason))
    result.failures.append((origin, reason))


def draft_script(parsed: LegalDocument, dialect: str = "north") -> Script:
    return draft(parsed, dialect)


class _Upload:
    """A fetcher over one uploaded file: the console's documents go through the CLI's `ingest`."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name, self.data = name, data

    def fetch(self, url: str) -> bytes:
        if url != self.name:
            raise OSError(f"only the uploaded file {self.name} can be read")
        return self.data


UPLOAD_TYPES = (".pdf", ".docx", ".html", ".htm", ".txt")
# what the reader says of a bad file, said to a commune editor (the English stays in the log)
UPLOAD_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("pages, more than", "Tệp PDF có quá nhiều trang; hãy tách riêng văn bản cần phát."),
    ("MB allowed", "Tệp quá lớn (tối đa {mb} MB); hãy tải lên riêng văn bản cần phát."),
    ("MB a document", "Tệp chữ quá lớn để là một văn bản; hãy kiểm tra lại tệp."),
    ("characters", "Văn bản quá dài; hãy tải lên phần cần phát."),
    ("took longer", "Đọc tệp quá lâu nên đã dừng: tệp có thể bị hỏng; hãy xin bản khác."),
    ("no text layer", "Tệp PDF là ảnh quét, không có lớp chữ; hãy nhận dạng chữ (OCR) trước hoặc tải lên bản chữ."),
    ("not a readable PDF", "Không đọc được tệp PDF này (tệp hỏng hoặc không phải PDF)."),
    ("not a readable .docx", "Không đọc được tệp Word này (tệp hỏng hoặc không phải .docx)."),
    ("not text in UTF-8", "Tệp chữ không ở bảng mã UTF-8, UTF-16 hay Windows-1258."),
    ("no document number", 'Không tìm thấy số hiệu văn bản ("Số: …") ở đầu tệp: đây có phải văn bản pháp luật không?'),
    ("who issued", "Không tìm thấy cơ quan ban hành ở phần đầu văn bản."),
    ("has no text", "Tệp không có chữ nào."),
    ("unsupported file type", "Chỉ nhận tệp PDF, Word (.docx), HTML hoặc văn bản thuần (.txt)."),
)


def upload_problem(reason: str) -> str:
    from scripts.limits import MB, Limits

    for needle, said in UPLOAD_PROBLEMS:
        if needle in reason:
            return said.format(mb=Limits().max_file_bytes // MB)
    return "Không đọc được văn bản từ tệp này; hãy kiểm tra lại tệp."


def known_problem(reason: str) -> str:
    """What the CLI says of a refused file: the console's Vietnamese sentence when the reader's reason
    is one it knows, else the reason itself (a path not found, a feed's own error)."""
    if any(needle in reason for needle, _ in UPLOAD_PROBLEMS):
        return upload_problem(reason)
    return reason


@dataclass(frozen=True, slots=True)
class Uploaded:
    document_id: int | None  # the stored (or already known) document; None when refused
    new: bool
    problem: str  # Vietnamese, "" when stored


def ingest_upload(session: Session, actor: Any, name: str, data: bytes) -> Uploaded:
    """A legal document uploaded in the console: the CLI's ingest (same limits, same extraction sandbox).

    A refused file leaves only an ingest-failure row; nothing else changes.
    """
    from pathlib import PurePath

    from broadcaster.app.workflow import Action, require

    require(actor, Action.EDIT)
    base = PurePath(name.replace("\\", "/")).name.strip() or "van-ban.txt"
    if PurePath(base).suffix.lower() not in UPLOAD_TYPES:
        reason = f"unsupported file type {PurePath(base).suffix!r}"
        _fail(session, f"upload:{base}", reason, IngestResult())
        return Uploaded(None, False, upload_problem(reason))
    origin = f"upload:{base}"
    result = IngestResult()
    try:  # what `ingest` does with each file: extracted in the bounded sandbox, parsed, stored
        doc = load_document(origin, _Upload(origin, data))
        with session.begin_nested():
            _store_document(session, origin, doc.text, result)
    except ScriptsError as exc:
        _fail(session, origin, str(exc), result)
    if result.failures:
        return Uploaded(None, False, upload_problem(result.failures[0][1]))
    document_id = next(iter(result.parsed))
    audit(session, actor, "document.uploaded", f"document:{document_id}", name=base, new=bool(result.stored))
    return Uploaded(document_id, bool(result.stored), "")


__all__ = ["IngestResult", "Uploaded", "draft_script", "ingest", "ingest_upload"]
