"""Who does not pay: a fee document's list of exemptions said one person a sentence, each with what is waived.

"2. Các trường hợp được miễn lệ phí cấp giấy phép" then "a) Người khuyết tật đặc biệt nặng;" is heard, point by point,
as a noun phrase that says nothing ("Người khuyết tật đặc biệt nặng.") unless its heading comes with it:
"Người khuyết tật đặc biệt nặng được miễn lệ phí cấp giấy phép." A point that names no person (a case, an act)
or names foreigners is not said this way, and no point of such a list is said without its heading.
"""

from __future__ import annotations

import re

from scripts.legal import Article
from scripts.selection import Candidate, Source, score
from scripts.sentences import HARD_MAX_WORDS, capfirst, listenable, words

HEADING = re.compile(
    r"^(?:Các |Những )?(?:trường hợp|đối tượng|người)\s+(?:được\s+)?(?P<verb>miễn|giảm)\s+"
    r"(?P<what>[^:;.]{2,80}?)(?:\s+(?:như sau|gồm|bao gồm|sau đây))?\s*:?\s*$",
    re.I,
)
PERSON = re.compile(
    r"^(?:Người|Công dân|Hộ|Trẻ em|Học sinh|Sinh viên|Thân nhân|Cá nhân|Chủ hộ|Thương binh|Bệnh binh|Cựu chiến binh|"
    r"Đồng bào|Nạn nhân|Phụ nữ|Thanh niên|Bà mẹ|Cha|Mẹ|Vợ|Chồng|Con)\b"
)
FOREIGN = re.compile(r"người nước ngoài|không phải là công dân Việt Nam", re.I)
CUT = re.compile(r"\s(?:của|và|hoặc|cho|với|tại|theo|bằng|về|để|các|những|là|thì|mà|do)$")  # a point cut by a page
OWN_VERB = re.compile(r"\bđược\s+(?:miễn|giảm)\b", re.I)
BONUS = 1.0  # who is spared a charge is what a resident listens for, after the charge itself


def _item(text: str) -> str:
    """The point as a subject: its first sentence, without the list's closing ";" / "và" / "." ."""
    first = re.split(r"(?<=[.;])\s", " ".join(text.split()), maxsplit=1)[0]
    return re.sub(r"(?:;|\.|,)?\s*(?:và|hoặc)?\s*$", "", first.rstrip(" ;.")).strip()


def exemption_candidates(article: Article, index: int, total: int, order: int) -> tuple[list[Candidate], set[tuple[str, str]]]:
    """(one sentence per person exempted, the (clause, point) of every point of an exemption list)."""
    out: list[Candidate] = []
    listed: set[tuple[str, str]] = set()
    for clause in article.clauses:
        head = HEADING.match(clause.text.strip())
        if not head or not clause.points:
            continue
        for n, point in enumerate(clause.points):
            item = _item(point.text)
            listed.add((clause.number, point.label))
            if not PERSON.match(item) or FOREIGN.search(item) or CUT.search(item):
                continue
            said = f"{capfirst(item)} được {head['verb'].lower()} {head['what'].strip()}."
            if OWN_VERB.search(item):
                said = f"{capfirst(item)}."  # the point says its own exemption ("… được giảm 50% lệ phí")
            if words(said) <= HARD_MAX_WORDS and listenable(said):
                source = Source(article.number or None, clause.number, point.label, point.text)
                out.append(Candidate(said, source, score(said, article.title, index, total) + BONUS, index, order + n))
    return out, listed
