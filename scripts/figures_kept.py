"""The figures a resident acts on, and whether a shortened sentence still says them.

A provision shortened to fit a sentence may drop a qualifier; it must not drop the amount, the percentage, the
deadline, the age that says who qualifies ("từ đủ 75 tuổi trở lên", "dưới 6 tuổi") or the date from which the rule
holds, nor the period a level is counted on: "540.000 đồng/người/tháng" is one figure with its "/người/tháng", and
"theo tháng", "hằng năm" beside an amount are figures too (a monthly level is not a one-off). A month of a year a
level is counted on ("trên mức lương hưu của tháng 6 năm 2026") qualifies the basis and may go. A document's number and the date a cited document was
signed ("Nghị định số 33/2016/NĐ-CP ngày 10 tháng 5 năm 2016") are not such figures: a reference may go.
"""

from __future__ import annotations

import re

# a term, a time of day, a distance, an area, a load, an age ("trẻ em dưới 6 tuổi": who qualifies)
UNITS = r"ngày|tháng|năm|giờ|phút|km|ha|m2|m3|mét|kg|tấn|lần|tuổi"
PER = r"(?P<per>(?:\s*/\s*[^\W\d_]+(?=[\s/.,;:)]|$))*)"  # what a level is counted by: "/người/tháng", "/hộ"
PERIOD = re.compile(r"\b(?:theo|hằng|hàng|mỗi)\s+(?P<p>ngày|tuần|tháng|quý|năm)\b(?!\s*\d)", re.I)  # "chi trả theo tháng"
FIGURES = (
    re.compile(
        r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})|\b(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})\b"
    ),
    re.compile(rf"(?P<n>\d+(?:[.,]\d+)?)\s*(?P<u>%|phần trăm){PER}"),
    re.compile(rf"(?P<n>\d[\d.,]*)\s*(?P<u>(?:tỷ|tỉ|triệu|nghìn|ngàn)?\s*đồng(?!\s+thời)|tỷ|tỉ|triệu){PER}"),
    re.compile(rf"(?P<n>\d+(?:[.,]\d+)?)\s*(?P<u>{UNITS})\b"),
)
MONTH = re.compile(r"tháng\s+\d{1,2}(?:\s+năm\s+|/)\d{4}\b")  # a month of a year: no quantity, and not a figure kept
CITED = re.compile(
    r"(?:\b[Ss]ố\s+[\w/.-]*\d[\w/.-]*|\d+/\d{4}/[\wĐđ-]+|(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp)\b[^,;.()]{0,80})\s*(?:ngày\s+)?$"
)


def _number(text: str) -> str:
    return re.sub(r"^0+(?=\d)", "", re.sub(r"[.,](?=\d{3}\b)", "", text).replace(",", "."))


def figures(text: str) -> set[str]:
    """ "… 05 năm …", "50%", "01 tỷ đồng", "ngày 01 tháng 7 năm 2026" → {"5 năm", "50 %", "1 tỷ đồng", "2026-7-1"}:
    the figures a sentence gives, a cited document's date left out."""
    found: set[str] = set()
    for pattern in FIGURES:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if "y" in groups:
                if CITED.search(text[max(0, m.start() - 120) : m.start()]):
                    continue
                found.add(f"{int(m['y'] or m['y2'])}-{int(m['m'] or m['m2'])}-{int(m['d'] or m['d2'])}")
            else:
                per = re.sub(r"\s+", "", groups.get("per") or "")
                found.add(f"{_number(m['n'])} {' '.join(m['u'].split())}{per}")
        text = pattern.sub(lambda m: " " * len(m[0]), text)  # a date's "7 năm 2026" is no quantity
        text = MONTH.sub(lambda m: " " * len(m[0]), text)
    if any(f.endswith(("đồng", "%", "phần trăm", "tỷ", "tỉ", "triệu")) or "/" in f for f in found):
        found |= {f"mỗi {m['p'].lower()}" for m in PERIOD.finditer(text)}  # the period beside a level is part of it
    return found


def drops_figure(text: str, short: str) -> bool:
    """Does the shortened sentence leave out a figure the provision gives (not a cited document's date)?"""
    return bool(figures(text) - figures(short))


CONDITION_HEAD = re.compile(r"^(?:Trong trường hợp|Trường hợp|Khi|Nếu)\b")
BARE_PASSIVE = re.compile(r"\sđược \w+$")  # "Giấy phép lái xe hạng A4 được đổi" cut from "…, cấp lại sang … 1.000 kg"


def misleading_head(text: str, head: str) -> bool:
    """A head cut at a comma that leaves the figure to the rest and says something else: only its condition ("Trường
    hợp xe hết niên hạn sử dụng, hư hỏng …" from "…, chủ xe được giữ lại … 05 năm"), or a passive verb without what
    it leads to ("Giấy phép lái xe hạng A4 được đổi" from "…, cấp lại sang … trọng tải đến 1.000 kg")."""
    return bool(CONDITION_HEAD.match(head) or BARE_PASSIVE.search(head)) and drops_figure(text, head)
