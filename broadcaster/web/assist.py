"""Editor assist on the bulletin page and under /api/: listener warnings beside each sentence (on
save and live as the editor types) and "Gợi ý thêm", the provisions the drafter did not choose,
each added with one click. The rules are in broadcaster.app.assist; this module only routes.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from broadcaster.app import assist
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.web.kit import api_caller, posted, viewing


class CheckIn(BaseModel):
    text: str = Field("", max_length=assist.MAX_TEXT, description="one sentence")
    sentences: list[str] = Field(default_factory=list, max_length=400, description="or several, checked one by one")


class AddIn(BaseModel):
    text: str = Field(min_length=1, max_length=assist.MAX_TEXT, description="a suggestion's text, as GET …/suggestions gave it")
    after: int | None = Field(
        None,
        ge=0,
        description="0-based index of the sentence to add it after; before the closing (where to ask, thanks, recap) when omitted",
    )


router = APIRouter()


def install(templates: Jinja2Templates, store: Store, settings: Settings) -> None:
    """What the bulletin page's template calls: the listener check, citations and suggestions."""
    templates.env.globals["listener_findings"] = assist.findings
    templates.env.globals["citation_of"] = assist.citation
    templates.env.globals["assist_suggestions"] = lambda bulletin_id: assist.suggestions(
        store, bulletin_id, dialect=settings.dialect
    )


@router.post("/api/listener-check", tags=["assist"])
def listener_check(body: CheckIn, request: Request) -> dict[str, Any]:
    """What a listener trips on: `findings` for `text`, `sentences` (each with its findings) for a list."""
    kit, ctx = api_caller(request)
    out: dict[str, Any] = {"findings": assist.findings(body.text)}
    if body.sentences:
        out["sentences"] = [{"text": t, "findings": assist.findings(t)} for t in body.sentences]
    return out


@router.get("/api/bulletins/{bulletin_id}/listener-check", tags=["assist"])
def bulletin_check(bulletin_id: int, request: Request) -> list[dict[str, Any]]:
    """Each sentence of the current Vietnamese script with the listener check's findings."""
    kit, _ = viewing(request)
    return assist.sentence_findings(kit.store, bulletin_id)


@router.get("/api/bulletins/{bulletin_id}/suggestions", tags=["assist"])
def suggestions(bulletin_id: int, request: Request) -> list[dict[str, Any]]:
    """The document's provisions the script does not say, best for residents first."""
    kit, _ = viewing(request)
    return assist.suggestions(kit.store, bulletin_id, dialect=kit.settings.dialect)


@router.post("/api/bulletins/{bulletin_id}/suggestions", tags=["assist"])
def add(bulletin_id: int, body: AddIn, request: Request) -> dict[str, Any]:
    """Add one suggestion to the script with its citation (editors and admins); a new version, audited."""
    kit, ctx = api_caller(request)
    return {"ok": True, **assist.add_suggestion(kit.store, ctx.actor, bulletin_id, body.text, body.after, kit.settings.dialect)}


@router.post("/ban-tin/{bulletin_id}/goi-y/them", include_in_schema=False)
async def add_form(request: Request, bulletin_id: int) -> Response:
    kit, ctx, form = await posted(request)
    after = str(form.get("after") or "")
    added = await run_in_threadpool(
        assist.add_suggestion,
        kit.store,
        ctx.actor,
        bulletin_id,
        str(form.get("text") or ""),
        int(after) if after.isdigit() else None,
        kit.settings.dialect,
    )
    return kit.back(f"/ban-tin/{bulletin_id}", f"Đã thêm câu ({added['citation']}) vào kịch bản, phiên bản {added['version']}")
