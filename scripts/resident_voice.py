"""An office's task whose object is what residents do or get, said in the residents' voice.

Directives, Công điện and the duties articles of a decision name what residents must do or will get as an office's
task: "Ủy ban nhân dân các xã ven biển vận động người dân không ra khơi …", "Hướng dẫn người dân gia cố nhà cửa …",
"Hỗ trợ 2.000.000 đồng cho mỗi hộ có nhà bị sập …", "Kiên quyết không để người dân ở lại trên lồng bè …". Heard
as the office's work, the listener's check rightly leaves most of them out; yet the news is in them. Each is said
with the residents as its subject, the office's verb kept as what it is:

- asking: "<office> vận động / hướng dẫn / yêu cầu / khuyến cáo (cho) <residents> <action>" →
  "<Residents> (ở <the office's place>) được vận động / được hướng dẫn / được yêu cầu … <action>.";
- giving: "<office> hỗ trợ / chi trả / cấp … <amount> cho <residents>" → "<Residents> được hỗ trợ … <amount>."
  (never what the office is only asked to study, propose or draft: ``scripts.tasks.proposes``);
- serving or waiving: "Tổ chức tiêm vắc xin … cho trẻ em …", "Thực hiện miễn học phí cho học sinh …" →
  "Trẻ em … được tiêm vắc xin …", "Học sinh … được miễn học phí …" (a waiver only of a charge, relief only of
  goods or money, never to offices, staff or businesses);
- a ban in a task: "không để <residents> <action>" → "<Residents> (ở …) không được <action>."; "<office> chỉ đạo
  cấm …" or a ban split off its office's order → "Ở <the office's place>, cấm …", its time kept;
- duties an article's title ("Trách nhiệm của chủ rừng") or a clause heading ("8. Chủ rừng") gives to residents,
  stated as bare verbs → "Chủ rừng phải …" (``Holders``, where a directive's ``tasks.Carriers`` are off).

Only the residents' part is said: an office's other tasks in the same line ("…; huy động các lực lượng …") stay
out, as they did. A task that only moves money or paper between offices has no resident object and is untouched.
"""

from __future__ import annotations

import re

from scripts.benefits import PAYMENT, VERBS, WAIVER, beneficiary, benefit_verbs, punishes, split_manner
from scripts.for_residents import GUIDES_OFFICE
from scripts.holders import CARRIED, RESIDENT_HEADS, SUBJECT_MODAL, alternation
from scripts.negation import NEGATION
from scripts.offices import LOCAL_OFFICE
from scripts.sentences import SENTENCE_SPLIT, capfirst, flat, words
from scripts.tasks import needs_subject, proposes, with_subject

# Whom a task addresses: residents by what they are (households, fishers, boat and forest owners, parents …).
# Its own words first: "bà con nhân dân" and "chủ tàu cá" before the shared "bà con" and "chủ tàu" (``holders``).
RESIDENTS = (
    r"(?i:(?:các|mọi|những|toàn thể)\s+)?(?i:người dân|bà con nhân dân|hộ gia đình|hộ dân|hộ nghèo|hộ cận nghèo|"
    r"hộ chăn nuôi|hộ nuôi trồng thủy sản|chủ tàu cá|chủ tàu thuyền|người chăn nuôi|người nuôi(?: trồng)?(?: thủy sản)?|"
    r"người đi biển|người lao động|người bệnh|người tham gia giao thông(?: đường bộ| đường thủy)?|người trồng rừng|"
    rf"người sử dụng đất|hộ kinh doanh|người tiêu dùng|{alternation(RESIDENT_HEADS)})\b"
)
# What residents do, as the first word of the action a task asks of them (a closed list: an office's own verbs,
# "tổng hợp", "báo cáo", "thẩm định" …, never start it).
ACTION = (
    r"(?:không|tuyệt đối không|chưa|hạn chế|chủ động|khẩn trương|kịp thời|tích cực|nghiêm túc|thực hiện|chấp hành|"
    r"tuân thủ|tham gia|gia cố|chằng chống|cắt tỉa|chặt tỉa|di dời|di chuyển|sơ tán|đưa|neo đậu|vào|trở về|về nhà|về nơi|lên|rời|"
    r"ra khỏi|tránh|tìm nơi|trú|đun|uống|ăn chín|sử dụng|dùng|tiêm|tiêm phòng|khai báo|đăng ký|nộp|kê khai|theo dõi|"
    r"dự trữ|chuẩn bị|thu hoạch|bảo vệ|bảo quản|giữ|cài đặt|áp dụng|trồng|chăm sóc|vệ sinh|phát quang|khơi thông|"
    r"nạo vét|báo ngay|thông báo|liên hệ|mang|đeo|đội|mặc|tự|nắm|cập nhật|nuôi|nhốt|đóng|tắt|ngắt|tập trung|"
    r"phòng|phòng tránh|phòng, chống|ứng phó|diệt|tiêu hủy|ngừng|dừng|tạm dừng|lắp đặt|trang bị|gửi|tiết kiệm|"
    r"thu gom|phân loại|kiểm tra|xử lý|quản lý|ở lại|ra khơi|đi|lắp|lập|bố trí người)\b"
)
QUALIFIER = r"(?:ở|tại|trong|thuộc|sinh sống|sống|đang|có|ven|vùng|khu vực|trên|gần|bị|nuôi|đánh bắt)"
GROUP = rf"{RESIDENTS}(?:(?:,\s+|\s+và\s+|\s+hoặc\s+){RESIDENTS})*(?:\s+{QUALIFIER}\b[^.;:]{{0,70}}?)?"  # "người dân, chủ tàu ở các xã ven biển": the group and where or what it is, never a clause of its own
ASKS = {  # the office's verb → how residents hear it
    "vận động": "được vận động",
    "hướng dẫn": "được hướng dẫn",
    "yêu cầu": "được yêu cầu",
    "khuyến cáo": "được khuyến cáo",
    "kêu gọi": "được kêu gọi",
    "nhắc nhở": "được nhắc nhở",
    "thông báo": "cần",  # "Thông báo cho chủ tàu đưa tàu vào bờ": the notice is the instruction
    "không để": "không được",
    "không cho": "không được",
}
ASK = re.compile(
    rf"^(?P<pre>[^.;:]{{0,140}}?)(?<!\S)(?:(?:tuyên truyền|thông tin|phổ biến),?\s+(?:và\s+)?)?"
    rf"(?P<verb>(?i:{'|'.join(ASKS)})|(?P<move>(?i:sơ tán|di dời)))\s+(?:cho\s+)?(?P<who>{GROUP})\s+"
    rf"(?P<what>(?(move)(?:đến nơi|ra khỏi|vào nơi|lên nơi|về nơi)\b|{ACTION})[^;]*?)\s*(?:;.*)?\.?$"
)  # "Tổ chức sơ tán người dân ở … đến nơi an toàn": who is moved, and to where
TASK_LEAD = re.compile(  # what an office does before it asks: the office named, or its manner ("Tăng cường", "Giao …")
    r"^(?:Tăng cường|Tuyên truyền|Thường xuyên|Kịp thời|Khẩn trương|Chủ động|Tổ chức|Giao|Chỉ đạo|Kiên quyết|Tiếp tục|"
    r"Đẩy mạnh|Phối hợp|Thực hiện|Hướng dẫn|Đồng thời|Triển khai|Thông tin|Phổ biến|Trực tiếp|Sẵn sàng|Quyết liệt|"
    r"Định kỳ|Hằng năm|Hàng năm|Bố trí)\b",
    re.I,
)
REGULATES = re.compile(r"\b(?:quy định|ban hành|(?<!chỉ đạo )(?<!tổ chức )(?<!triển khai )việc|thẩm quyền|có quyền)\b", re.I)
# "Bộ trưởng Bộ Y tế quy định về tiêu chuẩn sức khỏe, việc khám sức khỏe đối với người lái xe": a rule about the
# service, not the service given
PLANNED = re.compile(
    r"\b(?:dự kiến|đề nghị|báo cáo|trình|xem xét|nghiên cứu|kiến nghị|đề xuất)\b", re.I
)  # "Sở … dự kiến hỗ trợ …", "… đề nghị cấp có thẩm quyền cấp gạo …": relief not yet given
PURPOSE = re.compile(r"\b(?:để|nhằm)\b")  # "Cọc tiêu … để hướng dẫn người tham gia giao thông …": no task at all
OFFICE_LEAD = re.compile(
    r"^(?:(?:Chủ tịch|Giám đốc|Thủ trưởng)\s+)?(?:Ủy ban|UBND|Sở|Bộ|Ban|Công an|Bộ đội|Chi cục|Cục|"
    rf"{LOCAL_OFFICE}|Đài|Cơ quan|Các (?:sở|bộ|cơ quan|đơn vị|địa phương)|Chính quyền|Lực lượng|Kiểm lâm)\b"
)
PLACE = re.compile(
    r"(?:Ủy ban nhân dân|UBND|Chính quyền)\s+(?P<place>(?:các\s+)?(?:xã|phường|thị trấn|đặc khu|huyện|tỉnh|thành phố|"
    r"tỉnh, thành phố)(?:\s+[^,;]*?)??(?:,\s+(?:xã|phường|tỉnh|thành phố)\s+[^,;]*?)*)(?=\s+(?:chỉ đạo|có trách nhiệm|"
    r"chủ động|khẩn trương|kịp thời|tăng cường|tiếp tục|tổ chức|thực hiện|kiên quyết|thường xuyên)\b|\s*$)"
)  # "Ủy ban nhân dân các xã ven biển": the residents meant are those of its place
GIVES = re.compile(
    rf"^(?P<pre>[^.;:]{{0,120}}?)(?<!\S)(?P<verb>(?i:{benefit_verbs()}))\s+"
    r"(?P<what>[^;]*?\d[\d.,]*\s*(?:nghìn |triệu |tỷ )?(?:đồng|kg|ki-lô-gam|tấn)[^;]*?)\s+(?:cho|đối với)\s+"
    rf"(?P<who>{beneficiary()}[^;]*?)(?P<tail>\s(?:trước|từ ngày|đến hết|đến ngày|kể từ)\s[^;]*?)?\s*(?:;.*)?\.?$"
)  # "… cho người cao tuổi … trước ngày 30 tháng 6": by when they get it, not who they are
SERVES = re.compile(
    rf"^(?P<pre>[^.;:]{{0,120}}?)(?<!\S)(?P<verb>(?i:{benefit_verbs()}))"
    rf"(?:\s+(?P<what>[^;]*?))?\s+(?:cho|đối với)\s+(?P<who>{beneficiary()}[^;]*?)"
    r"(?P<tail>\s(?:tại|trước|trong (?:tháng|năm|quý|thời gian|tuần)|từ ngày|đến hết|đến ngày|kể từ|ngay)\s[^;]*?)?"
    r"\s*(?:;.*)?\.?$"
)  # "Tổ chức tiêm vắc xin sởi cho trẻ em … tại trạm y tế xã", "Thực hiện miễn học phí cho học sinh …"
ANOTHER_TASK = re.compile(rf",\s+(?:{benefit_verbs()}|thu|nộp|đóng|bán|lập|thống kê)\b", re.I)  # "…, miễn" before "cho …"
WAIVED = re.compile(r"\b(?:tiền|phí|lệ phí|học phí|viện phí|thuế|lãi|lãi suất|nợ|giá)\b")  # what a waiver is of
GOODS = re.compile(
    r"\d|\b(?:gạo|lương thực|thực phẩm|nước uống|thuốc|vắc xin|thẻ|giấy|sách|quần áo|nhu yếu phẩm|mì|chăn|màn|"
    r"lãi suất|giống|con giống|nhà ở|chỗ ở|học bổng|quà)\b"
)  # what relief hands over, not "hỗ trợ các địa phương khắc phục …"
NOT_RESIDENTS = re.compile(
    r"\b(?:cán bộ|công chức|viên chức|người đứng đầu|người có thẩm quyền|cơ quan|đơn vị|doanh nghiệp|địa phương|"
    r"tổ chức tín dụng|ngân hàng|thành viên (?:Ban|Tiểu ban|Đoàn|Ủy ban|Hội đồng)|ban chỉ đạo|ban chỉ huy|"
    r"tổ công tác|đoàn công tác|tổ giúp việc|tổ thường trực|lực lượng chức năng)\b",
    re.I,
)  # an office, its members and staff, or a business: "Tặng giấy khen cho thành viên Ban chỉ đạo" is no news for residents
LETS = re.compile(
    r"^(?P<pre>[^.;:]{0,120}?)(?<!\S)(?:cho phép|cho)\s+"
    rf"(?P<who>{GROUP})\s+(?P<what>(?:tạm |được )?(?:nghỉ|ngừng|hoãn|lùi|trở về|quay lại|về nhà)\b[^;]*?)\s*(?:;.*)?\.?$"
)  # "Chỉ đạo các trường cho học sinh nghỉ học …": what residents may do, said as theirs
BANNED = r"(?i:tàu thuyền|tàu cá|phương tiện(?: thủy)?|người và phương tiện|người, phương tiện|xe)\b(?:\s+{QUALIFIER}\b[^.;:]{{0,50}}?)?"
KEEP_OUT = re.compile(
    rf"^(?P<pre>[^.;:]{{0,140}}?)(?<!\S)(?:không để|không cho)\s+(?:cho\s+)?(?P<who>{BANNED.format(QUALIFIER=QUALIFIER)})\s+"
    rf"(?P<what>{ACTION}[^;]*?)\s*(?:;.*)?\.?$"
)  # "kiên quyết không để tàu thuyền ra khơi …": the vessels are banned
BAN = re.compile(r"^(?P<pre>[^.;:]{0,140}?)(?<!\S)(?P<verb>(?i:nghiêm cấm|cấm))\s+(?P<what>[^;]+?)\s*(?:;.*)?\.?$")
BAN_FIRST = re.compile(r"^(?:Nghiêm cấm|Cấm)\s")
NAMED_BAN = re.compile(r"\b(?:lệnh|quy định|biển(?: báo)?|khu vực|vùng|danh mục|bị|điều|thời gian|hành vi)$", re.I)
OFFICES_BETWEEN = re.compile(r"\b(?:ngân sách|dự toán|kinh phí cho (?:các )?(?:cơ quan|đơn vị|địa phương)|bổ sung có mục tiêu)\b")
NEGATION_FIRST = re.compile(rf"(?:{NEGATION}|tuyệt đối không)\b", re.I)
EXCEPTION = re.compile(r"\b(?:trừ|không|trường hợp|riêng|nếu)\b", re.I)  # "…; trường hợp … thì không hỗ trợ."
WHO_WORDS = 14  # a longer "who" is a clause run on, not a group a listener keeps in mind
WHOLE = 5  # an action shorter than this is not a task said whole ("không để người dân …" cut mid-phrase)
# Any word that governs the office's task, wider than a negation (``scripts.negation``): a ban, an exception ("trừ")
# or a restriction ("chỉ được") too. "Không được yêu cầu người dân nộp …" is no request to residents.
GOVERNING_NEGATION = re.compile(r"\b(?:không|chưa|cấm|trừ|chỉ (?:được|khi|áp dụng|dành)|nghiêm cấm)\b", re.I)
TIME_OR_CASE = re.compile(
    r"^(?P<lead>(?:Khi|Trong|Trước|Sau|Từ|Kể từ|Đến|Nếu|Trường hợp|Tại|Ở|Riêng)\b[^,]{3,80}),\s+"
)  # "Khi có lệnh sơ tán, vận động …": the occasion stays with what residents are asked
NAMED = re.compile(r"(?:Ủy ban|Hội đồng|Công an|Quân đội|Tòa án|Viện kiểm sát) nhân dân", re.I)  # offices, not residents
LEVELS = re.compile(r"\b(?:các|tỉnh|thành phố|xã|phường|thị trấn|đặc khu|huyện)\b")  # "các tỉnh, thành phố": every one
REFERRED = re.compile(r"\b(?:nêu trên|trên đây|này|có liên quan|liên quan|nói trên)\b")  # "các tỉnh nêu trên"
PLACE_VERB = re.compile(
    r"\b(?:quyết định|xem xét|phê duyệt|chỉ đạo|giao|báo cáo|trình|đề nghị|cho phép|ban hành|bố trí|hỗ trợ|chi trả|"
    r"thực hiện|tổ chức|triển khai|hướng dẫn|có trách nhiệm)\b"
)  # "UBND tỉnh quyết định": an office acting, not a place
PLACE_IN_WHO = re.compile(r"\b(?:ở|tại|trên địa bàn|thuộc|ven|vùng|sinh sống)\b")


def _place(pre: str) -> str:
    """ "các xã ven biển" from "Ủy ban nhân dân các xã ven biển": whose residents are meant ("" for an office's level)."""
    m = PLACE.search(pre)
    if not m or "cấp" in m["place"].split()[:2] or REFERRED.search(m["place"]) or not LEVELS.sub("", m["place"]).strip(" ,"):
        return ""
    if PLACE_VERB.search(m["place"]):
        return ""
    return m["place"]


def _residents(pre: str, who: str, rest: str) -> str:
    """The sentence with the residents first, the occasion the task names before them and the office's place said:
    "Khi có lệnh, người dân ở các xã ven biển được vận động …"; a long group "Ở các xã ven biển, mỗi hộ có nhà …"."""
    who, how = split_manner(who)
    rest = rest.rstrip(" ,.") + how
    lead = m["lead"] + ", " if (m := TIME_OR_CASE.match(pre)) else ""
    place = "" if PLACE_IN_WHO.search(who) else _place(pre)
    if place and words(who) <= 3:
        who, place = f"{who} ở {place}", ""
    said = f"{lead}{'Ở ' + place + ', ' if place else ''}{who if lead or place else capfirst(who)} {rest}"
    return capfirst(said.rstrip(" ,.")) + "."


ACTING = re.compile(
    r"\b(?:chỉ đạo|có trách nhiệm|chủ động|khẩn trương|kịp thời|tăng cường|tiếp tục|tổ chức|thực hiện|kiên quyết|"
    r"thường xuyên|phối hợp|chủ trì|giao|đẩy mạnh|triển khai|tuyên truyền)\b",
    re.I,
)
ASKER_WORDS = 8


def _asker(pre: str) -> str:
    """The office that asks, when the sentence opens with its name alone ("Sở Y tế") and it names no place."""
    if not OFFICE_LEAD.match(pre) or ACTING.search(pre) or words(pre) > ASKER_WORDS or _place(pre):
        return ""
    return pre


def office_asks(pre: str) -> bool:
    """What comes before the verb is an office or its manner of working, with no residents of its own, no purpose
    ("… để hướng dẫn …"), no negation ("Không được yêu cầu người dân …") and nothing only to be studied or proposed."""
    task = TIME_OR_CASE.sub("", pre)
    if task and not (OFFICE_LEAD.match(task) or TASK_LEAD.match(task)):
        return False
    return not (
        re.search(RESIDENTS, NAMED.sub("", task), re.I)
        or PURPOSE.search(task)
        or GUIDES_OFFICE.search(task)  # "Sở … hướng dẫn Ủy ban nhân dân cấp xã cấp …": by when, the guidance or the act?
        or GOVERNING_NEGATION.search(task)
        or REGULATES.search(task)
        or proposes(task)
        or PLANNED.search(task)
    )


def _asked(sentence: str) -> str | None:
    """ "Vận động người dân không ra khơi …" → "Người dân được vận động không ra khơi …"; None when not that shape."""
    if not (m := ASK.match(sentence)):
        return None
    pre = m["pre"].strip(" ,")
    if not office_asks(pre):
        return None
    if words(m["what"]) < 2:
        return None
    name = (m["verb"] or m["move"]).lower()
    verb = ASKS.get(name, f"được {name}")  # "sơ tán", "di dời": "Người dân … được sơ tán đến nơi an toàn"
    if verb == "không được" and NEGATION_FIRST.match(m["what"]):
        return None  # "không để người dân không có chỗ ở …": "không được không …" says the opposite
    if verb == "cần" and m["what"].startswith(("không", "chưa", "tuyệt đối")):
        verb = "được nhắc"
    if verb.startswith("được ") and (by := _asker(pre)):
        verb = f"được {by} {name}"  # "Người dân được Sở Y tế khuyến cáo …": who asks, when it is an office by name
    what = m["what"].strip(" ,").replace(", hoàn thành trước ", " trước ")  # "… đến nơi an toàn trước 17 giờ …"
    return _residents(pre, _group(m["who"]), f"{verb} {what}")


def _given(sentence: str) -> str | None:
    """ "Hỗ trợ 2.000.000 đồng cho mỗi hộ có nhà bị sập." → "Mỗi hộ có nhà bị sập được hỗ trợ 2.000.000 đồng."."""
    if not (m := GIVES.match(sentence)) or NOT_RESIDENTS.search(m["who"]) or punishes(m["verb"], m["what"]):
        return None
    pre = m["pre"].strip(" ,")
    if not office_asks(pre) or OFFICES_BETWEEN.search(m["what"]) or ANOTHER_TASK.search(m["what"]):
        return None  # a policy still to be studied, money between offices, or another task's beneficiary
    return _residents(pre, _group(m["who"]), f"được {m['verb'].lower()} {m['what'].strip(' ,')}{m['tail'] or ''}")


def _served(sentence: str) -> str | None:
    """ "Tổ chức tiêm vắc xin sởi cho trẻ em từ 1 đến 5 tuổi tại trạm y tế xã" → "Trẻ em từ 1 đến 5 tuổi được tiêm
    vắc xin sởi tại trạm y tế xã"; a waiver only of a charge, relief only of goods or money."""
    if not (m := SERVES.match(sentence)) or NOT_RESIDENTS.search(m["who"]) or not office_asks(pre := m["pre"].strip(" ,")):
        return None
    verb, what = m["verb"].lower(), (m["what"] or "").strip(" ,")
    if punishes(verb, what, m["tail"] or ""):
        return None
    if VERBS.get(verb) == WAIVER and not WAIVED.search(what) or VERBS.get(verb) == PAYMENT and not GOODS.search(what):
        return None
    if OFFICES_BETWEEN.search(what) or words(what) > 12 or words(m["who"]) > WHO_WORDS or "quy định" in m["who"]:
        return None
    if ANOTHER_TASK.search(what):
        return None  # "Tổ chức tiêm phòng …, thu tiền 50.000 đồng/con, miễn cho hộ nghèo": the poor are spared the fee
    who, _, rider = _group(m["who"]).partition(", mỗi ")  # "hộ …, mỗi người 15 kg mỗi tháng": how much, after what
    rider = f", mỗi {rider}" if rider else ""
    rest = f"được {verb}{' ' + what if what else ''}{rider}{m['tail'] or ''}"
    return _residents(pre, who, rest)


def _let(sentence: str) -> str | None:
    """ "Chỉ đạo các trường cho học sinh nghỉ học khi …" → "Học sinh được nghỉ học khi …"."""
    if not (m := LETS.match(sentence)) or not office_asks(m["pre"].strip(" ,")):
        return None
    what = re.sub(r"^được\s+", "", m["what"].strip(" ,"))
    return _residents(m["pre"].strip(" ,"), _group(m["who"]), f"được {what}")


def _kept_out(sentence: str) -> str | None:
    """ "Kiên quyết không để tàu thuyền ra khơi …" → "Tàu thuyền không được ra khơi …"."""
    if not (m := KEEP_OUT.match(sentence)) or not office_asks(m["pre"].strip(" ,")) or NEGATION_FIRST.match(m["what"]):
        return None
    return _residents(m["pre"].strip(" ,"), _group(m["who"]), f"không được {m['what'].strip(' ,')}")


def _banned(sentence: str) -> str | None:
    """ "Chủ tịch Ủy ban nhân dân các xã ven biển chỉ đạo cấm tàu thuyền ra khơi từ 12 giờ …" → "Ở các xã ven biển,
    cấm tàu thuyền ra khơi từ 12 giờ …": the ban, with its place and time, not the office's order of it."""
    if not (m := BAN.match(sentence)) or not (pre := m["pre"].strip(" ,")) or not office_asks(pre):
        return None
    if NAMED_BAN.search(pre) or m["pre"].rstrip().endswith((",", ";")):
        # "… kiểm tra bờ bao, cấm đánh bắt cá …": a ban after another task is its own act (units.embedded_bans)
        return None  # or a ban named, not ordered here ("… vi phạm lệnh cấm …", "… khu vực cấm …")
    lead = f"{t['lead']}, " if (t := TIME_OR_CASE.match(pre)) else ""
    place = f"Ở {where}, " if (where := _place(pre)) else ""
    verb = m["verb"].lower()
    said = f"{lead}{place}{verb} {m['what'].strip(' ,')}"
    return capfirst(said) + "."


def _group(who: str) -> str:
    """The group as the task names it, on one line."""
    return flat(who).strip(" ,")


def _said(body: str) -> str | None:
    if body.endswith(":"):
        return None  # a lead keeps its list
    return _given(body) or _served(body) or _asked(body) or _let(body) or _kept_out(body) or _banned(body)


def in_residents_voice(line: str) -> str:
    """Each sentence of a task line that asks residents to act, or gives them something, said as theirs; a ban split
    off its office's order ("…; cấm tàu thuyền ra khơi …") said with the office's place."""
    out, changed = [], False
    sentences = SENTENCE_SPLIT.split(flat(line))
    where = _place(sentences[0]) if len(sentences) > 1 else ""
    for n, sentence in enumerate(sentences):
        body = sentence.lstrip("-+•* ")
        said = _said(body)
        if said and EXCEPTION.search(body.partition(";")[2]):
            said = None  # the tail dropped holds an exception: said without it, the rule would reach everyone
        if n and where and not said and BAN_FIRST.match(body) and not PLACE_IN_WHO.search(body):
            said = f"Ở {where}, {body[:1].lower()}{body[1:]}"
        changed |= bool(said and words(said) >= WHOLE)
        out.append(said if said and words(said) >= WHOLE else sentence)
    return " ".join(out) if changed else line


# Who a duties article or a duties heading is about, when that is residents: "Điều 20. Trách nhiệm của chủ rừng",
# "8. Chủ rừng" then its duties as bare verbs ("Thực hiện …; chịu trách nhiệm nếu để rừng … bị cháy."). Said with
# "phải": "Chủ rừng phải chịu trách nhiệm nếu để rừng … bị cháy." A right ("Được …") keeps its own verb.
HOLDERS = rf"(?:{RESIDENTS}|(?i:(?:các\s+)?(?:tổ chức, cá nhân|hộ gia đình, cá nhân|cá nhân)\b))"
HOLDER_GROUP = rf"{HOLDERS}(?:(?:,\s+|\s+và\s+){HOLDERS})*(?:\s+{QUALIFIER}\b[^.;:]{{0,50}}?)?"
# what the holder keeps or does, in a few plain words: "người nuôi chó, mèo", "chủ cơ sở giết mổ"
HOLDER_OBJECT = r"(?:\s+(?!(?:và|hoặc|được|phải|là|có|của|các|những)\b)[a-zà-ỹđ]+(?:,\s+[a-zà-ỹđ]+)?){0,3}"
RIGHTS_TITLE = re.compile(rf"^Quyền(?: lợi)?(?:\s+và\s+nghĩa vụ)?\s+của\s+(?P<who>{HOLDER_GROUP}{HOLDER_OBJECT})\s*$", re.I)
DUTIES_TITLE = re.compile(
    rf"^(?:Trách nhiệm|Nghĩa vụ)\s+của\s+(?P<who>{HOLDER_GROUP}{HOLDER_OBJECT})\s*$",
    re.I,
)
HOLDERS_ONLY = rf"{HOLDERS}(?:(?:,\s+|\s+và\s+){HOLDERS})*"  # a heading names them bare: "Chủ rừng", not "Chủ rừng có …"
DUTIES_HEADING = re.compile(rf"^(?P<who>{HOLDERS_ONLY})(?:\s+có trách nhiệm)?\s*:?$")
HEADING_RUN_ON = re.compile(rf"^(?P<who>{HOLDERS_ONLY})(?:\s+có trách nhiệm)?:?\s+(?P<rest>\w+\s.*)$")
BAN_LEAD = re.compile(r"\b(?:nghiêm cấm|cấm|không được|các hành vi)\b", re.I)
TITLE_LIKE = re.compile(r"^(?:Trách nhiệm|Nghĩa vụ|Quyền)\b[^.;:]{0,60}?\bcủa\s", re.I)  # "Trách nhiệm của hộ …"
OWN_VERB = re.compile(r"^(?:Được|Phải|Không|Có quyền|Chỉ|Nghiêm cấm|Cấm)\b")
GIVEN_AMOUNT = re.compile(rf"^(?:{benefit_verbs(first_upper=True)})\b.*\d[\d.,]*\s*(?:%|(?:nghìn |triệu |tỷ )?đồng)")


def holders_of(title: str) -> str:
    """ "Trách nhiệm của chủ rừng" → "Chủ rừng"; "" when the article is not about residents' duties."""
    m = DUTIES_TITLE.match(flat(title))
    return capfirst(m["who"].strip()) if m and not NOT_RESIDENTS.search(m["who"]) else ""


def holders_heading(lines: list[str]) -> tuple[str, list[str]]:
    """A clause's first line that only names residents ("Chủ rừng", "Hộ gia đình, cá nhân có trách nhiệm:"), or
    runs into their first duty ("Chủ rừng Thực hiện …"): (the residents, the duty lines), or ("", lines)."""
    first = flat(lines[0]).lstrip("-+•* ") if lines else ""
    if len(lines) > 1 and (m := DUTIES_HEADING.match(first)) and words(first) <= 12:
        who, rest = m["who"], lines[1:]
    elif (m := HEADING_RUN_ON.match(first)) and m["rest"][:1].isupper() and needs_subject(m["rest"]):
        if GIVEN_AMOUNT.match(m["rest"]):
            return "", lines  # "Hộ nghèo: Hỗ trợ 1.500.000 đồng/hộ": what they get (``scripts.lead_rows``), no duty
        who, rest = m["who"], [m["rest"], *lines[1:]]
    else:
        return "", lines
    if NOT_RESIDENTS.search(who):
        return "", lines
    return capfirst(re.sub(r"\s+có trách nhiệm$", "", who.strip())), rest


def holders_duty(holder: str, line: str) -> str:
    """ "Thực hiện …; chịu trách nhiệm …" under "Chủ rừng" → "Chủ rừng phải thực hiện …; chủ rừng phải chịu …"."""
    if not holder or not needs_subject(line) or OWN_VERB.match(line):
        return with_subject(holder, line) if holder and OWN_VERB.match(line) and needs_subject(line) else line
    return with_subject(f"{holder} phải", line)


class Holders:
    """Whose duties an article's bare-verb lines state when its title or a clause heading names residents (not used
    where a directive's tasks are said with their actor, ``scripts.tasks.Carriers``)."""

    def __init__(self, title: str, on: bool = True) -> None:
        self.on = on
        self.title = flat(title).rstrip(" .")
        self.by_clause: dict[str | None, str] = {None: holders_of(title)} if on else {}
        self.subject = ""  # the subject of the line just said with its own modal

    def lines(self, clause: str | None, point: str | None, lines: list[str]) -> list[str]:
        """A clause heading that names residents ("8. Chủ rừng") is not said; they carry its lines."""
        if self.on and point is None and (named := holders_heading(lines))[0]:
            self.by_clause[clause], lines = named
        return lines

    def say(self, clause: str | None, line: str, lead: str) -> str:
        """The line in the residents' voice: their duty with its holder (unless a lead says it), a task as theirs."""
        if BAN_LEAD.search(lead):
            return line  # "Cán bộ … không được thực hiện các việc sau:": each point is what is banned, as written
        if TITLE_LIKE.match(flat(line)):
            # "Trách nhiệm của hộ …" names whose duties follow, it is not one of them: the article's title kept as its
            # first passage is not said; another such line is left as written
            return "" if flat(line).rstrip(" .") == self.title else line
        if flat(line).rstrip(" .") == self.title:
            return line  # a title that is the article's only rule ("Tiếp tục áp dụng giá thóc …") is said as written
        holder = "" if lead else self.by_clause.get(clause) or self.by_clause.get(None, "")
        if not holder and not lead and (m := RIGHTS_TITLE.match(self.title)) and OWN_VERB.match(flat(line)):
            holder = "" if NOT_RESIDENTS.search(m["who"]) else capfirst(m["who"])  # "Quyền của người dân" + "Được …"
        if not holder and not lead and CARRIED.match(flat(line)):
            holder = self.subject  # "1. Cơ sở … không được hoạt động sau 24 giờ." + "2. Được hoạt động … ngày lễ": whose
        self.subject = m["who"] if (m := SUBJECT_MODAL.match(flat(line))) else ""  # lent to the next line only
        return in_residents_voice(holders_duty(holder, line))
