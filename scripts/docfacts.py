"""What a script says about the document itself: its number, title, dates, relations and where to ask.

Each phrase keeps the source's own written form (a date as the source writes it, a title cut at a natural
boundary), so every digit a script says can be found in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from scripts.amended import LAW_NAME
from scripts.editing import NAMED_DOCUMENT, plain
from scripts.legal import DATE_WORDS, EFFECTIVE_RE, SYMBOL, LegalDocument, to_date
from scripts.selection import Candidate, Source
from scripts.sentences import SENTENCE_SPLIT, flat, lowerfirst, words
from scripts.vocab import DOC_TYPE_CODES

MAX_RELATIONS = 3
TITLE_WORDS = 16
LONG_TITLE_WORDS = 24
OFFICES: tuple[tuple[str, str], ...] = (
    (r"cơ quan bảo hiểm xã hội|bảo hiểm xã hội|lương hưu", "cơ quan bảo hiểm xã hội"),  # pensions are paid by it
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
    # "về việc quy định …" → "quy định …"; "… của thành phố Hà Nội" at the end repeats the issuer just said
    (re.compile(r"^[Vv]ề việc (?=(?:quy định|ban hành|phê duyệt|sửa đổi|bãi bỏ|điều chỉnh)\b)"), ""),
    (re.compile(r"\s+của (?:thành phố|tỉnh) (?:[A-ZĐ]\w*\s?){1,4}$"), ""),
    # "quy định nội dung chi, mức chi, thời gian hỗ trợ kinh phí phục vụ bầu cử …" → "quy định mức chi phục vụ bầu cử …"
    (re.compile(r"\bnội dung chi, (mức chi)(?:, [^,]{3,40}?)?(?= (?:phục vụ|cho|đối với|thực hiện)\b)"), r"\1"),
    # "Luật X và Luật sửa đổi, bổ sung một số điều của Luật X" → "Luật X và các điểm sửa đổi của luật này"
    (
        re.compile(r"((?:Luật|Bộ luật) [^,;]+?) và Luật sửa đổi, bổ sung một số điều của \1"),
        r"\1 và các điểm sửa đổi của luật này",
    ),
)
# what a title does to its object, listed before it: "mức thu, miễn, giảm, chế độ thu, nộp, quản lý và sử dụng [phí …]"
ACTS_ON = (
    r"(?:mức thu|chế độ thu|miễn, giảm|thu|nộp|miễn|giảm|quản lý|sử dụng|khai thác|bảo vệ|vận hành|bảo trì|cấp|cấp đổi|"
    r"cấp lại|đăng ký|thanh toán|quyết toán|thẩm định|phê duyệt|xử lý)"
)
ACTS_LIST = re.compile(rf"(?<=[Qq]uy định )(?:việc\s+)?{ACTS_ON}(?:(?:,\s+|\s+và\s+){ACTS_ON})+\s+(?=[a-zà-ỹđ])")
WITHOUT_OBJECT = re.compile(
    rf"(?:^|[\s,])(?:{ACTS_ON}|hỗ trợ|trợ cấp|trợ giúp|ưu đãi|khuyến khích|chính sách|chế độ|mức|mức chi)$"
)  # a title cut there says what is done, or given, not to what or to whom ("quy định chính sách hỗ trợ")
FALLBACK_BOUNDARY = re.compile(r",\s+|\s+(?=(?:trước|sau|đã|nhằm|phục vụ|giai đoạn|nhiệm kỳ)\s)")
DANGLING_TITLE = re.compile(
    r"\s+(?:thuộc thẩm quyền|quy định chi tiết|hướng dẫn thi hành|và|của|về|đối với|trên|cho|tại|theo|các)$"
)


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


def source_date_text(doc: LegalDocument, value: date) -> str:
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


PLAN_KINDS = ("Kế hoạch", "Thông báo", "Chương trình", "Đề án")
ACTING = re.compile(
    r"^(?:về|ban hành|quy định|sửa đổi|bổ sung|bãi bỏ|thay thế|phê duyệt|thực hiện|triển khai|tổ chức|hướng dẫn|công bố|"
    r"điều chỉnh|giao|thành lập|kiện toàn|tăng cường|đẩy mạnh|nâng cao|tuyên truyền|thông báo)\b"
)


ABOUT = re.compile(r"^về(?: việc)?\s")


def apart_title(doc_type: str, phrase: str) -> str:
    """ "Kế hoạch này …", the title said as its own sentence. A plan's or notice's title names what it is about
    ("Tuyển sinh vào lớp 1 …"): said as the predicate it is heard as the plan doing it ("Kế hoạch này tuyển sinh …"),
    so it is said "nói về …" unless it opens with what the document itself does ("triển khai …")."""
    if phrase.startswith("về "):
        return f"{doc_type} này {ABOUT.sub('nói về ', phrase)}"
    if doc_type in PLAN_KINDS and not ACTING.match(phrase):
        return f"{doc_type} này nói về {phrase}"
    return f"{doc_type} này {phrase}"


LIST_SO_FAR = re.compile(r",\s+(?:\S+\s+){0,3}\S+$")


def _in_list(title: str, cut: int) -> bool:
    """ "… chế độ hỗ trợ, thời gian | và số người …": a cut before the last item's "và" leaves a list without its end
    ("… cá nhân kinh doanh | và Nghị định số 320/…" ends one document's title: a cut there is whole)."""
    rest = title[cut:].lstrip()
    return rest.startswith("và ") and not NAMED_DOCUMENT.match(rest[3:]) and bool(LIST_SO_FAR.search(title[:cut]))


def title_phrase(doc: LegalDocument, limit: int = TITLE_WORDS) -> str:
    """The title cut at a natural boundary to a length a listener keeps in mind."""
    title = RELATED_DETAILS.sub(r"\g<sym>", " ".join(doc.title.split()))
    for pattern, repl in TITLE_SIMPLER:
        title = pattern.sub(repl, title)
    title = plain(title)  # "quy định việc áp dụng …", "giám định đối với từng loại việc giám định pháp y": said once
    if doc.doc_type in ("Luật", "Bộ luật", "Pháp lệnh") and title.startswith(doc.doc_type):
        rest = title[len(doc.doc_type) :].strip()
        return f"– {doc.doc_type} {rest}" if rest else ""
    while words(title) > limit:
        parts = TITLE_CUT.split(title, maxsplit=1)
        if len(parts) > 1 and words(parts[0]) >= 4:
            title = parts[0]
            continue
        if ACTS_LIST.search(title):  # "quy định mức thu, …, quản lý và sử dụng phí tham quan …" → "quy định về phí …"
            title = ACTS_LIST.sub("về ", title, count=1)
            continue
        cuts = [m.start() for m in TITLE_BOUNDARY.finditer(title) if 6 <= words(title[: m.start()]) <= limit]
        cuts = [c for c in cuts if not WITHOUT_OBJECT.search(title[:c]) and not _in_list(title, c)]
        if not cuts:  # a last resort before saying it whole: before "trước ngày …", "nhiệm kỳ …", a comma
            cuts = [m.start() for m in FALLBACK_BOUNDARY.finditer(title) if 6 <= words(title[: m.start()]) <= limit + 8]
            cuts = [c for c in cuts if not WITHOUT_OBJECT.search(title[:c])]
        if not cuts:
            break  # a title is said whole rather than cut mid-phrase ("… của chủ hộ" for "… của chủ hộ kinh doanh")
        title = title[: cuts[-1]]
    title = title.rstrip(" .,")
    while DANGLING_TITLE.search(title):
        title = DANGLING_TITLE.sub("", title)
    return lowerfirst(title)


SOME = re.compile(r"^(?P<verb>bãi bỏ|thay thế)(?: toàn bộ)? (?:một số|các|những) (?=\S)", re.I)
PARTLY = "toàn bộ hoặc một số quy định của "
KIND_OF_VERB = {"bãi bỏ": "repeals", "thay thế": "replaces"}


def said_count(doc: LegalDocument, kind: str) -> str:
    """How many documents a relation names, when the source shows that number (in words or as its last list item)."""
    count = str(len([r for r in doc.relations if r.kind == kind]))
    text = flat(doc.text)
    shown = re.search(rf"(?<![\d.,/]){count}(?![\d.,/])", text) or re.search(rf"(?m)^\s*{count}\.\s", doc.text)
    return count if count != "0" and shown else ""


def counted_title(doc: LegalDocument, phrase: str) -> str:
    """ "bãi bỏ một số văn bản …" → "bãi bỏ 39 văn bản …": what a repeal does, with how many, in one sentence."""
    m = SOME.match(phrase)
    kind = KIND_OF_VERB[m["verb"].lower()] if m else ""
    count = said_count(doc, kind) if m else ""
    if not m or not count or int(count) < 2:
        return phrase
    part = "" if all(not r.part for r in doc.relations if r.kind == kind) else PARTLY  # never said as whole
    return f"{m['verb']} {part}{count} {phrase[m.end() :]}"


UNTIL = re.compile(  # a measure for a time: "có hiệu lực (kể từ …) (và được thực hiện) đến (hết) ngày …"
    # at most one "từ": "… và áp dụng cho hồ sơ nộp từ ngày A đến ngày B" is another range, not the measure's end
    rf"có hiệu lực(?:(?!\btừ\b)[^.;]){{0,120}}?(?:\btừ\b(?:(?!\btừ\b)[^.;]){{0,160}}?)?\bđến\s+(?P<end>hết\s+)?(?:{DATE_WORDS})"
)
APPLIED = re.compile(rf"\b(?:được\s+)?áp dụng\s+(?:kể\s+)?từ\s+(?:{DATE_WORDS})")  # "…, áp dụng từ ngày 01 tháng 01 năm 2026"


def _in_force_span(doc: LegalDocument) -> str:
    """ " đến hết ngày 31 tháng 12 năm 2026", ", áp dụng từ ngày …": when the entry into force says till when a
    measure lasts, or from when it applies (a date residents count on), said with it."""
    source = effective_source(doc)
    text, out = (source.quote if source else ""), ""
    if (m := UNTIL.search(text)) and (end := to_date(m.groups()[1:])) and (not doc.effective_on or end > doc.effective_on):
        out += f" đến {m['end'] or ''}{source_date_text(doc, end)}"
    if (m := APPLIED.search(text)) and (start := to_date(m.groups())) and start != doc.effective_on:
        out += f", áp dụng từ {source_date_text(doc, start)}"
    return out


def facts(doc: LegalDocument, title_words: int = TITLE_WORDS) -> DocFacts:
    effective_text = None
    if doc.effective_on:
        when = source_date_text(doc, doc.effective_on)
        effective_text = (f"kể từ ngày ký, tức {when}" if doc.effective_note else f"từ {when}") + _in_force_span(doc)
    return DocFacts(
        number=doc.number,
        doc_type=doc.doc_type,
        issuer=doc.issuer,
        title_phrase=counted_title(doc, title_phrase(doc, title_words)),
        issued_on_text=source_date_text(doc, doc.issued_on) if doc.issued_on else None,
        effective_text=effective_text,
    )


NAMED_LAW_BEFORE = re.compile(rf"\b(?P<type>Luật|Bộ luật|Pháp lệnh)(?:\s+(?P<name>{LAW_NAME}))?\s+(?:số\s+)?$")


def related_name(text: str, number: str) -> str:
    """How a related document is heard: "Nghị định số 45/2019/NĐ-CP", a law by its name ("Luật Thú y"); "" for a law or
    a National Assembly act the text names by its number only ("Luật số 30/2023/QH15"): a number is no name to a
    listener."""
    pos = text.find(number)
    window = text[max(0, pos - 120) : pos] if pos >= 0 else ""
    if law := NAMED_LAW_BEFORE.search(window):
        return f"{law['type']} {law['name']}" if law["name"] else ""
    if before := TYPE_BEFORE.search(window[-40:]):
        return f"{before.group(1)} số {number}"
    if re.search(r"/QH\d+$", number):
        return ""
    code = number.rsplit("/", 1)[-1].split("-", 1)[0]  # "61/2021/NQ-HĐND": a Nghị quyết, never "văn bản số …"
    return f"{DOC_TYPE_CODES.get(code, 'văn bản')} số {number}"


def relation_sentences(doc: LegalDocument, brief: bool = False, title: str = "") -> list[Sentence]:
    """One sentence per kind of relation ("… bãi bỏ Nghị quyết số A, Nghị quyết số B và …"), unless the title
    already said it with its count ("bãi bỏ 39 văn bản …")."""
    verbs = {"amends": "sửa đổi, bổ sung", "replaces": "thay thế", "repeals": "bãi bỏ"}
    text = flat(doc.text)
    out: list[Sentence] = []
    for kind, verb in verbs.items():
        related = [r for r in doc.relations if r.kind == kind]
        if not related or (count := said_count(doc, kind)) and re.match(rf"{verb} (?:{PARTLY})?{count} ", title):
            continue
        names = []
        for rel in related[:MAX_RELATIONS]:
            if not (name := related_name(text, rel.number)):
                continue
            partial = rel.part and kind != "amends"  # "bãi bỏ khoản 2 Điều 7 của …" is not the whole document
            names.append(f"một số quy định của {name}" if partial else name)
        if not names or kind == "amends" and all(n in title for n in names):
            continue  # "Luật sửa đổi, bổ sung một số điều của Luật Thú y": the title has said it
        if len(related) > MAX_RELATIONS:
            many = f"{count} văn bản" if count else "nhiều văn bản"
            if kind != "amends" and any(r.part for r in related):  # some only in part: never said as whole
                many = f"{PARTLY}{many}"
            listed = many if brief else f"{many}, trong đó có " + ", ".join(names[:2])
        else:
            listed = ", ".join(names[:-1]) + (" và " if len(names) > 1 else "") + names[-1]
        out.append(Sentence(f"{doc.doc_type} này {verb} {listed}.", Source(related[0].article, None, None, related[0].number)))
    return out


def identity_source(doc: LegalDocument) -> Source:
    """The header line with place and date ("Hà Nội, ngày 15 tháng 5 năm 2026"), else the number."""
    if doc.issued_on and doc.place:
        quote = f"{doc.place}, {source_date_text(doc, doc.issued_on)}"
        if quote in flat(doc.text):
            return Source(None, None, None, quote)
    return Source(None, None, None, doc.number)


def effective_source(doc: LegalDocument) -> Source | None:
    """The sentence the effective date was read from (legal.EFFECTIVE_RE), else the first that says "có hiệu lực":
    not "Hộ gia đình đã nộp hồ sơ trước ngày Nghị định này có hiệu lực thi hành …", a transitional clause before it."""
    for said in (EFFECTIVE_RE.search, lambda text: "có hiệu lực" in text):
        for article in doc.articles:
            for clause, point, passage in article.passages():
                text = flat(passage)
                if said(text):
                    sentence = next((s for s in SENTENCE_SPLIT.split(text) if said(s)), text)
                    return Source(article.number or None, clause, point, sentence)
    return None


HOTLINE = re.compile(r"\b(tổng đài|đường dây nóng)\s+(?:số\s+)?(\d{3,4}(?:[ .]\d{3,4})?)\b", re.I)


def hotline(doc: LegalDocument) -> str:
    """ "tổng đài 112": a number residents can call, when the document names one."""
    m = HOTLINE.search(flat(doc.text))
    return f"{m[1].lower()} {m[2]}" if m else ""


WITHOUT = re.compile(r"\bkhông (?:có|hưởng|được hưởng|đang hưởng)\s[^.;:]{0,40}$")


def _named(pattern: str, said: str) -> bool:
    """Does the script name the office's business, not as what a group lacks ("người … không có lương hưu, trợ cấp
    bảo hiểm xã hội … được hưởng trợ cấp xã hội": the commune pays it, the social insurance office does not)?"""
    return any(not WITHOUT.search(said[max(0, m.start() - 60) : m.start()]) for m in re.finditer(pattern, said))


def offices(doc: LegalDocument, chosen: list[Candidate]) -> str:
    """Where residents ask: the offices the document itself names, then the commune."""
    said = " ".join(c.text for c in chosen)
    names: list[str] = []
    for pattern, name in OFFICES:
        if name not in names and _named(pattern, said) and re.search(pattern, doc.text):
            names.append(name)
    names = names[:2] + ["Ủy ban nhân dân xã"]
    return ", ".join(names[:-1]) + " hoặc " + names[-1] if len(names) > 1 else names[0]


THIS_TAKES_EFFECT = re.compile(
    r"(?P<rel>trước|từ|kể từ|sau) ngày (?:Luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Pháp lệnh|Bộ luật) này có hiệu lực(?: thi hành)?"
)


def dated(doc: LegalDocument, text: str) -> str:
    """ "trước ngày Luật này có hiệu lực thi hành" → "trước ngày 01 tháng 01 năm 2025": a date a listener can use."""
    if not doc.effective_on or doc.effective_note or not THIS_TAKES_EFFECT.search(text):
        return text
    when = source_date_text(doc, doc.effective_on)
    return THIS_TAKES_EFFECT.sub(lambda m: f"{m['rel']} {when}", text)
