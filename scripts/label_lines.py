"""A line with no verb of its own under the heading that names who it is for, said as one sentence.

Decisions and plans often put a benefit's holder in a clause's heading and its amount or dates in lines below it:
"3. Hỗ trợ người cao tuổi từ đủ 75 tuổi trở lên" then "Mức hỗ trợ: 500.000 đồng/người/tháng."; "1. Hộ gia đình có nhà
bị sập đổ hoàn toàn" then "Hỗ trợ 40.000.000 đồng/hộ."; "1. Chiến dịch tiêm vắc xin sởi" then "Thời gian: từ ngày …".
Read alone such a line is a label and an amount ("Mức hỗ trợ là 500.000 đồng/người/tháng": for whom?) or an order
to nobody. Said with its heading it is a sentence that keeps who, what, how much and when: "Người cao tuổi từ đủ 75
tuổi trở lên được hỗ trợ 500.000 đồng/người/tháng." When the heading names no one and nothing done, the line is not
said here (None): the caller goes on as before.
"""

from __future__ import annotations

import re

from scripts.benefits import alternatives, punishes
from scripts.lead_rows import GIVE, GIVING, GROUP, RULE, STAFF, VALUE, Above
from scripts.listener import check
from scripts.sentences import HARD_MAX_WORDS, capfirst, finish, flat, listenable, strip_noise, words

GIVES = re.compile(rf"^(?P<verb>{alternatives([capfirst(v) for v in GIVING])})\s+(?P<who>.+)$")  # "Hỗ trợ người cao tuổi …"
# "Mức hỗ trợ: 500.000 đồng …", "Mức hỗ trợ tiền ăn: …", "Thời gian hỗ trợ: từ ngày …", "Địa điểm: tại …"
LABELLED = re.compile(
    rf"^(?:(?P<level>Mức|Định mức|Số tiền)(?:\s+(?P<verb>{GIVE})(?P<what>[^:]{{0,40}}))?|"
    r"(?P<time>Thời gian|Thời hạn)(?:\s+(?P<doing>[^:]{1,40}))?|(?P<place>Địa điểm|Nơi)(?:\s+[^:]{1,40})?)"
    r"\s*:\s+(?P<value>.+)$",
    re.I,
)
ACTED = re.compile(rf"^(?P<verb>{alternatives([capfirst(v) for v in GIVING])})\s+(?P<rest>\d.+)$")  # "Hỗ trợ 2.000.000 đồng/hộ"
DATES = re.compile(r"^(?:từ|kể từ|đến|trước|trong)\s+(?:ngày|tháng|năm|quý)\s+\d", re.I)
PLACE = re.compile(r"^(?:tại|ở)\s+\S", re.I)
SPAN = re.compile(r"^(?:trong\s+)?\d+\s+(?:ngày|tháng|năm)\b")  # "Thời gian hỗ trợ: 12 tháng"
# what a plan's heading names that can happen at a time or a place: "Chiến dịch tiêm vắc xin sởi", "Đợt ra quân …"
EVENT = re.compile(
    r"^(?:Chiến dịch|Đợt|Tháng|Tuần|Ngày hội|Hội thi|Hội chợ|Lễ|Kỳ|Cuộc|Chương trình|Tiêm|Khám|Tổng vệ sinh|Diễn tập)\b"
)
REFERENCE = re.compile(r"\b(?:quy định tại|theo quy định|Điều \d|khoản \d|điểm [a-zđ]\b|Phụ lục)")


def _holder(heading: str) -> tuple[str, str]:
    """(who, verb) a heading names: "Hỗ trợ người cao tuổi …" → ("Người cao tuổi …", "hỗ trợ"); "Hộ gia đình có nhà bị
    sập đổ" → ("Hộ gia đình có nhà bị sập đổ", ""); ("", "") for any other heading."""
    if (m := GIVES.match(heading)) and GROUP.match(m["who"]) and not RULE.search(m["who"]) and not STAFF.search(m["who"]):
        return capfirst(m["who"]), m["verb"].lower()
    if GROUP.match(heading) and not RULE.search(heading) and not STAFF.search(heading):
        return heading, ""
    return "", ""


def under_heading(heading: str, line: str) -> str | None:
    """`line` said with its clause's `heading`, or None when the heading cannot say whose the line is."""
    heading = flat(strip_noise(heading)).rstrip(" .:")
    body = flat(strip_noise(line)).rstrip(" .;")
    if not heading or REFERENCE.search(heading) or REFERENCE.search(body) or words(heading) > 25:
        return None
    who, verb = _holder(heading)
    said = ""
    if m := ACTED.match(body):  # "Hỗ trợ 2.000.000 đồng/hộ …" under "Hộ gia đình có nhà bị sập đổ hoàn toàn"
        if who and not verb and VALUE.match(m["rest"]) and not punishes(m["verb"].lower(), m["rest"]):
            said = f"{who} được {m['verb'].lower()} {m['rest']}"
    elif m := LABELLED.match(body):
        said = _labelled(m, heading, who, verb)
    done = finish(said)
    return done if said and words(done) <= HARD_MAX_WORDS and listenable(done) and not check(done) else None


def _labelled(m: re.Match[str], heading: str, who: str, verb: str) -> str:
    value = m["value"]
    if m["level"]:  # "Mức hỗ trợ: 500.000 đồng/người/tháng": who gets how much
        giving = m["verb"].lower() if m["verb"] else verb
        if not who or not giving or (verb and giving != verb) or not VALUE.match(value):
            return ""
        return f"{who} được {giving}{(m['what'] or '').rstrip()} {value}"
    if not (DATES.match(value) or SPAN.match(value) if m["time"] else PLACE.match(value)):
        return ""
    value = f"trong {value}" if SPAN.match(value) and not value.startswith("trong") else value
    if who and verb and (m["doing"] or verb).lower() == verb:  # "Thời gian hỗ trợ: từ ngày …" under "Hỗ trợ người …"
        return f"{who} được {verb} {value}"
    if EVENT.match(heading) and not m["doing"]:  # "Thời gian: từ ngày …" under "Chiến dịch tiêm vắc xin sởi"
        return f"{heading} được thực hiện {value}"
    return ""


def headed_rows(above: Above, clause: str | None, point: str | None, line: str) -> list[str] | None:
    """A line with no lead line above it: said with its clause's heading or its article's title when that names whose
    it is, else as a row of what came above it (``Above.rows``)."""
    said = under_heading(above.named(clause, point, line), line)
    return [said] if said else above.rows(clause, point, line)
