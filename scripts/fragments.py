"""Pieces of a sentence that a listener hears as a sentence: more of ``scripts.listener``'s checks.

Found on documents nobody had tuned the drafter for (``bench/fresh``), each a way legal text is built
that leaves a piece without its main clause when it is lifted out alone:

- a table's unit line ("Đơn vị tính: 1.000 đồng/trẻ/tháng."), which belongs to the table's values;
- the second half of a choice or a list ("Hoặc mức lương theo sản phẩm …", "Và các trường hợp khác …");
- an addition to the sentence before ("Đặc biệt tại các khu vực bị ngập sâu …", "Nhất là những nơi …");
- a heading: a "Mức …", "Chính sách …" noun phrase whose only verb sits in its "đối với …" modifier
  ("Mức hỗ trợ thêm hằng tháng đối với người đang hưởng trợ cấp hưu trí xã hội.");
- a lead whose formula or list was dropped ("… được xác định trong đó.", "… có thẩm quyền cấp."), or
  glued to its first item ("… bằng một trong các hình thức sau nộp phí bằng tiền mặt …");
- an order with no subject behind a connective ("Song song đó, tăng cường đối thoại …");
- a policy with no one behind it ("Áp dụng chính sách ưu đãi … cho học sinh …"): the listener cannot tell whether
  it exists or an office is only asked to study or draft it;
- an item of a document's scope: parties and what ties them to it, nothing they get or must do
  ("Các cơ quan, tổ chức, cá nhân khác có liên quan đến việc thực hiện …").
"""

from __future__ import annotations

import re

from scripts.announcing import SCOPE_NAMES

UNIT_LINE = re.compile(r"^Đơn vị(?: tính)?\s*:", re.I)
CONTINUATION = re.compile(r"^(?:Hoặc|Hay|Và|Cùng với|Còn)\s")
ADDITION = re.compile(
    r"^(?:Đặc biệt|Nhất là|Kể cả|Bao gồm cả|Trong đó có)\s+(?:là\s+)?(?:tại|ở|trong|với|đối với|những|các|khi)\b"
)
HEADING_HEAD = re.compile(r"^(?:Mức|Chính sách|Chế độ|Danh mục|Phân loại|Giá|Bảng giá|Khung giá|Đơn giá)\s")
SCOPE_LABEL = re.compile(rf"^{SCOPE_NAMES}\s*:\s*", re.I)
# "Đối tượng áp dụng: Người tham quan; tổ chức thu phí; …", "Phạm vi điều chỉnh: Nghị quyết này quy định …": a scope label
FORM_LABEL = re.compile(
    r"^(?:Phụ lục|Biểu mẫu|Mẫu|Biểu|Bảng|Danh mục)(?:\s+số)?\s*(?:[\dIVXLC]+[a-zđ]?\b|(?=\s+(?:đơn|tờ khai|giấy|phiếu|"
    r"biên bản|báo cáo|văn bản|tổng hợp|kê khai|danh sách|máy|cây|vật nuôi|giống|các|những)\b))"
)  # "Mẫu số 01: Đơn đề nghị hỗ trợ", "Biểu số 01: Tổng hợp kết quả …", "Mẫu đơn đề nghị …", "Danh mục máy … được hỗ trợ"
FORM_SAYS = re.compile(r"\b(?:là|gồm|phải|sẽ|bằng|được (?:ban hành|áp dụng|phát|niêm yết|đăng|công khai|cấp))\b")
MODIFIER = re.compile(r"\s(?:đối với|cho|của|tại|áp dụng cho)\s")
CLAUSE_VERB = re.compile(
    r"\b(?:là|bằng|được|phải|bị|không|sẽ|đã|gồm|có|tăng|giảm|thực hiện|áp dụng|tính|nộp)\b(?!\s+(?:xã hội|học|phí))"
)
LEAD_ON_ITEM = re.compile(r"\b(?:các|những) (?:hình thức|trường hợp|nội dung|biện pháp|cách) sau\s+(?!đây\b)[a-zà-ỹđ]")
DANGLING_NOT = re.compile(
    r"(?<!hay )(?<!hoặc )(?<!có )\bkhông,\s"
)  # "… để cảnh báo không, chủ động …": "không để …" lost its rest
DROPPED_TAIL = re.compile(
    r"(?:\btrong đó|\bđược xác định|\bthì thực hiện|\b(?:có thẩm quyền|thẩm định|đề nghị)\s+cấp|\bbằng một trong các hình thức sau)\.?$",
    re.I,
)
CONNECTIVE = re.compile(r"^(?:Song song (?:với )?đó|Bên cạnh đó|Ngoài ra|Đồng thời|Mặt khác|Từ đó),\s+(?P<rest>.+)$")
BARE_ORDER = re.compile(
    r"^(?:tăng cường|tiếp tục|đẩy mạnh|nâng cao|tập trung|chủ động|kịp thời|rà soát|kiểm tra|phối hợp|triển khai|tổ chức|"
    r"xây dựng|hoàn thiện|thực hiện|bảo đảm|đảm bảo|duy trì|huy động|ưu tiên|theo dõi|hướng dẫn|tuyên truyền)\b"
)
PARTY = r"(?:cơ quan|tổ chức|cá nhân|doanh nghiệp|hộ gia đình|hộ kinh doanh|hợp tác xã|người|đơn vị)"
PARTIES = re.compile(
    rf"^(?:Các )?{PARTY}(?:(?:,| và| hoặc) (?:các )?{PARTY}(?: trong nước| nước ngoài)?)+(?: khác)?"
    r" (?:có liên quan|có thẩm quyền|có hành vi|có thuê|có nhu cầu)\b",
    re.I,
)  # "Cơ quan, tổ chức, cá nhân khác có liên quan đến …": who a document applies to, an item of its scope
PARTIES_SAY = re.compile(r"\b(?:phải|được|bị|là|không được|sẽ|cần|nên|chịu trách nhiệm)\b")
POLICY_ORDER = re.compile(
    r"^(?:Áp dụng|Ban hành|Xây dựng|Nghiên cứu|Đề xuất|Kiến nghị|Tham mưu|Soạn thảo|Sửa đổi|Bổ sung|Điều chỉnh|Hoàn thiện|"
    r"Thực hiện|Triển khai|Mở rộng|Trình)\b[^.;:]{0,60}?\b(?:chính sách|chế độ|cơ chế|đề án|chương trình|quy chế|ưu đãi)\b"
)
PASSED_ON = re.compile(
    r"^(?P<head>[^;:]{3,80}?)\s(?:được |sẽ )?(?:thực hiện|áp dụng)\s+theo\s+(?:(?:các |những )?quy định\s+(?:tại|của)\s+)?"
    r"(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|văn bản)\b[^,;:]*$"
)  # "Đối tượng được miễn, giảm học phí thực hiện theo quy định tại Nghị định số 81/2021/NĐ-CP": says only where to look
ATTACHED = re.compile(r"^Ban hành kèm theo (?:Quyết định|Nghị quyết|Thông tư|Nghị định) này\b(?!.*\d)")
# "Ban hành kèm theo Quyết định này Bảng giá tính thuế … (chi tiết tại Phụ lục)": what is attached, not what it says
BINDS = re.compile(r"\b(?:phải|cấm|nghiêm cấm|không được|xử phạt|bị xử lý|được hưởng|được hỗ trợ|miễn|sơ tán|di dời)\b|\d")


def fragment(body: str) -> tuple[str, str, str] | None:
    """(code, message, span) when `body` is a piece of a sentence, not one; None when it can stand alone."""
    if UNIT_LINE.match(body):
        return "no_main_clause", "Dòng đơn vị tính của bảng, không phải một câu: nói đơn vị cùng con số.", body[:30]
    if CONTINUATION.match(body):
        return "no_main_clause", "Câu bắt đầu bằng liên từ: đây là nửa sau của câu trước.", body.split()[0]
    if ADDITION.match(body):
        return "no_main_clause", "Phần bổ sung cho câu trước («Đặc biệt tại …»), không có vế chính.", " ".join(body.split()[:3])
    if HEADING_HEAD.match(body) and not re.search(r"\d|:", body) and _verb_only_in_modifier(body):
        return "no_main_clause", "Đây là đề mục (cụm danh từ), không phải một câu.", body[:60]
    if (m := SCOPE_LABEL.match(body)) and not PARTIES_SAY.search(body[m.end() :]):
        return "no_main_clause", "Nhãn phạm vi, đối tượng áp dụng của văn bản: nói thẳng ai được gì, phải làm gì.", m[0].strip()
    if FORM_LABEL.match(body) and not FORM_SAYS.search(body):
        return "no_main_clause", "Tên phụ lục, biểu mẫu hay bảng, không phải một câu.", body[:40]
    if DROPPED_TAIL.search(body) or LEAD_ON_ITEM.search(body) or DANGLING_NOT.search(body):
        return "cut", "Câu dẫn mất phần sau (công thức, danh sách hoặc đối tượng).", " ".join(body.split()[-3:])
    if (m := PASSED_ON.match(body)) and not re.search(r"\d|\b(?:phải|không được|cấm|bị)\b", m["head"]):
        return (
            "reference",
            "Chỉ nói «thực hiện theo» văn bản khác: người nghe không biết quy định đó là gì.",
            body[m.end("head") :][:40],
        )
    if ATTACHED.match(body):
        return "reference", "Chỉ nói văn bản ban hành kèm theo (bảng, phụ lục), không nói nội dung của nó.", "Ban hành kèm theo"
    if POLICY_ORDER.match(body):
        return "agency_work", "Chính sách không có chủ thể: đã áp dụng hay cơ quan nào mới nghiên cứu, đề xuất?", body.split()[0]
    if PARTIES.match(body) and not PARTIES_SAY.search(body):
        return "no_main_clause", "Danh sách đối tượng áp dụng (ai, cơ quan nào), không nói họ được gì, phải làm gì.", body[:40]
    if (m := CONNECTIVE.match(body)) and BARE_ORDER.match(m["rest"]) and not BINDS.search(m["rest"]):
        return "agency_work", "Mệnh lệnh không có chủ ngữ: ai phải làm? Nếu là việc của cơ quan thì bỏ.", body.split(",")[0]
    return None


def _verb_only_in_modifier(body: str) -> bool:
    """ "Mức hỗ trợ thêm hằng tháng đối với người đang hưởng …": no verb before the modifier, none that
    makes a clause after it ("đang hưởng" describes the person)."""
    parts = MODIFIER.split(body, maxsplit=1)
    head, rest = parts[0], (parts[1] if len(parts) > 1 else "")
    if CLAUSE_VERB.search(head):
        return False
    return not MAIN_VERB_AFTER.search(rest)


MAIN_VERB_AFTER = re.compile(r"(?<!người )(?<!hộ )(?<!tượng )(?<!đình )\b(?:là|bằng|phải|sẽ|gồm|được|không|tăng|giảm)\b")
