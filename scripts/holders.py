"""Who a rule is about: the nouns that name residents, and the openings that name no one.

Several stages look for residents at the head of a sentence: whom an office's task addresses
(``resident_voice.RESIDENTS``), who receives a benefit (``benefits.BENEFICIARY_WORDS``), who holds a right or a duty
(``resident_lead.HOLDER``, ``choice.PEOPLE``, ``choice.RESIDENT_LEAD``), and what opens a long rule's holder
(``long_parts``, ``long_rules``). Each reads what they share from here, so that a word added for one is heard by all;
what is a stage's own (an office's tasks name "người tiêu dùng", a benefit goes to "doanh nghiệp") stays with it.
"""

from __future__ import annotations

import re

# Residents by what they are, beyond the "người …" and "hộ …" each stage words its own way: addressed by a task,
# receiving a benefit ("ngư dân", "chủ tàu", "cha mẹ học sinh" …)
RESIDENT_HEADS = (
    "các tầng lớp nhân dân",
    "nhân dân",
    "bà con",
    "ngư dân",
    "nông dân",
    "chủ tàu",
    "chủ phương tiện",
    "chủ thuyền",
    "thuyền trưởng",
    "chủ rừng",
    "chủ hộ",
    "chủ nhà",
    "chủ vật nuôi",
    "chủ chăn nuôi",
    "chủ trang trại",
    "phụ huynh",
    "cha mẹ học sinh",
    "học sinh",
    "du khách",
    "khách du lịch",
    "cư dân",
    "tiểu thương",
)

# The heads of a holder of a right or a duty, in every stage that looks for one ("Hộ gia đình … phải", "Trẻ em … được")
PERSON_HEADS = (
    "người",
    "hộ",
    "trẻ em",
    "học sinh",
    "công dân",
    "cá nhân",
    "thân nhân",
    "chủ hộ",
    "dân quân",
    "bà con",
    "khách hàng",
)

# What opens a case, a time or a circumstance, never a holder: "Khi …", "Trường hợp …", "Đối với …", "Việc …"
CASE_OPENINGS = "Khi|Nếu|Trường hợp|Trong|Đối với|Sau|Trước|Tại|Ngoài|Trừ|Để|Từ|Theo|Căn cứ|Việc"


def alternation(heads: tuple[str, ...]) -> str:
    """The heads as the body of a regex alternation, in their order."""
    return "|".join(heads)


# A line that opens with its modal ("Được …", "Không được …") continues the subject of the line just before it, which
# names it with its own modal ("Cơ sở kinh doanh karaoke không được hoạt động sau 24 giờ.")
CARRIED = re.compile(r"^(?:Được|Chỉ được|Phải|Không được)\s")
SUBJECT_MODAL = re.compile(
    r"^(?!(?:Trường hợp|Khi|Nếu|Đối với|Việc|Mức|Thời hạn|Các trường hợp)\b)(?P<who>[A-ZĐÀ-Ỹ][^,;:.]{3,60}?)\s+"
    r"(?:phải|không được|được|chỉ được)\s"
)
