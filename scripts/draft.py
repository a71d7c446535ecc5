"""Draft a short plain-language bulletin script from a parsed legal document.

The script opens with what changed for residents, in plain words, then names the document
once; the provisions follow in the document's order, each a sentence a listener can follow
on first hearing. A document with nothing for residents gets a short notice and a warning
for the editor. Every sentence keeps the exact quote it came from, or is marked as template
text; the script only ever reuses the source's own digits, so each number can be traced.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from scripts.errors import DraftError
from scripts.legal import SYMBOL, SYMBOL_RE, LegalDocument
from scripts.listener import RUN_ON, check, passes
from scripts.phasing import phased_dates, with_phase
from scripts.selection import Candidate, Source, admin_score, best_first, candidates, overlap, resident_score
from scripts.sentences import FIGURE, HARD_MAX_WORDS, MAX_WORDS, SENTENCE_SPLIT, flat, lowerfirst, words
from scripts.spoken import normalize
from scripts.tables import series_candidates, table_candidates

__all__ = ["MAX_S", "MIN_S", "NOTICE_MAX_S", "Script", "Sentence", "Source", "draft", "estimate_seconds"]

TEMPLATES = Path(__file__).parent / "templates"
SYLLABLES_PER_SECOND = 3.6  # an unhurried broadcast reading of Vietnamese
PAUSE_PER_SENTENCE_S = 0.5
MIN_S, TARGET_S, MAX_S = 45.0, 165.0, 180.0
NOTICE_MAX_S = 40.0
MAX_RELATIONS = 3
TITLE_WORDS = 16
LONG_TITLE_WORDS = 24
NOTICE_TITLE_WORDS = 11
NOTICE_TITLE_STEPS = (30, 24, 16, NOTICE_TITLE_WORDS)
PER_ARTICLE = 3
PER_FEW_ARTICLES = 12  # a document of few articles (an amending decree) spreads this over them
MAX_TABLE_SENTENCES = 5
MIN_SCORE = 4.0  # what fills time left over must still be news for residents
PER_AMENDED_ARTICLE = 8  # a clause of an amending article rewrites a whole article of the old text
RESIDENT_FLOOR = 4.0
NOTICE_BELOW_DIRECTIVE = 6.0  # a directive's enforcement ("xử lý nghiêm", "thu hồi") is news for residents
TRIAGE_FLOOR = 3.0  # for the notice triage a rule with a duration or a fee ("từ 14 ngày … học phí") already counts
NOTICE_BELOW = 9.0  # the three best sentences for residents together score less: a short notice  # a sentence scoring this for residents (and not mainly administrative) is worth airing
OFFICES: tuple[tuple[str, str], ...] = (
    (r"cơ quan bảo hiểm xã hội|bảo hiểm xã hội", "cơ quan bảo hiểm xã hội"),
    (r"học phí|cơ sở giáo dục|nhà trường", "nhà trường nơi con, em đang học"),
    (r"Kiểm lâm", "Kiểm lâm"),
    (r"Công an (?:cấp )?xã", "Công an xã"),
    (r"trưởng thôn", "trưởng thôn, tổ trưởng tổ dân phố"),
    (r"quân sự cấp xã|Ban Chỉ huy quân sự", "Ban Chỉ huy quân sự xã"),
    (r"cơ sở khám bệnh, chữa bệnh|bảo hiểm y tế", "cơ sở khám bệnh, chữa bệnh nơi đăng ký"),
    (r"Cảnh sát giao thông|giấy phép lái xe", "Công an xã"),
)


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
    warnings: list[dict[str, str]] = field(default_factory=list)

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


TYPE_BEFORE = re.compile(
    r"(Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết liên tịch|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định|Chỉ thị)\s+(?:số\s+)?$"
)
TITLE_CUT = re.compile(
    r";|\s+(?:trên địa bàn|ngày \d+|của (?:Chính phủ|Bộ|Ủy ban|Hội đồng)|ban hành kèm theo|năm học|do (?:Bộ trưởng|Thủ tướng|Chính phủ|Ủy ban|Hội đồng))\b"
)
RELATED_DETAILS = re.compile(
    rf"(?P<sym>{SYMBOL})\s+ngày\s+\d{{1,2}}(?:/\d{{1,2}}/| tháng \d{{1,2}} năm )\d{{4}}(?:\s+của\s+.{{3,120}}?)?"
    r"(?=\s+(?:hướng dẫn|quy định|về|ban hành|sửa đổi)\b)"
)  # "… số 72/2011/TTLT-BTC-BGTVT ngày … của Bộ trưởng … hướng dẫn …": what the repealed text was about, not its date
TITLE_BOUNDARY = re.compile(r"\s+(?=(?:và|đối với|về|cho|trong|tại|để|theo|khi)\s)")
# not at a comma: "về việc quy định nội dung chi, mức chi" stops inside a list and sounds cut
TITLE_SIMPLER: tuple[tuple[re.Pattern[str], str], ...] = (
    # "… quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm y tế đối với …" → "hướng dẫn Luật …"
    (
        re.compile(
            r"[Qq]uy định chi tiết(?: và hướng dẫn thi hành)?(?: một số điều)?(?: và biện pháp[^L]{0,80}?)?\s+(?:của\s+)?(?=(?:Luật|Bộ luật)\s)"
        ),
        "hướng dẫn ",
    ),
    # "Luật X và Luật sửa đổi, bổ sung một số điều của Luật X" → "Luật X và các điểm sửa đổi của luật này"
    (
        re.compile(r"((?:Luật|Bộ luật) [^,;]+?) và Luật sửa đổi, bổ sung một số điều của \1"),
        r"\1 và các điểm sửa đổi của luật này",
    ),
)
FALLBACK_BOUNDARY = re.compile(r",\s+|\s+(?=(?:trước|sau|đã|nhằm|phục vụ|giai đoạn|nhiệm kỳ)\s)")
DANGLING_TITLE = re.compile(
    r"\s+(?:thuộc thẩm quyền|quy định chi tiết|hướng dẫn thi hành|và|của|về|đối với|trên|cho|tại|theo|các)$"
)


def count_syllables(text: str) -> int:
    return len(re.findall(r"[^\W\d_]+", text))


def estimate_seconds(spoken_sentences: list[str]) -> float:
    syllables = sum(count_syllables(s) for s in spoken_sentences)
    return round(syllables / SYLLABLES_PER_SECOND + PAUSE_PER_SENTENCE_S * len(spoken_sentences), 1)


@dataclass(slots=True)
class DocFacts:
    """What the templates may say about the document, in the source's own written form."""

    number: str
    doc_type: str
    issuer: str
    title_phrase: str
    issued_on_text: str | None
    effective_text: str | None
    effective_in_headline: bool = False
    title_apart: str = ""  # a long title said as its own sentence: "Quyết định này phân cấp …"


def _source_date_text(doc: LegalDocument, value: date) -> str:
    """The date as the source writes it, so its digits can be found there."""
    text = flat(doc.text)
    for form in (
        f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}",
        f"ngày {value.day:02d} tháng {value.month} năm {value.year}",
        f"ngày {value.day} tháng {value.month:02d} năm {value.year}",
        f"ngày {value.day} tháng {value.month} năm {value.year}",
    ):
        if form in text:
            return form
    return f"ngày {value.day:02d} tháng {value.month} năm {value.year}"


def _title_phrase(doc: LegalDocument, limit: int = TITLE_WORDS) -> str:
    """The title cut at a natural boundary to a length a listener keeps in mind."""
    title = RELATED_DETAILS.sub(r"\g<sym>", " ".join(doc.title.split()))
    for pattern, repl in TITLE_SIMPLER:
        title = pattern.sub(repl, title)
    if doc.doc_type in ("Luật", "Bộ luật", "Pháp lệnh") and title.startswith(doc.doc_type):
        rest = title[len(doc.doc_type) :].strip()
        return f"– {doc.doc_type} {rest}" if rest else ""
    while words(title) > limit:
        parts = TITLE_CUT.split(title, maxsplit=1)
        if len(parts) > 1 and words(parts[0]) >= 4:
            title = parts[0]
            continue
        cuts = [m.start() for m in TITLE_BOUNDARY.finditer(title) if 6 <= words(title[: m.start()]) <= limit]
        if not cuts:  # a last resort before saying it whole: before "trước ngày …", "nhiệm kỳ …", a comma
            cuts = [m.start() for m in FALLBACK_BOUNDARY.finditer(title) if 6 <= words(title[: m.start()]) <= limit + 8]
        if not cuts:
            break  # a title is said whole rather than cut mid-phrase ("… của chủ hộ" for "… của chủ hộ kinh doanh")
        title = title[: cuts[-1]]
    title = title.rstrip(" .,")
    while DANGLING_TITLE.search(title):
        title = DANGLING_TITLE.sub("", title)
    return lowerfirst(title)


def facts(doc: LegalDocument, title_words: int = TITLE_WORDS) -> DocFacts:
    effective_text = None
    if doc.effective_on:
        when = _source_date_text(doc, doc.effective_on)
        effective_text = f"kể từ ngày ký, tức {when}" if doc.effective_note else f"từ {when}"
    return DocFacts(
        number=doc.number,
        doc_type=doc.doc_type,
        issuer=doc.issuer,
        title_phrase=_title_phrase(doc, title_words),
        issued_on_text=_source_date_text(doc, doc.issued_on) if doc.issued_on else None,
        effective_text=effective_text,
    )


def kind_of(doc: LegalDocument) -> str:
    first = doc.articles[0].number if doc.articles else "x"
    if doc.doc_type in ("Chỉ thị", "Công điện", "Kế hoạch") or not first or first.startswith("mục "):
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
    env.filters["lowerfirst"] = lowerfirst
    return env


def _relation_sentences(doc: LegalDocument, brief: bool = False) -> list[Sentence]:
    """One sentence per kind of relation ("… bãi bỏ Nghị quyết số A, Nghị quyết số B và …")."""
    verbs = {"amends": "sửa đổi, bổ sung", "replaces": "thay thế", "repeals": "bãi bỏ"}
    text = flat(doc.text)
    out: list[Sentence] = []
    for kind, verb in verbs.items():
        related = [r for r in doc.relations if r.kind == kind]
        if not related:
            continue
        names = []
        for rel in related[:MAX_RELATIONS]:
            pos = text.find(rel.number)
            before = TYPE_BEFORE.search(text[max(0, pos - 40) : pos]) if pos >= 0 else None
            name = f"{before.group(1) if before else 'văn bản'} số {rel.number}"
            partial = rel.part and kind != "amends"  # "bãi bỏ khoản 2 Điều 7 của …" is not the whole document
            names.append(f"một số quy định của {name}" if partial else name)
        if len(related) > MAX_RELATIONS:
            count = str(len(related))
            many = f"{count} văn bản" if re.search(rf"(?<![\d.,/]){count}(?![\d.,/])", text) else "nhiều văn bản"
            listed = many if brief else f"{many}, trong đó có " + ", ".join(names[:2])
        else:
            listed = ", ".join(names[:-1]) + (" và " if len(names) > 1 else "") + names[-1]
        out.append(Sentence(f"{doc.doc_type} này {verb} {listed}.", Source(related[0].article, None, None, related[0].number)))
    return out


def _identity_source(doc: LegalDocument) -> Source:
    """The header line with place and date ("Hà Nội, ngày 15 tháng 5 năm 2026"), else the number."""
    if doc.issued_on and doc.place:
        quote = f"{doc.place}, {_source_date_text(doc, doc.issued_on)}"
        if quote in flat(doc.text):
            return Source(None, None, None, quote)
    return Source(None, None, None, doc.number)


def _effective_source(doc: LegalDocument) -> Source | None:
    for article in doc.articles:
        for clause, point, passage in article.passages():
            text = flat(passage)
            if "có hiệu lực" in text:
                sentence = next((s for s in SENTENCE_SPLIT.split(text) if "có hiệu lực" in s), text)
                return Source(article.number or None, clause, point, sentence)
    return None


HOTLINE = re.compile(r"\b(tổng đài|đường dây nóng)\s+(?:số\s+)?(\d{3,4}(?:[ .]\d{3,4})?)\b", re.I)


def _hotline(doc: LegalDocument) -> str:
    """ "tổng đài 112": a number residents can call, when the document names one."""
    m = HOTLINE.search(flat(doc.text))
    return f"{m[1].lower()} {m[2]}" if m else ""


def _offices(doc: LegalDocument, chosen: list[Candidate]) -> str:
    """Where residents ask: the offices the document itself names, then the commune."""
    said = " ".join(c.text for c in chosen)
    names: list[str] = []
    for pattern, name in OFFICES:
        if name not in names and re.search(pattern, said) and re.search(pattern, doc.text):
            names.append(name)
    names = names[:2] + ["Ủy ban nhân dân xã"]
    return ", ".join(names[:-1]) + " hoặc " + names[-1] if len(names) > 1 else names[0]


THIS_TAKES_EFFECT = re.compile(
    r"(?P<rel>trước|từ|kể từ|sau) ngày (?:Luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Pháp lệnh|Bộ luật) này có hiệu lực(?: thi hành)?"
)


def _dated(doc: LegalDocument, text: str) -> str:
    """ "trước ngày Luật này có hiệu lực thi hành" → "trước ngày 01 tháng 01 năm 2025": a date a listener can use."""
    if not doc.effective_on or doc.effective_note or not THIS_TAKES_EFFECT.search(text):
        return text
    when = _source_date_text(doc, doc.effective_on)
    return THIS_TAKES_EFFECT.sub(lambda m: f"{m['rel']} {when}", text)


def _mended(cand: Candidate) -> list[Candidate]:
    """ "… là 05 năm Trong trường hợp …": a sentence break lost in extraction; each half is its own sentence."""
    if not (m := RUN_ON.search(cand.text)):
        return [cand]
    cut = m.start() + 1
    halves = [cand.text[:cut].rstrip(" ,") + ".", cand.text[cut:].strip()]
    return [replace(cand, text=half, order=cand.order + i) for i, half in enumerate(halves)]


def _pool(doc: LegalDocument) -> list[Candidate]:
    pool = [half for cand in candidates(doc, lambda text: _dated(doc, text)) for half in _mended(cand)]
    if phases := phased_dates(doc):
        for cand in pool:
            cand.text = with_phase(cand.text, cand.source.article, cand.source.clause, phases)
        pool = [c for c in pool if words(c.text) <= HARD_MAX_WORDS + 2]  # its start date made it too long to follow
    total = len(doc.articles)
    for index, article in enumerate(doc.articles):
        pool.extend(table_candidates(article, index, total, 10_000 + 100 * index))
        pool.extend(series_candidates(article, index, total, 10_000 + 100 * index + 99))
    scope = re.compile(rf"^{doc.doc_type} này (?:quy định|áp dụng|hướng dẫn)\b")  # the title already said what it covers
    if any(a.number.startswith("mục ") for a in doc.articles):  # a directive's opening is context ("Thời gian qua …"), not a task
        pool = [c for c in pool if c.source.article or c.source.clause]
    return [
        c
        for c in pool
        if "có hiệu lực" not in c.text and c.text.strip(".") != doc.number and passes(c.text) and not scope.match(c.text)
    ]


BINDS = re.compile(
    r"nghiêm cấm|\bcấm\b|không được|phạt tiền|xử phạt|lệ phí|\bphí\b|mức thu|học phí|được hưởng|trợ cấp|phụ cấp|"
    r"được hỗ trợ|được miễn|được giảm|phải đóng|phải nộp|đóng bảo hiểm|được bồi dưỡng|được trợ cấp|"
    r"\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng",
    re.I,
)
RESIDENT_SUBJECT = re.compile(
    r"người dân|hộ gia đình|\bhộ\b|cá nhân|công dân|người lao động|người nộp|người tham gia|người hưởng|trẻ em|học sinh|"
    r"^(?:Từ ngày [^,]+, )?Người\b|người cao tuổi|chủ hộ|chủ rừng|người sử dụng|tổ chức, cá nhân|^Nghiêm cấm|^Cấm",
    re.I,
)


def binds_residents(pool: list[Candidate]) -> bool:
    """A rule that bans, fines, pays or charges residents: such a document always gets a full script."""
    return any(
        BINDS.search(c.text) and RESIDENT_SUBJECT.search(c.text) and admin_score(c.text) < 3.0 and not c.text.startswith("Nghị")
        for c in pool
    )


def _relevant(pool: list[Candidate], floor: float = RESIDENT_FLOOR) -> list[Candidate]:
    return [c for c in pool if c.table or resident_score(c.text) >= floor and admin_score(c.text) < 3.0]


BARE_LEVEL = re.compile(r"^Mức (?:\S+ ){0,3}?(?:bằng|là|tối đa|tối thiểu|không)\b")


RESIDENT_LEAD = re.compile(
    r"^(?:Từ ngày [^,]+, )?(?:Nghiêm cấm|Cấm|Không được)\b|"
    r"\b(?:người|hộ|trẻ em|học sinh|công dân|cá nhân|thân nhân|chủ hộ|chủ sở hữu|dân quân|bà con)\b[^.]*?"
    r"\b(?:được|phải|bị|không được)\b",
    re.I,
)
PEOPLE = re.compile(
    r"\b(?:người|hộ|trẻ em|trẻ|học sinh|công dân|cá nhân|thân nhân|chủ hộ|dân quân|bà con)\b|^(?:Từ ngày [^,]+, )?(?:Nghiêm cấm|Cấm)\b",
    re.I,
)
MONEY_OR_BAN = re.compile(r"\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng|\d[\d.,]*\s*%|\bcấm\b|không được", re.I)
UNIT_LEAD = re.compile(r"^(?:Từ ngày [^,]+, )?(?:Ở |Tại |Thôn|Xã|Tổ dân phố|Ủy ban|Sở|Bộ|Các bộ|Cơ quan)", re.I)


def _headline(pool: list[Candidate]) -> Candidate | None:
    """The change residents most need to hear, short enough to open the bulletin with.

    Among the best ten: first a ban, or an amount paid to or by people ("Người … được … 300.000 đồng"); then any
    right or duty of people; then the best sentence at all. Never a rule about villages or offices ("Ở …: Thôn phải
    có …") nor a bare level ("Mức … bằng 50%"): without a resident's rule the bulletin opens with the document.
    """
    fit = [
        c
        for c in best_first(pool)[:10]
        if not BARE_LEVEL.match(c.text)
        and not UNIT_LEAD.match(c.text)
        and not c.table
        and words(c.text) <= MAX_WORDS - 6
        and resident_score(c.text) >= RESIDENT_FLOOR
    ]
    people = [c for c in fit if RESIDENT_LEAD.search(c.text)]
    paid_or_banned = [c for c in fit if MONEY_OR_BAN.search(c.text) and PEOPLE.search(c.text)]
    return next(iter(paid_or_banned or people or fit[:1]), None) if fit else None


def _select(pool: list[Candidate], budget_s: float, spent: float, dialect: str, exclude: Candidate | None) -> list[Candidate]:
    """The best sentences within the time, a few per article; time left over goes to the next best of any article."""
    chosen: list[Candidate] = []
    per_article: dict[str, int] = {}
    articles = len({c.part or str(c.article_index) for c in pool}) or 1
    cap = max(PER_ARTICLE, PER_FEW_ARTICLES // articles)
    tables = 0
    for stretch in (1, 2):
        for cand in best_first(pool):
            if cand is exclude or cand in chosen or stretch > 1 and cand.score < MIN_SCORE or cand.score < 0 and chosen:
                continue
            if any(overlap(cand.text, c.text) > 0.7 for c in [*chosen, *([exclude] if exclude else [])]):
                continue
            part = cand.part or str(cand.article_index)
            limit = stretch * (max(cap, PER_AMENDED_ARTICLE) if ":" in part else cap)
            if cand.table and tables >= MAX_TABLE_SENTENCES or not cand.table and per_article.get(part, 0) >= limit:
                continue
            cost = _duration([Sentence(cand.text, None)], dialect)
            if spent + cost > budget_s:
                continue
            chosen.append(cand)
            spent += cost
            tables += cand.table
            per_article[part] = per_article.get(part, 0) + (not cand.table)
    return sorted(chosen, key=lambda c: (c.article_index, c.table, c.order))


def _render(
    kind: str,
    doc: LegalDocument,
    chosen: list[Candidate],
    headline: Candidate | None,
    notice: bool,
    full: bool = True,
    title_words: int | None = None,
) -> list[Sentence]:
    if not notice and _title_phrase(doc, LONG_TITLE_WORDS) != _title_phrase(doc, TITLE_WORDS):
        # a title cut short loses who it is for: say it as whole as a sentence allows, apart
        title_words = next(
            n for n in (MAX_WORDS, LONG_TITLE_WORDS) if words(_title_phrase(doc, n)) + 3 <= MAX_WORDS + 4 or n == LONG_TITLE_WORDS
        )
    fact = facts(doc, title_words or (NOTICE_TITLE_WORDS if notice else TITLE_WORDS))
    long_title = words(fact.title_phrase) > MAX_WORDS - 12  # with date, issuer and number the sentence is too long
    if (title_words and title_words > TITLE_WORDS or long_title) and not fact.title_phrase.startswith("–"):
        phrase = re.sub(r"^về(?: việc)?\s", "nói về ", fact.title_phrase)
        fact.title_apart = f"{doc.doc_type} này {phrase}"
    relations = [r for r in _relation_sentences(doc, brief=notice) if r.source and r.source.quote not in fact.title_phrase]
    head_text = headline.text if headline else ""
    if headline and fact.effective_text and not doc.effective_note and not re.search(r"\bngày \d|\d/\d{4}", head_text):
        head_text = f"{fact.effective_text.capitalize()}, {lowerfirst(head_text)}"
        fact.effective_in_headline = True
    template = _environment().get_template("notice.j2" if notice else f"{kind}.j2")
    reminder = headline.text if headline and words(headline.text) <= MAX_WORDS - 8 and not notice else ""
    rendered = template.render(
        doc=fact,
        provisions=chosen,
        relations=relations,
        headline=head_text,
        offices=_offices(doc, chosen),
        hotline=_hotline(doc),
        reminder=reminder,
        full=full,
    )
    sources: dict[str, Source | None] = {"template": None, "identity": _identity_source(doc), "effective": _effective_source(doc)}
    sources.update({f"provision:{i}": c.source for i, c in enumerate(chosen)})
    sources.update({f"relation:{i}": r.source for i, r in enumerate(relations)})
    sources["headline"] = headline.source if headline else None
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
    pool = _pool(doc)
    if not pool and not doc.effective_on:
        raise DraftError(f"{doc.number} has no provisions a bulletin could report")
    relevant = _relevant(pool)
    top = sorted((resident_score(c.text) + 4.0 * c.table for c in _relevant(pool, TRIAGE_FLOOR)), reverse=True)[:3]
    notice = sum(top) < (NOTICE_BELOW_DIRECTIVE if kind == "directive" else NOTICE_BELOW) and not binds_residents(pool)
    warnings: list[dict[str, str]] = []
    headline = None if notice else _headline(relevant)
    base = _duration(_render(kind, doc, [], headline, notice), dialect)
    budget = NOTICE_MAX_S + 30 if notice else TARGET_S
    chosen = _select(pool, budget, base, dialect, headline)
    if not notice and len(chosen) + (headline is not None) < 2 and not binds_residents(pool):
        # fewer than two provisions a listener can follow: a full bulletin would be its template; say a notice
        notice, headline = True, None
        chosen = _select(pool, NOTICE_MAX_S + 30, _duration(_render(kind, doc, [], None, True), dialect), dialect, None)
    if notice:
        chosen = sorted(sorted(chosen, key=lambda c: -c.score)[:2], key=lambda c: c.order)
        warnings.append(
            {
                "code": "not_recommended",
                "message": "Không khuyến nghị phát: văn bản không có quy định trực tiếp về quyền lợi, nghĩa vụ, "
                "mức tiền hay thời hạn của người dân; chỉ nên phát thông báo ngắn.",
            }
        )
    sentences = (
        _render(kind, doc, chosen, headline, notice, full=False) if notice else _render(kind, doc, chosen, headline, notice)
    )
    if notice:
        sentences = _fit_notice(kind, doc, chosen, dialect)
    sentences, unheard = _audible(doc, sentences)
    warnings += unheard
    return Script("vi", sentences, _duration(sentences, dialect), "notice" if notice else kind, doc.number, dialect, warnings)


def _audible(doc: LegalDocument, sentences: list[Sentence]) -> tuple[list[Sentence], list[dict[str, str]]]:
    """The last guard: a sentence the listener check flags is not said; the one naming the document stays, with a warning."""
    kept: list[Sentence] = []
    warnings: list[dict[str, str]] = []
    for sentence in sentences:
        if (found := check(sentence.text)) and doc.number not in sentence.text:
            continue
        if found:
            codes = ", ".join(f.code for f in found)
            warnings.append({"code": "listener_check", "message": f"Câu giới thiệu văn bản cần sửa ({codes}): {sentence.text}"})
        kept.append(sentence)
    return kept, warnings


def _fit_notice(kind: str, doc: LegalDocument, chosen: list[Candidate], dialect: str) -> list[Sentence]:
    """A notice within NOTICE_MAX_S, its title as whole as the time allows: a notice is mostly its title."""
    for title_words in NOTICE_TITLE_STEPS:
        sentences = _fit_notice_with(kind, doc, chosen, dialect, title_words)
        fits = all(words(s.text) <= MAX_WORDS + 4 for s in sentences)
        fits = fits and any(s.source and (s.source.article or s.source.clause) for s in sentences)  # one cited provision
        if fits and _duration(sentences, dialect) <= NOTICE_MAX_S and sum(1 for s in sentences if s.source) >= 3:
            return sentences
    return _fit_notice_with(kind, doc, chosen, dialect, NOTICE_TITLE_WORDS)


def _fit_notice_with(kind: str, doc: LegalDocument, chosen: list[Candidate], dialect: str, title_words: int) -> list[Sentence]:
    """Drop the relation, then the weaker provision; keep three cited sentences."""
    chosen = list(chosen)
    sentences = _render(kind, doc, chosen, None, True, full=False, title_words=title_words)
    # a title said whole may take the place of the last provision, unless that one gives an amount
    keep = 0 if title_words > TITLE_WORDS and not any(FIGURE.search(c.text) for c in chosen) else 1
    while len(chosen) > keep and _duration(sentences, dialect) > NOTICE_MAX_S:
        chosen.remove(min(chosen, key=lambda c: c.score))
        sentences = _render(kind, doc, chosen, None, True, full=False, title_words=title_words)
    if _duration(sentences, dialect) > NOTICE_MAX_S:
        sentences = [s for s in sentences if not (s.source and s.source.quote in {r.number for r in doc.relations})]
    if sum(1 for s in sentences if s.source) < 3:
        longer = _render(kind, doc, chosen, None, True, full=True, title_words=title_words)
        if _duration(longer, dialect) <= NOTICE_MAX_S:
            sentences = longer
    return sentences


def symbols_in(text: str) -> list[str]:
    return SYMBOL_RE.findall(text)


def draft_warnings(doc: LegalDocument, script: Script) -> list[dict[str, str]]:
    """Everything an editor and an approver must check: the parse's doubts, then the drafter's."""
    return [{"code": w.code, "message": w.message} for w in doc.warnings] + [dict(w) for w in script.warnings]
