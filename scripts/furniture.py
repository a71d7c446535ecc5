"""What in a document's text is not the document: gazette running headers, page numbers,
digital-signature stamps, the "Nơi nhận" distribution list and signature blocks; and a test
for text whose syllables an extractor broke apart ("Ngư ời đang hư ởng").

A bulletin must never read furniture aloud, and a broken extraction must be loud, not aired.
"""

from __future__ import annotations

import re
import unicodedata

RUNNING_HEADER = re.compile(r"^\s*(?:\d{1,4}\s+)?CÔNG\s+BÁO\s*/\s*Số\s*[\d+\s]+?/\s*Ngày\s*[\d-]+(?:\s+\d{1,4})?\s*$", re.I)
PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$")
GAZETTE_SECTION = re.compile(r"^\s*VĂN BẢN (?:QUY PHẠM PHÁP LUẬT|HỢP NHẤT|KHÁC|PHÁP LUẬT KHÁC)\s*$")
DIGITAL_SIGNATURE = re.compile(
    r"^\s*(?:Ký bởi|Cơ quan|Ngày ký|Thời gian ký|Email|Người ký|Signature Not Verified|Digitally signed)\b.*$", re.I
)
RECIPIENTS = re.compile(r"^\s*Nơi nhận\s*:?", re.I)
RECIPIENT_LINE = re.compile(r"^\s*(?:[-+•–]\s*|Lưu\s*:|\d)")
SIGNING_FOR = re.compile(r"^(?:TM|KT|Q|TL|TUQ|PP)\.(?:\s|$)")
SIGNING_TITLE = re.compile(
    r"^(?:PHÓ\s+|QUYỀN\s+)?(?:CHỦ TỊCH(?: QUỐC HỘI| NƯỚC)?|THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ NHIỆM|"
    r"TỔNG THƯ KÝ|(?:TỔNG )?GIÁM ĐỐC|CHÁNH ÁN|VIỆN TRƯỞNG|THỐNG ĐỐC|TRƯỞNG BAN|TỔNG KIỂM TOÁN|CHÁNH VĂN PHÒNG)$"
)
SIGNED_NOTE = re.compile(r"^\(?\s*(?:Đã ký|đã ký|Ký tên|ký tên)[^)]*\)?$")
STAMP_REMNANT = re.compile(r"^[^\w]{1,3}$")  # "[", "]", "(*)": what is left of a seal or signature image
PERSON_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")


def strip_page_numbers(page: list[str]) -> list[str]:
    """Drop a bare number that is a page's first or last line (a table cell stays: it is inside)."""
    page = [line for line in page if not RUNNING_HEADER.match(line.strip())]
    filled = [i for i, line in enumerate(page) if line.strip()]
    ends = {filled[0], filled[-1]} if filled else set()
    return [line for i, line in enumerate(page) if not (i in ends and PAGE_NUMBER.match(line))]


ROW_LABEL = re.compile(r"^\s*(?:\d{1,3}|[a-zđ])\s*$")


def join_row_labels(lines: list[str]) -> list[str]:
    """Glue a table row's number or letter, printed alone on its line ("8", "g"), onto the row's
    first cell on the next line: it is the row's label, not a page number or stray letter."""
    out: list[str] = []
    pending = ""
    for line in lines:
        if pending:
            if line.strip()[:1].isupper():
                out.append(f"{pending} {line.strip()}")
                pending = ""
                continue
            out.append(pending)
            pending = ""
        if ROW_LABEL.match(line):
            pending = line.strip()
            continue
        out.append(line)
    if pending:
        out.append(pending)
    return out


def strip_furniture(lines: list[str]) -> list[str]:
    """Drop gazette headers, signature stamps, recipients and signature blocks.

    A signature block is a "TM./KT./…" line or a bare signing title in capitals, the capital
    lines under it, "(Đã ký)" and the signer's name; the text after it (appendices) is kept.
    """
    out: list[str] = []
    in_recipients = False
    in_signature = False
    for line in lines:
        bare = line.strip()
        if RUNNING_HEADER.match(bare) or GAZETTE_SECTION.match(bare) or DIGITAL_SIGNATURE.match(bare):
            continue
        if RECIPIENTS.match(bare):
            in_recipients, in_signature = True, False
            continue
        if in_recipients:
            if not bare or RECIPIENT_LINE.match(bare) or bare[:1].islower():
                continue
            in_recipients = False
        if SIGNING_FOR.match(bare) or SIGNING_TITLE.match(bare):
            in_signature = True
            continue
        if in_signature:
            if not bare or SIGNED_NOTE.match(bare) or STAMP_REMNANT.match(bare) or (bare.isupper() and len(bare.split()) <= 8):
                continue
            in_signature = False
            if PERSON_NAME.match(bare):
                continue
        out.append(line)
    return out


# A written Vietnamese syllable, its tone marks and vowel hats removed (onset, vowels, final).
_SYLLABLE = re.compile(r"(?:ngh|ng|ch|gh|gi|kh|nh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_HAS_VOWEL = re.compile(r"[aeiouy]", re.I)


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# The first and second vowel of "ươ", "uô", "iê", "yê": a word ends on the first only when cut.
_DIPHTHONG_SPLITS = {("ư", "ơ"), ("u", "ô"), ("i", "ê"), ("y", "ê")}
# Words that start on the second vowel of such a pair and stand alone: "trật tự ở cơ sở", "cảm ơn".
_WHOLE_WORDS = {"ở", "ơn", "ớt", "ông", "ổn", "ốm", "ốc", "ống", "ồn", "êm"}


def _hats(letter: str) -> str:
    """`ờ` → `ơ`: the tone mark removed, the vowel's hat or horn kept."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", letter) if c not in _TONES))


def skeleton(word: str) -> str:
    """`Người` → `Nguoi`: tone marks and vowel hats removed, đ → d."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


def broken_syllables(text: str, limit: int | None = 20) -> list[str]:
    """Fragments that look like one Vietnamese syllable cut in two ("Ngư ời", "c ứ", "Ngh ị").

    A pair is suspect when the two pieces together spell one syllable while the first piece
    has no vowel (a bare onset), or the second starts with a Vietnamese-only vowel and the first
    ends in one ("ư ờ"): real neighbouring words almost never do either.
    """
    words = _WORD.findall(text)
    found: list[str] = []
    for first, second in zip(words, words[1:]):
        if limit is not None and len(found) >= limit:
            break
        if second[0] < "\x80" or (first.isupper() and len(first) > 1):
            continue  # both cuts leave a marked vowel first; "UBND", "NĐ" are abbreviations
        if not _SYLLABLE.fullmatch(skeleton(first + second)):
            continue
        bare_onset = (
            not _HAS_VOWEL.search(skeleton(first))
            and not (first.islower() and second[:1].isupper())  # "b) Ủy ban": a point label
        )
        split_vowel = (
            second[:1].islower()
            and second not in _WHOLE_WORDS
            and (_hats(first[-1:].lower()), _hats(second[:1])) in _DIPHTHONG_SPLITS
        )
        if bare_onset or split_vowel:
            found.append(f"{first} {second}")
    return found


def is_broken(text: str) -> bool:
    """Whether an extraction broke syllables apart: several suspects, not one odd pair."""
    suspects = broken_syllables(text, limit=None)
    words = max(1, len(_WORD.findall(text)))
    return len(suspects) >= 5 and len(suspects) / words > 0.002
