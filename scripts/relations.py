"""Which documents a legal text amends, supplements, replaces, repeals or declares expired.

Found where Vietnamese drafting puts them: the title ("sửa đổi, bổ sung …", "bãi bỏ …"),
provisions that open with the act ("Bãi bỏ toàn bộ Thông tư số …", "Sửa đổi, bổ sung điểm a
khoản 5 Điều 14 Nghị định số …"), "<this document> thay thế …", "… hết hiệu lực", and lists
introduced by such a sentence ("Các Nghị định sau hết hiệu lực …: a) … b) …"). Text quoted
as the new wording of another document is never read for relations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scripts.legal import Article

SYMBOL = r"\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ&]*\d*(?:-[A-ZĐ][A-Za-zĐđ&]*\d*)*"
SYMBOL_RE = re.compile(rf"(?<![\d/]){SYMBOL}")
THIS_DOC = r"(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Lệnh|Quy định|Quy chế)\s+này"
DOC_WORD = r"(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|văn bản)"

ACT_START = re.compile(
    r"^(?P<verb>Sửa đổi,\s*bổ sung|Sửa đổi|Bổ sung|Bãi bỏ|Hủy bỏ|Huỷ bỏ|Thay thế|Bỏ(?=\s+(?:khoản|điểm|Điều|cụm từ|các|toàn bộ|Phụ lục|mục)))\b(?P<rest>.*)",
    re.IGNORECASE,
)
THIS_DOC_ACT = re.compile(
    THIS_DOC + r"\b[^.;]{0,240}?(?<!được )\b(?P<verb>sửa đổi,\s*bổ sung|thay thế|bãi bỏ)\b(?P<rest>[^.;]*)", re.IGNORECASE
)
EXPIRES = re.compile(r"^(?P<head>.*?)\bhết hiệu lực\b", re.IGNORECASE)
LIST_INTRO = re.compile(r"\b(?:hết hiệu lực|bãi bỏ|thay thế|hủy bỏ|huỷ bỏ)\b[^:]*:$", re.IGNORECASE)
# Where the name of the target ends: its own amendment history and the new wording are not targets.
TARGET_END = re.compile(r"\s(?:đã được|được)\s|\bnhư sau\b|[“\":]|\bbởi\b|\btheo\s+" + DOC_WORD, re.IGNORECASE)
WHOLE = re.compile(rf"^\s*(?:toàn bộ\s+)?(?:các\s+)?{DOC_WORD}\b", re.IGNORECASE)
KINDS = {
    "sửa đổi": "amends",
    "bổ sung": "amends",
    "bãi bỏ": "repeals",
    "hủy bỏ": "repeals",
    "huỷ bỏ": "repeals",
    "bỏ": "repeals",
    "thay thế": "replaces",
}


@dataclass(slots=True)
class Relation:
    """This document amends, replaces or repeals the document numbered `number`.

    `kind` is "amends", "replaces" or "repeals" (a document declared expired on this one's
    entry into force counts as replaced); `part` when only some provisions are affected.
    """

    kind: str
    number: str
    article: str | None
    part: bool = False


def _kind(verb: str) -> str:
    verb = " ".join(verb.lower().split())
    return next(kind for word, kind in KINDS.items() if verb.startswith(word))


QUOTED = re.compile(r"“[^“”]*”")


def _unquoted(text: str) -> str:
    """The text without quotations: a phrase struck out ("Bãi bỏ cụm từ “…” tại …") is dropped
    and so is new wording ("… như sau: “…"), which may run on to other lines unclosed."""
    return re.split(r"[“\"]", QUOTED.sub("", text), maxsplit=1)[0]


def _targets(rest: str) -> list[str]:
    """Document numbers named as the object of an act, up to where the object's name ends."""
    head = TARGET_END.split(rest, maxsplit=1)[0]
    return SYMBOL_RE.findall(head)


class _Found:
    def __init__(self, own: str) -> None:
        self.own = own
        self.items: list[Relation] = []

    def add(self, kind: str, numbers: list[str], article: str | None, part: bool) -> None:
        for number in numbers:
            if number != self.own and not any(r.number == number for r in self.items):
                self.items.append(Relation(kind, number, article, part))


def find_relations(title: str, preamble: list[str], articles: list[Article], own: str) -> list[Relation]:
    """Every document this one acts on, in order of first mention; `own` is never listed."""
    found = _Found(own)
    flat_title = " ".join(title.split())
    if re.search(r"sửa đổi|bổ sung", flat_title, re.IGNORECASE):
        numbers = SYMBOL_RE.findall(flat_title)[:1]
        if not numbers:
            for line in preamble:
                if "ban hành" in line and (numbers := SYMBOL_RE.findall(line.split("ban hành", 1)[1])[:1]):
                    break
        found.add("amends", numbers, None, True)
    if m := re.match(r"(?:Luật\s+)?(bãi bỏ|thay thế)\b(?P<rest>.*)", flat_title, re.IGNORECASE):
        found.add(_kind(m.group(1)), _targets(m["rest"])[:1], None, False)
    for article in articles:
        _article_relations(article, found)
    return found.items


def _article_relations(article: Article, found: _Found) -> None:
    heading = " ".join(article.title.split())
    heading_kind = None
    if m := ACT_START.match(heading):
        heading_kind = _kind(m["verb"])
        found.add(heading_kind, _targets(m["rest"]), article.number, _kind(m["verb"]) == "amends")
    list_kind: str | None = None
    list_clause: str | None = None
    for clause, point, passage in article.passages():
        flat = " ".join(_unquoted(passage).split())
        own_words = re.sub(r"^(?:\d+\.|[a-zđ]\))\s*", "", flat)
        in_list = list_kind is not None and (list_clause is None or (clause == list_clause and point is not None))
        if in_list and list_kind:
            found.add(list_kind, SYMBOL_RE.findall(flat)[:1], article.number, not WHOLE.match(own_words))
        elif heading_kind in ("repeals", "replaces") and (clause or point):
            found.add(heading_kind, SYMBOL_RE.findall(flat)[:1], article.number, not WHOLE.match(own_words))
        if m := ACT_START.match(own_words):
            kind = _kind(m["verb"])
            found.add(kind, _targets(m["rest"]), article.number, kind == "amends" or not WHOLE.match(m["rest"]))
        for m in THIS_DOC_ACT.finditer(flat):
            found.add(_kind(m["verb"]), _targets(m["rest"])[:1], article.number, not WHOLE.match(m["rest"]))
        if (m := EXPIRES.search(flat)) and not flat.startswith(("Trường hợp", "Căn cứ")):
            head = TARGET_END.split(m["head"], maxsplit=1)[0]
            found.add("replaces", SYMBOL_RE.findall(head)[:1], article.number, not WHOLE.match(own_words))
        if LIST_INTRO.search(flat) and "như sau" not in flat:
            list_kind = "replaces" if "hết hiệu lực" in flat.lower() else _kind(LIST_INTRO.search(flat).group(0))  # type: ignore[union-attr]
            list_clause = clause if point is None and clause else None
