"""Draft a short plain-language bulletin script from a parsed legal document.

Provisions are scored by what matters to a resident (who is affected, amounts, deadlines,
rights, obligations and penalties) and by what does not (organisation of state bodies,
definitions, funding, entry into force); the best fill the script up to its target length.
Every sentence keeps the exact quote it came from, or is marked as template text; the
script only ever reuses the source's own digits, so each number can be traced.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from scripts.errors import DraftError
from scripts.legal import SYMBOL_RE, Article, LegalDocument
from scripts.spoken import normalize

TEMPLATES = Path(__file__).parent / "templates"
SYLLABLES_PER_SECOND = 3.6  # an unhurried broadcast reading of Vietnamese
PAUSE_PER_SENTENCE_S = 0.5
MIN_S, TARGET_S, MAX_S = 45.0, 110.0, 180.0
MAX_WORDS = 48
MAX_RELATIONS = 3
MAX_TITLE_WORDS = 45
MAX_TABLE_ROWS = 4


@dataclass(slots=True)
class Source:
    """Where a sentence came from: article/clause/point and the exact quote."""

    article: str | None
    clause: str | None
    point: str | None
    quote: str

    @property
    def label(self) -> str:
        """How a Vietnamese reader cites it: "điểm a khoản 2 Điều 3"; the header if none."""
        parts = [
            f"điểm {self.point}" if self.point else "",
            f"khoản {self.clause}" if self.clause else "",
            f"Điều {self.article}" if self.article else "",
        ]
        return " ".join(p for p in parts if p) or "phần đầu văn bản"


@dataclass(slots=True)
class Sentence:
    text: str
    source: Source | None


@dataclass(slots=True)
class Script:
    language: str
    sentences: list[Sentence]
    est_duration_s: float
    kind: str
    document_number: str
    dialect: str = "north"

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def spoken(self) -> str:
        return " ".join(normalize(s.text, self.dialect) for s in self.sentences)

    def sentence_dicts(self) -> list[dict[str, Any]]:
        return [{"text": s.text, "source": asdict(s.source) if s.source else None} for s in self.sentences]

    def to_dict(self) -> dict[str, object]:
        return {
            "language": self.language,
            "text": self.text,
            "sentences": self.sentence_dicts(),
            "est_duration_s": self.est_duration_s,
        }


@dataclass(slots=True)
class Candidate:
    text: str
    source: Source
    score: float
    article_index: int = 0
    words: int = field(default=0)
    table: bool = False


POSITIVE: tuple[tuple[str, float], ...] = (
    (r"\d[\d.,]*\s*(?:đồng|triệu|tỷ|nghìn)", 4.0),
    (r"\d[\d.,]*\s*%", 3.5),
    (r"\bmức\b", 1.5),
    (r"học phí|lệ phí|\bphí\b|\bgiá\b", 1.5),
    (r"trợ cấp|phụ cấp|hỗ trợ|lương hưu|tiền lương|bồi thường", 2.0),
    (r"được hưởng|được miễn|được giảm|miễn|giảm|tăng thêm|được cấp", 2.0),
    (r"phạt|xử phạt|nghiêm cấm|\bcấm\b|không được|bị tước|trừ điểm", 2.5),
    (r"\bphải\b|có nghĩa vụ|bắt buộc|thời hạn|chậm nhất|trước ngày|trong thời hạn", 1.5),
    (
        r"người dân|hộ gia đình|người lao động|trẻ em|học sinh|người cao tuổi|nông dân|người khuyết tật|"
        r"người nghỉ hưu|người tham gia|cá nhân|công dân|người điều khiển|chủ rừng|người bệnh",
        2.0,
    ),
    (r"\bđối tượng\b|áp dụng đối với", 1.0),
    (r"\d{1,2}/\d{1,2}/\d{4}|ngày \d{1,2} tháng \d{1,2}", 1.0),
)
NEGATIVE: tuple[tuple[str, float], ...] = (
    (r"Bộ trưởng|Thủ trưởng|Chủ tịch Ủy ban|chịu trách nhiệm thi hành|tổ chức thực hiện|tổ chức triển khai", 3.0),
    (r"hướng dẫn|báo cáo|giám sát|kiểm tra|thanh tra|tham mưu|phối hợp|chỉ đạo", 1.5),
    (r"kinh phí|dự toán|ngân sách|quyết toán|nguồn vốn", 2.5),
    (r"có hiệu lực|hết hiệu lực|bãi bỏ|thay thế", 4.0),
    (r"không quy định tại|các nội dung khác", 3.0),
    (r"\blà\b.{0,80}\b(?:là|gồm)\b|được hiểu là|giải thích", 1.0),
    (r"Ủy ban nhân dân tỉnh|Sở |cơ quan|đơn vị|Bảo hiểm xã hội Việt Nam", 0.8),
)
TITLE_BONUS = re.compile(r"mức|đối tượng|chế độ|chính sách|hỗ trợ|xử phạt|quyền|nghĩa vụ|phí|trợ cấp|điều chỉnh|hành vi|cấm")
TITLE_PENALTY = re.compile(
    r"phạm vi|giải thích|tổ chức thực hiện|hiệu lực|điều khoản|trách nhiệm thi hành|nguyên tắc|quản lý nhà nước|trách nhiệm của"
)
CROSS_REF = re.compile(
    r",?\s*(?:(?:theo|tại)\s+)?(?:được\s+)?(?:quy định|nêu|ghi)\s+tại\s+(?:các\s+)?(?:điểm\s+[a-zđ](?:\s*,\s*[a-zđ])*(?:\s+và\s+(?:điểm\s+)?[a-zđ])?\s+)?"
    r"(?:khoản\s+\d+(?:\s*,\s*\d+)*(?:\s+và\s+(?:khoản\s+)?\d+)?\s+)?(?:Điều\s+\d+[a-zđ]?(?:\s*,\s*\d+)*(?:\s+và\s+(?:Điều\s+)?\d+)?|Điều này)"
    r"(?:\s+(?:của\s+)?(?:Luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Quy định)\s+này)?"
)
PAREN_ALIAS = re.compile(r"\s*\((?:sau đây|gọi tắt|gọi chung|viết tắt)[^)]*\)")
BOILERPLATE = re.compile(r",?\s*theo quy định (?:của pháp luật|hiện hành)(?: có liên quan)?")
SENTENCE_SPLIT = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])")
ITEM_SPLIT = re.compile(r"\n(?=[-+•]\s)")
AMENDED_TEXT = re.compile(
    r"như sau:\s*[“\"]\s*(?:\d+[a-z]?\.\s*|[a-zđ]\)\s*|Điều\s+\d+[a-z]?\.\s*)?(?P<body>.+?)[”\"]?[.;]*$", re.S
)
TYPE_BEFORE = re.compile(
    r"(Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết liên tịch|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định|Chỉ thị)\s+(?:số\s+)?$"
)


def count_syllables(text: str) -> int:
    return len(re.findall(r"[^\W\d_]+", text))


def estimate_seconds(spoken_sentences: list[str]) -> float:
    syllables = sum(count_syllables(s) for s in spoken_sentences)
    return round(syllables / SYLLABLES_PER_SECOND + PAUSE_PER_SENTENCE_S * len(spoken_sentences), 1)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _score(text: str, article_title: str, index: int, total: int) -> float:
    score = sum(w for pattern, w in POSITIVE if re.search(pattern, text))
    score -= sum(w for pattern, w in NEGATIVE if re.search(pattern, text))
    if TITLE_BONUS.search(article_title.lower()):
        score += 1.5
    if TITLE_PENALTY.search(article_title.lower()):
        score -= 3.0
    words = len(text.split())
    if words < 6:
        score -= 3.0
    if words > 80:
        score -= 1.0
    return score - 0.5 * index / max(total, 1)


def plain(text: str) -> str:
    """Plain language: drop aliases, cross-references and boilerplate; keep the rule."""
    if m := AMENDED_TEXT.search(text):
        text = m["body"]
    text = PAREN_ALIAS.sub("", text)
    text = CROSS_REF.sub("", text)
    text = BOILERPLATE.sub("", text)
    text = text.strip(' “”"-+•')
    text = re.sub(r"^(?:\d+\.\s+|[a-zđ]\)\s+)", "", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    words = text.split()
    if len(words) > MAX_WORDS:
        text = _shorten(text)
    text = re.sub(r"(?:\s+\d{1,2}\.)+$", "", text.rstrip())  # a clause number glued to the end by a line break
    text = text.rstrip(" ,;:./")
    return text[:1].upper() + text[1:] + "." if text else ""


def _shorten(text: str) -> str:
    """Cut at the last clause boundary before MAX_WORDS words."""
    for sep in (";", ":", ","):
        cut = ""
        for part in text.split(sep):
            candidate = f"{cut}{sep}{part}" if cut else part
            if len(candidate.split()) > MAX_WORDS:
                break
            cut = candidate
        if cut.count("(") > cut.count(")"):
            cut = cut[: cut.rfind("(")].rstrip()
        if len(cut.split()) >= 12:
            return cut
    cut = " ".join(text.split()[:MAX_WORDS])
    return cut[: cut.rfind("(")].rstrip() if cut.count("(") > cut.count(")") else cut


def _units(passage: str) -> list[tuple[str, str]]:
    """Split a passage into (context, unit) pairs: list items and sentences."""
    items = ITEM_SPLIT.split(passage)
    lead = ""
    if len(items) > 1 and _flat(items[0]).endswith(":"):
        lead, items = _flat(items[0]), items[1:]
    units: list[tuple[str, str]] = []
    for item in items:
        flat = _flat(item)
        if AMENDED_TEXT.search(flat):
            units.append((lead, flat))
            continue
        units.extend((lead, s) for s in SENTENCE_SPLIT.split(flat) if s)
    return units


def _restates(text: str, title: str) -> bool:
    """A passage that only repeats the title (scope articles) tells the resident nothing new."""
    words = set(re.findall(r"\w+", text.lower()))
    return len(words) > 0 and len(words & set(re.findall(r"\w+", title.lower()))) / len(words) > 0.75


def candidates(doc: LegalDocument) -> list[Candidate]:
    out: list[Candidate] = []
    total = len(doc.articles)
    for index, article in enumerate(doc.articles):
        if re.match(r"(bãi bỏ|thay thế)\b", article.title.lower()) and doc.relations:
            continue  # a list of repealed documents: the relation sentence already says it
        leads: dict[str | None, str] = {}
        for clause, point, passage in article.passages():
            flat = _flat(passage)
            if point is None and flat.endswith(":") and not AMENDED_TEXT.search(flat):
                leads[clause] = flat
                continue
            for lead, unit in _units(passage):
                context = leads.get(clause, "") if point else ""
                text = plain(unit)
                if context and len(text.split()) < 25 and not AMENDED_TEXT.search(context):
                    text = plain(f"{context.rstrip(':')}: {unit}")
                    text = text[:1].upper() + text[1:]
                elif lead:
                    text = plain(f"{lead.rstrip(':')}: {unit}") if len(unit.split()) < 25 else text
                if not text or re.search(r"(như sau|sau đây|gồm|bao gồm)\.$", text) or _restates(text, doc.title):
                    continue
                source = Source(article.number or None, clause or None, point, unit)
                score = _score(unit, article.title, index, total)
                out.append(Candidate(text, source, score, index, len(text.split())))
        out.extend(_table_candidates(article, leads, index, total))
    return out


def _table_candidates(article: Article, leads: dict[str | None, str], index: int, total: int) -> list[Candidate]:
    """Each row of a fee or benefit table as one sentence: the amounts residents ask about."""
    out: list[Candidate] = []
    for table in article.tables:
        clause = next((c for c in article.clauses if c.number == table.clause), None)
        first_line = (clause.text.split("\n")[0] if clause else leads.get(table.clause, "")).strip()
        lead = re.sub(r"\s*(như sau|sau đây)\s*:?\s*$", "", first_line).rstrip(" :") if first_line.endswith(":") else ""
        for n, row in enumerate(table.rows):
            cells = ", ".join(f"{h[:1].lower()}{h[1:]} {v}" for h, v in zip(table.headers[1:], row.values, strict=False))
            text = f"{row.label}: {cells}" + (f" {table.unit[:1].lower()}{table.unit[1:]}" if table.unit else "")
            if n == 0 and lead and len(lead.split()) <= 30:
                text = f"{lead}: {text[:1].lower()}{text[1:]}"
            source = Source(article.number or None, table.clause, None, row.quote)
            score = _score(f"{row.quote} {table.unit}".lower(), article.title, index, total) + 2.0
            out.append(Candidate(text.rstrip(".") + ".", source, score, index, len(text.split()), table=True))
    return out


@dataclass(slots=True)
class DocFacts:
    """What the templates may say about the document, in the source's own written form."""

    number: str
    doc_type: str
    issuer: str
    title_phrase: str
    issued_on_text: str | None
    effective_text: str | None


def _date_text(value: date) -> str:
    return f"ngày {value.day:02d} tháng {value.month} năm {value.year}"


def _source_date_text(doc: LegalDocument, value: date) -> str:
    """The date as the source writes it, so its digits can be found there."""
    flat = _flat(doc.text)
    for text in (
        f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}",
        f"ngày {value.day:02d} tháng {value.month} năm {value.year}",
        f"ngày {value.day} tháng {value.month:02d} năm {value.year}",
        f"ngày {value.day} tháng {value.month} năm {value.year}",
        f"ngày {value.day:02d}/{value.month:02d}/{value.year}",
        f"ngày {value.day}/{value.month}/{value.year}",
    ):
        if text in flat:
            return text
    return _date_text(value)


def _title_phrase(doc: LegalDocument) -> str:
    title = doc.title
    if doc.doc_type in ("Luật", "Bộ luật", "Pháp lệnh") and title.startswith(doc.doc_type):
        title = title[len(doc.doc_type) :].strip()
        return f"– {doc.doc_type} {title}" if title else ""
    title = title.split(";")[0]
    words = title.split()
    if len(words) > MAX_TITLE_WORDS:
        head = re.split(r"\s+(?:ngày \d|của (?:Chính phủ|Bộ|Ủy ban|Hội đồng)|quy định chi tiết|trên địa bàn)", title)[0]
        if 5 <= len(head.split()) <= MAX_TITLE_WORDS:
            title = head
        else:
            cut = " ".join(words[:MAX_TITLE_WORDS])
            title = cut[: cut.rfind(",")] if "," in cut else cut
    return (title[:1].lower() + title[1:]).rstrip(" .,")


def facts(doc: LegalDocument) -> DocFacts:
    effective_text = None
    if doc.effective_on:
        when = _source_date_text(doc, doc.effective_on)
        effective_text = f"kể từ ngày ký, tức {when}" if doc.effective_note else f"từ {when}"
    return DocFacts(
        number=doc.number,
        doc_type=doc.doc_type,
        issuer=doc.issuer,
        title_phrase=_title_phrase(doc),
        issued_on_text=_source_date_text(doc, doc.issued_on) if doc.issued_on else None,
        effective_text=effective_text,
    )


def kind_of(doc: LegalDocument) -> str:
    if doc.doc_type in ("Chỉ thị", "Công điện", "Kế hoạch") or (doc.articles and not doc.articles[0].number):
        return "directive"
    if re.match(r"(Luật )?(sửa đổi|bãi bỏ)", doc.title, re.IGNORECASE) or any(r.kind == "amends" for r in doc.relations):
        return "amendment"
    if doc.issuer.startswith(("Hội đồng nhân dân", "Ủy ban nhân dân")):
        return "local"
    return "new"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # Plain-text scripts for speech, never HTML: escaping would corrupt them.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, keep_trailing_newline=True)  # noqa: S701
    env.filters["capfirst"] = lambda s: s[:1].upper() + s[1:]
    return env


def _relation_sentences(doc: LegalDocument) -> list[Sentence]:
    """One sentence per kind of relation ("… bãi bỏ Nghị quyết số A, Nghị quyết số B và …")."""
    verbs = {"amends": "sửa đổi, bổ sung", "replaces": "thay thế", "repeals": "bãi bỏ"}
    flat = _flat(doc.text)
    out: list[Sentence] = []
    for kind, verb in verbs.items():
        related = [r for r in doc.relations if r.kind == kind]
        if not related:
            continue
        names = []
        for rel in related[:MAX_RELATIONS]:
            pos = flat.find(rel.number)
            before = TYPE_BEFORE.search(flat[max(0, pos - 40) : pos]) if pos >= 0 else None
            names.append(f"{before.group(1) if before else 'văn bản'} số {rel.number}")
        if len(related) > MAX_RELATIONS:
            listed = ", ".join(names) + " và một số văn bản khác"
        else:
            listed = ", ".join(names[:-1]) + (" và " if len(names) > 1 else "") + names[-1]
        out.append(Sentence(f"{doc.doc_type} này {verb} {listed}.", Source(related[0].article, None, None, related[0].number)))
    return out


def _identity_source(doc: LegalDocument) -> Source:
    """The header line with place and date ("Hà Nội, ngày 15 tháng 5 năm 2026"), else the number."""
    flat = _flat(doc.text)
    if doc.issued_on and doc.place:
        quote = f"{doc.place}, {_source_date_text(doc, doc.issued_on)}"
        if quote in flat:
            return Source(None, None, None, quote)
    return Source(None, None, None, doc.number)


def _effective_source(doc: LegalDocument) -> Source | None:
    for article in doc.articles:
        for clause, point, passage in article.passages():
            flat = _flat(passage)
            if "có hiệu lực" in flat:
                sentence = next((s for s in SENTENCE_SPLIT.split(flat) if "có hiệu lực" in s), flat)
                return Source(article.number or None, clause, point, sentence)
    return None


def _render(kind: str, doc: LegalDocument, chosen: list[Candidate]) -> list[Sentence]:
    fact = facts(doc)
    relations = _relation_sentences(doc)
    template = _environment().get_template(f"{kind}.j2")
    rendered = template.render(doc=fact, provisions=chosen, relations=relations)
    sources: dict[str, Source | None] = {"template": None, "identity": _identity_source(doc), "effective": _effective_source(doc)}
    sources.update({f"provision:{i}": c.source for i, c in enumerate(chosen)})
    sources.update({f"relation:{i}": r.source for i, r in enumerate(relations)})
    sentences = []
    for line in rendered.splitlines():
        key, tab, text = line.partition("\t")
        if tab and text.strip():
            sentences.append(Sentence(" ".join(text.split()), sources[key]))
    return sentences


def _duration(sentences: list[Sentence], dialect: str) -> float:
    return estimate_seconds([normalize(s.text, dialect) for s in sentences])


def draft(doc: LegalDocument, dialect: str = "north") -> Script:
    """Draft the bulletin script for one document.

    :raises DraftError: when the document has no provisions to speak of.
    """
    kind = kind_of(doc)
    pool = sorted(candidates(doc), key=lambda c: (-c.score, c.article_index))
    if not pool and not doc.effective_on:
        raise DraftError(f"{doc.number} has no provisions a bulletin could report")
    chosen: list[Candidate] = []
    per_article: dict[int, int] = {}
    tables_used = 0
    seen: set[str] = set()
    base = _duration(_render(kind, doc, []), dialect)
    budget = base
    for cand in pool:
        if budget >= TARGET_S and len(chosen) >= 2:
            break
        key = cand.text.lower()[:60]
        limit_hit = tables_used >= MAX_TABLE_ROWS if cand.table else per_article.get(cand.article_index, 0) >= 2
        if key in seen or limit_hit or cand.score < 0 and budget >= MIN_S and len(chosen) >= 2:
            continue
        cost = _duration([Sentence(cand.text, None)], dialect)
        if budget + cost > MAX_S - 10:
            continue
        chosen.append(cand)
        seen.add(key)
        if cand.table:
            tables_used += 1
        else:
            per_article[cand.article_index] = per_article.get(cand.article_index, 0) + 1
        budget += cost
    chosen.sort(key=lambda c: (c.article_index, _order(c.source), c.table))
    sentences = _render(kind, doc, chosen)
    return Script("vi", sentences, _duration(sentences, dialect), kind, doc.number, dialect)


def _order(source: Source) -> tuple[int, str]:
    clause = source.clause or "0"
    return (int(clause) if clause.isdigit() else 0, source.point or "")


def symbols_in(text: str) -> list[str]:
    return SYMBOL_RE.findall(text)
