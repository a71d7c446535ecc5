"""An article's or a clause's heading, which names what follows and says no rule of its own.

"Điều 39. Cấp, thu hồi chứng nhận đăng ký xe và biển số xe cơ giới, xe máy chuyên dùng tham gia giao thông đường bộ",
"2. Trợ cấp ngày công lao động của Dân quân khi thực hiện nhiệm vụ" then the clause's rule: read as a sentence, a
heading sounds like an order ("Cấp, thu hồi …") or a benefit ("Trợ cấp … khi thực hiện nhiệm vụ") that nobody gives,
receives or must do. Its verbs sit inside the noun phrase, so a sentence-level check cannot tell it from a rule;
where it stands can: the title of an article with clauses, or the first line of a clause with more under it. Such a
line is a heading when nothing in it binds anyone (no "được", "phải", "không", "cấm", "là", "bằng" …) and it carries
no figure but a date; the rules under it are said, each with its own words.
"""

from __future__ import annotations

import re

from scripts.legal import Article

BINDING = re.compile(
    r"\b(?:được|phải|không|chưa|cấm|nghiêm cấm|là|bằng|thì|sẽ|cần|có trách nhiệm|chịu trách nhiệm|có quyền|gồm|bao gồm|"
    r"này|hiệu lực|sửa đổi|bổ sung|bãi bỏ|thay thế|ban hành)\b",
    re.I,
)  # a word that binds someone, or says what the document itself does ("Nghị quyết này có hiệu lực …", "Bãi bỏ …")
INNER = re.compile(r"\bngười được \S+|\bhành vi không\b", re.I)  # "người được chở", "hành vi không chấp hành": nouns
DATE = re.compile(r"\bngày \d{1,2} tháng \d{1,2} năm \d{4}|\b\d{1,2}/\d{1,2}/\d{4}|\bnăm \d{4}")
OPENS_CONDITION = re.compile(r"^(?:Khi|Nếu|Trường hợp|Trong|Đối với|Riêng|Tùy|Sau khi|Trước khi)\b")
OFFICE = re.compile(r"^(?:Ủy ban|UBND|Sở|Công an|Bộ|Cơ quan|Kiểm lâm|Ban|Hội|Chủ|Đài|Trường|Nhà|Bảo hiểm|Các)\b")
PARENS = re.compile(r"\([^()]*\)")
DOC_NUMBER = re.compile(r"\bsố \d[\w/.-]*")
MAX_HEADING_WORDS = 30  # a clause's first line longer than this is a provision, whatever it says


def says_nothing(line: str, most_words: int = MAX_HEADING_WORDS) -> bool:
    """No one bound, nothing counted: a line that can only name what follows (its asides, dates and the numbers of
    the documents it names aside: "(bao gồm cả Dân quân thường trực)", "theo Nghị định số 09/1998/NĐ-CP")."""
    bare = INNER.sub("", DOC_NUMBER.sub("", DATE.sub("", PARENS.sub("", line)))).rstrip(" .")
    return (
        not BINDING.search(bare)
        and not re.search(r"\d", bare)
        and not OPENS_CONDITION.match(bare)
        and not bare.endswith(":")
        and len(bare.split()) <= most_words
    )


def is_heading(article: Article, clause: str | None, point: str | None, first: bool, line: str) -> bool:
    """Is `line` (the first of its passage when `first`) the heading of its article or clause, not a rule?"""
    if point is not None or not first or not article.number or article.number.startswith(("mục ", "Phụ lục")):
        return False  # a point, a later line, or a directive's task group ("Sở Xây dựng" then its tasks)
    if clause is None:
        return bool(article.clauses or article.text) and _same(line, article.title) and says_nothing(line, 10**6)
    block = next((c for c in article.clauses if c.number == clause), None)
    if block is None or not (block.points or len([x for x in block.text.split("\n") if x.strip()]) > 1):
        return False
    return not OFFICE.match(line) and ";" not in line and says_nothing(line)  # "…; chịu trách nhiệm …": tasks


def _same(line: str, title: str) -> bool:
    return " ".join(line.split()).rstrip(" .") == " ".join(title.split()).rstrip(" .")
