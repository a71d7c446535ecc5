"""A list row that only names a group is heard with what its lead gives it, or not at all.

"Các đối tượng sau được miễn học phí:" then "a) Học sinh là con của người có công;": the row is a noun phrase, its
"là", "có", "bị" describe the group and say no rule of their own. Said alone ("Học sinh là con của người có công.")
a listener hears a group and not what it gets; glued after a sibling that has the lead's words ("…; là con của …")
it seems to get what the sibling gets, or the sibling's words seem to be its own. Nor is a lead that announces its
list ("Các đối tượng sau được miễn học phí", its colon missing) a fact of its own: said alone it names nobody.
"""

from __future__ import annotations

import re

from scripts.sentences import strip_noise

# who a row names when it is a group: a person, a household, a child, staff (never a thing, an act or an office)
PEOPLE = re.compile(
    r"^(?:(?:các|những|mỗi)\s+)?(?:Người|Chủ hộ|Học sinh|Sinh viên|Trẻ em|Trẻ|Hộ|Thân nhân|Con|Cha|Mẹ|Vợ|Chồng|Cựu|Thương binh|"
    r"Bệnh binh|Liệt sĩ|Thanh niên|Phụ nữ|Lao động|Nông dân|Ngư dân|Đồng bào|Cá nhân|Gia đình|Thành viên|Học viên|"
    r"Trẻ mồ côi|Bà mẹ|Công dân|Cán bộ|Công chức|Viên chức|Nhân viên|Quân nhân|Dân quân|Công an)\b",
    re.I,
)
# the words with which a row says a rule of its own; "là con của …", "có cha mẹ …", "bị tai nạn …" only describe
OWN_RULE = re.compile(
    r"\b(?:được|phải|cấm|nghiêm cấm|không được|thì|nếu|có trách nhiệm|có nghĩa vụ|có quyền|chịu trách nhiệm)\b|\d", re.I
)
# a lead whose subject is its list: "Các đối tượng sau được …", "Những học sinh sau đây được …"
LISTED_SUBJECT = re.compile(
    r"^(?:[^,;:]*\s)?(?:các|những)\s+(?:[^\s,;:]+\s+){1,4}?(?:sau đây|dưới đây|sau)"
    r"\s+(?:được|phải|không|có|là|gồm|bao gồm|thuộc|bị|áp dụng)\b",
    re.I,
)
# a lead that ends announcing its list: "Các đối tượng sau", "… như sau", "… gồm"
LIST_END = re.compile(
    r"(?:^|\s)(?:các|những)\s+(?:[^\s,;:]+\s+){1,4}?(?:sau đây|dưới đây|sau)\s*[:,.]?$|"
    r"\s(?:như sau|sau đây|dưới đây|gồm có|bao gồm|gồm)\s*[:.]?$",
    re.I,
)


def noun_row(row: str) -> bool:
    """ "Học sinh là con của cán bộ bị tai nạn lao động": a group named, no verb of its own."""
    bare = strip_noise(row).strip(" .;,")
    return bool(PEOPLE.match(bare)) and not OWN_RULE.search(bare)


def uncoloned_lead(line: str) -> bool:
    """ "Các đối tượng sau được miễn học phí", "Mức hỗ trợ như sau": a lead whose colon is missing, said alone it
    would name nobody; a line that goes on with its list ("…: học sinh khuyết tật", "…, gồm …") is no such lead."""
    bare = strip_noise(line).strip().rstrip(".")
    if bare.endswith(":") or re.search(r"[:;,]", bare) or len(bare.split()) > 30:
        return False
    return bool(LISTED_SUBJECT.search(bare) or LIST_END.search(bare))


def subject_is_list(lead: str) -> bool:
    """ "Những học sinh sau đây được miễn học phí": nothing can follow it in one sentence — a row glued after it
    ("… được miễn học phí học sinh khuyết tật") is heard garbled."""
    return bool(LISTED_SUBJECT.search(strip_noise(lead)))


def unheard_rows(row: str, said: list[str]) -> list[str]:
    """What is said for a list row, less any sentence that still says no rule: the group said bare, or glued to a
    lead that gives nothing ("Các đối tượng sau đây:" → "Các đối tượng học sinh …"), is never heard as the news."""
    if not noun_row(row):
        return said
    return [s for s in said if OWN_RULE.search(strip_noise(s)) or NOT_CHARGED.match(s)]


NOT_CHARGED = re.compile(r"^Không (?:thu|tính|áp dụng)\s\S.*\s(?:đối với|cho)\s")  # "Không thu phí … đối với học sinh …"


# where a group's own words end and a relative's begin: "Học sinh | là con của cán bộ …", "Trẻ em | có cha mẹ …"
KIN = re.compile(
    r"\s(?:là\s+)?(?:con|cha|mẹ|bố|vợ|chồng|thân nhân|người thân)\s+(?:đẻ\s+|nuôi\s+)?(?:của|là)\b|"
    r"\scó\s+(?:cha|mẹ|bố|vợ|chồng|con|cha mẹ|bố mẹ|người thân)\b",
    re.I,
)


def holder_head(who: str) -> str:
    """ "Học sinh là con của cán bộ bị tai nạn lao động" → "Học sinh": the group itself, not the parent it is
    described by (a staff word there says whose child, not that the holder is staff)."""
    return who[: m.start()] if (m := KIN.search(who)) else who


def listed_group(who: str) -> bool:
    """ "Những học sinh sau đây": a lead's subject that is the list below it, not a group of its own."""
    return bool(re.search(r"\s(?:sau đây|dưới đây|sau)$", who)) and bool(PEOPLE.match(who))


LEAD_REFERENCE = re.compile(r"\b(?:quy định|nêu)\s+tại\s+(?:các\s+)?(?:điểm|khoản|Điều)\b")
AIMED = re.compile(r"\s(?:cho|đối với)\s+" + PEOPLE.pattern.removeprefix("^"), re.I)  # "Mức hỗ trợ đối với người …"
AMOUNT_AFTER = re.compile(r"^[^:;]{3,120}:\s*(?:(?:từ|tối đa|tối thiểu|không quá|bằng)\s+)?\d")


def narrowed_row(lead: str, row: str) -> bool:
    """ "Mức hỗ trợ đối với đối tượng quy định tại khoản 2 Điều 1 …:" then "a) Người dưới 16 tuổi: 400.000 đồng/…": the
    lead's reference says which people; the row said alone gives the amount to everyone under 16. So does a lead's
    "đối với người khuyết tật nặng …" that `lead_rows` could not say with the row."""
    bare = strip_noise(row).strip(" .;,")
    return bool((LEAD_REFERENCE.search(lead) or AIMED.search(lead)) and PEOPLE.match(bare) and AMOUNT_AFTER.match(bare))


# an opening that is no subject: a case or condition set before the comma ("Trường hợp trẻ em thuộc hộ nghèo, …"), an
# exception or a waiver whose holder follows its verb ("Không áp dụng … đối với người đang …")
FRONTED = re.compile(r"^(?:Trường hợp|Trong trường hợp|Khi|Nếu|Đối với|Riêng|Không áp dụng|Không thu|Miễn|Giảm)\b", re.I)


def fronted(split: list[str], n: int) -> bool:
    """Do the first `n` words of a point (`split`) end inside an opening that is not its subject? Then siblings that
    share them are said whole: "…; cận nghèo, trẻ em …" or "…; được nuôi dưỡng …" would be heard garbled."""
    if not n or not FRONTED.match(" ".join(split[:3])):
        return False
    comma = next((i for i, w in enumerate(split) if w.endswith(",")), -1)
    return comma < 0 or n <= comma
