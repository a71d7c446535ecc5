"""A list item that gives a resident group an amount or a benefit, said as one sentence with what its lead gives.

Provincial resolutions and decisions split one fact between a lead line and its list: the lead says what is given
("Mức trợ cấp xã hội hằng tháng như sau:", "Hỗ trợ 500.000 đồng/người cho các đối tượng sau:", "Hộ nghèo được hỗ
trợ các khoản sau:"), each item to whom and how much ("a) Người cao tuổi từ đủ 80 tuổi trở lên: 540.000
đồng/tháng;"). Read alone the item is a label and an amount; glued to its lead it is a lead and an item. A listener
needs who gets what, how much: "Người cao tuổi từ đủ 80 tuổi trở lên được trợ cấp xã hội hằng tháng 540.000
đồng/tháng."

The verb is always the lead's own (hỗ trợ, trợ cấp, miễn, giảm …): a lead that does not say what is given ("Mức cụ
thể như sau:") gives nothing here, nor does an item that names no resident group (staff, an office, a thing), nor
a lead about what an office spends ("Mức chi …", "Kinh phí …"). A fee's lead ("Mức thu học phí như sau:") says its
rows with "là", no verb added. `None` means this rule does not apply: the caller says the item as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.announcing import ANNOUNCE_TAIL
from scripts.bare_rows import holder_head, listed_group
from scripts.benefits import BENEFICIARY_WORDS, alternatives, punishes
from scripts.listener import check
from scripts.sentences import HARD_MAX_WORDS, capfirst, finish, flat, listenable, lowerfirst, strip_noise, words

GIVING = "hỗ trợ|trợ cấp|trợ giúp|tặng|tặng quà|bồi dưỡng|thưởng|miễn|giảm|miễn, giảm|hưởng".split("|")
GIVE = alternatives(GIVING)  # the lead's verb of giving, said after "được"
GROUP = re.compile(
    rf"^(?:(?:các|những|mỗi)\s+)?(?:{alternatives([w for w in BENEFICIARY_WORDS if w not in ('giáo viên', 'đối tượng')])})\b",
    re.I,
)  # the head of a resident group: "Hộ nghèo", "Người cao tuổi …", "Trẻ em dưới 16 tuổi"
STAFF = re.compile(
    r"công chức|viên chức|\bcán bộ\b|người (?:làm việc|lao động) (?:tại|trong|của) (?:các )?(?:cơ quan|đơn vị)", re.I
)  # what an office pays its own staff is internal
RULE = re.compile(r"\b(?:được|phải|thì|nếu|bằng)\b", re.I)  # an item with its own rule stands alone
AMOUNT = r"\d[\d.,]*\s*(?:%|(?:nghìn |triệu |tỷ )?(?:đồng\b|đ(?=/|\s|$)))"
VALUE = re.compile(
    rf"^(?:[Mm]ức\s+)?(?:(?:từ|tối đa|tối thiểu|không quá|bằng)\s+)?(?:{AMOUNT}|hệ số\s+\d|\d[\d,]*\s+lần\s+mức)", re.I
)  # "1.500.000 đồng/hộ", "mức 540.000 đồng/tháng", "hệ số 1,5", "2,5 lần mức chuẩn …"
PERCENT = re.compile(r"^\d[\d.,]*\s*%$")
VALUE_FIRST = re.compile(rf"^(?P<value>(?:(?:từ|tối đa|không quá)\s+)?{AMOUNT}\S*)\s+(?:đối với|cho)\s+(?P<who>.+)$", re.I)
# the list words that only say the items are groups: "… cho các đối tượng sau:", "… đối với các hộ sau đây:"
GROUPS_TAIL = re.compile(
    r"(?:\s*,)?\s+(?:(?:cho|đối với|với|theo)\s+)?(?:(?:các|những|từng|mỗi)\s+)?(?:nhóm\s+)?(?:đối tượng|trường hợp|hộ|người)"
    r"(?:\s+(?:gia đình|dân|thụ hưởng))?\s*(?:(?:sau đây|dưới đây|như sau|sau)(?:\s*,?\s*(?:gồm có|bao gồm|gồm))?|"
    r"gồm có|bao gồm|gồm)$",
    re.I,
)
WHEN = re.compile(r"^(?:(?:Từ|Kể từ) ngày [^,]{6,40}|(?:Từ |Trong )?[Nn]ăm (?:học )?\d{4}(?:\s*-\s*\d{4})?),\s+")
CHARGE = re.compile(r"^(?:học phí|phí|lệ phí|tiền|thuế|giá|lãi|mức đóng|\d|một phần|toàn bộ|100)", re.I)  # what is waived
UNCOLONED = re.compile(r"\s(?:như sau|sau đây|dưới đây|gồm|bao gồm)$")  # a lead whose colon is missing
GLUED_LEVEL = re.compile(r"^(?P<title>.+?)\s(?=(?:Mức|Định mức|Số tiền)\s)")  # "Hỗ trợ về nhà ở Mức hỗ trợ"
EACH_TAIL = re.compile(r"\s+(?:theo|cho|đối với)\s+(?:từng|mỗi)\s+(?:nhóm\s+)?(?:đối tượng|trường hợp|hộ|người)$")
GENERIC = re.compile(r"^(?:(?:Các|Những)\s+)?(?:nhóm\s+)?(?:đối tượng|trường hợp)(?:\s+(?:sau đây|dưới đây|sau))?$", re.I)
KINDS_TAIL = re.compile(
    r"\s*,?\s*(?:(?:các|những)\s+)?(?:khoản|chế độ|nội dung)(?:\s+hỗ trợ)?\s+(?:sau đây|dưới đây|sau)$"
)  # "… được hỗ trợ các khoản sau:": its items are the kinds of the benefit
LEVEL = re.compile(
    rf"^(?:Đối tượng(?:,\s*điều kiện)?\s+và\s+)?(?:Mức|Định mức|Số tiền|Hệ số)\s+(?P<verb>{GIVE})(?P<what>.*)$", re.I
)  # "Mức trợ cấp …", "Đối tượng và hệ số hưởng trợ cấp xã hội hằng tháng" over "Người khuyết tật nặng: hệ số 1,5"
GIVES = re.compile(rf"^(?P<verb>{alternatives([capfirst(v) for v in GIVING])})(?P<what>.*)$")  # "Hỗ trợ tiền điện"
HOLDS = re.compile(rf"^(?P<who>.+?)\s+được\s+(?P<verb>{GIVE})(?P<what>.*)$")  # "Hộ nghèo được hỗ trợ …"
FEE = re.compile(r"^(?:Mức thu|Mức đóng|Mức phí|Mức học phí|Học phí|Lệ phí|Phí|Giá vé)\b")
AGENCY = re.compile(
    r"\b(?:kinh phí|ngân sách|dự toán|mức chi|(?<!hỗ trợ )(?<!Hỗ trợ )chi phí|công tác phí|nhiệm vụ|cơ quan|đơn vị|thẩm quyền)\b",
    re.I,
)  # an office's spending or work: its rows are not what residents get ("Hỗ trợ chi phí học nghề" is theirs)
AIM = re.compile(r"\s+(?:cho|đối với)\s+(?P<ctx>[^,;:]{4,60})$")  # "Hỗ trợ tiền ăn cho người bệnh điều trị nội trú"
ANNOUNCED = re.compile(r"\s+(?:được|đã được)\s+quy định(?:\s+cụ thể)?$")  # "Mức hỗ trợ được quy định như sau:"
# "Hỗ trợ chi phí học nghề theo tỷ lệ sau:", "… với các mức sau đây:": the rows say the rate, the lead what it is of
POLICY = re.compile(rf"^(?:Chính sách|Chế độ)\s+(?=(?:{GIVE})\b)", re.I)
RATES_TAIL = re.compile(r"\s+(?:theo|với|ở)\s+(?:các\s+)?(?:tỷ lệ|mức|định mức|hệ số)(?:\s+(?:như sau|sau đây|dưới đây|sau))?$")
# a lead that says more than what is given: "… được chi trả theo tháng, mức hưởng như sau:"
OVERLONG = re.compile(r";|,\s+(?!(?:trợ|hỗ|tiền|chi)\b)|\b(?:[Mm]ức|theo|tại|khi|nếu|thì)\b")
REFERENCE = re.compile(r"\b(?:quy định tại|theo quy định|Điều \d|khoản \d|điểm [a-zđ]\b|Phụ lục)")
DEAD = re.compile(r"\b(?:chết|mất tích|từ trần|qua đời|tử vong)\b")
CASE = re.compile(r"^(?:Trường hợp\s|[^,;:]{3,60}?\s(?:bị|được xác định|có)\s)")  # "Nhà bị sập đổ …", "Trường hợp …"
SEPARATORS = (": ", " – ", " — ", " - ")
KIND_OF = re.compile(
    r"^(?:Tiền|Chi phí|Học phí|Phí|Lệ phí|Bảo hiểm|Thẻ|Giống|Gạo|Vật tư|Phân bón|Mua|Xây|Sửa|Lãi suất|Vốn|Quà|"
    r"Trợ cấp|Học bổng|Sách|Đồ dùng|Điện|Nước|Khám|Chữa|Ăn|Đi lại|Thuê|Học|Đào tạo)\b"
)  # what a holder's benefit is made of ("Tiền điện", "Mua thẻ bảo hiểm y tế"), never a person or a title


@dataclass(slots=True)
class Lead:
    verb: str = ""  # "hỗ trợ": what the lead gives, "" for a fee
    what: str = ""  # " tiền điện", " 500.000 đồng/người": the benefit's object as the lead says it
    holder: str = ""  # "Hộ nghèo" when the lead names who gets it; its items are then kinds of the benefit
    aim: str = ""  # "người bệnh điều trị nội trú": whom the lead's benefit is for, the items narrowing it
    fee: str = ""  # "Mức thu học phí": a charge's label
    groups: bool = False  # the lead says its items are groups ("… cho các đối tượng sau:")
    when: str = ""  # "Từ ngày 01 tháng 01 năm 2032, ": the lead's start, said first


def read_lead(lead: str) -> Lead | None:
    """What a lead line gives and to whom, or None when it says no giving a resident hears."""
    bare = capfirst(POLICY.sub("", flat(strip_noise(lead)).rstrip(" :.")))  # "Chính sách hỗ trợ chi phí …:" gives it
    if not bare or AGENCY.search(bare) or REFERENCE.search(bare) or STAFF.search(bare):
        return None
    if (when := WHEN.match(bare)) and (read := read_lead(capfirst(bare[when.end() :]) + ":")):
        read.when = when[0]  # "Từ ngày 01 tháng 01 năm 2032, mức trợ cấp … như sau:"
        return read
    if (glued := GLUED_LEVEL.match(bare)) and (title := read_lead(glued["title"] + ":")):
        level = read_lead(bare[glued.end() :] + ":")  # "Hỗ trợ về nhà ở Mức hỗ trợ như sau:": a title run into its lead
        if level and not level.what and level.verb == title.verb and not title.holder:
            level.what = title.what
        return level
    out = Lead()
    if tail := GROUPS_TAIL.search(bare) or EACH_TAIL.search(bare):
        bare, out.groups = bare[: tail.start()], True
    bare = ANNOUNCED.sub("", KINDS_TAIL.sub("", ANNOUNCE_TAIL.sub("", bare))).strip(" ,")
    bare = RATES_TAIL.sub("", bare)
    if FEE.match(bare) and not re.search(r"\d", bare):
        aim = AIM.search(bare)
        out.fee, out.aim = (bare[: aim.start()], aim["ctx"]) if aim else (bare, "")
        return out
    if m := HOLDS.match(bare):
        who = m["who"]
        if GENERIC.match(who) or listed_group(who):  # "Những học sinh sau đây được miễn học phí:"
            out.groups = True
        elif GROUP.match(who) and not RULE.search(who) and not out.groups:
            out.holder = who
        else:
            return None
    elif not (m := LEVEL.match(bare) or GIVES.match(bare)):
        return None
    out.verb, out.what = m["verb"].lower(), re.sub(r"^\s*(?:và|,)\s.*$", "", m["what"]).rstrip(" ,")  # "Mức hỗ trợ và điều kiện"
    if aim := AIM.search(out.what):  # "… cho người bệnh nội trú": said first; "… cho các đối tượng": goes
        out.what, out.aim = out.what[: aim.start()], "" if GENERIC.match(aim["ctx"]) else aim["ctx"]
    if re.search(r"\s(?:cho|đối với)\s", out.what):
        return None  # "… đối với người … không có lương hưu, trợ cấp …": whom, too long to say before the item's group
    if out.what and not out.what.startswith((" ", ", ")) or punishes(out.verb, out.what) or OVERLONG.search(out.what):
        return None  # "Hỗ trợ" glued to another word, a sanction worded as a giving, a lead that says more than what
    if out.verb in ("miễn", "giảm", "miễn, giảm") and out.what and not CHARGE.match(out.what.strip()):
        return None  # "Giảm nghèo bền vững": no charge waived, nothing given
    if GROUP.match(out.what.strip()):
        return None  # "Hỗ trợ hộ nghèo": whom, said without "cho" — the item's group would be said twice
    return out


def _group(who: str) -> bool:
    """A resident group named by the item, no rule of its own ("Học sinh là con hộ nghèo", "Hộ có nhà bị sập"); not
    the dead or missing a relief is counted by ("Người chết: 10.000.000 đồng/người"), who receive nothing."""
    staff = STAFF.search(holder_head(who))  # "Học sinh là con của cán bộ …": whose child, the holder is no staff
    return bool(GROUP.match(who)) and not staff and not RULE.search(who) and not DEAD.search(who) and words(who) <= 20


def _row(part: str) -> tuple[str, str] | None:
    """(who, value) of "Hộ nghèo: 1.500.000 đồng/hộ", "Hộ nghèo – 700.000 đồng/hộ", "2.000.000 đồng/hộ cho hộ nghèo"."""
    part = re.sub(r"^Đối với\s+", "", part)  # "Đối với hộ nghèo: 1.500.000 đồng/hộ"
    for sep in SEPARATORS:
        who, found, value = part.partition(sep)
        if found and VALUE.match(value) and ":" not in who:
            return who.strip(), _plain_value(value.strip())
    if m := VALUE_FIRST.match(part):
        return m["who"], m["value"]
    if (m := re.search(AMOUNT, part)) and not BOUND_END.search(part[: m.start()]) and not ACTS.search(part[: m.start()]):
        # "Hộ nghèo 1.500.000 đồng/hộ"; not "Người thứ nhất đóng bằng 4,5% …", a rule with its own verb
        start = re.search(r"(?:(?:từ|tối đa|tối thiểu|không quá|bằng)\s+)?$", part[: m.start()])
        cut = start.start() if start else m.start()
        return (part[:cut].strip(), part[cut:].strip()) if part[:cut].strip() else None
    return None


# a fee's row by where it is charged ("khu vực thành thị 300.000 đồng/học sinh/tháng"), not by who pays it
AREA_ROW = re.compile(r"^(?:khu vực|vùng|địa bàn|thành thị|nông thôn|miền núi|các xã|các phường|xã|phường|thị trấn)\b", re.I)
ACTS = re.compile(r"\b(?:đóng|nộp|(?<!chi )trả|thanh toán)\b")  # "… đóng bằng 4,5%", "… nộp phí 15.000 đồng": a rule, no group
BOUND_END = re.compile(r"\b(?:dưới|trên|đến|hơn|thấp|cao|không quá|tối đa|tối thiểu)\s*$")  # "… thu nhập dưới 2.000.000"
LISTED = re.compile(r",\s+|\s+và\s+")


def _parts(body: str) -> list[str]:
    """The rows of an item: "Hộ nghèo: …; hộ cận nghèo: …", or "hộ nghèo 1.500.000 đồng/hộ, hộ cận nghèo …" when each
    piece between commas (or "và") has its own amount."""
    out: list[str] = []
    for part in [p.strip(" ,") for p in body.split(";") if p.strip(" ,")]:
        pieces = LISTED.split(part)
        several = len(pieces) > 1 and all(re.search(AMOUNT, p) and GROUP.match(p) for p in pieces)
        out += pieces if several else [part]
    return out


def _plain_value(value: str) -> str:
    """ "mức 540.000 đồng/tháng" → "540.000 đồng/tháng"; "hệ số 1,5" → "theo hệ số 1,5"; "2,5 lần mức chuẩn" →
    "bằng 2,5 lần mức chuẩn": the value as it follows "được trợ cấp …"."""
    value = re.sub(r"^[Mm]ức\s+", "", value)
    if value.lower().startswith("hệ số"):
        return f"theo {lowerfirst(value)}"
    return f"bằng {value}" if re.match(r"\d[\d,]*\s+lần\s", value) else value


ASIDE_OPEN = re.compile(r",\s+(?:trừ|ngoại trừ|nếu|khi|kể cả|không kể)\s[^,]*$")


def closed(who: str) -> str:
    """ "Hộ nghèo, trừ hộ có nhà kiên cố" → "Hộ nghèo, trừ hộ có nhà kiên cố,": an aside that ends a group is closed
    before the predicate, else "… nhà kiên cố được hỗ trợ" is heard as the exception's own rule."""
    return who + "," if ASIDE_OPEN.search(who) else who


def _given(lead: Lead, who: str, value: str) -> str | None:
    """ "Hộ nghèo được hỗ trợ tiền điện 50.000 đồng/hộ/tháng": who, the lead's verb and object, the item's amount."""
    if value and re.search(r"\d", lead.what):
        return None  # an amount in the lead and another in the item: which is said?
    if value and PERCENT.match(value):
        benefit = f"{lead.verb} {value}{lead.what}"  # "được giảm 50% học phí"
    else:
        benefit = f"{lead.verb}{lead.what}{' ' + value if value else ''}"
    said = f"{closed(capfirst(who))} được {benefit}"
    return f"Đối với {lead.aim}, {lowerfirst(said)}" if lead.aim else said


OWN_GIVING = re.compile(
    rf"^(?:Đối với\s+)?(?P<who>[^:;]{{3,120}}?)\s*:\s*(?:[Mm]ức\s+)?(?:được\s+)?(?P<verb>{GIVE}|{alternatives([capfirst(v) for v in GIVING])})"
    r"(?P<rest>(?:\s.*)?)$"
)  # "Hộ nghèo: hỗ trợ 100% mệnh giá thẻ bảo hiểm y tế", "Trẻ em dưới 6 tuổi: miễn phí": the item has its verb


def own_giving(part: str, lead: Lead | None = None) -> str | None:
    """ "Hộ nghèo: Hỗ trợ 1.500.000 đồng/hộ" → "Hộ nghèo được hỗ trợ 1.500.000 đồng/hộ": the item's own verb, said
    after its group; a bare amount after the lead's verb takes the lead's object ("Hỗ trợ mua thẻ bảo hiểm y tế:" +
    "Hộ nghèo: hỗ trợ 100%" → "Hộ nghèo được hỗ trợ 100% mua thẻ bảo hiểm y tế")."""
    m = OWN_GIVING.match(part)
    if not m or not _group(m["who"]) or punishes(m["verb"], m["rest"]) or not m["rest"].strip() and lead is None:
        return None
    verb, rest = m["verb"].lower(), m["rest"].strip()
    if rest and not re.search(AMOUNT, rest) and not (verb in ("miễn", "giảm") and CHARGE.match(rest)):
        return None  # "Người dân: hỗ trợ lực lượng chữa cháy", "giảm thiểu rác thải": a duty, not money or a waiver
    if lead and lead.verb == verb and (not rest or VALUE.fullmatch(rest)) and not re.search(r"\d", lead.what):
        return _given(lead, m["who"], rest)
    return f"{capfirst(m['who'])} được {verb} {rest}".strip()


def _one(lead: Lead, part: str) -> str | None:
    if not lead.fee and (given := own_giving(part, lead)):
        return given
    row = _row(part)
    if lead.holder:  # "Hộ nghèo được hỗ trợ các khoản sau:" + "Tiền điện: 50.000 đồng/hộ/tháng"
        if not row or RULE.search(row[0]) or re.search(r"\d", lead.what):
            return None
        if KIND_OF.match(row[0]):
            return f"{lead.holder} được {lead.verb}{lead.what} {lowerfirst(row[0])} {row[1]}"
        if CASE.match(row[0]) and not GROUP.match(row[0]):  # "Nhà bị sập đổ hoàn toàn: 40.000.000 đồng/hộ": a case
            case = row[0] if row[0].startswith("Trường hợp") else f"Trường hợp {row[0][:1].lower()}{row[0][1:]}"
            return f"{case}, {lowerfirst(lead.holder)} được {lead.verb}{lead.what} {row[1]}"
        if row[0].lower().startswith(f"{lead.holder.lower()} ") and _group(row[0]):  # "Người khuyết tật … là trẻ em"
            return f"{row[0]} được {lead.verb}{lead.what} {row[1]}"  # the holder narrowed by the row: its own level
        return None
    if row and lead.fee and AREA_ROW.match(row[0]) and not RULE.search(row[0]) and words(row[0]) <= 8:
        said = f"{lead.fee} ở {lowerfirst(row[0])} là {row[1]}"  # "khu vực nông thôn 150.000 đồng/học sinh/tháng"
        return f"Đối với {lead.aim}, {lowerfirst(said)}" if lead.aim else said
    if row:
        who, value = row
        if not _group(who):
            return None
        if lead.fee:  # "Mức thu học phí đối với trẻ mầm non là …", "Đối với trường công lập, mức thu học phí của …"
            said = f"{lead.fee} {'của' if lead.aim else 'đối với'} {lowerfirst(who)} là {value}"
            return f"Đối với {lead.aim}, {lowerfirst(said)}" if lead.aim else said
        return _given(lead, who, value)
    if lead.groups and not lead.fee and _group(part):  # "Hỗ trợ 500.000 đồng/người cho các đối tượng sau:" + a group
        return _given(lead, part, "")
    return None


def lead_rows(lead: str, item: str) -> list[str] | None:
    """Each group of the item said with what its lead gives; None when the lead gives nothing a resident gets or an
    item part is no group with its amount (the caller says the item as before)."""
    if not (read := read_lead(lead)):
        return None
    body = flat(strip_noise(item)).rstrip(" .;,")
    if (labelled := titled(lead.rstrip(" :"), body, flat(item))) is not None:
        return labelled  # "Chính sách hỗ trợ chi phí học tập:" + "Đối tượng: học sinh mồ côi …": who gets it
    said: list[str] = []
    for part in _parts(body):
        sentence = _one(read, part)
        if sentence is None or punishes(read.verb, part):
            return None
        done = finish(f"{read.when}{lowerfirst(sentence)}" if read.when else sentence)
        if words(done) > HARD_MAX_WORDS or not listenable(done) or check(done):
            return None
        said.append(done)
    return said or None


INLINE = re.compile(r"^(?P<lead>[^:;]{5,80}):\s+(?P<items>.+)$")  # "Mức hỗ trợ: hộ nghèo 1.500.000 …; hộ …"
INLINE_MARKER = re.compile(r"(?:^|(?<=;))\s*(?:[a-zđ]\)|[-+•])\s+")  # "…: a) Hộ nghèo: …; b) Hộ cận nghèo: …"


def inline_rows_said(line: str) -> list[str] | None:
    """ "Mức hỗ trợ: hộ nghèo 1.500.000 đồng/hộ; hộ cận nghèo 1.000.000 đồng/hộ." → a sentence per group; a row
    with its own verb and no lead ("Hộ nghèo: hỗ trợ 1.500.000 đồng/hộ.") → "Hộ nghèo được hỗ trợ 1.500.000 đồng/hộ."."""
    body = flat(strip_noise(line)).rstrip(" .;")
    if ";" not in body and (given := own_giving(body)):
        said = finish(given)
        return [said] if words(said) <= HARD_MAX_WORDS and listenable(said) and not check(said) else None
    m = INLINE.match(body)
    if (
        not m
        or not (read := read_lead(m["lead"] + ":"))
        or read.holder
        or not GROUP.match(first := INLINE_MARKER.sub("", m["items"]).split(";")[0])
        and not VALUE_FIRST.match(first)
        and not (read.fee and AREA_ROW.match(first))
    ):
        return None
    return lead_rows(m["lead"] + ":", capfirst(INLINE_MARKER.sub(" ", m["items"]).strip()))


GLUED = re.compile(r"\s(?=[A-ZĐÀ-Ỹ])")


def glued_lead(line: str) -> tuple[str, str] | None:
    """ "Mức hỗ trợ học phí Học sinh: 100.000 đồng/tháng." (a clause's title run into its first row by a line join)
    → ("Mức hỗ trợ học phí:", "Học sinh: 100.000 đồng/tháng."): the title leads this row and the rows after it."""
    for m in GLUED.finditer(line):
        title, row = line[: m.start()], line[m.end() :]
        if ":" not in title and words(title) <= 12 and (read := read_lead(title + ":")) and not read.holder:
            if lead_rows(title + ":", row):
                return title + ":", row
    return None


class Above:
    """What a row with no lead line right above it continues: the lead line that closed an earlier passage of its
    clause ("1.1. Mức trợ cấp xã hội hằng tháng như sau:", before its points), a title run into the row ("Mức hỗ trợ
    học phí Học sinh: …"), its clause's title ("2. Hỗ trợ mua giống cây trồng"), else its article's title."""

    def __init__(self, title: str, subject: str = "", sheet: dict[str, str] | None = None) -> None:
        self.title, self.subject = title, subject  # the article's title, the document's ("Tổ chức chiến dịch tiêm …")
        self.sheet = sheet or {}  # "1. Đối tượng …" and "2. Mức hỗ trợ …" clauses: who gets how much (label_lines.sheet)
        self.recent: dict[str | None, str] = {}
        self.titles: dict[str | None, str] = {}
        self.firsts: dict[str | None, str] = {}  # each clause's first line: "3. Hỗ trợ người cao tuổi từ đủ 75 tuổi …"

    def heading(self, clause: str | None, point: str | None, line: str) -> None:
        if point is None:
            self.titles[clause] = line

    def named(self, clause: str | None, point: str | None, line: str) -> str:
        """What says whose a line with no verb is: its clause's heading, or first line when that is not the line itself."""
        first = self.firsts.setdefault(clause, line) if point is None else self.firsts.get(clause, "")
        return self.titles.get(clause) or (first if first != line else "") or self.title

    def closed(self, clause: str | None, lines: list[str]) -> None:
        if lines and lines[-1].endswith(":"):
            self.recent[clause] = lines[-1]

    def rows(self, clause: str | None, point: str | None, line: str) -> list[str] | None:
        bare = flat(strip_noise(line)).rstrip(" .;")
        if point is None and (glued := glued_lead(line)):
            self.recent[clause] = glued[0]  # the rows after it in the clause continue it too
            return lead_rows(*glued)
        if (m := INLINE.match(bare)) and read_lead(m["lead"] + ":") and (said := inline_rows_said(line)):
            self.recent[clause] = m["lead"] + ":"  # "Mức hỗ trợ: - Hộ nghèo: …" then "- Hộ cận nghèo: …" lines
            return said
        if UNCOLONED.search(bare) and read_lead(bare + ":"):
            self.recent[clause] = bare + ":"  # "Mức trợ cấp … như sau" without its colon leads the lines after it
            return None
        above = self.recent.get(clause) or self.titles.get(clause) or self.title
        return lead_rows(f"{above.rstrip(' :')}:", line) or titled(self.titles.get(clause, ""), bare, flat(line))


NARROWED_BY = re.compile(r"\b(?:quy định|nêu)\s+tại\b|\btheo quy định tại\b")
LABELLED = re.compile(
    r"^(?P<label>Đối tượng(?: áp dụng| hỗ trợ| được hỗ trợ| thụ hưởng)?|Mức(?: hỗ trợ| trợ cấp)?|Định mức(?: hỗ trợ)?|"
    r"Điều kiện(?: hỗ trợ| được hỗ trợ)?|Thời gian(?: hỗ trợ| thực hiện)?)\s*:\s*(?P<value>.+)$",
    re.I,
)  # "a) Đối tượng: hộ nghèo …", "c) Mức hỗ trợ: 100% chi phí …" under "2. Hỗ trợ mua giống cây trồng"


def titled(title: str, bare: str, written: str = "") -> list[str] | None:
    """A labelled point said with the benefit its clause's title names: "Hỗ trợ mua giống cây trồng" + "Đối tượng: hộ
    nghèo …" → "Hộ nghèo … được hỗ trợ mua giống cây trồng."; alone ("Đối tượng: hộ nghèo …") it says nothing. Not
    when the point's group was narrowed by a reference (`written`, before cleaning) or the title's own aim ("… cho hộ
    bị thiệt hại do bão"), which the sentence would drop, nor for a condition that is an exception."""
    m = LABELLED.match(bare)
    if not m or not title or not (read := read_lead(title + ":")) or read.holder or read.fee or read.groups or read.aim:
        return None
    if NARROWED_BY.search(written) or re.match(r"(?:trừ|ngoại trừ|không)\b", m["value"], re.I):
        return None
    giving, label = f"{read.verb}{read.what}", m["label"].lower()
    value = re.sub(rf"^{re.escape(read.verb)}\s+", "", m["value"], flags=re.I)  # "Mức hỗ trợ: hỗ trợ 30% …"
    if label.startswith("đối tượng"):
        said = f"{capfirst(value)} được {giving}" if GROUP.match(value) and not RULE.search(value) else ""
    elif label.startswith(("mức", "định mức")):
        said = f"Mức {giving} là {value}" if VALUE.match(value) else ""
    elif label.startswith("điều kiện"):
        said = f"Điều kiện để được {giving} là {lowerfirst(value)}"
    else:
        said = f"Việc {giving} được thực hiện {value}" if re.match(r"(?:từ|kể từ|đến|trong)\s", value) else ""
    done = finish(said)
    return [done] if said and words(done) <= HARD_MAX_WORDS and listenable(done) and not check(done) else None
