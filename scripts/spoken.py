"""Written Vietnamese to the words a broadcaster says.

Rules run in a fixed order, each turning one kind of written token into words so that no
later rule sees its digits again: document symbols before dates (both use slashes), dates
before plain numbers, units before numbers, known abbreviations before unknown ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from scripts.errors import SpokenFormError
from scripts.numwords import (
    DIALECTS,
    NORTH,
    Dialect,
    read_decimal,
    read_digits,
    read_int,
    read_month,
    read_ordinal,
    roman_to_int,
)
from scripts.vocab import (
    ABBREVIATIONS,
    CURRENCY_UNITS,
    DOC_TYPE_CODES,
    ISSUER_CODES,
    LETTER_NAMES,
    PARTY_BODIES,
    PARTY_KINDS,
    ROMAN_LEADS,
    UNITS,
)

Rule = Callable[[re.Match[str], "Reader"], str]

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
UPPER = "A-ZĐ"


@dataclass(frozen=True, slots=True)
class Reader:
    """Reads numbers in one dialect; rules receive it to stay dialect-neutral."""

    dialect: Dialect = NORTH

    def number(self, text: str) -> str:
        """`1.500.000` → một triệu năm trăm nghìn; `12,5` → mười hai phẩy năm; `06` → sáu."""
        integer, _, fraction = text.replace(".", "").partition(",")
        if fraction:
            return read_decimal(integer, fraction, self.dialect)
        return read_int(int(integer), self.dialect)

    def day(self, text: str) -> str:
        value = int(text)
        words = read_int(value, self.dialect)
        return f"mồng {words}" if value <= 10 and self.dialect is NORTH else words

    def month(self, text: str) -> str:
        return read_month(int(text), self.dialect)

    def date(self, day: str, month: str, year: str | None) -> str:
        words = f"{self.day(day)} tháng {self.month(month)}"
        return f"{words} năm {self.number(year)}" if year else words


def spell(token: str) -> str:
    """Spell an abbreviation letter by letter; digits are read one by one."""
    words = []
    for ch in token:
        if ch.isdigit():
            words.append(read_digits(ch))
        elif ch.upper() in LETTER_NAMES:
            words.append(LETTER_NAMES[ch.upper()])
    return " ".join(words)


_ISSUERS_ANY_CASE = {code.upper(): code for code in ISSUER_CODES}
_TYPES_ANY_CASE = {code.upper(): code for code in DOC_TYPE_CODES}


def _known_code(code: str) -> str | None:
    """The issuer code as the vocabulary spells it, whatever the case it was typed in."""
    match = re.fullmatch(r"([A-Za-zĐđ&]+?)(\d+)?", code)
    if not match:
        return None
    head = match.group(1)
    return head if head in ISSUER_CODES else _ISSUERS_ANY_CASE.get(head.upper())


def issuer_words(code: str, reader: Reader) -> str:
    """`QH15` → Quốc hội khóa mười lăm; `BTC` → Bộ Tài chính; unknown codes are spelled."""
    known = _known_code(code)
    if known is None:
        return spell(code)
    term = re.search(r"\d+$", code)
    name = ISSUER_CODES[known]
    return f"{name} khóa {reader.number(term.group(0))}" if term else name


def read_symbol(number: str, year: str | None, suffix: str, reader: Reader) -> str:
    parts = [p.strip() for p in suffix.split("-")]
    typed = len(parts) > 1 and parts[0].upper() in _TYPES_ANY_CASE
    issuers = parts[1:] if typed else parts
    words = reader.number(number)
    if year:
        words += f" năm {reader.number(year)}"
    return words + " của " + " và ".join(issuer_words(code, reader) for code in issuers)


def _symbol(m: re.Match[str], r: Reader) -> str:
    suffix = m["suffix"]
    parts = [p.strip() for p in suffix.split("-")]
    if not suffix[:1].isupper() or " " in suffix:
        # typed carelessly ("12/2019/tt-bct", "NQ- HĐND"): read it only if every code is known
        if not all(p.upper() in _TYPES_ANY_CASE or _known_code(p) for p in parts):
            return m.group(0)
    return read_symbol(m["num"], m["year"], suffix, r)


def _standard(m: re.Match[str], r: Reader) -> str:
    """`QCVN 01:2021/BXD` → quy chuẩn Việt Nam không một năm hai nghìn không trăm hai mươi mốt của Bộ Xây dựng."""
    words = [ABBREVIATIONS[m["kind"].upper()]]
    for part in m["num"].split("-"):
        words.append(read_digits(part) if part.startswith("0") else r.number(part))
    if m["year"]:
        words.append(f"năm {r.number(m['year'])}")
    if m["issuer"]:
        words.append("của " + " và ".join(issuer_words(c, r) for c in m["issuer"].split("-")))
    return " ".join(words)


def _classes(m: re.Match[str], r: Reader) -> str:
    """ "hạng A1, A, B1" → "hạng a một, a, bê một": every class code spelled the same way, a lone letter too."""
    return m["lead"] + re.sub(r"[A-Z]{1,3}\d?[A-Z]?", lambda code: spell(code[0]), m["codes"])


def _letters_digits(m: re.Match[str], r: Reader) -> str:
    """`PM2.5` → pê em hai phẩy năm, `CO2` → xê ô hai, `H5N1` → hát năm en một."""
    words = []
    for letters, digits in _LETTERS_OR_DIGITS.findall(m.group(0)):
        words.append(spell(letters) if letters else r.number(digits.replace(".", ",")))
    return " ".join(words)


def _repeated_in_words(m: re.Match[str], r: Reader) -> str:
    """Drop "(một trăm hai mươi nghìn đồng)" after "120.000 đồng": a listener hears it once."""
    if _canon(normalize(m["amount"], _dialect_name(r))) == _canon(m["words"]):
        return m["amount"]
    return m.group(0)


def _per(m: re.Match[str], r: Reader) -> str:
    """An amount with a slash chain: `500.000 đồng/người/tháng`, `1,5%/năm`, `25 μg/m3`, `50 km/h`."""
    unit = m["unit"]
    chain = [s.strip() for s in m["chain"].split("/")[1:]]
    if f"{unit}/{chain[0]}" in UNITS:  # a compound unit written with its slash ("km/h")
        return f"{r.number(m['n'])} {UNITS[unit + '/' + chain.pop(0)]}" + _per_tail(unit, chain)
    return f"{r.number(m['n'])} {_unit_words(unit)}" + _per_tail(unit, chain)


def _per_tail(previous: str, chain: list[str]) -> str:
    out = ""
    for segment in chain:
        physical = previous in UNITS and previous not in CURRENCY_UNITS and segment in UNITS
        out += f" {'trên' if physical else 'mỗi'} {_unit_words(segment)}"
        previous = segment
    return out


def _unit_words(unit: str) -> str:
    return "phần trăm" if unit == "%" else UNITS.get(unit, unit)


def _word_slash(m: re.Match[str], r: Reader) -> str:
    """Slashes between words: "per" after a unit of money or measure ("đồng/người/tháng"), else "or"."""
    left = m["left"]
    chain = m["chain"].split("/")[1:]
    if left in UNITS or left in CURRENCY_UNITS or left.lower() in _PER_WORDS:
        return f"{_unit_words(left)}{_per_tail(left, chain)}"
    if left.lower() not in _PER_UNITS and all(c.lower() in _PER_UNITS for c in chain):
        return left + "".join(f" mỗi {c}" for c in chain)  # "3 buổi tiếng Anh/tuần", "học sinh/tháng": per week, per month
    if left.lower() == "và" and chain == ["hoặc"]:
        return "hoặc"
    return ", ".join([left, *chain])


def _ratio(m: re.Match[str], r: Reader) -> str:
    """`3/4` → ba phần tư (a small fraction); `12/24 giờ` → mười hai trên hai mươi tư giờ."""
    a, b = int(m["a"]), int(m["b"])
    if 0 < a < b <= 10:
        return f"{r.number(m['a'])} phần {read_month(b, r.dialect)}"
    return f"{r.number(m['a'])} trên {r.number(m['b'])}"


def _party_symbol(m: re.Match[str], r: Reader) -> str:
    """ "52-CT/TW" → năm mươi hai của Trung ương: a party document's number and the body that issued it."""
    return f"{r.number(m['num'])} của {PARTY_BODIES[m['body']]}"


def _dotted_phone(m: re.Match[str], r: Reader) -> str:
    """ "0912.345.678", "0262.3812.345": a telephone number, read digit by digit (not as thousands)."""
    digits = re.sub(r"\D", "", m.group(0))
    return read_digits(digits) if 9 <= len(digits) <= 11 else m.group(0)


def _phone(m: re.Match[str], r: Reader) -> str:
    return m["lead"] + read_digits(m["digits"])


def _full_date(m: re.Match[str], r: Reader) -> str:
    return r.date(m["d"], m["m"], m["y"])


def _month_year(m: re.Match[str], r: Reader) -> str:
    return f"{m['lead']}{r.month(m['m'])} năm {r.number(m['y'])}"


def _spelled_date(m: re.Match[str], r: Reader) -> str:
    text = f"ngày {r.day(m['d'])} tháng {r.month(m['m'])}"
    return text + (f" năm {r.number(m['y'])}" if m["y"] else "")


def _short_date(m: re.Match[str], r: Reader) -> str:
    if int(m["d"]) > 31 or not 0 < int(m["m"]) <= 12:
        return m.group(0)
    written_as_date = m["d"].startswith("0") or m["m"].startswith("0") or int(m["d"]) >= int(m["m"])
    if not m["lead"].lower().startswith("ngày") and not written_as_date:
        return m.group(0)  # "từ 3/4 số hộ" is a fraction; "từ 01/7" and "đến 31/12" are dates
    return m["lead"] + r.date(m["d"], m["m"], None)


def _month(m: re.Match[str], r: Reader) -> str:
    return f"{m['lead']}{r.month(m['m'])}"


def _time(m: re.Match[str], r: Reader) -> str:
    words = f"{r.number(m['h'])} giờ"
    minutes = m["min"]
    if minutes and int(minutes):
        words += f" {r.number(minutes)} phút"
    return words


def _unit(m: re.Match[str], r: Reader) -> str:
    return f"{r.number(m['n'])} {UNITS[m['unit']]}"


def _percent(m: re.Match[str], r: Reader) -> str:
    return f"{r.number(m['n'])} phần trăm"


def _roman(m: re.Match[str], r: Reader) -> str:
    try:
        return f"{m['lead']}{r.number(str(roman_to_int(m['roman'])))}"
    except ValueError:
        return m.group(0)


def _ordinal(m: re.Match[str], r: Reader) -> str:
    return f"{m['lead']}{read_ordinal(int(m['n']), r.dialect)}"


def _range(m: re.Match[str], r: Reader) -> str:
    return f"{r.number(m['a'])} đến {r.number(m['b'])}"


def _number(m: re.Match[str], r: Reader) -> str:
    return r.number(m.group(0))


def _abbreviation(m: re.Match[str], r: Reader) -> str:
    token = m.group(0)
    if token in ABBREVIATIONS:
        return ABBREVIATIONS[token]
    if is_syllable(token):
        return token  # a word in capitals ("NAM", "TRÊN"), not an abbreviation
    return spell(token)


_SYLLABLE = re.compile(r"(?:NGH|NG|CH|GH|GI|KH|NH|PH|QU|TH|TR|[BCDGHKLMNPRSTVX])?[AEIOUY]{1,3}(?:CH|NG|NH|[CMNPT])?")


def is_syllable(token: str) -> bool:
    """Whether a word in capitals is one Vietnamese syllable ("TRÊN", "ĐỊA"), not letters to spell."""
    bare = "".join(c for c in unicodedata.normalize("NFD", token.upper()) if not unicodedata.combining(c))
    return bool(_SYLLABLE.fullmatch(bare.replace("Đ", "D")))


def _canon(text: str) -> str:
    """Compare spoken forms as corpus/README.md does, ignoring "chẵn" and "bằng chữ"."""
    text = unicodedata.normalize("NFC", text.lower())
    text = " ".join(re.sub(r"[^\w\s]", " ", text).split())
    for old, new in (("ngàn", "nghìn"), ("lẻ", "linh"), ("tỉ", "tỷ"), ("chẵn", ""), ("bằng chữ", "")):
        text = re.sub(rf"\b{old}\b", new, text)
    return " ".join(text.replace("mươi bốn", "mươi tư").split())


def _dialect_name(r: Reader) -> str:
    return next(name for name, d in DIALECTS.items() if d is r.dialect)


_PERIODS = frozenset({"ngày", "tuần", "tháng", "quý", "năm", "giờ", "buổi", "kỳ", "vụ"})  # "x/tháng" is x per month
_PER_WORDS = frozenset({"đồng", "lần", "lượt", "người", "phần trăm", "suất", "chuyến"})
# "… lần mức lương cơ sở/người/ngày": after a word that is no unit, a chain of these is still "per"
_PER_UNITS = _PERIODS | {"người", "hộ", "lần", "lượt", "suất", "mộ", "ca", "chuyến", "trẻ", "xe", "con"}
_GLUED_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True) if u[-1:].isdigit())
_PARTY_BODY = "|".join(sorted(PARTY_BODIES, key=len, reverse=True))
_PARTY_KIND = "|".join(PARTY_KINDS)
# Cleaning before reading: what a written page carries that a speaker never says
PREPARE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\s*\[\d{1,3}\]"), ""),  # footnote marks "[3]", "quy định[1]"
    (re.compile(r"(?:(?<=^)|(?<=\s))\d{1,2}\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])"), ""),  # "1.Việc" → "Việc": a list number glued on
    (re.compile(r"(?:(?<=^)|(?<=\s))[a-zđ]\)\s+"), ""),  # "a) " list letters
    (re.compile(r"(?<=[\w)])\s+[a-dđe-hk-np-tvxz]\.(?=\s+[A-ZĐÀ-Ỹ]|\s*$)"), "."),  # "… mỗi lần b." a stray list letter
    (re.compile(r"\s*\((?:[A-Z][A-Za-z]*[A-Z]\d*|[A-Z]{2,}\d*)\)"), ""),  # "Đô la Mỹ (USD)", "(VNAQI)", "(LEZ)": said already
    (re.compile(rf"(?<=\d)\s*({_GLUED_UNIT})(?=[^\W\d_])"), r" \1 "),  # "30 m2trở lên" → "30 m2 trở lên"
    (re.compile(r"(?<=[a-zà-ỹđ\d])\s+(?=(?:Trong trường hợp|Trường hợp|Đối với|Riêng|Sau khi|Trước khi)\s)"), ". "),
)  # the last: "… là 05 năm Trong trường hợp …", a sentence break lost in extraction
_UNIT_NAMES = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_ROMAN_LEAD_RE = "|".join(sorted(ROMAN_LEADS, key=len, reverse=True))
_WORD = r"(?:%|[^\W\d_][^\W_]*)"
_LETTERS_OR_DIGITS = re.compile(r"([A-Z]+)|(\d+(?:\.\d+)?)")
_CODE = r"[A-Za-zĐđ][A-Za-zĐđ&]*\d*"

RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(rf"(?<![\d/])(?P<num>\d{{1,4}})-(?:{_PARTY_KIND})/(?P<body>{_PARTY_BODY})(?![\wĐđ])"), _party_symbol),
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
        _standard,
    ),
    (
        re.compile(
            rf"(?<![\d/])(?P<num>\d{{1,5}})(?:[ ]?/[ ]?(?P<year>\d{{4}}))?[ ]?/[ ]?(?P<suffix>{_CODE}(?:[ ]?-[ ]?{_CODE})*)"
        ),
        _symbol,
    ),
    (
        re.compile(r"(?P<lead>\b(?i:hạng)\s+)(?P<codes>[A-Z]{1,3}\d?[A-Z]?(?:\s*(?:,|và|hoặc)\s*[A-Z]{1,3}\d?[A-Z]?)*)(?![\w])"),
        _classes,
    ),
    (re.compile(r"(?<![\wĐđ])[A-Z]+\d+(?:\.\d+)?(?:[A-Z]+\d*)*(?![\w])"), _letters_digits),
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
        _full_date,
    ),
    (re.compile(r"(?P<lead>tháng\s+)(?P<m>\d{1,2})/(?P<y>\d{4})(?!\d)", re.IGNORECASE), _month_year),
    (
        re.compile(
            r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>\d{4}))?(?!\d)",
            re.IGNORECASE,
        ),
        _spelled_date,
    ),
    (
        re.compile(
            r"(?P<lead>(?:ngày|trước|sau|đến|từ|hết|hạn)\s+)(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])",
            re.IGNORECASE,
        ),
        _short_date,
    ),
    (re.compile(r"(?P<lead>\btháng\s+)(?P<m>\d{1,2})(?![\d,.])", re.IGNORECASE), _month),
    (re.compile(r"(?<![\d:])(?P<h>\d{1,2})(?:h|:)(?P<min>\d{2})?(?![\d\w])"), _time),
    (
        re.compile(
            rf"(?P<n>{NUMBER})\s*(?P<unit>{_WORD})(?P<chain>(?:\s*/\s*{_WORD}(?:\s+{_WORD}){{0,3}}?(?=\s*/))*\s*/\s*{_WORD})"
        ),
        _per,
    ),
    (re.compile(rf"(?P<n>{NUMBER})\s*(?P<unit>{_UNIT_NAMES})(?![\wĐđ/²³])"), _unit),
    (re.compile(rf"(?P<n>{NUMBER})\s*%"), _percent),
    (re.compile(rf"(?P<lead>\b(?i:{_ROMAN_LEAD_RE})\s+)(?P<roman>[IVX]+)\b"), _roman),
    (re.compile(r"(?P<lead>\bthứ\s+)(?P<n>\d+)\b", re.IGNORECASE), _ordinal),
    (re.compile(rf"(?P<a>{NUMBER})\s*[-–]\s*(?P<b>{NUMBER})"), _range),
    (re.compile(r"(?<![\d/.,])1\s?/\s?2\s+(?=(?:ngày|tháng|năm|giờ|buổi|ca|tuần|kỳ|mức)\b)"), lambda m, r: "nửa "),
    (re.compile(r"(?<![\d/.,])(?P<a>\d+)\s?/\s?(?P<b>\d+)(?![\d/])"), _ratio),
    (re.compile(NUMBER), _number),
    (re.compile(r"(?P<left>%|[^\W\d_]+)(?P<chain>(?:/[^\W\d_][^\W_]*)+)"), _word_slash),
    (re.compile(rf"(?<![\wĐđ])[{UPPER}][{UPPER}&]*(?:-[{UPPER}]+)?(?![\wĐđ])"), _abbreviation),
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
