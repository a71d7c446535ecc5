"""Written Vietnamese to the words a broadcaster says.

Rules run in a fixed order, each turning one kind of written token into words so that no
later rule sees its digits again: document symbols before dates (both use slashes), dates
before plain numbers, units before numbers, known abbreviations before unknown ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from scripts.numwords import (
    DIALECTS,
    NORTH,
    Dialect,
    read_decimal,
    read_digits,
    read_int,
    read_month,
    read_ordinal,
    roman_to_int,
)
from scripts.vocab import ABBREVIATIONS, DOC_TYPE_CODES, ISSUER_CODES, LETTER_NAMES, UNITS

Rule = Callable[[re.Match[str], "Reader"], str]

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
UPPER = "A-ZĐ"


@dataclass(frozen=True, slots=True)
class Reader:
    """Reads numbers in one dialect; rules receive it to stay dialect-neutral."""

    dialect: Dialect = NORTH

    def number(self, text: str) -> str:
        """`1.500.000` → một triệu năm trăm nghìn; `12,5` → mười hai phẩy năm; `06` → sáu."""
        integer, _, fraction = text.replace(".", "").partition(",")
        if fraction:
            return read_decimal(integer, fraction, self.dialect)
        return read_int(int(integer), self.dialect)

    def day(self, text: str) -> str:
        value = int(text)
        words = read_int(value, self.dialect)
        return f"mồng {words}" if value <= 10 and self.dialect is NORTH else words

    def month(self, text: str) -> str:
        return read_month(int(text), self.dialect)

    def date(self, day: str, month: str, year: str | None) -> str:
        words = f"{self.day(day)} tháng {self.month(month)}"
        return f"{words} năm {self.number(year)}" if year else words


def spell(token: str) -> str:
    """Spell an abbreviation letter by letter; digits are read one by one."""
    words = []
    for ch in token:
        if ch.isdigit():
            words.append(read_digits(ch))
        elif ch.upper() in LETTER_NAMES:
            words.append(LETTER_NAMES[ch.upper()])
    return " ".join(words)


def issuer_words(code: str, reader: Reader) -> str:
    """`QH15` → Quốc hội khóa mười lăm; `BTC` → Bộ Tài chính; unknown codes are spelled."""
    match = re.fullmatch(r"([A-Za-zĐđ&]+?)(\d+)?", code)
    if match and match.group(1) in ISSUER_CODES:
        name = ISSUER_CODES[match.group(1)]
        return f"{name} khóa {reader.number(match.group(2))}" if match.group(2) else name
    return spell(code)


def read_symbol(number: str, year: str | None, suffix: str, reader: Reader) -> str:
    parts = suffix.split("-")
    issuers = parts[1:] if len(parts) > 1 and parts[0] in DOC_TYPE_CODES else parts
    words = reader.number(number)
    if year:
        words += f" năm {reader.number(year)}"
    return words + " của " + " và ".join(issuer_words(code, reader) for code in issuers)


def _symbol(m: re.Match[str], r: Reader) -> str:
    return read_symbol(m["num"], m["year"], m["suffix"], r)


def _phone(m: re.Match[str], r: Reader) -> str:
    return m["lead"] + read_digits(m["digits"])


def _full_date(m: re.Match[str], r: Reader) -> str:
    return r.date(m["d"], m["m"], m["y"])


def _month_year(m: re.Match[str], r: Reader) -> str:
    return f"{m['lead']}{r.month(m['m'])} năm {r.number(m['y'])}"


def _spelled_date(m: re.Match[str], r: Reader) -> str:
    text = f"ngày {r.day(m['d'])} tháng {r.month(m['m'])}"
    return text + (f" năm {r.number(m['y'])}" if m["y"] else "")


def _month(m: re.Match[str], r: Reader) -> str:
    return f"{m['lead']}{r.month(m['m'])}"


def _time(m: re.Match[str], r: Reader) -> str:
    words = f"{r.number(m['h'])} giờ"
    minutes = m["min"]
    if minutes and int(minutes):
        words += f" {r.number(minutes)} phút"
    return words


def _unit(m: re.Match[str], r: Reader) -> str:
    return f"{r.number(m['n'])} {UNITS[m['unit']]}"


def _percent(m: re.Match[str], r: Reader) -> str:
    return f"{r.number(m['n'])} phần trăm"


def _roman(m: re.Match[str], r: Reader) -> str:
    try:
        return f"{m['lead']}{r.number(str(roman_to_int(m['roman'])))}"
    except ValueError:
        return m.group(0)


def _ordinal(m: re.Match[str], r: Reader) -> str:
    return f"{m['lead']}{read_ordinal(int(m['n']), r.dialect)}"


def _range(m: re.Match[str], r: Reader) -> str:
    return f"{r.number(m['a'])} đến {r.number(m['b'])}"


def _number(m: re.Match[str], r: Reader) -> str:
    return r.number(m.group(0))


def _abbreviation(m: re.Match[str], r: Reader) -> str:
    token = m.group(0)
    if token in ABBREVIATIONS:
        return ABBREVIATIONS[token]
    if _SYLLABLE.fullmatch(token):
        return token  # a word in capitals ("NAM", "HOA"), not an abbreviation
    return spell(token)


_SYLLABLE = re.compile(r"(?:NGH|NG|CH|GH|GI|KH|NH|PH|QU|TH|TR|[BCDĐGHKLMNPRSTVX])?[AEIOUY]{1,3}(?:CH|NG|NH|[CMNPT])?")
_UNIT_NAMES = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_ROMAN_LEADS = r"khóa|khoá|chương|phần|mục|quý|kỳ|thế kỷ|đợt|loại|hạng|nhóm|tập"

RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(r"\bT[Pp]\.\s*"), lambda m, r: "thành phố "),
    (
        re.compile(
            rf"(?<![\d/])(?P<num>\d{{1,5}})(?:/(?P<year>\d{{4}}))?/"
            rf"(?P<suffix>[{UPPER}][A-Za-zĐđ&]*\d*(?:-[{UPPER}][A-Za-zĐđ&]*\d*)*)"
        ),
        _symbol,
    ),
    (
        re.compile(
            r"(?P<lead>(?:điện thoại|đường dây nóng|hotline|tổng đài|số máy|fax|gọi|SĐT|ĐT)"
            r"(?:\s+số)?\s*:?\s*)(?P<digits>\+?\d(?:[\d.]|\s(?=\d))*\d|\d)",
            re.IGNORECASE,
        ),
        _phone,
    ),
    (re.compile(r"(?<![\d.,])(?P<digits>0\d{8,10})(?!\d)"), lambda m, r: read_digits(m["digits"])),
    (
        re.compile(r"(?<![\d/])(?P<d>\d{1,2})([/.-])(?P<m>\d{1,2})\2(?P<y>\d{4})(?!\d)"),
        _full_date,
    ),
    (re.compile(r"(?P<lead>tháng\s+)(?P<m>\d{1,2})/(?P<y>\d{4})(?!\d)", re.IGNORECASE), _month_year),
    (
        re.compile(
            r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>\d{4}))?(?!\d)",
            re.IGNORECASE,
        ),
        _spelled_date,
    ),
    (
        re.compile(r"(?<=ngày )(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])", re.IGNORECASE),
        lambda m, r: r.date(m["d"], m["m"], None),
    ),
    (re.compile(r"(?P<lead>\btháng\s+)(?P<m>\d{1,2})(?![\d,.])", re.IGNORECASE), _month),
    (re.compile(r"(?<![\d:])(?P<h>\d{1,2})(?:h|:)(?P<min>\d{2})?(?![\d\w])"), _time),
    (re.compile(rf"(?P<n>{NUMBER})\s*(?P<unit>{_UNIT_NAMES})(?![\wĐđ/²³])"), _unit),
    (re.compile(rf"(?P<n>{NUMBER})\s*%"), _percent),
    (re.compile(rf"(?P<lead>\b(?:{_ROMAN_LEADS})\s+)(?P<roman>[IVXLCDM]+)\b", re.IGNORECASE), _roman),
    (re.compile(r"(?P<lead>\bthứ\s+)(?P<n>\d+)\b", re.IGNORECASE), _ordinal),
    (re.compile(rf"(?P<a>{NUMBER})\s*[-–]\s*(?P<b>{NUMBER})"), _range),
    (re.compile(NUMBER), _number),
    (re.compile(rf"(?<![\wĐđ])[{UPPER}][{UPPER}&]*(?:-[{UPPER}]+)?(?![\wĐđ])"), _abbreviation),
]

_SPACES = re.compile(r"[ \t]+")


def normalize(text: str, dialect: str = "north") -> str:
    """Turn one line of written Vietnamese into its spoken form.

    :raises ValueError: for an unknown dialect name.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; choose one of {', '.join(DIALECTS)}")
    reader = Reader(DIALECTS[dialect])
    for pattern, rule in RULES:
        text = pattern.sub(lambda m, rule=rule: rule(m, reader), text)  # type: ignore[misc]
    return _SPACES.sub(" ", text).strip()
