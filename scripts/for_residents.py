"""An office's act that reaches residents with a term they act on: not the office's internal work.

``scripts.listener`` drops a sentence whose subject is an office and whose verb is internal work (kiểm tra, rà soát,
hướng dẫn, căn cứ hồ sơ …) or that names a budget (ngân sách, năm tài chính …) unless it also names something residents
feel. Some such sentences are what a resident needs to hear: where and by when they are served, what an office must
do for them within a deadline, a budget's share of what they pay or get:

- "Ủy ban nhân dân cấp xã tiếp nhận, kiểm tra hồ sơ và trả kết quả cho người dân trong thời hạn 03 ngày làm việc";
- "Cơ quan bảo hiểm xã hội căn cứ hồ sơ giải quyết chế độ cho người lao động trong thời hạn 10 ngày";
- "Ngân sách nhà nước hỗ trợ 100% mức đóng bảo hiểm y tế cho người cao tuổi từ đủ 75 tuổi trở lên";
- "Mức hỗ trợ 500.000 đồng/người/tháng áp dụng từ năm tài chính 2027".

``serves_residents`` tells them apart by three things at once: residents named as whom the act is for (or as its
holder, or per head of an amount), a term they act on (a deadline or a date, an amount, the office they go to), and
no step between offices (a report, a file sent up, an estimate, a budget allotted to communes, what an office pays its
staff or its missions). "Ủy ban nhân dân cấp xã tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12" has
a deadline but no resident; "… gửi danh sách hộ nghèo về Sở … trước ngày 10" names residents but sends a file up.
"""

from __future__ import annotations

import re

__all__ = [
    "GUIDES_OFFICE",
    "SENDS_UP",
    "among_offices",
    "figure_for_residents",
    "paid_for_residents",
    "resident_holds",
    "serves_residents",
]

RESIDENT = re.compile(
    r"\b(?:người dân|bà con|(?<!ban )(?<!đồng )nhân dân|hộ gia đình|hộ nghèo|hộ cận nghèo|hộ kinh doanh|hộ dân|"
    r"người (?:cao tuổi|có công|khuyết tật|hưởng|được hưởng|thụ hưởng|nộp|tham gia|bệnh|lao động|học|sử dụng|thuê|"
    r"có đất|có nhà|đề nghị|đăng ký|nhận|được hỗ trợ|thuộc|đang|đủ|từ đủ|dân tộc|nghèo)|"
    r"cá nhân|công dân|học sinh|sinh viên|trẻ em|cha mẹ|phụ huynh|khách hàng|chủ (?:rừng|hộ|xe|nhà|sở hữu)|"
    r"đối tượng (?:được )?(?:hưởng|thụ hưởng|được hỗ trợ)|thân nhân|cựu chiến binh|thanh niên xung phong|bệnh nhân|nông dân|"
    r"ngư dân)\b",
    re.I,
)
SERVICE = re.compile(
    r"\b(?:trả kết quả|hoàn trả|chi trả|giải quyết (?:hưởng|chế độ|hồ sơ)|"
    r"cấp (?:thẻ|giấy|căn cước|sổ|chứng nhận|chứng chỉ))\b|\bcho (?:các |những )?đối tượng\b",
    re.I,
)  # an act whose receiver is the resident who applied, named or not: "… trả kết quả trong thời hạn 03 ngày làm việc"
PER_HEAD = re.compile(r"\d[\d.,]*\s*(?:nghìn |triệu )?đồng\s*/\s*(?:người|hộ|học sinh|trẻ|suất|tháng)", re.I)
TERM = re.compile(
    r"\btrong (?:(?:thời hạn|vòng) (?:\d+|\w+ \()|\d+ (?:ngày|giờ|tháng))|\bchậm nhất\b|\b(?:trước|từ|đến hết|đến|kể từ) ngày \d|\bhằng (?:tháng|quý)\b|"
    r"\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng|"
    r"\btại (?:Bộ phận|bộ phận|trụ sở|Ủy ban nhân dân (?:cấp )?(?:xã|phường)|UBND (?:cấp )?(?:xã|phường)|nhà văn hóa|điểm)",
)  # a deadline or a date, an amount, the commune office residents go to
BETWEEN_OFFICES = re.compile(
    r"\b(?:báo cáo|tổng hợp|tham mưu|chủ trì|phối hợp|(?<!công )(?<!chương )(?<!quy )trình(?! độ)|dự toán|quyết toán|"
    r"phân bổ|công tác phí|đoàn công tác|mức chi(?! trả)|hội nghị|hội thảo|tập huấn|cấp ủy|đảng ủy|số liệu|kiểm toán)\b|"
    r"\bđược chi\b(?! trả)|\bgửi (?:về |lên |đến )?(?:các )?(?:Sở|Phòng|Bộ|Ủy ban|UBND|cơ quan|Kho bạc|Bảo hiểm)|"
    r"\bcho (?:các |mỗi )?(?:xã|phường|huyện|sở|ngành|đơn vị|cơ quan|địa phương|ngân sách|Ủy ban|UBND|Sở|Bộ|Kho bạc)\b|"
    r"\b(?:cán bộ|công chức|viên chức)\b",
    re.I,
)


SENDS_UP = re.compile(
    r"\b(?:gửi|chuyển)\b[^.;]{0,60}?\b(?:về|lên|đến|cho) (?:Sở|Phòng|Bộ|Ủy ban nhân dân (?:tỉnh|thành phố|cấp tỉnh|cấp huyện))\b|"
    r"\bbáo cáo (?:về )?(?:Sở|Bộ|Ủy ban|UBND|Hội đồng|Thủ tướng|Chính phủ)\b"
)  # "… gửi danh sách hộ nghèo về Sở … để tổng hợp": a file sent up, whoever is on it
OFFICE = (
    r"(?:Ủy ban|UBND|Sở|Phòng|Ban|Trạm|Trung tâm|cơ quan|đơn vị|(?:các|Các) (?:sở|ngành|cơ quan|đơn vị|địa phương|xã|"
    r"phường|huyện|Ủy ban|UBND|Phòng|phòng|Trạm|trạm|cơ sở|trường))\b"
)
GUIDES_OFFICE = re.compile(rf"\bhướng dẫn {OFFICE}")  # its deadline may be the guidance's, not the act's
AMONG_OFFICES = re.compile(
    rf"\b(?:hướng dẫn|chỉ đạo|đôn đốc)(?:,? (?:hướng dẫn|chỉ đạo|đôn đốc|kiểm tra))* {OFFICE}|"
    r"\b(?:rà soát|cập nhật)\b[^.;]{0,20}?\b(?:dữ liệu|số liệu)\b|"
    r"\b(?:bảo đảm|bố trí|cân đối|cấp bù)\b[^.;]{0,20}?\bkinh phí\b|\b(?i:ngân sách)\b[^.;]{0,30}?\bbảo đảm\b"
)  # one office instructing another, data kept between offices, a funding source of an office's programme
OFFICE_LIST = re.compile(
    r"\b(?i:cơ quan|sở|ngành|đơn vị|địa phương)(?:, (?:và )?[^,.;]{1,25}?)*?,? (?:và )?(?:tổ chức,? (?:và )?cá nhân|"
    r"cá nhân,? (?:và )?tổ chức)(?: có liên quan| liên quan)?"
)  # "Các sở, ngành, địa phương, tổ chức, cá nhân có liên quan": whoever is concerned, not residents served
PAID_SHARE = re.compile(
    r"\d[\d.,]*\s*%[^.;]{0,60}?\b(?:cho|của)\s+(?:các |những )?(?P<to>\S+(?: \S+){0,2})|"
    r"(?P<by>\S+(?: \S+){0,2}) (?:đóng|nộp|trả|chịu|được hưởng|được hỗ trợ|được giảm|được miễn|hưởng)\b[^.;]{0,30}?\d[\d.,]*\s*%"
)  # "hỗ trợ 100% mức đóng … cho người cao tuổi", "người lao động đóng 8%": a share paid to or by residents


def among_offices(body: str) -> str | None:
    """The step between offices a sentence names (a file sent up, one office instructing another, data work, a
    funding source), whoever it is for; else None."""
    m = SENDS_UP.search(body) or AMONG_OFFICES.search(body)
    return m[0] if m else None


def _paid_share(body: str) -> bool:
    return any(RESIDENT.match(m["to"] or m["by"] or "") for m in PAID_SHARE.finditer(body))


def serves_residents(body: str) -> bool:
    """An act for residents with a term they act on, and no step between offices."""
    named = OFFICE_LIST.sub("", body)  # "… tổ chức, cá nhân có liên quan" after offices is not whom the act is for
    return bool(
        (RESIDENT.search(named) or SERVICE.search(body) or PER_HEAD.search(body))
        and (TERM.search(body) or _paid_share(body))
        and not BETWEEN_OFFICES.search(body)
        and not among_offices(body)
    )


PAYER = r"(?:Ngân sách|ngân sách|Nhà nước|nhà nước|Quỹ|quỹ)\b[^,;:.]{0,40}?"
PAID_FOR = re.compile(
    r"(?:^|[;:]\s+|,\s+(?:còn |và )?)(?:" + PAYER + r") (?:sẽ |tiếp tục |có trách nhiệm )?"
    r"(?:(?P<pays>đóng|hỗ trợ|chi trả|trả|thanh toán|cấp bù)|bảo đảm|cấp|chi)\b(?P<what>[^;]*)|"
    r"\bđược " + PAYER + r" (?:đóng|hỗ trợ|chi trả|trả|thanh toán|cấp bù|bảo đảm|cấp|chi)\b"
)  # the budget or a fund as the payer, at the head of a clause; a holder paid for by it ("… được ngân sách nhà nước đóng")
OWN_COST = r"(?:mức đóng|chi phí|học phí|viện phí|tiền|phí|lệ phí)\b"  # what residents would pay or spend
PAYMENT = re.compile(
    r"^ (?:(?:tối thiểu |tối đa |thêm )?(?:\d[\d.,]*\s*%|toàn bộ|một phần) " + OWN_COST + "|"
    r"(?:kinh phí |ngân sách |tiền )?(?:để )?(?:hỗ trợ )?(?:đóng|mua|chi trả|trả)\b|" + OWN_COST + ")"
)  # what it pays is the residents' own: their contribution, their costs, a share of them
SHARE_OF_RESIDENTS = re.compile(r"\d[\d.,]*\s*%\s+(?:mức đóng|học phí|chi phí khám|viện phí|tiền đóng)\b")
RATE_HEAD = re.compile(r"^(?:Mức|Tỷ lệ) (?:đóng|học phí|viện phí)\b")  # "Mức đóng …; ngân sách nhà nước hỗ trợ 30%"
BENEFICIARY = re.compile(r"\b(?:cho|đối với) (?:các |những |mỗi )?(?P<who>\S+(?: \S+){0,3})")


def paid_for_residents(body: str) -> bool:
    """The budget (the State, a fund) pays what residents would pay or spend: "Ngân sách nhà nước đóng bảo hiểm y tế
    cho trẻ em …", "…; ngân sách nhà nước hỗ trợ 30% mức đóng", "Người có công được ngân sách nhà nước đóng …". Not
    what it pays an office or a programme ("… hỗ trợ kinh phí cho các xã", "… bảo đảm 70% kinh phí thực hiện chính
    sách đối với …", "… bảo đảm đối với các đối tượng …")."""
    for m in PAID_FOR.finditer(body):
        if m["what"] is None:  # "… được ngân sách nhà nước đóng …": the holder is the sentence's subject
            return resident_holds(body)
        what = m["what"]
        if between_offices(what):
            continue
        if m["pays"] and RATE_HEAD.match(body) and re.fullmatch(r" (?:\d[\d.,]*\s*%|toàn bộ)\.?", what):
            return True
        paid = PAYMENT.match(what) or (m["pays"] and re.match(r" (?:cho|đối với)\b", what))
        if paid and (SHARE_OF_RESIDENTS.search(what) or any(RESIDENT.match(b["who"]) for b in BENEFICIARY.finditer(what))):
            return True
    return False


def between_offices(text: str) -> bool:
    return bool(BETWEEN_OFFICES.search(text) or among_offices(text))


HOLDER_HEAD = re.compile(
    rf"^(?:(?:Các|Những|Mỗi) )?(?:{RESIDENT.pattern}|(?i:Người) (?!đứng đầu|có thẩm quyền|nước ngoài|được giao|ký\b|quyết định|"
    r"làm công tác|phụ trách|thu\b|sử dụng lao động)\w+)",
    re.I,
)
MODAL = re.compile(
    r"^[^;:]{0,100}? (?:vẫn |cũng |sẽ |chỉ |đều )?(?:không được|không phải|không bị|được|phải|bị|tự (?:bảo đảm|chi trả|chịu|lo))\b"
)  # "Các chủ rừng … tự bảo đảm kinh phí cho hoạt động phòng cháy …": what they pay themselves
OFFICIAL = re.compile(
    r"\b(?:Ủy ban|UBND|Sở|Bộ|Kho bạc|cơ quan|Cơ quan|đơn vị|Đơn vị|cán bộ|công chức|viên chức|tổ chức thu|đoàn công tác)\b"
)


def resident_holds(main: str) -> bool:
    """The sentence's subject is a resident and its main predicate what they get, must or are barred from ("Người có
    công … được ngân sách nhà nước đóng bảo hiểm y tế"; "Người bị thiệt hại được nhận hỗ trợ từ ngân sách địa
    phương"): a rule on residents, whatever budget it names; not when the holder sends a file up to an office."""
    m = HOLDER_HEAD.match(main)
    if not m or not (modal := MODAL.match(main)) or OFFICIAL.search(modal[0]):
        return False
    clause = main.split(";")[0]
    return not (BETWEEN_OFFICES.search(clause) or SENDS_UP.search(clause) or GUIDES_OFFICE.search(clause))


PER_RESIDENT = re.compile(
    r"\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng\s*/\s*(?:người|hộ|học sinh|sinh viên|trẻ|suất|lượt|con|ha)\b", re.I
)  # "3.000.000 đồng/hộ": what each household or person gets or pays
BENEFIT_RATE = re.compile(
    r"^(?:(?:Từ|Kể từ) ngày [^,]{6,40}, )?(?:Mức|Tiền) (?:phụ cấp|trợ cấp|hỗ trợ|hưởng|bồi dưỡng|lương hưu|bồi thường)\b"
    r"[^.;]*?\d[\d.,]*\s*(?:nghìn |triệu )?đồng"
)  # "Mức phụ cấp hằng tháng của Thôn đội trưởng là 1.500.000 đồng/tháng, do ngân sách cấp xã bảo đảm"
OFFICE_MEMBERS = re.compile(r"\bthành viên (?:của )?(?:Ban|Hội đồng|Tổ công tác|Đoàn)\b|\bBan [Cc]hỉ đạo\b|\bTổ công tác\b")
SHARE_OF_OWN_COST = re.compile(
    r"(?:\d[\d.,]*\s*%|toàn bộ)[^.;]{0,60}?\b(?:mức đóng|đóng bảo hiểm|mua thẻ|học phí|viện phí|chi phí khám)\b|"
    r"\b(?:mức đóng|đóng bảo hiểm|mua thẻ|học phí|viện phí|chi phí khám)\b[^.;]{0,80}?(?:\d[\d.,]*\s*%|toàn bộ)"
)


def figure_for_residents(body: str) -> bool:
    """A funding sentence that also says what residents get: an amount per household or head ("Kinh phí hỗ trợ
    3.000.000 đồng/hộ từ ngân sách tỉnh"), or the share of their own contribution or costs the budget bears for named
    residents ("Kinh phí đóng bảo hiểm y tế cho người cao tuổi … do ngân sách nhà nước bảo đảm 100%"). Not what an
    office or its missions are paid ("… các đoàn công tác được chi 300.000 đồng/người/lần")."""
    if not (PER_RESIDENT.search(body) or BENEFIT_RATE.match(body) or SHARE_OF_OWN_COST.search(body) and RESIDENT.search(body)):
        return False
    if OFFICE_MEMBERS.search(body):
        return False  # "Mức phụ cấp hằng tháng của thành viên Ban chỉ đạo tỉnh …": what an office's members are paid
    return not (BETWEEN_OFFICES.search(body) or among_offices(body.split(" do ")[0].split(" từ ")[0]))
