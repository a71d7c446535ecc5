"""A lead by construction, when the headline rules find none (issue 19, resident first).

The bulletin says its main point first: a resident holder with a right, a duty or a payment ("Chủ hộ … phải …",
"Người tham gia … được hỗ trợ 200.000 đồng …") or a ban ("Khi …, cấm đốt …"), said whole and short enough to be
heard once. Never a fragment, an office's task, a scope sentence, an exemption list item, a table row, a time limit of
a procedure nor a rule for counting: without such a sentence the bulletin still opens with the document.
"""

from __future__ import annotations

import re

from scripts.choice import BARE_LEVEL, ELIGIBILITY, UNIT_LEAD, procedure_or_counting
from scripts.holders import PERSON_HEADS, alternation
from scripts.listener import passes
from scripts.selection import Candidate, admin_score, best_first
from scripts.sentences import MAX_WORDS, capfirst, words

DATE_WORDS = 7  # "Từ ngày 01 tháng 7 năm 2027, " put before a lead that says no date of its own
UNDATED_WORDS = MAX_WORDS - 4  # a longer lead than MAX_WORDS - DATE_WORDS is said without it: the next sentence dates it
OPENING = r"^(?:(?:Từ ngày|Kể từ ngày|Khi|Trong mùa|Trong thời gian|Ở|Tại|Đối với) [^,:;]+, )?"
HOLDER = (
    rf"(?:Mỗi |Các |Những )?(?:{alternation(PERSON_HEADS)}|sinh viên|chủ rừng|chủ sở hữu|nông dân|ngư dân|nhân dân|"
    r"phụ huynh|cha mẹ|chủ tàu|chủ xe|tổ chức(?:,| và| hoặc) cá nhân)\b"
)
RIGHT_OR_DUTY = r"\b(?:được|phải|không được|bị|có quyền|có nghĩa vụ|có trách nhiệm)\b"
HOLDER_RULE = re.compile(OPENING + HOLDER + r"[^:;]*?" + RIGHT_OR_DUTY, re.I)
BAN = re.compile(OPENING + r"(?:Nghiêm cấm|Cấm)\b", re.I)
NOT_A_HOLDER = re.compile(  # an office's people, not residents
    r"^(?:\S+ ){0,8}?(?:người đứng đầu|người có thẩm quyền|người ký|cán bộ|công chức|viên chức|chủ tịch)\b", re.I
)
SCOPE = re.compile(
    r"\báp dụng (?:đối với|cho)\b|\bđối tượng (?:áp dụng|điều chỉnh)\b|\bphạm vi (?:áp dụng|điều chỉnh)\b|\b(?:này|sau đây) quy định\b",
    re.I,
)
EXEMPTED = re.compile(r"\bđược (?:miễn|giảm)\b", re.I)  # who does not pay: an item of a list, never the main point
# "Nhân dân được vận động tham gia …": being urged or told binds no one and changes nothing: never the main point
URGED = re.compile(r"\bđược (?:vận động|tuyên truyền|khuyến khích|hướng dẫn|phổ biến|động viên|khuyến cáo)\b", re.I)
AMOUNT = re.compile(r"\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng|\d[\d.,]*\s*%", re.I)
DATED = re.compile(r"\bngày \d|\d/\d{4}")


def lead_worthy(text: str) -> bool:
    """A resident's right, duty, payment or a ban, said as a whole sentence a listener follows at once."""
    return (
        bool(HOLDER_RULE.match(text) or BAN.match(text))
        and words(text) <= (MAX_WORDS if DATED.search(text) else UNDATED_WORDS)
        and not NOT_A_HOLDER.match(text)
        and not SCOPE.search(text)
        and not EXEMPTED.search(text)
        and not URGED.search(text)
        and not BARE_LEVEL.match(text)
        and not UNIT_LEAD.match(text)
        and not procedure_or_counting(text)
        and not ELIGIBILITY.search(text)
        and admin_score(text) < 3.0
        and passes(text)
    )


RECAP_WORDS = MAX_WORDS - 8  # "Xin nhắc lại: …" repeats the main point short, after the whole bulletin
LEAD_DATE = re.compile(r"^(?:Từ|Kể từ) ngày (?![^,;.]*\bđến\b)[^,;.]+, (?=\S)")  # never a span: "… đến hết ngày …"


PLACE = r"(?:khu vực|vùng)(?: [^\s,:;]+){1,4}?|xã|phường|thị trấn|thành thị|nông thôn"
FIRST_COLUMN = re.compile(
    rf"^(?P<what>[^:,;]+): (?P<column>{PLACE}) (?P<amount>\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng)"
    r"(?:, [^,:;]+? \d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng)+(?P<rate>/[^,;:.]+)\.$"
)  # a fee row by place columns: "Học phí …: khu vực xã 80 nghìn đồng, khu vực phường 120 nghìn đồng/người/tháng."


def recap(lead: str) -> str:
    """What "Xin nhắc lại" repeats: the lead, without the date it opened with when whole it is too long to repeat
    (the date was heard in the lead and in the document's own sentence), or of a fee row its first column with its
    label ("Học phí … ở khu vực xã là 80 nghìn đồng/người/tháng."); nothing when it stays too long."""
    if words(lead) > RECAP_WORDS:
        lead = capfirst(LEAD_DATE.sub("", lead))
    if words(lead) > RECAP_WORDS and (m := FIRST_COLUMN.match(lead)):
        lead = f"{m['what']} ở {m['column']} là {m['amount']}{m['rate']}."
    return lead if words(lead) <= RECAP_WORDS else ""


def resident_lead(pool: list[Candidate]) -> Candidate | None:
    """The lead-worthy sentence of the pool, an amount or a ban before a duty, then by score."""
    fit = [c for c in best_first(pool) if not c.table and lead_worthy(c.text)]
    fit.sort(key=lambda c: not (AMOUNT.search(c.text) or BAN.match(c.text)))
    return next(iter(fit), None)
