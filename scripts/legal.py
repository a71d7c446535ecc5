"""Parse the text of a Vietnamese legal document into its parts.

The layout follows Decree 30/2020 and the law on legal documents: an issuer block, the
national motto, "Số: …", "place, ngày … tháng … năm …", the document type in capitals and
its title, the preamble (căn cứ), then Phần / Chương / Mục / Điều / khoản / điểm, and a
closing with the effective date and what the document amends, replaces or repeals.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from scripts.cells import TABLE_MARK, Table, extract_tables
from scripts.errors import DocumentError
from scripts.furniture import is_broken
from scripts.header import (
    ARTICLE_RE,
    PLACE_DATE_RE,
    PREAMBLE_RE,
    doc_type_of,
    header_lines,
    issuer_of,
    prose_start,
    title_from_preamble,
    title_of,
)
from scripts.lines import clean, unwrap
from scripts.pipe_rows import unfold
from scripts.relations import SYMBOL, SYMBOL_RE, Relation, find_relations

__all__ = ["SYMBOL", "SYMBOL_RE", "Article", "LegalDocument", "ParseWarning", "Relation", "Table", "parse"]

NUMBER_RE = re.compile(rf"\b(?:Số|số)\s*:?\s*({SYMBOL})")
# The number on its own "Số:" line ("Luật số:", "Nghị quyết số:" for laws and resolutions).
NUMBER_LINE_RE = re.compile(
    rf"^(?:(?:Luật|Bộ luật|Pháp lệnh|Lệnh|Nghị quyết|Nghị định|Quyết định|Thông tư)\s+số|Số)\s*:?\s*\n?\s*({SYMBOL})",
    re.M,
)
KNOWN_ISSUER_START = re.compile(
    r"^(?:Ủy ban|Hội đồng|Bộ |Sở |Ban |Cục |Tổng cục |Văn phòng|Thanh tra|Tòa án|Viện kiểm sát|Kiểm toán|"
    r"Ngân hàng|Bảo hiểm xã hội|Chủ tịch|Thủ tướng|Quốc hội|Chính phủ)"
)
PASSED_RE = re.compile(r"thông qua ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
DATE_WORDS = r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})"
THIS_DOC = r"(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Lệnh|Quy định|Quy chế)(?:\s+này)"
EFFECTIVE_RE = re.compile(
    THIS_DOC.replace(r"(?:\s+này)", r"(?:\s+này)?")
    + r"\b[^.;:]{0,160}?\bcó hiệu lực(?:\s+thi hành)?\s+(?:kể\s+)?từ\s+(?:"
    + DATE_WORDS
    + r"|(?P<signed>ngày ký))"
)
A_PART = re.compile(r"\b(?:[Đđ]iểm|[Kk]hoản|Điều)\s+[\w,\s]{1,30}?\s(?:của\s+)?$")  # what comes right before "Quyết định này"
PART_RE = re.compile(r"^Phần\s+(?:thứ\s+)?(\S+?)\.?(?:\s+(.*))?$", re.IGNORECASE)
CHAPTER_RE = re.compile(r"^Chương\s+([IVXLC]+|\d+)\.?\s*(.*)$", re.IGNORECASE)
SECTION_RE = re.compile(r"^Mục\s+(\d+)\.?\s*(.*)$")
CLAUSE_RE = re.compile(r"^(\d+)\.\s+(.*)$")
POINT_RE = re.compile(r"^([a-zđ])[).]\s+(.*)$")
OPEN_QUOTE = ("“", '"')
APPENDIX_RE = re.compile(
    r"^(?:PHỤ LỤC(?:\s+(?:SỐ\s+)?(?P<n>[IVXLC]+|\d+))?\.?(?:\s|$)|Phụ lục\s+(?:số\s+)?(?P<m>[IVXLC]+|\d+)\.?$)"
)


@dataclass(slots=True)
class Point:
    label: str
    text: str


@dataclass(slots=True)
class Clause:
    number: str
    text: str
    points: list[Point] = field(default_factory=list)


AMENDING_HEADING = re.compile(r"^(?:Sửa đổi|Bổ sung|Sửa đổi, bổ sung)\s+(?:một số điều|các điều|Điều\s+\d)", re.I)


@dataclass(slots=True)
class Article:
    number: str
    title: str
    text: str = ""
    clauses: list[Clause] = field(default_factory=list)
    chapter: str | None = None
    tables: list[Table] = field(default_factory=list)

    def passages(self) -> list[tuple[str | None, str | None, str]]:
        """Every passage of the article as (clause, point, text), the article's own text first."""
        out: list[tuple[str | None, str | None, str]] = []
        if len(self.title.split()) > 12 and not AMENDING_HEADING.match(self.title):
            # a heading that is itself a provision ("Điều 1. Tiếp tục áp dụng …"); "Sửa đổi, bổ sung một số điều của
            # Luật …" only announces the changes below it
            out.append((None, None, self.title))
        if self.text:
            out.append((None, None, self.text))
        for clause in self.clauses:
            if clause.text:
                out.append((clause.number, None, clause.text))
            out.extend((clause.number, p.label, p.text) for p in clause.points)
        return out


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something an editor must check before trusting the parse; `code` is stable for programs."""

    code: str
    message: str


@dataclass(slots=True)
class LegalDocument:
    number: str
    doc_type: str
    issuer: str
    title: str
    place: str | None
    issued_on: date | None
    effective_on: date | None
    effective_note: str | None
    preamble: list[str]
    articles: list[Article]
    relations: list[Relation]
    text: str
    sha256: str
    warnings: list[ParseWarning] = field(default_factory=list)

    @property
    def amends(self) -> list[str]:
        seen: dict[str, None] = {}
        for rel in self.relations:
            seen.setdefault(rel.number, None)
        return list(seen)

    @property
    def full_title(self) -> str:
        """ "Nghị định số 162/2026/NĐ-CP …" — what a bulletin calls the document."""
        if self.title.lower().startswith(self.doc_type.lower()):
            return self.title
        return f"{self.doc_type} {self.title[:1].lower()}{self.title[1:]}"

    def article(self, number: str) -> Article | None:
        return next((a for a in self.articles if a.number == number), None)


def to_date(groups: tuple[str | None, ...]) -> date | None:
    parts = [g for g in groups if g]
    if len(parts) < 3:
        return None
    day, month, year = (int(p) for p in parts[:3])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _body_start(lines: list[str]) -> int:
    """The first article, or the Phần/Chương/Mục heading (and its title line) right above it."""
    for i, line in enumerate(lines):
        if ARTICLE_RE.match(line):
            start = i
            while start > 0 and (
                CHAPTER_RE.match(lines[start - 1])
                or PART_RE.match(lines[start - 1])
                or SECTION_RE.match(lines[start - 1])
                or (lines[start - 1].isupper() and start > 1 and CHAPTER_RE.match(lines[start - 2]))
            ):
                start -= 1
            return start
    return len(lines)


def _structure(lines: list[str], tables: list[Table] | None = None) -> list[Article]:
    articles: list[Article] = []
    chapter: str | None = None
    attached = ""  # after the signature, "QUY ĐỊNH" opens the text the decision issues: its articles are the Quy định's
    depth = 0  # open curly quotes: amending texts quote whole articles, which are not ours
    for line in lines:
        if articles and depth == 0 and (m := ATTACHED_RE.match(line.strip())):
            attached = f" của {m.group(1).capitalize()}"
            continue
        if line.startswith(TABLE_MARK):
            if articles and tables:
                table = tables[int(line[len(TABLE_MARK) :])]
                table.clause = articles[-1].clauses[-1].number if articles[-1].clauses else None
                articles[-1].tables.append(table)
            continue
        if m := APPENDIX_RE.match(line):
            if articles and depth == 0:  # an appendix after the signature: its own part, not the last article's
                articles.append(Article(number=f"Phụ lục {m['n'] or m['m'] or ''}".strip(), title=line, chapter=chapter))
                continue
        if depth > 0 and articles and _next_article(articles[-1].number, line):
            depth = 0  # an amended text whose closing quote was lost (a table ended it): the next article is ours
        if depth > 0 or line.startswith(OPEN_QUOTE):
            depth = max(0, depth + line.count("“") - line.count("”"))
            if articles:
                _append(articles[-1], line)
            continue
        if m := CHAPTER_RE.match(line):
            chapter = m.group(1)
            continue
        if PART_RE.match(line) or SECTION_RE.match(line):
            continue
        if m := ARTICLE_RE.match(line):
            articles.append(Article(number=m.group(1) + attached, title=m.group(2).strip(), chapter=chapter))
            continue
        if not articles:
            continue
        article = articles[-1]
        if (m := CLAUSE_RE.match(line)) and (not article.clauses or _next_number(article.clauses[-1].number, m.group(1))):
            article.clauses.append(Clause(number=m.group(1), text=m.group(2).strip()))
        elif (m := POINT_RE.match(line)) and article.clauses:
            article.clauses[-1].points.append(Point(label=m.group(1), text=m.group(2).strip()))
        elif (m := POINT_RE.match(line)) and not article.clauses:
            article.clauses.append(Clause(number="", text=""))
            article.clauses[-1].points.append(Point(label=m.group(1), text=m.group(2).strip()))
        elif line.isupper() and not article.text and not article.clauses and len(line) < 200:
            articles[-1] = article  # a chapter title line after the heading
        else:
            _append(article, line)
    return [a for a in articles if a.title or a.text or a.clauses]


ROMAN_SECTION_RE = re.compile(r"^([IVX]{1,4})[./-]\s*([A-ZĐÀ-Ỹ].*)$")
ATTACHED_RE = re.compile(r"^(QUY ĐỊNH|QUY CHẾ|ĐIỀU LỆ|HƯỚNG DẪN)$")
CLOSING_RE = re.compile(r"^(?:Trên đây là|Nơi nhận:?$)")


def _directive(lines: list[str]) -> list[Article]:
    """A directive, plan or Công điện has numbered tasks instead of articles, grouped in sections I, II, …

    The text before the first section is one article with no number ("phần đầu văn bản"); each section is
    an article numbered "mục II", its tasks its clauses (numbering restarts in each section), so a
    sentence is cited "mục II, điểm 3".
    """
    article = Article(number="", title="")
    articles = [article]
    for line in lines:
        if PREAMBLE_RE.match(line):
            continue
        if CLOSING_RE.match(line):
            break  # "Trên đây là Chỉ thị …, yêu cầu … triển khai thực hiện nghiêm túc": the closing, then the signature
        if m := ROMAN_SECTION_RE.match(line):
            article = Article(number=f"mục {m.group(1)}", title=m.group(2).strip())
            articles.append(article)
            continue
        if (m := CLAUSE_RE.match(line)) and (not article.clauses or _next_number(article.clauses[-1].number, m.group(1))):
            article.clauses.append(Clause(number=m.group(1), text=m.group(2).strip()))
        elif (m := POINT_RE.match(line)) and article.clauses and _next_point(article.clauses[-1], m.group(1)):
            article.clauses[-1].points.append(Point(label=m.group(1), text=m.group(2).strip()))  # "mục II, điểm 3, ý b"
        else:
            _append(article, line)
    return [a for a in articles if a.title or a.text or a.clauses]


def _next_point(clause: Clause, label: str) -> bool:
    """ "a)" after a task group's heading opens its items, each next letter continues them: a stray "c." inside a
    sentence does not, nor items after a task's own sentence (they stay its text, said as before)."""
    letters = "abcdđeghiklmnopqrstuvxy"
    if not clause.points:  # only a task group's heading ("Sở Y tế", "Bộ Tài chính:") has items of its own
        return label == "a" and "\n" not in clause.text and not clause.text.rstrip().endswith((".", ";"))
    last = letters.find(clause.points[-1].label)
    return 0 <= last < len(letters) - 1 and letters[last + 1] == label


def _next_article(previous: str, line: str) -> bool:
    """ "Điều 2." right after our "Điều 1", on a line without a quote: the document goes on."""
    m = ARTICLE_RE.match(line)
    return m is not None and previous.isdigit() and m.group(1) == str(int(previous) + 1)


def _next_number(previous: str, current: str) -> bool:
    return previous.isdigit() and int(current) == int(previous) + 1


def append_to_clause(clause: Clause, line: str) -> None:
    """A line that continues the clause: it belongs to its last point, or to its own text when it has none."""
    if clause.points:
        clause.points[-1].text += "\n" + line
    else:
        clause.text = f"{clause.text}\n{line}".strip()


def _append(article: Article, line: str) -> None:
    if article.clauses:
        append_to_clause(article.clauses[-1], line)
    else:
        article.text = f"{article.text}\n{line}".strip()


def _effective(articles: list[Article], issued_on: date | None) -> tuple[date | None, str | None]:
    for article in articles:
        for _clause, _point, passage in article.passages():
            flat = " ".join(passage.split())
            for m in EFFECTIVE_RE.finditer(flat):
                if A_PART.search(flat[: m.start()]):
                    continue  # "Khoản 2 Điều 2 Quyết định này có hiệu lực từ …": that part's own date (scripts.phasing)
                if m["signed"]:
                    return issued_on, "kể từ ngày ký"
                return to_date(m.groups()[:6]), None
    return None, None


def parse(text: str) -> LegalDocument:
    """Parse a legal document's text.

    :raises DocumentError: when the text has no document number or no issuer.
    """
    cleaned = clean(text)
    raw_lines = cleaned.split("\n")
    header = [line for line in header_lines(raw_lines)]
    header_text = "\n".join(header)
    warnings: list[ParseWarning] = []
    number_match = NUMBER_LINE_RE.search(header_text) or NUMBER_LINE_RE.search(cleaned[:3000])
    if not number_match:
        number_match = NUMBER_RE.search(header_text)
        if number_match:
            warnings.append(
                ParseWarning(
                    "number_not_on_own_line",
                    f"Số hiệu {number_match.group(1)} không nằm trên dòng «Số:» riêng: kiểm tra lại số hiệu văn bản.",
                )
            )
    if not number_match:
        raise DocumentError('no document number ("Số: …") found near the top: is this a Vietnamese legal document?')
    number = number_match.group(1)
    place_match = PLACE_DATE_RE.search(header_text)
    place = " ".join(place_match["place"].split()) if place_match else None
    issued_on = to_date((place_match["d"], place_match["m"], place_match["y"])) if place_match else None
    if issued_on is None and (passed := PASSED_RE.search(" ".join(cleaned.split()))):
        issued_on = to_date(passed.groups())
    reasons = unwrap(header[prose_start(header) :])  # a directive's or Công điện's reasons, before task 1.
    filled = [line for line in header[: prose_start(header)] if line]
    doc_type, type_line = doc_type_of(filled, number, cleaned)
    issuer = issuer_of(filled, number, place, cleaned)
    title = title_of(filled, type_line, doc_type, issuer, cleaned)
    body_lines, tables = extract_tables(unfold(raw_lines[len(header) :]))  # HTML, DOCX rows: scripts.pipe_rows
    lines = unwrap(body_lines)
    start = _body_start(lines)
    preamble = [line for line in lines[:start] if PREAMBLE_RE.match(line) or "ban hành" in line] + reasons
    articles = _structure(lines[start:], tables) or _directive(lines)
    if not title and preamble:
        title = title_from_preamble(preamble, doc_type)
    effective_on, note = _effective(articles, issued_on)
    relations = find_relations(title, preamble, articles, number)
    warnings += _warnings(cleaned, issuer, issued_on)
    return LegalDocument(
        number=number,
        doc_type=doc_type,
        issuer=issuer,
        title=title,
        place=place,
        issued_on=issued_on,
        effective_on=effective_on,
        effective_note=note,
        preamble=preamble,
        articles=articles,
        relations=relations,
        text=cleaned,
        sha256=hashlib.sha256(cleaned.encode()).hexdigest(),
        warnings=warnings,
    )


def _warnings(text: str, issuer: str, issued_on: date | None) -> list[ParseWarning]:
    """What makes this parse doubtful; the document still drafts, the editor is told."""
    out = []
    if issued_on is None:
        out.append(ParseWarning("no_issue_date", "Không tìm thấy ngày ban hành: kiểm tra dòng «…, ngày … tháng … năm …»."))
    if not KNOWN_ISSUER_START.match(issuer):
        out.append(ParseWarning("unknown_issuer", f"Cơ quan ban hành «{issuer}» không rõ: kiểm tra phần đầu văn bản."))
    if is_broken(text):
        out.append(
            ParseWarning(
                "broken_syllables",
                "Văn bản bị vỡ chữ (âm tiết bị tách rời): tải bản Word hoặc bản điện tử khác thay cho bản này.",
            )
        )
    return out
