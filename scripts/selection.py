"""Choose what matters to a resident: every provision becomes candidate sentences, scored for impact.

The score rewards what a resident acts on or is paid — people and households named, amounts,
percentages, ages and deadlines, "được / phải / cấm / không được", places — and marks down what
only the administration needs: scope, definitions, funding, organisation, who must implement.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from scripts.amended import amended_units
from scripts.bare_rows import fronted, noun_row
from scripts.follow_ons import complete
from scripts.for_residents import serves_residents
from scripts.legal import SYMBOL, LegalDocument
from scripts.long_kinds import FOLLOW_ON
from scripts.negation import BAN, NEGATION, NEGATION_WORDS
from scripts.notions import PLACED, bonus, notions
from scripts.references import who_is_meant, within
from scripts.sentences import (
    MAX_WORDS,
    capfirst,
    finish,
    flat,
    listenable,
    lowerfirst,
    strip_noise,
    words,
)
from scripts.tasks import handled, task_weight
from scripts.units import BAN_TITLE, FIGURE_FIRST, TASK_FIRST


@dataclass(slots=True)
class Source:
    """Where a sentence came from: article/clause/point and the exact quote."""

    article: str | None
    clause: str | None
    point: str | None
    quote: str
    amended: str = ""  # "sửa đổi, bổ sung điểm a khoản 5 Điều 8 của Nghị định số …": the provision it now is

    @property
    def label(self) -> str:
        """How a Vietnamese reader cites it: "điểm a khoản 2 Điều 3", "Điều 5 của Quy định", "mục II, điểm 3";
        new wording quoted by an amending document also names the provision it amends."""
        return f"{self.where} {self.amended}" if self.amended else self.where

    @property
    def where(self) -> str:
        if self.article and self.article.startswith("mục "):  # a directive's or plan's section, task and item
            parts = [self.article, f"điểm {self.clause}" if self.clause else "", f"ý {self.point}" if self.point else ""]
            return ", ".join(p for p in parts if p)
        if not self.article and self.clause:  # a directive without sections: its numbered tasks
            return f"điểm {self.clause}" + (f", ý {self.point}" if self.point else "")
        parts = [
            f"điểm {self.point}" if self.point else "",
            f"khoản {self.clause}" if self.clause else "",
            (self.article if self.article.startswith("Phụ lục") else f"Điều {self.article}") if self.article else "",
        ]
        return " ".join(p for p in parts if p) or "phần đầu văn bản"


@dataclass(slots=True)
class Candidate:
    text: str
    source: Source
    score: float
    article_index: int = 0
    order: int = 0
    table: bool = False
    part: str = ""  # what the per-article cap counts: the article, or an amending article's clause
    follow: tuple[str, ...] = ()  # "Đó là …", "Điều kiện thứ nhất là …": said right after `text`, or neither is said

    @property
    def said(self) -> str:
        """All it says: the sentence and its follow-ons (one unit: chosen, placed, dropped and offered whole)."""
        return " ".join((self.text, *self.follow))


MONEY = re.compile(r"\d[\d.,]*\s*(?:đồng|triệu|tỷ|nghìn|đ\b)")
PERCENT = re.compile(r"\d[\d.,]*\s*%")
QUANTITY = re.compile(r"\d[\d.,]*\s*(?:tuổi|tháng|ngày|năm|giờ|điểm|mét|km|lần|người|nhân viên|ha\b|m2|kg)")
DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|ngày \d{1,2} tháng \d{1,2}")
ENCOURAGED = re.compile(r"^(?:(?:Từ|Kể từ) ngày [^,]+, )?(?:Nhà nước )?khuyến khích\b", re.I)
RESIDENT_SCORES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(p, re.I), w)
    for p, w in (
        (
            r"được hưởng|được miễn|được giảm|được chi trả|được gia hạn|được giãn|được khoanh|được tạm hoãn|được hỗ trợ|được cấp|được bồi thường|được tăng|tăng thêm|được nâng|được trợ cấp",
            3.0,
        ),
        (r"^Nghiêm cấm|được tiếp tục sử dụng|tiếp tục có giá trị", 3.0),
        (
            r"nghiêm cấm|\bcấm\b|không được|bị xử lý|xử phạt|xử lý nghiêm|xử lý (?:các |những )?(?:hành vi|trường hợp|vi phạm)|bị tước|trừ điểm|thu hồi|tạm dừng|^Không\s(?!phải)",
            3.0,
        ),
        (r"\bđược\b", 1.0),
        (r"\bphải\b|có nghĩa vụ|bắt buộc|chậm nhất|trước ngày|trong thời hạn|thông báo|báo ngay", 2.0),
        (r"\d+\s*giờ|tổng đài|đường dây nóng|\b11[345]\b", 2.0),
        (r"trợ cấp|phụ cấp|hỗ trợ|lương hưu|học phí|lệ phí|bồi thường|\bmức\b|\bphí\b|\bgiá\b", 1.5),
        (
            r"người dân|hộ gia đình|\bhộ\b|khách hàng|người lao động|trẻ em|học sinh|người cao tuổi|nông dân|người khuyết tật|"
            r"người nghỉ|người tham gia|cá nhân|công dân|người điều khiển|người lái|chủ rừng|người bệnh|người hưởng|"
            r"chủ sở hữu|(?<!Hội đồng )(?<!Ủy ban )nhân dân|bà con|người đủ|dân quân|người sử dụng|chủ hộ|hộ dân|"
            r"trưởng thôn|người có|người nghỉ|người đang|thân nhân|người thuộc|người mắc|người được",
            2.0,
        ),
        (r"\b(?:xã|phường|thôn|bản|tổ dân phố)\b", 0.5),
    )
)
ADMIN_SCORES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(p, re.I), w)
    for p, w in (
        (r"^Giao\b|chịu trách nhiệm thi hành|tổ chức thực hiện|tổ chức triển khai|triển khai thực hiện|chủ trì|tham mưu", 3.0),
        (r"Bộ trưởng|Thủ trưởng|Chủ tịch Ủy ban|Giám đốc|Văn phòng", 2.5),
        (r"hướng dẫn|báo cáo|giám sát|thanh tra|phối hợp|chỉ đạo|đôn đốc|tổng hợp|theo dõi", 1.5),
        (r"kinh phí|dự toán|ngân sách|quyết toán|nguồn vốn|định mức|cân đối", 2.5),
        (r"có hiệu lực|hết hiệu lực|bãi bỏ|thay thế", 4.0),
        (r"phạm vi điều chỉnh|được hiểu là|giải thích|\bquy định về\b|nguyên tắc|quy định chi tiết", 2.0),
        (r"không quy định tại|các nội dung khác|cơ sở dữ liệu|hồ sơ|thủ tục hành chính|theo thẩm quyền", 1.5),
        (r"thông qua ngày|kỳ họp|Khóa [IVXLC]+", 4.0),
        (r"người nước ngoài|thị thực|\bUSD\b|tỷ giá", 3.0),  # commune radio speaks to residents, not to foreign visitors
        (r"(?:tổ chức|cá nhân|cơ quan|đơn vị)(?:,? [^ .]+){0,3} (?:khác )?có liên quan(?: đến việc thực hiện [^ .]+)?\.?$", 4.0),
        (
            r"Ủy ban nhân dân tỉnh|Ủy ban nhân dân thành phố|(?-i:\bSở\b)|cơ quan|đơn vị|Bảo hiểm xã hội Việt Nam|(?-i:\bBộ\b)",
            0.8,
        ),
    )
)
TITLE_BONUS = re.compile(
    r"mức|đối tượng|chế độ|chính sách|hỗ trợ|xử phạt|quyền|nghĩa vụ|phí|trợ cấp|điều chỉnh|hành vi|cấm|bồi thường"
)
TITLE_PENALTY = re.compile(
    r"phạm vi|giải thích|tổ chức thực hiện|hiệu lực|điều khoản|trách nhiệm thi hành|nguyên tắc|quản lý nhà nước|"
    r"trách nhiệm của|nhiệm vụ|kinh phí|trách nhiệm|cơ quan"
)


FORMULA = re.compile(r"\s=\s|^[A-Za-z]{2,8}\s*:|\bTrong đó\b")  # "M = x Lmin", "TChtxh: …": a formula is read, not heard
HEADING = re.compile(r"^(?:Điều|Chương|Mục|Phụ lục)\s+[\dIVXLC]+[a-zđ]?\s*[:.]")  # "Điều 3: Nguồn kinh phí": a heading, not news


PERSON_SUBJECT = re.compile(
    r"^(?:Từ ngày [^,]+, )?(?:Người|Trẻ|Học sinh|Hộ|Công dân|Cá nhân|Chủ (?!tịch|trì|động|đầu tư|quản)\w+|Thân nhân|Phụ nữ|Bà mẹ|"
    r"Thành viên|Dân quân|Nông dân|Bà con|Lao động)\b[^.;]{0,80}?\b(?:được|phải|không được|bị|có quyền|thuộc (?:đối tượng|diện))\b"
)  # the resident is the subject of a right, a duty or a ban: "Người đủ 16 tuổi trở lên được điều khiển xe gắn máy"
LEAD_ONLY = re.compile(r"\b(?:các|những|một trong các)\s+(?:hành vi|trường hợp|việc|nội dung|đối tượng|điều kiện)\.?$")


@lru_cache(maxsize=8192)
def resident_score(text: str) -> float:
    """How much a sentence tells residents: amounts, rights, duties, bans, who."""
    score = 2.0 * bool(PERSON_SUBJECT.search(text))
    score += 4.0 * min(len(set(MONEY.findall(text))), 2)
    score += 3.0 * min(len(set(PERCENT.findall(text))), 2)
    score += 1.5 * min(len(QUANTITY.findall(text)), 2) + 1.0 * bool(DATE.search(text))
    score -= 3.0 * bool(ENCOURAGED.search(text))  # "Khuyến khích đổi …": urged, binds no one
    return score + sum(w for p, w in RESIDENT_SCORES if p.search(text))


@lru_cache(maxsize=8192)
def admin_score(text: str) -> float:
    return sum(w for p, w in ADMIN_SCORES if p.search(text))


DUTIES_TITLE = re.compile(r"trách nhiệm|nhiệm vụ|tổ chức thực hiện|cơ quan")  # whose duties: offices', mostly
CONCRETE = re.compile(r"\d|\bcấm\b|không được", re.I)  # a figure, a date, a deadline or a ban: not "… các quy định về …"
NOT_A_RULE = re.compile(r"phạm vi|giải thích|hiệu lực|điều khoản|nguyên tắc|kinh phí")  # scope, terms, effect, money


def _residents_own(text: str, title: str) -> bool:
    """A resident's right, duty or ban with its figure or deadline, or an office's act for residents with its term,
    in an article of offices' duties ("Trách nhiệm của Ủy ban nhân dân cấp xã"): the title says whose duties the
    article is mostly about, not what this sentence tells residents."""
    if not DUTIES_TITLE.search(title) or NOT_A_RULE.search(title) or admin_score(text) >= 3.0:
        return False
    return bool(PERSON_SUBJECT.search(text) and CONCRETE.search(text) or serves_residents(text))


def title_penalty(text: str, title: str) -> float:
    """Against a sentence under a title about offices, scope or effect (lower case), unless it is the residents' own."""
    return 3.0 if TITLE_PENALTY.search(title) and not _residents_own(text, title) else 0.0


def opening_penalties(text: str) -> list[tuple[str, float]]:
    """(name, weight) against a candidate missing whose act, whose figure or which cases ("Thực hiện thủ tục …")."""
    checks = (("task first", TASK_FIRST.match, 3.0), ("figure first", FIGURE_FIRST.match, 3.0), ("residue", RESIDUE.search, 4.0))
    return [(name, weight) for name, found, weight in checks if found(text)]


def score(text: str, article_title: str, index: int, total: int) -> float:
    value = resident_score(text) - admin_score(text)
    title = article_title.lower()
    value += 1.5 if TITLE_BONUS.search(title) else 0.0
    value -= title_penalty(text, title)
    value += 2.0 if BAN_TITLE.search(title) else 0.0  # the acts a law prohibits are what every resident must hear
    if words(text) < 7:
        value -= 3.0
    return value - 0.5 * index / max(total, 1)


def _restates(text: str, title: str) -> bool:
    """A sentence that only repeats the title (scope articles), with no figure of its own, tells nothing new."""
    found, named = set(re.findall(r"\w+", text.lower())), set(re.findall(r"\w+", title.lower()))
    new_figure = any(w.isdigit() for w in found - named)  # a campaign's dates said with its title: "… tổ chức từ ngày 20/3"
    return bool(found) and not new_figure and len(found & named) / len(found) > 0.75


RESIDUE = re.compile(r"\b(?:một trong )?(?:các|những) trường hợp(?=\s*[,.;]|\s+thì\b)|\btheo (?:mức|mức hưởng|tỷ lệ)\.$")
# what a cut reference leaves: "Dân quân … chết thuộc một trong các trường hợp, thì …", "… theo mức hưởng."
AMENDING = re.compile(r"^(?:Sửa đổi|Bổ sung|Sửa đổi, bổ sung)\b", re.I)  # each clause amends a different article
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _list_position(point: str | None) -> float:
    """A list of points puts its common cases first: a later point weighs a little less."""
    rank = POINT_LETTERS.find(point) if point else -1
    return min(0.3 * rank, 1.5) if rank > 0 else 0.0


ENFORCED = re.compile(
    r"\bxử lý(?P<how>(?:,?\s+(?:nghiêm|dứt điểm|kịp thời))*)\s+(?P<what>(?:(?:các|những)\s+(?:trường hợp|vụ việc|vụ)|(?:(?:các|những)\s+)?hành vi)\s[^;.]+)"
)
VAGUE = re.compile(
    r"^(?:(?:các|những)\s+)?(?:trường hợp|hành vi|vụ việc|vụ)(?:\s+(?:cố tình|cố ý))?(?:\s+(?:vi phạm|sai phạm)(?:\s+pháp luật)?)?\s*$"
)  # "xử lý nghiêm những trường hợp cố tình vi phạm": which ones the sentence does not say
PURPOSE = re.compile(r"\s(?:để|nhằm)\s")


def enforced(line: str, said_already: str = "") -> list[str]:
    """A directive's order "kiến nghị xử lý nghiêm các trường hợp lấn, chiếm … trái pháp luật" told to the people it
    concerns: "Các trường hợp lấn, chiếm … trái pháp luật sẽ bị xử lý nghiêm." The words are the directive's own."""
    out = []
    for m in ENFORCED.finditer(line := strip_noise(line)):
        what, purpose = m["what"], ""
        if not (passive := handled(line[: m.start()], m["how"], what)):
            continue
        if len(parts := PURPOSE.split(what, maxsplit=1)) == 2:
            what, purpose = parts[0], " để " + parts[1]
        if lowerfirst(what) in said_already:
            continue
        how = " nghiêm" if "nghiêm" in m["how"] else ""
        verb = "bị xử lý" + how if passive == "bị" else "được xem xét, xử lý" + (" dứt điểm" if "dứt điểm" in m["how"] else "")
        for text in (finish(f"{capfirst(what.strip(' ,'))} sẽ {verb}{tail}") for tail in (purpose, "")):
            if not VAGUE.match(what) and listenable(text):
                out.append(text)
                break
    return out


def candidates(doc: LegalDocument, rewrite: Callable[[str], str] = str) -> list[Candidate]:
    """Every sentence the document offers, scored; `rewrite` may put in what the listener needs (a date)."""
    out: list[Candidate] = []
    total = len(doc.articles)
    order = 0
    whole = flat(doc.text)
    for index, article in enumerate(doc.articles):
        if re.match(r"(bãi bỏ|thay thế)\b", article.title.lower()) and doc.relations:
            continue  # a list of repealed documents: the relation sentence already says it
        units, amended = amended_units(article, lambda line: who_is_meant(line, doc), whole, doc.title, within(doc))
        directive = not article.number or article.number.startswith("mục ")  # tasks, in no order of importance
        if directive:  # a directive: its orders to enforce, said to whom they concern
            said_already = " ".join(u[3] for u in units)  # "Công an tỉnh xử lý hành vi …" already says it, with its actor
            for clause, point, passage in article.passages():
                lines = [flat(line).lstrip("-+• ") for line in passage.split("\n") if line.strip()]
                added = [(clause, point, line, said) for line in lines for said in enforced(line, said_already)]
                said_already += "".join(f" {u[3]}" for u in added)
                units += added
        said_units = {u[3] for u in units}
        shaped = [n for n in notions(article, doc.title) if not any(u.startswith(n[3].rstrip(".")) for u in said_units)]
        units += shaped
        kept_apart = {n[3] for n in shaped}
        last: tuple[str, Candidate] | None = None  # the previous unit's quote and candidate: what a follow-on continues
        for clause, point, quote, said in units:
            order += 1
            if FOLLOW_ON.match(said):
                if last and last[0] == quote:
                    last[1].follow += (said,)
                continue  # the rule it continues was not said: nor is it
            last = None
            text = rewrite(said)
            if (
                _restates(text, doc.title)
                or re.search(r"(như sau|sau đây|gồm|bao gồm)\.$", text)
                or HEADING.match(text)
                or FORMULA.search(text)
                or LEAD_ONLY.search(text)
            ):
                continue
            source = Source(article.number or None, clause or None, point, quote, amended.get((clause, point, quote, said), ""))
            value = score(text, article.title, index, total) - _list_position(point)
            if (extra := bonus(text)) or said in kept_apart:  # a definition, scale, filing route: its own share of time
                value += extra + 0.5 * (said in kept_apart)
            value -= sum(w for _, w in opening_penalties(text))
            value += task_weight(text) if directive else 0.0
            part = f"{index}:{clause}" if AMENDING.match(article.title) else str(index)
            part += "+" if extra or said in kept_apart else ""
            out.append(Candidate(text, source, value, index, order, part=part))
            last = (quote, out[-1])
        out = [c for c in out if complete(c.text, c.follow)]
        out += parallel_points([c for c in out if c.article_index == index], whole)
    return out


# a word that opens what follows the subject ("Người đủ | 16 tuổi"), or that needs its complement ("Người thứ | hai",
# "Hộ thuộc nhóm | 2"): the points share the words before it, never half of an ordinal or a class
KEEP_AFTER_SUBJECT = frozenset("đủ từ dưới trên có được bị không phải thuộc là thứ loại hạng nhóm cấp vùng mức".split())


NEGATES_POINTS = frozenset((*NEGATION_WORDS, "cấm"))  # a word the points share that binds each of them


def _shared_subject(texts: list[str]) -> int:
    """How many leading words the points share, less a word that belongs to what follows ("Người đủ | 16 tuổi")."""
    split = [t.split() for t in texts]
    n = 0
    while all(len(w) > n + 1 and w[n] == split[0][n] for w in split):
        n += 1
    n = n - 1 if n and split[0][n - 1] in KEEP_AFTER_SUBJECT else n
    while n and split[0][n - 1] in NEGATES_POINTS:
        n -= 1  # "… không | được mang …; được sử dụng ô": a ban's "không" goes with each point, or a ban is heard as a right
    return 0 if fronted(split[0], n) else n  # "Trường hợp trẻ em thuộc hộ | cận nghèo, …": no subject shared


def _span(whole: str, first: str, last: str) -> str:
    """The source's own words from the first quote to the end of the last, markers and all: a traceable quote."""
    start = whole.find(flat(first))
    end = whole.find(flat(last), start) if start >= 0 else -1
    return whole[start : end + len(flat(last))] if start >= 0 and end >= 0 and end - start < 2000 else ""


def parallel_points(pool: list[Candidate], whole: str) -> list[Candidate]:
    """Points of one clause that say the same thing for different people or amounts ("Người đủ 16 tuổi … xe gắn máy;
    Người đủ 18 tuổi … hạng A1 …") said together, their shared subject once: a listener hears the ladder whole."""
    out = []
    by_clause: dict[tuple[str | None, str | None], list[Candidate]] = {}
    for cand in pool:
        if cand.source.point and not cand.table and not cand.follow:
            by_clause.setdefault((cand.source.article, cand.source.clause), []).append(cand)
    for group in by_clause.values():
        heads = [c.text.split()[:2] for c in group]
        run = [c for c, head in zip(group, heads, strict=True) if head == heads[0]]
        if len(run) < 2 or len({c.source.point for c in run}) != len(run) or len(heads[0]) < 2:
            continue
        said = run[0].text.rstrip(".")
        taken = [run[0]]
        shared = _shared_subject([c.text for c in run])
        for cand in run[1:]:
            if noun_row(cand.text) or noun_row(run[0].text) or not shared:
                break  # "Học sinh là con của …": a group without what it gets, never glued to a sibling's right
            rest = cand.text.split()[shared:]
            if rest[0] not in KEEP_AFTER_SUBJECT and not rest[0][:1].isdigit():
                break  # "…; khuyết tật được …", "…; khác được …": what is left of a group is heard as its subject
            longer = f"{said}; {' '.join(rest).rstrip('.')}"
            if words(longer) > MAX_WORDS + 6:
                break
            said, taken = longer, [*taken, cand]
        if len(taken) < 2:
            continue
        first = taken[0]
        if not (quote := _span(whole, first.source.quote, taken[-1].source.quote)):
            continue
        points = ", ".join(c.source.point or "" for c in taken)
        source = Source(first.source.article, first.source.clause, points, quote, first.source.amended)
        value = max(c.score for c in taken) + 1.0
        out.append(Candidate(f"{said}.", source, value, first.article_index, first.order, part=first.part))
    return out


def best_first(pool: list[Candidate]) -> list[Candidate]:
    return sorted(pool, key=lambda c: (-c.score, c.order))


NUMBER = re.compile(r"\d[\d.,]*\d|\d")
DENIES = re.compile(rf"\b(?:{NEGATION}|{BAN})\b", re.I)


def overlap(a: str, b: str) -> float:
    """Share of words two sentences have in common, of the shorter; 0 when candidate ``a`` gives a figure ``b`` lacks
    or negates or bans where ``b`` does not: a fact of its own ("Hộ nghèo không được hỗ trợ … nếu …")."""
    own = set(NUMBER.findall(re.sub(SYMBOL, "", a))) - set(NUMBER.findall(b))  # a document's number is no fact of its own
    if own or DENIES.search(a) and not DENIES.search(b) or PLACED.search(a) and not PLACED.search(b):
        return 0.0
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def headline_text(text: str) -> str:
    return capfirst(text)
