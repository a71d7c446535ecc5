"""Passage units: each line of a provision made a sentence a listener can follow, read with its lead when it needs one.

A point or list item often continues its clause's lead ("Nghiêm cấm:", "Sở Tài chính" then "- …" tasks, "… đối
tượng …, bao gồm:"); said alone it is a fragment. Here each line gets the words it needs from its lead, and no more.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scripts.actorless import with_holder_first
from scripts.bare_rows import AMOUNT_AFTER, narrowed_row, subject_is_list, uncoloned_lead, unheard_rows
from scripts.by_case import case_of_lead
from scripts.conditions import under_condition
from scripts.headings import is_heading
from scripts.holders import PERSON_HEADS, alternation
from scripts.label_lines import headed_rows, sheet, under_heading
from scripts.lead_holder import with_holder
from scripts.lead_items import AREA, QUALIFIER, lead_items, titled
from scripts.lead_rows import Above, inline_rows_said, lead_rows
from scripts.legal import Article
from scripts.level_rows import level_row, rated, unlabelled
from scripts.listener import check
from scripts.notions import inline_point
from scripts.point_leads import excepted, labelled, received, with_list_lead
from scripts.relief import as_received
from scripts.resident_voice import Holders
from scripts.sentences import (
    FIGURE,
    HARD_MAX_WORDS,
    MAX_WORDS,
    PREDICATE,
    capfirst,
    finish,
    flat,
    lead_phrase,
    listenable,
    lowerfirst,
    split_units,
    strip_noise,
    words,
)
from scripts.tasks import Carriers

BAN_TITLE = re.compile(r"hành vi bị (?:nghiêm )?cấm|nghiêm cấm", re.I)
ACTOR = re.compile(r"^(?:Ủy ban|Sở|Công an|Các|Bộ|Cơ quan|Kiểm lâm|Ban|Hội|Người|Chủ|Đài|Trường|Nhà|Bảo hiểm)")


def with_lead(lead: str, unit: str, addressee: bool = False) -> list[str]:
    """A point or list item read with what it continues, when it is not a sentence by itself; a row that only names a
    group is said with its lead's predicate or not at all (scripts.bare_rows)."""
    if lead and FINE_LEAD.search(flat(lead)):
        return []  # "Phạt tiền … đối với … các hành vi sau đây:" + "Không đội mũ bảo hiểm …": with its fine or not at all
    if lead and BARE_BAN.match(flat(lead)) and HOLDER_LEAD.match(body := strip_noise(unit)) and OWN_MODAL.search(body):
        return split_units(unit)  # "Nghiêm cấm:" + "Người dưới 16 tuổi không được …": never "Nghiêm cấm người … không được"
    if lead and EXCEPTED_CASES.search(flat(lead)):
        return []  # "Sử dụng pháo nổ, trừ các trường hợp sau đây:" + "a) Sử dụng pháo hoa …": a case spared, not an act
    said = unheard_rows(unit, _with_lead(lead, unit, addressee)) if lead else _with_lead(lead, unit, addressee)
    if lead and narrowed_row(lead, unit):  # "Mức hỗ trợ đối với đối tượng quy định tại …:" + "Người dưới 16 tuổi: …"
        return [s for s in said if not AMOUNT_AFTER.match(s)]  # the row said bare gives its amount to everyone
    return said


def _with_lead(lead: str, unit: str, addressee: bool) -> list[str]:
    phrase = PAREN.sub("", lead_phrase(lead)) if lead else ""  # "Các chủ rừng (các Ban quản lý …)": the actor, not the list
    if addressee:
        phrase = phrase.split(" là ", 1)[0]  # "Các chủ rừng là tổ chức" → "Các chủ rừng": the actor said plainly
    body = strip_noise(unit)
    if lead and (spared := excepted(lead, unit)) is not None:
        return spared  # an exception's point, never heard as the rule
    if lead and (rows := lead_rows(lead, unit)) is not None:
        return rows  # "Mức hỗ trợ như sau:" + "Hộ nghèo: 1.500.000 đồng/hộ" → "Hộ nghèo được hỗ trợ 1.500.000 đồng/hộ."
    if OTHER_ACTS.match(body) and ACT_LEAD.match(phrase):
        return []  # "Hành vi khác gây ô nhiễm môi trường" after "… không được thực hiện các hành vi": names no act
    if lead and (covered := _covered(flat(lead), body)) is not None:
        return covered
    if lead and (held := under_condition(strip_noise(lead), lowerfirst(body.rstrip(" .;")), MAX_WORDS, HARD_MAX_WORDS)):
        if listenable(said := finish(held)):
            return [said]  # the rule with the condition its lead sets
    if (";" in body.rstrip(" ;.") or ACT_LIST.search(phrase)) and (acts := each_act(phrase, body)):
        return acts  # "… phải thực hiện các việc sau: Trang bị …; phát …": each duty with its holder and verb
    if lead and (row := level_row(lead, unit)) is not None:
        return row  # "Mức hỗ trợ …:" + "Người cao tuổi …: 100% mức đóng": the row with the level it gives (scripts.level_rows)
    if lead and (listed := with_list_lead(lead, unit)) is not None:
        return listed  # "… được hỗ trợ các khoản sau:" + "Tiền ăn 30.000 đồng …": who gets what, in one sentence
    if lead and (items := lead_items(lead, unit)) is not None:
        return items  # "Người … có nghĩa vụ sau đây:" + "Nộp lệ phí …": the holder, its verb and the item (scripts.lead_items)
    if phrase and (HOLDER_LEAD.match(body) or body.startswith(("Nghiêm cấm", "Cấm "))) and ITEM_RULE.match(body):
        return split_units(unit)  # "Người dân:" + "Nghiêm cấm …", "Ủy ban …:" + "Người bị chó cắn được …": as written
    actorless = bool(ACTOR.match(phrase) and VERB_FIRST.match(body))  # "Thực hiện thủ tục …": whose task?
    if phrase and words(phrase) + words(body) > MAX_WORDS + 4 and (cut := LEAD_QUALIFIER.search(phrase, 20)):
        phrase = phrase[: cut.start()]  # "… một số khoản hỗ trợ thuộc thẩm quyền của …": the lead without its qualifier
    repeats = phrase.split()[-2:] == lowerfirst(body).split()[:2]  # "… các khoản hỗ trợ" + "Hỗ trợ ổn định …": one of them
    needs_lead = phrase and (not PREDICATE.search(body) or words(body) < 10 or words(phrase) <= 6 or actorless or repeats)
    needs_lead = needs_lead and not subject_is_list(phrase) and not _own_rule(phrase, body)  # "Những học sinh sau …"
    if needs_lead and words(phrase) + words(body) <= MAX_WORDS + (8 if actorless or repeats else 4):
        joined = finish(f"{phrase} {body}" if phrase.endswith(":") else f"{phrase}{':' if repeats else ''} {lowerfirst(body)}")
        if listenable(joined):
            return [joined]
    if actorless and (first := with_holder_first(phrase, unit)) is not None:
        return first  # "… có nghĩa vụ sau đây:" + a long point: its opening act with the resident who must do it
    if phrase and FIGURE_FIRST.match(body) and (paid := _paid_as(phrase)):
        joined = finish((whole := case_of_lead(phrase, body)) or f"{paid} {lowerfirst(body)}")  # scripts.by_case, else short
        if words(joined) <= (HARD_MAX_WORDS if whole else MAX_WORDS + 6) and listenable(joined):
            return [joined]
    if phrase and FIGURE.search(body) and (context := _context(phrase, body)) and words(context) + words(body) <= MAX_WORDS + 2:
        joined = finish(f"Đối với {lowerfirst(context)}, {lowerfirst(body)}")  # "Người thứ hai … 70%": of whom?
        if listenable(joined):
            return [joined]
    if ACTOR.match(phrase) and words(phrase) <= 12 and (addressee or not PREDICATE.search(phrase)):
        pieces = [p.strip(" ;.") for p in body.split(";") if p.strip(" ;.")]
        out = [as_received(finish(f"{phrase} {lowerfirst(p)}")) for p in pieces]  # "Ngân hàng …:" + "Chỉ đạo … giảm lãi … cho …"
        return [s for s in out if listenable(s) and words(s) >= 8]
    if phrase and HOLDER_LEAD.match(phrase) and MODAL_FIRST.match(body):
        return []  # "Người dân chưa đăng ký thường trú …:" + "Không phải nộp phí …": alone, a rule for everyone
    if phrase and HOLDER_LEAD.match(phrase) and VERB_FIRST.match(body):
        if acts := each_act(phrase, body):
            return acts
        # "Hộ gia đình sử dụng nước sạch …:" + "Thông báo ngay cho trưởng thôn …": alone, an order to everyone; said
        # with the holder, without the area the whole document is for, or not at all
        joined = finish(f"{AREA.sub('', phrase)} {lowerfirst(body)}")
        return [joined] if words(joined) <= HARD_MAX_WORDS and listenable(joined) and not check(joined) else []
    return each_act(phrase, body) or split_units(unit)


LEVEL_LABEL = re.compile(r"^(?:Mức|Định mức|Tỷ lệ)\s(?!.*\b(?:được|phải|là|bằng)\b)")
OWN_RULE = re.compile(r"^[^.;:]{3,80}?\s(?:được|phải|không được)\s")


def _own_rule(phrase: str, body: str) -> bool:
    """ "Mức miễn, giảm học phí như sau:" + "Học sinh thuộc hộ nghèo được miễn 100% học phí": the row is the rule, its
    holder and verb its own; glued after the label it was heard "Mức miễn, giảm học phí học sinh … được miễn …"."""
    return bool(LEVEL_LABEL.match(phrase) and HOLDER_LEAD.match(body) and OWN_RULE.match(body))


FINE_LEAD = re.compile(
    r"\bphạt (?:cảnh cáo|tiền)\b[^:]*\bhành vi(?: vi phạm)?(?:\s+sau(?: đây)?)?(?:,\s*trừ\b[^:]*)?\s*:?$", re.I
)  # scripts.fines says each; "…, trừ trường hợp …:" excepts from the fine, the points are not its exceptions
BARE_BAN = re.compile(r"^(?:\d+\.\s+)?(?:Nghiêm cấm|Cấm)(?:\s+(?:các|những)\s+hành vi(?:\s+sau(?: đây)?)?)?\s*:?$")
OWN_MODAL = re.compile(r"\s(?:không được|phải|không phải)\s")
ITEM_RULE = re.compile(r"^(?:Nghiêm cấm|Cấm)\b|^[^:;]+?\s(?:được|phải|không được|không phải|có quyền|bị)\s")
EXCEPTED_CASES = re.compile(
    r",\s*(?:trừ|ngoại trừ)\s+(?:các\s+|những\s+)?(?:trường hợp|đối tượng)\s+(?:sau đây|sau|dưới đây)\s*:?$"
)
HOLDER_LEAD = re.compile(rf"^(?:(?:Các|Những|Mỗi)\s+)?(?:{alternation(PERSON_HEADS)})\b", re.I)
MODAL_FIRST = re.compile(r"^(?:Không|Được|Phải|Chưa)\b")  # the item's rule holds for its lead's holder only
ACT_LEAD = re.compile(
    r"^(?P<who>(?:[^:]*?\s)??)(?P<verb>[Nn]ghiêm cấm|[Cc]ấm|không được|[Pp]hải)(?:\s+thực hiện)?(?:\s+(?:các|những))?"
    r"(?:\s+(?:hành vi|việc|nội dung|yêu cầu))?\s*$"
)  # "Nghiêm cấm", "Người được chở … không được thực hiện các hành vi", "Người lái xe phải": a lead the acts continue
ACT_LIST = re.compile(r"\s(?:thực hiện\s+)?(?:các|những)\s+(?:hành vi|việc)$")
WHO_QUALIFIER = re.compile(r"\s(?:khi|trong khi|trong thời gian|tại)\s")
OTHER_ACTS = re.compile(r"^(?:các |những )?(?:hành vi|trường hợp|việc|nội dung) khác\b", re.I)


def each_act(phrase: str, body: str) -> list[str]:
    """ "Người được chở … không được thực hiện các hành vi sau đây:" then "Ngồi về một bên …; đứng, nằm trên xe …": each
    act of a ban or duty said with its verb and holder ("Người được chở … không được đứng, nằm trên xe …"), which the
    lead and the whole series together are too long to say."""
    if not (m := ACT_LEAD.match(phrase)) or not (who := m["who"].strip(" ,")):
        return []  # a bare "Nghiêm cấm:" over a law's clauses: its series are said by the clause's own sentences
    if words(who) > 14 and (cut := WHO_QUALIFIER.search(who, 12)):
        who = who[: cut.start()]  # "Người được chở trên xe mô tô … khi tham gia giao thông đường bộ": the holder
    verb = m["verb"]
    acts = [p.strip(" .;") for p in body.split(";") if p.strip(" .;")]
    if any(QUALIFIER.match(a) for a in acts[1:]):
        return []  # "Nộp phí …; trừ hộ nghèo": an exception of the act before it, not an act of the holder
    out = [finish(f"{who} {verb} {lowerfirst(a)}".strip()) for a in acts if not OTHER_ACTS.match(a)]
    return [s for s in out if 4 <= words(s) <= MAX_WORDS + 4 and listenable(s)]


BARE_PEOPLE = re.compile(
    r"^(?:Người|Cán bộ|Công chức|Viên chức|Quân nhân|Công an|Trẻ em|Học sinh|Sinh viên|Hộ|Thân nhân|Cựu|Thanh niên|"
    r"Phụ nữ|Lao động|Dân quân|Nông dân)\b"
)
COVERING = re.compile(r"\b(?P<verb>điều chỉnh|hỗ trợ|trợ cấp|miễn|giảm|tăng)\b[^:]*\bđối tượng\b[^:]*\b(?:bao gồm|gồm)\s*:?$")
MAIN_VERB = re.compile(r"\b(?:được|phải|không được|bị|là|thì|có trách nhiệm|có quyền)\b")


def _covered(lead: str, body: str) -> list[str] | None:
    """ "Nghị định này điều chỉnh mức lương hưu … đối với các đối tượng …, bao gồm:" then "c) Người đang hưởng trợ cấp
    mất sức lao động hằng tháng …": the point is a group of people, heard as a bare noun phrase unless it says what
    the list is for — "Người đang hưởng trợ cấp mất sức lao động hằng tháng thuộc diện được điều chỉnh." """
    m = COVERING.search(lead)
    if not m:
        return None
    out = []
    for part in [capfirst(p.strip(" .")) for p in body.split(";") if p.strip(" .")]:
        if not BARE_PEOPLE.match(part) or MAIN_VERB.search(part):
            out += split_units(part)
            continue
        said = finish(f"{part} thuộc diện được {m['verb']}")
        if words(said) <= MAX_WORDS + 4 and listenable(said):
            out.append(said)
    return out


PAREN = re.compile(r"\s*\([^()]*\)")
LEAD_QUALIFIER = re.compile(r"\s(?:thuộc thẩm quyền|theo thẩm quyền|trên địa bàn|thuộc phạm vi)\b")
TASK_FIRST = re.compile(
    r"^(?:Được|Phải|Đang|Đã|Phân cấp|Định kỳ|Chịu trách nhiệm|Thực hiện|Nộp|Chấp hành|Tuân thủ|Xuất trình|Cung cấp|Kê khai|Khai báo|Chủ động|Bố trí|Trang bị|Báo cáo|Tổ chức|Triển khai)\b"
)
CONTEXT_CUT = re.compile(r"\s(?:thì|khi|trong trường hợp|trong năm|trong thời gian|theo|tại|được|phải|có|là)\s")
CONTEXT_START = re.compile(r"^(?:Người|Thành viên|Hộ|Trẻ em|Học sinh|Trường hợp|Đối tượng|Dân quân|Chủ|Cá nhân|Lao động)\b")


FIGURE_FIRST = re.compile(r"^(?:Từ\s+)?\d[\d.,]*\s*(?:%|đồng|triệu)")
PAID = re.compile(r"\sđược\s+(?:quỹ\s[^,;:]{3,40}?\s)?(?P<verb>thanh toán|hưởng|hỗ trợ|giảm|miễn|trợ cấp|bồi thường|chi trả)\b")


def _paid_as(lead: str) -> str:
    """ "Người tham gia bảo hiểm y tế tự đi khám bệnh, …, được quỹ … thanh toán theo tỷ lệ … như sau:" → "… được thanh toán"."""
    if not CONTEXT_START.match(lead) or not (m := PAID.search(lead)):
        return ""
    subject = lead[: m.start()].split(",")[0].strip()
    return f"{subject} được {m['verb']}" if 4 <= words(subject) <= 14 else ""  # who pays is the lead's to say


def _context(lead: str, body: str = "") -> str:
    """Who a list of amounts is about: the lead's subject up to its first verb or qualifier."""
    if lead.startswith(("Đối với ", "Trường hợp ")):
        lead = lead.split(" ", 2)[-1] if lead.startswith("Đối với ") else lead
    if not CONTEXT_START.match(lead):
        return ""
    cut = CONTEXT_CUT.search(lead, 6)
    subject = lead[: cut.start()] if cut else lead
    if re.search(r"\s(?:quy định|nêu)$", subject) and CONTEXT_START.match(body) and PREDICATE.search(body):
        return ""  # "Đối tượng quy định [tại khoản 2 Điều 1 …]" before a point that names its own holder: said alone
    return subject if 3 <= words(subject) <= 12 and "," not in subject else ""


VERB_FIRST = re.compile(
    r"^(?:Thực hiện|Nộp|Đóng|Chấp hành|Chịu|Tham gia|Thông báo|Đăng ký|Bảo đảm|Đảm bảo|Tuân thủ|Xuất trình|Cung cấp|"
    r"Kê khai|Khai báo|Chủ động|Bố trí|Trang bị|Giữ|Mang|Báo cáo|Phải|Không được|Được|Có trách nhiệm)\b"
)


def _addressee(line: str) -> bool:
    """ "Sở Nông nghiệp và Môi trường", "Công an tỉnh": the office a directive's tasks are addressed to."""
    return bool(ACTOR.match(line)) and words(PAREN.sub("", line)) <= 12 and not line.endswith((".", ";", ":"))


def _joined(lines: list[str]) -> list[str]:
    """A line that starts in lower case continues the one before ("… Nghị định số 11/2011/NĐ-CP" / "làm nhiệm vụ
    quốc tế …"): read alone it is a sentence without its subject."""
    out: list[str] = []
    for line in lines:
        if out and line[:1].islower() and not out[-1].endswith((".", ";", ":")):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


LEAD_AFTER_SENTENCE = re.compile(r"(?<=[a-zđà-ỹ0-9)])\.\s+(?=[A-ZĐÀ-Ỹ][^.]*:$)")
COMPARED = re.compile(r"\s*(?P<sign>[><≤≥])\s*(?=\d)")
COMPARISONS = {">": "trên", "<": "dưới", "≤": "không quá", "≥": "từ"}  # "dài > 40 m" is heard "dài trên 40 m"


def _sentences_before_lead(line: str) -> tuple[list[str], str]:
    """ "Người vận tải phải lập phương án … Phương án gồm:": the duty is news of its own; only the last sentence leads."""
    parts = LEAD_AFTER_SENTENCE.split(line)
    if len(parts) < 2 or words(parts[0]) < 8:
        return [], line
    return split_units(COMPARED.sub(lambda m: f" {COMPARISONS[m['sign']]} ", parts[0]) + "."), parts[-1]


def passage_units(
    article: Article, resolve: Callable[[str], str] = str, text: str = "", subject: str = ""
) -> list[tuple[str | None, str | None, str, str]]:
    """(clause, point, quote, sentence) for every sentence the article offers, each line read with its lead (a
    directive's task with its actor); `resolve` may say in words what a line refers to (the quote stays the source's)."""
    out: list[tuple[str | None, str | None, str, str]] = []
    carriers = Carriers(article, text)
    leads: dict[str | None, str] = {}
    occasions: dict[str | None, str] = {}
    article_lead = "Nghiêm cấm:" if BAN_TITLE.search(article.title) else ""
    holders = Holders(article.title, on=not carriers.on)  # "Trách nhiệm của chủ rừng": whose duties
    above = Above(article.title, subject, sheet(article))  # what a row with no lead line above continues ("1.1. Mức …:")
    for clause, point, passage in article.passages():
        if "Nơi nhận" in passage:  # the recipients list and signature follow: not the document's words
            passage = passage.split("Nơi nhận", 1)[0]
            if not passage.strip():
                break
        if point is None and (split := inline_point(passage)):
            point, passage = "a", split[1]  # "Đối tượng áp dụng a) Trẻ em …": the heading goes, point a is said
        lines = carriers.lines(clause, point, written := _joined([flat(x) for x in passage.split("\n") if x.strip()]))
        lines = [x for x in holders.lines(clause, point, lines) if not unlabelled(article, clause, point, x)]
        if not lines:
            continue
        addressee = _task_group(article, point, lines)
        if point is None and len(lines) == 1 and OCCASION_HEADING.match(lines[0]) and words(lines[0]) <= 14:
            occasions[clause] = PAREN.sub("", lines[0])  # "Dự báo cháy rừng cấp III (cấp cao)" then its points
            continue
        lines = _colon_restored(article, clause, point, lines)  # "Các đối tượng sau được miễn học phí" + points
        if point is None and len(lines) == 1 and lines[0].endswith(":"):
            said, lines[0] = _sentences_before_lead(lines[0])
            out.extend((clause, point, lines[0], s) for s in said)
            leads[clause] = lines[0]
            if clause is None:
                article_lead = lines[0]
            continue
        # points with no clause above them (clause "") continue the article's own text
        inherited = leads.get(clause or None, "") if point else (article_lead if clause else "")
        line_lead = ""
        for n, line in enumerate(lines):
            if line.endswith(":") and n < len(lines) - 1:
                line_lead = line
                continue
            lead = line_lead or (inherited if n == 0 else "")
            owner = lead or holders.by_clause.get(clause) or holders.by_clause.get(None)  # "Nghiêm cấm:", "Chủ rừng"
            if not owner and is_heading(article, clause, point, n == 0 and line == written[0], line):
                above.heading(clause, point, line)
                continue  # "Trợ cấp ngày công lao động của Dân quân …" over its clause: names the rule, is none
            quote = line.lstrip("-+• “")
            line = carriers.say(clause, resolve(COMPARED.sub(lambda m: f" {COMPARISONS[m['sign']]} ", line)))
            line = as_received(holders.say(clause, line, lead))  # an agency's relief task, as residents get it, before any cut
            line, acts = one_act_each(line)
            heading = article.title if clause is None else ""
            rows = headed_rows(above, clause, point, line) if line and not owner else None  # "Hộ nghèo: 2.000.000 đồng/hộ"
            said = rows or (_line_said(line, lead, addressee, heading, carriers.limit, (resolve(lead), text)) if line else [])
            sentences = [as_received(s) for s in acts + said]
            if point and (occasion := occasions.get(clause)):
                sentences = [on_occasion(occasion, s) for s in sentences + embedded_bans(line)]
            out.extend((clause, point, quote, s) for s in sentences)
        above.closed(clause, lines)
    return out


def _colon_restored(article: Article, clause: str | None, point: str | None, lines: list[str]) -> list[str]:
    """A clause's line that announces the points under it ("Các đối tượng sau được miễn học phí"), its colon missing:
    their lead, never said alone as if it named anyone (scripts.bare_rows)."""
    if point is None and len(lines) == 1 and uncoloned_lead(lines[0]):
        if any(c == clause and p for c, p, _ in article.passages()):
            return [lines[0].rstrip(" .") + ":"]
    return [titled(article.title, line) for line in lines]  # "Nhóm do ngân sách nhà nước đóng [bảo hiểm y tế], bao gồm:"


def _task_group(article: Article, point: str | None, lines: list[str]) -> bool:
    """A directive's task group: "Sở Tài chính" then "- …" tasks, each said with its actor (its line gets a colon)."""
    directive = not article.number or article.number.startswith("mục ")
    if point is None and len(lines) > 1 and directive and _addressee(lines[0]):
        lines[0] += ":"
        return True
    return False


def _line_said(line: str, lead: str, addressee: bool, heading: str, limit: int, held: tuple[str, str]) -> list[str]:
    """A line said with its lead when it has one, else alone; a bare value alone takes its article's title as label.
    `held` is the lead with its references resolved and the document's text: a bare benefit ("Tăng thêm …") is said
    as given to whom the lead names."""
    if lead and (given := under_heading(lead, line) or with_holder(held[0], line, held[1])):
        return [given]  # "Hỗ trợ người cao tuổi …:" + "a) Mức hỗ trợ: 500.000 đồng/người/tháng": who gets how much
    if not lead and (rows := inline_rows_said(line)):
        return rows  # "Mức hỗ trợ: hộ nghèo 1.500.000 đồng/hộ; hộ cận nghèo …": a sentence per group
    if lead:  # a rate said with what its lead gives a share of
        return [rated(lead, s) for s in with_lead(lead, line, addressee)]
    return split_units(labelled(received(line), heading), limit)


INLINE_BANS = re.compile(
    r"(?:^|(?<=[.;]\s))(?P<verb>Nghiêm cấm|Cấm|Không được)(?:\s+(?:các|những)\s+hành vi(?:\s+sau(?:\s+đây)?)?)?\s*:\s*(?P<items>[^:]+)$"
)


def one_act_each(line: str) -> tuple[str, list[str]]:
    """ "… Nghiêm cấm các hành vi: đổ chất thải …; xả nước thải …; khoan … trái phép." → one ban per sentence,
    each with its verb ("Nghiêm cấm xả nước thải …"): a listener keeps one act at a time. Returns what comes
    before the list (to be said as usual) and the bans."""
    m = INLINE_BANS.search(line)
    if not m:
        return line, []
    items = [i.strip(" ,.") for i in m["items"].split(";") if i.strip(" ,.")]
    if len(items) < 2:
        return line, []
    acts = [finish(f"{m['verb']} {lowerfirst(i)}") for i in items]
    return line[: m.start()].strip(), [a for a in acts if words(a) >= 5 and words(a) <= MAX_WORDS + 4 and listenable(a)]


OCCASION_HEADING = re.compile(r"^(?:Khi|Trường hợp|Dự báo|Cảnh báo|Báo động|Cấp độ|Mùa|Trong thời gian)\b[^.;:]*$")
RESIDENT_RULE = re.compile(r"\bcấm\b|không được|\bphải\b|\bđược\b|\d[\d.,]*\s*(?:đồng|%)", re.I)
CONDITIONAL = re.compile(r"^(?:Khi|Trường hợp|Trong trường hợp|Nếu|Trong thời gian)\b")
EMBEDDED_BAN = re.compile(r"[,;]\s+(?P<ban>(?:nghiêm )?cấm\s[^,;.]+)")


def embedded_bans(line: str) -> list[str]:
    """ "Chủ tịch … đôn đốc các chủ rừng, cấm đốt thực bì dưới tán rừng.": the ban, said as its own act."""
    acts = [finish(m["ban"]) for m in EMBEDDED_BAN.finditer(line)]
    return [a for a in acts if words(a) >= 4 and listenable(a)]


def on_occasion(occasion: str, sentence: str) -> str:
    """A point under a heading that names an occasion ("Dự báo cháy rừng cấp III") said with it: "Khi dự báo cháy
    rừng cấp III, cấm đốt thực bì dưới tán rừng." Without it the rule seems to hold at all times."""
    if not RESIDENT_RULE.search(sentence) or lowerfirst(occasion) in sentence.lower() or CONDITIONAL.match(sentence):
        return sentence
    lead = occasion if occasion.startswith(("Khi", "Trường hợp", "Trong thời gian")) else f"Khi {lowerfirst(occasion)}"
    said = finish(f"{lead}, {lowerfirst(sentence)}")
    return said if listenable(said) else sentence
