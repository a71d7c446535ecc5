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
from scripts.legal import Article
from scripts.listener import check
from scripts.plan_labels import case_given, event_served, inline_cases, papers_listed, plan_label, without_budget
from scripts.sentences import HARD_MAX_WORDS, MAX_WORDS, capfirst, finish, flat, listenable, lowerfirst, strip_noise, words

GIVES = re.compile(rf"^(?P<verb>{alternatives([capfirst(v) for v in GIVING])})\s+(?P<who>.+)$")  # "Hỗ trợ người cao tuổi …"
# "Hỗ trợ tiền ăn cho người bệnh điều trị nội trú", "Người bệnh … được hỗ trợ": who gets what
GIVES_TO = re.compile(
    rf"^(?P<verb>{alternatives([capfirst(v) for v in GIVING])})(?P<what>\s[^,;:]{{2,40}}?)\s(?:cho|đối với)\s(?P<who>.+)$"
)
HOLDS = re.compile(rf"^(?P<who>[^,;:]+?)\s+được\s+(?P<verb>{GIVE})(?P<what>(?:\s[^,;:]{{2,40}})?)$")
# "Mức hỗ trợ: 500.000 đồng …", "Mức hỗ trợ tiền ăn: …", "Tiền đi lại: …", "Thời gian hỗ trợ: từ ngày …", "Địa điểm: tại …"
LABELLED = re.compile(
    rf"^(?:(?P<level>Mức|Định mức|Số tiền)(?:\s+(?P<verb>{GIVE})(?P<what>[^:]{{0,40}}))?|(?P<money>Tiền\s[^:\d]{{2,40}}?)|"
    r"(?P<time>Thời gian|Thời hạn)(?:\s+(?P<doing>[^:]{1,40}))?|(?P<place>Địa điểm|Nơi)(?:\s+[^:]{1,40})?)"
    r"\s*:\s+(?P<value>.+)$",
    re.I,
)
ACTED = re.compile(rf"^(?P<verb>{alternatives([capfirst(v) for v in GIVING])})\s+(?P<rest>\d.+)$")  # "Hỗ trợ 2.000.000 đồng/hộ"
DATES = re.compile(r"^(?:từ|kể từ|đến|trước|trong)\s+(?:ngày|tháng|năm|quý)\s+\d", re.I)
PLACE = re.compile(r"^(?:tại|ở)\s+\S", re.I)
SPAN = re.compile(r"^(?:(?:trong|tối đa|không quá)\s+)?\d+\s+(?:ngày|tháng|năm)\b")  # "Thời gian hỗ trợ: 12 tháng"
# what a plan's heading names that can happen at a time or a place: "Chiến dịch tiêm vắc xin sởi", "Đợt ra quân …"
EVENT = re.compile(
    r"^(?:Chiến dịch|Đợt|Tháng|Tuần|Ngày hội|Hội thi|Hội chợ|Lễ|Kỳ|Cuộc|Chương trình|Tiêm|Khám|Tổng vệ sinh|Diễn tập)\b"
)
ANNOUNCED = re.compile(r"\s*,?\s*(?:như sau|sau đây|dưới đây|bao gồm|gồm|(?:các|những) (?:khoản|nội dung) sau(?: đây)?)$")
HELD = re.compile(r"^(?:(?:Ban hành )?Kế hoạch\s+)?(?:(?P<verb>Tổ chức|Triển khai|Thực hiện)\s+)?(?P<what>.+)$", re.I)
EVENT_TAIL = re.compile(r"\s+(?:cho|trên địa bàn|tại|năm \d)\s.*$")  # "… cho trẻ em từ 1 đến 5 tuổi trên địa bàn xã năm 2031"
REFERENCE = re.compile(r"\b(?:quy định tại|theo quy định|Điều \d|khoản \d|điểm [a-zđ]\b|Phụ lục)")


def _group(who: str) -> bool:
    return bool(GROUP.match(who)) and not RULE.search(who) and not STAFF.search(who)


def _holder(heading: str) -> tuple[str, str, str]:
    """(who, verb, what) a heading names: "Hỗ trợ người cao tuổi …" → ("Người cao tuổi …", "hỗ trợ", ""); "Hỗ trợ tiền ăn
    cho người bệnh …" → ("Người bệnh …", "hỗ trợ", " tiền ăn"); "Hộ gia đình có nhà bị sập đổ" → (it, "", ""); else empty."""
    for m in (GIVES_TO.match(heading), HOLDS.match(heading), GIVES.match(heading)):
        if m and _group(m["who"]) and not punishes(m["verb"].lower(), m["who"]):
            what = m.groupdict().get("what") or ""
            return capfirst(m["who"]), m["verb"].lower(), "" if GROUP.match(what.strip()) else what
    return (heading, "", "") if _group(heading) else ("", "", "")


def under_heading(heading: str, line: str, event_only: bool = False) -> str | None:
    """`line` said with its clause's `heading`, or None when the heading cannot say whose the line is; `event_only`:
    only the time or place of the event the heading names (a plan's title over "Thời gian: từ ngày …")."""
    heading = ANNOUNCED.sub("", flat(strip_noise(heading)).rstrip(" .:"))  # "Hộ nghèo được hỗ trợ như sau:"
    body = flat(strip_noise(line)).rstrip(" .;")
    if not heading or REFERENCE.search(heading) or REFERENCE.search(body) or words(heading) > 25:
        return None
    who, verb, what = ("", "", "") if event_only else _holder(heading)
    said = ""
    if m := ACTED.match(body):  # "Hỗ trợ 2.000.000 đồng/hộ …" under "Hộ gia đình có nhà bị sập đổ hoàn toàn"
        if who and verb in ("", m["verb"].lower()) and VALUE.match(m["rest"]) and not punishes(m["verb"].lower(), m["rest"]):
            said = f"{who} được {m['verb'].lower()}{what.rstrip()} {m['rest']}"  # "Hỗ trợ hộ nghèo:" + "- Hỗ trợ 2.000.000 …"
    elif m := LABELLED.match(body):
        said = _labelled(m, heading, who, (verb, what))
    done = finish(said)
    if said and words(done) <= HARD_MAX_WORDS and listenable(done) and not check(done):
        return done
    return None if said or event_only else case_given(heading, body)  # "Hỗ trợ cây trồng:" + "a) Diện tích lúa …: hỗ trợ …"


def _labelled(m: re.Match[str], heading: str, who: str, giving: tuple[str, str]) -> str:
    value, (verb, what) = m["value"], giving
    if m["level"] or m["money"]:  # "Mức hỗ trợ: 500.000 đồng/người/tháng", "Tiền ăn: 40.000 đồng/người/ngày": who gets how much
        if m["money"]:
            own, what = verb, f" {m['money'].lower()}"
        else:
            own, what = (m["verb"].lower(), m["what"] or "") if m["verb"] else (verb, what)
        if not who or not own or (verb and own != verb) or not VALUE.match(value):
            return ""
        return f"{who} được {own}{what.rstrip()} {value}"
    if not (DATES.match(value) or SPAN.match(value) if m["time"] else PLACE.match(value)):
        return ""
    value = f"trong {value}" if re.match(r"\d", value) else f"trong thời gian {value}" if SPAN.match(value) else value
    if who and verb and (m["doing"] or verb).lower() == verb:  # "Thời gian hỗ trợ: từ ngày …" under "Hỗ trợ người …"
        return f"{who} được {verb}{what.rstrip()} {value}"
    if (event := HELD.match(heading)) and EVENT.match(capfirst(event["what"])) and not m["doing"]:  # under "Chiến dịch tiêm …"
        said = f"{capfirst(event['what'])} được {(event['verb'] or 'thực hiện').lower()} {value}"
        short = EVENT_TAIL.sub("", event["what"])  # a long place: the campaign by its name only, not for whom nor where
        return said if words(said) <= MAX_WORDS else f"{capfirst(short)} được {(event['verb'] or 'thực hiện').lower()} {value}"
    return ""


# "1. Đối tượng Người cao tuổi …" (its heading run into its line) or "1. Đối tượng: người cao tuổi …"; "2. Mức hỗ trợ 500.000 …"
WHO_ROW = re.compile(
    r"^Đối tượng(?: áp dụng| được hỗ trợ| hỗ trợ| thụ hưởng| được hưởng| hưởng)?(?:\s*:\s*|\s+(?=[A-ZĐ]))(?P<who>[^:;]+?)[.;]?$"
)
LEVEL_ROW = re.compile(
    rf"^Mức (?P<verb>hỗ trợ|trợ cấp|trợ giúp)(?:\s*:)?\s+(?P<value>(?:{VALUE.pattern.removeprefix('^')})[^:;]*?)[.;]?$", re.I
)


def sheet(article: Article) -> dict[str, str]:
    """Who and how much, when an article gives each a clause of its own ("1. Đối tượng" / "Người cao tuổi …"; "2. Mức
    hỗ trợ" / "500.000 đồng/người/tháng"): alone, the first is a noun phrase and the second an amount for no one."""
    rows = [flat(c.text) for c in article.clauses if not c.points]
    who = [strip_noise(m["who"]) for r in rows if (m := WHO_ROW.match(r))]
    level = [m for r in rows if (m := LEVEL_ROW.match(r))]
    if len(who) != 1 or len(level) != 1 or not _group(capfirst(who[0])):
        return {}
    said = finish(f"{capfirst(who[0])} được {level[0]['verb'].lower()} {lowerfirst(level[0]['value'])}")
    return {"said": said} if words(said) <= HARD_MAX_WORDS and listenable(said) and not check(said) else {}


def _sheet_row(above: Above, line: str) -> list[str] | None:
    """The who row said with the amount (the amount row is not said: level_rows.unlabelled); None for other lines."""
    if not above.sheet or not WHO_ROW.match(flat(line)):
        return None
    return [above.sheet["said"]]


def headed_rows(above: Above, clause: str | None, point: str | None, line: str) -> list[str] | None:
    """A line with no lead line above it: said with its clause's heading or its article's title when that names whose
    it is, a plan's label line with what its section organises (scripts.plan_labels), else as a row of what came
    above it (``Above.rows``); an article's "Đối tượng" and "Mức hỗ trợ" clauses as one sentence (``sheet``)."""
    if point is None and (whole := _sheet_row(above, line)) is not None:
        return whole
    said = under_heading(above.named(clause, point, line), line) or under_heading(above.subject, line, event_only=True)
    said = said or plan_label(above.title, line)  # "I. TUYỂN SINH VÀO LỚP 1" + "1. Đối tượng: trẻ em sinh năm …"
    said = said or event_served(above.subject, line) or papers_listed(line)  # who a campaign serves, papers to bring
    return [said] if said else inline_cases(line) or without_budget(line) or above.rows(clause, point, line)
