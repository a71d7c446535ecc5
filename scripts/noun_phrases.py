"""A noun phrase whose only verbs sit in its modifiers: more of ``scripts.listener``'s ``no_main_clause``.

The listener decides that a sentence has a main clause when it hears a predicate marker (``PREDICATE``).
Legal text names its categories with verbs: "người đang hưởng lương hưu", "thời gian đã đóng bảo hiểm
xã hội", "các đối tượng nghỉ hưởng trợ cấp trước ngày …". Lifted out of its list, such a noun phrase
carries "hưởng", "đóng", "đã", "đang" and still says nothing happens. What each verb of the sentence is
tells them apart:

- a *status* verb (``STATUS``) says what a person or an amount is: what they paid into, receive, or
  when they retired. A sentence whose markers are all status verbs, headed by a measure ("Mức …",
  "Thời gian …") or by a category of people ("Các đối tượng …", "Người đang hưởng …") is a heading or
  an item of "who the rule covers", not a rule. A rule says "được", "phải", "là", "bằng", "không" …;
- a number other than a date is news on its own ("tối thiểu 15 năm"), so such a sentence is not judged here;
- a level glued to the rule that follows its heading ("Mức trợ cấp … của dân quân, được hưởng trợ cấp …
  là …"): a level does not receive anything, so a "Mức …" subject of "được hưởng" is two pieces joined.
  When the rule names the benefit again, ``level_as_rule`` says it with its holder as the subject;
- a heading that lists actions ("Tạm dừng, chấm dứt, tiếp tục hưởng lương hưu.") or names one done to a status
  ("Tạm dừng đóng bảo hiểm xã hội bắt buộc."): no one doing it and nothing that binds anyone;
- the legend of a formula ("N: số năm đóng bảo hiểm xã hội."): a symbol the listener never heard;
- a category of people told by why they cross the border ("Người nước ngoài vào Việt Nam để thực hiện công việc cứu trợ …"):
  the verbs of its purpose ("để thực hiện …") are not a rule, and nothing before them binds anyone;
- an aside that names who is meant (``APPOSITIVE``: "…, trực tiếp là …", "…, nhất là …", "…, đặc biệt là …"):
  its "là" introduces examples, not the predicate; the listener looks for one outside it.
"""

from __future__ import annotations

import re

# What a person or an amount is, said by a verb: never the predicate of a rule on its own
STATUS = frozenset(("hưởng", "đóng", "nộp", "tham gia", "đã", "đang", "chưa", "có", "tạm dừng"))
MEASURE_HEAD = re.compile(
    r"^(?:Mức|Thời gian|Thời hạn|Thời điểm|Số tiền|Tiền lương|Thu nhập|Khoản|Các khoản|Số năm|Số tháng)\s", re.I
)
CATEGORY_HEAD = re.compile(
    r"^(?:(?:Các|Những) (?:đối tượng|người)|Đối tượng|Người|Cán bộ|Công chức|Viên chức|Quân nhân|Hạ sĩ quan|Sĩ quan|"
    r"Binh sĩ|Học viên|Học sinh|Sinh viên|Công nhân|Thân nhân|Dân quân)[\s,]"
)
STATE = re.compile(
    r"\b(?:đang|đã|nghỉ) (?:\S+ )?hưởng\b|\b(?:đóng|nộp)\b[^,]+,\s+hưởng\b|\bđang\b[^,]+,[^,]+\bhưởng\b"
)  # "người đang hưởng", "nghỉ hưởng", "đóng …, hưởng lương hưu", "A đang …, B hưởng …": who they are, not what they get
WHO_THEY_ARE = re.compile(r"\s+là người [^,]{2,30}$")  # "… hưởng sinh hoạt phí là người Việt Nam": one more qualifier
DATE = re.compile(r"\bngày \d{1,2} tháng \d{1,2} năm \d{4}|\b(?:tháng \d{1,2} )?năm \d{4}|\b\d{1,2}/\d{1,2}/\d{4}")
LEVEL_RECEIVES = re.compile(
    r"^(?:Mức|Số tiền|Khoản|Tiền)\b[^,]*,\s+(?:thì\s+)?được hưởng\b"
)  # "Mức trợ cấp X của dân quân, được hưởng trợ cấp X là …"

GLUED_LEVEL = re.compile(
    r"^Mức (?P<what>[^,]{3,60}?) (?:của|đối với|cho) (?P<who>.+), (?:thì )?được hưởng (?P<rule>(?P=what)\b.+)$"
)
ACTION_HEADING = re.compile(r"^(?:[^\s,]+(?: [^\s,]+)?, ){2,}[^,]+$")
STATUS_CHANGE = re.compile(
    r"^(?:Tạm dừng|Chấm dứt|Tiếp tục|Dừng|Hủy bỏ|Khôi phục|Điều chỉnh|Giải quyết) (?:việc )?(?:đóng|hưởng|nộp|tham gia)\b"
)  # "Tạm dừng đóng …", "Chấm dứt hưởng …": the title of an article on a status, with no one in it
APPOSITIVE = re.compile(r",\s+(?:trực tiếp|nhất|đặc biệt|cụ thể|chủ yếu|trước hết|trong đó|tức) là\b[^,;]*", re.I)
FORMULA_LEGEND = re.compile(r"^[A-ZĐ][a-z]{0,2}\d{0,2}\s*[:=]\s+(?=[a-zà-ỹđ])")  # "N: số năm …", not "Heo: 500.000 đồng"
TRIP_PURPOSE = re.compile(
    r"^[^,]+?\s(?:(?:vào|đến|sang) (?:Việt Nam|lãnh thổ)|nhập cảnh|xuất cảnh|quá cảnh|về nước|ra nước ngoài)\b[^,]*?\s+để\s"
)  # "Người nước ngoài vào Việt Nam để thực hiện công việc cứu trợ …": who is meant, by why they cross the border;
# "Người cao tuổi đến trạm y tế xã để khám …" is what residents do, told to them
ADDRESSED = re.compile(r"^Người dân\b")  # "Người dân đến … để …": what residents do, told to them
BINDING = re.compile(r"\b(?:được|phải|không|cấm|nghiêm cấm|bị|là|bằng|sẽ|cần|thì|hãy|nên|vẫn)\b|\d", re.I)


def level_as_rule(text: str) -> str:
    """ "Mức trợ cấp ngày công của dân quân khi được huy động, được hưởng trợ cấp ngày công là …" → "Dân quân khi được
    huy động, được hưởng trợ cấp ngày công là …": the heading's holder is the subject of the rule glued to it."""
    if not (m := GLUED_LEVEL.match(text)):
        return text
    who = m["who"]
    return f"{who[:1].upper()}{who[1:]}, được hưởng {m['rule']}"


def modifier_only(body: str, markers: list[str]) -> str | None:
    """Why `body` is a noun phrase (a message for the editor), given the predicate markers the listener
    heard in it; None when one of them can be its main clause."""
    if FORMULA_LEGEND.match(body):
        return "Chú giải ký hiệu của công thức («N: số năm …»): người nghe không biết N là gì."
    if LEVEL_RECEIVES.match(body):
        return "Đề mục dính vào câu sau («Mức …, được hưởng …»): một mức tiền không «được hưởng»; nói ai được hưởng."
    if (ACTION_HEADING.match(body) or STATUS_CHANGE.match(body)) and len(body.split()) <= 12 and not BINDING.search(body):
        return "Đề mục liệt kê việc («Tạm dừng, chấm dứt, …»): không nói ai làm, ai được gì."
    if CATEGORY_HEAD.match(body) and TRIP_PURPOSE.match(body) and not BINDING.search(body) and not ADDRESSED.match(body):
        return "Chỉ nói đối tượng là ai và đến để làm gì («… vào Việt Nam để …»), không nói họ được gì, phải làm gì."
    if CATEGORY_HEAD.match(body) and (m := WHO_THEY_ARE.search(body)) and markers and markers[-1] == "là":
        body, markers = body[: m.start()], markers[:-1]
    if not markers or any(m.casefold() not in STATUS for m in markers):
        return None
    if re.search(r"\d", DATE.sub("", body)):
        return None
    if MEASURE_HEAD.match(body):
        return "Cụm danh từ: động từ chỉ nằm trong phần bổ nghĩa («đã đóng …», «tính hưởng …»), không có vị ngữ."
    if CATEGORY_HEAD.match(body) and STATE.search(body):
        return "Chỉ nói đối tượng là ai («người đang hưởng …»), không nói họ được gì, phải làm gì."
    return None


# "Thời gian tiêm từ ngày 01 tháng 4 …", "Địa điểm tiêm tại nhà văn hóa …": when or where, a whole sentence without a verb
WHEN_WHERE = re.compile(r"^(?:Thời gian|Thời hạn|Địa điểm|Nơi)\s[^:;.,]{2,50}?\s(?:từ|kể từ|trước|đến|tại|ở)\s+(?:ngày\s+\d|\S)")
