"""Editor assist, once for every front door: the listener check beside each sentence, and the
provisions the drafter did not choose, each added to the script with its citation.

- ``findings(text)``: what a listener trips on in one sentence (``scripts.listener``), as dicts.
- ``sentence_findings(store, bulletin_id)``: the same for every sentence of the current script.
- ``refresh_warnings(bulletin, sentences)``: after an edit, the script's listener findings become
  the bulletin's draft warnings (one per kind, each sentence named), so the approver sees them
  again and ticks each kind before approving (``approval.approve``). Saving with them is allowed.
- ``suggestions(store, bulletin_id)``: ``scripts.assist.unchosen`` for the bulletin's document
  against its current script, ranked, with citation and spoken form.
- ``add_suggestion(store, actor, bulletin_id, text, after)``: an editor adds one of those
  suggestions (only one the document offers: the citation is the server's, never the caller's),
  as a new script version (audited; the audio is then stale as after any edit).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from broadcaster.app.messages import WARNINGS
from broadcaster.app.workflow import Action, Actor, WorkflowError, audit, current_scripts, edit_script, require
from broadcaster.errors import NotFound
from broadcaster.store.engine import Store
from broadcaster.store.models import Bulletin, Document

__all__ = [
    "LISTENER",
    "NotOffered",
    "add_suggestion",
    "citation",
    "findings",
    "refresh_warnings",
    "sentence_findings",
    "suggestions",
]

LISTENER = "listener."  # the prefix of the draft-warning codes this module writes
MAX_TEXT = 2000  # a sentence longer than this is not a sentence: the check says so without reading it all


class NotOffered(WorkflowError):
    """The text asked to be added is not among the document's provisions the script lacks."""

    code = "assist.not_offered"


def findings(text: str) -> list[dict[str, str]]:
    """The listener check of one sentence (empty when it can go on air as it is)."""
    from scripts.listener import check

    text = " ".join(str(text).split())
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
    return [f.to_dict() for f in check(text)] if text else []


def citation(source: dict[str, Any] | None) -> str:
    """How a Vietnamese reader cites a sentence's source ("Điểm a khoản 2 Điều 3", "Mục II, điểm 3"); "" for none."""
    from scripts.selection import Source

    if not source:
        return ""
    where = (source.get("article"), source.get("clause"), source.get("point"), source.get("quote") or "")
    label = Source(*where, source.get("amended") or "").label  # new wording also names the provision it amends
    return label[:1].upper() + label[1:]


def sentence_findings(store: Store, bulletin_id: int, language: str = "vi") -> list[dict[str, Any]]:
    with store.session() as session:
        if session.get(Bulletin, bulletin_id) is None:
            raise NotFound(f"no bulletin {bulletin_id}", "workflow.no_bulletin", bulletin=bulletin_id)
        script = current_scripts(session, bulletin_id).get(language)
        sentences = list(script.sentences) if script else []
    return [{"index": i, "text": s["text"], "findings": findings(s["text"])} for i, s in enumerate(sentences)]


def refresh_warnings(bulletin: Bulletin, sentences: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Replace the bulletin's listener warnings with those of `sentences`; the drafter's others stay."""
    kept = [w for w in bulletin.draft_warnings or [] if not str(w.get("code", "")).startswith(LISTENER)]
    found = []
    for i, sentence in enumerate(sentences, start=1):
        text = sentence["text"]
        short = text if len(text) <= 70 else text[:67].rsplit(" ", 1)[0] + " …"
        for f in findings(text):
            found.append(
                {
                    "code": LISTENER + f["code"],
                    "message": f"Câu {i} — {WARNINGS.get(LISTENER + f['code'], f['code'])}: {f['message']} (“{short}”)",
                }
            )
    bulletin.draft_warnings = kept + found
    return found


@lru_cache(maxsize=32)
def _parsed(text_sha: str, text: str) -> Any:
    from scripts.legal import parse

    return parse(text)


def _document_of(session: Session, bulletin_id: int) -> tuple[Bulletin, Document | None]:
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise NotFound(f"no bulletin {bulletin_id}", "workflow.no_bulletin", bulletin=bulletin_id)
    document = session.get(Document, bulletin.document_id) if bulletin.document_id else None
    return bulletin, document


def _unchosen(document_text: str, said: list[str], limit: int, dialect: str) -> list[Any]:
    from scripts.assist import unchosen
    from scripts.draft import Script, Sentence
    from scripts.errors import ScriptsError

    try:
        doc = _parsed(hashlib.sha256(document_text.encode()).hexdigest(), document_text)
    except ScriptsError:
        return []
    script = Script("vi", [Sentence(t, None) for t in said], 0.0, "", "", dialect)
    return unchosen(doc, script, limit=limit, dialect=dialect)


def suggestions(store: Store, bulletin_id: int, limit: int = 12, dialect: str = "north") -> list[dict[str, Any]]:
    """The provisions of the bulletin's document its Vietnamese script does not say, best for residents first."""
    with store.session() as session:
        _bulletin, document = _document_of(session, bulletin_id)
        if document is None:
            return []
        script = current_scripts(session, bulletin_id).get("vi")
        said = [s["text"] for s in (script.sentences if script else [])]
        text = document.text
    return [s.to_dict() for s in _unchosen(text, said, limit, dialect)]


RECAP = ("Xin nhắc lại", "Nhắc lại")


def closing_starts(sentences: list[dict[str, Any]]) -> int:
    """Where the script's closing begins: the trailing run of the drafter's own lines (no source: where
    to ask, thanks) and its recap. A provision added "at the end" goes before them, not after the
    goodbye; a script with no cited sentence at all takes it at its very end."""
    at = len(sentences)
    while at > 0 and (not sentences[at - 1].get("source") or str(sentences[at - 1]["text"]).startswith(RECAP)):
        at -= 1
    return at if at > 0 else len(sentences)


def add_suggestion(
    store: Store, actor: Actor, bulletin_id: int, text: str, after: int | None = None, dialect: str = "north"
) -> dict[str, Any]:
    """Add the document's provision `text` to the script, before its closing or after sentence `after` (0-based).

    :raises PermissionDenied: for anyone who may not edit (translators, officials, observers, approvers).
    :raises NotOffered: when `text` is not one of the provisions the script lacks (already said, or not in the document).
    """
    require(actor, Action.EDIT)
    wanted = " ".join(str(text).split())
    with store.session() as session:
        bulletin, document = _document_of(session, bulletin_id)
        previous = current_scripts(session, bulletin_id).get("vi")
        sentences = [dict(s) for s in (previous.sentences if previous else [])]
        offered = _unchosen(document.text, [s["text"] for s in sentences], 200, dialect) if document else []
        match = next((s for s in offered if s.text == wanted), None)
        if match is None:
            raise NotOffered(f"bulletin {bulletin_id}: that sentence is not a provision of the document the script lacks")
        at = closing_starts(sentences) if after is None or not 0 <= after < len(sentences) else after + 1
        added = match.sentences or (match.text,)  # a rule with its kinds or conditions: all of them, in order
        sentences[at:at] = [{"text": t, "source": asdict(match.source)} for t in added]
        version = edit_script(session, bulletin, actor, "vi", " ".join(s["text"] for s in sentences), sentences)
        refresh_warnings(bulletin, sentences)
        audit(
            session,
            actor,
            "script.suggestion_added",
            f"bulletin:{bulletin_id}",
            text=match.text,
            citation=match.citation,
            position=at,
            version=version.version,
        )
        session.flush()
        return {"version": version.version, "sha256": version.sha256, "position": at, "citation": match.citation}
