"""Console pages and API routes that create bulletins: a document's page, and "Tạo chương trình".

Its `router` is included by `create_app`; the work is done by `broadcaster.app.programmes`, so
the console, the API and the CLI create bulletins the same way.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from broadcaster.app import programmes, relays
from broadcaster.store.engine import Store
from broadcaster.store.models import Bulletin
from broadcaster.web.kit import api_caller, kit_of, posted, viewing
from broadcaster.web.pages import back
from scripts.header import header_json


class DocumentBulletinIn(BaseModel):
    again: bool = False


class NoticeIn(BaseModel):
    title: str = ""
    text: str


class RelayIn(BaseModel):
    title: str = ""
    url: str
    minutes: float


async def _upload(form: Any) -> bytes:
    upload = form.get("audio")
    return await upload.read() if upload is not None and hasattr(upload, "read") else b""


def _minutes(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError as exc:
        raise programmes.ProgrammeError("Số phút tiếp sóng phải là một số, ví dụ 30.") from exc


class Once:
    """Form tokens already sent (per user): a form sent twice makes one programme.

    Kept in the console's process (a commune runs one); the first send is waited for when
    the second arrives while it is still rendering.
    """

    def __init__(self, keep: int = 2000) -> None:
        self.keep, self.lock = keep, threading.Lock()
        self.results: dict[tuple[str, str], int | None] = {}
        self.pending: dict[tuple[str, str], threading.Event] = {}

    def claim(self, token: tuple[str, str]) -> int | None:
        """The bulletin an earlier send of this token made; None when this send is the first."""
        with self.lock:
            if token in self.results and self.results[token] is not None:
                return self.results[token]
            waiting = self.pending.get(token)
            if waiting is None:
                self.pending[token] = threading.Event()
                return None
        waiting.wait(120)
        with self.lock:
            return self.results.get(token)

    def done(self, token: tuple[str, str], bulletin_id: int | None) -> None:
        if not token[1]:
            return
        with self.lock:
            if bulletin_id is not None:
                self.results[token] = bulletin_id
                while len(self.results) > self.keep:
                    self.results.pop(next(iter(self.results)))
            event = self.pending.pop(token, None)
        if event is not None:
            event.set()


def _state(store: Store, bulletin_id: int) -> str:
    with store.session() as session:
        bulletin = session.get(Bulletin, bulletin_id)
        return bulletin.state if bulletin is not None else ""


router = APIRouter()


def install(templates: Jinja2Templates, store: Store) -> None:
    """What the templates of these pages call: a document's bulletins, and one token per form shown."""
    templates.env.globals["document_bulletins"] = lambda: programmes.document_bulletins(store)
    templates.env.globals["once"] = lambda: uuid.uuid4().hex


def _sent(request: Request) -> Once:
    """The app's forms already sent (one `Once` per app, made on first use)."""
    state = request.app.state
    if getattr(state, "programme_forms", None) is None:
        state.programme_forms = Once()
    sent: Once = state.programme_forms
    return sent


# -- a document and its bulletin -------------------------------------------
@router.get("/van-ban/{document_id}", include_in_schema=False)
async def document_page(request: Request, document_id: int) -> Response:
    kit, ctx = viewing(request)
    view = await run_in_threadpool(programmes.document_view, kit.store, kit.settings, document_id)
    return kit.page(request, "document.html", ctx, d=view)


@router.post("/van-ban/{document_id}/tao-ban-tin", include_in_schema=False)
async def document_to_bulletin(request: Request, document_id: int) -> Response:
    kit, ctx, form = await posted(request)
    try:
        bulletin_id = await run_in_threadpool(
            programmes.bulletin_from_document, kit.store, kit.settings, ctx.actor, document_id, again=form.get("again") == "yes"
        )
    except programmes.AlreadyDrafted as exc:
        view = await run_in_threadpool(programmes.document_view, kit.store, kit.settings, document_id)
        return kit.page(request, "document.html", ctx, status=409, d=view, error=str(exc))
    except programmes.RenderFailed as exc:
        return kit.back(f"/ban-tin/{exc.bulletin_id}", str(exc))
    return kit.back(f"/ban-tin/{bulletin_id}", "Đã soạn bản tin từ văn bản và tạo âm thanh; hãy đọc lại rồi gửi duyệt")


@router.get("/api/documents/{document_id}", tags=["documents"])
def document_json(document_id: int, request: Request) -> dict[str, Any]:
    kit, _ = viewing(request)
    view = programmes.document_view(kit.store, kit.settings, document_id)
    doc, parsed = view.document, view.parsed
    return {
        "id": doc.id,
        **header_json(doc),
        "articles": [{"number": a.number, "title": a.title} for a in (parsed.articles if parsed else [])],
        "relations": [{"kind": r.kind, "number": r.number, "article": r.article} for r in (parsed.relations if parsed else [])],
        "warnings": view.warnings,
        "script": view.script.sentence_dicts() if view.script else None,
        "problem": view.problem or None,
        "bulletins": view.bulletins,
    }


@router.post("/api/documents/{document_id}/bulletin", tags=["documents"])
def document_bulletin(document_id: int, request: Request, body: DocumentBulletinIn | None = None) -> Response:
    kit, ctx = api_caller(request)
    again = bool(body and body.again)
    try:
        bulletin_id = programmes.bulletin_from_document(kit.store, kit.settings, ctx.actor, document_id, again=again)
    except programmes.AlreadyDrafted as exc:
        return JSONResponse({"error": str(exc), "bulletins": exc.bulletin_ids}, status_code=409)
    except programmes.RenderFailed as exc:
        created = {"bulletin": exc.bulletin_id, "state": _state(kit.store, exc.bulletin_id), "audio_error": str(exc)}
        return JSONResponse(created, status_code=201)
    return JSONResponse({"bulletin": bulletin_id, "state": _state(kit.store, bulletin_id)}, status_code=201)


# -- "Tạo chương trình": a notice, an audio file, a browser recording, a relay ---------------
@router.get("/chuong-trinh/moi", include_in_schema=False)
async def programme_page(request: Request) -> Response:
    kit, ctx = viewing(request)
    return kit.page(request, "programme_new.html", ctx, kind="", values={})


@router.post("/van-ban/tai-len", include_in_schema=False)
async def document_upload(request: Request) -> Response:
    """A legal document from the console: the CLI's ingest, its limits and sandbox; a bad file loses nothing."""
    from broadcaster.app.documents import ingest_upload

    kit, ctx, form = await posted(request)
    upload = form.get("document")
    name = str(getattr(upload, "filename", "") or "")
    data = await upload.read() if upload is not None and hasattr(upload, "read") else b""
    if not data:
        error = "Hãy chọn một tệp văn bản (PDF, Word .docx, HTML hoặc .txt)."
        return kit.page(request, "programme_new.html", ctx, status=400, kind="document", values={}, error=error)

    def store_it() -> Any:
        with kit.store.session() as session:
            return ingest_upload(session, ctx.actor, name, data)

    done = await run_in_threadpool(store_it)
    if done.document_id is None:
        error = f"Không thêm được văn bản từ tệp “{name}”: {done.problem}"
        return kit.page(request, "programme_new.html", ctx, status=400, kind="document", values={}, error=error)
    said = "Đã thêm văn bản; hãy tạo bản tin từ văn bản này" if done.new else "Văn bản này đã có trong hệ thống"
    return kit.back(f"/van-ban/{done.document_id}", said)


def _created(bulletin_id: int, what: str) -> Response:
    if what == programmes.KINDS["relay"].lower():  # nothing to hear: the stream plays live
        return back(f"/ban-tin/{bulletin_id}", f"Đã tạo {what}; hãy kiểm tra địa chỉ luồng và thời lượng rồi gửi duyệt")
    return back(f"/ban-tin/{bulletin_id}", f"Đã tạo {what}; hãy nghe lại rồi gửi duyệt")


async def _attempt(request: Request, ctx: Any, kind: str, values: dict[str, str], make: Callable[[], int]) -> Response:
    """Make the programme once per form sent; a refusal brings the form back as typed."""
    kit, sent = kit_of(request), _sent(request)
    form = await request.form()
    token = (ctx.actor.username, str(form.get("once") or ""))
    if token[1]:  # back and send again, or a double tap: the bulletin the first send made
        earlier = sent.claim(token)
        if earlier is not None:
            return kit.back(
                f"/ban-tin/{earlier}", "Biểu mẫu này đã được gửi trước đó; đây là chương trình đã tạo, không tạo thêm bản sao"
            )
    try:
        bulletin_id = await run_in_threadpool(make)
    except programmes.RenderFailed as exc:
        sent.done(token, exc.bulletin_id)
        return kit.back(f"/ban-tin/{exc.bulletin_id}", str(exc))
    except programmes.ProgrammeError as exc:  # the form comes back as typed, with the reason
        sent.done(token, None)
        return kit.page(request, "programme_new.html", ctx, status=400, kind=kind, values=values, error=str(exc))
    except BaseException:
        sent.done(token, None)
        raise
    sent.done(token, bulletin_id)
    return _created(bulletin_id, programmes.KINDS[kind].lower())


@router.post("/chuong-trinh/thong-bao", include_in_schema=False)
async def notice_submit(request: Request) -> Response:
    kit, ctx, form = await posted(request)
    title, text = str(form.get("title", "")), str(form.get("text", ""))
    return await _attempt(
        request,
        ctx,
        "notice",
        {"title": title, "text": text},
        lambda: programmes.notice(kit.store, kit.settings, ctx.actor, title, text),
    )


@router.post("/chuong-trinh/tiep-song", include_in_schema=False)
async def relay_submit(request: Request) -> Response:
    kit, ctx, form = await posted(request)
    values = {k: str(form.get(k, "")) for k in ("title", "url", "minutes")}

    def make() -> int:
        return relays.relay(kit.store, kit.settings, ctx.actor, values["title"], values["url"], _minutes(values["minutes"]))

    return await _attempt(request, ctx, "relay", values, make)


@router.post("/chuong-trinh/tep-am-thanh", include_in_schema=False)
@router.post("/chuong-trinh/ghi-am", include_in_schema=False)
async def audio_submit(request: Request) -> Response:
    kit, ctx, form = await posted(request)
    kind = "recording" if request.url.path.endswith("/ghi-am") else "audio"
    title, data = str(form.get("title", "")), await _upload(form)
    return await _attempt(
        request,
        ctx,
        kind,
        {"title": title},
        lambda: programmes.uploaded_audio(kit.store, kit.settings, ctx.actor, title, data, kind),
    )


def _made(store: Store, bulletin_id: int) -> JSONResponse:
    return JSONResponse({"bulletin": bulletin_id, "state": _state(store, bulletin_id)}, status_code=201)


@router.post("/api/programmes/notice", tags=["programmes"])
def notice_api(body: NoticeIn, request: Request) -> Response:
    kit, ctx = api_caller(request)
    return _made(kit.store, programmes.notice(kit.store, kit.settings, ctx.actor, body.title, body.text))


@router.post("/api/programmes/relay", tags=["programmes"])
def relay_api(body: RelayIn, request: Request) -> Response:
    kit, ctx = api_caller(request)
    return _made(kit.store, relays.relay(kit.store, kit.settings, ctx.actor, body.title, body.url, body.minutes))


@router.post("/api/programmes/audio", tags=["programmes"])
async def audio_api(request: Request) -> Response:
    """multipart/form-data: `audio` (the file), optional `title` and `kind` (audio or recording)."""
    kit, ctx = api_caller(request)
    form = await request.form()
    kind = "recording" if form.get("kind") == "recording" else "audio"
    title, data = str(form.get("title", "")), await _upload(form)
    bulletin_id = await run_in_threadpool(programmes.uploaded_audio, kit.store, kit.settings, ctx.actor, title, data, kind)
    return _made(kit.store, bulletin_id)
