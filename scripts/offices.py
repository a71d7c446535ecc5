"""An office's own business read to residents, told by the role the sentence gives it, not by the words it mentions.

``scripts.listener`` lets an agency sentence through when it names something residents feel (học phí, hỗ trợ,
lương hưu, lệ phí …): right for a rule about residents, wrong when the sentence's subject and main predicate are the
administration's. Whatever a budget pays for, "Kinh phí thực hiện chính sách miễn, giảm, hỗ trợ học phí … do ngân
sách nhà nước bảo đảm" says where an office's money comes from. The roles, read at the head of the sentence:

- a funding source: the subject is the money (kinh phí, nguồn vốn) or a fund or budget, the predicate its source or
  who secures it; unless residents pay it themselves ("do hộ gia đình tự bảo đảm");
- a computation basis: a figure said to be the basis ("là căn cứ", "làm căn cứ") of what an office computes, grants
  or collects ("Mức lương hưu … sau khi điều chỉnh là căn cứ để tính …"); the basis of a resident's own right
  ("… là căn cứ để hưởng …", "… xác định doanh nghiệp thuộc đối tượng được miễn thuế …") is not, nor a purpose
  ("Ghi nhận thời gian đã đóng … để làm căn cứ giải quyết chế độ"), where the main predicate is the act the rule
  grants. What the State pays with a figure is said as the State's act, as an editor writes it ("Nhà nước dùng các
  mức này để cấp bù cho trường công lập khoản tiền miễn học phí"): ``as_state_act``;
- an office's procedure: what a fee collector does with the money and papers (khai, nộp vào ngân sách, quyết toán,
  đóng dấu), an office basing its decision on a file, an office's own campaign at any level ("Ủy ban nhân dân xã,
  phường đẩy mạnh công tác phổ biến, tuyên truyền …"; "Ủy ban nhân dân xã rà soát các giếng khoan" reaches residents),
  the currency and exchange rate fees are collected in, and the closing "nếu có vướng mắc … phản ánh về Bộ …".

None of these is what a sentence says when it also tells residents what they get, pay or must: a resident holder
with được / phải / không được / không phải after the office's part ("…, bà con không phải đóng"), an enforcement on
them ("…, xử phạt người …"), the basis of what they pay, the file an office uses to give them something, where they
pay a fee or take a problem (the commune office).
"""

from __future__ import annotations

import re

from scripts.for_residents import figure_for_residents

__all__ = ["LOCAL_OFFICE", "as_state_act", "office_role"]

# Offices at commune level whose first word is also a common noun: named, so that "Hạt giống ngô …", "Đồng bào …",
# "Trạm dừng nghỉ …" are not read as an office. Any case after the head ("Trạm y tế xã"); a whole word at the end.
LOCAL_OFFICE = (
    r"(?:Trạm (?i:y tế|khuyến nông|thú y|chăn nuôi|bảo vệ thực vật|trồng trọt|kiểm lâm|kiểm dịch|cảnh sát|biên phòng|"
    r"thủy văn|khí tượng|quan trắc|cấp nước)|Hạt (?i:kiểm lâm|quản lý)|Đồn (?i:biên phòng|công an|cảnh sát)|"
    r"Trung tâm|Chi nhánh)\b"
)

LEAD = r"^(?:(?:Tùy trường hợp|Hằng năm|Hàng năm|Trong đó),\s+)?"  # what the drafter or the text puts before the subject

MONEY = re.compile(LEAD + r"(?:Toàn bộ |Các )?(?:kinh phí|nguồn kinh phí|nguồn vốn|nguồn tài chính|nguồn chi|vốn)\b", re.I)
FUND = re.compile(LEAD + r"(?:Quỹ|Ngân sách)\b")
SOURCE = re.compile(
    r"\b(?:do|từ|bằng|trong|thuộc) (?:các )?(?:nguồn|ngân sách|quỹ|Quỹ|dự toán|vốn)\b|\bdo (?:\S+ ){1,8}?(?:bảo đảm|bố trí|cân đối)\b|"
    r"\b(?:được )?(?:bảo đảm|bố trí|cân đối|phân bổ|trích|hạch toán|hình thành|bổ sung) (?:từ|trong|bằng|theo phân cấp)\b"
)
FUND_ACT = re.compile(
    r"^\S+(?: \S+){0,14}? (?:được )?(?:hình thành|bổ sung|trích lập) từ\b|\b(?:bảo đảm|cấp bù|cân đối|bố trí) kinh phí\b"
)
RESIDENT_PAYS = re.compile(
    r"\bdo (?:người|hộ|gia đình|cá nhân|chủ|bà con|phụ huynh|học sinh)\b|\btự (?:bảo đảm|chi trả|chịu|túc|lo)\b|"
    r"\b(?:hộ gia đình|người dân|bà con|nhân dân) (?:đóng góp|góp|đóng|nộp)\b"
)  # "Vốn của hộ gia đình đóng góp 30%": the residents' share, an amount they pay
HOLDER = (
    r"(?:người dân|bà con|nhân dân|(?:các )?hộ(?: gia đình| nghèo| cận nghèo)?|gia đình|cá nhân|chủ hộ|phụ huynh|"
    r"học sinh|sinh viên|trẻ em|người (?:cao tuổi|bệnh|lao động|khuyết tật|có công|nộp|tham gia|học|nuôi|trồng))"
)
RESIDENT_CLAUSE = re.compile(
    rf",\s+(?:thì |còn )?(?:{HOLDER}(?: \S+){{0,3}}? (?:vẫn |cũng |chỉ |sẽ )?(?:không được|không phải|không bị|được|phải|bị)|"
    r"(?:xử phạt|xử lý|cấm|nghiêm cấm|thu hồi)\b)",
    re.I,
)  # ", bà con không phải đóng", ", hộ nghèo được vay …", ", xử phạt người …": what residents get or must, said after it

BASIS = re.compile(
    LEAD + r"(?P<subject>(?:Mức|Tổng|Giá|Tiền|Số|Thời gian|Kết quả|Hệ số|Doanh thu|Thu nhập|Chỉ số|Bảng|Định mức|Đơn giá|"
    r"Giá trị|Diện tích|Sản lượng)\b[^;:]*?)\s(?P<verb>là|làm|được dùng làm|được sử dụng làm|được lấy làm) (?:căn cứ|cơ sở)"
    r"(?: (?:để|cho việc|cho))? (?P<use>.*)",
    re.I,
)
RIGHT_IN_USE = re.compile(r"\b(?<!không )(?:được (?:hưởng|miễn|giảm|hỗ trợ)|thuộc (?:đối tượng|diện) (?:được|hưởng))\b")
# "… làm căn cứ xác định doanh nghiệp thuộc đối tượng được miễn thuế …": who holds a right, which residents need
DEFINED = re.compile(r" (?:là|bằng) ")
WAGE = re.compile(r"(?:Tiền lương|Thu nhập|Mức (?:tiền lương|thu nhập))\b", re.I)
# "Tiền lương làm căn cứ đóng bảo hiểm xã hội … là tiền lương tháng …": "làm căn cứ đóng" names what residents pay on,
# what the sentence says of it comes after; "Tổng số ngày công làm căn cứ tính trợ cấp … là …" is an office's computation
AMOUNT = re.compile(r"\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?(?:đồng|%)")
CLAUSE_IN_SUBJECT = re.compile(r"\b(?:để|được|phải|là|bằng|không|sẽ|có|gồm)\b")  # the basis is then not what the sentence says
RESIDENT_PAYS_IN_USE = re.compile(
    rf"\b(?:đóng|nộp|thuế|phí|lệ phí|học phí)\b[^.;]*?\b(?:của|mà|do) {HOLDER}\b", re.I
)  # "… là căn cứ để tính mức đóng bảo hiểm y tế của hộ gia đình": a basis of what residents pay is news for them
OFFICE_USE = re.compile(
    r"^(?:(?:ngân sách|Nhà nước|nhà nước|cơ quan|các cơ quan|Ủy ban|Kho bạc|Bảo hiểm xã hội|quỹ)\b|"
    r"(?:tính|xác định|cấp bù|quyết toán|lập dự toán|phân bổ|thu|điều chỉnh|giải quyết|chi trả|thanh toán|xét|thẩm định|cấp|"
    r"bố trí|đóng|kiểm tra|đánh giá|quản lý)\b)",
    re.I,
)

COLLECTOR = re.compile(
    LEAD
    + r"(?:Tổ chức|Cơ quan|Đơn vị)(?:, (?:cơ quan|đơn vị))? thu (?:phí|lệ phí)(?:, lệ phí)?\s+(?:phải |có trách nhiệm |được )?"
    r"(?:khai|kê khai|nộp|quyết toán|đóng dấu|để lại|trích|hạch toán|lưu|mở|chuyển|báo cáo|quản lý)\b"
)
ON_FILE = re.compile(
    r"^(?:Cơ quan|Các cơ quan|Đơn vị|Ủy ban|Sở|Bộ|Kho bạc|Bảo hiểm xã hội)\b[^.;]{0,160}?\s(?:phải |có trách nhiệm )?"
    r"căn cứ (?:vào )?(?:hồ sơ|danh sách|kết quả|số liệu|biên bản|giấy tờ|văn bản)(?![^.;]*\bđể (?:cấp|chi trả|trả|phát|hỗ trợ|cho vay)\b)"
)  # "… căn cứ danh sách hộ nghèo để cấp thẻ bảo hiểm y tế …": what residents are given, not the office's file work
CAMPAIGN = re.compile(
    r"^(?:Ủy ban|UBND|Sở|Bộ|Cơ quan|Các cơ quan|Đơn vị|Các đơn vị|Ban|Mặt trận|Chủ tịch|Các tổ chức chính trị)\b[^.;]{0,80}?"
    r"\b(?:đẩy mạnh|tăng cường|làm tốt|thực hiện tốt|chú trọng|nâng cao hiệu quả|tổ chức) công tác "
    r"(?:phổ biến|tuyên truyền|giám sát|kiểm tra|thanh tra|phản biện|quản lý|chỉ đạo|hướng dẫn)\b"
)  # "Ủy ban nhân dân xã, phường đẩy mạnh công tác phổ biến, tuyên truyền …": the office's own campaign, at any level
CURRENCY = re.compile(
    rf"^(?!{HOLDER}\b)(?![^.;]*\btại (?:bộ phận|Ủy ban|UBND|trụ sở|Bưu điện|bưu điện|điểm thu)\b)[^.;]*?(?:"
    r"\bthu bằng (?:đồng Việt Nam|USD|Đô ?la|ngoại tệ)|\bquy đổi\b[^.;]{0,80}?\btheo tỷ giá|\btheo tỷ giá\b)",
    re.I,
)  # not when the payer is the subject ("Người nộp lệ phí có thể nộp bằng …") or it says where residents pay
FEEDBACK = re.compile(
    r"\bvướng mắc\b[^.]{0,80}?\b(?:(?:phản ánh|báo cáo|gửi ý kiến)\b[^.]{0,40}?|(?:yêu cầu|đề nghị) (?:các )?)"
    r"\b(?:Bộ|Sở|Ủy ban|UBND|Hội đồng|Chính phủ|cơ quan)\b"
    r"(?! nhân dân (?:xã|phường|thị trấn)\b| (?:xã|phường|thị trấn)\b)"
)  # "… phản ánh về Ủy ban nhân dân xã để được hướng dẫn": the commune office residents go to, not a ministry;
# "nếu có phát sinh vướng mắc yêu cầu các Sở, ban, ngành …": the offices asked to report, however the sentence was cut

ROLES = (
    "Nguồn tiền của cơ quan (kinh phí, ngân sách, quỹ): việc nội bộ, dù tiền đó chi cho việc gì.",
    "Căn cứ tính toán của cơ quan, không phải điều bà con được hưởng hay phải làm.",
    "Thủ tục, công tác nội bộ của cơ quan (thu, nộp, quyết toán, đóng dấu, tỷ giá, tuyên truyền, báo cáo vướng mắc).",
)


def _funding(body: str) -> str | None:
    if RESIDENT_PAYS.search(body) or figure_for_residents(body):
        return None
    if MONEY.match(body) and (m := SOURCE.search(body)):
        return m[0]
    if FUND.match(body) and (m := FUND_ACT.search(body)):
        return " ".join(m[0].split()[-4:])
    return None


def _basis(body: str) -> str | None:
    m = BASIS.match(body)
    if not m or CLAUSE_IN_SUBJECT.search(m["subject"]) or not OFFICE_USE.match(m["use"]):
        return None
    if m["verb"] == "làm" and WAGE.match(m["subject"]) and m["use"].startswith("đóng ") and DEFINED.search(m["use"]):
        return None
    if AMOUNT.search(m["subject"]):
        return None  # "Mức lương cơ sở 2.340.000 đồng/tháng là căn cứ để tính …": the figure is what residents hear
    if RIGHT_IN_USE.search(m["use"]) or RESIDENT_PAYS_IN_USE.search(m["use"]):
        return None
    return " ".join(body[m.end("subject") :].split()[:4])  # "là căn cứ để tính"


def _procedure(body: str) -> str | None:
    for pattern in (COLLECTOR, ON_FILE, CAMPAIGN, CURRENCY, FEEDBACK):
        if m := pattern.search(body):
            return " ".join(m[0].split()[-5:])  # the predicate, not the whole office's name
    return None


def office_role(body: str) -> tuple[str, str] | None:
    """(message, span) when the sentence's subject and main predicate are an office's business, else None."""
    if RESIDENT_CLAUSE.search(body):
        return None
    for message, role in zip(ROLES, (_funding, _basis, _procedure), strict=True):
        if found := role(body):
            return message, found
    return None


STATE_BASIS = re.compile(
    r"^(?P<lead>(?:Từ|Kể từ) ngày [^,]{6,40}, )?(?P<figure>(?:Mức|Giá|Định mức|Đơn giá)\b[^;:,]*?) là căn cứ để "
    r"(?:ngân sách nhà nước|Nhà nước|nhà nước) (?P<act>(?:cấp bù|chi trả|hỗ trợ|cấp)\b.+)$"
)


def as_state_act(text: str) -> str:
    """ "Mức học phí là căn cứ để ngân sách nhà nước cấp bù tiền miễn học phí …" → "Nhà nước dùng mức học phí để cấp
    bù tiền miễn học phí …": the payment it is the basis of, said as the State's act instead of an office's basis."""
    if not (m := STATE_BASIS.match(text)):
        return text
    figure = m["figure"][:1].lower() + m["figure"][1:]
    return f"{m['lead'] or ''}Nhà nước dùng {figure} để {m['act']}"
