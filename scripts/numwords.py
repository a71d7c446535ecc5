"""Vietnamese number words (northern broadcast standard, southern option).

Reading rules: `105` một trăm linh năm, `21` hai mươi mốt, `15` mười lăm, `24` hai mươi tư,
`2010` hai nghìn không trăm mười; an inner group of three is read in full ("không trăm").
"""

from __future__ import annotations

from dataclasses import dataclass

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


@dataclass(frozen=True, slots=True)
class Dialect:
    """Words that differ between the northern and southern broadcast standards."""

    thousand: str = "nghìn"
    zero_ten: str = "linh"
    four_after_tens: str = "tư"


NORTH = Dialect()
SOUTH = Dialect(thousand="ngàn", zero_ten="lẻ", four_after_tens="bốn")
DIALECTS = {"north": NORTH, "south": SOUTH}


def _two_digits(tens: int, units: int, dialect: Dialect, after_hundred: bool) -> list[str]:
    if tens == 0:
        if units == 0:
            return []
        return [dialect.zero_ten, DIGITS[units]] if after_hundred else [DIGITS[units]]
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 0:
        return words
    if units == 1 and tens >= 2:
        return words + ["mốt"]
    if units == 4 and tens >= 2:
        return words + [dialect.four_after_tens]
    if units == 5:
        return words + ["lăm"]
    return words + [DIGITS[units]]


def _group(value: int, dialect: Dialect, full: bool) -> list[str]:
    """Read 0..999; `full` reads a zero hundreds digit ("không trăm") inside a larger number."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words = [DIGITS[hundreds], "trăm"]
    return words + _two_digits(tens, units, dialect, after_hundred=bool(words))


def read_int(value: int, dialect: Dialect = NORTH) -> str:
    """Read a non-negative integer as Vietnamese words.

    :raises ValueError: for a negative number.
    """
    if value < 0:
        raise ValueError(f"cannot read negative number {value}")
    if value == 0:
        return DIGITS[0]
    if value >= 1_000_000_000:
        billions, rest = divmod(value, 1_000_000_000)
        head = read_int(billions, dialect) + " tỷ"
        return head if rest == 0 else head + " " + _below_billion(rest, dialect, full=True)
    return _below_billion(value, dialect, full=False)


def _below_billion(value: int, dialect: Dialect, full: bool) -> str:
    scales = ((1_000_000, "triệu"), (1_000, dialect.thousand), (1, ""))
    words: list[str] = []
    leading = not full
    for scale, name in scales:
        group, value = divmod(value, scale)
        if group == 0:
            continue
        words += _group(group, dialect, full=not leading)
        if name:
            words.append(name)
        leading = False
    return " ".join(words)


def read_digits(text: str) -> str:
    """Read a string of digits one by one (telephone numbers, codes)."""
    return " ".join(DIGITS[int(ch)] for ch in text if ch.isdigit())


def read_decimal(integer: str, fraction: str, dialect: Dialect = NORTH) -> str:
    """Read `integer,fraction`: leading zeros of the fraction are read as "không"."""
    head = read_int(int(integer), dialect)
    stripped = fraction.lstrip("0")
    zeros = ["không"] * (len(fraction) - len(stripped))
    if stripped and len(stripped) <= 3:
        tail = zeros + [read_int(int(stripped), dialect)]
    else:
        tail = zeros + [DIGITS[int(ch)] for ch in stripped]
    return head + " phẩy " + " ".join(tail)


def read_ordinal(value: int, dialect: Dialect = NORTH) -> str:
    """Ordinals after "thứ": thứ nhất, thứ tư, thứ mười."""
    if value == 1:
        return "nhất"
    if value == 4:
        return "tư"
    return read_int(value, dialect)


MONTHS = {1: "một", 4: "tư"}


def read_month(value: int, dialect: Dialect = NORTH) -> str:
    return MONTHS.get(value, read_int(value, dialect))


def read_day(value: int, dialect: Dialect = NORTH) -> str:
    """Days one to ten take "mồng" in the northern standard."""
    words = read_int(value, dialect)
    return f"mồng {words}" if value <= 10 and dialect is NORTH else words


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(text: str) -> int:
    """:raises ValueError: when `text` is not a well-formed Roman numeral."""
    total, previous = 0, 0
    for ch in reversed(text.upper()):
        if ch not in ROMAN:
            raise ValueError(f"not a Roman numeral: {text}")
        value = ROMAN[ch]
        total += -value if value < previous else value
        previous = max(previous, value)
    if _to_roman(total) != text.upper():
        raise ValueError(f"not a Roman numeral: {text}")
    return total


def _to_roman(value: int) -> str:
    pairs = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    for number, letters in pairs:
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Reader:
    """Reads written numbers in one dialect; the spoken-form rules receive it to stay dialect-neutral."""

    dialect: Dialect = NORTH

    def number(self, text: str) -> str:
        """`1.500.000` → một triệu năm trăm nghìn; `12,5` → mười hai phẩy năm; `06` → sáu."""
        integer, _, fraction = text.replace(".", "").partition(",")
        if fraction:
            return read_decimal(integer, fraction, self.dialect)
        return read_int(int(integer), self.dialect)

    def day(self, text: str) -> str:
        return read_day(int(text), self.dialect)

    def month(self, text: str) -> str:
        return read_month(int(text), self.dialect)

    def date(self, day: str, month: str, year: str | None) -> str:
        words = f"{self.day(day)} tháng {self.month(month)}"
        return f"{words} năm {self.number(year)}" if year else words
