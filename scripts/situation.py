"""What is happening: the storm, flood or landslide a Công điện opens with, said before what residents must do.

A Công điện (and an emergency directive) starts with the situation: "Theo Trung tâm Dự báo khí tượng thủy văn quốc
gia, hồi 07 giờ ngày 14 tháng 10, vị trí tâm bão số 9 ở …, sức gió mạnh nhất vùng gần tâm bão mạnh cấp 13, giật cấp
16." Residents hear that first on the loudspeaker: where the storm is, how strong, when it arrives, how much rain. The
parser keeps that paragraph with the reasons before task 1 (``LegalDocument.preamble``), which the articles do not
hold, so drafting never read it. Here a sentence of it becomes a candidate when it names a hazard and gives a
figure (a wind level, a time, a rainfall, a date): never the addressees, the purpose ("Để chủ động …"), praise, or a
past that is over. The forecaster's name goes ("Theo Trung tâm …,"); a long forecast is said as its parts ("…, sức
gió mạnh nhất …", "…, dự báo …"), each only if a listener hears it as a sentence.
"""

from __future__ import annotations

import re

from scripts.listener import passes
from scripts.selection import Candidate, Source
from scripts.sentences import HARD_MAX_WORDS, MAX_WORDS, SENTENCE_SPLIT, capfirst, finish, flat, words

HAZARD = re.compile(
    r"\b(?:bão|áp thấp nhiệt đới|mưa (?:lớn|to|rất to|đặc biệt lớn)|lũ|lũ quét|ngập lụt|ngập úng|sạt lở|lốc|mưa đá|"
    r"triều cường|nước dâng|động đất|sóng thần|nắng nóng|hạn hán|xâm nhập mặn|rét đậm|rét hại|cháy rừng)\b",
    re.I,
)
FIGURE = re.compile(
    r"\bcấp \d|\d+\s*(?:mm|km|m\b|cm)|\d{1,2}\s*giờ\b|\bngày \d{1,2}|\d+\s*(?:-|đến)\s*\d+\s*mm|\bmực nước\b[^,.]{0,40}\d"
)
NOT_NEWS = re.compile(
    r"^(?:Để|Nhằm|Căn cứ|Thực hiện|Thủ tướng|Chủ tịch|Bộ trưởng|Kính gửi|Vừa qua|Thời gian qua|Trong thời gian qua|"
    r"Những ngày qua|Trong những ngày qua)\b|\b(?:điện:|yêu cầu:|đề nghị:)|^[-+•]",
    re.I,
)
ATTRIBUTION = re.compile(
    r"^Theo (?:bản tin|dự báo|thông tin|tin)?[^,]{0,160}?(?:Trung tâm|Đài|Cơ quan|Tổng cục|Cục|Viện)[^,]{0,160}?,\s+"
)
FORECAST_PART = re.compile(
    r",\s+(?=(?:vị trí tâm|sức gió mạnh nhất|gió mạnh|dự báo|trong \d+ giờ tới|từ (?:đêm|chiều|sáng|trưa|tối) |"
    r"mưa (?:lớn|to|rất to)|lượng mưa|vùng biển|sóng biển|biển động|mực nước|nguy cơ)\b)",
    re.I,
)
# a forecaster's phrasing, said in words a listener (and the listener check) hears as a sentence, the facts unchanged
PHRASING = (
    (re.compile(r"\b[Vv]ị trí tâm ((?:bão|áp thấp nhiệt đới)(?: số \d+)?) ở\b"), r"tâm \1 đang ở"),
    (re.compile(r"\b([Ss]ức gió mạnh nhất[^,.]{0,40}?) mạnh (cấp \d+)"), r"\1 là \2"),
    (re.compile(r"^Dự báo,?\s+(?=(?:từ|trong|đến|chiều|sáng|tối|đêm|ngày)\b)"), "Theo dự báo, "),
)
MOVES = re.compile(  # never after "không", "đang", "đã" …: "bão không sẽ đi vào" is no Vietnamese
    r"\b(?<!sẽ )(?<!không )(?<!đang )(?<!đã )(?<!chưa )(?<!vẫn )(?<!còn )(?<!có thể )(?:đi vào|di chuyển|đổ bộ|gây|suy yếu|mạnh lên|ảnh hưởng trực tiếp)\b"
)
SITUATION_SCORE = 9.0  # residents act on it: above an office's task, below a ban or an evacuation order


def situation_sentences(doc_type: str, preamble: list[str]) -> list[tuple[str, str]]:
    """(said, quote) for each sentence of the opening that tells what is happening, in the document's order."""
    out: list[tuple[str, str]] = []
    for line in preamble:
        for quote in SENTENCE_SPLIT.split(flat(line)):
            if NOT_NEWS.search(quote) or not (HAZARD.search(quote) and FIGURE.search(quote)):
                continue
            text = _phrased(capfirst(ATTRIBUTION.sub("", quote.strip())))
            out += [(said, quote) for said in _said(text)]
    return out


def _phrased(text: str) -> str:
    for pattern, said in PHRASING:
        text = pattern.sub(said, text)
    if text.startswith("Theo dự báo, ") and " sẽ " not in text:
        text = MOVES.sub(lambda m: "sẽ " + m[0], text, count=1)  # "bão đi vào đất liền" in a forecast: "bão sẽ đi vào …"
    return text


def _said(text: str) -> list[str]:
    """A forecast said whole when short; else as its parts ("…, sức gió …", "…, dự báo …"), each a sentence."""
    whole = finish(text)
    if words(whole) <= MAX_WORDS:
        return [whole] if passes(whole) else []
    parts = FORECAST_PART.split(text)
    out: list[str] = []
    carry = ""
    for part in parts:
        part = f"{carry}, {part.strip()}" if carry else part.strip()
        if words(part) < 6:  # "Theo dự báo": said with the part it introduces
            carry = part
            continue
        carry = ""
        said = finish(capfirst(part))
        if out and not passes(said) and words(out[-1]) + words(said) <= HARD_MAX_WORDS:
            said = finish(out.pop().rstrip(".") + ", " + part)  # a part that is no sentence stays with the one before
        out.append(said)
    if carry and out and words(out[-1]) + words(carry) <= HARD_MAX_WORDS:
        out.append(finish(out.pop().rstrip(".") + ", " + carry))  # ", sóng biển cao 8 m" closes the forecast
    return [s for s in out if words(s) <= HARD_MAX_WORDS and passes(s) and (HAZARD.search(s) or FIGURE.search(s))]


def situation_candidates(doc_type: str, preamble: list[str], is_directive: bool) -> list[Candidate]:
    """Candidates for a Công điện's (or an emergency directive's) opening situation, placed before its tasks."""
    if not (is_directive or doc_type == "Công điện"):
        return []
    return [
        Candidate(said, Source(None, None, None, quote), SITUATION_SCORE, article_index=-1, order=i, part="situation")
        for i, (said, quote) in enumerate(situation_sentences(doc_type, preamble))
    ]
