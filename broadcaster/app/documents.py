"""Documents wired to the store: ingested from feeds and files, parsed, flagged when amended, drafted."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

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


__all__ = ["IngestResult", "draft_script", "ingest"]
