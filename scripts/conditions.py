"""A rule said with its condition: a long "Trường hợp … thì …" told in fewer words, never cut from its condition.

A provision that grants or obliges on a condition ("Chủ hộ … đã đủ điều kiện … trước ngày … thì được giải quyết
hưởng … kể từ ngày …") is one fact: the benefit without its condition misleads, the condition without its main
clause says nothing. Legal prose is long mostly because it repeats itself — the object of a verb said again after
the same verb, "người nộp lệ phí đã nộp lệ phí", "có hiệu lực thi hành", "theo quy định", "theo các đối tượng
này" pointing back to a reference the listener never heard. Saying each of these once usually brings the whole
rule, condition and all, within a sentence a listener can follow. Every figure stays (an edit that would lose a
digit is not made); a sentence that still does not fit is left to the shorter cuts of ``scripts.sentences``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

OPENER = re.compile(r"^(?:Trường hợp|Trong trường hợp|Nếu|Khi|Đối với)\s")
THEN = re.compile(r"\sthì\s")
DIGITS = re.compile(r"\d")

IN_FORCE = re.compile(r"\bcó hiệu lực thi hành\b")  # "trước ngày Nghị quyết này có hiệu lực thi hành": the same day
AS_PROVIDED = re.compile(r",?\s+theo quy định(?=\s*(?:[,.;]|$))")  # "… kể từ ngày đủ điều kiện hưởng theo quy định."
BACK_REFERENCE = re.compile(
    r",?\s+(?:theo|thuộc|của|đối với)\s+(?:các\s+|những\s+)?(?:đối tượng|trường hợp)\s+(?:này|nêu trên|trên|đó)\b"
)  # "… đóng bảo hiểm xã hội bắt buộc theo các đối tượng này …": points back to a reference already dropped
AGENT_REPEAT = re.compile(r"\b(người|tổ chức|cá nhân) (\w+) (\w+(?: \w+){0,2}) (đã|nhưng đã|mà đã) \2 \3\b")
# "người nộp lệ phí đã nộp lệ phí" → "người đã nộp lệ phí": the agent noun says again what the verb says
HEAD_AGAIN = re.compile(
    r"\b(?!(?:theo|của|tại|với|cho|về|từ|trong|đối|khi|và|hoặc|vừa|đã|đang|được|không|có|phải|là|bị|sẽ|mà|thì|nếu)\s)((?:[\wđ]+ ){2,3}[\wđ]+) ([^,;:()\d]{6,60}?), \1 (?=[\wđ])"
)
# "hóa đơn điện tử có mã của cơ quan thuế, hóa đơn điện tử khởi tạo từ máy tính tiền" → "… cơ quan thuế, khởi tạo …"
OBJECT_VERBS = ("hưởng", "đóng", "nộp", "tham gia", "sử dụng", "áp dụng", "cấp", "nhận")
MAX_OBJECT_WORDS = 7
ENDS_PHRASE = re.compile(r"^(?:$|[,.;]|(?:kể|từ|trước|sau|theo|cho|tại|thì|khi|nếu|trong|và|hoặc|mà|để|đến|kể từ)\b)")


def _object_said_once(text: str) -> str:
    """ "… đủ điều kiện hưởng chế độ bảo hiểm xã hội … thì được giải quyết hưởng chế độ bảo hiểm xã hội kể từ ngày
    đủ điều kiện hưởng chế độ bảo hiểm xã hội" → "… thì được giải quyết hưởng kể từ ngày đủ điều kiện hưởng": after
    the same verb a listener still hears the object named first. Only a whole object goes, never the head of a
    longer phrase ("đóng bảo hiểm xã hội | bắt buộc" stays)."""
    for verb in OBJECT_VERBS:
        starts = [m.end() for m in re.finditer(rf"\b{verb} ", text)]
        for at in reversed(starts[1:]):  # from the end, so the earlier positions stay valid
            earlier = text[: at - len(verb) - 1]
            for n in range(MAX_OBJECT_WORDS, 2, -1):
                m = re.match(rf"(?:[^\W\d_]+ ){{{n - 1}}}[^\W\d_]+", text[at:])
                if m and f"{verb} {m[0]}" in earlier and ENDS_PHRASE.match(text[at + m.end() :].lstrip()):
                    text = text[:at].rstrip() + text[at + m.end() :]
                    break
    return text


HOLDERS = "người|hộ|cá nhân|chủ|thân nhân|trẻ em|học sinh|lao động"
HOLDER = rf"(?:{HOLDERS})\b"
AGENCY = r"(?:tổ chức thu|cơ quan|đơn vị|Ủy ban nhân dân|Bảo hiểm xã hội|Kho bạc|Sở|Bộ|Quỹ)\b[^,;]{0,40}?"
DONE_FOR_HOLDER = re.compile(
    rf"^(?:Trường hợp|Trong trường hợp|Nếu)\s+(?P<who>{HOLDER}.+?),\s+{AGENCY}\s(?P<neg>không\s)?"
    r"(?P<verb>hoàn trả|hoàn lại|trả lại|chi trả|bồi thường|hỗ trợ|cấp)\s(?P<what>.+?)"
    rf"(?:\s+cho\s+{HOLDER}[^,;]{{0,20}})?$"
)


def _as_holders_right(text: str) -> str:
    """ "Trường hợp người đã nộp lệ phí nhưng không đủ điều kiện …, tổ chức thu lệ phí hoàn trả số tiền lệ phí đã thu"
    → "Người đã nộp lệ phí nhưng không đủ điều kiện … được hoàn trả số tiền lệ phí đã thu": the resident the condition
    names is who gets it; which office pays is the document's to say. "không hoàn trả" stays a refusal."""
    if not (m := DONE_FOR_HOLDER.match(text)):
        return text
    right = "không được" if m["neg"] else "được"
    return f"{m['who'][:1].upper()}{m['who'][1:]} {right} {m['verb']} {m['what']}"


ADJUNCT_END = re.compile(r"^(?:$|[,.;]|(?:không|là|được|phải|thì|và|hoặc|khi|nếu|mà|để|đến|từ|trước|sau|theo|cho)\b)")


def _place_said_once(text: str) -> str:
    """ "doanh nghiệp mới thành lập trong kỳ tính thuế và dự kiến tổng doanh thu trong kỳ tính thuế không quá 01 tỷ
    đồng" → "… dự kiến tổng doanh thu không quá 01 tỷ đồng": the same time or place said again adds nothing; a phrase
    that goes on ("trong kỳ tính thuế năm sau") is another one and stays."""
    for m in reversed(list(re.finditer(r"\s(?:trong|tại) (?:[^\W\d_]+ ){2,6}?[^\W\d_]+(?=\s|[,.;]|$)", text))):
        rest = text[m.end() :].lstrip()
        if m[0] in text[: m.start()] and ADJUNCT_END.match(rest):
            return _place_said_once(text[: m.start()] + text[m.end() :])
    return text


EDITS: tuple[Callable[[str], str], ...] = (
    lambda t: IN_FORCE.sub("có hiệu lực", t),
    lambda t: AS_PROVIDED.sub("", t),
    lambda t: BACK_REFERENCE.sub("", t),
    lambda t: AGENT_REPEAT.sub(r"\1 \4 \2 \3", t),
    _object_said_once,
    _place_said_once,
    lambda t: HEAD_AGAIN.sub(r"\1 \2, ", t),
    _as_holders_right,
)


PEOPLE = re.compile(rf"\b(?:{HOLDERS}|đối tượng|công dân|dân quân|doanh nghiệp|hợp tác xã)\b", re.I)


def conditional(text: str) -> bool:
    """A rule that holds on a condition: "Trường hợp …, …", "Nếu …", "… thì …"."""
    return bool(OPENER.match(text) or THEN.search(text))


def with_condition(text: str, limit: int, hard: int) -> str | None:
    """The rule with its condition, said by the edits above one at a time until it fits in `limit` words; None when
    it is no conditional rule, or still longer than `limit` and names no one it holds for, or longer than `hard` (a
    caller may then cut it, never to the benefit alone)."""
    if not conditional(text):
        return None
    short = text
    for edit in EDITS:
        if len(short.split()) <= limit:
            break
        edited = edit(short)
        if sorted(DIGITS.findall(edited)) == sorted(DIGITS.findall(short)):
            short = edited
    fits = len(short.split()) <= limit or len(short.split()) <= hard and PEOPLE.search(short)
    return short if fits else None  # the longer sentence is paid for by what it tells a resident of their own


CONDITION_LEAD = re.compile(r"^(?P<cond>(?:Trường hợp|Trong trường hợp|Nếu|Khi)\s[^,;:]+?|[^;:]+?\sthì)\s*:$")
ANNOUNCED = re.compile(r"\b(?:sau đây|như sau|dưới đây|gồm|bao gồm)\b")  # "Khi …, người lái xe phải mang các giấy tờ sau đây:"


def under_condition(lead: str, point: str, limit: int, hard: int) -> str | None:
    """A point whose lead is its condition ("Người đang hưởng … mà chết từ ngày … thì:" then "b) Thân nhân được hưởng
    trợ cấp tuất một lần …") said with it, in one sentence of at most `hard` words; None when it cannot be.
    `point` comes as it goes on the sentence (its first letter lowered unless it starts a name)."""
    if not (m := CONDITION_LEAD.match(lead.strip())) or not point or ANNOUNCED.search(m["cond"]):
        return None
    cond = m["cond"]
    joined = f"{cond} {point}" if cond.endswith(" thì") else f"{cond}, {point}"
    if len(joined.split()) <= limit:
        return joined
    return with_condition(joined, limit, hard)


LEVEL = re.compile(r"^Mức\s[^;]*?\d[\d.,]*\s*(?:đồng|%)[^;]*\.$")  # "Mức trợ cấp … không thấp hơn 327.600 đồng."
RAISED = re.compile(
    r"^(?P<cond>(?:Trường hợp|Trong trường hợp|Nếu|Khi)\s[^;]+?),\s+(?P<raise>mức\s[^;]*?(?:tăng thêm|cộng thêm|giảm)\s"
    r"[^;]*?\d[\d.,]*\s*%)(?:\s+(?:của\s+)?mức\s[^;]*?(?:hiện hưởng|đang hưởng|nêu trên|này))?\.$"
)  # "Trường hợp được kéo dài …, mức trợ cấp tăng thêm không thấp hơn 50% mức trợ cấp … hiện hưởng."


def raised_with_base(sentences: list[str], hard: int, ok: Callable[[str], bool]) -> list[str]:
    """A level and the raise a condition adds to it, said together: "Mức trợ cấp … không thấp hơn 327.600 đồng;
    trường hợp được kéo dài …, mức trợ cấp tăng thêm không thấp hơn 50%." Apart, the raise is a percentage of an
    amount the listener has not heard, and the amount comes without the case that raises it."""
    out: list[str] = []
    for sentence in sentences:
        if out and LEVEL.match(out[-1]) and (m := RAISED.match(sentence)):
            joined = f"{out[-1][:-1]}; {m['cond'][:1].lower()}{m['cond'][1:]}, {m['raise']}."
            if len(joined.split()) <= hard and ok(joined):
                out[-1] = joined
                continue
        out.append(sentence)
    return out
