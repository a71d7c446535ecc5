"""What a resident must hear that legal text states as a definition, a scale, an eligibility or a way to file.

Vietnamese legal text says these facts in set forms that the impact score (amounts, rights, bans) misses:
- a definition with a measurable threshold: "X là hàng hóa … dài trên 40 m", "Hộ … là hộ có thu nhập dưới …";
- a scale: "X gồm 5 cấp, từ cấp I đến cấp V", "…, bao gồm 12 điểm";
- a beneficiary: the points of an "Đối tượng áp dụng" clause that name residents with their conditions,
  which read as a noun phrase until the document's benefit is said of them ("Trẻ em … được hỗ trợ.");
- a way to file: "nộp hồ sơ trực tiếp, qua bưu chính hoặc qua dịch vụ công trực tuyến";
- the office that decides which case ("Sở … phê duyệt … trong trường hợp …"): where a resident goes;
- the places a rule covers: "Vùng … gồm đặc khu A và các xã, phường: B, C, …".
Each is news for residents; each is said as one complete sentence with its subject.
"""

from __future__ import annotations

import re

from scripts.legal import Article
from scripts.listener import passes
from scripts.point_leads import EXCEPTION_LEAD
from scripts.sentences import HARD_MAX_WORDS, MAX_WORDS, SENTENCE_SPLIT, capfirst, finish, flat, strip_noise, words

UNIT = (
    r"(?:m|mét|km|cm|mm|m2|m3|ha|héc-ta|tấn|tạ|kg|lít|tuổi|tháng|năm|ngày|giờ|%|người|lao động|điểm|lần|chỗ|"
    r"(?:nghìn |triệu |tỷ )?đồng)"
)
THRESHOLD_DEFINITION = re.compile(
    r"^(?:[A-ZĐÀ-Ỹ][^,;:.]{2,80}?)\s(?:được hiểu )?là\s[^;]*?"
    rf"\b(?:trên|dưới|từ|không quá|tối đa|tối thiểu|vượt quá|lớn hơn|nhỏ hơn|ít nhất)\s+\d[\d.,]*\s*{UNIT}(?!\w)"
)  # "Hàng hóa siêu trọng là hàng hóa … có trọng lượng trên 100 tấn"
COUNT = r"(?:\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?: hai)?)"
SCALE = re.compile(
    rf"\b(?:(?:bao )?gồm\s+(?:có\s+)?|(?:được\s)?(?:chia|phân)\s(?:thành|làm)\s){COUNT}\s+"
    r"(?:cấp độ|cấp|loại|nhóm|mức|hạng|bậc|vùng|khu vực|điểm)(?!\w)"
)  # "gồm 5 cấp", "bao gồm 12 điểm", "được chia thành 3 vùng"
FILING = re.compile(
    r"\bnộp\b[^.;]{0,60}?\b(?:trực tiếp|bưu chính|trực tuyến|dịch vụ công|Bộ phận (?:tiếp nhận|một cửa)|"
    r"Trung tâm phục vụ hành chính công)",
    re.I,
)
DECIDING_OFFICE = re.compile(
    r"^(?:Sở|Cục|Chi cục|Ủy ban nhân dân|Phòng|Công an|Bộ)\s[^.;:]{0,80}?\s(?:tổ chức\s)?"
    r"(?:phê duyệt|cấp giấy|cấp phép|cấp lại|cấp đổi|tiếp nhận hồ sơ|giải quyết hồ sơ)\b[^.;:]*\btrong (?:các )?trường hợp\b"
)  # which office decides which case: where a resident files
PAPERS = re.compile(
    r"^Hồ sơ\s[^.;:]{3,60}?\sgồm\s(?:đơn|bản sao|bản chính|giấy|tờ khai|sổ|ảnh|học bạ|phiếu|thẻ|căn cước)\b"
)  # "Hồ sơ tuyển sinh lớp 1 gồm đơn … và bản sao giấy khai sinh": what a resident brings, which "hồ sơ" counts against
FREE = re.compile(r"\b(?:vắc xin|tiêm|tiêm chủng|khám|xét nghiệm|thuốc)\b[^.;]{0,40}?\bmiễn phí\b", re.I)  # a free service
HELD_AT = re.compile(  # "Chiến dịch tiêm … được tổ chức tại Trạm Y tế xã …": when and where residents go (label_lines)
    r"^(?:Chiến dịch|Đợt|Ngày hội|Tiêm|Khám|Tổng vệ sinh)\b[^.;]{0,80}?\sđược (?:tổ chức|triển khai|thực hiện) (?:tại|ở|từ ngày)\s"
)
BONUSES: tuple[tuple[re.Pattern[str], float], ...] = ((THRESHOLD_DEFINITION, 7.0), (SCALE, 5.0), (FILING, 8.0))
BONUSES += ((DECIDING_OFFICE, 6.0), (PAPERS, 6.0), (FREE, 6.0), (HELD_AT, 5.0))
PLACED = re.compile(r"\sđược (?:tổ chức|triển khai|thực hiện) (?:tại|ở)\s")  # where it is held: a fact apart from when
# a filing route always names "hồ sơ" and "cơ quan", which the admin score counts against it: 8 leaves it about 6


def bonus(text: str) -> float:
    """What a sentence stating a threshold, a scale, a filing route or a deciding office adds to its score."""
    return sum(w for pattern, w in BONUSES if pattern.search(text))


INLINE_POINT = re.compile(r"^(?P<head>[^.;:!?()\n]{3,120}?)[ \t]+a\)\s+(?P<body>[A-ZĐÀ-Ỹ].*)$", re.S)
HEAD_VERB = re.compile(r"\b(?:được|phải|là|có|không|bị|thì|gồm)\b")


def inline_point(passage: str) -> tuple[str, str] | None:
    """ "Đối tượng áp dụng a) Trẻ em …": a clause heading run into its first point; (heading, point a's text)."""
    if (m := INLINE_POINT.match(passage)) and not HEAD_VERB.search(m["head"]):
        return m["head"], m["body"]
    return None


BENEFICIARY_HEAD = re.compile(r"^Đối tượng(?: áp dụng| được| hưởng| thụ hưởng| và điều kiện|, điều kiện)", re.I)
RESIDENT_NOUN = re.compile(
    r"^(?:Trẻ em|Trẻ|Người|Hộ|Học sinh|Sinh viên|Giáo viên|Công nhân|Lao động|Nông dân|Thân nhân|Cá nhân|Thành viên|"
    r"Dân quân|Cựu chiến binh|Phụ nữ|Bà mẹ|Ngư dân|Chủ hộ)\b"
)
BENEFIT = re.compile(r"\b(?P<verb>hỗ trợ|trợ cấp|trợ giúp|bồi dưỡng|miễn|giảm|hưởng)\b", re.I)
LICENSED = re.compile(
    r",?\s(?:đã\s)?được cơ quan (?:nhà nước\s)?có thẩm quyền\s[^,;]*?theo (?:đúng\s)?quy định(?: của pháp luật)?"
)  # "đã được cơ quan có thẩm quyền cấp phép thành lập và hoạt động theo quy định": the listener assumes it
KIND_OF = re.compile(r"\bthuộc loại hình\s")


OBJECT_END = re.compile(r",?\s(?:đối với|cho|trên địa bàn|giai đoạn|năm|tại|của|theo|để|nhằm|và)\s|[;(]|$")


def given_object(tail: str) -> str:
    """ "… chính sách hỗ trợ [học phí đối với …]" → " học phí": what the document's benefit is, said after its verb,
    so that a beneficiary hears what they get ("… được hỗ trợ học phí"), not only that something is given."""
    what = tail[: OBJECT_END.search(tail).start()].strip()  # type: ignore[union-attr]
    if not what or words(what) > 6 or RESIDENT_NOUN.match(capfirst(what)) or re.search(r"\d", what):
        return ""
    return f" {what}"


RELATIVE_IS = re.compile(r"\s(?:và\s)?có (?P<rel>[^.;]*?\b(?:cha|mẹ|vợ|chồng|con|người)\b[^.;]*?) là (?P<status>[^.;]+)$")
# "… có cha hoặc mẹ là công nhân …": eligibility through a relative, a condition of its own


def beneficiary(text: str, doc_title: str, heading: str = "") -> list[str]:
    """ "Trẻ em đang học tại … có cha hoặc mẹ là công nhân …" → "… được hỗ trợ.": the noun phrase said as a right;
    too long for one hearing, each condition is said as its own sentence of what the beneficiary must be."""
    source = heading if (own := BENEFIT.search(heading)) else doc_title  # "Đối tượng được miễn học phí": its own benefit
    if not (head := RESIDENT_NOUN.match(text)) or not (benefit := own or BENEFIT.search(doc_title)):
        return []
    said = KIND_OF.sub("", LICENSED.sub("", strip_noise(text))).rstrip(" .;,").replace(" tại các ", " tại ", 1)
    if re.search(r"\b(?:được|phải|bị)\b", said):
        return []  # already a rule of its own
    holder, verb = head[0], benefit["verb"].lower() + given_object(source[benefit.end() :])
    out = [finish(f"{said} được {verb}")]
    if words(out[0]) > MAX_WORDS and (m := RELATIVE_IS.search(said)):
        relative = m["rel"].removesuffix(f" {holder.lower()}")
        out = [
            finish(f"{holder} được {verb} phải {said[len(holder) : m.start()].strip(' ,')}"),
            finish(f"{holder} được {verb} phải có {relative} là {m['status']}"),
        ]
    return out if all(words(s) <= HARD_MAX_WORDS and passes(s) for s in out) else []


BENEFICIARY_TITLE = re.compile(r"\bđối tượng\b", re.I)  # "Đối tượng áp dụng", "Đối tượng hỗ trợ", "Đối tượng và mức hỗ trợ" …
GROUP_SAYS = re.compile(r"\b(?:được|phải|cấm|thì|là|có trách nhiệm|có nghĩa vụ|thuộc (?:đối tượng|diện)|(?:kể )?từ ngày \d)")


def bare_group(text: str, title: str) -> bool:
    """ "Điều 1. Đối tượng áp dụng" then "1. Hộ gia đình có nhà ở bị sập đổ … do thiên tai.": an item of the list,
    heard alone as a sentence that says nothing; said only as `beneficiary` gives it its benefit."""
    return bool(BENEFICIARY_TITLE.search(title) and RESIDENT_NOUN.match(text) and not GROUP_SAYS.search(text))


PLACES = re.compile(
    r"^(?P<what>[^:;]{5,120}?)\s(?:bao )?gồm\s(?P<head>[^:;]{0,60}?\bcác\s(?P<kind>(?:xã|phường|thị trấn|đặc khu|thôn|bản)"
    r"(?:,\s(?:xã|phường|thị trấn|đặc khu|thôn|bản))*))\s*:\s*(?P<names>[^;.]+)"
)


def places(text: str) -> str | None:
    """ "Vùng … gồm đặc khu A và các xã, phường: B, C, …" said whole, or with the count when the names are many."""
    if not (m := PLACES.match(text)):
        return None
    names = [n.strip() for n in m["names"].split(",") if n.strip()]
    whole = finish(f"{m['what']} gồm {m['head']}: {', '.join(names)}")
    if words(whole) <= MAX_WORDS:
        return whole
    counted = m["head"][: m.start("kind") - m.start("head")].removesuffix("các ") + f"{len(names)} {m['kind']}"
    return finish(f"{m['what']} gồm {counted}")


SUBJECT_END = re.compile(r"\s(?:được dùng|dùng để|được|nhằm|để|là)\s|,")


def scale(text: str) -> str | None:
    """ "X, dùng để …, bao gồm 12 điểm" → "X gồm 12 điểm": the scale with its subject, the purpose left to the document."""
    if not (m := SCALE.search(text)):
        return None
    if words(text) <= MAX_WORDS and passes(finish(text)):
        return finish(text)
    subject = SUBJECT_END.split(text[: m.start()], maxsplit=1)[0].strip()
    tail = re.split(r"[;:]|\.\s", text[m.start() :], maxsplit=1)[0].removeprefix("bao ")
    said = finish(f"{subject} {tail}")
    return said if words(subject) >= 2 and words(said) <= MAX_WORDS and passes(said) else None


def filing(text: str) -> str | None:
    """ "Tổ chức, cá nhân nộp 01 bộ hồ sơ trực tiếp hoặc qua hệ thống bưu chính …": where and how a resident files."""
    if not FILING.search(text) or text.startswith(("Nộp", "nộp")):
        return None
    said = finish(re.sub(r"\bqua hệ thống (?=bưu chính|dịch vụ công)", "qua ", text))
    return said if words(said) <= HARD_MAX_WORDS and passes(said) else None


def notions(article: Article, doc_title: str) -> list[tuple[str | None, str | None, str, str]]:
    """(clause, point, quote, sentence) for each definition, scale, beneficiary, filing route or list of places."""
    out: list[tuple[str | None, str | None, str, str]] = []
    heads: dict[str | None, str] = {}
    leads: dict[str | None, str] = {}
    for clause, point, passage in article.passages():
        text = flat(passage)
        if point is None and (split := inline_point(passage)):
            heads[clause], point, text = split[0], "a", flat(split[1])
        elif point is None and words(text) <= 8 and not text.endswith("."):
            heads[clause] = text  # "2. Đối tượng áp dụng" then its points
        if point is None:
            leads[clause] = text
        head = heads.get(clause) or article.title
        for sentence in SENTENCE_SPLIT.split(text):
            plain = strip_noise(sentence).rstrip(" ;")
            said = [places(plain) or scale(plain) or filing(plain)]
            if BENEFICIARY_HEAD.match(head) and not (point and EXCEPTION_LEAD.search(leads.get(clause, ""))):
                said += beneficiary(plain, doc_title, head)  # "Không áp dụng … đối với:" lists whom the benefit skips
            out.extend((clause, point, sentence, s) for s in said if s)
    return out
