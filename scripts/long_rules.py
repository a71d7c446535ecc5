"""A provision too long to say in one breath, said as two or three short sentences, each with its holder.

``scripts.sentences.split_units`` first tries to say a long provision in fewer words (``condense``,
``with_condition``, ``shorten``); when nothing fits, the sentence used to be dropped, and with it the
figures a resident must hear. Here the sentence is cut where Vietnamese legal syntax joins two
statements about one holder, and the holder is said again before the second:

- coordinated predicates after one subject, "S V1 A, V2 B, V3 C": "Lực lượng X phối hợp với …
  tăng cường kiểm tra …, bảo đảm trực 24/24 giờ, tăng cường kiểm tra …" → "Lực lượng X phối hợp
  với … tăng cường kiểm tra …" + "Lực lượng X bảo đảm trực 24/24 giờ, tăng cường kiểm tra …".

Faithfulness first: a cut is refused when a word said once governs every predicate after it, so
that the second sentence would say something the law does not — a negation or a ban ("không",
"chưa", "cấm"), an exception or a condition ("trừ", "nếu", "khi", "trường hợp"), a sentence that
opens with a condition. The obligation ("phải", "có trách nhiệm", "được") is said again with the
holder, but "được" (a right, a benefit) never before a duty ("chịu trách nhiệm", "hoàn trả", "thực hiện"
…): such a provision is not cut. Nothing is added but the holder's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scripts.holders import CASE_OPENINGS
from scripts.long_conditions import conditions
from scripts.long_kinds import kinds
from scripts.long_labels import DETAILS as DETAILS  # said by scripts.sentences.complete
from scripts.long_labels import labelled
from scripts.long_parts import cut_between as cut_between  # said by shorten
from scripts.long_parts import first_standing as first_standing  # said by split_units
from scripts.long_parts import without_office_tail as without_office_tail  # said by split_units
from scripts.long_tails import holder_apart, tails
from scripts.negation import BAN, NEGATION

ACTION = (
    r"(?:tăng cường|đẩy mạnh|đảm bảo|bảo đảm|thực hiện|kiểm tra|tổ chức|chỉ đạo|hướng dẫn|triển khai|theo dõi|"
    r"phát hiện|xử lý|tuyên truyền|vận động|chủ động|kịp thời|bố trí|duy trì|huy động|khẩn trương|thông báo|"
    r"cung cấp|xây dựng|rà soát|giám sát|ngăn chặn|hạn chế|nâng cao|trực|lập|phổ biến|hỗ trợ|sẵn sàng|"
    r"chuẩn bị|tham mưu|đề xuất|ban hành|công khai|cập nhật|quản lý chặt chẽ|chịu trách nhiệm|phối hợp)"
)
PREDICATE_START = re.compile(rf"^(?!tổ chức\s){ACTION}\s")  # "cơ quan, tổ chức quản lý …": an organisation, not an act
# The holder: a noun phrase at the start, up to the first verb of its predicate ("Lực lượng Công an | phối hợp với …")
HOLDER = re.compile(
    rf"^(?P<holder>[A-ZĐÀ-Ỹ][^;:()]{{2,70}}?)\s+(?P<modal>(?:phải|có trách nhiệm|được|cần|chủ trì,?)\s+)?(?={ACTION}\s)"
)
NOT_A_HOLDER = re.compile(
    rf"^(?:{CASE_OPENINGS}|Các trường hợp|Hoạt động|Công tác)\b|"
    rf"\b(?:là|thì|mà|được|phải|không|có trách nhiệm|chủ trì|hợp tác|{ACTION})\b|,$",
    re.I,
)  # "Chủ trì, phối hợp …", "Hỗ trợ, hợp tác với lực lượng …", "Hoạt động kiểm tra …": an act or a list, no holder
# A word said once that governs every predicate after it: the second sentence would lose it
GOVERNS_ALL = re.compile(rf"\b(?:{NEGATION}|{BAN}|trừ|ngoại trừ|nếu|khi|trường hợp|thì|tùy|chỉ)\b", re.I)
LATE_CONDITION = re.compile(
    r",\s+(?:trừ|ngoại trừ|nếu|khi|trong trường hợp|trường hợp|riêng|nhưng|song)\b"
)  # may govern every part
PAIRED = re.compile(
    r"(?:khám bệnh|sản xuất|mua bán|tổ chức|kiểm tra|phòng|cứu nạn|chủ trì), "
    r"(?=chữa bệnh|kinh doanh|trao đổi|thực hiện|giám sát|chống|cứu hộ|phối hợp)"
)
# A duty the holder bears: never said after a "được" that granted the first predicate a right or a benefit
# ("Người dân được hỗ trợ …, chịu trách nhiệm hoàn trả …" is not "Người dân được chịu trách nhiệm hoàn trả …")
DUTY = re.compile(
    r"^(?:chịu trách nhiệm|có trách nhiệm|có nghĩa vụ|thực hiện|phải|nộp|hoàn trả|chấp hành|tuân thủ|bảo đảm|"
    r"đảm bảo|khai báo|cam kết|bồi thường|chủ động|khẩn trương|kịp thời|sẵn sàng|chuẩn bị|duy trì|trực)\b",
    re.I,
)
MIN_PREDICATE_WORDS = 4
NUMBER = re.compile(r"\d[\d.,/]*\d|\d")  # "24/24", "01.000.000": a figure counted whole


def _words(text: str) -> int:
    return len(text.split())


def _parts(text: str) -> list[str]:
    """Split at commas, but not inside "khám bệnh, chữa bệnh", "kiểm tra, giám sát": one act said with two verbs."""
    return [p.replace("\x01", ", ") for p in PAIRED.sub(lambda m: m[0][:-2] + "\x01", text).split(", ")]


def _predicates(text: str) -> list[str]:
    """ "S V1 A, B, V2 C, V3 D" → ["S V1 A, B", "V2 C", "V3 D"]: a part opening with a verb starts a predicate,
    unless it follows a short item ("quan trắc, đo đạc, giám sát tài nguyên nước": a list of acts named, not done)."""
    groups: list[list[str]] = []
    for part in _parts(text):
        after_item = bool(groups) and _words(groups[-1][-1]) < MIN_PREDICATE_WORDS + 1
        if groups and PREDICATE_START.match(part) and _words(part) >= MIN_PREDICATE_WORDS and not after_item:
            groups.append([part])
        elif groups:
            groups[-1].append(part)
        else:
            groups = [[part]]
    return [", ".join(g) for g in groups]


def coordinated(text: str, limit: int, ok: Callable[[str], bool]) -> list[str]:
    """ "S V1 A, V2 B, V3 C" → ["S V1 A", "S V2 B, V3 C"]: each sentence within `limit` words and `ok`; [] when the
    cut is not faithful (a negation, a condition or an exception governs the predicates) or leaves a part unsaid."""
    m = HOLDER.match(text)
    if not m or NOT_A_HOLDER.search(m["holder"]) or _words(m["holder"]) > 12:
        return []
    predicates = _predicates(text)
    if len(predicates) < 2 or GOVERNS_ALL.search(predicates[0]):
        return []
    if LATE_CONDITION.search(text):
        return []
    modal = (m["modal"] or "").replace("chủ trì", "").strip(" ,")
    if modal == "được" and any(DUTY.match(p) for p in predicates[1:]):
        return []  # the right is the holder's, the duty too: "được" said again would turn the duty into a right
    again = f"{m['holder']} {modal + ' ' if modal else ''}"
    out = [predicates[0]]
    for predicate in predicates[1:]:
        joined = f"{out[-1]}, {predicate}"
        if len(out) > 1 and _words(joined) <= limit:
            out[-1] = joined
        else:
            out.append(again + predicate)
    if any(_words(s) <= limit and not ok(s) for s in out):
        return []  # a part that fits but cannot be heard alone: the cut was not where a statement ends
    return [s for s in out if _words(s) <= limit]  # each stands alone: one too long to say goes alone


def instead_of(whole: str, said: str, limit: int, ok: Callable[[str], bool]) -> list[str]:
    """The provision as short sentences when what was kept of it (`said`, "" when nothing) lost a figure it gives, or
    as the rule and its tail (an exception, a condition, a breakdown: ``scripts.long_tails``) when it has one."""
    if told := tails(whole, limit, ok):
        return told  # said whole in two sentences, rather than shortened past what qualifies it
    if said and _numbers(said) >= _numbers(whole):
        return []
    split = coordinated(whole, limit, ok) or kinds(whole, limit, ok) or conditions(whole, limit, ok)
    split = (
        split or holder_apart(whole, limit, ok) or labelled(whole, limit, ok)
    )  # "Quy định này áp dụng cho người …" + "Những người này được …"
    return split if split and (not said or _numbers(" ".join(split)) > _numbers(said)) else []


def _numbers(text: str) -> set[str]:
    return set(NUMBER.findall(text))


ALSO = re.compile(r",\s+(?:đồng thời|và đồng thời)\s+(?=(?:là|được|phải|có|không)\b)")
SUBJECT = re.compile(r"^(?P<subject>[^,;:]{3,60}?)\s+(?=(?:là|được|phải|có|không được|bằng)\b)")


def also(sentence: str) -> list[str]:
    """ "X là A, đồng thời là B" → "X là A" and "X đồng thời là B": two facts, each with its subject."""
    parts = ALSO.split(sentence, maxsplit=1)
    subject = SUBJECT.match(sentence)
    if len(parts) < 2 or not subject:
        return [sentence]
    return [parts[0], f"{subject['subject']} đồng thời {parts[1]}"]
