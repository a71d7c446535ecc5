"""The parts of a provision joined by semicolons that share its first part's subject.

"Hàng hóa vận chuyển trên xe phải được sắp xếp gọn gàng …; không cản trở tầm nhìn của người lái xe; không được
che khuất đèn, biển số xe" is one subject with three predicates. Split at its semicolons, the second part said alone
("Không cản trở tầm nhìn của người lái xe.") is heard as a rule for everyone. Each such part is said with the subject
of the first ("Hàng hóa vận chuyển trên xe không cản trở …"), or not at all when that subject cannot be found.
"""

from __future__ import annotations

import re

from scripts.by_case import by_case
from scripts.elided import restored
from scripts.long_rules import ACTION
from scripts.ranked import ranked

BARE_PREDICATE = re.compile(
    r"^(?:không(?!\s+(?:ai|một ai|người nào|cơ quan nào|tổ chức nào|cá nhân nào)\b)|chưa|phải|được|có trách nhiệm|bảo đảm|"
    r"đảm bảo)\b"
)  # lower case: it continues; "không ai được trả thù …" has its own subject, "no one"
SUBJECT = re.compile(
    r"^(?P<subject>[A-ZĐÀ-Ỹ][^,;:()]{2,60}?(?:,\s+[^\s,;:()]+(?:\s+[^\s,;:()]+){0,2})*?)"
    r"\s+(?=(?:phải|được|không được|không|có trách nhiệm|chỉ được|bảo đảm)\b)"
)  # "Người dân nuôi chó, mèo phải …": a list of short nouns is part of the subject
NOT_SUBJECT = re.compile(rf"^(?:Khi|Nếu|Trường hợp|Trong|Đối với|Sau|Trước|Tại|Từ|Để|Việc|Nghiêm cấm|Cấm)\b|\b{ACTION}\b", re.I)
# "Sở Y tế chỉ đạo các cơ sở y tế …": an actor and its act, not a subject the next part can take
CONDITIONED = re.compile(
    r"^(?P<cond>(?:nếu|trường hợp|trong trường hợp|khi)\b[^;]*?\sthì)\s+(?P<rest>(?:được|có quyền|không phải)\b.*)$", re.I
)  # "…; nếu không được cấp biên lai thì có quyền từ chối nộp phí": a right or a waiver, its holder the first part's;
# never a duty or a ban ("…; trường hợp không đủ điều kiện thì phải trả lời bằng văn bản": the office's, not the holder's)


HAS = re.compile(r"^(?P<holder>[A-ZĐÀ-Ỹ][^,;:()]{2,40}?)\s+có\s+(?P<thing>\S+\s+\S+)\s")
# "Hộ gia đình có nhà ở bị sập … được hỗ trợ 40.000.000 đồng/hộ; nhà ở bị hư hỏng nặng được hỗ trợ …": the house is
# not who is paid; the second part is said "Hộ gia đình có nhà ở bị hư hỏng nặng được hỗ trợ …"


def _owned(pieces: list[str]) -> list[str]:
    if not (m := HAS.match(pieces[0].strip())) or NOT_SUBJECT.match(m["holder"]):
        return pieces
    thing = m["thing"].lower()
    return [pieces[0]] + [f"{m['holder']} có {p.strip()}" if p.strip().lower().startswith(thing + " ") else p for p in pieces[1:]]


DUTY_WHEN = re.compile(r"^(?P<cond>khi\b[^;,]*?)\s+(?:thì\s+)?(?P<rest>phải\b.*)$", re.I)
PERSON = re.compile(r"^(?:Người|Hộ|Chủ|Cha|Mẹ|Công dân|Nhân dân|Cá nhân|Tổ chức, cá nhân|Học sinh)\b")
# "Người dân nuôi chó, mèo phải …; khi đưa chó ra nơi công cộng phải rọ mõm": a resident's duty on an occasion is
# theirs ("Khi đưa chó ra nơi công cộng, người dân nuôi chó, mèo phải rọ mõm …") when the occasion names what the
# subject holds; "khi nhận hồ sơ phải kiểm tra …" is the office's
GENERIC = frozenset("người dân hộ gia đình cá nhân tổ chức chủ công học sinh cha mẹ nhân có các những".split())


def _theirs(subject: str, cond: str) -> bool:
    own = {w.strip(",").lower() for w in subject.split()} - GENERIC
    return bool(PERSON.match(subject)) and any(w.strip(",").lower() in own for w in cond.split()[1:])


ADDED = re.compile(
    r"^(?!(?:nếu|trường hợp|trong trường hợp|khi|được|hưởng|đóng)\b)\w[^;:]{2,60}?(?<!\skhông)\s"
    r"(?:được\s+(?:hỗ trợ|hưởng|cộng|cấp|trợ cấp|tăng|nhận|chi trả)|hưởng|nhận)\s(?:[^\s;]+\s){0,2}?thêm\b",
    re.I,
)  # "…; hộ nghèo được hỗ trợ thêm 10.000.000 đồng/hộ": more on top of what the part before gives, in its case only;
# never a ban ("…; xe kéo rơ moóc … không được kéo thêm rơ moóc")


def _additions(pieces: list[str]) -> list[str]:
    """A part that gives its own subject more ("thêm") stays joined to the part it adds to: said alone, "Hộ nghèo
    được hỗ trợ thêm 10.000.000 đồng/hộ" is heard as every poor household's, not those whose house was damaged."""
    out = [pieces[0]]
    for piece in pieces[1:]:
        if ADDED.match(piece.strip()):
            out[-1] = f"{out[-1].rstrip()}; {piece.strip()}"
        else:
            out.append(piece)
    return out


CASE = re.compile(r"^người\s+(?:bị|có|đã|được)\b[^;]*?\sthì\s", re.I)
# "Cá nhân … hỗ trợ cơ quan nhà nước …, có thành tích thì được khen thưởng …; người bị thương … thì bản thân, gia đình
# được hưởng chế độ": "người bị thương" is one of those who helped, not anyone hurt on the road


def _cases(pieces: list[str]) -> list[str]:
    """After a first part that states its holder's cases ("…, có thành tích thì được khen thưởng"), a part that opens
    with a bare "người bị …/có … thì" is another case of that holder: said alone it would be heard as everyone's, so it
    is left out."""
    first = " ".join(pieces[0].lower().split())
    return [pieces[0]] + [p for p in pieces[1:] if not (" thì " in first and CASE.match(p.strip()) or _inside(first, p))]


def _inside(first: str, piece: str) -> bool:
    """ "Hai tay dang ngang để báo hiệu cho người tham gia giao thông ở phía trước … phải dừng lại; người tham gia giao
    thông ở phía bên phải … được đi": a part whose subject is people the first part named inside it, not as its own
    subject, is the other side of the first part's situation (the gesture), which said alone it would lose."""
    opening = " ".join(piece.lower().split()[:4])
    people = opening.startswith("người ") and not first.startswith(opening)  # never a scale's next step ("suy giảm …")
    return len(opening.split()) == 4 and people and f" {opening}" in first


OPENING_CASE = re.compile(r"^(?P<cond>(?:Trường hợp|Trong trường hợp|Nếu)\s[^;,]{3,90}?)(?P<sep>\s+thì\s+|,\s+)(?=\S)")
OWN_CASE = re.compile(r"^(?:nếu|trường hợp|trong trường hợp|khi|đối với|riêng|ngoài|trừ)\b", re.I)


def _under_opening_case(pieces: list[str]) -> list[str]:
    """ "Trường hợp người lao động bị tạm giam thì …; thời gian học nghề không được tính …": a case that opens the
    provision holds for every part of it; a later part with its own subject is said in that case, never as for all."""
    if not (case := OPENING_CASE.match(pieces[0].strip())):
        return pieces
    said = [pieces[0]]
    for piece in pieces[1:]:
        own = piece.strip()
        if OWN_CASE.match(own) or BARE_PREDICATE.match(own) or " thì " in own or own.lower().startswith("sau đó"):
            said.append(piece)  # its own case or step, or a predicate that takes the first part's subject (below)
        else:
            said.append(f"{case['cond']}{case['sep']}{_after_opening(own)}")
    return said


def _after_opening(subject: str) -> str:
    """A subject said after a condition: lowered, unless it is a name ("Trạm Thú y …", "Ủy ban …", "Nhà nước")."""
    words = subject.split()
    named = len(words) > 1 and words[1][:1].isupper() or words[0] in ("Ủy", "Sở", "Bộ") or subject.startswith("Nhà nước")
    return subject if named else subject[:1].lower() + subject[1:]


def shared(pieces: list[str]) -> list[str]:
    """Each part after the first that opens with its predicate, said with the first part's subject (or left out)."""
    pieces = _under_opening_case(_cases(_additions(ranked(restored(by_case(_owned(pieces))))))) if len(pieces) > 1 else pieces
    if len(pieces) < 2 or not any(
        BARE_PREDICATE.match(p.strip()) or DUTY_WHEN.match(p.strip()) or CONDITIONED.match(p.strip()) for p in pieces[1:]
    ):
        return pieces
    m = SUBJECT.match(pieces[0].strip())
    subject = m["subject"] if m and not NOT_SUBJECT.match(m["subject"]) else ""
    out = [pieces[0]]
    for piece in pieces[1:]:
        if (held := CONDITIONED.match(piece.strip())) and subject:
            out.append(f"{held['cond']} {_after_opening(subject)} {held['rest']}")  # "… thì người nộp phí có quyền …"
        elif (duty := DUTY_WHEN.match(piece.strip())) and _theirs(subject, duty["cond"]):
            out.append(f"{duty['cond']}, {subject[:1].lower() + subject[1:]} {duty['rest']}")
        elif not BARE_PREDICATE.match(piece.strip()):
            out.append(piece)
        elif subject:
            out.append(f"{subject} {piece.strip()}")
    return out
