"""A list item said as one sentence with the holder and verb its lead line gives.

Vietnamese legal texts state a rule once and list what it covers: "Người lái xe có nghĩa vụ sau đây:" then "a) Nộp
lệ phí …;"; "Nghiêm cấm các hành vi sau đây:" then "1. Đua xe trái phép."; "Người … không được dừng xe, đỗ xe tại
các vị trí sau đây:" then "h) Nơi đường giao nhau …;"; "Đối tượng được hỗ trợ gồm:" then "a) Hộ nghèo;". Read
alone, the item has no main clause (an order to no one, a place, a group); glued whole to its lead it is a lead and
an item. A listener needs one sentence with the holder, the verb and the item: "Người lái xe có nghĩa vụ nộp lệ
phí …", "Nghiêm cấm đua xe trái phép.", "Người … không được dừng xe, đỗ xe tại nơi đường giao nhau …", "Hộ nghèo
được hỗ trợ.".

The shapes of lead, each read once (``read``):

- a ban with no holder ("Nghiêm cấm các hành vi sau:"): each act of the item is said after the ban;
- a holder and a modal ("X có trách nhiệm/có quyền/có nghĩa vụ/phải/không được [thực hiện các quy định] sau
  đây:"): the list's noun and its light verb go, the item's own verb takes their place;
- a holder, a verb and a listed object or place ("X được hưởng các chế độ sau:", "X không được đỗ xe tại các vị
  trí sau đây:"): the item stands where the list's noun stood;
- the members of a group that a predicate covers ("Các trường hợp được miễn lệ phí … gồm:", "Hỗ trợ … cho các đối
  tượng sau:"): the item is the subject;
- a holder given a benefit at rates that depend on its case ("Hộ nghèo được hỗ trợ tiền điện với mức như sau:" +
  "Hộ có từ 1 đến 3 nhân khẩu: 50.000 đồng/hộ/tháng"): each rate said for its case, the holder kept whole;
- a title over givings ("Chính sách hỗ trợ:" + "Hỗ trợ 500.000 đồng/người/tháng cho người cao tuổi …"): each is said
  as received ("Người cao tuổi … được hỗ trợ 500.000 đồng/người/tháng."), the title left out.

An item with its own subject, condition or rule, an item that only points elsewhere, and a sentence that comes out
too long or that the listener check trips on give `None`: the caller says the item as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.bare_rows import PEOPLE
from scripts.benefits import beneficiary, benefit_verbs, received
from scripts.lead_rows import DEAD, GIVE, GROUP, STAFF, VALUE, closed
from scripts.listener import check
from scripts.sentences import HARD_MAX_WORDS, capfirst, finish, flat, listenable, lowerfirst, strip_noise, words

TAIL = r"\s+(?:sau đây|dưới đây|như sau|sau)"  # the words that announce the list
BAN = re.compile(r"^(?P<verb>Nghiêm cấm|Cấm)(?:\s+(?:thực hiện\s+)?(?:các|những)\s+hành vi(?:" + TAIL + r")?)?$")
MODAL = r"có trách nhiệm|có nghĩa vụ|có quyền|phải|không được|được quyền"
DUTY = re.compile(
    rf"^(?P<who>[^:;]{{3,160}}?)\s+(?P<modal>{MODAL})"
    r"(?:\s+(?:thực hiện|chấp hành|tuân thủ|tuân theo|(?P<meet>đáp ứng|bảo đảm|đảm bảo)))?(?:\s+(?:đầy đủ|đủ))?"
    r"(?:\s+(?:các|những))?(?:\s+(?:quy định|việc|nội dung|yêu cầu|hành vi|quyền|nghĩa vụ|trách nhiệm|nhiệm vụ|"
    r"điều kiện|công việc|biện pháp|quy tắc)(?:\s+[^\s,;:]+){0,6}?)?"
    rf"(?:{TAIL})?$"
)  # "Người trúng đấu giá biển số xe có nghĩa vụ sau đây", "Người lái xe phải thực hiện các quy định sau đây"
PLACES = "vị trí|trường hợp|nơi|khu vực|địa điểm|thời điểm"
THINGS = "chế độ|khoản|loại giấy tờ|giấy tờ|tài liệu|quyền lợi|chính sách|khoản hỗ trợ|khoản chi phí"
OBJECT = re.compile(
    rf"^(?P<head>[^:;]{{3,200}}?)\s+(?:(?P<prep>tại|ở|trong)\s+)?(?:(?:các|những)\s+)?(?P<noun>{PLACES}|{THINGS})"
    rf"(?:\s+[^\s,;:]+){{0,3}}?{TAIL}$"
)  # "… không được dừng xe, đỗ xe tại các vị trí sau đây", "… được hưởng các chế độ sau"
HOLDS = re.compile(r"\b(?:phải|không được|được|có trách nhiệm|có quyền|có nghĩa vụ|nghiêm cấm|cấm)\b")
MEMBERS = re.compile(
    r"^(?:(?:Các|Những)\s+)?(?P<noun>đối tượng|trường hợp|người|hộ|nhóm)(?P<listed>\s+(?:sau đây|dưới đây|sau))?"
    r"\s+(?P<pred>(?:được|không được|phải)\s+[^:;,]{2,80}?)"
    r"(?P<tail>(?:\s*,)?\s+(?:bao gồm|gồm có|gồm|là))?$",
    re.I,
)  # "Đối tượng được hỗ trợ gồm", "Các trường hợp được miễn lệ phí trước bạ bao gồm", "Các đối tượng sau đây được …"
# "Nhóm do ngân sách nhà nước đóng bảo hiểm y tế, bao gồm": a group whose contribution someone pays, said as received
PAID_FOR = re.compile(
    r"^Nhóm\s+do\s+(?P<payer>[^:;,]{3,60}?)\s+(?P<pays>đóng|chi trả|hỗ trợ)\s+(?P<what>[^:;,]{3,40}?)"
    r"(?:\s*,)?\s+(?:bao gồm|gồm có|gồm)$"
)
PAPERS = re.compile(r"^(?P<whole>(?:Thành phần\s+)?(?:Bộ\s+)?(?:Hồ sơ|Giấy tờ)\b[^:;]{0,100}?)\s*,?\s+(?:bao gồm|gồm có|gồm)$")
CASES_OF = re.compile(
    r"^(?P<who>[^:;,]{3,80}?)\s+(?:thuộc|rơi vào)\s+(?:một trong\s+)?(?:các|những)\s+trường hợp(?:\s+sau đây|\s+dưới đây|\s+sau)"
    r"\s+(?:thì\s+)?(?P<pred>(?:được|không được|phải|bị)\s+[^:;]{2,80})$"
)
BEING = re.compile(r"^(?:Có|Là|Đang|Đã|Bị|Thuộc|Không có|Sống|Cư trú)\b")  # what a holder is or has: a case of it
RELATIVE = re.compile(r"\b(?:(?:đã|đang|chưa|từng)\s+|nhưng\s+(?:không|chưa)\s+)được\b")  # "Người đã được hỗ trợ …": a group
NAMED_GROUP = re.compile(r"^Nhóm\s[^:;]{3,120}?,?\s(?:bao gồm|gồm có|gồm)\s*:$")
STATE = re.compile(r"^(?:ngân sách|nhà nước|quỹ|tổ chức bảo hiểm|cơ quan bảo hiểm)\b", re.I)
# "Ngân sách nhà nước hỗ trợ 70% mức đóng bảo hiểm y tế cho": who gives, said after "được" with what each item gets
GIVER = r"(?:Ngân sách (?:nhà nước|trung ương|địa phương|tỉnh|thành phố|huyện|xã)|Nhà nước|Quỹ [^:;,]{3,40}?)"
GIVEN_TO = re.compile(
    rf"^(?P<verb>{benefit_verbs(first_upper=True)})\s+(?P<what>[^:;]{{3,80}}?)\s*,?\s+(?:cho|đối với)(?:\s+(?:các|những)\s+"
    r"(?:nhóm\s+)?(?:đối tượng|trường hợp|người|hộ)(?:\s+(?:sau đây|dưới đây|sau))?(?:\s*,?\s*(?:bao gồm|gồm có|gồm))?)?$"
)  # "Hỗ trợ kinh phí mua thẻ bảo hiểm y tế cho các đối tượng sau", "Miễn học phí đối với": its items are who gets it
LABEL = re.compile(r"^(?:(?:Các|Những)\s+)?(?:Chính sách|Chế độ|Nội dung)(?:\s+(?:và|,)\s+\S+)*[^:;]{0,40}$")
GIVING = re.compile(
    rf"^(?P<verb>{benefit_verbs(first_upper=True)})\s(?P<what>[^;:]+?)\s(?:cho|đối với)\s(?P<who>{beneficiary()}[^;:]*?)$"
)  # "Hỗ trợ 500.000 đồng/người/tháng cho người cao tuổi cô đơn": a giving whose giver goes without saying
SPENDING = re.compile(r"\bchi\b|kinh phí|dự toán|ngân sách")  # "Nội dung chi:": an office's spending, not a giving
RECEIVED = re.compile(rf"\sđược\s(?:{benefit_verbs()})\b")
SANCTIONED = re.compile(r"\b(?:thì|bị|phải|không được|vi phạm|để xảy ra|nếu)\b")
RATE_TAIL = (
    r"(?:\s*,?\s*(?:(?:với|theo)\s+)?mức(?:\s+(?:hỗ trợ|trợ cấp|hưởng))?(?:\s+cụ thể)?)?(?:\s*,?\s*(?:cụ thể|như sau|sau đây))+$"
)
RATES = re.compile(
    rf"^(?:(?P<who>[^:;]{{4,100}}?)\s+được\s+(?P<verb>{GIVE})(?P<what>[^:;,\d]{{0,60}}?)"
    rf"|(?P<verb2>{benefit_verbs(first_upper=True)})(?P<what2>[^:;,\d]{{0,40}}?)\s+(?:cho|đối với)\s+(?P<who2>[^:;\d]{{4,100}}?))"
    + RATE_TAIL
)  # "Hộ nghèo được hỗ trợ tiền điện hằng tháng với mức như sau", "Hỗ trợ một lần cho hộ …, mức hỗ trợ như sau"
LISTED = re.compile(r"\b(?:các|những)\b")
HOLDER_RULE = re.compile(r"\b(?:được|phải|thì|nếu|khi)\b")  # a holder that carries its own rule or condition
BENEFICIARIES = re.compile(r"^(?P<noun>(?:(?:Các|Những)\s+)?[Đđ]ối tượng)\s+(?P<verb>hỗ trợ|hưởng|thụ hưởng|trợ cấp|miễn|giảm)\b")
# an item that has its own subject or is a clause of its own, not a continuation of the lead
OWN_SUBJECT = re.compile(
    r"^(?:Người|Tổ chức|Cá nhân|Cơ quan|Đơn vị|Chủ(?! động| trì)|Hộ|Xe|Phương tiện|Hồ sơ|Trường hợp|Các|Những|Chính phủ|Bộ|Ủy ban|Sở|"
    r"Việc|Đối với|Khi|Nếu|Trong trường hợp|Mức|Thời hạn|Số|Giấy|Hàng hóa|Hành khách|Nhà nước|Quy định)\b"
)
OTHER = re.compile(r"\b(?:hành vi|trường hợp|việc|nội dung|quy tắc|quyền|nghĩa vụ|biện pháp|nhiệm vụ|quy định) khác\b", re.I)
# a part that opens with a noun: an object of the act before it ("Được thông báo về căn cứ …; nội dung …"), or a
# paper or a thing a duty's lead cannot govern ("… phải bảo đảm các điều kiện sau đây:" + "Chứng nhận thu hồi …")
NOUN_FIRST = re.compile(
    r"^(?:nội dung|kết quả|hành vi|quyết định|thông tin|giấy|các|những|số|tên|địa chỉ|thời gian|thời hạn|lý do|mức|"
    r"biện pháp|phương án|quyền|lợi ích|tài sản|hồ sơ|danh sách|kế hoạch|việc|chứng nhận|chứng chỉ|bằng|bản|đơn|"
    r"tờ khai|sổ|thẻ|văn bản|trường hợp|đối tượng)\b",
    re.I,
)
MEETS = re.compile(r"^(?:Có|Đủ|Bảo đảm|Đảm bảo|Tuân thủ|Chấp hành|Thực hiện|Đăng ký|Nộp|Không)\b")  # acts a condition can be
BANNING = re.compile(r"^(?:Nghiêm cấm|Cấm)\b")
MARKER = re.compile(r"^(?:[a-zđ]\)|\d+(?:\.\d+)*[.)]|[-+•–])\s*")
POINTER = re.compile(r"\b(?:quy định tại|theo quy định tại|Điều \d|khoản \d|điểm [a-zđ]\b)|Điều này|khoản này")
OWN_RULE = re.compile(r"\s(?:thì|là)\s|[.:]\s|(?<!không )\bphải\b|\bkhông được\b")
PLACE_FIRST = re.compile(r"^(?:Trên|Trong|Tại|Ở|Trước|Sau|Gần|Cách|Dưới|Giữa|Ngoài|Khi|Nơi)\b")
# a part that qualifies the act before it, not an act of its own ("Đốt rơm rạ …; trừ trường hợp …", "Nộp phí …; trừ hộ
# nghèo", "…; chưa áp dụng với …"): said apart, the act would lose its exception and the qualifier be said as an act
QUALIFIER = re.compile(
    r"^(?:trừ|ngoại trừ|riêng|nếu|khi|trường hợp|trong trường hợp|chưa áp dụng|không áp dụng|áp dụng|tối đa|tối thiểu|"
    r"không quá|kể cả|trong đó|đối với|thời hạn|mức|sau khi|trước khi|trong thời hạn)\b",
    re.I,
)
ROW = re.compile(r"^(?P<what>[^:;]{3,80}):\s+(?P<value>.+)$")
# "Người nuôi chó, mèo trên địa bàn xã, phường": the area the whole document is for, the first words a long duty loses
AREA = re.compile(
    r"\s+(?:trên|tại|ở)\s+(?:các\s+)?địa bàn(?:\s+(?:tỉnh|thành phố|huyện|xã|phường|thị trấn|đặc khu))+"
    r"(?:(?:,\s*|\s+(?:và\s+)?)(?:xã|phường|thị trấn|đặc khu|[A-ZĐ]\w*))*\s*$"
)  # only a bare place to the end: never "trên địa bàn các xã có dịch …", whose condition narrows the holder
GROUP_RULE = re.compile(r"\b(?:được|phải|thì|là)\b|\bkhông được\b")  # "Hộ có nhà ở bị hư hỏng nặng" is a group


@dataclass(frozen=True, slots=True)
class Frame:
    kind: str  # "ban", "duty", "object", "members", "label", "rates", "papers"
    head: str  # "Nghiêm cấm", "Người lái xe", "Người … không được dừng xe, đỗ xe", "được hỗ trợ"
    modal: str = ""  # "phải", "có quyền" … for a duty
    link: str = ""  # "tại vị trí": what joins an object item to its head, "" when the item says it
    listed: bool = False  # "Những người sau đây không được …": the lead's subject is its list, no item stands alone


# "Nhóm do ngân sách nhà nước đóng, bao gồm:" under "Đối tượng tham gia bảo hiểm y tế": what is paid is the title's
GROUP_PAYS = re.compile(
    r"^(?P<head>Nhóm\s+(?:do|được)\s+[^:;,]{3,80}?\s(?:đóng|mức đóng))(?P<tail>\s*,?\s+(?:bao gồm|gồm có|gồm)\s*:)$"
)
INSURED = re.compile(r"\b(?:tham gia|đóng)\s+(?P<what>bảo hiểm (?:y tế|xã hội(?: bắt buộc| tự nguyện)?|thất nghiệp))\b", re.I)


def titled(title: str, line: str) -> str:
    """A group's lead said with what its article's title says is paid: "Nhóm do ngân sách nhà nước đóng bảo hiểm y tế,
    bao gồm:"; without it "đóng" would name nothing paid."""
    if (m := GROUP_PAYS.match(line)) and (paid := INSURED.search(title)):
        return f"{m['head']} {paid['what'].lower()}{m['tail']}"
    return line


def read(lead: str) -> Frame | None:
    """The shape of a lead line, or None when it is none of those read here."""
    bare = flat(strip_noise(lead)).rstrip(" :.")
    if not bare or POINTER.search(bare):
        return None
    if (m := PAPERS.match(bare)) and not HOLDS.search(m["whole"]):
        return Frame("papers", m["whole"])  # "Hồ sơ đề nghị … gồm:" + "a) Tờ khai …": "Hồ sơ … cần có tờ khai …"
    if m := BAN.match(bare):
        return Frame("ban", m["verb"])
    if (m := PAID_FOR.match(bare)) and not HOLDS.search(m["payer"]):
        payer = lowerfirst(m["payer"])  # the State pays for them; a worker's own share is not given to the worker
        said = f"được {payer} {m['pays']} {m['what']}" if STATE.match(payer) else f"tham gia {m['what']} do {payer} {m['pays']}"
        return Frame("members", said, link="nhóm")
    if (given := re.match(rf"^(?P<giver>{GIVER})\s+(?=[a-zđ])", bare)) and (m := GIVEN_TO.match(capfirst(bare[given.end() :]))):
        giver = lowerfirst(given["giver"])  # "Ngân sách tỉnh hỗ trợ 30% mức đóng … cho:" + "a) Người …"
        return Frame("members", f"được {giver} {m['verb'].lower()} {m['what']}", link="đối tượng")
    if m := GIVEN_TO.match(bare):  # "Hỗ trợ kinh phí mua thẻ … cho các đối tượng sau:" + "a) Người cao tuổi …"
        what = re.sub(r"^kinh phí\s+(?=mua|đóng|học|thuê|xây|sửa)", "", m["what"])  # "hỗ trợ kinh phí mua thẻ": "hỗ trợ mua thẻ"
        return Frame("members", f"được {m['verb'].lower()} {what}", link="đối tượng")
    if LABEL.match(bare) and not HOLDS.search(bare) and not SPENDING.search(bare):
        return Frame("label", bare)  # "Chính sách hỗ trợ:": a title over givings, each said as received
    if (m := RATES.match(bare)) and GROUP.match(who := m["who"] or m["who2"]) and not HOLDER_RULE.search(who):
        verb, what = (m["verb"] or m["verb2"]).lower(), (m["what"] if m["who"] else m["what2"]).rstrip()
        if not LISTED.search(what) and not re.search(
            rf"\b(?:{THINGS})\b", what
        ):  # "… được hưởng các chế độ sau đây": its items are the benefits, not rates
            return Frame("rates", f"{lowerfirst(who)} được {verb}{what}")  # its rows are cases with an amount each
    bare = BENEFICIARIES.sub(r"\g<noun> được \g<verb>", bare)  # "Đối tượng hỗ trợ" means those supported
    if (m := MEMBERS.match(bare)) and (m["tail"] or m["listed"] or m["noun"].lower() in ("đối tượng", "trường hợp")):
        return Frame("members", m["pred"], link=m["noun"], listed=bool(m["listed"]))  # not "Người được cử đi học phải:"
    if m := CASES_OF.match(bare):  # "Hộ gia đình thuộc một trong các trường hợp sau được xét hỗ trợ:" + "a) Có người …"
        return Frame("cases", m["who"], m["pred"], listed=True)
    if (m := DUTY.match(bare)) and not bare.startswith("Việc "):  # "Việc vận chuyển … phải": an activity acts for no one
        return Frame("duty", closed(m["who"].rstrip(" ,")), m["modal"], link="meet" if m["meet"] else "")
    if (m := OBJECT.match(bare)) and HOLDS.search(m["head"]):
        noun = m["noun"]
        return Frame("object", m["head"], link=f"{m['prep']} {noun}" if m["prep"] else "")
    return None


def _act(frame: Frame, act: str) -> str | None:
    """One act, said with its frame; None when it cannot be said so."""
    first = act.split(" ", 1)[0]
    if frame.kind == "ban" and BANNING.match(act):
        return act  # "Nghiêm cấm …" already says its ban
    if frame.kind == "ban":
        return None if OWN_SUBJECT.match(act) or NOUN_FIRST.match(act) or " thì " in act else f"{frame.head} {_verb(act)}"
    if frame.kind == "label":
        if GROUP.match(act) and RECEIVED.search(act) and not SANCTIONED.search(act.replace(" được ", " ", 1)):
            return act  # already said as received ("Người cao tuổi … được hỗ trợ …"): the title adds nothing
        m = GIVING.match(act)
        if not m or SANCTIONED.search(m["who"]) or words(m["what"]) > 16:
            return None
        return received(m["who"], m["verb"], m["what"])
    if frame.kind == "rates":
        if not (row := ROW.match(act)) or not VALUE.match(row["value"]) or HOLDER_RULE.search(row["what"]):
            return None
        case = re.sub(r"^(?:Đối với|Trường hợp)\s+", "", row["what"])
        who, _, given = frame.head.partition(" được ")
        if (narrower := _narrowed(who, case)) and given:  # "Trẻ em mẫu giáo …" + "Trẻ em thuộc hộ nghèo: 160.000 đồng"
            return f"{capfirst(narrower)} được {given} {row['value']}"  # "Trẻ em mẫu giáo thuộc hộ nghèo được …"
        case = f"có {_verb(case)}" if DEAD.search(case) and GROUP.match(case) else _verb(case)  # "Người chết"
        return f"Trường hợp {case}, {frame.head} {row['value']}" if words(case) <= 16 else None
    if frame.kind == "papers":  # each paper is needed; "gồm" one of them would say it is the whole file
        return None if HOLDS.search(act) or OWN_RULE.search(act) else f"{frame.head} cần có {lowerfirst(act)}"
    if frame.kind == "cases":  # "Có người bị bệnh hiểm nghèo" → "Hộ gia đình có người bị bệnh hiểm nghèo được xét hỗ trợ."
        ok = BEING.match(act) and not GROUP_RULE.search(act) and words(act) <= 20
        return f"{frame.head} {lowerfirst(act)} {frame.modal}" if ok else None
    if frame.kind == "members":
        people = frame.link.lower() != "trường hợp"  # "Đối tượng được hỗ trợ gồm:" lists people; "Các trường hợp …" cases
        if (
            GROUP_RULE.search(RELATIVE.sub("", act))
            or words(act) > 24
            or people
            and not (GROUP.match(act) or PEOPLE.match(act))
            or STAFF.search(act)
        ):
            return None
        return f"{closed(act)} {frame.head}"  # "Hộ nghèo, trừ hộ có nhà kiên cố, được hỗ trợ."
    if frame.kind == "object" and (row := ROW.match(act)) and VALUE.match(row["value"]):
        act = f"{row['what']} {row['value']}"  # "Trợ cấp hằng tháng: 500.000 đồng/tháng": the amount after its label
    if frame.kind in ("duty", "object") and BANNING.match(act):
        return act  # "… phải thực hiện các quy định sau:" + "Nghiêm cấm …": the ban says itself, never "phải nghiêm cấm"
    if OWN_SUBJECT.match(act) or OWN_RULE.search(act[len(first) :]) or frame.kind == "duty" and NOUN_FIRST.match(act):
        return None
    if frame.kind == "object":
        if first in ("Được", "Phải", "Không"):
            return None
        if not frame.link:
            return f"{frame.head} {lowerfirst(act)}"
        prep, noun = frame.link.split(" ", 1)
        if PLACE_FIRST.match(act):  # "Trên cầu, …": the item says where; "Nơi đường giao nhau": "tại" before it
            return f"{frame.head} {'tại ' if first == 'Nơi' else ''}{lowerfirst(act)}"
        return f"{frame.head} {prep} {noun} {lowerfirst(act)}"
    return _duty(frame, act, first)


NARROWS = re.compile(r"^(?:thuộc|có|sống|đang|ở|từ|dưới|trên|đủ)\b")  # "[Trẻ em] thuộc hộ nghèo": what narrows a group


def _narrowed(who: str, case: str) -> str:
    """The holder narrowed by a case that names the same group ("trẻ em mẫu giáo" + "Trẻ em thuộc hộ nghèo" → "trẻ em
    mẫu giáo thuộc hộ nghèo"), or "" when the case is another group or no narrowing of it."""
    head = " ".join(case.split()[:2])
    rest = case[len(head) :].strip()
    if not GROUP.match(case) or not who.lower().startswith(head.lower()) or not NARROWS.match(rest) or HOLDER_RULE.search(rest):
        return ""
    return f"{who} {rest}"


def _duty(frame: Frame, act: str, first: str) -> str | None:
    rest = act[len(first) :].lstrip()
    if frame.link == "meet" and not MEETS.match(act):
        return None  # "… phải đáp ứng các điều kiện sau:" + "Sức khỏe phù hợp": a condition named, not an act
    if first in ("Phải", "Được") and frame.modal not in ("có quyền", "được quyền") or first == "Phải":
        return None  # "phải" + "Được …": which is it?
    if first == "Được":  # "Người trúng đấu giá … có quyền sau đây:" + "Được đăng ký …"
        return f"{frame.head} được {rest}"
    if first == "Không":
        if frame.modal in ("không được", "có quyền", "được quyền"):
            return None  # a double negation; a right that is a ban
        # "phải" + "Không làm ảnh hưởng …" is heard as a question tag, "có trách nhiệm không được …" as two verbs:
        # the duty not to act is "không được"
        return f"{frame.head} không được {rest.removeprefix('được ')}"
    return f"{frame.head} {frame.modal} {_verb(act)}"


def _verb(act: str) -> str:
    """The act's opening verb in lower case ("Kiểm tra …" → "kiểm tra …"), an abbreviation kept ("UBND")."""
    first = act.split(" ", 1)[0]
    return act if first.isupper() and len(first) > 1 else act[:1].lower() + act[1:]


def lead_items(lead: str, item: str) -> list[str] | None:
    """Each act or member of the item said with what its lead line gives; None when the lead is not one of the
    shapes read here or any part of the item cannot be said so."""
    if not (frame := read(lead)):  # "Nhóm do người sử dụng lao động đóng, bao gồm:": members of a group nothing is said of
        return [] if NAMED_GROUP.match(flat(lead)) and not GROUP_RULE.search(flat(item)) else None
    body = flat(strip_noise(item)).rstrip(" .;,")
    written = MARKER.sub("", flat(item).strip(' “”"'))
    if (
        not body
        or body.endswith(":")
        or POINTER.search(body)
        or body.split(" ", 1)[0].lower() != written.split(" ", 1)[0].lower()
    ):
        return None  # cleaning cut the item's opening words ("Báo tin ngay cho cơ quan Công an …"): not said so
    parts = [p.strip(" ,") for p in body.split(";") if p.strip(" ,")]
    if len(parts) > 1 and (frame.kind == "object" or any(NOUN_FIRST.match(p) for p in parts[1:])):
        return None  # "Được thông báo về căn cứ …; nội dung …": the parts are the objects of one act, not acts
    if any(QUALIFIER.match(p) for p in parts[1:]):
        return None  # "Nộp phí …; trừ hộ nghèo": the exception belongs to the act before it
    said: list[str] = []
    too_long = False
    for part in parts:
        if OTHER.search(part):
            continue  # "Hành vi khác …": names no act
        sentence = _act(frame, part[:1].upper() + part[1:])
        if sentence is None and (frame.listed or frame.link == "nhóm") and not GROUP_RULE.search(RELATIVE.sub("", part)):
            return []  # a member the lead's predicate cannot be said of: alone a noun phrase, glued to the lead a garble
        if sentence is None:
            return None  # a part with its own subject or rule: the item is not a list of acts
        done = finish(sentence)
        if words(done) > HARD_MAX_WORDS and frame.kind == "duty" and (local := AREA.sub("", frame.head)) != frame.head:
            done = finish(_act(Frame(frame.kind, local, frame.modal, frame.link), part[:1].upper() + part[1:]) or "")
        if words(done) <= HARD_MAX_WORDS and listenable(done) and not check(done):
            said.append(done)  # each act holds alone; one too long to hear is left out, not cut
        else:
            too_long = True
    if not said and too_long and frame.kind in ("ban", "duty", "object"):
        return []  # said alone, the act would be an order to everyone, or a ban heard as an order: not said at all
    return said or None
