"""Dates, months and clock times read aloud: `01/7/2025` → mồng một tháng bảy năm hai nghìn …, `7h30`."""

from __future__ import annotations

import re

from scripts.numwords import Reader


def full_date(m: re.Match[str], r: Reader) -> str:
    return r.date(m["d"], m["m"], m["y"])


def month_year(m: re.Match[str], r: Reader) -> str:
    return f"{m['lead']}{r.month(m['m'])} năm {r.number(m['y'])}"


def spelled_date(m: re.Match[str], r: Reader) -> str:
    return "ngày " + r.date(m["d"], m["m"], m["y"])


def short_date(m: re.Match[str], r: Reader) -> str:
    if int(m["d"]) > 31 or not 0 < int(m["m"]) <= 12:
        return m.group(0)
    written_as_date = m["d"].startswith("0") or m["m"].startswith("0") or int(m["d"]) >= int(m["m"])
    if not m["lead"].lower().startswith("ngày") and not written_as_date:
        return m.group(0)  # "từ 3/4 số hộ" is a fraction; "từ 01/7" and "đến 31/12" are dates
    return m["lead"] + r.date(m["d"], m["m"], None)


def month(m: re.Match[str], r: Reader) -> str:
    return f"{m['lead']}{r.month(m['m'])}"


def clock_time(m: re.Match[str], r: Reader) -> str:
    words = f"{r.number(m['h'])} giờ"
    minutes = m["min"]
    if minutes and int(minutes):
        words += f" {r.number(minutes)} phút"
    return words
