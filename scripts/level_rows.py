"""A row of a list of levels said with the level it gives: "Mức hỗ trợ mua thẻ bảo hiểm y tế:" then
"b) Người khuyết tật nặng …: 70% mức đóng".

Heard alone the row is a name and a figure: "Người khuyết tật nặng …: 70% mức đóng" — 70% of what, paid or
received? "Đào tạo trình độ sơ cấp: tối đa 4.000.000 đồng/người/khóa học" sounds like a fee. Said with its lead it
is a rule: "Đối với người khuyết tật nặng …, mức hỗ trợ mua thẻ bảo hiểm y tế là 70% mức đóng." A row that cannot
be said so (too long, not a clean sentence) is left to the other readings, as before (refusing it cost a fresh key fact).
"""

from __future__ import annotations

import re

from scripts.announcing import ANNOUNCES, LEAD_TAIL
from scripts.label_lines import LEVEL_ROW, sheet
from scripts.lead_rows import GIVE
from scripts.legal import Article
from scripts.listener import check
from scripts.sentences import FIGURE, HARD_MAX_WORDS, MAX_WORDS, finish, flat, listenable, lowerfirst, strip_noise, words

LEVEL_LEAD = re.compile(r"^(?:Mức|Giá|Phí|Lệ phí|Tiền|Định mức)\s", re.I)  # the lead names the kind of level
ROW = re.compile(
    r"^(?P<label>[^:;]{3,160}?):\s*(?P<amount>(?:từ|tối đa|tối thiểu|không quá|bằng)?\s*\d[^:;]*?)\s*[.;]?$"
)  # "Người cao tuổi thuộc hộ cận nghèo: 100% mức đóng"


RATED = re.compile(
    r"^(?P<give>(?:Hỗ trợ|Giảm|Miễn, giảm|Trợ cấp|Thưởng|Bồi dưỡng)\s[^:;]{3,80}?)\s+(?:theo|với|ở)\s+(?:các\s+)?"
    r"(?P<kind>tỷ lệ|mức|định mức)(?:\s+(?:như sau|sau đây|dưới đây|sau))?$"
)  # "Giảm học phí học lái xe với các mức sau đây:": its rows are levels of the giving ("mức giảm học phí …")
PAID_LEVEL = re.compile(
    r"^(?P<what>(?:Phụ cấp|Trợ cấp|Tiền|Mức)\s[^,;:]{3,80}?)\s+được\s+(?:chi trả|trả|tính|hưởng)\b(?P<how>[^:;]*?),?\s+"
    r"mức\s+(?:hưởng|chi trả|hỗ trợ|trợ cấp)$"
)  # "Phụ cấp chức vụ chỉ huy Dân quân tự vệ được chi trả theo tháng, mức hưởng như sau:": its rows are its levels
PERIOD = {"theo tháng": " hằng tháng", "theo ngày": " mỗi ngày", "theo năm": " hằng năm"}
BARE_FIGURE = re.compile(
    r"^(?:[Mm]ức\s+)?(?:(?:từ|tối đa|tối thiểu|không quá|bằng)\s+)?\d[\d.,]*\s*(?:%|(?:nghìn |triệu |tỷ )?đồng)(?:/\S+)*"
    r"(?:\s+(?:mức|chi phí|giá|tổng|học phí|phí)(?:\s+[^\s;.:]+){0,5})?$"
)  # "500.000 đồng/người", "70% mức đóng": a level that names no one it is for


def level_row(lead: str, unit: str) -> list[str] | None:
    """The row said as a rule with its level; None when it cannot be, or is no row under a level's lead."""
    phrase = LEAD_TAIL.sub("", ANNOUNCES.sub("", strip_noise(lead).rstrip(" :"))).strip(" ,:")
    if rated := RATED.match(phrase):
        phrase = f"{rated['kind']} {lowerfirst(rated['give'])}"  # "mức giảm học phí học lái xe"
    elif paid := PAID_LEVEL.match(phrase):  # "mức phụ cấp chức vụ chỉ huy Dân quân tự vệ hằng tháng"
        what = lowerfirst(paid["what"]).removeprefix("mức ")
        phrase = f"Mức {what}" + next((v for k, v in PERIOD.items() if k in paid["how"]), "")
    body = strip_noise(unit).rstrip(" ;.")
    labels, _, value = body.rpartition(": ")
    groups = [g for g in labels.split("; ") if g] if ": " in body and ";" not in value else []
    if not LEVEL_LEAD.match(phrase):
        return None
    for label in [", ".join(map(lowerfirst, groups)), groups[-1]] if len(groups) > 1 else [body]:
        # "Trung đội trưởng; Tiểu đội trưởng …: 280.800 đồng": every group the row lists, or its last when too long
        row = ROW.match(f"{label}: {value}" if len(groups) > 1 else label)
        if not (row and FIGURE.search(row["amount"])):
            continue
        said = finish(f"Đối với {lowerfirst(row['label'])}, {lowerfirst(phrase)} là {row['amount'].strip()}")
        if words(said) <= min(MAX_WORDS + 4, HARD_MAX_WORDS) and listenable(said):
            return [said]
    return None


def unlabelled(article: Article, clause: str | None, point: str | None, line: str) -> bool:
    """A point that is only a figure ("b) 500.000 đồng/người.", "c) 70%.") among other points of its clause: a row
    whose label was lost. Said with the lead it would give the figure to everyone the lead covers: not said. Nor is
    an article's "2. Mức hỗ trợ 500.000 đồng/…" clause, said with its "1. Đối tượng …" clause (label_lines.sheet)."""
    if point is None and LEVEL_ROW.match(flat(line)) and sheet(article):
        return True
    if not point or not BARE_FIGURE.match(strip_noise(line).rstrip(" ;.")):
        return False
    return sum(1 for c, p, _ in article.passages() if c == clause and p) > 1


RATE_END = re.compile(rf"\s(?P<verb>{GIVE})(?P<more>\s+thêm)?\s+(?P<rate>\d[\d.,]*\s*%)\.?$")
OBJECT_LEAD = re.compile(rf"\b(?P<verb>{GIVE})\s+(?P<what>[^:;,]{{3,60}}?)(?:\s+(?:theo|với|ở)\s+[^:;,]*)?$")


def rated(lead: str, sentence: str) -> str:
    """ "Ngân sách tỉnh hỗ trợ mức đóng bảo hiểm y tế như sau:" + "Học sinh, sinh viên được hỗ trợ 20%." → "… được hỗ
    trợ 20% mức đóng bảo hiểm y tế.": a rate said with what it is a share of, which its lead names."""
    if not (m := RATE_END.search(sentence)):
        return sentence
    bare = LEAD_TAIL_WORDS.sub("", flat(strip_noise(lead)).rstrip(" :.")).strip(" ,")
    o = OBJECT_LEAD.search(bare)
    if not o or o["verb"].lower() != m["verb"].lower() or re.search(r"\d|\b(?:cho|đối với)\b", o["what"]):
        return sentence
    said = f"{sentence[: m.end('rate')]} {o['what']}."
    return said if words(said) <= HARD_MAX_WORDS and listenable(said) and not check(said) else sentence


LEAD_TAIL_WORDS = re.compile(r"(?:\s*,?\s+(?:như sau|sau đây|dưới đây|cụ thể|gồm|bao gồm))+$")
