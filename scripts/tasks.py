"""A directive's tasks said with whoever carries them out.

Directives, Công điện, plans and the Government's resolutions written as tasks name the actor once, in a
heading — "3. Ngân hàng Nhà nước Việt Nam:", "12. Các tổ chức, cá nhân và hộ gia đình … có trách nhiệm",
"II. NHIỆM VỤ CỦA ỦY BAN NHÂN DÂN CÁC XÃ" — and then list what it must do as bare verbs: "a) Chỉ đạo …",
"b) Giảm lãi suất …". Heard alone such an item has no subject: the listener cannot tell whether the bank,
the commune or they themselves must act. Here each item is said with the subject its heading gives it,
and scored by who that subject is: residents' duties, relief given to them and the commune's dated work
are news; an office's reporting is not.
"""

from __future__ import annotations

import re

from scripts.legal import Article
from scripts.listener import PREDICATE
from scripts.offices import LOCAL_OFFICE
from scripts.own_subject import own_clause
from scripts.relayed import relayed
from scripts.sentences import FIGURE, MAX_WORDS, SENTENCE_SPLIT, capfirst, flat, words

# How an actor is named at the head of a task or a task group: an office, a body, or residents themselves.
ACTOR_HEAD = (
    r"(?:(?:Các|Những|Mọi) )?(?i:Ủy ban|UBND|Hội đồng|Sở|Bộ|Ngân hàng|Công an|Bảo hiểm|Kho bạc|Cục|Chi cục|Tổng cục|"
    r"Ban(?!\s+hành)|Hội|Đài|Báo(?!\s+(?:cáo|cho|ngay|tin|động)\b)|Thanh tra|Văn phòng|Cơ quan|Doanh nghiệp|Tổ chức(?=,|\s+(?:và|tín dụng|kinh tế|xã hội|cá nhân))|Hộ|Người|Nhân dân|Chủ(?!\s+(?:trì|động)\b)|Cá nhân|Giám đốc|"
    r"Thủ trưởng|Chủ tịch|Bộ trưởng|Đơn vị|Trưởng|Lực lượng|Hiệp hội|Tập đoàn|Tổng công ty|Công ty|Mặt trận|"
    r"Quân khu|Bộ Tư lệnh|Bộ Chỉ huy|Thông tấn|Trường|Viện|Tòa án|Kiểm toán|Liên đoàn|Đoàn|Cán bộ|Học sinh|"
    rf"Phòng(?!,? (?:chống|cháy|ngừa|bệnh|tránh|và)\b)|{LOCAL_OFFICE}|Bệnh viện|Nhà trường|Cảnh sát|"
    r"(?:Các )?cơ sở (?:giáo dục|y tế|khám|kinh doanh|sản xuất)|Cơ sở (?:giáo dục|y tế|khám|kinh doanh|sản xuất)|"
    r"Hợp tác xã|hợp tác xã|Chính quyền|địa phương|thôn|Thôn|xã, phường|Xã, phường|Điện lực)\b"
)  # commune-level offices since 2025 ("Phòng Văn hóa - Xã hội", "Trạm Y tế xã"), schools, clinics, villages
HEADING = re.compile(rf"^(?:Đề nghị\s+)?(?P<who>{ACTOR_HEAD}[^.;]*?)\s*:?$")
LOCAL_HEAD = re.compile(
    rf"^(?:(?:Các|Những|Mọi) )?(?i:Phòng|{LOCAL_OFFICE}|Bệnh viện|Nhà trường|Cảnh sát|cơ sở|Hợp tác xã|Chính quyền|"
    r"địa phương|thôn|xã, phường|Điện lực)\b"
)  # the names 13c8c55 added: without a colon, a line that acts after the name is a task ("Trạm Y tế xã tổ chức …")
ACTS = re.compile(
    rf"{PREDICATE.pattern}|\b(?:tổ chức|triển khai|tiêm|cấp|chi trả|hỗ trợ|hướng dẫn|kiểm tra|phối hợp|chủ trì|tổng hợp|"
    r"báo cáo|theo dõi|tuyên truyền|phổ biến|bảo đảm|đảm bảo|xây dựng|rà soát|quản lý|tiếp nhận|giải quyết|phát|"
    r"thu|khám|cung cấp|giám sát|bố trí|huy động|cập nhật|lập|thông báo|chuẩn bị|phun|cứu trợ|tham mưu|chỉ đạo)\b|"
    r"\bngày \d"
)  # lower case only: an office's own name ("Trung tâm Quản lý …", "Trung tâm Phát triển …") starts upper case
DUTY_TAIL = re.compile(r"\s+có trách nhiệm$")
INLINE = re.compile(rf"^(?:Đề nghị\s+)?(?P<who>{ACTOR_HEAD}[^.;:]{{0,120}}?):\s+(?P<task>[A-ZĐÀ-Ỹ].*)$")
SECTION = re.compile(r"^(?:NHIỆM VỤ|TRÁCH NHIỆM|GIẢI PHÁP)(?:,\s*\S+)*\s+(?:CỦA|ĐỐI VỚI|CHO)\s+(?P<who>.+)$", re.I)
GROUP_TAIL = re.compile(
    r"\s*,?\s*(?:(?:thực hiện|triển khai)\s+)?(?:(?:các|một số|những)\s+)?(?:nhiệm vụ|nội dung|công việc|giải pháp)"
    r"(?:,?\s*(?:giải pháp|nhiệm vụ))?(?:\s+(?:cụ thể|trọng tâm|chủ yếu))?\s*(?:sau đây|như sau|sau)?\s*:?$|\s*(?:như sau|sau đây)\s*:?$"
)  # "Bộ Tài chính chủ trì thực hiện các nhiệm vụ sau:" → "Bộ Tài chính chủ trì"
QUALIFIER = re.compile(r"\s(?:trên địa bàn|thuộc phạm vi|theo chức năng|trong phạm vi)\b[^,]*?(?=\s(?:có trách nhiệm)\b|$)")

# What a sentence already opens with when it has a subject (or must not get one): an actor, a ban,
# a condition or time, a task given to someone ("Giao Công an …").
OWN_SUBJECT = re.compile(
    rf"^(?:{ACTOR_HEAD}|Nghiêm cấm|Cấm|Không|Trường hợp|Trong|Khi|Nếu|Đối với|Riêng|Từ|Đến|Trước|Sau|Giao|Đề nghị|"
    r"Trên đây|Tất cả|Toàn|Đây|Việc|Qua|Khuyến khích|Ưu tiên|Mục tiêu|Phấn đấu|Yêu cầu)\b"
)
REPORT_TAIL = re.compile(
    r"(?:\s*[,;]\s*|\s+)(?:và\s+|đồng thời\s+)?(?:tổng hợp,?\s+)?(?:tổng hợp|báo cáo)\b[^.;]*?(?:về|cho|gửi)\s+"
    r"(?:Sở|Bộ|Ủy ban|UBND|Chính phủ|Thủ tướng|Ban)\b[^.;]*(?=[.;]|$)"
)  # "…, hoàn thành trước ngày 31/12 và tổng hợp báo cáo về Sở …": the deadline is the news, the report is not


def recase(caps: str, text: str) -> str:
    """ "ỦY BAN NHÂN DÂN CÁC XÃ" as the document writes it elsewhere ("Ủy ban nhân dân các xã")."""
    if not caps.isupper():
        return caps
    key = re.escape(flat(caps)).replace(r"\ ", r"\s+")
    for m in re.finditer(key, text, re.I):
        if not m.group(0).isupper():
            return flat(m.group(0))
    lower = caps.lower()
    return lower[:1].upper() + lower[1:]


def heading_subject(line: str) -> str:
    """The actor a task heading names ("Sở Y tế", "Các tổ chức, cá nhân … có trách nhiệm"), or ""."""
    line = flat(line)
    if not (m := HEADING.match(line)) or words(line) > 30:
        return ""
    who = QUALIFIER.sub("", GROUP_TAIL.sub("", m["who"])).strip(" ,:")
    if (local := LOCAL_HEAD.match(who)) and not line.endswith(":") and ACTS.search(DUTY_TAIL.sub("", who), local.end()):
        return ""  # "Trạm Y tế xã tổ chức tiêm vắc xin … từ ngày 15 tháng 3 năm 2027": a task, not its heading
    return who


def section_subject(title: str, text: str) -> str:
    """ "NHIỆM VỤ CỦA ỦY BAN NHÂN DÂN CÁC XÃ" → "Ủy ban nhân dân các xã": who a section's tasks are for."""
    if not (m := SECTION.match(flat(title))):
        return ""
    who = recase(m["who"].strip(" :."), text)
    return who if HEADING.match(who) else ""


def inline_subject(line: str) -> tuple[str, str]:
    """ "Ngân hàng Chính sách xã hội: Giảm lãi suất …" → ("Ngân hàng Chính sách xã hội", "Giảm lãi suất …")."""
    if m := INLINE.match(flat(line)):
        return QUALIFIER.sub("", m["who"]).strip(" ,"), m["task"]
    return "", line


def needs_subject(sentence: str) -> bool:
    """A task said as a bare verb ("Giảm lãi suất …", "Thực hiện rà soát …"), not a rule with a subject of its own
    ("Chi phí tiêm phòng do chủ nuôi tự chi trả", "Chó thả rông … thì được xử lý": an actor put before it garbles it)."""
    body = sentence.lstrip("-+•* ").strip()
    name = len(tokens := body.split()) > 1 and tokens[1][:1].isupper()  # "Hội Nông dân …", "Quỹ Bảo hiểm …": a name
    if m := DEADLINE_DUTY.match(body):
        body = capfirst(m["rest"])  # "Trong thời hạn 24 giờ …, báo cho trưởng thôn …": whose duty is the verb's
    return body[:1].isupper() and not name and not OWN_SUBJECT.match(body) and not own_clause(body)


ADVERBIAL = re.compile(
    r"^(?P<lead>(?:Trước mắt|Đồng thời|Ngay|Sau đó|Trong (?:thời gian|năm|tháng|quý|mùa)[^,;.]{0,40}|"
    r"(?:Chậm nhất|Muộn nhất|Kể từ|Trong thời hạn|Trong vòng) [^,;.]{3,80}|Từ (?:nay|ngày)[^,;.]{0,40}|"
    r"Khi [^,;.]{3,60}|Nếu [^,;.]{3,60}|Trường hợp [^,;.]{3,80}|Đối với [^,;.]{3,80}|Riêng [^,;.]{3,60}|Sau khi [^,;.]{3,60}|"
    r"Trước ngày [^,;.]{3,30}),\s+)(?P<rest>\w.*)$"
)


DEADLINE_DUTY = re.compile(
    r"^(?:Chậm nhất|Muộn nhất|Kể từ|Trong thời hạn|Trong vòng) [^,;.]{3,80},\s+(?P<rest>(?:báo|khai báo|thông báo|đăng ký|"
    r"nộp|đóng|gửi|kê khai|làm thủ tục|thực hiện|hoàn thành|liên hệ|xuất trình|cung cấp|tiêu hủy|trả|ký|di chuyển)\b.*)$"
)  # a bare duty after its deadline; "Trường hợp …, thân nhân được …" names its own holder


def _after_list_comma(rest: str) -> bool:
    """ "Khi bị chó, | mèo cắn, cào phải …": the comma after an adverbial lead falls inside a list when what follows
    it up to the next comma is one or two words; the subject cannot go there."""
    return words(re.split(r"[,;.]", rest, maxsplit=1)[0]) < 3


def _said_by(subject: str, sentence: str) -> str:
    """ "Giảm lãi suất …" → "Ngân hàng … giảm lãi suất …"; "Trước mắt, thực hiện ngay …" → "Trước mắt, <subject>
    thực hiện ngay …": an adverbial first keeps its place, the subject comes before the verb."""
    m = ADVERBIAL.match(sentence)
    if m and OWN_ACTOR.match(capfirst(m["rest"])):
        return sentence  # "Chậm nhất 12 giờ sau khi …, chủ cơ sở lưu trú phải …": the duty names its own holder
    if m and m["rest"][:1].islower() and needs_subject(capfirst(m["rest"])) and not _after_list_comma(m["rest"]):
        inner = subject[:1].lower() + subject[1:] if RESIDENT_FIRST.match(subject) else subject
        return f"{m['lead']}{inner} {m['rest']}"
    return f"{subject} {_lower(sentence)}" if needs_subject(sentence) else sentence


MODAL_FIRST = re.compile(r"^(?:Không|Phải|Được|Chưa|Tuyệt đối không|Nghiêm cấm|Cấm)\b")
NEGATED_TASK = re.compile(r"^(?:Không|Chưa|Tuyệt đối không)\s(?!được\b)")  # an office's own "không để …"
RESIDENT_FIRST = re.compile(r"^(?:Các|Những|Mọi|Người|Hộ|Chủ|Cá nhân)\s")  # lowered after a lead; an office's name is not
OWN_ACTOR = re.compile(rf"^{ACTOR_HEAD}\b")
SUBJECT_ROOM = 8  # a task said with its actor may run this many words over a sentence's usual length
PURPOSE = re.compile(r"(?<!không)(?<!chưa)(?<!tránh)\s(?:để|nhằm)\s[^,;.]{3,60}?(?=\s(?:tại|ở|trong|khi)\s|(?=[,;.])|$)")
# "không để xảy ra trường hợp tử vong …" is a duty, not an aim: cut, it left "…, không."
CAUSATIVE = re.compile(
    r"^(?:\S+\s+){0,3}?(?:vận động|tuyên truyền|hướng dẫn|đôn đốc|khuyến khích|nhắc nhở)\b", re.I
)  # "Tuyên truyền, vận động hộ gia đình sử dụng nước tiết kiệm; chấp hành …": who must comply is the households
RELATIVE = re.compile(
    r"\s(?:khai thác|sử dụng|thuộc|đang|tham gia|có liên quan|liên quan|hoạt động)\b.*?(?=\s+có trách nhiệm$|$)"
)


OFFICE_VERB = re.compile(
    r"^(?:xử lý|kiểm tra|điều tra|tuần tra|truy quét|phối hợp|chủ trì|tham mưu|rà soát|thanh tra|giám sát|theo dõi|"
    r"báo cáo|tổ chức|triển khai|tăng cường|đẩy mạnh|chỉ đạo|xây dựng|bố trí)\b",
    re.I,
)  # what only an office does, whoever it told to do the task before
DUTY_WORDS = re.compile(r"\s+có trách nhiệm$")


BAN_AFTER = re.compile(r";\s+((?:nghiêm cấm|cấm|không được)\s)")


def _lower(text: str) -> str:
    """The task's first letter lowered after its actor ("… chỉ đạo kiểm đếm …"), a name ("Kiểm lâm …") kept."""
    tokens = text.split(maxsplit=2)
    name = len(tokens) > 1 and tokens[1][:1].isupper() or tokens[0].isupper() and len(tokens[0]) > 1
    return text if name else text[:1].lower() + text[1:]


def short_subject(subject: str) -> str:
    """ "Các tổ chức, cá nhân và hộ gia đình khai thác sử dụng nước dưới đất có trách nhiệm" → "Các tổ chức, cá nhân
    và hộ gia đình có trách nhiệm": the group without its qualifier, for a task too long to say with the whole of it."""
    short = RELATIVE.sub("", subject, count=1)
    return short if words(short) >= 2 else subject


def with_subject(subject: str, line: str) -> str:
    """Each sentence of a task line said with its subject (each task of "a; b" too, unless "a" tells others to do "b");
    after "Chỉ đạo các doanh nghiệp bảo hiểm …" the next sentences are the insurers'; a report at the end left out."""
    if not subject:
        return line
    out = []
    line = BAN_AFTER.sub(lambda m: f". {capfirst(m[1])}", flat(line))  # "…; cấm tàu thuyền ra khơi …": a ban of its own
    for sentence in SENTENCE_SPLIT.split(line):
        out.append(REPORT_TAIL.sub("", _one(subject, sentence)))
        if m := DIRECTS.match(sentence):
            subject = capfirst(m["whom"])  # "Chỉ đạo các doanh nghiệp bảo hiểm khẩn trương …. Trước mắt, thực hiện …"
    return " ".join(out)


DIRECTS = re.compile(
    r"^(?:Chỉ đạo|Yêu cầu|Đề nghị|Giao)\s+(?P<whom>(?:các|những)\s+\w+(?:\s+\w+){0,4}?)\s+(?=(?:khẩn trương|kịp thời|tiếp tục|"
    r"thực hiện|tăng cường|rà soát|triển khai|xem xét|giảm|miễn|cơ cấu|bảo đảm|đảm bảo|chủ động|hỗ trợ|áp dụng|giám định|"
    r"tạm ứng|cho vay|chi trả|tổ chức|xây dựng|thống kê|sớm|ngay|nhanh chóng|quyết liệt|có|phải|không)\b)"
)


def _task(piece: str) -> bool:
    """A piece of "a; b" that is a task of its own, not an item of a list ("phá rừng; lấn chiếm đất rừng")."""
    return words(piece) >= 5 and needs_subject(capfirst(piece))


def _one(subject: str, sentence: str) -> str:
    sentence = REPORT_TAIL.sub("", sentence)  # measured without the report it will not say
    who = subject if words(subject) + words(sentence) <= MAX_WORDS else short_subject(subject)
    if words(who) + words(sentence) > MAX_WORDS + SUBJECT_ROOM:
        who = DUTY_WORDS.sub("", who)  # "… hộ gia đình có trách nhiệm hạn chế …" → "… hộ gia đình hạn chế …"
    if words(who) + words(sentence) > MAX_WORDS + SUBJECT_ROOM and not FIGURE.search(sentence):
        sentence = PURPOSE.sub("", sentence)  # "… để phục vụ cho mục đích sinh hoạt": the task is said, not its aim
        # (an amount keeps its purpose: "40 triệu đồng/hộ để xây dựng lại nhà ở …" is what the money is for)
    if words(who) + words(sentence) > MAX_WORDS + SUBJECT_ROOM and ";" not in sentence:
        return sentence  # too long to say with its actor: as the source has it (scored down unless residents feel it)
    pieces = sentence.split("; ")
    if len(pieces) > 1:
        told = bool(CAUSATIVE.match(pieces[0]))  # after "vận động hộ gia đình …", "chấp hành …" is the households' to do
        said = [_said_by(who, pieces[0])] + [
            _said_by(who, capfirst(p)) if _task(p) and (not told or OFFICE_VERB.match(p)) else p for p in pieces[1:]
        ]
        return "; ".join(said)
    return _said_by(who, sentence)


PLACE_HEADING = re.compile(r"^(?P<where>(?:Đối với|Tại|Riêng|Ở)\s+[^.;:]{3,80}?)\s*:?$")


class Carriers:
    """Who carries out each task of one directive section: its group heading, else the section's title."""

    def __init__(self, article: Article, text: str = "") -> None:
        self.on = not article.number or article.number.startswith("mục ")
        self.section = section_subject(article.title, text) if self.on else ""
        self.grouped = {c.number for c in article.clauses if c.points}
        self.by_clause: dict[str | None, str] = {}
        self.places: dict[str | None, str] = {}  # "Đối với thành phố X:": whose target or rule its items are
        self.asked: dict[str | None, bool] = {}  # "Đề nghị Nhân dân:": its items are asked of residents, not ordered
        self.first = ""  # an item's first line: "Giao Ban Quản lý … chỉ đạo các đơn vị … có trách nhiệm:" leads its own
        self.own_lead = False  # "- …" lines, whose actor is not the group's
        self.limit = MAX_WORDS  # the length the last line said may take

    def lines(self, clause: str | None, point: str | None, lines: list[str]) -> list[str]:
        """A task group's heading ("Sở Y tế", "Ngân hàng Nhà nước Việt Nam:") is not said; its actor is kept."""
        self.first, self.own_lead = "", False
        if self.on and point is None and clause and (clause in self.grouped or len(lines) > 1):
            if who := heading_subject(lines[0]):
                self.by_clause[clause], self.asked[clause] = who, bool(ASKING.match(flat(lines[0])))
                return lines[1:]
            if m := PLACE_HEADING.match(lines[0]):
                self.places[clause] = m["where"]
                return lines[1:]
        self.first = lines[0] if lines else ""
        self.own_lead = bool(lines) and point is not None and (lines[0].endswith(":") or lines[0].startswith("Giao "))
        return lines

    def say(self, clause: str | None, line: str) -> str:
        """The line with its actor: its own ("Bộ Tài chính: Giảm …"), its group's, or its section's."""
        if not self.on or self.own_lead and line != self.first:
            return line
        if (message := relayed(line.lstrip("-+•* "))) != line.lstrip("-+•* "):
            return message  # "Thông báo cho nhân dân: … nghiêm cấm …": the ban, not the office relaying it
        who, task = inline_subject(line.lstrip("-+•* "))
        task = capfirst(task) if task[:1].islower() and _task(task) else task  # "…;" then "xử lý hành vi …": a task too
        actor = who or self.by_clause.get(clause, self.section)
        if actor and MODAL_FIRST.match(task) and (RESIDENT_HOLDER.match(actor) or NEGATED_TASK.match(task)):
            # "Người nuôi chó, mèo có trách nhiệm:" + "Không thả rông chó, mèo …", "Công an tỉnh:" + "Không để xảy ra
            # tình trạng đua xe …": alone, a rule for everyone
            said = f"{actor} {_lower(task)}"
            return said if words(said) <= MAX_WORDS + SUBJECT_ROOM else ""
        if actor and not who and RESIDENT_HOLDER.match(actor) and (m := CASE_MODAL.match(task)):
            said = f"{m['case']}, {_lower(actor)} {m['modal']} {m['rest']}"  # "Khi bị chó cắn phải đến …": who must
            return said if words(said) <= MAX_WORDS + SUBJECT_ROOM else ""
        if actor and not who and RESIDENT_HOLDER.match(actor) and RESIDENT_ACT.match(task):
            # "Các hộ gia đình nuôi chó:" + "Đăng ký nuôi chó … trước ngày …": the residents' duty, said as theirs
            said = f"{actor} {'cần' if self.asked.get(clause) else 'phải'} {_lower(task)}"
            return said if words(said) <= MAX_WORDS + SUBJECT_ROOM else ""
        said = with_subject(actor, task)
        said = line if said == task else said
        if (where := self.places.get(clause)) and where.lower() not in said.lower():
            said = f"{where}, {_lower(said.lstrip('-+•* '))}"  # "80% số ngày không khí tốt" is that city's target
        self.limit = MAX_WORDS + (SUBJECT_ROOM if said != line else 0)
        return said


CASE_MODAL = re.compile(r"^(?P<case>(?:Khi|Nếu|Trường hợp)\s[^,;]{3,60}?)\s*,?\s+(?P<modal>phải|cần)\s+(?P<rest>\S.*)$")
ASKING = re.compile(r"^(?:Đề nghị|Kêu gọi|Vận động|Khuyến khích|Khuyến cáo)\s", re.I)
RESIDENT_ACT = re.compile(
    r"^(?:Đưa|Đăng ký|Tiêm phòng|Tiêm|Khai báo|Kê khai|Nộp|Báo ngay|Thông báo|Giữ|Nhốt|Xích|Đeo|Đội|Mặc|Mang|Chấp hành|"
    r"Tuân thủ|Tham gia|Chủ động|Vệ sinh|Phát quang|Thu hoạch|Di dời|Sơ tán|Gia cố|Chằng chống|Neo đậu|Dự trữ|Chuẩn bị|"
    r"Trang bị|Cài đặt|Cập nhật|Tiêu hủy|Thu gom|Phân loại|Ký cam kết|Rọ mõm)\b"
)  # what residents do, opening a task listed under them: said with "phải" (or "cần" when asked), else no verb is heard
RESIDENT_HOLDER = re.compile(
    r"^(?:(?:Các|Mọi|Những) )?(?:tổ chức, cá nhân|hộ gia đình|cá nhân|người dân|nhân dân|hộ\b|chủ (?!trì|tịch|động|đầu tư)|"
    r"người (?!đứng đầu))",
    re.I,
)
DUTY = re.compile(r"\b(?:có trách nhiệm|phải|không được|chấp hành|tuân thủ|kê khai|đăng ký|hạn chế|nghiêm cấm|cấm)\b")
COMMUNE = re.compile(r"^(?:Chủ tịch )?(?:Ủy ban nhân dân|UBND) (?:các )?(?:xã|phường|cấp xã|đặc khu)")
SERVICE = re.compile(
    r"\b(?:tiêm|phun|cấp phát|phát|sơ tán|di dời|chằng chống|thu gom|cứu trợ|hỗ trợ)\b[^.;]{0,40}?\b(?:cho|tại|người|hộ|nhà|vật nuôi|chó|mèo|gia súc|gia cầm)\b"
)  # what a commune does at residents' doors: a vaccination round, spraying, evacuation, relief handed out
DEADLINE = re.compile(r"\b(?:trước|chậm nhất|hoàn thành|xong|đến hết)\s+(?:trong\s+)?(?:ngày|tháng|quý)\s+\S*\d")
RELIEF = re.compile(
    r"\b(?:giảm|miễn|gia hạn|khoanh|giãn|tạm hoãn|tạm ứng|ứng trước|chi trả trước|chi trả|cho vay|hỗ trợ|cứu trợ|cấp)\b"
    r"[^.;]{0,60}?\b(?:lãi suất|thuế|phí|tiền|lương hưu|trợ cấp|bồi thường|nợ|gạo|lương thực|nhà ở|vốn)\b",
    re.I,
)
FIGURE_OR_DATE = re.compile(r"\d")
ENFORCES = re.compile(r"\bxử lý nghiêm\s+(?:các|những)\s+(?:trường hợp|hành vi)\s+(?!vi phạm\b)\w")  # which acts, said


def task_weight(text: str) -> float:
    """How much more (or less) a directive's task is news, by who carries it out: residents' own duty, relief
    given to them, the commune's work with a date they will see; a task still without a subject is not said."""
    if RESIDENT_HOLDER.match(text) and DUTY.search(text):
        return 4.0
    if COMMUNE.match(text) and DEADLINE.search(text):
        return 4.0
    if COMMUNE.match(text) and SERVICE.search(text):
        return 3.0
    if RELIEF.search(text) and FIGURE_OR_DATE.search(text) and not proposes(text):
        return 3.0
    if ENFORCES.search(text) and not needs_subject(text):
        return 3.0
    return -4.0 if needs_subject(text) and not FELT.search(text) else 0.0


FELT = re.compile(
    r"\d|\b(?:người|nhân dân|hộ|bà con|khách hàng|học sinh|trẻ em|cấm|không được|sơ tán|di dời|bị xử lý|xử phạt|"
    r"được xem xét, xử lý)\b",
    re.I,
)  # a task without its actor that still tells residents something: a ban, an evacuation, an amount or a date


# What a plan or a directive asks an office to prepare, not what it grants or punishes: study, propose, draft, submit,
# review, consider, plan. Said without that verb, a policy still to be studied is heard as one that exists
# ("Học sinh … được hỗ trợ miễn giảm học phí").
PROPOSES = re.compile(
    r"\b(?:nghiên cứu|đề xuất|kiến nghị|tham mưu|dự thảo|soạn thảo|xem xét|rà soát|khảo sát|đánh giá|"
    r"(?<!chương )(?<!quy )(?<!công )(?<!tiến )(?<!lộ )trình(?!\s+(?:độ|bày))|phương án|đề án|"
    r"xây dựng (?:và ban hành )?(?:chính sách|cơ chế|quy định|kế hoạch|chương trình)|hướng (?:giải quyết|xử lý))\b",
    re.I,
)


VIOLATION = re.compile(
    r"\b(?:vi phạm|sai phạm|trái phép|trái pháp luật|trái quy định|không phép|sai phép|lấn chiếm|lấn, chiếm|chiếm dụng|"
    r"tự ý|cố tình|cố ý|gian lận|buôn lậu|không chấp hành|chống đối|gây (?:ô nhiễm|thiệt hại|thương tích|mất)|"
    r"đầu cơ|găm hàng|trốn|tàng trữ|hủy hoại|phá rừng)\b",
    re.I,
)  # an act the law punishes
UNSETTLED = re.compile(
    r"\b(?:chồng lấn|chồng chéo|tồn tại|tồn đọng|vướng mắc|chưa được cấp|chưa cấp|tranh chấp|khiếu nại|phản ánh|"
    r"sai sót|chậm tiến độ|khó khăn|đủ điều kiện)\b",
    re.I,
)  # a situation to be reviewed and settled, whose holders have done nothing wrong
PLANNED = re.compile(
    r"\b(?:phương án|kế hoạch|hướng|giải pháp|đề xuất|nghiên cứu|tham mưu|xem xét)(?:\s+(?:giải quyết|khắc phục),?)?\s*$", re.I
)  # "xây dựng phương án xử lý …": how to handle is still to be planned


def proposes(text: str) -> bool:
    """A task that asks its actor to study, propose, draft, review or plan: what it names does not exist yet."""
    return bool(PROPOSES.search(text))


def handled(before: str, how: str, cases: str) -> str:
    """How "… xử lý <how> các trường hợp <cases>" is told to the people it concerns: "bị" when the line orders
    violations handled (their authors "sẽ bị xử lý"); "được" when the cases are to be reviewed and settled
    ("chồng lấn", "tồn tại", "vướng mắc") or only a plan of how to handle them is asked ("phương án xử lý"): a lawful
    holder hears that the case "sẽ được xem xét, xử lý", not that they will be punished; "" when it cannot be told."""
    wrong = bool(VIOLATION.search(cases))
    if UNSETTLED.search(cases) or PLANNED.search(before):
        return "" if wrong else "được"
    acts = wrong or "nghiêm" in how or cases.lstrip().startswith(("hành vi", "các hành vi", "những hành vi"))
    return "bị" if acts else ""


TARGET_TITLE = re.compile(r"^(?:(?:các\s+)?chỉ tiêu|mục tiêu)(?:\s+(?:cụ thể|chủ yếu|chính|phấn đấu))?$", re.I)
TARGET_SAID = re.compile(r"^(?:Phấn đấu|Mục tiêu|Chỉ tiêu|Đến (?:năm|hết|cuối)|Trong năm)\b")


def as_targets(
    article: Article, units: list[tuple[str | None, str | None, str, str]]
) -> list[tuple[str | None, str | None, str, str]]:
    """A plan's "II. CHỈ TIÊU" rows ("Tỷ lệ hộ nghèo giảm xuống dưới 2%.") are aims: said as written they are heard
    as what is already so, or as a rule. Each is said as the aim it is: "Phấn đấu tỷ lệ hộ nghèo giảm xuống …"."""
    if not TARGET_TITLE.match(flat(article.title).strip(" .:")):
        return units
    return [(c, p, q, s if TARGET_SAID.match(s) else f"Phấn đấu {s[:1].lower()}{s[1:]}") for c, p, q, s in units]
