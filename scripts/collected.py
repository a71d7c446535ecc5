"""A charge an office is told to collect from residents, said as what residents pay.

"Giao các đơn vị cấp nước thu tiền nước của hộ gia đình sử dụng nước sạch nông thôn theo mức 6.500 đồng/m3 kể từ
ngày 01 tháng 01 năm 2027" is written as the supplier's task, yet the news is the households' bill: "Từ ngày 01 tháng
01 năm 2027, hộ gia đình sử dụng nước sạch nông thôn trả tiền nước 6.500 đồng/m3." The office's verb keeps its
meaning: collecting a charge from residents is residents paying it. Only a charge ("tiền …", "phí …", "giá dịch vụ
…") collected from residents (``resident_voice.RESIDENTS``) at a stated amount is said; what an office or a business
pays, money paid into a budget, a charge under a negation or a condition, and collecting anything else ("thu gom",
"thu hồi") stay as they were.
"""

from __future__ import annotations

import re

from scripts.resident_voice import NOT_RESIDENTS, OFFICES_BETWEEN, RESIDENTS, TIME_OR_CASE, office_asks
from scripts.sentences import SENTENCE_SPLIT, capfirst, flat, words

CHARGE = r"(?:tiền|phí|lệ phí|học phí|viện phí|giá dịch vụ|giá|cước)"
AMOUNT = r"\d[\d.,]*\s*(?:nghìn\s+|triệu\s+)?đồng(?:/\w+)*"
COLLECTS = re.compile(
    rf"^(?P<pre>[^.;:]{{0,140}}?)(?<!\S)(?i:thu)\s+(?P<charge>{CHARGE}\b[^.;:]{{0,60}}?)\s+(?:của|đối với|từ)\s+"
    rf"(?P<who>{RESIDENTS}[^.;:]{{0,80}}?)(?:,?\s+(?:theo|với|ở)?\s*mức(?:\s+thu)?(?:\s+là)?|\s+là|\s*:)\s+"
    rf"(?P<amount>{AMOUNT})(?:\s+(?:kể từ|bắt đầu từ|từ)\s+(?P<when>ngày\s+[^.;:,]+?))?\s*\.?$"
)
BY_LAW = re.compile(r"(?:\d[\d.,]*\s*(?:nghìn\s+|triệu\s+)?đồng|\b(?:theo quy định|nộp|ngân sách|không|trừ|nếu)\b)", re.I)
PAID_BY_LAW = ("phí", "lệ phí", "học phí", "viện phí")  # a fee or a charge is paid in ("nộp"), a price or a bill settled
# who collects, when no office is named: a supplier or a market's board ("Công ty cấp nước …", "Ban quản lý chợ …")
COLLECTOR = re.compile(r"^(?:Các\s+)?(?:đơn vị|công ty|nhà máy|ban quản lý|hợp tác xã|doanh nghiệp)\b", re.I)
CHARGE_WORDS = 10
WHO_WORDS = 14


def _paid(sentence: str) -> str | None:
    """ "Giao … thu tiền nước của hộ gia đình … theo mức 6.500 đồng/m3 kể từ ngày …" → "Từ ngày …, hộ gia đình …
    trả tiền nước 6.500 đồng/m3."; None when not a charge an office collects from residents."""
    if not (m := COLLECTS.match(sentence)):
        return None
    pre, charge, who = m["pre"].strip(" ,"), m["charge"].strip(" ,"), m["who"].strip(" ,")
    collector = bool(COLLECTOR.match(TIME_OR_CASE.sub("", pre))) and office_asks(f"Giao {pre}")  # its checks, as a task
    if not (office_asks(pre) or collector) or NOT_RESIDENTS.search(who) or OFFICES_BETWEEN.search(charge + " " + who):
        return None
    if BY_LAW.search(charge) or BY_LAW.search(who) or words(charge) > CHARGE_WORDS or words(who) > WHO_WORDS:
        return None  # another amount, a payment into a budget or a negation inside: not one plain bill
    lead = t["lead"] if (t := TIME_OR_CASE.match(pre)) else (f"Từ {m['when']}" if m["when"] else "")
    verb = "nộp" if charge.startswith(PAID_BY_LAW) else "trả"
    said = f"{who} {verb} {charge} {m['amount']}"
    return capfirst(f"{lead}, {said}" if lead else said) + "."


def as_paid(line: str) -> str:
    """Each sentence of the line that tells an office to collect a charge from residents, said as what they pay."""
    sentences = SENTENCE_SPLIT.split(flat(line))
    said = [_paid(s.lstrip("-+•* ")) for s in sentences]
    return " ".join(p or s for p, s in zip(said, sentences)) if any(said) else line
