"""Which candidate sentences a script says: the pool, the headline, and the best within the time."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from scripts.adjusted import ADJUSTMENT, adjusted, whole_scope
from scripts.amended import CONTINUED, under_old_rules
from scripts.asks import asks_residents, charges_residents
from scripts.docfacts import APPLIED, dated, effective_source
from scripts.editing import SOME_CASES
from scripts.exemptions import exemption_candidates
from scripts.fines import fine_candidates
from scripts.follow_ons import complete
from scripts.for_residents import serves_residents
from scripts.groups import glossary, with_groups
from scripts.holders import PERSON_HEADS, alternation
from scripts.inline_rows import inline_row_candidates
from scripts.legal import DATE_WORDS, THIS_DOC, LegalDocument, to_date
from scripts.listener import RUN_ON, passes
from scripts.notions import bare_group
from scripts.offices import as_state_act
from scripts.phasing import phased_dates, with_phase
from scripts.selection import Candidate, Source, admin_score, best_first, candidates, overlap, resident_score
from scripts.sentences import HARD_MAX_WORDS, MAX_WORDS, words
from scripts.situation import situation_candidates
from scripts.spoken import normalize
from scripts.tables import series_candidates, table_candidates

# "Nghị định này có hiệu lực thi hành từ ngày …", "Điều 5 có hiệu lực kể từ …": the document (or a part of it) taking
# effect, which the issuance sentence says. "Giấy phép lái xe không có hiệu lực khi …" is a rule for residents and stays.
IN_FORCE = re.compile(
    r"^(?:(?:Các |Những )?(?:quy định|nội dung)\b[^.]{0,80}?|(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Thông tư|Quyết định|Nghị quyết|"
    r"Chỉ thị|Công điện|Kế hoạch|Quy định|Quy chế|Điều|Khoản|Điểm|Chương|Mục|Phần|Phụ lục|Văn bản)\b[^.]{0,80}?|[^.]{0,80}?\bnày\s)"
    r"(?:chính thức |sẽ )?có hiệu lực(?: thi hành)?\s+(?:kể\s+)?(?:từ|sau|đến)\b",
    re.I,
)
# "Các quy định tại Thông tư này áp dụng kể từ ngày …": the date the in-force sentence already says, said twice
WHOLE_APPLIES = re.compile(
    rf"^(?:(?:Các |Những )?(?:quy định|nội dung) (?:tại|của) )?{THIS_DOC} (?:được )?áp dụng (?:kể )?từ (?:{DATE_WORDS})\.$", re.I
)
SYLLABLES_PER_SECOND = 3.6  # an unhurried broadcast reading of Vietnamese
PAUSE_PER_SENTENCE_S = 0.5
PER_ARTICLE = 3
PER_FEW_ARTICLES = 12  # a document of few articles (an amending decree) spreads this over them
MAX_TABLE_SENTENCES = 5
MIN_SCORE = 4.0  # what fills time left over must still be news for residents
PER_AMENDED_ARTICLE = 8  # a clause of an amending article rewrites a whole article of the old text
RESIDENT_FLOOR = 4.0
UNCAPPED_SCORE = 8.0  # a sentence this rich for residents (a fine, a benefit with its amount) waits for no article's cap


def count_syllables(text: str) -> int:
    return len(re.findall(r"[^\W\d_]+", text))


def estimate_seconds(spoken_sentences: list[str]) -> float:
    syllables = sum(count_syllables(s) for s in spoken_sentences)
    return round(syllables / SYLLABLES_PER_SECOND + PAUSE_PER_SENTENCE_S * len(spoken_sentences), 1)


def mended(cand: Candidate) -> list[Candidate]:
    """ "… là 05 năm Trong trường hợp …": a sentence break lost in extraction; each half is its own sentence."""
    if not (m := RUN_ON.search(cand.text)):
        return [cand]
    cut = m.start() + 1
    halves = [cand.text[:cut].rstrip(" ,") + ".", cand.text[cut:].strip()]
    return [
        replace(cand, text=half, order=cand.order + i, follow=cand.follow[: len(cand.follow) * i])
        for i, half in enumerate(halves)
    ]


def said_in_force(doc: LegalDocument, text: str) -> bool:
    """ "Các quy định tại Thông tư này áp dụng kể từ ngày 01 tháng 01 năm 2025." when the entry into force (read out
    with the issuance) already says "áp dụng từ" that date: one fact, heard once."""
    if not doc.effective_on or not (m := WHOLE_APPLIES.match(text)) or not (source := effective_source(doc)):
        return False
    applied = APPLIED.search(source.quote)
    return bool(applied) and to_date(applied.groups() if applied else ()) == to_date(m.groups())


def cut_at_comma(quote: str, text: str) -> bool:
    """Is `text` the provision cut at one of its commas ("… trên mức lương hưu." of "… lương hưu, trợ cấp …")?"""
    head, whole = text.rstrip(" ."), " ".join(quote.split())
    return whole.startswith(head) and whole[len(head) :].startswith(",")


AMOUNT_THEN_LABEL = re.compile(
    r"^(?P<amount>\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?(?:đồng|%)(?:\s*/\s*[^\s/]+)*) là "
    r"(?P<label>(?:mức|số tiền|tiền|giá|khoản|tỷ lệ)\s[^.;:]+?)\.?$"
)


COLON_LABEL = re.compile(
    r"^(?P<label>(?:Mức|Đối tượng|Giá|Phí|Lệ phí|Học phí|Số tiền|Chỉ tiêu)\b[^:;.\d]{0,60}?):\s+"
    r"(?P<value>(?:(?:từ|tối đa|không quá)\s+)?\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng(?:\s*/\s*[^\s/,;.]+)*|[^\d:;]+?)\.?$"
)  # "Mức hỗ trợ: 500.000 đồng/người/tháng", "Đối tượng áp dụng: hộ gia đình, cá nhân …": a label read with its colon
VERB_IN_VALUE = re.compile(r"\b(?:được|phải|là|thì|không|cấm)\b")


def label_first(text: str) -> str:
    """ "2.000.000 đồng là mức hỗ trợ cho mỗi hộ nghèo …" → "Mức hỗ trợ cho mỗi hộ nghèo … là 2.000.000 đồng.": the
    listener hears what an amount is before the amount, as an editor says it."""
    if (c := COLON_LABEL.match(text)) and not VERB_IN_VALUE.search(c["value"]) and not c["value"].startswith(("khu vực", "cấp")):
        return f"{c['label']} là {c['value']}."  # "Mức hỗ trợ là 500.000 đồng/người/tháng.": heard as a sentence
    if not (m := AMOUNT_THEN_LABEL.match(text)):
        return text
    return f"{m['label'][:1].upper()}{m['label'][1:]} là {m['amount']}."


# "Chính phủ quy định bổ sung các nhóm đối tượng khác …", "Bộ trưởng Bộ Y tế hướng dẫn …": a power to make rules later,
# the agencies' work; what they will decide is not yet anyone's right
DELEGATED = re.compile(
    r"^(?:Chính phủ|Thủ tướng Chính phủ|Bộ trưởng(?: Bộ)?|Bộ|Hội đồng nhân dân cấp tỉnh|Ủy ban nhân dân cấp tỉnh)"
    r"(?:\s+[^\s,;.]+){0,6}?\s+(?:quy định|hướng dẫn)(?:\s+(?:chi tiết|cụ thể|bổ sung|việc))*\s"
)


AMENDED_KINDS = ("Luật", "Nghị định", "Nghị quyết", "Thông tư", "Quyết định", "văn bản")


def build_pool(doc: LegalDocument) -> list[Candidate]:
    amended = [f"{name} số {r.number}" for r in doc.relations if r.kind == "amends" for name in AMENDED_KINDS]
    pool = [
        half
        for cand in candidates(doc, lambda text: under_old_rules(dated(doc, as_state_act(label_first(text))), amended))
        for half in mended(cand)
    ]
    everyone = whole_scope(doc)
    for cand in pool:
        if ADJUSTMENT.match(cand.text) and (said := adjusted(cand.source.quote, everyone)):
            cand.text = said  # "… điều chỉnh tăng thêm 8% trên mức lương hưu." cut from its list: said with its subject
    pool = [c for c in pool if not (ADJUSTMENT.match(c.text) and cut_at_comma(c.source.quote, c.text))]  # or not at all
    if phases := phased_dates(doc):
        for cand in pool:
            cand.text = with_phase(cand.text, cand.source.article, cand.source.clause, phases)
        pool = [c for c in pool if words(c.text) <= HARD_MAX_WORDS + 2]  # its start date made it too long to follow
    total = len(doc.articles)
    for index, article in enumerate(doc.articles):
        pool.extend(table_candidates(article, index, total, 10_000 + 100 * index))
        pool.extend(series_candidates(article, index, total, 10_000 + 100 * index + 99))
        pool.extend(inline_row_candidates(article, index, total, 10_000 + 100 * index + 50))
        spared, listed = exemption_candidates(article, index, total, 10_000 + 100 * index + 80)
        here = article.number or None
        pool = [c for c in pool if c.source.article != here or (c.source.clause, c.source.point) not in listed] + spared
        fined, acts = fine_candidates(article, index, total, 10_000 + 100 * index + 90)
        pool = [c for c in pool if c.source.article != here or (c.source.clause, c.source.point) not in acts] + fined
    known = glossary(doc)
    for cand in pool:
        cand.text = with_groups(cand.text, known)  # "nhóm 5" said with whom it stands for, or not at all
        cand.follow = tuple(with_groups(f, known) for f in cand.follow)
    pool = [c for c in pool if c.text and all(c.follow)]
    scope = re.compile(rf"^{doc.doc_type} này (?:quy định|áp dụng|hướng dẫn)\b")  # the title already said what it covers
    pool = [c for c in pool if not said_in_force(doc, c.text)]
    directive = any(not a.number or a.number.startswith("mục ") for a in doc.articles) and any(a.clauses for a in doc.articles)
    if directive:
        # a directive's opening is context ("Thời gian qua …", praise of leaders), not a task
        pool = [c for c in pool if c.source.article or c.source.clause]
    pool += situation_candidates(doc.doc_type, doc.preamble, directive)  # but a storm's position and strength are news
    return [
        c
        for c in pool
        if not IN_FORCE.search(c.text)
        and not DELEGATED.match(c.text)
        and c.text.strip(".") != doc.number
        and all(passes(t) for t in (c.text, *c.follow))
        and complete(c.text, c.follow)  # a rule rewritten past its "khi có đủ hai điều kiện": its conditions would dangle
        and not scope.match(c.text)
        and not (0 <= c.article_index < len(doc.articles) and bare_group(c.text, doc.articles[c.article_index].title))
    ]


BINDS = re.compile(
    r"nghiêm cấm|\bcấm\b|không được|phạt tiền|xử phạt|lệ phí|\bphí\b|mức thu|học phí|được hưởng|trợ cấp|phụ cấp|"
    r"được hỗ trợ|được miễn|được giảm|được chi trả|được gia hạn|được giãn|được khoanh|được tạm hoãn|phải đóng|phải nộp|đóng bảo hiểm|được bồi dưỡng|được trợ cấp|"
    r"\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng",
    re.I,
)
RESIDENT_SUBJECT = re.compile(
    r"người dân|hộ gia đình|\bhộ\b|khách hàng|cá nhân|công dân|người lao động|người nộp|người tham gia|người hưởng|trẻ em|học sinh|"
    r"^(?:Từ ngày [^,]+, )?Người\b|người cao tuổi|chủ hộ|chủ rừng|người sử dụng|tổ chức, cá nhân|^(?:Khi [^,]+, )?(?:Nghiêm cấm|Cấm)\b|"
    r"dân quân|công an viên|tổ bầu cử|tổ dân phố|\bthôn\b|người hoạt động không chuyên trách|tình nguyện viên|cộng tác viên|"
    r"lực lượng (?:tham gia|trực tiếp|xung kích|phục vụ|bảo vệ)|người được (?:huy động|trưng tập)",
    re.I,
)  # residents serving their commune (election teams, militia, village workers) are paid as residents
OBLIGED_RESIDENT = re.compile(  # a resident group (not an agency) as the subject of phải / không được / có nghĩa vụ …
    r"\b(?:chủ phương tiện|chủ đò|chủ rừng|thuyền trưởng|người lái|người điều khiển|chủ sở hữu|chủ hộ|hộ gia đình|chủ nhà|người lao động|"
    r"người vận tải|chủ xe|chủ tàu|chủ vật nuôi|người dân)\b[^.;:]{0,60}?\s(?:phải|không được|bị cấm|có nghĩa vụ|bắt buộc)\s",
    re.I,
)


STAFF = re.compile(r"công chức|viên chức|\bcán bộ\b", re.I)  # what an office pays its own staff is internal


def binds_residents(pool: list[Candidate]) -> bool:
    """A rule that bans, fines, pays, charges or obliges residents: such a document always gets a full script."""
    return any(
        (BINDS.search(c.text) and RESIDENT_SUBJECT.search(c.text) or OBLIGED_RESIDENT.search(c.text) or asks_residents(c.text))
        and admin_score(c.text) < 3.0
        and not c.text.startswith("Nghị")
        and not STAFF.search(c.text)
        for c in pool
    )


NOT_A_RULE_TITLE = re.compile(
    r"phạm vi|đối tượng áp dụng|giải thích|hiệu lực|điều khoản thi hành|tổ chức thực hiện|trách nhiệm|nguồn kinh phí|bãi bỏ",
    re.I,
)
PARENTHESIS = re.compile(r"\([^()]*\)")  # "(trừ số chi đóng bảo hiểm y tế cho người hưởng …)" qualifies, binds no one
CLAUSE_BREAK = re.compile(r"(?<=[.;:])\s+")


def binding_rule(doc: LegalDocument) -> Source | None:
    """The same test on the provisions as written: a rule that binds residents counts even when no sentence of it
    could be said as it stands (too long, a list) — the script is still a script, and the editor is told of it."""
    for article in doc.articles:
        if NOT_A_RULE_TITLE.search(article.title) or article.number.startswith("Phụ lục"):
            continue
        for clause, point, passage in article.passages():
            for part in CLAUSE_BREAK.split(PARENTHESIS.sub("", " ".join(passage.split()))):
                if STAFF.search(part) or admin_score(part) >= 3.0 and not charges_residents(part):
                    continue  # what an office pays its own staff is internal; what it charges residents is theirs
                if (
                    BINDS.search(part)
                    and RESIDENT_SUBJECT.search(part)
                    or OBLIGED_RESIDENT.search(part)
                    or charges_residents(part)
                ):
                    return Source(article.number or None, clause, point, part)
    return None


def relevant(pool: list[Candidate], floor: float = RESIDENT_FLOOR) -> list[Candidate]:
    return [c for c in pool if c.table or resident_score(c.text) >= floor and admin_score(c.text) < 3.0]


BARE_LEVEL = re.compile(r"^Mức (?:\S+ ){0,3}?(?:bằng|là|tối đa|tối thiểu|không)\b")


OWNERS = r"chủ (?:sở hữu|vật nuôi|rừng|phương tiện|nhà|xe|tàu|đò)"  # "Chủ vật nuôi có gia súc bị tiêu hủy được hỗ trợ …"
RESIDENT_LEAD = re.compile(
    r"^(?:(?:Từ ngày|Khi) [^,]+, )?(?:Nghiêm cấm|Cấm|Không được)\b|"
    rf"\b(?:{alternation(PERSON_HEADS)}|{OWNERS})\b[^.]*?"
    r"\b(?:được|phải|bị|không được)\b",
    re.I,
)
PEOPLE = re.compile(
    rf"\b(?:{alternation(PERSON_HEADS)}|trẻ|{OWNERS})\b|^(?:Từ ngày [^,]+, )?(?:Nghiêm cấm|Cấm)\b",
    re.I,
)
MONEY_OR_BAN = re.compile(r"\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng|\d[\d.,]*\s*%|\bcấm\b|không được", re.I)
BENEFIT_OR_CHARGE = r"\b(?:lương hưu|trợ cấp|phụ cấp|học phí|lệ phí|viện phí)\b"
EVERYONES = re.compile(  # "Điều chỉnh tăng thêm 8% trên mức lương hưu", "Lương hưu … được tăng thêm 8%": for everyone who draws it
    rf"^(?:Từ ngày [^,]+, )?(?:(?:điều chỉnh )?(?:tăng|giảm)\b[^.]*?{BENEFIT_OR_CHARGE}|{BENEFIT_OR_CHARGE}[^.]*? được (?:tăng|giảm)\b)",
    re.I,
)
# "Trẻ em được hỗ trợ phải đang học tại …": what a holder must be to get a benefit, not the benefit: never the lead
ELIGIBILITY = re.compile(
    r"\bđược (?:hỗ trợ|hưởng|miễn|giảm|cấp|vay)\b(?:\s+[^\s,;.]+){0,3}?\s+(?<!không )phải "
    r"(?:là|có|đang|thuộc|đủ|đáp ứng|cư trú|sinh sống|thường trú)\b",
    re.I,
)  # a state the holder must be in; "… được hưởng trợ cấp phải thông báo …" is a duty of its own
SOME_OF_THEM = re.compile(r"\b(?:đối với (?:những|các) (?:người|hộ|trường hợp) (?:có|thuộc|đang)|riêng)\b", re.I)
UNIT_LEAD = re.compile(  # "Ở …: Thôn phải có …" binds a village; "Ở vùng …, cấm …" binds everyone there
    r"^(?:Từ ngày [^,]+, )?(?:(?:Ở|Tại) (?![^,:;]+, (?:nghiêm )?cấm\b)|Thôn|Xã|Tổ dân phố|Ủy ban|Sở|Bộ|Các bộ|Cơ quan)", re.I
)


PROCEDURE = re.compile(
    r"\bkể từ ngày (?:nhận|tiếp nhận)\b|^(?:(?:Từ|Kể từ) ngày [^,]+, )?(?:Trong (?:thời hạn|vòng)|Chậm nhất)\b", re.I
)
MAIN_VERB = re.compile(r"\b(?:phải|được|không được|có trách nhiệm|thực hiện|tổ chức|xem xét|giải quyết|chi trả|cấp)\b")
OFFICE = re.compile(
    r"(?:các |mỗi )?(?:cơ quan|ủy ban|UBND|sở|bộ|phòng|cục|chi cục|bảo hiểm xã hội|kho bạc|tổ chức thu|đơn vị)\b", re.I
)
COUNTING = re.compile(r"\bđược tính (?:bằng|là|như|thành)\b|\bquy đổi\b|\b1/2 (?:ngày|buổi|ca)\b", re.I)
FEE_ROW = re.compile(r"^(?:Lệ phí|Phí|Học phí|Mức thu|Giá|Tiền)\s[^:]*(?::[^:]*?)?\d[\d.,]*\s*(?:nghìn |triệu )?đồng", re.I)
FEE_LEAD_WORDS = MAX_WORDS - 4  # a fee row names its columns ("khu vực nông thôn (xã) 80 nghìn đồng, …"); its date is said apart


FILING = re.compile(r"\b(?:phải\s+)?(?:nộp|gửi|lập)\s+(?:hồ sơ|đơn|tờ khai)\b", re.I)  # how to claim, not what is claimed


def procedure_or_counting(text: str) -> bool:
    """An office's time limit ("Trong thời hạn 05 ngày làm việc, kể từ ngày nhận hồ sơ, cơ quan … phải …"), a step of
    filing ("người nuôi được hưởng hỗ trợ phải nộp hồ sơ tại …") or a rule for counting ("dưới 04 giờ thì được tính
    bằng 1/2 ngày"): part of a procedure or of a rate, never the lead."""
    if COUNTING.search(text) or FILING.search(text) and not MONEY_OR_BAN.search(text):
        return True
    if not PROCEDURE.search(text):
        return False
    verb = MAIN_VERB.search(text, text.find(",") + 1)
    subject = text[: verb.start()].rstrip(" ,").rsplit(",", 1)[-1].strip() if verb else ""
    return not subject or bool(OFFICE.match(subject)) or not PEOPLE.search(subject)


def pick_headline(pool: list[Candidate]) -> Candidate | None:
    """The change residents most need to hear, short enough to open the bulletin with.

    Among the best ten: first a ban, or an amount paid to or by people ("Người … được … 300.000 đồng"); then any
    right or duty of people. Never a rule about villages or offices ("Ở …: Thôn phải có …"), a bare level ("Mức …
    bằng 50%") nor a sentence that only names a group ("Người lao động đóng …, hưởng lương hưu."): without a
    resident's rule the bulletin opens with the document.
    """
    fit = [
        c
        for c in best_first(pool)[:10]
        if not BARE_LEVEL.match(c.text)
        and not UNIT_LEAD.match(c.text)
        and not c.table
        and words(c.text) <= MAX_WORDS - 6
        and resident_score(c.text) >= RESIDENT_FLOOR
        and not procedure_or_counting(c.text)
        and not c.text.startswith(SOME_CASES)  # a rule said without its condition is no lead
        and not ELIGIBILITY.search(c.text)
        and not CONTINUED.search(c.text)  # "… tiếp tục được hưởng …": the old rule kept, never news from a date
        and not c.follow  # a rule said with its kinds or conditions: in the body, never the lead nor the recap
    ]
    people = [c for c in fit if RESIDENT_LEAD.search(c.text)]
    paid_or_banned = [c for c in fit if MONEY_OR_BAN.search(c.text) and (PEOPLE.search(c.text) or EVERYONES.search(c.text))]
    paid_or_banned.sort(key=lambda c: bool(SOME_OF_THEM.search(c.text)))  # a change for all before one for some
    # a fee or tuition document: its first labelled charge is what residents most need to hear
    fees = [c for c in best_first(pool)[:10] if c.table and FEE_ROW.match(c.text) and words(c.text) <= FEE_LEAD_WORDS]
    return next(iter(paid_or_banned or people or fees), None)


OFFICE_AT_WORK = re.compile(  # an office as the sentence's subject: "Ủy ban nhân dân cấp xã rà soát …", "Sở Y tế chủ trì …"
    r"^(?:(?:Từ|Kể từ|Trong|Chậm nhất|Hằng năm|Định kỳ|Trước)\b[^,]{0,60}, )?(?:Ủy ban nhân dân|UBND|Sở|Bộ|Cơ quan|Phòng|"
    r"Cục|Chi cục|Kho bạc|Công an|Hội đồng nhân dân|Thường trực|Người đứng đầu|Chủ tịch|Thủ trưởng|Văn phòng|Ban (?:chỉ đạo|quản lý)|"
    r"(?:Các|Mỗi) (?:sở|bộ|cơ quan|đơn vị|địa phương|ngành))\b"
)


@lru_cache(maxsize=8192)
def office_work(text: str) -> bool:
    """An office's own task, not what it does for residents with a term they act on (``serves_residents``)."""
    return bool(OFFICE_AT_WORK.match(text)) and not serves_residents(text) and resident_score(text) < UNCAPPED_SCORE


def select(pool: list[Candidate], budget_s: float, spent: float, dialect: str, exclude: Candidate | None) -> list[Candidate]:
    """The best sentences within the time, a few per article; time left over goes to the next best of any article."""
    chosen: list[Candidate] = []
    per_article: dict[str, int] = {}
    articles = len({c.part or str(c.article_index) for c in pool}) or 1
    cap = max(PER_ARTICLE, PER_FEW_ARTICLES // articles)
    tables = 0
    # 3: time still left once every article had its share goes to the richest sentences; an office's own work
    # (what residents do not act on) waits until every sentence for residents has had its turn
    for waits, stretch in ((False, 1), (False, 2), (False, 3), (True, 1), (True, 2)):
        floor = (0.0, MIN_SCORE, UNCAPPED_SCORE)[stretch - 1]
        for cand in best_first(pool):
            if cand is exclude or cand in chosen or stretch > 1 and cand.score < floor or cand.score < 0 and chosen:
                continue
            if office_work(cand.text) != waits:
                continue
            if stretch == 3 and resident_score(cand.text) < UNCAPPED_SCORE:
                continue
            if any(overlap(cand.said, c.said) > 0.7 for c in [*chosen, *([exclude] if exclude else [])]):
                continue
            part = cand.part or str(cand.article_index)
            limit = stretch * (max(cap, PER_AMENDED_ARTICLE) if ":" in part else cap) if stretch < 3 else len(pool)
            if cand.table and tables >= MAX_TABLE_SENTENCES or not cand.table and per_article.get(part, 0) >= limit:
                continue
            cost = estimate_seconds([normalize(t, dialect) for t in (cand.text, *cand.follow)])  # a rule and its follow-ons
            if spent + cost > budget_s:
                continue
            chosen.append(cand)
            spent += cost
            tables += cand.table
            per_article[part] = per_article.get(part, 0) + (not cand.table)
    return sorted(chosen, key=lambda c: (c.article_index, c.table, c.order))
