"""Turn the text of a legal provision into sentences a listener can follow on first hearing.

A provision is written to be read and cross-checked (list markers, headings, references, aliases, enumerations); a
listener hears each sentence once, so it must stand alone and stay short. Here text is only removed or split, never added.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scripts.actors import ACTOR_ACTS, TASK_VERB
from scripts.announcing import ANNOUNCES, LEAD_TAIL, OWN_PLURAL, SCOPE_LABEL
from scripts.conditions import raised_with_base, with_condition
from scripts.editing import GLUED_NUMBER, MODAL_WORD, OWED, SOME_CASES, condense, inline_list, plain
from scripts.figures_kept import misleading_head  # "Trường hợp xe hết niên hạn …" cut from its rule: no rule
from scripts.glued_headings import strip_heading
from scripts.kept_terms import HALF_EXCEPTION, cut_loses, sets_terms, with_its_charge, with_its_deadline, with_its_exception
from scripts.kept_terms import loses_terms as _loses_figures
from scripts.legal import SYMBOL
from scripts.listener import check
from scripts.long_rules import DETAILS, also, cut_between, first_standing, instead_of, without_office_tail
from scripts.narrowed import NAMED_LAW, TITLE_ONLY, narrowed_subject
from scripts.negation import NEGATED_RULE
from scripts.noun_phrases import WHEN_WHERE, level_as_rule
from scripts.shared_subject import shared
from scripts.whole_lists import PERIOD, comma_parts, loses_period, open_end, splits_list

MAX_WORDS = 30  # written words; a Vietnamese sentence longer than this is hard to follow when heard once
HARD_MAX_WORDS = 38

AMENDED_TEXT = re.compile(
    r"như sau:\s*[“\"]\s*(?:\d+[a-z]?\.\s*|[a-zđ]\)\s*|Điều\s+\d+[a-z]?\.\s*)?(?P<body>.+?)[”\"]?[.;]*$", re.S
)
PAREN_ALIAS = re.compile(r"\s*\((?:sau đây|gọi tắt|gọi chung|viết tắt|bao gồm cả|trừ trường hợp quy định)[^)]*\)")
PAREN_REF = re.compile(
    r"\s*\([^()]*(?:quy định tại|theo quy định|Nghị định|Thông tư|Luật|Quyết định|Nghị quyết|Điều|khoản|Phụ lục|kèm theo)[^()]*\)"
)
PAREN_WORDS = re.compile(
    r"\s*\((?:[^()\d]*(?:đồng|phần trăm)[^()\d]*|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?: [^()\d\s]+){1,3})\)"
)  # an amount repeated in words: "(năm mươi nghìn đồng)", "07 tháng (bảy tháng)"
LAW_NAME = (  # "Luật Bảo hiểm xã hội (năm 2014)", up to the word where the sentence goes on
    r"(?:Luật|Bộ luật)\s+[A-ZĐ]\w*(?:\s+[\wđ-]+){0,4}?(?:\s+năm\s+\d{4})?"
    r"(?=\s+(?:đã|là|được|thì|mà|và|có|khi|phải|không|bị|trong|từ|đối với|theo|để|nhưng|hoặc)\b|\s*[,.;:)]|$)"
)
REF_CHAIN = (
    r"(?:(?:các\s+)?điểm\s+[a-zđ](?:\s*,\s*(?:điểm\s+)?[a-zđ])*(?:\s+và\s+(?:điểm\s+)?[a-zđ])?\s+)?"
    r"(?:(?:các\s+)?khoản\s+\d+(?:\s*,\s*(?:khoản\s+)?\d+)*(?:\s+và\s+(?:khoản\s+)?\d+)?\s+)?"
    r"(?:(?:các\s+)?Điều\s+\d+[a-zđ]?(?:\s*,\s*\d+[a-zđ]?)*(?:\s+và\s+(?:Điều\s+)?\d+[a-zđ]?)?|Điều này|khoản này|Chương\s+[IVXLC\d]+)"
    r"(?:\s+(?:của\s+)?(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Quy định|Quy chế)(?:\s+này|\s+số\s+\S+)"
    r"|\s+(?:của\s+)?" + LAW_NAME + ")?"
)
CROSS_REF = re.compile(
    r",?\s*(?:(?:theo|tại)\s+)?(?:được\s+)?(?:quy định|nêu|ghi|quy)\s+tại\s+(?:các\s+)?"
    + REF_CHAIN
    + r"(?:\s*(?:,|và)\s+(?:tại\s+)?(?:các\s+)?"
    + REF_CHAIN
    + r")*"
    + r"(?:\s+(?:của\s+)?(?:Luật|Nghị định)\s+này)?"
    + r"(?:\s+(?:quy định|hướng dẫn)\b[^;.]*(?=[;.]|$))?"  # the referenced document's title, to the end of the clause
)
BARE_REF = re.compile(r"\s*(?:theo|tại)\s+" + REF_CHAIN)
DOC_DETAILS = re.compile(
    "(?P<sym>" + SYMBOL + r")(?P<tail>\s+ngày\s+(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2} tháng \d{1,2} năm \d{4})"
    r"(?:\s+của\s+(?:UBND|Ủy ban nhân dân|Hội đồng nhân dân|HĐND|Chính phủ|Thủ tướng Chính phủ|Quốc hội|Bộ trưởng|Bộ)"
    r"(?:\s+(?:tỉnh|thành phố|Thành phố))?(?:\s+[A-ZĐ][\wĐđ]*)*"
    r"(?:\s+[a-zđà-ỹ][\wđ]*){0,3}?(?=\s+(?:quy định|về|hướng dẫn|ban hành|sửa đổi|bổ sung)\b|\s*[,;.)]|\s*$))?)"
)  # "… của Bộ trưởng Bộ Y tế quy định …": the issuer goes whole, up to what the document is about, or not at all
DECIDED_BY = re.compile(
    r",?\s+do\s+(?:Ủy ban nhân dân|Hội đồng nhân dân|Chính phủ|Bộ trưởng|Thủ tướng|Chủ tịch)[^,;.]{0,90}?\squyết định,?\s+"
    r"nhưng\s+(?=(?:không\s+(?:thấp|cao)\s+hơn|tối đa|tối thiểu)\s)"
)  # "Mức trợ cấp do Ủy ban nhân dân cấp tỉnh trình … quyết định, nhưng không thấp hơn 327.600 đồng": the floor is the news
# "Chủ hộ … không thuộc đối tượng quy định tại khoản 1 Điều này thuộc …": without the clause it means nothing; "… bắt buộc
# áp dụng [theo quy định tại …]": the verb went with its reference
NOT_AMONG = re.compile(r"\s+không thuộc (?:các\s+)?(?:đối tượng|trường hợp) (?:quy định|nêu) tại\s+" + REF_CHAIN + r"(?=\s+\w)")
DANGLING_VERB = re.compile(r"\s+(?:được\s+)?(?:áp dụng|thực hiện)\x00+(?=\s*(?:[;.]|$))")
ABOUT = re.compile(r"\s+(?:về việc|quy định về)\s+[^().,;]{10,160}?(?=\s*\()")
WHERE = re.compile(r",?\s+trên địa bàn (?:tỉnh|thành phố|Thành phố)(?:\s+[A-ZĐ][\wĐđ]*)+")
BOILERPLATE = re.compile(  # NAMED_LAW: "… của pháp luật lao động không …" names a law; cut, it left "… thử việc lao động"
    r"(?<!không)(?<!không\s),?\s*(?:theo|đúng)\s+quy định (?:của pháp luật|hiện hành)"  # "không đúng quy định": the offence
    r"(?: (?:có liên quan|về [^,.;]+?(?=\s*[,.;]|\s+(?:thì|trước|sau|khi|mà|được|phải|để|tại|cho|nhưng)\s|$)))?" + NAMED_LAW + "|"
    r"\s+theo (?:quyết định|kế hoạch) (?:của )?(?:cấp|cơ quan|người) có thẩm quyền(?: phê duyệt)?(?=[,.;]|$)|"
    r",?\s+theo đúng quy định(?=\s*[.;]|$)|"
    # "Nghệ nhân ưu tú theo quy định của Luật Di sản văn hóa.": who is meant, the law named only as its source; never
    # after the verb it completes ("… thực hiện theo quy định của Chính phủ")
    r"(?<!thực hiện)(?<!áp dụng)(?<!giải quyết)(?<!xử lý)(?<!quyết định),?\s+theo quy định của (?:Chính phủ|Thủ tướng Chính phủ|"
    r"(?:Luật|Bộ luật)\s+[A-ZĐ][\wđ]*(?:\s+(?!(?:được|phải|là|có|không|bị|thì|và|hoặc)\b)[\wđ]+){0,5}?)(?=\s*[.;]|$)"
)
LEAD_MARKER = re.compile(r"^(?:\d+(?:\.\d+)*\.\s+|[a-zđ][).]\s+|[-+•*]\s+|[IVXLC]+\.\s+)")
ZERO_MINUTES = re.compile(r"(\d{1,2} giờ) 00(?: phút)?(?![\d,.])")
MARKDOWN = re.compile(r"[*#|_]{1,}")
SENTENCE_SPLIT = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ“\"])")
CLAUSE_BOUNDARY = re.compile(r";\s+")
# "Không thả rông chó, mèo; trừ …": one rule and its exception, never apart ("…; …; trừ …" may except from all)
ONE_EXCEPTED = re.compile(r"^(?P<rule>[^;]+);\s+(?P<but>(?:trừ|ngoại trừ)\s(?!(?:\d+\s+)?điểm\b)[^;]+);?$")
PREDICATE = re.compile(
    r"\b(?:được|phải|không|là|có|bị|cấm|bằng|tối đa|tăng|giảm|áp dụng|hưởng|thực hiện|đóng|nộp|xử lý|thu hồi|tạm dừng|chịu|cần|nghiêm|"
    r"tiến hành|báo ngay|thuộc (?:đối tượng|diện)|trả|thanh toán|gồm)\b"
)


def words(text: str) -> int:
    return len(text.split())


def flat(text: str) -> str:
    return " ".join(text.split())


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def lowerfirst(text: str) -> str:
    """Lower the first letter unless it starts a proper name or an abbreviation ("UBND", "Ủy ban", "Nhà nước"; not
    "Nhà ở")."""
    first = text.split(" ", 1)[0]
    if first.isupper() and len(first) > 1 or first in ("Ủy", "Hội", "Bộ", "Sở", "Quỹ", "Kiểm") or text.startswith("Nhà nước"):
        return text
    return text[:1].lower() + text[1:]


def _condition_comma(text: str) -> str:
    """ "Trường hợp bị tai nạn: Thân nhân được …" → "Trường hợp bị tai nạn, thân nhân được …": heard as one sentence."""
    if m := CONDITION_COLON.match(text):
        return f"{m[1]}, {lowerfirst(text[m.end() :])}"
    return text


@lru_cache(maxsize=16384)
def strip_noise(text: str) -> str:
    """Drop what a listener cannot use: aliases, references, repeated amounts in words, markup."""
    if m := AMENDED_TEXT.search(text):
        text = m["body"]
    text = level_as_rule(strip_heading(LEAD_MARKER.sub("", flat(text).strip(' “”"-+•'))))
    text = _condition_comma(LEAD_MARKER.sub("", text.strip(' “”"-+•')))
    text = PAREN_REF.sub("", inline_list(PAREN_ALIAS.sub("", text)))
    text = PAREN_WORDS.sub("", text)
    text = DOC_DETAILS.sub(r"\g<sym>", text)
    text = NOT_AMONG.sub("", text)
    text = text if narrowed_subject(text) else BARE_REF.sub("\x00", CROSS_REF.sub("\x00", text))  # scripts.narrowed
    text = DANGLING_VERB.sub("", text).replace("\x00", "")
    text = DECIDED_BY.sub(" ", BOILERPLATE.sub("", text))
    text = WHERE.sub("", text)
    if words(text) > MAX_WORDS:
        text = ABOUT.sub("", text)
    text = MARKDOWN.sub("", text)
    text = ZERO_MINUTES.sub(r"\1", text)  # "09 giờ 00 phút", "9 giờ 00" → "9 giờ": the same time, fewer words
    text = text.strip(' “”"-+•')
    text = LEAD_MARKER.sub("", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+([,.;:)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()


OPEN_END = frozenset(
    "theo của tại và hoặc với các những cho về từ gồm là bởi trong thuộc nhằm để như sau đây đó: mà thì nếu khi "
    "đối_với bao_gồm cụ_thể sau_đây như_sau".split()
)
PERIOD_WORDS = frozenset("năm tháng tuần ngày vụ kỳ".split())


def is_open(text: str) -> bool:
    """Does the sentence stop on a word that needs a continuation ("… theo", "… của", "… như sau")?"""
    bare = re.sub(r"[.:;,!?…\s]+$", "", text).casefold().split()
    if not bare:
        return True
    if len(bare) > 1 and bare[-2] in PERIOD_WORDS and bare[-1] in ("sau", "trước", "tới"):
        return False  # "… đến hết tháng 4 của năm sau": a time said in full, not "như sau"
    return (
        bare[-1] in OPEN_END or "_".join(bare[-2:]) in OPEN_END or text.rstrip().endswith(":") or open_end(text, negations=False)
    )


LABELLED_AMOUNT = re.compile(
    r"^\S.{8,}:\s*(?:từ\s+|tối đa\s+|tối thiểu\s+)?\d[\d.,]*\s*(?:đồng|triệu|nghìn|tỷ|%)"
)  # "Hỗ trợ …: 4.960.000 đồng/người/tháng"
CONDITION_COLON = re.compile(r"^((?:Khi|Trường hợp|Trong trường hợp|Nếu|Đối với)\s[^:;.]{3,90}?):\s+(?=[A-ZĐÀ-Ỹ])")
CONDITION = re.compile(r"^(?:Khi|Trường hợp|Trong trường hợp|Nếu|Đối với|Sau khi|Trước khi|Trong thời hạn|Trong vòng)\b", re.I)
MAIN_AFTER = re.compile(r",\s|\bthì\b")
MODAL = re.compile(r"\b(?:phải|không được|cấm|có trách nhiệm|có quyền)\b")
LISTED_AFTER = re.compile(r"(?<=\s(?:cho|với))\s+(?:các|những)\s+(?:trường hợp|đối tượng)(?:\s+(?:sau đây|sau|dưới đây))?$")
SENDS = re.compile(r"\bgửi\s+(?:\d+\s+(?:bộ|bản)\s+)?(?:đơn|hồ sơ|tờ khai|giấy|bản)\b")  # "… hộ gia đình gửi đơn đến …"


def complete(text: str) -> bool:
    """A sentence with a verb, and a condition ("Khi …", "Trong thời hạn …") only with its main clause."""
    verb = PREDICATE.search(text) or SENDS.search(text) or TASK_VERB.match(text) or ACTOR_ACTS.match(text)
    if not (verb or LABELLED_AMOUNT.search(text) or WHEN_WHERE.match(text) or DETAILS.match(text)):
        return False
    if not CONDITION.match(text):
        return True
    if not (m := MAIN_AFTER.search(text)):
        return bool(re.search(r",", text)) and not text.startswith(("Trong thời hạn", "Trong vòng"))
    if MODAL.search(text[: m.start()]):
        return True  # "Trước khi đốt phải thông báo với trưởng thôn, …": the main clause comes before the comma
    return bool(PREDICATE.search(text[m.end() :]) or SENDS.search(text[m.end() :]))  # not "Trong thời hạn …, người thừa kế."


DEFECTS = (  # what a listener hears as a defect wherever it stands in a sentence
    re.compile(
        r"Nơi nhận|\bTM\.|\bKT\.|\bCHỦ TỊCH\b|\bBỘ TRƯỞNG\b|\bTHỨ TRƯỞNG\b|\bTHỦ TƯỚNG\b|CÔNG BÁO|Công [Bb]áo|"
        r"\bLưu:? VT\b|\(đã ký\)|Số:\s*\d"
    ),  # the furniture of a signed document: "Nơi nhận", "TM.", "(đã ký)"
    re.compile(r"(?:^|(?<=[\s:;,]))(?:[a-zđ]\)|\d{1,2}\.)\s+(?=\S)"),  # a list marker inside the sentence
    re.compile(r"(?:^|\s)(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+[a-zđ]?\.\s"),  # a heading run into it
    re.compile(
        r"(?:quy định|nêu|quy)\s+tại\s+(?:các\s+)?(?:điểm|khoản|Điều|Chương|Phụ lục)|"
        r"\b(?:điểm\s+[a-zđ]\s+)?khoản\s+\d+\s+Điều\s+\d+|Điều\s+\d+\s+(?:của\s+)?(?:Nghị định|Thông tư|Quyết định|Nghị quyết|Luật)\s+này|"
        r"\b(?:Điều|khoản|điểm) này\b|\bPhụ lục\b"
    ),  # a reference the listener cannot look up
    re.compile(r"\b[A-ZÀ-ỸĐ]{2,}(?:\s+[A-ZÀ-ỸĐ]{2,}){2,}\b"),  # words in capitals, shouted
    re.compile(r"^[A-Za-zĐđ](?:\d{1,2}|[a-z]{1,2}\d?)?\s+là\s"),  # "T là nhiệt độ lúc 13 giờ …": a formula's symbol
    re.compile(r"\b(\w+ \w+ \w+) \1\b"),  # "… không thuộc đối tượng thuộc đối tượng …": a cut left its seam
) + (TITLE_ONLY, HALF_EXCEPTION)


def listenable(text: str) -> bool:
    """Would a listener hear this sentence without a defect (marker, reference, furniture, shouting)?"""
    return complete(text) and not (
        any(defect.search(text) for defect in DEFECTS)
        or text.count("(") != text.count(")")
        or text.count("“") != text.count("”")
        or words(text) > HARD_MAX_WORDS
        or is_open(text)
    )


def finish(text: str) -> str:
    text = GLUED_NUMBER.sub("", text.strip().rstrip(" ,;:/-–"))  # a clause number glued by a line break
    unbalanced = text.count('"') % 2 == 1 or text.count("”") > text.count("“")
    if unbalanced and text.rstrip(" .;").endswith(('"', "”")):
        text = text.rstrip(" .;").rstrip('"”')  # the closing quote of an amended text whose opening was cut
    text = text.rstrip(" ,;:./-–")
    return capfirst(text) + "." if text else ""


QUALIFIER_START = re.compile(
    r"^(?:trong|tại|khi|theo|đối với|kể cả|trừ|nhất là|bao gồm|để|nhằm|do|từ|ở|với|sau|trước|thuộc|gồm|như|mà|nơi)\b"
)  # ", tại bất kỳ cơ sở …" can go; ", chữa bệnh …" is half of "khám bệnh, chữa bệnh" and cannot


def shorten(text: str, limit: int = MAX_WORDS) -> str | None:
    """Shorten at natural boundaries: drop comma-separated qualifiers without figures, else keep the head."""
    parts = comma_parts(text)  # never between "thu, chi", "khám bệnh, chữa bệnh": one unit
    if len(parts) > 2 and re.search(r"\d", text):
        kept = list(parts)
        for part in sorted(parts[1:-1], key=len, reverse=True):
            if words(", ".join(kept)) <= limit:
                break
            if not re.search(r"\d|được|phải|không|cấm", part) and QUALIFIER_START.match(part) and not sets_terms(part):
                kept.remove(part)
        joined = ", ".join(kept)
        if words(joined) <= limit and PREDICATE.search(joined) and not is_open(joined):
            return joined
    if FIGURE.search(text) and (kept_figure := _subject_and_figure(parts, limit)):
        return kept_figure
    if " thì " in text:  # the head of "X, Y thì Z" is half a condition: the rule is Z
        return _main_clause(text, limit)
    for n in (
        n
        for n in range(len(parts) - 1, 0, -1)
        if cut_between(parts, n) and not splits_list(parts, n) and not misleading_head(text, ", ".join(parts[:n]))
    ):
        head = ", ".join(parts[:n])
        if 8 <= words(head) <= limit and PREDICATE.search(head) and not is_open(head) and not cut_loses(head, parts[n:]):
            # "Thời gian hưởng …, hợp đồng làm việc … không được tính là …": the rule is in the tail, the head is its subject
            if head.count("(") == head.count(")") and (MODAL_WORD.search(head) or not NEGATED_RULE.search(", ".join(parts[n:]))):
                return None if " được " in f" {head} " and any(OWED.match(p.strip()) for p in parts[n:]) else head
    return None


NO_HOLDER = re.compile(r"\b(?:này|đó)$|^(?:cứ|mỗi|từ|bản thân)\b")
MODAL_SPLIT = re.compile(r"\s(?:được|phải|không được|bị)\s")
VERB_FIRST = re.compile(r"^(?:được|phải|không|có|vẫn|sẽ|tiếp tục|thực hiện|sử dụng|tùy|ngoài|chỉ|đăng ký|nộp|đóng|hưởng)\b", re.I)


def _main_clause(text: str, limit: int) -> str | None:
    """ "Nhà ở … nằm trong hành lang …, được xây dựng trên đất … thì chủ sở hữu … được bồi thường …"
    → "Chủ sở hữu … được bồi thường …": when the condition is too long to say, the right it grants, with its holder."""
    if " thì " not in text:
        return None
    main = text.rsplit(" thì ", 1)[1].strip(" .;")
    subject = MODAL_SPLIT.split(main, maxsplit=1)
    if len(subject) < 2 or words(subject[0]) < 2 or not subject[0][:1].isalpha() or NO_HOLDER.search(subject[0]):
        return None  # "thời gian này được …", "bản thân, gia đình được …": whose only the condition said; "cứ thêm mỗi
        # con được nghỉ …": a count
    if VERB_FIRST.match(main):  # "sử dụng mã số thuế …", "không đóng bù …": the holder was in the condition
        return None
    if not (8 <= words(main) <= limit + 4) or is_open(main) or main.count("(") != main.count(")"):
        return None
    return f"{SOME_CASES}{lowerfirst(main)}"  # the rule holds only in the cases the condition said: never as for all


QUALIFIER = re.compile(r"\s(?:khi|trong trường hợp|trong thời gian|nhằm|để|theo|tại|do)\s")


def _subject_and_figure(parts: list[str], limit: int) -> str | None:
    """ "Mức trợ cấp một lần cho dân quân khi được công nhận …, cứ mỗi năm … được trợ cấp bằng 4.680.000 đồng"
    → "Mức trợ cấp một lần cho dân quân, cứ mỗi năm … 4.680.000 đồng": the head loses its qualifier, not the amount;
    never one that says what a figure of the head is for ("60% để hỗ trợ thành viên …")."""
    at = next((i for i, p in enumerate(parts) if i > 0 and FIGURE.search(p)), None)
    if at != 1 or not (m := QUALIFIER.search(parts[0])) or words(parts[0][: m.start()]) < 3 or FIGURE.search(parts[0]):
        # a part between the head and the figure is half of a list ("… đã được rà soát, phê duyệt mà …"): never cut
        return None
    joined = ", ".join([parts[0][: m.start()], *parts[at:]])
    if words(joined) <= limit and PREDICATE.search(joined) and not is_open(joined) and joined.count("(") == joined.count(")"):
        return joined
    return None


FIGURE = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:%|đồng(?!\s+thời)|triệu|tỷ|nghìn)")


def _with_period(text: str, short: str) -> str:
    """A shortened rule keeps the period it applies in ("… trong thời gian từ ngày 01 tháng 01 năm 2025 đến …")."""
    if (m := PERIOD.search(text)) and m[0] not in short and words(short) + words(m[0]) <= HARD_MAX_WORDS - 2:
        return f"{short.rstrip(' ,;.')} {m[0]}"
    return text if loses_period(text, short) else short  # a rule said without its period is not said (too long)


def split_units(text: str, limit: int = MAX_WORDS) -> list[str]:
    """One provision → complete sentences of at most `limit` words (never a cut clause)."""
    text = with_its_charge(with_its_deadline(with_its_exception(strip_noise(text))))
    out: list[str] = []
    for sentence in map(without_office_tail, SENTENCE_SPLIT.split(text)):
        sentence = ONE_EXCEPTED.sub(r"\g<rule>, \g<but>", sentence)
        pieces = shared([p for p in CLAUSE_BOUNDARY.split(sentence) if p])  # scripts.shared_subject
        if len(pieces) == 1 and words(sentence) > limit:
            pieces = also(sentence)
        if len(pieces) > 2 and ": " in pieces[0] and words(pieces[0].split(": ", 1)[0]) >= 8:
            # "… chỉ đạo … triển khai các biện pháp: A; B; C": the measures are the news, each said alone
            items = [pieces[0].split(": ", 1)[1], *pieces[1:]]
            pieces = [capfirst(p) for p in items if words(p) >= 5 and TASK_VERB.match(p)] or [sentence]
        elif len(pieces) > 1 and not all(words(p) >= 5 and PREDICATE.search(p) for p in pieces):
            pieces = first_standing(pieces, HARD_MAX_WORDS) or [sentence]  # a list by semicolons: a whole rule first, or all
        for piece in pieces:
            piece = piece.strip().rstrip(" ;.")
            whole, entire = piece, ""
            if words(piece) > limit:
                piece = condense(plain(piece), limit)
            if words(piece) > limit and (kept := with_condition(piece, limit, HARD_MAX_WORDS)):
                piece = kept  # a rule and its condition said whole, in fewer words
            elif words(piece) > limit:
                short = _with_period(piece, shorten(piece, limit) or piece)
                entire = piece if _loses_figures(piece, short) and words(piece) <= HARD_MAX_WORDS else ""
                piece = short  # said whole (`entire`) when it dropped a figure and no split keeps it
            candidate = finish(piece)
            said = candidate if candidate and words(candidate) <= HARD_MAX_WORDS and listenable(candidate) else ""
            if words(whole) > limit and (split := instead_of(whole, said, HARD_MAX_WORDS, _heard)):
                out += [finish(s) for s in split]  # dropped, or shortened past its figures: short sentences instead
            elif entire and _heard(entire):
                out.append(finish(entire))
            elif said:
                out.append(said)
    return raised_with_base(out, HARD_MAX_WORDS, listenable)


def _heard(text: str) -> bool:
    return listenable(finish(text)) and not check(finish(text))  # a rewritten provision's sentence: no listener flag


def lead_phrase(lead: str) -> str:
    """ "Nghiêm cấm các hành vi sau đây:" → "Nghiêm cấm các hành vi" — the part a point continues."""
    lead = strip_noise(lead).rstrip(" :")
    if ANNOUNCES.search(lead) or SCOPE_LABEL.match(lead):
        return ""  # "Giá vé đối với trẻ em được quy định như sau:" announces the list, "Đối tượng áp dụng:" labels it
    lead = LISTED_AFTER.sub("", LEAD_TAIL.sub("", lead)).rstrip(" ,:")  # "Không thu phí đối với [các trường hợp sau]"
    return OWN_PLURAL.sub(r"\1 \2", lead)  # "… có [các] nghĩa vụ" + "đăng ký …": "… có nghĩa vụ đăng ký …"
