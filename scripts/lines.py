"""The lines of a legal document as its printer left them: a web or PDF copy cleaned, and the
lines a printer wrapped joined back into their paragraphs. Every word is kept; only the layout
is undone, so that `scripts.legal` can read the structure.
"""

from __future__ import annotations

import re
import unicodedata

from scripts.furniture import strip_furniture

NATIONAL_MOTTO = re.compile(r"(?<=\S)[ \t]+(CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM)")
BARE_MARKER = re.compile(r"^(?:\d{1,2}\.|[a-zđ]\)|[IVX]{1,4}\.)$")
STRUCTURE_START = re.compile(r"^(\x00|Phần|Chương|Mục|Điều\s+\d|\d+\.\s|[a-zđ][).]\s|[“\"]|-\s|\+\s)")
HEADING_RE = re.compile(r"^(Phần|Chương|Mục|Điều)\s+\S+\.?(\s|$)")
WHOLE_SENTENCE_WORDS = 10
SHORT_HEADING_WORDS = 14  # a heading wrapped by the printer fills its line; a shorter one has ended
TASK_GROUP = re.compile(
    r"^(?:\d{1,2}|[IVX]{1,4})\.\s+(?:(?:Các|Những)\s+)?(?:Sở|Bộ|Ủy ban|UBND|Công an|Người dân|Nhân dân|Hộ gia đình|Ban|"
    r"Đài|Hội|Đoàn|Mặt trận|Bảo hiểm|Ngân hàng|Kho bạc|Cục|Chi cục)\b[^.;:,]*$"
)  # "2. Sở Y tế" on a line of its own, then its task "Chỉ đạo các cơ sở y tế …"
TASK_GROUP_WORDS = 9


def _task_group_heading(prev: str, line: str) -> bool:
    """A directive's task group heading without a colon, its first task on the next line: not one paragraph
    ("2. Sở Y tế" + "Chỉ đạo …" joined reads "Sở Y tế Chỉ đạo …"). A name wrapped by the printer ("… tỉnh" /
    "Hòa Phong quyết định …") goes on with a second capital, a task with a verb in lower case."""
    tokens = line.split()
    return (
        bool(TASK_GROUP.match(prev))
        and len(prev.split()) <= TASK_GROUP_WORDS
        and len(tokens) > 1
        and tokens[0][:1].isupper()
        and tokens[1][:1].islower()
    )


def clean(text: str) -> str:
    """Undo the usual damage of web and PDF copies; keep every word of the document."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "").replace("\u200b", "")
    text = re.sub(r"VIỆT NAM\s*Độc lập", "VIỆT NAM\nĐộc lập", text)
    text = NATIONAL_MOTTO.sub(r"\n\1", text)  # a gazette prints the issuer and the motto on one line
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if not re.fullmatch(r"[_\-=*.·]{3,}", line)]
    return "\n".join(strip_furniture(lines))


def _whole_sentence(line: str) -> bool:
    return line.endswith((".", ":")) and len(line.split()) >= WHOLE_SENTENCE_WORDS


LIST_LEAD_END = re.compile(r"\b(gồm|sau|là|như)$")  # a list's lead that lost its colon
# "Mức hỗ trợ: 500.000 đồng/người/tháng", "Thời gian: từ ngày …", "Hỗ trợ 2.000.000 đồng/hộ …" under "3. Hỗ trợ người cao
# tuổi": a line of its own, never the tail of the heading above it (a printer's wrap goes on in lower case)
OWN_LINE = re.compile(
    r"^(?:(?:Mức|Định mức|Thời gian|Thời hạn|Thời điểm|Địa điểm|Đối tượng|Điều kiện|Tiền|Số tiền)\b[^:;.,()]{0,40}:\s|"
    r"(?:Hỗ trợ|Được hỗ trợ|Trợ cấp|Được hưởng|Hưởng)\s(?:[^\d:;.]{0,40}\s)?\d)"
)
BROKEN_COMPOUND = re.compile(r"^[-–]\s+[a-zà-ỹđ]")  # "- xã hội, hội quần chúng …": the rest of "chính trị - xã hội"


def _goes_on(last: str, line: str) -> bool:
    """A line in lower case after a blank (a PDF's page break) goes on with the sentence the last line left open."""
    return (
        line[:1].islower()
        and bool(last)
        and not last.endswith((".", ";", ":", "!", "?", "”", '"'))
        and not STRUCTURE_START.match(line)
        and not BARE_MARKER.match(line)
    )


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines of one paragraph; blank lines and structure markers split."""
    out: list[str] = []
    for line in lines:
        if not line:
            out.append("")
            continue
        last = next((o for o in reversed(out) if o), "")
        if _goes_on(last, line) and out and not out[-1]:  # "… đối với đối tượng tham gia," / page break / "làm nhiệm vụ …"
            while not out[-1]:
                out.pop()
            out[-1] = f"{out[-1]} {line}"
            continue
        if BROKEN_COMPOUND.match(line) and last[-1:].isalpha() and not LIST_LEAD_END.search(last):
            # a wrap inside "kinh tế - xã hội": a list item starts with a capital, after a line that ended a sentence
            while out and not out[-1]:
                out.pop()
            out[-1] = f"{out[-1]} {line}"
            continue
        prev = out[-1] if out else ""
        if BARE_MARKER.match(prev):  # "1." on a line of its own, its task on the next
            out[-1] = f"{prev} {line}"
            continue
        heading = bool(HEADING_RE.match(prev)) and (len(prev.split()) <= 10 or line[:1].isupper() and len(line.split()) < 3)
        if line[:1].islower() and HEADING_RE.match(prev):
            heading = False
        if HEADING_RE.match(prev) and len(prev.split()) <= SHORT_HEADING_WORDS and _whole_sentence(line):
            heading = True  # a whole sentence under a heading shorter than a printed line is the body, not the title's tail
        if (
            prev
            and not heading
            and not prev.endswith((".", ";", ":", "!", "?", "”", '"', "./."))
            and not STRUCTURE_START.match(line)
            and not _task_group_heading(prev, line)
            and not OWN_LINE.match(line)
        ):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return [line for line in out if line]
