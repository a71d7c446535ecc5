"""Letters read aloud: document symbols, standards, class and chemical codes, abbreviations.

`12/2019/TT-BCT` is a number, a year and the issuer's code; `QCVN 01:2021/BXD` a standard; `H5N1`
letters and digits; `UBND` an abbreviation the vocabulary knows and `ABC` one spelled letter by letter.
"""

from __future__ import annotations

import re
import unicodedata

from scripts.numwords import Reader, read_digits
from scripts.vocab import ABBREVIATIONS, DOC_TYPE_CODES, ISSUER_CODES, LETTER_NAMES, PARTY_BODIES


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


# "… số 12/2020/QĐ-UBND (ngày …) của Ủy ban nhân dân tỉnh …": the sentence names the issuer itself
ISSUER_FOLLOWS = re.compile(r"\s*,?\s+(?:ngày\s+\d[\d/.-]*(?:\s+tháng\s+\d+\s+năm\s+\d+)?\s*,?\s+)?(?:của|do)\s")


def issuer_follows(m: re.Match[str]) -> bool:
    return bool(ISSUER_FOLLOWS.match(m.string, m.end()))


def read_symbol(number: str, year: str | None, suffix: str, reader: Reader, issuer: bool = True) -> str:
    parts = [p.strip() for p in suffix.split("-")]
    typed = len(parts) > 1 and parts[0].upper() in _TYPES_ANY_CASE
    issuers = parts[1:] if typed else parts
    words = reader.number(number)
    if year:
        words += f" năm {reader.number(year)}"
    if not issuer:
        return words
    return words + " của " + " và ".join(issuer_words(code, reader) for code in issuers)


def document_symbol(m: re.Match[str], r: Reader) -> str:
    suffix = m["suffix"]
    parts = [p.strip() for p in suffix.split("-")]
    if not suffix[:1].isupper() or " " in suffix:
        # typed carelessly ("12/2019/tt-bct", "NQ- HĐND"): read it only if every code is known
        if not all(p.upper() in _TYPES_ANY_CASE or _known_code(p) for p in parts):
            return m.group(0)
    return read_symbol(m["num"], m["year"], suffix, r, issuer=not issuer_follows(m))


def standard(m: re.Match[str], r: Reader) -> str:
    """`QCVN 01:2021/BXD` → quy chuẩn Việt Nam không một năm hai nghìn không trăm hai mươi mốt của Bộ Xây dựng."""
    words = [ABBREVIATIONS[m["kind"].upper()]]
    for part in m["num"].split("-"):
        words.append(read_digits(part) if part.startswith("0") else r.number(part))
    if m["year"]:
        words.append(f"năm {r.number(m['year'])}")
    if m["issuer"]:
        words.append("của " + " và ".join(issuer_words(c, r) for c in m["issuer"].split("-")))
    return " ".join(words)


def party_symbol(m: re.Match[str], r: Reader) -> str:
    """ "52-CT/TW" → năm mươi hai của Trung ương: a party document's number and the body that issued it."""
    return r.number(m["num"]) if issuer_follows(m) else f"{r.number(m['num'])} của {PARTY_BODIES[m['body']]}"


def licence_classes(m: re.Match[str], r: Reader) -> str:
    """ "hạng A1, A, B1" → "hạng a một, a, bê một": every class code spelled the same way, a lone letter too."""
    return m["lead"] + re.sub(r"[A-Z]{1,3}\d?[A-Z]?", lambda code: spell(code[0]), m["codes"])


_LETTERS_OR_DIGITS = re.compile(r"([A-Z]+)|(\d+(?:\.\d+)?)")


def letters_and_digits(m: re.Match[str], r: Reader) -> str:
    """`PM2.5` → pê em hai phẩy năm, `CO2` → xê ô hai, `H5N1` → hát năm en một."""
    words = []
    for letters, digits in _LETTERS_OR_DIGITS.findall(m.group(0)):
        words.append(spell(letters) if letters else r.number(digits.replace(".", ",")))
    return " ".join(words)


def abbreviation(m: re.Match[str], r: Reader) -> str:
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
