"""The listener check's ``agency_work``: the administration's own work read to residents (``scripts.listener``).

Reporting, inspection, budget sources, coordination, "giao Sở …", "tổng hợp báo cáo", one level delegating to another,
what a budget pays an office, a directive with no subject; the roles of ``scripts.offices``. Not an office's act for
residents with a term they act on (``scripts.for_residents``): "… trả kết quả cho người dân trong thời hạn 03 ngày".
"""

from __future__ import annotations

import re

from scripts.for_residents import (
    SENDS_UP,
    among_offices,
    between_offices,
    figure_for_residents,
    paid_for_residents,
    resident_holds,
    serves_residents,
)
from scripts.offices import LOCAL_OFFICE, ROLES, office_role

__all__ = ["AGENCY", "RESIDENTS_FEEL", "agency_work"]

PROCEDURE = ROLES[2]  # an office's procedure (its file work): not when it is done for residents with a term
NOT_SUBMIT = r"(?<!hành )(?<!công )(?<!chương )(?<!quy )(?<!lộ )(?<!tiến )trình(?! độ)"  # "trình" to submit, not "công trình"

AGENCY = (
    r"(?:Ủy ban nhân dân (?:tỉnh|thành phố|các|cấp)|UBND (?:tỉnh|thành phố|các|cấp)|(?-i:Sở)\s|(?-i:Bộ)\s|các bộ|"
    r"Ban (?:Chỉ đạo|Chỉ huy|Quản lý)|Cục|Chi cục|Kho bạc|Văn phòng|Thanh tra|Cơ quan|Các cơ quan|Đơn vị|Các đơn vị|"
    r"Các sở|Các bộ|cơ quan, đơn vị|Bảo hiểm xã hội (?:Việt Nam|tỉnh|thành phố|cấp|các|khu vực|cơ sở)|Ngân hàng Nhà nước|Đài|Báo|"
    r"Công an (?:tỉnh|thành phố|cấp|các)|(?:Ủy ban )?Mặt trận Tổ quốc|các tổ chức chính trị - xã hội|các đoàn thể|"
    r"Hội (?:Nông dân|Liên hiệp Phụ nữ|Cựu chiến binh|Chữ thập đỏ)|Tỉnh đoàn|Thành đoàn|Đoàn Thanh niên|"
    rf"(?-i:Phòng)\s(?!chống|cháy)|{LOCAL_OFFICE}|Chính quyền|Các địa phương)\b"
)  # whole words: "Đồng bào …" is not "Đồn", "Hạt giống …" not "Hạt Kiểm lâm"
INTERNAL = re.compile(
    r"\b(?:báo cáo|tổng hợp|tham mưu|chủ trì|phối hợp|chỉ đạo|đôn đốc|theo dõi|giám sát|thanh tra|kiểm tra|hướng dẫn|"
    rf"rà soát|xây dựng (?:kế hoạch|phương án|dự thảo)|{NOT_SUBMIT}|quyết toán|dự toán|kinh phí|ngân sách|nguồn vốn|"
    r"cân đối|bố trí|tài khoản|lưu mẫu|lưu giữ mẫu|trích|tổ chức thực hiện|triển khai|cập nhật|số liệu|dữ liệu|"
    r"tuyên truyền|phổ biến|quán triệt|đánh giá|sơ kết|tổng kết|cấp ủy|đảng ủy|tăng trưởng|phân cấp|ủy quyền|thống kê|hoàn thành(?= (?:trước|chậm nhất|trong (?:tháng|quý|năm)))|"
    r"đưa tin|thời lượng|chuyên mục|chuyên trang|phóng sự)\b",
    re.I,
)
GIVES_TASK = re.compile(r"\bgiao (?:cho )?(?:Sở|Ủy ban|UBND|các|Bộ|Ban|Công an|cơ quan)", re.I)
RESIDENTS_FEEL = re.compile(
    r"bị xử lý|(?<!cục )(?<!quan )thuế|người dân|bà con|(?<!ban )(?<!đồng )nhân dân(?! (?:tỉnh|cấp|các))|\bhộ\b|hộ gia đình|người lao động|học sinh|trẻ em|người bệnh|"
    r"xử phạt|xử lý nghiêm|xử lý (?:các |những )?(?:hành vi|trường hợp|vi phạm)|thu hồi|cưỡng chế|\bcấm\b|nghiêm cấm|"
    r"không được|hỗ trợ (?:cho )?(?:người|hộ|gia đình)|miễn|chi trả|được hưởng|mức thu|lệ phí|học phí|"
    r"sơ tán|di dời|cảnh báo|\bphải\b",
    re.I,
)
BINDS_RESIDENTS = re.compile(
    r"xử phạt|\bbị phạt|phạt tiền|xử lý nghiêm|bị xử lý|thu hồi|cưỡng chế|\bcấm\b|nghiêm cấm|không được|\bphải\b|được hưởng|"
    r"được hỗ trợ|được miễn|được giảm|mức thu|lệ phí|học phí|thuế|hạn chế|khuyến khích|"
    r"\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?đồng|sơ tán|di dời",
    re.I,
)  # what an order without a subject must carry to be news: residents are banned, fined, paid or charged
SUBJECTLESS_ORDER = re.compile(
    r"^(?:Vận động|Phân công|Bố trí|Giải quyết|Đồng thời|Qua|Thu gom|Lập|Kiến nghị|Tham mưu|Chỉ đạo|Duy trì|Bảo đảm|Đảm bảo|Chủ động|Đánh giá|Tăng cường|Tiếp tục|Nâng cao|Đẩy mạnh|Tập trung|Kịp thời|Khẩn trương|"
    r"Nghiên cứu|Hoàn thành|Thống kê|Rà soát|Theo dõi|Tổ chức(?!,? (?:và )?cá nhân| bảo hiểm| tín dụng)|Triển khai|Xây dựng|Hoàn thiện|Phối hợp|Chỉ đạo|Hướng dẫn|Quán triệt|"
    r"Tuyên truyền|Thực hiện|Sử dụng|Bố trí|Huy động|Ưu tiên|Cập nhật|Kiểm tra|Giao|Xin ý kiến)\b"
)
RESIDENT_ACT = re.compile(
    r"\b(?:kê khai|khai báo|đăng ký (?:tạm trú|thường trú|lưu trú|khai thác|kinh doanh|khai sinh|kết hôn|xe|thuế)|"
    r"(?:đóng|nộp) (?:bảo hiểm|thuế|phí|lệ phí|tiền|học phí)|đội mũ bảo hiểm|tiêm (?:phòng|vắc xin|chủng)|thu hoạch|"
    r"gia cố (?:nhà|chuồng|lồng)|chằng chống|neo đậu|di chuyển tàu|dự trữ (?:lương thực|thực phẩm|nước)|tiêu độc|"
    r"vệ sinh (?:chuồng|nhà)|tắt (?:các )?thiết bị|"
    r"không (?:tự ý )?(?:xả|đốt|vứt|thả|chặt|phá|săn|bắt|lấn chiếm|tụ tập|mang|chở|đổ)\b)",
    re.I,
)  # what only a resident does: an order without a subject that says it is addressed to them ("Thực hiện kê khai …")
FREE_OR_RATE = re.compile(r"miễn phí|lãi suất", re.I)  # a free service, a loan rate: news when residents get it
TO_OFFICES = re.compile(
    r"\b(?:hỗ trợ|cho) (?:các |mỗi )?(?:xã|phường|huyện|sở|ngành|đơn vị|cơ quan|địa phương)\b|"
    r"\bcủa (?:các )?(?:sở|ngành|đơn vị|cơ quan)\b|"
    r"\b(?:xe công|tài sản công)\b|\bthành viên (?:của )?(?:Ban|Hội đồng|Tổ công tác|Đoàn)\b|\bBan [Cc]hỉ đạo\b"
)  # the receivers or the owners are offices or their members: "… miễn phí cho cán bộ …", "… xe công của các cơ quan …"
SUPPORTS_RESIDENTS = re.compile(r"\bhỗ trợ (?:cho )?(?:các |mỗi )?(?:người|hộ|học sinh|sinh viên|trẻ em|gia đình)\b")
IDENTITY = re.compile(
    r"^(?:Luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Công điện|Kế hoạch) này (?:nói về|quy định|hướng dẫn)"
)
SCOPE = re.compile(
    r"^(?:Luật|Nghị định|Nghị quyết|Thông tư|Quyết định) này (?:quy định|áp dụng (?:đối với|cho))(?: về)? "
    r"(?:người nộp|tổ chức thu|cơ quan|các cơ quan|tổ chức, cá nhân|cơ quan, tổ chức|đối tượng)"
)  # "Thông tư này áp dụng đối với người nộp phí, lệ phí": the document's scope, not what residents get or owe
PARTY_OR_BUDGET = re.compile(
    r"kinh phí|dự toán|ngân sách|năm tài chính|quyết toán|cấp ủy|đảng ủy|Đảng ủy|số liệu|hội nghị tổng kết|công tác phí|đoàn công tác|"
    r"\bđược chi\b(?! trả)",
    re.I,
)  # "được chi" is what a budget pays an office; a resident "được hỗ trợ", "được hưởng", "được chi trả"
OFFICE_OR_BUDGET = re.compile(
    rf"{AGENCY}|(?:Chủ tịch )?(?:Ủy ban nhân dân|UBND)\b|(?-i:Ngân sách|Kinh phí|Nguồn kinh phí|Quỹ)\b", re.I
)  # whose step between offices it is: any level's office ("Ủy ban nhân dân xã gửi … về Sở"), a budget
THIS_TEXT = r"(?:Luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Công điện|Kế hoạch|Quy định|Quy chế) (?:này|thi hành)"
CARRIES_OUT = re.compile(
    rf"\b(?:chịu trách nhiệm|có trách nhiệm|căn cứ)?\s*(?:tổ chức |triển khai |nghiêm túc |chỉ đạo |giám sát việc |kiểm tra việc )?"
    rf"(?:thi hành|thực hiện|triển khai)(?: thực hiện)?\s+(?:nội dung )?{THIS_TEXT}\.?$|"
    rf"\bcăn cứ {THIS_TEXT}\b|\bchịu trách nhiệm thi hành\b|"
    r"^(?:Luật|Nghị quyết|Pháp lệnh) này (?:đã )?được (?:Quốc hội|Hội đồng nhân dân|Ủy ban Thường vụ)\b|"
    r"^Trong quá trình (?:tổ chức )?(?:thực hiện|triển khai|thi hành)\b|\bvăn bản (?:được )?(?:dẫn chiếu|viện dẫn)\b|^Trên đây là\b|"
    r"\bchịu trách nhiệm trước (?:Chủ tịch|Ủy ban|UBND|Thủ tướng|Bộ trưởng|Giám đốc|Hội đồng)"
)  # "Chánh Văn phòng …, Giám đốc các sở … chịu trách nhiệm thi hành Quyết định này", "… giám sát việc thực hiện Nghị quyết
# này", "Nghị quyết này đã được Hội đồng nhân dân … thông qua ngày …", "Trong quá trình thực hiện, …", "… các văn bản dẫn
# chiếu … được sửa đổi thì áp dụng theo văn bản mới": who carries the text out, who adopted it, how it is kept, not its rules
REPORTS_UP = re.compile(
    r"\bbáo cáo\b(?: [^.;]{0,60}?)? (?:về |lên |cho |với )?(?:Sở|Bộ|Ủy ban nhân dân (?:tỉnh|thành phố|cấp tỉnh|cấp huyện)|"
    r"UBND (?:tỉnh|thành phố)|Hội đồng nhân dân|Thường trực|Thủ tướng|Chính phủ|Ban Chỉ đạo|Cục)\b"
)  # "…; báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 20 tháng 12": an office's report up, whoever sends it
COLLECTOR_STEP = re.compile(
    r"^(?:Nộp|Được để lại|Để lại|Trích)\b[^.;]*?(?:\bvào ngân sách|\bsố tiền (?:phí |lệ phí )?thu được)"
)  # "Nộp 100% số tiền lệ phí thu được vào ngân sách nhà nước": the collector's step, its subject left in the clause before
FEE_RESIDENTS_PAY = re.compile(r"\b(?:Mức|Giá) (?:phí|vé|dịch vụ)\b[^.;]*?\d[\d.,]* đồng/")
# "Mức phí trông giữ xe đạp là 2.000 đồng/lượt, áp dụng từ năm tài chính 2027": what residents pay, whatever year it starts


def agency_work(body: str) -> tuple[str, str] | None:
    """(message, span) when the sentence is the administration's own work, else None."""
    main = re.sub(rf"^(?:Đề nghị|Yêu cầu) (?={AGENCY})", "", body.split(" thì ", 1)[-1])  # "Đề nghị Ủy ban Mặt trận …"
    main = main[:1].upper() + main[1:]
    if SCOPE.match(body):
        return ("Phạm vi áp dụng của văn bản: nói thẳng bà con được gì, phải làm gì.", body[:40])
    if IDENTITY.match(body):
        return None  # the document's own subject, said once, is not a task
    if m := CARRIES_OUT.search(body):
        return (
            "Câu thi hành văn bản (ai tổ chức, giám sát thực hiện, thông qua khi nào): không phải tin cho bà con.",
            m[0].strip(),
        )
    if (m := REPORTS_UP.search(body)) and not any(BINDS_RESIDENTS.search(c) for c in body.split(";") if m[0] not in c):
        return ("Báo cáo gửi lên cấp trên, thời hạn báo cáo: việc giữa các cơ quan, không phải tin cho bà con.", m[0])
    if paid_for_residents(body) or resident_holds(main):
        return None  # who gets, pays or must is a resident: whatever budget or office the sentence names
    serving = serves_residents(body)  # "… trả kết quả cho người dân trong thời hạn 03 ngày": an office's act for them
    if (role := office_role(body)) and not (serving and role[0] == PROCEDURE):
        return role  # a funding source, a computation basis: whatever residents it mentions
    if (m := GIVES_TASK.search(body)) and not RESIDENTS_FEEL.search(body):
        return ("Việc giao nhiệm vụ giữa các cơ quan, người dân không cần nghe.", m[0])
    if COLLECTOR_STEP.match(body):
        return ("Việc của tổ chức thu phí (nộp ngân sách, để lại, trích), không phải tin cho bà con.", body.split()[0])
    binds = BINDS_RESIDENTS.search(body) or FREE_OR_RATE.search(body) and not _for_offices(body)
    if SUBJECTLESS_ORDER.match(body) and not binds and not _residents_act(body):
        return ("Mệnh lệnh không có chủ ngữ: ai phải làm? Nếu là việc của cơ quan thì bỏ.", body.split()[0])
    if OFFICE_OR_BUDGET.match(main) and (step := among_offices(main)) and not figure_for_residents(main):
        return ("Việc giữa các cơ quan (gửi lên, hướng dẫn nhau, dữ liệu, kinh phí), không phải tin cho bà con.", step)
    if serving:
        return None
    if (
        re.match(AGENCY, main, re.I)
        and (m := INTERNAL.search(main))
        and not ((RESIDENTS_FEEL.search(main) or figure_for_residents(main)) and not SENDS_UP.search(main))
    ):
        return ("Việc nội bộ của cơ quan (báo cáo, kiểm tra, kinh phí …), không phải tin cho bà con.", m[0])
    if (m := PARTY_OR_BUDGET.search(body)) and not (
        RESIDENTS_FEEL.search(body) or FEE_RESIDENTS_PAY.search(body) or figure_for_residents(body)
    ):
        return ("Nguồn kinh phí, dự toán, việc nội bộ: không phải tin cho bà con.", m[0])
    return None


def _residents_act(body: str) -> bool:
    """An order without a subject whose act only residents do ("Thực hiện kê khai, đăng ký khai thác nước dưới đất"),
    not one that also names an office's work ("… rà soát, thống kê … và báo cáo về Sở")."""
    acts = RESIDENT_ACT.search(body) or (SUPPORTS_RESIDENTS.search(body) and re.search(r"\d", body))
    return bool(acts) and not INTERNAL.search(body) and not among_offices(body) and not _for_offices(body)


def _for_offices(body: str) -> bool:
    """ "Tổ chức khám sức khỏe miễn phí cho cán bộ, công chức …", "Thực hiện đăng ký xe công của các cơ quan …": the
    act's receivers or owners are offices, their staff or members, not residents."""
    return bool(TO_OFFICES.search(body) or between_offices(body))
