"""A subject narrowed by a reference the listener cannot follow: "Người cao tuổi quy định tại điểm a khoản 2 Điều 1
Quyết định này được hỗ trợ 250.000 đồng/người/tháng".

The reference is what says which elderly people: those of point a, "từ đủ 75 tuổi … thuộc hộ cận nghèo …".
Dropped, the rule is heard as one for every elderly person; "Quy định tại khoản 2 Điều 1 Nghị định này áp dụng
từ …" dropped to "Quy định áp dụng từ …" is heard as the whole decree's date. When the group cannot be said in
its own words (``scripts.references.who_is_meant`` tries first), the sentence is not said: its reference is
kept, and a sentence with a reference is never aired. A subject that already says it is narrowed ("Thân nhân
đủ điều kiện quy định tại …": whoever meets the conditions) keeps its rule.
"""

from __future__ import annotations

import re

NARROWED = re.compile(
    r"^(?:(?:Trường hợp|Đối với|Khi)\s+)?(?:(?:[Cc]ác|[Nn]hững)\s+)?(?:[Qq]uy định|[Nn]ội dung)\s+tại\s+"
    r"(?:các\s+)?(?:điểm|khoản|Điều|Chương|Mục|Phụ lục)\b|"
    r"^(?:(?:Trường hợp|Đối với|Khi)\s+)?(?P<who>[^\s,;:()]+(?:\s+[^\s,;:()]+){0,7}?)\s+(?:được\s+)?(?:quy định|nêu)\s+tại\s+"
    r"(?:các\s+)?(?:điểm|khoản|Điều|Chương|Mục|Phụ lục)\b"
)
VERB = re.compile(r"\b(?:được|phải|là|có|không|thì|theo|thực hiện|áp dụng)\b")
SAYS_NARROWED = re.compile(r"\b(?:đủ điều kiện|đáp ứng (?:các\s+)?điều kiện)$")
SAME_ARTICLE_LEVEL = re.compile(r"^[Mm]ức\s[^;]*?\bquy định tại\s[^;]{0,40}?\bĐiều này\b")
# "Mức học phí quy định tại khoản 1, khoản 2 Điều này là căn cứ …": the levels its article has just given
ONLY_BY_REFERENCE = re.compile(
    r"^(?P<head>[^;]{3,200}?)\s(?:được\s+)?(?:thực hiện|áp dụng)\s+theo\s+quy định\s+tại\s+(?:các\s+)?(?:điểm|khoản|Điều)\b[^;]*[.;]?$"
)  # "Việc tạm dừng, chấm dứt, tiếp tục hưởng lương hưu … thực hiện theo quy định tại các Điều 75, 80 …": without the
# reference the rule is its subject alone ("Việc tạm dừng, chấm dứt …."), which says nothing
PREDICATE_BEFORE = re.compile(r"\b(?:được|phải|là|không|bị|thì|có trách nhiệm|thuộc (?:đối tượng|diện))\b")


NAMED_ONLY_BY_REFERENCE = re.compile(
    r"(?<!trừ )(?<!trừ các )\b(?:hành vi|trường hợp|đối tượng|mức)\s+(?:được\s+)?(?:quy định|nêu)\s+tại\s+(?:các\s+)?(?:điểm|khoản|Điều)\b[^;.,:]*?"
    r"(?:Điều\s+\d+[a-zđ]?|này|\d{4})(?!\s+(?:của|Luật|Nghị định|Quyết định|Thông tư|Nghị quyết)\b)"
    r"|\b(?:người|cá nhân|tổ chức|hộ)\s+(?:có hành vi\s+)?vi phạm\s+(?:quy định\s+)?tại\s+(?:các\s+)?(?:điểm|khoản|Điều)\b"
    r"[^;.,:]*?(?:Điều\s+\d+[a-zđ]?|này)(?!\s+(?:của|Luật|Nghị định|Quyết định|Thông tư|Nghị quyết)\b)"
    r"|\b(?:trừ|ngoại trừ)\s+(?:các\s+)?(?:trường hợp|hành vi|đối tượng)(?:\s+[^\s,;.:()]+){1,4}?\s+(?:được\s+)?(?:quy định|nêu)\s+tại\s"
)  # "Buộc tiêm phòng vắc xin đối với hành vi quy định tại khoản 1 Điều này;": without it, "đối với hành vi;" says nothing
# nor "… thực hiện hành vi quy định tại khoản 1 Điều này còn bị trừ điểm …" ("… thực hiện hành vi còn bị …"), "gấp đôi
# mức quy định tại …" ("gấp đôi mức."), "…, trừ trường hợp vi phạm quy định tại khoản 3 …" ("trừ trường hợp vi phạm.");
# "Ngoài việc bị phạt tiền, người vi phạm quy định tại khoản 2 Điều này bị trừ điểm …" ("người vi phạm bị trừ điểm":
# every offender); a bare "…, trừ trường hợp quy định tại …" is sentences.finish's: see branch fuzz-half-exception

GROUP_BY_REFERENCE = re.compile(
    r"\b(?:[Nn]gười|[Hh]ộ|[Tt]hành viên|[Đđ]ối tượng|[Tt]rẻ em|[Hh]ọc sinh|[Cc]á nhân|[Cc]ông dân|[Tt]hân nhân|[Gg]ia đình)"
    r"(?P<between>(?:\s+[^\s,;.:()]+){0,6}?)\s+(?:được\s+)?(?:theo\s+)?(?:quy định|nêu)\s+tại\s+(?:các\s+)?(?:điểm|khoản|Điều)\b"
    r"|\b(?:trừ|ngoại trừ)\s+(?:[^\s,;.:()]+\s+){1,6}?(?:được\s+)?(?:theo\s+)?(?:quy định|nêu)\s+tại\s"
)  # "… cấp thẻ cho thành viên hộ gia đình quy định tại khoản 1 Điều 8": without it, every household member; "…, trừ
# thành viên hộ gia đình quy định tại …": without it, none of them. The reference is what says which; a verb between
# ("người lao động được hưởng chế độ quy định tại …") makes it what they get, not who they are
GROUP_VERB = re.compile(r"\b(?:được|phải|là|có|không|bị|thì|hưởng|nộp|đóng|thực hiện|áp dụng|đề nghị|làm)\b")


def group_by_reference(text: str) -> bool:
    """Is a group in the provision named only by its reference, anywhere in it?"""
    return any(
        m["between"] is None or not GROUP_VERB.search(m["between"]) and not SAYS_NARROWED.search(m["between"])
        for m in GROUP_BY_REFERENCE.finditer(text)
    )


SHARE_OF_REFERENCE = re.compile(r"\d\s*%\s+(?:của\s+)?mức\s+(?:được\s+)?(?:quy định|nêu)\s+tại\s")
# "… thì mức hỗ trợ bằng 50% mức quy định tại khoản 1 Điều này": without it, "bằng 50% mức." — of which level?


def narrowed_subject(text: str) -> bool:
    """Does the provision open with a subject that only its reference narrows, or say nothing but its reference?"""
    if (only := ONLY_BY_REFERENCE.match(text)) and not PREDICATE_BEFORE.search(only["head"]):
        return True
    if NAMED_ONLY_BY_REFERENCE.search(text) or SHARE_OF_REFERENCE.search(text) or group_by_reference(text):
        return True
    if SAME_ARTICLE_LEVEL.match(text):
        return False
    m = NARROWED.match(text)
    if not m or m["who"] is None:
        return bool(m)  # "Quy định tại khoản 2 Điều 1 …": the rule it names is nothing without it
    return not VERB.search(m["who"]) and not SAYS_NARROWED.search(m["who"])


# "theo quy định của pháp luật lao động không …" names a law: dropped as boilerplate (sentences.BOILERPLATE) it left
# "… hợp đồng thử việc lao động không …"; the phrase goes only where a connective or a verb follows it
NAMED_LAW = r"(?!\s+(?!(?:thì|trước|sau|khi|mà|được|phải|để|tại|cho|nhưng|không|và|hoặc|trong|từ|bị|có|là|nếu|với)\b)\w)"
TITLE_ONLY = re.compile(
    r"^(?:Quyết định|Nghị định|Thông tư|Nghị quyết|Chỉ thị|Công văn)\s+(?:số\s+)?\S+\s+(?:[^;]*?\s)?về việc\s"
    r"(?![^;]*\b(?:có hiệu lực|hết hiệu lực|bãi bỏ|thay thế|được|phải|là)\b)[^;]*$"
)  # "Quyết định số 613/QĐ-TTg về việc trợ cấp hằng tháng cho những người …": a title, the second of a list of them
