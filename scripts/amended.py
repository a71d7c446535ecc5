"""The new wording an amending document quotes, read as the provision now in force.

An amending text ("sửa đổi, bổ sung một số điều của …") gives each change as an instruction and the new
wording in quotes: «2. Sửa đổi, bổ sung khoản 5 Điều 8 như sau: "5. … a) … b) …"». The wording has its own
clauses and points, its own amounts and conditions; said to residents it is simply the rule from now on. Here
each instruction is read for what it changes (which point, clause or article of which document), and its quoted
wording is unfolded into an article of its own, so that its points are sentences of their own and each is cited
both where the amending document says it and which provision it now is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from scripts.legal import CLAUSE_RE, POINT_RE, Article, Clause, Point, append_to_clause
from scripts.relations import SYMBOL
from scripts.tasks import as_targets, needs_subject
from scripts.units import passage_units

Unit = tuple[str | None, str | None, str, str]

# "Sửa đổi, bổ sung điểm a khoản 1 Điều 11 như sau:", "Bổ sung Điều 12a vào sau Điều 12 như sau:", "Bổ sung khoản 4a"
INSTRUCTION = re.compile(
    r"^(?P<verb>Sửa đổi,\s*bổ sung|Sửa đổi|Bổ sung|Thay thế)\s+(?:(?:tên|nội dung)\s+)?"
    r"(?:điểm\s+(?P<point>[a-zđ]\d*)\s*,?\s*)?(?:khoản\s+(?P<clause>\d+[a-zđ]?)\s*,?\s*)?(?:(?:của\s+)?Điều\s+(?P<article>\d+[a-zđ]?))?"
    r"(?P<rest>[^“\"]*?)\s*(?:như sau|cụ thể như sau)?\s*:?\s*$",
    re.IGNORECASE,
)
CAPITAL = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ"
# "Trợ giúp xã hội", "Phòng, chống thiên tai": a capital, then words in lower case, never into the next provision
LAW_NAME = rf"[{CAPITAL}][^\s,;.“”\"]*(?:(?:\s+|,\s+)(?![{CAPITAL}])(?!số\b)[^\s,;.“”\"]+){{0,8}}"
# a law is named by its name ("Luật Trợ giúp xã hội số 25/2008/QH12"), a decree by its number ("Nghị định số …")
DOC_NAME = re.compile(
    rf"\b(?P<type>Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định)"
    rf"(?:\s+(?P<name>{LAW_NAME}))?\s+(?:số\s+)?(?P<number>{SYMBOL})"
)
AFTER = re.compile(
    r"\b(?:vào|vào sau|vào trước|sau|trước)\s+(?:điểm\s+[a-zđ]\d*\s+)?(?:khoản\s+\d+[a-zđ]?\s+)?Điều\s+(?P<article>\d+[a-zđ]?)\b"
)
ARTICLE_HEAD = re.compile(r"^Điều\s+(?P<number>\d+[a-zđ]?)\.\s*(?P<title>.*)$")
QUOTES = '“”"'
ROW = re.compile(r":\s*\d[\d.,]*\s*(?:đồng|%)")  # "Thôn đội trưởng: 280.800 đồng": a row of a list of amounts
HEADING_VERB = re.compile(r"\b(?:được|phải|không|là|có|bị|cấm|bằng|thì|hưởng|áp dụng|thực hiện)\b|[.;:,]$")


@dataclass(frozen=True, slots=True)
class Amendment:
    """One change: where the amending document says it, what it changes, and the new wording (quotes removed)."""

    clause: str | None
    point: str | None
    verb: str
    target: str  # "điểm a khoản 1 Điều 11"
    document: str  # "Nghị định số 72/2020/NĐ-CP", or "" when the text does not say
    wording: list[str]

    @property
    def cite(self) -> str:
        """ "điểm a khoản 1 Điều 11 của Nghị định số 72/2020/NĐ-CP": the provision as it now stands."""
        return f"{self.target} của {self.document}" if self.document and self.target else self.target


def _document(text: str) -> str:
    """ "Luật Trợ giúp xã hội số 25/2008/QH12" (the law amended, not "… đã được sửa đổi … theo Luật số 30/2023/QH15"
    after it), "Nghị định số 45/2019/NĐ-CP"."""
    m = DOC_NAME.search(text)
    if not m:
        return ""
    return f"{m['type']} {m['name']} số {m['number']}" if m["name"] else f"{m['type']} số {m['number']}"


def _target(m: re.Match[str], parent: dict[str, str]) -> dict[str, str]:
    """The amended provision's parts, the missing ones taken from the instruction it sits under ("Bổ sung khoản 4a")."""
    parts = {k: m[k] for k in ("point", "clause", "article") if m[k]}
    if not parts:
        return {}
    if "article" not in parts and (after := AFTER.search(m["rest"])):
        parts["article"] = after["article"]  # "Bổ sung khoản 5 vào sau khoản 4 Điều 7": khoản 5 of Điều 7
    if "article" not in parts and "article" in parent:
        parts["article"] = parent["article"]
        if "point" in parts and "clause" not in parts and "clause" in parent:
            parts["clause"] = parent["clause"]
    return parts


def _cite(parts: dict[str, str]) -> str:
    words = [f"điểm {parts['point']}" if "point" in parts else "", f"khoản {parts['clause']}" if "clause" in parts else ""]
    words.append(f"Điều {parts['article']}" if "article" in parts else "")
    return " ".join(w for w in words if w)


Line = tuple[str | None, str | None, int, str]  # clause, point, line number in the passage, text


def _lines(article: Article) -> list[Line]:
    """Every line of the article with where it sits; a passage's first line gets its marker back ("a) …"), for a
    quoted point the parser took as the amending article's own (straight quotes do not open a quotation for it)."""
    out: list[Line] = []
    for clause, point, passage in article.passages():
        if clause is None and passage == article.text and passage.startswith(tuple(QUOTES)):
            out.append((None, None, -1, article.title))  # "Điều 2. Bổ sung khoản 15 Điều 4 …" then the wording
        for n, line in enumerate(t for t in passage.split("\n") if t.strip()):
            marker = f"{point}) " if point and n == 0 else (f"{clause}. " if clause and n == 0 else "")
            out.append((clause, point, n, marker + " ".join(line.split())))
    return out


CLOSED = re.compile(r"[”\"]\s*[.;,]?\s*$")


def _wording(lines: list[Line], start: int) -> int:
    """Where the quoted wording that opens at `start` ends (exclusive): its closing quote, or the next instruction."""
    for i in range(start, len(lines)):
        if i > start and lines[i][2] == 0 and INSTRUCTION.match(MARKER.sub("", lines[i][3])):
            return i  # a closing quote lost: the next change begins
        if CLOSED.search(lines[i][3]) and (i > start or len(lines[i][3]) > 2):
            return i + 1
    return len(lines)


MARKER = re.compile(r"^(?:\d+[a-zđ]?\.|[a-zđ]\))\s+")


def amendments(article: Article) -> tuple[list[Amendment], set[int]]:
    """Every change with quoted new wording in an amending article, in the order of the text; and which lines
    (indices into the article's lines) are that wording or its instruction."""
    document = _document(article.title)
    lines = _lines(article)
    out: list[Amendment] = []
    used: set[int] = set()
    parent: dict[str, str] = {}
    i = 0
    while i < len(lines):
        clause, point, n, text = lines[i]
        numbered = n > 0 and bool(re.match(r"\d+\.\s", text))  # "5. Sửa đổi Điều 12" run into a point: a clause lost
        m = INSTRUCTION.match(MARKER.sub("", text)) if n <= 0 or numbered else None
        if not m:
            i += 1
            continue
        parts = _target(m, parent if point and not numbered else {})
        if point is None or numbered:
            parent = parts
        if i + 1 >= len(lines) or not lines[i + 1][3].lstrip(MARKER_CHARS).startswith(tuple(QUOTES)) or not parts:
            i += 1
            continue
        end = _wording(lines, i + 1)
        wording = [line[3] for line in lines[i + 1 : end]]
        wording[0] = QUOTE_OPEN.sub(r"\1", wording[0])
        wording[-1] = re.sub(r"[”\"]+\s*[.;,]*\s*$", "", wording[-1]).rstrip()
        verb = " ".join(m["verb"].lower().split())
        out.append(Amendment(clause, point, verb, _cite(parts), _document(m["rest"]) or document, [w for w in wording if w]))
        used.update(range(i, end))
        i = end
    return out, used


BACK = re.compile(r"\b(?:nêu trên|nói trên|trên đây|kể trên)\b")
LEADLESS = re.compile(r"^(?:Không|Chưa|Được|Phải|Tuyệt đối không)\b")  # said alone, an order or a right for everyone
MARKER_CHARS = "0123456789abcdđeghiklmnopqrstuvxy.) "
QUOTE_OPEN = re.compile(r"^(?:(\d+[a-zđ]?\.\s+|[a-zđ]\)\s+))?[“\"]\s*")


def unfold(amendment: Amendment, title: str) -> Article:
    """The quoted wording as an article of its own: "5. …" a clause, "a) …" its points, "Điều 12a. …" its heading.

    A clause's first line that is only a heading ("5. Sử dụng hóa đơn điện tử" then its points) becomes the
    article's title: it names what the points are about and is not a sentence to say.
    """
    target = dict(re.findall(r"(điểm|khoản|Điều)\s+(\S+)", amendment.target))
    unfolded = Article(number=target.get("Điều", ""), title=title)
    for n, line in enumerate(amendment.wording):
        if n == 0 and (head := ARTICLE_HEAD.match(line)):
            unfolded.number, unfolded.title = head["number"], head["title"]
            continue
        if (m := CLAUSE_RE.match(line)) and (unfolded.clauses or not unfolded.text):
            unfolded.clauses.append(Clause(number=m[1], text=m[2].strip()))
        elif m := POINT_RE.match(line):
            if not unfolded.clauses:
                unfolded.clauses.append(Clause(number=target.get("khoản", ""), text=""))
            unfolded.clauses[-1].points.append(Point(label=m[1], text=m[2].strip()))
        elif unfolded.clauses:
            append_to_clause(unfolded.clauses[-1], line)
        else:
            unfolded.text = f"{unfolded.text}\n{line}".strip()
    for clause in unfolded.clauses:
        heading = clause.text and "\n" not in clause.text and not HEADING_VERB.search(clause.text)
        rows = sum(bool(ROW.search(p.text)) for p in clause.points) > len(clause.points) / 2
        if clause.points and (heading or rows and clause.text.endswith(":")):
            unfolded.title, clause.text = clause.text.rstrip(" :"), ""  # names what the points are; not said
    return unfolded


def cite_within(amendment: Amendment, clause: str | None, point: str | None) -> str:
    """The citation of a passage of the unfolded wording: "điểm b khoản 5 Điều 8 của Nghị định số …"."""
    parts = dict(re.findall(r"(điểm|khoản|Điều)\s+(\S+)", amendment.target))
    if clause:
        parts["khoản"] = clause
    if point:
        parts["điểm"] = point
    cite = " ".join(f"{k} {parts[k]}" for k in ("điểm", "khoản", "Điều") if k in parts)
    return f"{cite} của {amendment.document}" if amendment.document else cite


REPLACED = re.compile(
    r"^(?:Sửa đổi|Thay thế|Thay|Điều chỉnh)\s+(?:các\s+)?cụm từ\s+[“\"](?P<old>[^”\"]+)[”\"]\s+(?:thành|bằng)\s+"
    r"(?:cụm từ\s+)?[“\"](?P<new>[^”\"]+)[”\"](?P<where>.*)$"
)
STRUCK_OUT = re.compile(r"^(?:Bãi bỏ|Bỏ)\s+(?:các\s+)?cụm từ\s+[“\"]")  # a phrase struck out: never news
LEVEL = re.compile(r"^\d[\d.,]*\s*(?:(?:nghìn|triệu|tỷ)\s+)?(?:đồng|%)$")
TOPIC = re.compile(r"\bquy định\s+(?P<topic>về\s.+)$")


def replaced_levels(article: Article) -> list[Unit]:
    """ "Sửa đổi cụm từ “500 triệu đồng” thành “01 tỷ đồng” tại Điều 3, … Nghị định số …": a level residents feel,
    said as the change it is. A replaced phrase that is not an amount (an office's name) is not for residents."""
    out: list[Unit] = []
    for clause, point, passage in article.passages():
        line = " ".join(passage.split())
        if not (m := REPLACED.match(line)) or not (LEVEL.match(m["old"].strip()) and LEVEL.match(m["new"].strip())):
            continue
        document = _document(m["where"]) or _document(article.title)
        if not document:
            continue
        number = document.split()[-1]
        topic = TOPIC.search(article.title) if number[: number.rfind("/")] in article.title else None
        about = f" {topic['topic']}" if topic and len(topic["topic"].split()) <= 16 else ""
        said = f"Trong {document}{about}, mức {m['old'].strip()} được thay bằng {m['new'].strip()}."
        out.append((clause, point, line, said))
    return out


def own_document(said: str, document: str) -> str:
    """ "Nghị định này" inside quoted wording is the amended decree, not the amending one: "trước ngày Nghị định này
    có hiệu lực" there is the old decree's date, never this one's. A decree is said with its number, a law by its name."""
    if not (m := DOC_NAME.fullmatch(document)):
        return said
    name = f"{m['type']} {m['name']}" if m["name"] else document  # a law is heard by its name, never by its number
    return re.sub(rf"\b{m['type']} này\b", name, said)


def _unreplaced(article: Article, units: list[Unit]) -> list[Unit]:
    """The units without what a phrase replacement's own words make ("Thay thế cụm từ “…” bằng cụm từ “…”.")."""
    phrases = [(c, p, " ".join(passage.split())) for c, p, passage in article.passages()]
    struck = {(c, p) for c, p, line in phrases if REPLACED.match(line) or STRUCK_OUT.match(line)}
    return [u for u in units if (u[0], u[1]) not in struck]


def as_amended(changes: list[Amendment], title: str) -> list[Article]:
    """The amended document's provisions as far as this one quotes them: one article per article number, so a
    reference in the new wording ("hộ gia đình quy định tại khoản 2 và khoản 4 Điều 6 Nghị định này") finds them."""
    merged: dict[str, Article] = {}
    for change in changes:
        unfolded = unfold(change, title)
        if not unfolded.number:
            continue
        into = merged.setdefault(unfolded.number, Article(unfolded.number, unfolded.title))
        into.clauses += unfolded.clauses
    return list(merged.values())


def amended_units(
    article: Article,
    resolve: Callable[[str], str] = str,
    text: str = "",
    subject: str = "",
    within: Callable[[list[Article]], Callable[[str], str]] | None = None,
) -> tuple[list[Unit], dict[Unit, str]]:
    """(clause, point, quote, sentence) for every sentence the article offers, its quoted new wording read as
    provisions of their own; and for each sentence of new wording, the provision it now is. `within` gives what
    resolves a reference of the new wording: "Nghị định này" there is the amended decree, never this one."""
    changes, used = amendments(article)
    levels = replaced_levels(article)
    if not changes:
        return as_targets(article, _unreplaced(article, passage_units(article, resolve, text, subject))) + levels, {}
    rest = Article(article.number, article.title, chapter=article.chapter)
    for n, (clause, point, _, line) in enumerate(_lines(article)):
        if n in used or _ < 0:
            continue
        line = MARKER.sub("", line) if _ == 0 and (clause or point) else line
        if clause is None:
            rest.text = f"{rest.text}\n{line}".strip()
        elif not rest.clauses or rest.clauses[-1].number != clause or point is None and _ == 0:
            rest.clauses.append(Clause(clause, "" if point else line))
            if point:
                rest.clauses[-1].points.append(Point(point, line))
        elif point and _ == 0:
            rest.clauses[-1].points.append(Point(point, line))
        else:
            append_to_clause(rest.clauses[-1], line)
    units = _unreplaced(article, passage_units(rest, resolve, text, subject)) + levels
    cites: dict[Unit, str] = {}
    quoted = within(as_amended(changes, article.title)) if within else str
    for change in changes:
        for clause, point, quote, said in passage_units(unfold(change, article.title), quoted, text):
            if change.target.startswith("điểm") and (LEADLESS.match(said) or needs_subject(said)):
                continue  # "“b) Không xích, nhốt chó dữ …”": an item of a list whose lead is in the amended text only
            if BACK.search(said):
                continue  # "Người cao tuổi nêu trên …": what it points back to is in the amended text, never heard
            unit = (change.clause, change.point, quote, own_document(said, change.document))
            units.append(unit)
            cites[unit] = f"{change.verb} {cite_within(change, clause, point)}"
    place = {(c, p): n for n, (c, p, _) in reversed(list(enumerate(article.passages())))}
    return sorted(units, key=lambda u: place.get((u[0], u[1]), 0)), cites


CONTINUED = re.compile(r"\btiếp tục\b|\bgiữ nguyên\b")
UNDER_OLD = (
    r"theo (?:các |mức )?quy định (?:tại|của) (?:{document})(?:\s+ngày\s+\d{{1,2}}(?:/\d{{1,2}}/| tháng \d{{1,2}} năm )\d{{4}})?"
)


def under_old_rules(text: str, amended: list[str]) -> str:
    """ "… thì tiếp tục được xem xét hỗ trợ theo quy định tại Nghị định số 45/2019/NĐ-CP": in a transitional rule the
    amended document is its wording before this change; heard as "theo quy định cũ", never as a number."""
    if not amended or not CONTINUED.search(text):
        return text
    names = "|".join(re.escape(a) for a in amended)
    return re.sub(UNDER_OLD.format(document=names), "theo quy định cũ", text)
