"""A plan's "Label: value" line said as a sentence with what its section is about.

Plans (Kế hoạch) split what a resident needs into numbered lines of a topic noun and its value under a section that
names the activity: "I. TUYỂN SINH VÀO LỚP 1" then "1. Đối tượng: trẻ em sinh năm 2025 …", "4. Thời gian nhận hồ sơ:
từ ngày …", "5. Hồ sơ gồm: đơn …; bản sao …". Read alone such a line is a label and a value ("Đối tượng: trẻ em …":
of what?); two sections with the same labels are told apart only by their titles. Said with the section's activity it
is a whole sentence: "Đối tượng tuyển sinh vào lớp 1 là trẻ em sinh năm 2025, cư trú trên địa bàn xã." When the
section names no activity ("NỘI DUNG", "MỤC ĐÍCH, YÊU CẦU", "Phạm vi điều chỉnh …") the line is not said here (None).
"""

from __future__ import annotations

import re

from scripts.benefits import alternatives, punishes
from scripts.lead_rows import AGENCY, GIVE, GIVING, REFERENCE, RULE, VALUE
from scripts.listener import check
from scripts.sentences import HARD_MAX_WORDS, capfirst, finish, flat, listenable, lowerfirst, strip_noise, words

# what a section of a plan organises for residents: "TUYỂN SINH VÀO LỚP 1", "Tiêm vắc xin sởi đợt 1"
ACTIVITY = re.compile(
    r"^(?:Tuyển sinh|Xét tuyển|Tiêm|Tiêm chủng|Khám|Chiến dịch|Đợt|Ngày hội|Hội thi|Tập huấn|Đào tạo|Dạy nghề|"
    r"Đăng ký|Cấp phát|Phát|Tổng vệ sinh)\b",
    re.I,
)
PLACE_NAME = re.compile(r"\b(?:xã|phường|thị trấn|huyện|tỉnh|thôn|ấp|bản|tổ dân phố)\s+[A-ZĐÀ-Ỹ]", re.I)
# "Đối tượng: …", "Chỉ tiêu: …", "Phương thức xét tuyển: …", "Thời gian nhận hồ sơ: …", "Địa điểm: …", "Hồ sơ gồm: …"
LABEL = re.compile(
    r"^(?P<label>(?P<noun>Đối tượng|Chỉ tiêu|Phương thức|Hình thức)(?:\s+(?:tuyển sinh|xét tuyển|tham gia|tiêm))?|"
    r"(?P<when>Thời gian|Địa điểm)(?P<doing>\s+[^:]{2,30})?|(?P<papers>Hồ sơ)(?:\s+(?:gồm|bao gồm|gồm có))?)"
    r"\s*:\s*(?P<value>.+)$"
)
DATES = re.compile(r"^(?:từ|kể từ|đến|trước|trong)\s+(?:ngày|tháng)\s+\d", re.I)
PLACE = re.compile(r"^(?:tại|ở)\s+\S", re.I)


def topic(title: str) -> str:
    """What a section's title says is organised, lower case ("TUYỂN SINH VÀO LỚP 1" → "tuyển sinh vào lớp 1"), or ""."""
    bare = flat(strip_noise(title)).rstrip(" .:")
    if not ACTIVITY.match(bare) or REFERENCE.search(bare) or words(bare) > 12 or re.search(r"[,;:]", bare):
        return ""
    if bare.isupper() and PLACE_NAME.search(bare):
        return ""  # "TUYỂN SINH TẠI XÃ AN LẠC": its names would lose their capitals
    return bare.lower() if bare.isupper() else lowerfirst(bare)


def plan_label(title: str, line: str) -> str | None:
    """`line` ("Đối tượng: trẻ em sinh năm 2025 …") said with what its section `title` organises, or None."""
    about, body = topic(title), flat(strip_noise(line)).rstrip(" .;")
    m = LABEL.match(body)
    if not about or not m or REFERENCE.search(body):
        return None
    value = m["value"].strip()
    if m["noun"]:  # "Đối tượng tuyển sinh vào lớp 1 là trẻ em …", "Chỉ tiêu tuyển sinh vào lớp 1 là 320 học sinh"
        said = f"{m['noun']} {about} là {lowerfirst(value)}"
    elif m["papers"]:  # "Hồ sơ tuyển sinh vào lớp 1 gồm đơn đăng ký nhập học và bản sao …"
        items = [i.strip(" ,") for i in value.split(";") if i.strip(" ,")]
        listed = ", ".join(items[:-1]) + " và " + items[-1] if len(items) > 1 else value
        said = f"Hồ sơ {about} gồm {lowerfirst(listed)}"
    elif m["when"] == "Thời gian" and DATES.match(value) or m["when"] == "Địa điểm" and PLACE.match(value):
        doing = "" if about.startswith((m["doing"] or " ").strip().lower()) else m["doing"] or ""  # not "tiêm tiêm …"
        said = f"{m['when']}{doing} {about} {lowerfirst(value)}"  # "Thời gian nhận hồ sơ tuyển sinh … từ ngày …"
    else:
        return None
    done = finish(said)
    return done if words(done) <= HARD_MAX_WORDS and listenable(done) and not check(done) else None


HEAD = re.compile(
    rf"^(?P<verb>{alternatives([capfirst(v) for v in GIVING])})\s+(?P<what>[^,;:\d]{{2,40}})$"
)  # "Hỗ trợ cây trồng"
# "Diện tích lúa thuần bị thiệt hại trên 70%: hỗ trợ 2.000.000 đồng/ha", "lợn … bị chết hỗ trợ 500.000 đồng/con"
CASE = re.compile(rf"^(?P<case>[^:;]{{6,100}}?)(?:\s*:\s*|\s+)(?P<verb>{GIVE})\s+(?P<amount>\d.+)$", re.I)


def case_given(heading: str, line: str) -> str | None:
    """A case and its amount under what the heading gives ("Hỗ trợ cây trồng:" + "a) Diện tích lúa thuần bị thiệt hại
    trên 70%: hỗ trợ 2.000.000 đồng/ha;") said as one rule: "Diện tích lúa thuần … trên 70% được hỗ trợ 2.000.000
    đồng/ha." None when the heading gives nothing, or the case has its own rule or is an office's spending."""
    head = HEAD.match(flat(strip_noise(heading)).rstrip(" .:"))
    m = CASE.match(flat(strip_noise(line)).rstrip(" .;"))
    if not head or not m or m["verb"].lower() != head["verb"].lower() or not VALUE.match(m["amount"]):
        return None
    case = m["case"].strip(" ,")
    if RULE.search(case) or AGENCY.search(heading) or REFERENCE.search(case) or punishes(m["verb"].lower(), case):
        return None
    done = finish(f"{capfirst(case)} được {m['verb'].lower()} {m['amount']}")
    return done if words(done) <= HARD_MAX_WORDS and listenable(done) and not check(done) else None


def inline_cases(line: str) -> list[str] | None:
    """ "Hỗ trợ vật nuôi: gia cầm … bị chết hỗ trợ 20.000 đồng/con; lợn … hỗ trợ 500.000 đồng/con." → a rule per case,
    each with "được": never the heading as a label before the first case."""
    head, colon, items = flat(strip_noise(line)).rstrip(" .;").partition(": ")
    if not colon or not HEAD.match(head):
        return None
    said = [case_given(head, item) for item in items.split(";") if item.strip(" ,")]
    return [s for s in said if s] if said and all(said) else None


BUDGET = re.compile(r"^(?:kinh phí|nguồn kinh phí|ngân sách|chi phí tổ chức|dự toán)\b", re.I)  # "kinh phí tổ chức từ …"


def without_budget(line: str) -> list[str] | None:
    """ "Vắc xin được cấp miễn phí; kinh phí tổ chức từ nguồn ngân sách xã." → "Vắc xin được cấp miễn phí.": what
    residents get, without what the office spends. None when no part is the office's budget or the rest is no rule."""
    parts = [p.strip(" ,") for p in flat(strip_noise(line)).rstrip(" .;").split(";") if p.strip(" ,")]
    kept = [p for p in parts if not BUDGET.match(p)]
    if len(kept) == len(parts) or not kept or len(kept) > 1:
        return None
    done = finish(capfirst(kept[0]))
    return [done] if words(done) <= HARD_MAX_WORDS and listenable(done) and not check(done) else None


# "Chiến dịch tiêm vắc xin sởi - rubella cho trẻ em năm 2026": the service the campaign gives, "tiêm vắc xin sởi - rubella"
SERVICE = re.compile(
    r"^(?:(?:Triển khai|Tổ chức|Thực hiện)\s+)?(?:chiến dịch|đợt|đợt cao điểm)\s+(?P<service>(?:tiêm|uống|khám|tầm soát|"
    r"xét nghiệm)\b[^,;:]*?)(?=\s+(?:cho|năm|đợt|trên địa bàn|tại)\b|$)",
    re.I,
)
SERVED = re.compile(
    r"^Đối tượng(?:\s+(?:tiêm|tham gia|được tiêm|khám))?\s*:\s*(?P<who>(?:trẻ em|trẻ|người|học sinh|phụ nữ)\b.+)$"
)


def event_served(subject: str, line: str) -> str | None:
    """ "Đối tượng: trẻ em từ 1 tuổi …" in a plan for "chiến dịch tiêm vắc xin sởi - rubella cho trẻ em": "Trẻ em từ 1
    tuổi … được tiêm vắc xin sởi - rubella." Who is served, and with what: a label and a group alone says neither."""
    service, who = SERVICE.match(flat(subject).rstrip(" .")), SERVED.match(flat(strip_noise(line)).rstrip(" .;"))
    if not service or not who or REFERENCE.search(who["who"]) or ";" in who["who"]:
        return None
    done = finish(f"{capfirst(who['who'])} được {service['service'].strip()}")
    return done if words(done) <= HARD_MAX_WORDS and listenable(done) and not check(done) else None


# "Hồ sơ tuyển sinh lớp 1 gồm: đơn …; bản sao giấy khai sinh": the papers a resident brings, of what (not a bare "Hồ sơ")
PAPERS = re.compile(r"^(?P<what>Hồ sơ\s+[^:;,.]{3,60}?)\s+(?:gồm|bao gồm|gồm có)\s*:\s*(?P<items>[^:]+)$")
PAPER = re.compile(r"^(?:đơn|bản sao|bản chính|giấy|tờ khai|sổ|ảnh|học bạ|phiếu|thẻ|căn cước|chứng minh)\b", re.I)
OFFICES_FILE = re.compile(r"\b(?:trình|thẩm định|quyết toán|phê duyệt|báo cáo|dự án|gói thầu|thanh toán)\b")


def papers_listed(line: str) -> str | None:
    """ "Hồ sơ tuyển sinh lớp 1 gồm: đơn đăng ký nhập học; bản sao giấy khai sinh hợp lệ." → "… gồm đơn đăng ký nhập
    học và bản sao giấy khai sinh hợp lệ.": each paper heard as an item, none read as its own sentence."""
    m = PAPERS.match(flat(strip_noise(line)).rstrip(" .;"))
    if not m or OFFICES_FILE.search(m["what"]) or REFERENCE.search(m["items"]):
        return None
    items = [i.strip(" ,") for i in m["items"].split(";") if i.strip(" ,")]
    if len(items) < 2 or not all(PAPER.match(i) for i in items):
        return None
    done = finish(f"{m['what']} gồm {', '.join(items[:-1])} và {items[-1]}")
    return done if words(done) <= HARD_MAX_WORDS and listenable(done) and not check(done) else None
