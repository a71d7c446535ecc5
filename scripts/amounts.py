"""Amounts read aloud: a number with its unit, a percentage, a range, a fraction, a "per" chain.

A slash between amounts and units is said as "per" (`500.000 đồng/người/tháng` → … mỗi người mỗi
tháng; `25 μg/m3` → … trên mét khối), a slash between plain words as "or".
"""

from __future__ import annotations

import re

from scripts.numwords import Reader, read_month
from scripts.vocab import CURRENCY_UNITS, UNITS

_PERIODS = frozenset({"ngày", "tuần", "tháng", "quý", "năm", "giờ", "buổi", "kỳ", "vụ"})  # "x/tháng" is x per month
_PER_WORDS = frozenset({"đồng", "lần", "lượt", "người", "phần trăm", "suất", "chuyến"})
# "… lần mức lương cơ sở/người/ngày": after a word that is no unit, a chain of these is still "per"
_PER_UNITS = _PERIODS | {"người", "hộ", "lần", "lượt", "suất", "mộ", "ca", "chuyến", "trẻ", "xe", "con"}


def per_chain(m: re.Match[str], r: Reader) -> str:
    """An amount with a slash chain: `500.000 đồng/người/tháng`, `1,5%/năm`, `25 μg/m3`, `50 km/h`."""
    unit = m["unit"]
    chain = [s.strip() for s in m["chain"].split("/")[1:]]
    if f"{unit}/{chain[0]}" in UNITS:  # a compound unit written with its slash ("km/h")
        return f"{r.number(m['n'])} {UNITS[unit + '/' + chain.pop(0)]}" + _per_tail(unit, chain)
    return f"{r.number(m['n'])} {_unit_words(unit)}" + _per_tail(unit, chain)


def _per_tail(previous: str, chain: list[str]) -> str:
    out = ""
    for segment in chain:
        physical = previous in UNITS and previous not in CURRENCY_UNITS and segment in UNITS
        out += f" {'trên' if physical else 'mỗi'} {_unit_words(segment)}"
        previous = segment
    return out


def _unit_words(unit: str) -> str:
    return "phần trăm" if unit == "%" else UNITS.get(unit, unit)


def word_slash(m: re.Match[str], r: Reader) -> str:
    """Slashes between words: "per" after a unit of money or measure ("đồng/người/tháng"), else "or"."""
    left = m["left"]
    chain = m["chain"].split("/")[1:]
    if left in UNITS or left in CURRENCY_UNITS or left.lower() in _PER_WORDS:
        return f"{_unit_words(left)}{_per_tail(left, chain)}"
    if left.lower() not in _PER_UNITS and all(c.lower() in _PER_UNITS for c in chain):
        return left + "".join(f" mỗi {c}" for c in chain)  # "3 buổi tiếng Anh/tuần", "học sinh/tháng": per week, per month
    if left.lower() == "và" and chain == ["hoặc"]:
        return "hoặc"
    return ", ".join([left, *chain])


def ratio(m: re.Match[str], r: Reader) -> str:
    """`3/4` → ba phần tư (a small fraction); `12/24 giờ` → mười hai trên hai mươi tư giờ."""
    a, b = int(m["a"]), int(m["b"])
    if 0 < a < b <= 10:
        return f"{r.number(m['a'])} phần {read_month(b, r.dialect)}"
    return f"{r.number(m['a'])} trên {r.number(m['b'])}"


def unit(m: re.Match[str], r: Reader) -> str:
    return f"{r.number(m['n'])} {UNITS[m['unit']]}"


def percent(m: re.Match[str], r: Reader) -> str:
    return f"{r.number(m['n'])} phần trăm"


def number_range(m: re.Match[str], r: Reader) -> str:
    return f"{r.number(m['a'])} đến {r.number(m['b'])}"


def number(m: re.Match[str], r: Reader) -> str:
    return r.number(m.group(0))
