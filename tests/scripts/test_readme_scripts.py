"""The README shows two drafted scripts "as they are today": they must be what `draft` gives now."""

from __future__ import annotations

import re

import pytest

from scripts.draft import draft
from scripts.ingest import LocalFetcher, load_document
from scripts.legal import parse
from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SHOWN = {"06/CT-UBND": "ct-06-ct-ubnd-quangtri.txt", "97/2025/QĐ-UBND": "qd-97-2025-qd-ubnd-quangninh.txt"}


def _quoted_scripts() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two drafted scripts", 1)[1].split("\n## ", 1)[0]
    quoted = [line[2:].strip() for line in section.splitlines() if line.startswith("> ")]
    return {number: next(q for q in quoted if f"số {number}" in q) for number in SHOWN}


@pytest.mark.parametrize("number", sorted(SHOWN))
def test_the_readme_scripts_are_todays_drafts(number: str) -> None:
    path = CORPUS / SHOWN[number]
    if not path.exists():
        pytest.skip("the shared corpus is not beside the project")
    script = draft(parse(load_document(str(path), LocalFetcher()).text))
    assert re.sub(r"\s+", " ", script.text) == _quoted_scripts()[number]
