"""Written Vietnamese to the words a broadcaster says.

Rules run in a fixed order, each turning one kind of written token into words so that no
later rule sees its digits again: document symbols before dates (both use slashes), dates
before plain numbers, units before numbers, known abbreviations before unknown ones. The order
lives here, in `RULES`; what each kind of token is read as lives with its concept: `scripts.symbols`
(document symbols, standards, abbreviations), `scripts.dates`, `scripts.amounts` (units, "per",
ranges, fractions) and `scripts.numwords` (the numbers themselves, in a dialect).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from scripts import amounts, dates, symbols
from scripts.errors import SpokenFormError
from scripts.numwords import DIALECTS, Reader, read_digits, read_ordinal, roman_to_int
from scripts.symbols import is_syllable
from scripts.vocab import PARTY_BODIES, PARTY_KINDS, ROMAN_LEADS, UNITS

Rule = Callable[[re.Match[str], Reader], str]

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
UPPER = "A-ZĐ"


def _repeated_in_words(m: re.Match[str], r: Reader) -> str:
    """Drop "(một trăm hai mươi nghìn đồng)" after "120.000 đồng": a listener hears it once."""
    if _canon(normalize(m["amount"], _dialect_name(r))) == _canon(m["words"]):
        return m["amount"]
    return m.group(0)


def _dotted_phone(m: re.Match[str], r: Reader) -> str:
    """ "0912.345.678", "0262.3812.345": a telephone number, read digit by digit (not as thousands)."""
    digits = re.sub(r"\D", "", m.group(0))
    return read_digits(digits) if 9 <= len(digits) <= 11 else m.group(0)


def _phone(m: re.Match[str], r: Reader) -> str:
    return m["lead"] + read_digits(m["digits"])


def _roman(m: re.Match[str], r: Reader) -> str:
    try:
        return f"{m['lead']}{r.number(str(roman_to_int(m['roman'])))}"
    except ValueError:
        return m.group(0)


def _ordinal(m: re.Match[str], r: Reader) -> str:
    return f"{m['lead']}{read_ordinal(int(m['n']), r.dialect)}"


def _canon(text: str) -> str:
    """Compare spoken forms as corpus/README.md does, ignoring "chẵn" and "bằng chữ"."""
    text = unicodedata.normalize("NFC", text.lower())
    text = " ".join(re.sub(r"[^\w\s]", " ", text).split())
    for old, new in (("ngàn", "nghìn"), ("lẻ", "linh"), ("tỉ", "tỷ"), ("chẵn", ""), ("bằng chữ", "")):
        text = re.sub(rf"\b{old}\b", new, text)
    return " ".join(text.replace("mươi bốn", "mươi tư").split())


def _dialect_name(r: Reader) -> str:
    return next(name for name, d in DIALECTS.items() if d is r.dialect)


_GLUED_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True) if u[-1:].isdigit())
_PARTY_BODY = "|".join(sorted(PARTY_BODIES, key=len, reverse=True))
_PARTY_KIND = "|".join(PARTY_KINDS)
CURRENCY_IN_BRACKETS = re.compile(r"(?<=\d)\s*\(((?:nghìn |triệu |tỷ )?(?:đồng|đô la Mỹ|[A-Z]{3}))\)")
# Cleaning before reading: what a written page carries that a speaker never says
PREPARE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\s*\[\d{1,3}\]"), ""),  # footnote marks "[3]", "quy định[1]"
    (re.compile(r"(?:(?<=^)|(?<=\s))\d{1,2}\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])"), ""),  # "1.Việc" → "Việc": a list number glued on
    (re.compile(r"(?:(?<=^)|(?<=\s))[a-zđ]\)\s+"), ""),  # "a) " list letters
    (re.compile(r"(?<=[^\W\d]|\))\s+[a-dđe-hk-np-tvxz]\.(?=\s+[A-ZĐÀ-Ỹ]|\s*$)"), "."),  # "… mỗi lần b." a stray list letter
    (CURRENCY_IN_BRACKETS, r" \1"),  # "10 (USD)": after a number the bracket holds its unit, said as the unit
    (re.compile(r"\s*\((?:[A-Z][A-Za-z]*[A-Z]\d*|[A-Z]{2,}\d*)\)"), ""),  # "Đô la Mỹ (USD)", "(VNAQI)", "(LEZ)": said already
    (re.compile(rf"(?<=\d)\s*({_GLUED_UNIT})(?=[^\W\d_])"), r" \1 "),  # "30 m2trở lên" → "30 m2 trở lên"
    (re.compile(r"(?<=[a-zà-ỹđ\d])\s+(?=(?:Trong trường hợp|Trường hợp|Đối với|Riêng|Sau khi|Trước khi)\s)"), ". "),
)  # the last: "… là 05 năm Trong trường hợp …", a sentence break lost in extraction
_UNIT_NAMES = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_ROMAN_LEAD_RE = "|".join(sorted(ROMAN_LEADS, key=len, reverse=True))
_WORD = r"(?:%|[^\W\d_][^\W_]*)"
_CODE = r"[A-Za-zĐđ][A-Za-zĐđ&]*\d*"

RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(rf"(?<![\d/])(?P<num>\d{{1,4}})-(?:{_PARTY_KIND})/(?P<body>{_PARTY_BODY})(?![\wĐđ])"), symbols.party_symbol),
    (re.compile(r"(?<![\d.,])0\d{2,4}(?:\.\d{2,4}){2,3}(?![\d,])|(?<![\d.,])0\d{2,4}\.\d{3,4}\.\d{3,4}(?![\d,])"), _dotted_phone),
    (re.compile(r"(?<![\d.,/-])0\d{2,4}-\d{3,4}-\d{3,4}(?![\d,/-])"), _dotted_phone),  # 0912-345-678
    (re.compile(r"\bT[Pp]\.\s*"), lambda m, r: "thành phố "),
    (re.compile(r"\s*(?:>|&gt;)\s*(?=\d)"), lambda m, r: " trên "),
    (re.compile(r"\s*(?:<|&lt;)\s*(?=\d)"), lambda m, r: " dưới "),
    (re.compile(r"\s*≥\s*(?=\d)"), lambda m, r: " không dưới "),
    (re.compile(r"\s*≤\s*(?=\d)"), lambda m, r: " không quá "),
    (
        re.compile(
            rf"(?P<amount>(?<![\d.,])(?:{NUMBER})(?:\s*(?:tỷ|triệu|nghìn|ngàn))?\s*(?:đồng|VNĐ|VND|đ)?)"
            r"\s*\((?P<words>[^()\d]{3,}?)\)"
        ),
        _repeated_in_words,
    ),
    (
        re.compile(
            r"\b(?P<kind>QCVN|TCVN)\s*(?P<num>\d+(?:-\d+)*)(?::(?P<year>\d{4}))?"
            rf"(?:/(?P<issuer>{_CODE}(?:-{_CODE})*))?",
            re.IGNORECASE,
        ),
        symbols.standard,
    ),
    (
        re.compile(
            rf"(?<![\d/])(?P<num>\d{{1,5}})(?:[ ]?/[ ]?(?P<year>\d{{4}}))?[ ]?/[ ]?(?P<suffix>{_CODE}(?:[ ]?-[ ]?{_CODE})*)"
        ),
        symbols.document_symbol,
    ),
    (
        re.compile(r"(?P<lead>\b(?i:hạng)\s+)(?P<codes>[A-Z]{1,3}\d?[A-Z]?(?:\s*(?:,|và|hoặc)\s*[A-Z]{1,3}\d?[A-Z]?)*)(?![\w])"),
        symbols.licence_classes,
    ),
    (re.compile(r"(?<![\wĐđ])[A-Z]+\d+(?:\.\d+)?(?:[A-Z]+\d*)*(?![\w])"), symbols.letters_and_digits),
    (
        re.compile(
            r"(?P<lead>(?:điện thoại|đường dây nóng|hotline|tổng đài|số máy|fax|gọi|SĐT|ĐT)"
            r"(?:\s+số)?\s*:?\s*)(?P<digits>\+?\d(?:[\d.]|\s(?=\d))*\d|\d)",
            re.IGNORECASE,
        ),
        _phone,
    ),
    (re.compile(r"(?<![\d.,])(?P<digits>0\d{8,10})(?!\d)"), lambda m, r: read_digits(m["digits"])),
    (
        re.compile(r"(?<![\d/])(?P<d>\d{1,2})([/.-])(?P<m>\d{1,2})\2(?P<y>\d{4})(?!\d)"),
        dates.full_date,
    ),
    (re.compile(r"(?P<lead>tháng\s+)(?P<m>\d{1,2})/(?P<y>\d{4})(?!\d)", re.IGNORECASE), dates.month_year),
    (
        re.compile(
            r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>\d{4}))?(?!\d)",
            re.IGNORECASE,
        ),
        dates.spelled_date,
    ),
    (
        re.compile(
            r"(?P<lead>(?:ngày|trước|sau|đến|từ|hết|hạn)\s+)(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])",
            re.IGNORECASE,
        ),
        dates.short_date,
    ),
    (re.compile(r"(?P<lead>\btháng\s+)(?P<m>\d{1,2})(?![\d,.])", re.IGNORECASE), dates.month),
    (re.compile(r"(?<![\d:])(?P<h>\d{1,2})(?:h|:)(?P<min>\d{2})?(?![\d\w])"), dates.clock_time),
    (
        re.compile(
            rf"(?P<n>{NUMBER})\s*(?P<unit>{_WORD})(?P<chain>(?:\s*/\s*{_WORD}(?:\s+{_WORD}){{0,3}}?(?=\s*/))*\s*/\s*{_WORD})"
        ),
        amounts.per_chain,
    ),
    (re.compile(rf"(?P<n>{NUMBER})\s*(?P<unit>{_UNIT_NAMES})(?![\wĐđ/²³])"), amounts.unit),
    (re.compile(rf"(?P<n>{NUMBER})\s*%"), amounts.percent),
    (re.compile(rf"(?P<lead>\b(?i:{_ROMAN_LEAD_RE})\s+)(?P<roman>[IVX]+)\b"), _roman),
    (re.compile(r"(?P<lead>\bthứ\s+)(?P<n>\d+)\b", re.IGNORECASE), _ordinal),
    (re.compile(rf"(?P<a>{NUMBER})\s*[-–]\s*(?P<b>{NUMBER})"), amounts.number_range),
    (re.compile(r"(?<![\d/.,])1\s?/\s?2\s+(?=(?:ngày|tháng|năm|giờ|buổi|ca|tuần|kỳ|mức)\b)"), lambda m, r: "nửa "),
    (re.compile(r"(?<![\d/.,])(?P<a>\d+)\s?/\s?(?P<b>\d+)(?![\d/])"), amounts.ratio),
    (re.compile(NUMBER), amounts.number),
    (re.compile(r"(?P<left>%|[^\W\d_]+)(?P<chain>(?:/[^\W\d_][^\W_]*)+)"), amounts.word_slash),
    (re.compile(rf"(?<![\wĐđ])[{UPPER}][{UPPER}&]*(?:-[{UPPER}]+)?(?![\wĐđ])"), symbols.abbreviation),
]

_SPACES = re.compile(r"[ \t]+")


def normalize(text: str, dialect: str = "north") -> str:
    """Turn one line of written Vietnamese into its spoken form.

    :raises ValueError: for an unknown dialect name.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; choose one of {', '.join(DIALECTS)}")
    reader = Reader(DIALECTS[dialect])
    capital = text.lstrip()[:1].isupper()
    for pattern, repl in PREPARE:
        text = pattern.sub(repl, text)
    for pattern, rule in RULES:
        text = pattern.sub(lambda m, rule=rule: rule(m, reader), text)  # type: ignore[misc]
    text = _tidy(text)
    return text[:1].upper() + text[1:] if capital else text  # "Ngày 18 …" → "Ngày mười tám …", not "ngày …"


_MARKUP = re.compile(r"[*#`~_]+")
_ASIDE = re.compile(r"\s*[(\[{|]\s*|\s*[)\]}]")
_COMMA_BEFORE_STOP = re.compile(r"(?:\s*,)+\s*(?=[.;:!?])")
_COMMA_RUN = re.compile(r"\s*,(?:\s*,)+")
_EDGE_COMMAS = re.compile(r"^[\s,]+|[\s,]+$")


def _tidy(text: str) -> str:
    """Say an aside in brackets between pauses; drop markdown emphasis that no one reads out."""
    text = _ASIDE.sub(", ", _MARKUP.sub("", text))
    text = _COMMA_RUN.sub(",", _COMMA_BEFORE_STOP.sub("", text))
    return _EDGE_COMMAS.sub("", _SPACES.sub(" ", text).replace(" ,", ","))


_LEFTOVERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\d+"), "còn chữ số"),
    (re.compile(r"[/\\]"), "còn dấu gạch chéo"),
    (re.compile(r"%"), "còn dấu phần trăm"),
    (re.compile(r"[()\[\]{}]"), "còn dấu ngoặc"),
    (re.compile(r"[*_#`~|<>=]+"), "còn ký hiệu định dạng"),
    (re.compile(r"[@&]"), "còn ký hiệu"),
)
_CAPITALS = re.compile(r"(?<![\w])[^\W\d_a-zà-ỹđ]{2,}(?![\w])")


def unspeakable(text: str) -> list[str]:
    """What in `text` a speaker would not say: leftover digits, slashes, "%", brackets, markup,
    runs of capitals that are neither a known word nor one syllable. Empty when it is fit to air.
    """
    problems = []
    for pattern, reason in _LEFTOVERS:
        found = pattern.findall(text)
        if found:
            problems.append(f"{reason} «{' '.join(dict.fromkeys(found))}»")
    runs = [w for w in _CAPITALS.findall(text) if w.isupper() and not is_syllable(w)]
    if runs:
        problems.append(f"còn chữ viết tắt chưa đọc «{' '.join(dict.fromkeys(runs))}»")
    return problems


def check_spoken(sentences: list[str]) -> None:
    """The last gate before a speaker: refuse the first sentence (numbered from 1) that is unfit.

    :raises SpokenFormError: naming the sentence and what is wrong with it.
    """
    for index, sentence in enumerate(sentences, start=1):
        if problems := unspeakable(sentence):
            raise SpokenFormError(index, problems)
