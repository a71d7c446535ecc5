"""Class: bombs, for spreadsheets (issue 22 #9).

A 2 MB .xlsx holding one 2 GiB cell took the whole service down through the admin import
(3.27 GB in 25 s): spreadsheets had neither the decompressed-size check nor the sandbox that
documents have. Now a workbook's zip parts are checked before anything is unpacked, and it is
parsed in a subprocess bounded in CPU, memory and time; the admin is told why in Vietnamese
and the service's own memory does not move. Hypothesis draws bombs of every shape: one huge
cell, a highly compressible sheet, many parts, a bomb that passes the cheap checks (only the
sandbox's memory limit can stop it), and damaged zips.
"""

from __future__ import annotations

import io
import resource
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcaster.web.app import create_app
from broadcaster.web.spreadsheets import ImportRefused, read_table
from scripts.errors import DocumentError, DocumentRefused
from scripts.sandbox import sheet_rows
from scripts.sheets import SheetLimits, read_rows
from tests.web.test_admin import csrf, xlsx
from tests.web.world import build

ABUSE = settings.get_profile("abuse")
MiB = 1 << 20
HEADER = [["ma_loa", "vung", "ten"], ["loa-1", "thon-1", "Loa 1"]]


def workbook_with(sheet_xml_chunks: Iterator[bytes], size: int, extra_members: int = 0) -> bytes:
    """A real workbook (openpyxl's own parts) whose first sheet is replaced by a streamed, deflated one."""
    base = zipfile.ZipFile(io.BytesIO(xlsx(HEADER)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in base.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                z.writestr(info, base.read(info.filename))
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type, info._compresslevel = zipfile.ZIP_DEFLATED, 1  # type: ignore[attr-defined]
        with z.open(info, "w", force_zip64=size > 0x7FFFFFFF) as sheet:
            for chunk in sheet_xml_chunks:
                sheet.write(chunk)
        for n in range(extra_members):
            z.writestr(f"xl/media/x{n}.bin", b"")
    return out.getvalue()


def one_cell(size: int, char: bytes = b"A") -> tuple[Iterator[bytes], int]:
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    tail = b"</t></is></c></row></sheetData></worksheet>"

    def chunks() -> Iterator[bytes]:
        yield head
        block = char * MiB
        left = size
        while left > 0:
            yield block[: min(left, MiB)]
            left -= MiB
        yield tail

    return chunks(), size + len(head) + len(tail)


def refused_in_vietnamese(name: str, data: bytes) -> str:
    with pytest.raises(ImportRefused) as caught:
        read_table(name, data, "loa")
    [(line, reason)] = caught.value.problems
    assert line == 0 and reason.startswith(("Tệp Excel bị từ chối", "Không đọc được tệp Excel", "Tệp lớn hơn"))
    return reason


@pytest.fixture(scope="module")
def two_gib_cell() -> bytes:
    """The reported shape: a few MB on disk (9 MB at the fast deflate level used here), one cell of 2 GiB."""
    chunks, size = one_cell(2 << 30)
    return workbook_with(chunks, size)


def test_the_reported_bomb_is_refused_before_unpacking_and_the_service_stays_small(two_gib_cell: bytes) -> None:
    assert len(two_gib_cell) < 10 * MiB  # under the import's 10 MB cap: only the zip check stops it
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    reason = refused_in_vietnamese("loa.xlsx", two_gib_cell)
    assert "bom nén" in reason
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 64 * 1024, f"the service grew by {grown_kib} KiB"


def test_the_admin_import_page_says_so_and_the_console_keeps_answering(tmp_path: Path, two_gib_cell: bytes) -> None:
    settings_, store, _a, _d = build(tmp_path)
    client = TestClient(create_app(settings_, store))
    token = csrf(client)
    files = {"file": ("loa.xlsx", two_gib_cell, "application/octet-stream")}
    refused = client.post("/quan-tri/nhap/loa", data={"csrf": token}, files=files)
    assert refused.status_code == 400 and "bom nén" in refused.text
    assert client.get("/quan-tri").status_code == 200
    files = {"file": ("loa.xlsx", xlsx(HEADER), "application/octet-stream")}
    assert client.post("/quan-tri/nhap/loa", data={"csrf": token}, files=files, follow_redirects=False).status_code == 303


bombs = st.one_of(
    # one cell of 2–24 MiB of one character: declared in bounds or not, ratio far above 100
    st.tuples(st.integers(2, 24), st.sampled_from([b"A", b"0", b" ", "đ".encode()])).map(
        lambda t: workbook_with(*one_cell(t[0] * MiB, t[1]))
    ),
    # many empty parts
    st.integers(1001, 1500).map(lambda n: workbook_with(*one_cell(10), extra_members=n)),
)


@given(data=bombs)
@settings(ABUSE, max_examples=min(ABUSE.max_examples, 40))  # each bomb is deflated afresh
def test_every_bomb_is_refused_in_vietnamese(data: bytes) -> None:
    assert "bom nén" in refused_in_vietnamese("loa.xlsx", data)


@given(garbage=st.binary(max_size=4096), cut=st.integers(10, 4000))
@ABUSE
def test_damaged_workbooks_are_refused_never_raised(garbage: bytes, cut: int) -> None:
    for data in (garbage, xlsx(HEADER)[:cut], b"PK\x03\x04" + garbage):
        refused_in_vietnamese("loa.xlsx", data)


def test_a_bomb_past_the_cheap_checks_is_stopped_by_the_sandbox() -> None:
    """Limits loosened so the zip check passes: only the subprocess's memory limit stands."""
    chunks, size = one_cell(48 * MiB)
    data = workbook_with(chunks, size)
    loose = SheetLimits(max_ratio=10**6, memory_bytes=160 * MiB, max_cell_chars=10**9)
    with pytest.raises(DocumentRefused, match="memory|CPU"):
        sheet_rows(data, loose)


def test_memory_zlib_could_not_get_is_a_stopped_bomb_not_a_damaged_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under the memory limit the allocation may fail inside zlib (Z_MEM_ERROR, raised as zlib.error)
    rather than in Python: that is still the bomb stopped, said as memory, never "not readable"."""
    import zlib

    import openpyxl

    def inflate_fails(*_args: object, **_kwargs: object) -> None:
        raise zlib.error("Error -4 while decompressing data")

    monkeypatch.setattr(openpyxl, "load_workbook", inflate_fails)
    with pytest.raises(MemoryError):
        read_rows(xlsx(HEADER), SheetLimits())

    def damaged(*_args: object, **_kwargs: object) -> None:
        raise zlib.error("Error -3 while decompressing data: invalid distance too far back")

    monkeypatch.setattr(openpyxl, "load_workbook", damaged)
    with pytest.raises(DocumentError, match="not a readable"):
        read_rows(xlsx(HEADER), SheetLimits())


def test_a_normal_workbook_reads_as_before() -> None:
    assert sheet_rows(xlsx(HEADER)) == HEADER
    parsed = read_table("loa.xlsx", xlsx(HEADER), "loa")
    assert parsed.rows == [(2, {"ma_loa": "loa-1", "vung": "thon-1", "ten": "Loa 1"})]
    with pytest.raises(DocumentError):
        sheet_rows(b"PK\x05\x06" + bytes(18))
