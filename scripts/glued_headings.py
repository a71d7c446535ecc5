"""A clause heading run into its body by a PDF's or a page's line break: "Mức hỗ trợ học phí Mức học phí của học sinh
là …" is the heading "Mức hỗ trợ học phí" and the sentence "Mức học phí của học sinh là …". The heading goes; a name
written with its capital inside a phrase ("ngân sách Nhà nước", "Phụ cấp chức vụ chỉ huy Dân quân tự vệ …") is no
heading.
"""

from __future__ import annotations

import re

from scripts.editing import NAMED_DOCUMENT

# "trước ngày Luật này …", "đóng góp vào Quỹ …": a word that needs what follows, never the end of a heading
LINKING = frozenset("với của cho tại ở và hoặc là số thuộc trên đối do bởi theo từ đến ngày vào trong qua về".split())
NAMED_FORCES = frozenset({("Dân", "quân"), ("Nhà", "nước"), ("Quân", "đội")})
# "ngân sách Nhà nước", "Phụ cấp … Dân quân tự vệ": a name written with its capital, not a new sentence; nor a name
# after a verb that takes it as object ("Phụ cấp trách nhiệm quản lý Tổ bảo vệ an ninh …", "chỉ huy Dân quân …")
GOVERNS = frozenset({("quản", "lý"), ("chỉ", "huy"), ("bảo", "vệ"), ("tham", "gia"), ("phục", "vụ"), ("trực", "thuộc")})
PAPER_AFTER = frozenset("cấp đổi gia hạn hồi chỉnh có xin giữ nộp trả sung mới".split())  # "cấp Giấy phép": a paper's name
HEADING_VERBS = re.compile(r"\b(?:được|phải|là|có|không|bằng|thì|tính từ|kể từ)\b")  # "… tính từ tháng Ủy ban …"
ORGANIZATION = re.compile(
    r"^(?:Ngân hàng|Kho bạc|Bảo hiểm xã hội|Tổng cục|Cục|Văn phòng|Thanh tra|Tòa án|Viện|Ủy ban|Giám đốc|Thủ trưởng|"
    r"Bộ trưởng|Công an|Lực lượng|Đài|Ban|"
    r"(?:(?:Các|Những)\s+)?(?:[Tt]hành viên|[Ủủ]y viên|[Nn]hân viên|[Cc]hủ tịch|[Pp]hó [Cc]hủ tịch|[Tt]ổ trưởng|[Đđ]ội trưởng))\s"
)  # "Ngân hàng Nhà nước", "Công an tỉnh chỉ đạo …"; "Thành viên Tổ bầu cử": a role of the body named after it, not a heading


def strip_heading(text: str) -> str:
    """ "Mức hỗ trợ học phí Mức học phí … là …" → "Mức học phí … là …": a clause heading glued to its body."""
    tokens = text.split()
    for k in range(2, min(10, len(tokens) - 3)):
        word, prev, after = tokens[k], tokens[k - 1], tokens[k + 1]
        head = tokens[:k]
        if (
            word[:1].isupper()
            and not word.isupper()
            and prev[:1].islower()
            and not (prev in LINKING or word in ("Giấy", "Thẻ", "Sổ") and prev in PAPER_AFTER)
            and after[:1].islower()
            and (word, after) not in NAMED_FORCES
            and (tokens[k - 2].lower(), prev) not in GOVERNS
            and not any(t[:1].isupper() for t in head[1:])
            and not HEADING_VERBS.search(" ".join(head))
            and not re.search(r"[\d,;:.()]", " ".join(head))
            and not ORGANIZATION.match(text)
            and not NAMED_DOCUMENT.match(" ".join(tokens[k:]))
        ):
            return " ".join(tokens[k:])
    return text
