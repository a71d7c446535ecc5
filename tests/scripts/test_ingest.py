from __future__ import annotations

from pathlib import Path

import docx
import pytest

from broadcaster.app.documents import ingest
from broadcaster.store.engine import open_store
from scripts.errors import DocumentError, FeedError
from scripts.ingest import LocalFetcher, extract_text, load_document, read_feed
from tests.conftest import CORPUS

SAMPLE_FEED = Path(__file__).resolve().parents[2] / "broadcaster" / "samples" / "feed.xml"


def test_rss_items_resolve_relative_links() -> None:
    items = read_feed(str(SAMPLE_FEED), LocalFetcher())
    assert len(items) == 1
    assert items[0].link.startswith("file://") and items[0].link.endswith("nd-162-2026-nd-cp.txt")
    assert items[0].title.startswith("Nghị định số 162/2026/NĐ-CP")


def test_atom_feed(tmp_path: Path) -> None:
    atom = tmp_path / "feed.atom"
    atom.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        '<entry><title>Văn bản</title><link href="https://example.invalid/a.pdf"/><id>x1</id></entry></feed>'
    )
    assert [i.link for i in read_feed(str(atom), LocalFetcher())] == ["https://example.invalid/a.pdf"]


def test_feed_that_is_not_xml(tmp_path: Path) -> None:
    bad = tmp_path / "feed.xml"
    bad.write_text("this is { not a feed")
    with pytest.raises(FeedError, match="not an RSS/Atom feed"):
        read_feed(str(bad), LocalFetcher())


def test_missing_feed_is_a_feed_error(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="cannot read feed"):
        read_feed(str(tmp_path / "absent.xml"), LocalFetcher())


def test_docx_and_html(tmp_path: Path) -> None:
    text = (CORPUS / "dev" / "nq-80-2025-nq-hdnd-hanoi.txt").read_text(encoding="utf-8")
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "nq.docx"
    document.save(str(path))
    from_docx = load_document(str(path), LocalFetcher())
    assert "80/2025/NQ-HĐND" in from_docx.text
    html = (
        "<html><head><style>p{}</style></head><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>"
    )
    from_html, kind = extract_text(html.encode(), "nq.html")
    assert kind == "text/html" and "Điều 1." in from_html and "p{}" not in from_html


@pytest.mark.parametrize(
    ("name", "data"),
    [("broken.pdf", b"%PDF-1.7 garbage"), ("broken.docx", b"PK\x03\x04 not a zip"), ("image.png", b"\x89PNG\r\n")],
)
def test_broken_files_give_document_errors(name: str, data: bytes) -> None:
    with pytest.raises(DocumentError):
        extract_text(data, name)


def test_batch_goes_on_after_a_bad_item_and_dedups(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    bad = tmp_path / "bad.txt"
    bad.write_text("không có số hiệu")
    sources = [str(bad), str(CORPUS / "dev" / "nq-75-2025-nq-hdnd-hanoi.txt"), str(SAMPLE_FEED)]
    with store.session() as session:
        first = ingest(session, sources, LocalFetcher())
    assert [row.number for row in first.stored] == ["75/2025/NQ-HĐND", "162/2026/NĐ-CP"]
    assert len(first.failures) == 1 and "no document number" in first.failures[0][1]
    with store.session() as session:
        second = ingest(session, sources[1:], LocalFetcher())
    assert second.stored == [] and len(second.unchanged) == 2
    from broadcaster.store.models import Document, IngestFailure

    with store.session() as session:
        assert session.query(Document).count() == 2
        assert session.query(IngestFailure).count() == 1


def test_plain_text_and_html_are_read_without_a_subprocess_pdf_still_sandboxed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Drafting speed: decoding text is linear and capped, so only PDF and DOCX pay for the sandbox."""
    import subprocess

    from scripts.errors import DocumentRefused
    from scripts.limits import Limits

    started: list[object] = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: started.append(a) or real_run(*a, **k))
    text = (CORPUS / "dev" / "nq-75-2025-nq-hdnd-hanoi.txt").read_bytes()
    assert extract_text(text, "nq.txt")[1] == "text/plain"
    assert extract_text(b"<html><body><p>Dieu 1.</p></body></html>", "nq.html")[1] == "text/html"
    assert started == []
    with pytest.raises(DocumentRefused):
        extract_text(b"x" * 2048, "big.txt", Limits(max_text_bytes=1024))
    with pytest.raises(DocumentError):
        extract_text(b"%PDF-1.7 garbage", "broken.pdf")
    assert len(started) == 1, "a PDF is still read in the sandbox"
