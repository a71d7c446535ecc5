"""The stages wired to the store: ingest, draft, render. Each returns what it stored."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from broadcaster.app.workflow import Actor, WorkflowError, audit, current_scripts, scripts_sha
from broadcaster.store.models import Bulletin, Document, IngestFailure, MediaAsset, ScriptVersion
from media.audio import Audio
from media.bulletin import Track, sequence
from media.encode import CODECS, encode
from media.master import MasterSettings, master
from media.store import MediaStore
from scripts.draft import Script, draft
from scripts.errors import ScriptsError, SpokenFormError
from scripts.ingest import Fetcher, load_document, read_feed
from scripts.legal import LegalDocument, parse
from scripts.spoken import check_spoken, normalize
from tts.registry import Registry

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

    `extra_tracks` follow the Vietnamese track: zone languages, synthesized or recorded.
    `scripts` are every language's versions the tracks were made from (default: the current
    ones in this session); the asset records them, so an approval can bind this exact audio.
    """
    used = dict(scripts) if scripts is not None else current_scripts(session, script.bulletin_id)
    used[script.language] = script
    timings: dict[str, float] = {} if timer is None else timer
    t0 = time.perf_counter()
    spoken = [normalize(s["text"], dialect) for s in script.sentences]
    try:
        check_spoken(spoken)  # the last gate: nothing unsayable reaches a speaker
    except SpokenFormError as exc:
        raise WorkflowError(str(exc)) from exc
    t1 = time.perf_counter()
    parts = tuple(registry.synthesize(text, script.language, dialect)[0] for text in spoken)
    t2 = time.perf_counter()
    assembled = sequence([Track(script.language, parts), *(extra_tracks or [])], settings)
    mastered, loudness = master(assembled, settings)
    t3 = time.perf_counter()
    codec = CODECS["mp3"]
    data = encode(mastered, codec, {"title": title, "album": number, "artist": "Loa truyền thanh cơ sở"})
    duration_ms = int(round(len(mastered.samples) / mastered.rate * 1000))
    stored = media.put(data, codec.extension, duration_ms, codec.name)
    t4 = time.perf_counter()
    asset = session.get(MediaAsset, (stored.sha256, script.bulletin_id))
    if asset is None:
        asset = MediaAsset(
            sha256=stored.sha256,
            bulletin_id=script.bulletin_id,
            language=script.language,
            script_sha256=script.sha256,
            codec=codec.name,
            extension=codec.extension,
            bytes=stored.bytes,
            duration_ms=duration_ms,
            loudness_lufs=loudness.integrated_lufs,
            true_peak_dbtp=float(loudness.true_peak_dbtp),
        )
        session.add(asset)
    asset.scripts_sha256 = scripts_sha(used)  # identical bytes: the same audio, now of these scripts
    timings.update({"normalize": t1 - t0, "synthesize": t2 - t1, "master": t3 - t2, "encode": t4 - t3})
    return Rendered(mastered, data, asset, spoken, loudness.integrated_lufs, float(loudness.true_peak_dbtp), timings)


__all__ = ["Actor", "IngestResult", "Rendered", "Track", "draft_script", "ingest", "render"]
