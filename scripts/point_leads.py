"""A list point, or a line under a heading, said together with the lead it continues.

A provision often gives its holder and verb once and its objects in a list: "Người tham gia được hỗ trợ các khoản
sau:" then "a) Tiền ăn 30.000 đồng/người/ngày;". Read alone, the point is a noun phrase without a verb; read glued to
its lead ("… các khoản sau tiền ăn …") it is a lead and an item, not a sentence. A listener needs one sentence that
says who gets what: "Người tham gia được hỗ trợ tiền ăn 30.000 đồng/người/ngày." The same holds for a clause title
followed by its amount or date ("Mức hỗ trợ tiền thuê chỗ ở" / "50.000 đồng/người/ngày."), and for the points of an
exception ("Không áp dụng … đối với:"), which must never be heard as the rule.
"""

from __future__ import annotations

import re

from scripts.announcing import ANNOUNCE_TAIL, ANNOUNCING
from scripts.bare_rows import OWN_RULE as ROW_RULE
from scripts.bare_rows import PEOPLE
from scripts.benefits import beneficiary, benefit_verbs
from scripts.benefits import received as said_received
from scripts.lead_items import QUALIFIER
from scripts.sentences import (
    HARD_MAX_WORDS,
    MAX_WORDS,
    PREDICATE,
    complete,
    finish,
    flat,
    listenable,
    lowerfirst,
    strip_noise,
    words,
)
from scripts.tasks import DEADLINE_DUTY

VALUE = re.compile(
    r"(?:(?:từ|tối đa|tối thiểu|không quá)\s+)?\d[\d.,]*\s*(?:đồng|%|nghìn|triệu|tỷ)\b.*|"
    r"(?:từ|kể từ|trước|đến hết|đến)\s+(?:ngày|tháng|năm học|năm|học kỳ)\s+\d.*",
    re.I,
)  # an amount or a date, said under a label
LABEL = re.compile(
    r"^(?P<label>(?:Mức|Thời gian|Thời hạn|Thời điểm|Tiền|Giá|Phí|Lệ phí|Học phí|Tỷ lệ|Số tiền|Định mức|Địa điểm|Nơi)\b"
    rf"[^\d:;,.()]{{3,90}}?)\s*:?\s+(?P<value>{VALUE.pattern}|(?<=:\s)(?:tại|ở)\s+\S.*)$",  # "Địa điểm tiêm: tại nhà văn hóa …"
    re.I,
)
HOLDER_VALUE = re.compile(rf"^(?P<who>[^\d:;]{{3,80}}?)\s+(?P<value>{VALUE.pattern})$", re.I)  # "Hộ nghèo 1.500.000 đồng"
OWNED = ("quyền", "trách nhiệm", "nghĩa vụ")  # "… có quyền sau đây:": the noun is the lead's verb, not its list word
LIST_NOUNS = (
    r"quyền|trách nhiệm|nghĩa vụ|trường hợp|điều kiện|giấy tờ|nội dung|vị trí|khoản|chế độ|hành vi|việc|yêu cầu|"
    r"quy định|biện pháp|căn cứ|chính sách|mức"
)
# "… được hỗ trợ các khoản sau:", "… không được dừng xe, đỗ xe tại các vị trí sau đây:", "… trong các trường hợp sau
# đây:": the words that only announce a list, with the preposition that links the list to the rule when there is one
LIST_TAIL = re.compile(
    r"\s*,?\s*(?:(?P<prep>trong|tại|ở|trên|đối với|cho|khi (?:có|thuộc))\s+)?(?:(?:một trong|một số)\s+)?"
    r"(?:(?:các|những)\s+(?P<noun>(?:[^\s,;:]+\s+){1,4}?)|(?P<kind>" + LIST_NOUNS + r")\s+)(?:sau đây|dưới đây|sau)\s*:?\s*$"
)
# the lead's own verb: who gets, pays, must or may not — a lead without one ("Đối tượng áp dụng:") holds no rule to share
HOLDER_VERB = re.compile(
    r"\b(?:được|phải|không được|nghiêm cấm|cấm|có quyền|có trách nhiệm|có nghĩa vụ|bị|hưởng|mang theo|nộp|đóng)\b", re.I
)
# internal work of agencies (budget, reporting, files, coordination): not for residents, left as it was
AGENCY_LEAD = re.compile(
    r"\b(?:kinh phí|ngân sách|dự toán|báo cáo|hồ sơ|thủ tục|cơ sở dữ liệu|nhiệm vụ|quyền hạn|phối hợp|hợp tác|"
    r"chức năng|thẩm quyền|quy định nội dung|giao)\b",
    re.I,
)
EXCEPTION_LEAD = re.compile(
    r"^(?:Không áp dụng|Trừ|Ngoại trừ)\b|\bkhông áp dụng\b(?:\s+\S+){0,10}$|"
    r"^(?:(?:Các|Những)\s+)?(?:trường hợp|đối tượng|người)\s+(?:không|chưa)\s+(?:được|thuộc|phải)\b|"
    r"\b(?:không|chưa) được (?:hưởng|hỗ trợ|miễn|giảm|cấp)\b[^,]{0,60}$",
    re.I,
)  # "Không áp dụng mức miễn học phí đối với:", "Các trường hợp không được hỗ trợ:": its points are what the rule spares
DOING = re.compile(r"\b(?:nội dung|việc|yêu cầu|biện pháp|hành vi|quy định)$")
CONDITION_NOUN = re.compile(r"\b(?:điều kiện|tiêu chuẩn)$")
DUTY = re.compile(r"\bphải\b|\b(?:đáp ứng|tuân thủ|bảo đảm)$")
CONDITION_START = re.compile(r"^(?:khi|nếu|trong|trường hợp|lúc)\b", re.I)
PLACE_START = re.compile(r"^(?:tại|trên|ở|dưới|trong|ngoài)\b", re.I)
CONTINUES = re.compile(r"^(?:được|không được|phải|có)\b", re.I)  # "Được đăng ký biển số …" after "… có quyền sau đây:"
MEMBERS = re.compile(
    r"^(?:(?:Các|Những)\s+)?(?P<who>đối tượng|trường hợp|người|hộ)\s+(?P<pred>(?:được|phải|không phải|bị)\s.+?)\s*,?\s*"
    r"(?:bao gồm|gồm có|gồm)\s*:?$",
    re.I,
)  # "Đối tượng được miễn học phí gồm:": each member is said with the benefit
OWN_RULE = re.compile(r"\b(?:phải|bị|là|thì|bằng|không được)\b|\d[\d.,]*\s*(?:%|đồng)|^(?:được|khi|nếu)\b", re.I)
OTHER = re.compile(r"^(?:các |những )?(?:hành vi|trường hợp|việc|nội dung|loại|đối tượng|xe|giấy tờ)\s+khác\b", re.I)


def _items(point: str) -> list[str]:
    """ "Hộ nghèo; hộ cận nghèo." → each item of a point, list markers and end marks gone."""
    body = strip_noise(point).rstrip(" .;")
    return [i.strip(" .;,") for i in body.split(";") if i.strip(" .;,")]


def _said(text: str) -> str | None:
    said = finish(text)
    return said if words(said) <= HARD_MAX_WORDS and listenable(said) else None


def _repeated(core: str, items: list[str]) -> list[str] | None:
    """ "Hộ nghèo được hỗ trợ như sau:" + "Hỗ trợ 40.000.000 đồng/hộ …" → "Hộ nghèo được hỗ trợ 40.000.000 đồng/hộ …":
    the point repeats the lead's verb, said once. None unless every point does."""
    verb = re.search(r"\b(?:được|phải|không được)\s+(?P<verb>\S+(?:\s\S+)?)$", core)
    if not verb or not (holder := core[: verb.start()].strip(" ,")) or words(holder) < 2:
        return None
    said: list[str | None] = []
    for item in items:
        first = lowerfirst(item).split()
        n = next((k for k in (2, 1) if first[:k] == verb["verb"].split()[-k:] and len(verb["verb"].split()) >= k), 0)
        if not n or len(first) <= n:
            return None
        said.append(_said(f"{core} {' '.join(first[n:])}"))
    kept = [s for s in said if s and words(s) <= MAX_WORDS + 8]
    return kept or None


def _continuation(core: str, prep: str | None, noun: str, item: str) -> str:
    """The lead's rule followed by the item, linked as the lead's list words linked them."""
    item = lowerfirst(item)
    if prep in ("đối với", "cho") and PEOPLE.match(item) and not ROW_RULE.search(item):
        return f"{core} {prep} {item}"  # "Không thu phí … đối với các trường hợp sau:" + "Học sinh tiểu học"
    if "trường hợp" in noun or "căn cứ" in noun:  # "… trong các trường hợp sau đây:" + "Khi có người đi bộ qua đường"
        if CONDITION_START.match(item) or PLACE_START.match(item) or re.match(r"(?:trước|sau|từ)\s", item):
            return f"{core} {item}"
        if PEOPLE.match(item) and not OWN_RULE.search(item) and " được " not in item:  # "Trẻ em dưới 6 tuổi": a who
            verb = re.search(r"\s(?=(?:được|phải|không được)\s)", core) if PEOPLE.match(core) else None
            return f"{core[: verb.start()]} là {item}{core[verb.start() :]}" if verb else f"{core} đối với {item}"
        return f"{core} {'tại' if item.startswith('nơi ') else 'khi'} {item}"
    if prep and prep not in ("trong", "khi có", "khi thuộc"):
        return f"{core} {item}" if PLACE_START.match(item) else f"{core} {prep} {item}"
    return f"{core} {item}"


def excepted(lead: str, point: str) -> list[str] | None:
    """ "Không áp dụng … đối với:" + "a) Người học đã được hỗ trợ học phí từ nguồn khác;": an exception's point is
    said with its lead or not at all ([]) — alone it would be heard as the rule. None when the lead is no exception."""
    bare = flat(strip_noise(lead)).rstrip(" :")
    if not lead.rstrip().endswith(":") or not EXCEPTION_LEAD.search(bare):
        return None
    if words(RULELESS.sub("", bare)) < 2:
        return []  # "Trừ các trường hợp sau đây:": an exception to a rule it does not name, heard as a fragment
    if tail := LIST_TAIL.search(bare):  # "… không được hỗ trợ trong các trường hợp sau:" + "Bỏ học từ 30 ngày …"
        core, noun = bare[: tail.start()].rstrip(" ,"), (tail["noun"] or tail["kind"]).strip()
        return [s for i in _items(point) if (s := _said(_continuation(core, tail["prep"], noun, i)))]
    if m := SPARED.match(bare):  # "Đối tượng không phải nộp phí gồm:" + "Hộ nghèo" → "Hộ nghèo không phải nộp phí."
        return [s for i in _items(point) if not OWN_RULE.search(i) and (s := _said(f"{i} {m['pred']}"))]
    bare = ANNOUNCE_TAIL.sub("", bare)
    if not re.search(r"\s(?:đối với|cho|với|tại|ở)$", bare):
        return []  # the point cannot continue this lead: said neither glued nor alone
    return [s for i in _items(point) if (s := _said(f"{bare} {lowerfirst(i)}"))]


BANNED = re.compile(r"\bcấm\b|không được|hành vi|vi phạm|xử phạt|xử lý", re.I)  # a banned act is never a benefit
RULELESS = re.compile(
    r"^(?:Không áp dụng|Trừ|Ngoại trừ)\b|\s*,?\s*(?:(?:đối với|cho|trong|khi có)\s+)?(?:(?:các|những)\s+)?"
    r"(?:trường hợp|đối tượng)?\s*(?:sau đây|như sau|sau|gồm|bao gồm)?$",
    re.I,
)  # the exception words and the list words: what is left names the rule excepted from
SPARED = re.compile(
    r"^(?:(?:Các|Những)\s+)?(?:đối tượng|trường hợp|người|hộ)(?:\s[^,:;]{1,40}?)?"
    r"\s(?P<pred>(?:(?:không|chưa)\s+(?:được|phải|thuộc)|không áp dụng)\s.+?)"
    r"(?:\s*,?\s*(?:bao gồm|gồm có|gồm|như sau|sau đây))?$",
    re.I,
)  # whom a duty or benefit does not reach, listed: each is said with the negated rule


def with_list_lead(lead: str, point: str) -> list[str] | None:
    """The point said as one sentence with its lead's holder and verb; None when this rule does not apply (the
    caller says the point as before)."""
    lead = flat(strip_noise(lead)).rstrip()
    items = _items(point)
    if not items or not lead.endswith(":") or AGENCY_LEAD.search(lead) or any(QUALIFIER.match(i) for i in items[1:]):
        return None  # "Nộp phí …; trừ hộ nghèo": the exception belongs to the act before it, not an item of its own
    bare = lead.rstrip(" :")
    if (
        not BANNED.search(bare)
        and all(received(i) != i for i in items)
        and (got := [s for i in items if (s := _said(received(i)))])
    ):
        return got  # "Chính sách hỗ trợ gồm:" + "Hỗ trợ 100% học phí cho học sinh khuyết tật": a sentence of its own
    if m := MEMBERS.match(bare):
        members = [_said(f"{i} {m['pred']}") for i in items if not OTHER.match(i) and not OWN_RULE.search(i)]
        return [s for s in members if s] if len(members) == len(items) else None
    if m := OWNER.match(bare):
        return _owned(m["kind"], m["who"], items)
    listed = LIST_TAIL.search(bare)
    core = bare[: listed.start()].rstrip(" ,") if listed and not listed["prep"] else ANNOUNCE_TAIL.sub("", bare)
    if (repeated := _repeated(core, items)) is not None:
        return repeated
    if m := CONDITIONS.match(bare):
        return _conditions(m["what"], items)
    if (m := HELD_IF.match(bare)) and PEOPLE.match(m["who"]):  # "Hộ gia đình được vay vốn … khi có đủ các điều kiện sau:"
        return _conditions(f"{m['what']} đối với {lowerfirst(m['who'])}", items) or []  # or not at all
    if LABEL_HEAD.match(bare) and not LABEL_VERB.search(label := ANNOUNCE_TAIL.sub("", bare)):
        return _valued(label, items)
    if not (tail := LIST_TAIL.search(bare)):
        return None
    core = bare[: tail.end("kind") if tail["kind"] in OWNED else tail.start()].rstrip(" ,")  # "có trách nhiệm sau:"
    if not HOLDER_VERB.search(core):
        return None
    noun = (tail["noun"] or tail["kind"]).strip()
    said: list[str | None] = []
    for item in items:
        if OTHER.match(item) or GENERIC.search(item) or words(item) < 2:
            continue
        if (sentence := _one(core, tail["prep"], noun, item)) is None:
            return None  # a point that is a sentence of its own stands alone
        said.append(_said(sentence))
    kept = [s for s in said if s and words(s) <= MAX_WORDS + 8]
    return kept or None


def _one(core: str, prep: str | None, noun: str, item: str) -> str | None:
    """One item said with the lead's holder and verb, or None when the item is a sentence of its own."""
    holder = _holder(core)
    item = KIEM.sub(lambda m: m[0].lower(), item)  # "Kiểm tra …" (not "Kiểm lâm"): a verb, said in lower case
    if holder and noun in OWNED and (m := DEADLINE_DUTY.match(item)):  # "Chậm nhất 15 ngày …, thông báo …"
        return f"{item[: m.start('rest')].rstrip(' ,')}, {lowerfirst(core)} {m['rest']}"  # "…, hộ … có nghĩa vụ thông báo …"
    if CONTINUES.match(item):  # "Được đăng ký …", "Phải đi trên vỉa hè …": the item has the lead's verb already
        if not holder or MODAL_AFTER.search(item, 6):
            return None
        if noun in OWNED and not re.match(r"(?:không|phải)\s", item, re.I):  # "… có quyền sau đây:" + "Được đăng ký …"
            return f"{core} {lowerfirst(item)}"  # "… có quyền được đăng ký …"; never "… có nghĩa vụ không được …"
        duty = DUTY.search(core) and re.match(r"(?:được|có)\s", item, re.I)
        return f"{holder} {'phải ' if duty else ''}{lowerfirst(item)}"  # "… phải đáp ứng:" + "Có niên hạn …"
    if (ban := BAN.search(core)) and DOING.search(noun) and not MODAL_AFTER.search(item):
        # "Nghiêm cấm các hành vi sau đây:" + "Kê khai gian dối …"; "Cán bộ không được thực hiện các hành vi sau:"
        return f"{core[: ban.end('verb')]} {lowerfirst(item)}"
    if PREDICATE.search(item) and not CONDITION_START.match(item) or MODAL_AFTER.search(item):
        return None
    if DOING.search(noun) or CONDITION_NOUN.search(noun) and COND_VERB.match(item):
        # "… phải tuân thủ các quy định sau:" + "Vận chuyển hành khách đúng lịch trình …"; "… phải đáp ứng các điều
        # kiện sau:" + "Cam kết trồng rừng …" → "… phải cam kết trồng rừng …"
        if not holder or not (m := DOING_VERB.search(core)):
            return None
        head, item = core[: m.start()], lowerfirst(item)
        if item.startswith("không ") and head.endswith(" phải"):  # "… phải tuân thủ:" + "Không chở hành khách …"
            return f"{head.removesuffix(' phải')} không được {item.removeprefix('không ')}"
        return f"{head} {item}"
    return _continuation(core, prep, noun, item)


def _holder(core: str) -> str:
    """ "Người trúng đấu giá biển số xe có quyền" → "Người trúng đấu giá biển số xe": who the lead is about."""
    verbs = list(HOLDER_VERB.finditer(core))
    holder = core[: verbs[-1].start()].strip(" ,") if verbs else ""
    return "" if not holder or CONDITION_START.match(holder) or words(holder) < 2 else holder


BAN = re.compile(r"(?:^|\s)(?P<verb>[Nn]ghiêm cấm|[Cc]ấm|không được)(?:\s+thực hiện)?$")
GENERIC = re.compile(
    r"^(?:(?:các|những)\s+)?(?:điều kiện|quy định|yêu cầu|trường hợp)(?:\s+\S+){0,2}$|(?:các|những) (?:điều kiện|quy định|yêu cầu)$",
    re.I,
)
KIEM = re.compile(r"^Kiểm(?= (?:tra|soát|định|đếm))")
MODAL_AFTER = re.compile(r"\b(?:phải|không được|nghiêm cấm|cấm)\b")
DOING_VERB = re.compile(r"\s(?:thực hiện|tuân thủ|chấp hành|đáp ứng|bảo đảm|đảm bảo)$")


OWNER = re.compile(
    r"^(?P<kind>Trách nhiệm|Nghĩa vụ|Quyền và nghĩa vụ|Quyền lợi|Quyền) của (?P<who>[^:;]+?)"
    rf"(?:\s*,?\s+(?:được quy định|{ANNOUNCING}))*$"
)  # "Trách nhiệm của chủ xe được quy định như sau:", "Quyền của người tham gia:"
OFFICE = re.compile(
    r"^(?:các\s+)?(?:Ủy ban|UBND|Sở|Bộ|Cơ quan|Phòng|Ban|Cục|Chi cục|Kho bạc|Thủ trưởng|Chủ tịch|Giám đốc)\b", re.I
)


def _owned(kind: str, who: str, items: list[str]) -> list[str] | None:
    """ "Trách nhiệm của chủ xe …:" + "Phải bảo dưỡng …" → "Chủ xe … phải bảo dưỡng …": the duty or right with its
    holder. An office's duties are its internal work: not joined."""
    if OFFICE.match(who) or words(who) > 14:
        return None
    verb = {"Trách nhiệm": "có trách nhiệm", "Nghĩa vụ": "có nghĩa vụ", "Quyền": "có quyền"}.get(kind, "")
    said: list[str | None] = []
    for item in items:
        if OTHER.match(item) or GENERIC.search(item):
            continue
        if CONTINUES.match(item) and not MODAL_AFTER.search(item, 6):
            said.append(_said(f"{who} {lowerfirst(item)}"))
        elif verb and not PREDICATE.search(item) and not MODAL_AFTER.search(item):
            said.append(_said(f"{who} {verb} {lowerfirst(item)}"))
        else:
            return None  # a point that is a sentence of its own stands alone
    kept = [s for s in said if s and words(s) <= MAX_WORDS + 8]
    return kept or None


LABEL_HEAD = re.compile(r"^(?:Mức|Thời gian|Thời hạn|Thời điểm|Tiền|Giá|Phí|Lệ phí|Học phí|Tỷ lệ|Số tiền|Định mức)\b")
LABEL_VERB = re.compile(r"\b(?:được|phải|là|bằng|có|không|thì|quy định|tại|khoản|Điều)\b")


def _valued(label: str, items: list[str]) -> list[str] | None:
    """ "Mức hỗ trợ tiền ăn:" + "30.000 đồng/người/ngày." → "Mức hỗ trợ tiền ăn là 30.000 đồng/người/ngày.";
    "Mức hỗ trợ như sau:" + "Hộ nghèo 1.500.000 đồng/ha;" → "Mức hỗ trợ đối với hộ nghèo là 1.500.000 đồng/ha."
    A point that says its holder with a colon ("Hộ nghèo: …") is a sentence already: None."""
    said: list[str | None] = []
    for item in items:
        if VALUE.match(item) and len(items) == 1 and (joined := labelled(f"{label} {item}")) != f"{label} {item}":
            said.append(_said(joined))
        elif (m := HOLDER_VALUE.match(item)) and not LABEL_VERB.search(m["who"]) and not PREDICATE.search(m["who"]):
            said.append(_said(f"{label} đối với {lowerfirst(m['who'])} là {m['value']}"))
        else:
            return None
    kept = [s for s in said if s]
    return kept if len(kept) == len(items) else None


CONDITIONS = re.compile(
    r"^Điều kiện (?:để )?(?:được )?(?P<what>(?:hỗ trợ|hưởng|nhận|vay|miễn|giảm|cấp|tham gia|trợ cấp)\b[^:;]{0,60}?)"
    rf"(?:\s*,?\s+{ANNOUNCING})*$",
    re.I,
)  # "Điều kiện hỗ trợ:", "Điều kiện để được hưởng trợ cấp đối với hộ gia đình như sau:"
HELD_IF = re.compile(
    r"^(?P<who>[^:;,]{3,60}?)\s+được\s+(?P<what>[^:;,]{3,60}?)\s*,?\s+(?:khi|nếu)\s+(?:có\s+)?(?:đủ|đáp ứng(?:\s+đủ)?)\s+"
    r"(?:các\s+)?(?:điều kiện|tiêu chuẩn)(?:\s+sau(?:\s+đây)?|\s+dưới đây)?$"
)  # a right held on conditions: each item is what its holder must be or have, never a fact about every holder
COND_VERB = re.compile(
    r"^(?:Có|Thuộc|Là|Đang|Đã|Đủ|Cư trú|Sinh sống|Thường trú|Không|Tham gia|Cam kết|Tự nguyện|Nằm|Được)\b"
)  # a condition said as what the applicant must be or have


def _conditions(what: str, items: list[str]) -> list[str] | None:
    """ "Điều kiện hỗ trợ:" + "a) Có hộ khẩu thường trú tại xã;" → "Để được hỗ trợ, phải có hộ khẩu thường trú tại
    xã."; with whom the lead names: "Để được hỗ trợ, hộ gia đình phải …"."""
    what, _, who = what.partition(" đối với ")
    said: list[str | None] = []
    for item in items:
        if not COND_VERB.match(item) or MODAL_AFTER.search(item):
            return None
        must = "không được " + lowerfirst(item)[6:] if item.startswith("Không ") else "phải " + lowerfirst(item)
        said.append(_said(f"Để được {what}, {who + ' ' if who else ''}{must}"))
    kept = [s for s in said if s and words(s) <= MAX_WORDS + 4]
    return kept or None


BENEFIT_FIRST = re.compile(
    rf"^(?P<verb>{benefit_verbs(first_upper=True)})\s(?P<what>[^;:]+?)\s(?:cho|đối với)\s(?P<who>{beneficiary()}[^;:]*?)\.?$"
)


NOT_A_BENEFIT = re.compile(r"\b(?:thì|bị|phải|không|để xảy ra|vi phạm)\b", re.I)  # "người không đủ điều kiện thì bị thu hồi …"


def received(line: str) -> str:
    """ "Hỗ trợ 100% học phí cho học sinh khuyết tật." (a benefit without its giver, as a point says it) → "Học sinh
    khuyết tật được hỗ trợ 100% học phí.": who gets what, the sentence a listener follows. Else the line as it was."""
    m = BENEFIT_FIRST.match(flat(strip_noise(line)))
    if not m or MODAL_AFTER.search(m["what"]) or words(m["what"]) > 16:
        return line
    if NOT_A_BENEFIT.search(m["who"]):
        return line  # the act a rule punishes, not what the people named get
    return said_received(m["who"], m["verb"], m["what"]) or line  # the sanction it imposes, neither


def labelled(line: str, heading: str = "") -> str:
    """ "Mức hỗ trợ tiền thuê chỗ ở" / "50.000 đồng/người/ngày." (a clause title and its line, joined by the parser)
    → "Mức hỗ trợ tiền thuê chỗ ở là 50.000 đồng/người/ngày."; a date keeps its own preposition ("… từ ngày …").
    `heading` is the article's title, said as the label of a line that is only a value ("Điều 2. Thời gian hỗ trợ")."""
    if heading and VALUE.match(flat(line)) and not complete(finish(strip_noise(line))):
        line = f"{heading} {line}"
    m = LABEL.match(flat(line))
    if not m or complete(finish(strip_noise(line))) or LABEL_VERB.search(m["label"]) or words(m["label"]) > 14:
        return line
    value = m["value"]
    if re.match(r"(?:từ|kể từ|trước|đến|tại|ở)\s", value, re.I) and complete(said := f"{m['label']} {lowerfirst(value)}"):
        return said  # "Thời gian thực hiện từ ngày …", "Địa điểm tiêm tại nhà văn hóa …"
    return f"{m['label']} là {lowerfirst(value)}"
