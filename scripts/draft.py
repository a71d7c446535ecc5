"""Draft a short plain-language bulletin script from a parsed legal document.

The script opens with what changed for residents, in plain words, then names the document
once; the provisions follow in the document's order, each a sentence a listener can follow
on first hearing. A document with nothing for residents gets a short notice and a warning
for the editor. Every sentence keeps the exact quote it came from, or is marked as template
text; the script only ever reuses the source's own digits, so each number can be traced.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from scripts.choice import STAFF, binding_rule, binds_residents, build_pool, estimate_seconds, pick_headline, relevant, select
from scripts.docfacts import (
    LONG_TITLE_WORDS,
    TITLE_WORDS,
    Sentence,
    apart_title,
    effective_source,
    facts,
    hotline,
    identity_source,
    offices,
    relation_sentences,
    title_phrase,
)
from scripts.errors import DraftError
from scripts.follow_ons import runs, whole
from scripts.legal import SYMBOL_RE, LegalDocument
from scripts.list_points import said_with_its_list
from scripts.listener import check
from scripts.resident_lead import DATE_WORDS, recap, resident_lead
from scripts.selection import Candidate, Source, resident_score
from scripts.sentences import FIGURE, MAX_WORDS, lowerfirst, words
from scripts.spoken import normalize

__all__ = ["MAX_S", "MIN_S", "NOTICE_MAX_S", "Script", "Sentence", "Source", "draft", "estimate_seconds"]

TEMPLATES = Path(__file__).parent / "templates"
MIN_S, TARGET_S, MAX_S = 45.0, 165.0, 180.0
NOTICE_MAX_S = 40.0
NOTICE_TITLE_WORDS = 11
NOTICE_TITLE_STEPS = (30, 24, 16, NOTICE_TITLE_WORDS)
NOTICE_BELOW_DIRECTIVE = 6.0  # a directive's enforcement ("xử lý nghiêm", "thu hồi") is news for residents
TRIAGE_FLOOR = 3.0  # for the notice triage a rule with a duration or a fee ("từ 14 ngày … học phí") already counts
NOTICE_BELOW = 9.0  # the three best sentences for residents together score less: a short notice  # a sentence scoring this for residents (and not mainly administrative) is worth airing


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


def _render(
    kind: str,
    doc: LegalDocument,
    chosen: list[Candidate],
    headline: Candidate | None,
    notice: bool,
    full: bool = True,
    title_words: int | None = None,
) -> list[Sentence]:
    if not notice and title_phrase(doc, MAX_WORDS) != title_phrase(doc, TITLE_WORDS):
        # a title cut short loses who it is for: say it as whole as a sentence allows, apart
        title_words = next(
            n for n in (MAX_WORDS, LONG_TITLE_WORDS) if words(title_phrase(doc, n)) + 3 <= MAX_WORDS + 4 or n == LONG_TITLE_WORDS
        )
    fact = facts(doc, title_words or (NOTICE_TITLE_WORDS if notice else TITLE_WORDS))
    long_title = words(fact.title_phrase) > MAX_WORDS - 12  # with date, issuer and number the sentence is too long
    if (title_words and title_words > TITLE_WORDS or long_title) and not fact.title_phrase.startswith("–"):
        fact.title_apart = apart_title(doc.doc_type, fact.title_phrase)
    relations = [
        r for r in relation_sentences(doc, notice, fact.title_phrase) if r.source and r.source.quote not in fact.title_phrase
    ]
    head_text = headline.text if headline else ""
    dated = re.search(r"\bngày \d|\d/\d{4}", head_text) or ", áp dụng" in (fact.effective_text or "")  # two dates: said apart
    dated = dated or words(head_text) + DATE_WORDS > MAX_WORDS  # a long lead: its date is said in its own sentence
    if headline and fact.effective_text and not doc.effective_note and not dated:
        head_text = f"{fact.effective_text.capitalize()}, {lowerfirst(head_text)}"
        fact.effective_in_headline = True
    template = _environment().get_template("notice.j2" if notice else f"{kind}.j2")
    reminder = recap(headline.text) if headline and not notice else ""
    rendered = template.render(
        doc=fact,
        provisions=chosen,
        relations=relations,
        headline=head_text,
        offices=offices(doc, chosen),
        hotline=hotline(doc),
        reminder=reminder,
        full=full,
    )
    sources: dict[str, Source | None] = {"template": None, "identity": identity_source(doc), "effective": effective_source(doc)}
    sources.update({f"provision:{i}": c.source for i, c in enumerate(chosen)})
    sources.update({f"relation:{i}": r.source for i, r in enumerate(relations)})
    sources["headline"] = headline.source if headline else None
    sentences = []
    for line in rendered.splitlines():
        key, tab, text = line.partition("\t")
        if tab and text.strip():
            sentences.append(Sentence(" ".join(text.split()), sources[key]))
            if key.startswith("provision:"):  # its kinds or conditions, right after it
                sentences += [Sentence(f, sources[key]) for f in chosen[int(key.split(":")[1])].follow]
    return sentences


def _duration(sentences: list[Sentence], dialect: str) -> float:
    return estimate_seconds([normalize(s.text, dialect) for s in sentences])


def draft(doc: LegalDocument, dialect: str = "north") -> Script:
    """Draft the bulletin script for one document.

    :raises DraftError: when the document has no provisions to speak of.
    """
    kind = kind_of(doc)
    pool = [c for c in build_pool(doc) if not _aim(doc, c)]  # a plan's own aims and targets: the offices' work
    if not pool and not doc.effective_on and not doc.title:  # a titled document is at least announced (a notice)
        raise DraftError(f"{doc.number} has no provisions a bulletin could report")
    residents = relevant(pool)
    weighed = [c for c in relevant(pool, TRIAGE_FLOOR) if not STAFF.search(c.text)]  # staff pay is internal
    top = sorted((resident_score(c.text) + 4.0 * c.table for c in weighed), reverse=True)[:3]
    said_binds = binds_residents(pool)
    rule = None if said_binds else binding_rule(doc)
    binds = said_binds or rule is not None  # what bans, fines, pays or charges residents: never only a notice
    notice = sum(top) < (NOTICE_BELOW_DIRECTIVE if kind == "directive" else NOTICE_BELOW) and not binds
    warnings: list[dict[str, str]] = []
    headline = None if notice else pick_headline([c for c in residents if not said_with_its_list(doc, c)])
    base = _duration(_render(kind, doc, [], headline, notice), dialect)
    budget = NOTICE_MAX_S + 30 if notice else TARGET_S
    chosen = select(pool, budget, base, dialect, headline)
    said_alone = [c for c in chosen if not said_with_its_list(doc, c) and not c.follow]  # no lead
    if not notice and headline is None and (lead := resident_lead(said_alone)):  # the main point first, from what is said
        headline, chosen = lead, [c for c in chosen if c is not lead]
    thin = not notice and not binds and _duration(_render(kind, doc, chosen, headline, notice), dialect) < MIN_S
    if thin or not notice and len(chosen) + (headline is not None) < 2 and not binds:
        # fewer provisions a listener can follow than a bulletin's minimum: it would be its template; say a notice
        notice, headline = True, None
        chosen = select(pool, NOTICE_MAX_S + 30, _duration(_render(kind, doc, [], None, True), dialect), dialect, None)
    if notice:
        chosen = [c for c in chosen if not _scope(doc, c)]  # whom a text applies to is no news in a notice
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
    sentences, unheard = _audible(doc, whole(sentences))
    warnings += unheard + _unsaid(rule, sentences)
    return Script("vi", sentences, _duration(sentences, dialect), "notice" if notice else kind, doc.number, dialect, warnings)


def _unsaid(rule: Source | None, sentences: list[Sentence]) -> list[dict[str, str]]:
    """A rule binding residents that no sentence says (too long, a list to shorten): the editor writes it."""
    if rule is None or any(s.source and s.source.article == rule.article and s.source.clause == rule.clause for s in sentences):
        return []
    quote = rule.quote if len(rule.quote) <= 240 else rule.quote[:240].rsplit(" ", 1)[0] + " …"
    return [{"code": "rule_not_said", "message": f"Quy định ràng buộc người dân chưa thành câu ({rule.label}): {quote}"}]


SCOPE_TITLE = re.compile(r"^(?:phạm vi|đối tượng áp dụng|giải thích)", re.I)
AIMS_TITLE = re.compile(r"^(?:mục đích|yêu cầu|mục tiêu|quan điểm)\b", re.I)  # "I. MỤC ĐÍCH, YÊU CẦU": the plan's own aims


def _aim(doc: LegalDocument, cand: Candidate) -> bool:
    """A sentence of a plan's aims ("Đảm bảo trên 95% trẻ em … được tiêm đủ liều"): the office's target, never the lead."""
    return 0 <= cand.article_index < len(doc.articles) and bool(AIMS_TITLE.match(doc.articles[cand.article_index].title))


def _scope(doc: LegalDocument, cand: Candidate) -> bool:
    """A sentence of the scope articles ("Đối tượng áp dụng": "Doanh nghiệp, tổ chức … có liên quan")."""
    return 0 <= cand.article_index < len(doc.articles) and bool(SCOPE_TITLE.match(doc.articles[cand.article_index].title))


def _audible(doc: LegalDocument, sentences: list[Sentence]) -> tuple[list[Sentence], list[dict[str, str]]]:
    """The last guard: a sentence the listener check flags is not said; the one naming the document stays, with a warning."""
    kept: list[Sentence] = []
    warnings: list[dict[str, str]] = []
    dropped: list[str] = []
    for run in runs(sentences):  # a rule and its follow-ons: said whole or not at all
        said: list[Sentence] = []
        for sentence in run:
            recap = sentence.text.removeprefix("Xin nhắc lại: ").rstrip(".").casefold()
            if recap != sentence.text.rstrip(".").casefold() and any(recap in d.casefold() for d in dropped):
                continue  # the lead it repeats was not said: a recap of nothing
            if (found := check(sentence.text)) and doc.number not in sentence.text:
                dropped.append(sentence.text)
                continue
            if found:
                codes = ", ".join(f.code for f in found)
                warnings.append(
                    {"code": "listener_check", "message": f"Câu giới thiệu văn bản cần sửa ({codes}): {sentence.text}"}
                )
            said.append(sentence)
        if len(run) == 1 or len(said) == len(run):
            kept += said
        else:
            dropped += [s.text for s in said]
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
