"""A made-up provincial decision around the articles a test writes: the rules of drafting are
tried on text nobody tuned them for. It takes effect a few years after today, so that no test
reads a date that has passed."""

from __future__ import annotations

from datetime import date

from scripts.draft import draft
from scripts.legal import LegalDocument, parse
from scripts.units import passage_units

YEAR = date.today().year + 5


def decision(subject: str, body: str, number: int = 21) -> LegalDocument:
    """`body` (articles) between a decision's head on `subject` and its article on entry into force."""
    head = f"ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nSố: {number}/{YEAR}/QĐ-UBND\nQUYẾT ĐỊNH\n{subject}\n"
    tail = f"Điều 9. Hiệu lực thi hành\nQuyết định này có hiệu lực từ ngày 01 tháng 3 năm {YEAR}.\n"
    return parse(head + body + tail)


def units(subject: str, body: str) -> list[str]:
    """Every sentence the drafter could say from the articles, in order."""
    return [u[3] for a in decision(subject, body).articles for u in passage_units(a)]


def script(subject: str, body: str) -> list[str]:
    """The sentences of the drafted script."""
    return [s.text for s in draft(decision(subject, body)).sentences]
