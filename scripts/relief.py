"""An agency's task whose content residents feel, said as what residents get.

"Bảo hiểm xã hội Việt Nam chi trả trước 2 tháng lương hưu … cho người đang hưởng …" is news for the pensioner,
not for the agency: the bulletin says "Người đang hưởng … được chi trả trước 2 tháng lương hưu …", its group,
amounts and dates kept. The same agency's reporting, inspection or budgeting has no such beneficiary and stays
as it was (the selection leaves it out). A charge an office collects from residents is said as what they pay
(``scripts.collected``).
"""

from __future__ import annotations

import re

from scripts.benefits import beneficiary, benefit_verbs, received
from scripts.collected import as_paid
from scripts.for_residents import GUIDES_OFFICE
from scripts.tasks import proposes

AGENCY = (
    r"(?:(?:Giao|Đề nghị|Yêu cầu)\s+)?"  # "Đề nghị các doanh nghiệp bảo hiểm tạm ứng …": the giver asked, the group still gets it
    r"(?:Ngân hàng|Bảo hiểm xã hội|Kho bạc|Bộ|Các bộ|Sở|Ủy ban nhân dân|Cục|Tổng cục|Cơ quan|Các tổ chức tín dụng|"
    r"Ngân hàng Chính sách xã hội|Thuế|Chi cục|(?:[Cc]ác )?doanh nghiệp bảo hiểm)\b[^.;:]{0,60}?"
)
RELIEF_VERB = benefit_verbs()
BENEFICIARY = beneficiary(group_lead=False)
RELIEF_TASK = re.compile(
    rf"^{AGENCY}\s(?:chỉ đạo|yêu cầu|hướng dẫn)?\s?(?:[^.;:]{{0,40}}?\s)??(?P<verb>{RELIEF_VERB})\s"
    rf"(?P<what>[^.;:]+?)\s(?:đối với|cho)\s(?P<who>{BENEFICIARY}[^.;:]*?)"
    r"(?P<tail>\s(?:trong|ngay|đến hết|đến ngày|từ ngày|kể từ|trước ngày|chậm nhất)\s[^.;:]*)?[.;]$"
)


def as_received(sentence: str) -> str:
    """ "Bộ Tài chính gia hạn nộp thuế … cho hộ kinh doanh …" → "Hộ kinh doanh … được gia hạn nộp thuế …"."""
    if not (m := RELIEF_TASK.match(sentence)):
        return as_paid(sentence)  # "Giao … thu tiền nước của hộ gia đình … 6.500 đồng/m3": what they pay
    if proposes(pre := sentence[: m.start("verb")]) or GUIDES_OFFICE.search(pre):
        return sentence  # "… nghiên cứu, đề xuất chính sách … hỗ trợ …": a policy to be studied is not yet received
    return received(m["who"], m["verb"], m["what"], m["tail"] or "") or sentence  # a sanction is not received
