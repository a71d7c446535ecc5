"""Text out of document files (txt, html, docx, pdf), within the limits of `scripts.limits`.

Run in a sandboxed subprocess for untrusted files (`scripts.sandbox`); this module imports
nothing heavy at the top so that the subprocess starts fast.
"""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from scripts.errors import DocumentError, DocumentRefused
from scripts.furniture import join_row_labels, strip_furniture, strip_page_numbers
from scripts.limits import MB, Limits

SUPPORTED = (".txt", ".html", ".htm", ".docx", ".pdf")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DEFAULT_LIMITS = Limits()


class _TextExtractor(HTMLParser):
    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"}
    SKIP = {"script", "style", "head", "nav", "footer"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag == "td":
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    text = "".join(parser.parts)
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16", "cp1258"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise DocumentError("the file is not text in UTF-8, UTF-16 or Windows-1258")


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuse a .docx whose members would unpack past the limit (a zip bomb) before reading it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise DocumentError(f"not a readable .docx file ({exc})") from exc
    declared = sum(member.file_size for member in members)
    if len(members) > 5000 or declared > limits.max_unzipped_bytes:
        raise DocumentRefused(
            f"the .docx would unpack to {declared / MB:,.0f} MB in {len(members)} parts, more than the "
            f"{limits.max_unzipped_bytes / MB:,.0f} MB allowed (a zip bomb?): save it again from a word processor"
        )


def docx_to_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    import docx  # python-docx; imported here as only .docx needs it

    check_zip(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except MemoryError:
        raise  # the sandbox reports it as a refusal with the memory limit
    except Exception as exc:  # python-docx raises many zipfile/lxml types for a broken file
        raise DocumentError(f"not a readable .docx file ({type(exc).__name__})") from exc
    return "\n".join(_docx_lines(document))


def _docx_lines(document: object) -> list[str]:
    """Paragraphs and table rows in the order of the document: a fee table stays under the clause that leads it.
    A row is "cell | cell"; a cell merged over several columns is one cell (`scripts.pipe_rows` reads them back)."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, document).text)  # type: ignore[arg-type]
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:  # type: ignore[arg-type]
                cells = {id(c._tc): " ".join(c.text.split()) for c in row.cells}  # one entry per merged cell, in order
                lines.append(" | ".join(cells.values()))
    return lines


def pdf_to_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """Text of a PDF's text layer, page by page, read with PDFium.

    PDFium keeps Vietnamese syllables whole where pypdf cut them at every diacritic
    ("Ngư ời đang hư ởng"); measured in `python -m bench drafting` and tests/scripts.

    :raises DocumentError: for a broken PDF, one with too many pages, or one without text.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"not a readable PDF ({exc})") from exc
    try:
        if len(pdf) > limits.max_pdf_pages:
            raise DocumentRefused(f"the PDF has {len(pdf)} pages, more than the {limits.max_pdf_pages} allowed: split it")
        pages = []
        chars = 0
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            lines = textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n").split("\n")
            pages.append("\n".join(strip_page_numbers(lines)))
            chars += len(pages[-1])
            if chars > limits.max_chars:
                raise DocumentRefused(
                    f"the PDF holds more than {limits.max_chars:,} characters of text: upload the part to broadcast"
                )
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"not a readable PDF ({exc})") from exc
    finally:
        pdf.close()
    text = "\n".join(join_row_labels(strip_furniture("\n".join(pages).split("\n"))))
    if not text.strip():
        raise DocumentError("the PDF has no text layer (a scan?): run OCR first or upload the text")
    return text


def check_size(data: bytes, name: str, limits: Limits) -> None:
    """Refuse what is too big to read, before reading it."""
    if len(data) > limits.max_file_bytes:
        raise DocumentRefused(
            f"{Path(urlparse(name).path).name or 'the file'} is {len(data) / MB:,.1f} MB, more than the "
            f"{limits.max_file_bytes / MB:,.0f} MB allowed: upload only the document"
        )
    if _kind(data, name) in ("html", "text") and len(data) > limits.max_text_bytes:
        raise DocumentRefused(
            f"the text is {len(data) / MB:,.1f} MB, more than the {limits.max_text_bytes / MB:,.0f} MB a document "
            "can be: is it the right file?"
        )


def is_plain(data: bytes, name: str) -> bool:
    """Plain text or HTML: read in-process, a linear decode already bounded by `max_text_bytes`."""
    return _kind(data, name) in ("html", "text")


def _kind(data: bytes, name: str) -> str:
    suffix = Path(urlparse(name).path).suffix.lower()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    if suffix in (".html", ".htm") or data[:200].lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if suffix in (".txt", ""):
        return "text"
    raise DocumentError(f"unsupported file type {suffix!r}: use one of {', '.join(SUPPORTED)}")


def extract_in_process(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, str]:
    """Text of a document file, by its kind; returns (text, media type). Trusted callers only:
    untrusted files go through `scripts.sandbox.extract_text`, which bounds CPU, memory and time.

    :raises DocumentError: for an unsupported, unreadable or over-limit file.
    """
    check_size(data, name, limits)
    kind = _kind(data, name)
    if kind == "pdf":
        text, media_type = pdf_to_text(data, limits), "application/pdf"
    elif kind == "docx":
        text, media_type = docx_to_text(data, limits), DOCX_TYPE
    elif kind == "html":
        text, media_type = html_to_text(_decode(data)), "text/html"
    else:
        text, media_type = _decode(data), "text/plain"
    if len(text) > limits.max_chars:
        raise DocumentRefused(f"the document holds more than {limits.max_chars:,} characters: upload the part to broadcast")
    return text, media_type
