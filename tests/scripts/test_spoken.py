from __future__ import annotations

import pytest

from scripts.numwords import read_int, roman_to_int
from scripts.spoken import normalize
from tests.conftest import CORPUS, spoken_canon


def load_cases() -> list[tuple[str, list[str]]]:
    cases = []
    for line in (CORPUS / "normalization-dev.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        written, spoken = line.split("\t")
        cases.append((written, spoken.split(" | ")))
    return cases


CASES = load_cases()


def test_corpus_has_cases() -> None:
    assert len(CASES) >= 50


@pytest.mark.parametrize(("written", "alternatives"), CASES, ids=[c[0][:40] for c in CASES])
def test_dev_normalization_cases(written: str, alternatives: list[str]) -> None:
    assert spoken_canon(normalize(written)) in {spoken_canon(a) for a in alternatives}


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "không"),
        (10, "mười"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (105, "một trăm linh năm"),
        (2010, "hai nghìn không trăm mười"),
        (1_000_050, "một triệu không trăm năm mươi"),
        (3_000_000_000, "ba tỷ"),
        (1_200_000_005, "một tỷ hai trăm triệu không trăm linh năm"),
    ],
)
def test_read_int(number: int, words: str) -> None:
    assert read_int(number) == words


def test_southern_dialect() -> None:
    assert normalize("105 hộ, 2.000 người", "south") == "một trăm lẻ năm hộ, hai ngàn người"


def test_unknown_dialect_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown dialect"):
        normalize("1", "central-highlands")


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Thông tư số 02/2026/TT-BTC", "Thông tư số hai năm hai nghìn không trăm hai mươi sáu của Bộ Tài chính"),
        (
            "Nghị quyết số 89/2025/UBTVQH15",
            "Nghị quyết số tám mươi chín năm hai nghìn không trăm hai mươi lăm của Ủy ban Thường vụ Quốc hội khóa mười lăm",
        ),
        ("Chỉ thị số 06/CT-UBND", "Chỉ thị số sáu của Ủy ban nhân dân"),
        ("gọi 0912.345.678", "gọi không chín một hai ba bốn năm sáu bảy tám"),
        ("lúc 17:30", "lúc mười bảy giờ ba mươi phút"),
        ("Chương IV", "Chương bốn"),
        ("thứ 4", "thứ tư"),
        ("XYZ", "ích i dài dét"),
        ("500.000đ", "năm trăm nghìn đồng"),
        ("từ 3-5 ngày", "từ ba đến năm ngày"),
        ("ngày 30-4-1975", "ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm"),
    ],
)
def test_more_conventions(written: str, spoken: str) -> None:
    assert spoken_canon(normalize(written)) == spoken_canon(spoken)


def test_words_in_capitals_are_not_spelled() -> None:
    assert normalize("TRÊN ĐỊA BÀN TỈNH") == "TRÊN ĐỊA BÀN TỈNH"


def test_roman_numerals_are_validated() -> None:
    assert roman_to_int("XIV") == 14
    with pytest.raises(ValueError):
        roman_to_int("IIII")
