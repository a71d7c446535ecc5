"""How an editor shortens a long obligation before it is cut: fewer words, the same rule.

"Trước khi thực hiện việc vận tải hàng hóa siêu trường, hàng hóa siêu trọng, … phải lập phương án vận tải
hàng hóa siêu trường, hàng hóa siêu trọng gửi …" → "Trước khi vận tải hàng hóa siêu trường, siêu trọng, …
phải lập phương án vận tải gửi …": the light verb goes, a repeated head noun is said once, a phrase already
said is not said again, and the list after "gồm/bao gồm/như sau" is left for the document. Subject, modal,
main verb and object stay, and so does every date and amount (a change that would lose one is not made).
"""

from __future__ import annotations

import re

from scripts.whole_lists import open_end

OBLIGATION = re.compile(r"\s(?:phải|không được|bị cấm|có nghĩa vụ|có trách nhiệm)\s")  # not "bắt buộc": "bảo hiểm … bắt buộc"
LIGHT_VERB = re.compile(r"\bthực hiện việc\s+")
REPEATED_HEAD = re.compile(r"\b(\w+ \w+) (\w+ \w+), \1 (?=\w)")
ENUMERATION = re.compile(
    r"(?<!\bkhông)(?<!\bchưa)(?<!\bbao),?\s+(?:bao gồm|gồm|như sau)\b.*$"
)  # "không/chưa bao gồm" is the rule
DIGITS = re.compile(r"\d")
LIST_FILLER = re.compile(
    r"\b((?:bao )?gồm)(?: có)?\s+(?:các|những)\s+(?:\S+\s+){0,4}?sau(?:\s+đây)?\s*:?\s+(?!đây\b|khi\b|này\b|đó\b)(?=[a-zà-ỹđ])"
)


def inline_list(text: str) -> str:
    """ "Phương án gồm các nội dung chủ yếu sau số người …" (a list's lead that lost its colon, its first item glued
    on) → "Phương án gồm số người …": the lead's filler goes, the list is said as the object of "gồm"."""
    return LIST_FILLER.sub(r"\1 ", text)


AFTER_OBJECT = re.compile(r"^(?:gửi|để|và|cho|tại|trước|theo|trong|với)\b|^$")
PREPOSITION = re.compile(r"^(?:vào|cho|tại|với|của|về|đến|từ|trong|theo|trên|dưới)$")  # "đóng vào" needs what follows


def _said_again(text: str) -> str:
    """A list the condition already named whole ("hàng hóa siêu trường, siêu trọng,") is not said again after the modal,
    where it ends the object (before "gửi", "để" … or the end); a phrase that runs on ("… xã hội, tai nạn lao động") stays."""
    modal = OBLIGATION.search(text)
    if not modal:
        return text
    head, tail = text[: modal.end()], text[modal.end() :]
    tokens = tail.split(" ")
    for size in range(min(16, len(tokens) - 2), 3, -1):
        for start in range(1, len(tokens) - size + 1):  # never the verb itself
            phrase = " ".join(tokens[start : start + size])
            rest = " ".join(tokens[start + size :])
            if (
                "," in phrase[:-1]
                and not phrase.endswith(",")
                and phrase + "," in head
                and AFTER_OBJECT.match(rest)
                and not PREPOSITION.match(tokens[start - 1])
                and not PREPOSITION.match(tokens[start])  # "vào Quỹ …" is where, not a repeat
                and not tokens[start - 1][:1].isupper()  # a name ("Quỹ bảo hiểm …") is said whole
                and not re.search(rf"(?:^|\s){re.escape(tokens[start - 1])} {re.escape(phrase)},", head)  # nor a part of one
            ):
                return head + " ".join(tokens[:start] + tokens[start + size :])
    return text


def _enumeration_dropped(text: str) -> str:
    modal = OBLIGATION.search(text)
    if modal and (m := ENUMERATION.search(text, modal.end())) and not DIGITS.search(m[0]):
        return text[: m.start()]
    return text


# "Bãi bỏ toàn bộ Thông tư số 31/…": what is done to a named document is the rule, never a clause heading
NAMED_DOCUMENT = re.compile(
    r"(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Văn bản)(?: liên tịch)? số \d"
)
# "… quy định việc áp dụng chế độ bồi dưỡng …" → "… quy định chế độ bồi dưỡng …": the nominaliser carries no fact
NOMINALISER = re.compile(r"\b(quy định|hướng dẫn) việc (?:áp dụng|thực hiện) (?=\w)")
# "… số người thực hiện giám định đối với từng loại việc giám định pháp y" → "… giám định pháp y": said once
EACH_KIND = re.compile(r"\b(\w+ \w+) đối với (?:từng|mỗi) loại (?:việc )?\1 (?=\w)")

# "… học trực tuyến (học online) …", "… Chủ tịch xã (Trưởng ban …) …": an aside a listener can do without in a long
# provision, unless it holds a figure, a unit, a negation, a condition or an exception ("(trừ …)", "(nếu có)",
# "(không kể …)", "(đồng/người)")
ASIDE = re.compile(
    r"\s*\((?![^()]*(?:\d|/|%|\b(?:không|chưa|trừ|nếu|khi|chỉ|kể cả|bao gồm|hoặc|tối đa|tối thiểu|trường hợp|đồng|đơn vị)\b))"
    r"[^()]{1,80}\)"
)


def plain(text: str) -> str:
    """A long provision without the words that carry no fact for a listener, before any cut; never a figure, date,
    negation or condition."""
    return ASIDE.sub("", EACH_KIND.sub(r"\1 ", NOMINALISER.sub(r"\1 ", text)))


def condense(text: str, limit: int) -> str:
    """The obligation said in fewer words, one edit at a time until it fits in `limit` words; the text unchanged
    when it binds no one, or when an edit would lose a figure."""
    if not OBLIGATION.search(text):
        return text
    short = text
    edits = (lambda t: LIGHT_VERB.sub("", t), lambda t: REPEATED_HEAD.sub(r"\1 \2, ", t), _enumeration_dropped, _said_again)
    for edit in edits:
        if len(short.split()) <= limit:
            break
        edited = edit(short)
        kept = sorted(DIGITS.findall(edited)) == sorted(DIGITS.findall(short)) and not open_end(edited)
        short = edited if kept else short  # "… chưa bao gồm thuế …" cut to "… chưa": no edit
    return short


# "… như sau 2." ends on the next clause's number, glued by a line break; "… ngày 14 tháng 10.", "… cấp 12." end on
# their own figure, which stays
GLUED_NUMBER = re.compile(
    "".join(
        rf"(?<!\b{w})"
        for w in "tháng ngày năm giờ phút cấp độ số loại hạng nhóm vùng khu tổ thôn ấp bản đội bão lớp khối quý tuần lộ km kỳ đợt tầng".split()
    )
    + r"(?:\s+\d{1,2}\.?)+$"
)

# "Thời gian hưởng …, hợp đồng … không được tính là …": a subject whose negated rule is in the tail is never said alone
MODAL_WORD = re.compile(r"\b(?:được|phải|bị|là|không|chưa|cấm|có trách nhiệm)\b")  # where a legal sentence says its rule
SOME_CASES = "Tùy trường hợp, "  # a rule said without the long condition it holds under: never as if for all
# "Người dân được hỗ trợ …, chịu trách nhiệm hoàn trả …": a duty owed by a right's holder is never cut off the right
# "Người sử dụng lao động thuộc đối tượng … bị thiệt hại …, làm văn bản đề nghị …": the head is who files, not a rule
FILES = re.compile(
    r"(?:làm|lập|gửi|nộp)\s+(?:văn bản|hồ sơ|đơn|tờ khai|báo cáo)|kê khai\b|khai báo\b|đề nghị\b|đăng ký\b|"
    r"đến [^,;]{3,60}?(?:để )?(?:đăng ký|làm thủ tục|nộp|khai báo)\b"
)
OWN_RULE = re.compile(r"\b(?:được|phải|không|chưa|cấm|có trách nhiệm|có quyền|có nghĩa vụ)\b")


def only_who_files(head: str, tail: str) -> bool:
    """Is the head of a cut sentence only the subject of a filing verb that stood in its tail ("Người lao động bị mất
    việc làm do …, nộp hồ sơ đề nghị …")? A head with a rule of its own ("… được hỗ trợ …, nộp hồ sơ …") is not."""
    return bool(FILES.match(tail.strip()) and not OWN_RULE.search(head))


OWED = re.compile(r"(?:chịu trách nhiệm|có trách nhiệm|có nghĩa vụ|phải|nộp|hoàn trả|bồi thường|cam kết)\b")
