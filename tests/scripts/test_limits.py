"""Document bombs and feed links: each refused in bounded time with a reason; a batch goes on."""

from __future__ import annotations

import resource
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from broadcaster.app.documents import ingest
from broadcaster.store.engine import open_store
from scripts.errors import DocumentError, DocumentRefused, UnsafeLink
from scripts.ingest import HttpFetcher, LocalFetcher, extract_text, load_document, read_feed
from scripts.limits import MB, Limits, LinkPolicy, check_link
from tests.conftest import CORPUS

GB = 1024 * MB


def deflate_of_zeros(total: int) -> tuple[bytes, int]:
    """A raw deflate stream of `total` zero bytes, built from one compressed chunk repeated."""
    chunk = 8 * MB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeats = total // chunk
    crc = 0
    zeros = b"\0" * chunk
    for _ in range(repeats):
        crc = zlib.crc32(zeros, crc)
    return block * repeats + b"\x03\x00", crc  # a final empty fixed block ends the stream


def zip_archive(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from (name, data, method, crc, uncompressed size) members, headers written by hand."""
    out, central = b"", b""
    for name, data, method, crc, size in members:
        encoded = name.encode()
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(data), size, len(encoded), 0)
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                method,
                0,
                0,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                len(out),
            )
            + encoded
        )
        out += header + encoded + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return out + central + end


def docx_bomb(expanded: int) -> bytes:
    data, crc = deflate_of_zeros(expanded)
    types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'officeDocument" Target="word/document.xml"/></Relationships>'
    )
    return zip_archive(
        [
            ("[Content_Types].xml", types, 0, zlib.crc32(types), len(types)),
            ("_rels/.rels", rels, 0, zlib.crc32(rels), len(rels)),
            ("word/document.xml", data, 8, crc, expanded),
        ]
    )


def pdf_with_shared_stream(pages: int, stream_bytes: int) -> bytes:
    """One FlateDecode content stream of `stream_bytes` drawing operators, the /Contents of every page."""
    operators = b"0 0 m 100 100 l S\n"
    content = zlib.compress(operators * (stream_bytes // len(operators)), 9)
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"] * pages
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_docx_zip_bomb_is_refused_before_unpacking() -> None:
    bomb = docx_bomb(1 * GB)
    assert len(bomb) < 1.5 * MB
    start = time.monotonic()
    with pytest.raises(DocumentRefused, match="zip bomb"):
        extract_text(bomb, "bomb.docx")
    assert time.monotonic() - start < 20


def test_docx_bomb_past_the_size_check_hits_the_memory_limit() -> None:
    """Even with the unpacked-size check set out of the way, the subprocess's rlimit stops it."""
    limits = Limits(max_unzipped_bytes=4 * GB, memory_bytes=600 * MB, cpu_s=20, timeout_s=40)
    start = time.monotonic()
    with pytest.raises(DocumentRefused, match="more than 600 MB of memory|CPU|longer"):
        extract_text(docx_bomb(1 * GB), "bomb.docx", limits)
    assert time.monotonic() - start < 45
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert peak_kib * 1024 < 700 * MB, f"a reader subprocess peaked at {peak_kib // 1024} MB"


def test_pdf_with_one_huge_stream_shared_by_many_pages_is_stopped() -> None:
    pdf = pdf_with_shared_stream(pages=400, stream_bytes=40 * MB)
    assert len(pdf) < 1 * MB
    limits = Limits(cpu_s=4, timeout_s=6)
    start = time.monotonic()
    with pytest.raises(DocumentRefused, match="CPU|longer") as refused:
        extract_text(pdf, "shared.pdf", limits)
    assert "ask for another copy" in str(refused.value)
    assert time.monotonic() - start < 12


def test_pdf_page_and_character_limits() -> None:
    pdf = (CORPUS / "pdf" / "nghi-dinh-so-158-2025-nd-cp-45240.pdf").read_bytes()
    with pytest.raises(DocumentRefused, match="60 pages, more than the 50"):
        extract_text(pdf, "158.pdf", Limits(max_pdf_pages=50))
    with pytest.raises(DocumentRefused, match="more than 10,000 characters"):
        extract_text(pdf, "158.pdf", Limits(max_chars=10_000))


def test_100_mb_text_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(100 * MB)  # sparse: 100 MB on paper, nothing written
    start = time.monotonic()
    with pytest.raises(DocumentRefused, match="100.0 MB"):
        load_document(str(big), LocalFetcher())
    with pytest.raises(DocumentRefused, match="more than the 8 MB a document"):
        extract_text(b"a" * (9 * MB), "big.txt")
    assert time.monotonic() - start < 5


def test_devices_are_not_files() -> None:
    with pytest.raises(DocumentError, match="not a regular file"):
        load_document("/dev/zero", LocalFetcher())


def test_batch_goes_on_after_bombs(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(docx_bomb(512 * MB))
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with store.session() as session:
        result = ingest(session, [str(bomb), "/dev/zero", str(CORPUS / "dev" / "nq-75-2025-nq-hdnd-hanoi.txt")], LocalFetcher())
    assert [row.number for row in result.stored] == ["75/2025/NQ-HĐND"]
    reasons = dict(result.failures)
    assert "zip bomb" in reasons[str(bomb)] and "not a regular file" in reasons["/dev/zero"]


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>{}</link></item></channel></rss>"""


@pytest.mark.parametrize("link", ["/dev/zero", "file:///etc/passwd", "../../../../etc/passwd", "ftp://example.org/a.pdf"])
def test_feed_links_to_local_files_and_other_schemes_are_refused(tmp_path: Path, link: str) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED.format(link), encoding="utf-8")
    [item] = read_feed(str(feed), LocalFetcher())
    assert item.problem and "refused" in item.problem
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with store.session() as session:
        result = ingest(session, [str(feed)], LocalFetcher())
    assert result.stored == [] and len(result.failures) == 1 and "refused" in result.failures[0][1]


def test_a_local_feed_may_link_beside_itself(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_bytes((CORPUS / "dev" / "nq-75-2025-nq-hdnd-hanoi.txt").read_bytes())
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED.format("doc.txt"), encoding="utf-8")
    [item] = read_feed(str(feed), LocalFetcher())
    assert item.problem is None


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/a.pdf", "http://localhost:8080/", "http://10.1.2.3/x", "http://[::1]/x", "http://169.254.169.254/latest"],
)
def test_private_and_loopback_addresses_are_refused(url: str) -> None:
    with pytest.raises(UnsafeLink, match="loopback, private or reserved"):
        check_link(url, LinkPolicy())


def test_allow_list_of_hosts() -> None:
    policy = LinkPolicy(allowed_hosts=frozenset({"congbao.chinhphu.vn"}))
    with pytest.raises(UnsafeLink, match="not among the allowed"):
        check_link("https://example.com/a.pdf", policy)
    with pytest.raises(UnsafeLink, match="only http"):
        check_link("file:///etc/passwd", policy)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", f"http://localhost:{self.server.server_address[1]}/small")
            self.end_headers()
            return
        body = b"x" * (5000 if self.path == "/big" else 10)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def test_downloads_are_capped_and_redirects_checked(server: str) -> None:
    with pytest.raises(UnsafeLink, match="loopback"):
        HttpFetcher(policy=LinkPolicy()).fetch(f"{server}/small")
    allowed = HttpFetcher(policy=LinkPolicy(allow_private=True, allowed_hosts=frozenset({"127.0.0.1"}), max_bytes=1000))
    assert allowed.fetch(f"{server}/small") == b"x" * 10
    with pytest.raises(DocumentRefused, match="over the"):
        allowed.fetch(f"{server}/big")
    with pytest.raises(UnsafeLink, match="localhost refused: not among the allowed"):
        allowed.fetch(f"{server}/redirect")


def test_feed_hosts_come_from_the_settings() -> None:
    from broadcaster.config import load

    policy = load(None, env={"BROADCASTER_FEED_HOSTS": "congbao.chinhphu.vn, vanban.chinhphu.vn"}).link_policy()
    assert policy.allowed_hosts == {"congbao.chinhphu.vn", "vanban.chinhphu.vn"} and not policy.allow_private
    with pytest.raises(UnsafeLink, match="not among the allowed"):
        HttpFetcher(policy=policy).fetch("https://evil.example/a.pdf")
