"""The approver's queue and a per-sentence diff of what changed since the version they compare to.

The approver sees each sentence as kept, changed (with the words removed and added), added or
removed, against the previous version of the Vietnamese script (or any earlier one they pick).
"""

from __future__ import annotations

import difflib
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape
from sqlalchemy import select

from broadcaster.app.approval import current_bundle
from broadcaster.app.bulletins import review_context
from broadcaster.app.workflow import Action
from broadcaster.errors import NotFound
from broadcaster.store.engine import Store
from broadcaster.store.models import Bulletin, ScriptVersion
from broadcaster.web.kit import viewing


def word_diff(old: str, new: str) -> Markup:
    """The new sentence with removed words struck through and added words marked."""
    a, b = old.split(), new.split()
    out: list[Markup] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Markup("<del>{}</del>").format(" ".join(a[i1:i2])))
        if j2 > j1:
            out.append(Markup("<ins>{}</ins>").format(" ".join(b[j1:j2])))
    return Markup(" ").join(out)


def sentence_diff(old: list[str], new: list[str]) -> list[dict[str, Any]]:
    """Per sentence: kept, changed (with a word diff), added or removed."""
    rows: list[dict[str, Any]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows += [{"kind": "kept", "html": escape(s)} for s in new[j1:j2]]
        elif op == "replace":
            pairs = list(zip(old[i1:i2], new[j1:j2]))
            rows += [{"kind": "changed", "html": word_diff(o, n)} for o, n in pairs]
            rows += [{"kind": "removed", "html": escape(s)} for s in old[i1 + len(pairs) : i2]]
            rows += [{"kind": "added", "html": escape(s)} for s in new[j1 + len(pairs) : j2]]
        elif op == "delete":
            rows += [{"kind": "removed", "html": escape(s)} for s in old[i1:i2]]
        else:
            rows += [{"kind": "added", "html": escape(s)} for s in new[j1:j2]]
    return rows


def review_view(store: Store, bulletin_id: int, base: int | None) -> dict[str, Any]:
    with store.session() as db:
        bulletin = db.get(Bulletin, bulletin_id)
        if bulletin is None:
            raise NotFound(f"no bulletin {bulletin_id}")
        bundle = current_bundle(db, bulletin_id)  # what the approve button binds: scripts + audio
        extra = review_context(db, bulletin_id)
        versions = list(
            db.scalars(
                select(ScriptVersion)
                .where(ScriptVersion.bulletin_id == bulletin_id, ScriptVersion.language == "vi")
                .order_by(ScriptVersion.version)
            )
        )
    if not versions:
        raise NotFound(f"no script for bulletin {bulletin_id}")
    current = versions[-1]
    earlier = [v for v in versions if v.version < current.version]
    chosen = next((v for v in earlier if v.version == base), earlier[-1] if earlier else None)
    old = [s["text"] for s in (chosen.sentences if chosen else [])]
    new = [s["text"] for s in current.sentences]
    rows = sentence_diff(old, new)
    return {
        "bulletin": bulletin,
        "current": current,
        "base": chosen,
        "earlier": earlier,
        "rows": rows,
        "changed": sum(r["kind"] != "kept" for r in rows),
        "bundle": bundle.sha256,
        "delivery": bundle.media,
        **extra,
    }


router = APIRouter()


@router.get("/cho-duyet", response_class=HTMLResponse, include_in_schema=False)
async def queue(request: Request) -> Response:
    kit, ctx = viewing(request, Action.APPROVE)
    with kit.store.session() as db:
        waiting = list(db.scalars(select(Bulletin).where(Bulletin.state == "in_review").order_by(Bulletin.updated_at)))
    return kit.page(request, "queue.html", ctx, waiting=waiting)


@router.get("/cho-duyet/{bulletin_id}", response_class=HTMLResponse, include_in_schema=False)
async def review(request: Request, bulletin_id: int) -> Response:
    kit, ctx = viewing(request, Action.APPROVE)
    base = request.query_params.get("so-voi")
    view = review_view(kit.store, bulletin_id, int(base) if base and base.isdigit() else None)
    return kit.page(request, "review.html", ctx, v=view)
