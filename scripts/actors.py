"""An office named and what it does: a whole sentence though its verb is not one of the usual predicates.

"Ủy ban nhân dân các xã ven biển tổ chức chằng chống nhà cửa …" has no "được", "phải" or "là", yet a listener
hears who acts and what they do; a directive's tasks said with their actor (scripts.tasks) are such sentences.
"""

from __future__ import annotations

import re

ACTOR_ACTS = re.compile(
    r"^(?:Chủ tịch |Giám đốc )?(?:Ủy ban|UBND|Sở|Bộ|Ngân hàng|Công an|Bảo hiểm|Kho bạc|Cục|Chi cục|Đài|Doanh nghiệp|Lực lượng|"
    r"Các (?:sở|bộ|cơ quan|đơn vị|tổ chức|doanh nghiệp|địa phương|ngân hàng))\b"
    r"[^.;:]{0,80}?\s(?:chỉ đạo|tổ chức|sơ tán|di dời|hoàn thành|rà soát|kiểm tra|kiểm đếm|chi trả|gia hạn|cho vay|tạm ứng|"
    r"cơ cấu|miễn|hỗ trợ|chằng chống|thống kê|bảo đảm|đảm bảo|khẩn trương|cứu trợ|kêu gọi|cảnh báo)\b"
)  # "Ủy ban nhân dân các xã ven biển tổ chức chằng chống nhà cửa …": an actor and what it does, a whole sentence

# the measures of a directive's list, each said alone ("… triển khai các biện pháp: tạm dừng …; sơ tán …")
TASK_VERB = re.compile(
    r"^(?:tạm dừng|dừng|cấm|nghiêm cấm|không|kiểm soát|tăng cường|thông báo|báo ngay|sơ tán|di dời|hạn chế|"
    r"yêu cầu|vận động|tuyên truyền|xử lý|thu hồi|tổ chức|bố trí)\b",
    re.I,
)
