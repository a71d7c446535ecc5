"""A benefit said as what people receive: who can receive one, and the verbs that give it.

Three stages turn a benefit into the sentence a listener follows, its receivers first ("Học sinh khuyết tật được
hỗ trợ 100% học phí."): an agency's task (``scripts.relief``), an office's task in a directive
(``scripts.resident_voice``) and a list point without its giver (``scripts.point_leads``). They read the
receivers and the verbs from here, so that a word added for one stage is heard by all three.
"""

from __future__ import annotations

import re

from scripts.holders import RESIDENT_HEADS
from scripts.sentences import capfirst

# Who receives, by the noun that opens the group ("hộ nghèo", "người cao tuổi", "học sinh khuyết tật" …): a word
# that opens with "người" or "hộ" is already taken by those two; the heads a task addresses (``holders.RESIDENT_HEADS``)
# are here too. An office, staff or a business is refused by each stage on its own terms.
BENEFICIARY_WORDS = (
    *"người|hộ|gia đình|cá nhân|khách hàng|doanh nghiệp|hợp tác xã|sinh viên|học viên|giáo viên|trẻ em|trẻ|bà mẹ|"
    "phụ nữ|lao động|thân nhân|nạn nhân|bệnh nhân|đối tượng|thành viên|dân quân|cựu chiến binh".split("|"),
    *RESIDENT_HEADS,
)
GROUP_LEAD = r"(?:(?:mỗi|các|mọi|những|toàn thể)\s+)?"  # "cho mỗi hộ …", "cho các hộ …"

WAIVER, PAYMENT, CARE = "waiver", "payment", "care"
# The verbs that give a benefit, by what they give: a waiver is of a charge or a debt, a payment hands over money or
# goods, care is a service given in person (``resident_voice`` says a waiver only of a charge, a payment only of goods
# or money).
VERBS = {
    verb: kind
    for kind, verbs in (
        (WAIVER, "miễn|giảm|miễn, giảm|gia hạn|giãn|khoanh|tạm hoãn|cơ cấu lại"),
        (
            PAYMENT,
            "hỗ trợ|chi trả|chi trả trước|trợ cấp|cấp|cấp phát|cấp miễn phí|phát|cứu trợ|tặng|bồi dưỡng|thưởng|cho vay ưu đãi|"
            "tạm ứng",
        ),
        (
            CARE,
            "tiêm|tiêm chủng|tiêm phòng|tiêm vắc xin|khám|khám sức khỏe|khám sàng lọc|khám bệnh|khám chữa bệnh|khám, chữa bệnh|xét nghiệm",
        ),
    )
    for verb in verbs.split("|")
}
# The words after which a verb is another verb that gives nothing: "phát hiện", "phát động", "khám xét", "khoanh
# vùng", "giãn cách", "tạm hoãn xuất cảnh".
NOT_FOLLOWED_BY = {
    "phát": "hiện|động|hành|triển|huy|sinh|tán|biểu|ngôn|thanh|sóng",
    "khám": "xét|nghiệm|phá",
    "khoanh": "vùng",
    "giãn": "cách",
    "tạm hoãn": "xuất cảnh",
}
# What a rule does to people it punishes or pursues, never a benefit however it is worded ("Phát hiện, xử lý nghiêm
# đối với …", "Tạm hoãn xuất cảnh đối với người nộp thuế …", "miễn nhiệm …").
SANCTION = re.compile(
    r"\b(?:miễn nhiệm|cách chức|kỷ luật|thu hồi|xử lý|xử phạt|tịch thu|thu giữ|tạm giữ|khám xét|cưỡng chế|"
    r"tạm hoãn xuất cảnh|phát hiện|truy cứu|đình chỉ)\b",
    re.I,
)


def alternatives(words: list[str] | tuple[str, ...], first_upper: bool = False) -> str:
    """The words as one regex alternation, the longest first ("chi trả trước" before "chi trả"), each a whole word
    and never the start of a verb that gives nothing (``NOT_FOLLOWED_BY``)."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(_whole(capfirst(w) if first_upper else w, NOT_FOLLOWED_BY.get(w, "")) for w in ordered)


def _whole(word: str, not_followed_by: str) -> str:
    """ "(?<!\\w)phát(?!\\w|\\s+(?:hiện|động|…)\\b)": the word alone, not the first word of another verb."""
    other = rf"|\s+(?:{not_followed_by})\b" if not_followed_by else ""
    return rf"(?<!\w){word}(?!\w{other})"


def beneficiary(group_lead: bool = True) -> str:
    """A regex for the head of a group that receives a benefit ("mỗi hộ", "các học sinh" with `group_lead`), any
    letter case."""
    return rf"{GROUP_LEAD if group_lead else ''}(?i:{alternatives(BENEFICIARY_WORDS)})\b"


def benefit_verbs(first_upper: bool = False) -> str:
    """A regex alternation of every verb that gives a benefit ("Hỗ trợ|Miễn|…" with `first_upper`)."""
    return f"(?:{alternatives(list(VERBS), first_upper)}){NOT_A_LEVEL}"


NOT_A_LEVEL = r"(?!(?<=[cC]ấp) (?:xã|phường|huyện|tỉnh|cơ sở|trung ương)\b)"  # "Ủy ban nhân dân cấp xã": a level, no verb


def punishes(verb: str, what: str, tail: str = "") -> bool:
    """Whether what is done to the group is a sanction: what they undergo, not receive. The group itself is not read:
    "hộ có đất bị thu hồi" may well be given support."""
    return bool(SANCTION.search(f"{verb} {what} {tail}"))  # joined: "miễn" + "nhiệm chức vụ" is "miễn nhiệm"


# "cấp thẻ … cho người tham gia bằng bản giấy": how the thing is given, not who gets it
MANNER = re.compile(
    r"\s+(?P<how>bằng (?:bản giấy|bản điện tử|hình thức|phương thức|tiền mặt|chuyển khoản|hiện vật|văn bản)\b.*)$"
)


ASIDE = re.compile(r",\s+(?P<how>(?:ngoài|kể cả|không kể|tính từ|trong thời gian|từ ngày|trong năm)\s[^,;]*)$")


def split_manner(who: str) -> tuple[str, str]:
    """The group and the manner of the giving that ended its phrase: ("người tham gia", " bằng bản giấy"); or an aside
    on the giving ("người thuộc hộ cận nghèo, ngoài mức hỗ trợ của ngân sách trung ương"), said after what is given."""
    if aside := ASIDE.search(who.strip()):
        return who.strip()[: aside.start()], ", " + aside["how"]
    m = MANNER.search(who.strip())
    return (who.strip()[: m.start()], " " + m["how"]) if m else (who, "")


def received(who: str, verb: str, what: str, tail: str = "") -> str | None:
    """ "Học sinh khuyết tật được hỗ trợ 100% học phí.": who gets what, the sentence a listener follows; None for a
    sanction ("… được xử lý nghiêm." would say a punishment as a benefit)."""
    if punishes(verb, what, tail):
        return None
    who, how = split_manner(who)
    return f"{capfirst(who.strip())} được {verb.lower()} {what.strip()}{how}{tail}."
