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

__all__ = ["GUIDES_OFFICE", "SENDS_UP", "among_offices", "serves_residents"]

RESIDENT = re.compile(
    r"\b(?:người dân|bà con|(?<!ban )(?<!đồng )nhân dân|hộ gia đình|hộ nghèo|hộ cận nghèo|hộ kinh doanh|hộ dân|"
    r"người (?:cao tuổi|có công|khuyết tật|hưởng|được hưởng|thụ hưởng|nộp|tham gia|bệnh|lao động|học|sử dụng|thuê|"
    r"có đất|có nhà|đề nghị|đăng ký|nhận|được hỗ trợ|thuộc|đang|đủ|từ đủ|dân tộc|nghèo)|"
    r"cá nhân|công dân|học sinh|sinh viên|trẻ em|cha mẹ|phụ huynh|khách hàng|chủ (?:rừng|hộ|xe|nhà|sở hữu)|"
    r"đối tượng (?:được )?(?:hưởng|thụ hưởng|được hỗ trợ)|thân nhân)\b",
    re.I,
)
SERVICE = re.compile(
    r"\b(?:trả kết quả|hoàn trả|chi trả (?:trợ cấp|tiền|lương hưu|phụ cấp)|giải quyết (?:hưởng|chế độ|hồ sơ)|"
    r"cấp (?:thẻ|giấy|căn cước|sổ|chứng nhận|chứng chỉ))\b|\bcho (?:các |những )?đối tượng\b",
    re.I,
)  # an act whose receiver is the resident who applied, named or not: "… trả kết quả trong thời hạn 03 ngày làm việc"
PER_HEAD = re.compile(r"\d[\d.,]*\s*(?:nghìn |triệu )?đồng\s*/\s*(?:người|hộ|học sinh|trẻ|suất|tháng)", re.I)
TERM = re.compile(
    r"\btrong (?:thời hạn|vòng) (?:\d+|\w+ \()|\bchậm nhất\b|\b(?:trước|từ|đến hết|đến|kể từ) ngày \d|\bhằng (?:tháng|quý)\b|"
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
