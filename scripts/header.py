"""The header of a Vietnamese legal document: issuer block, type heading and title.

Headers come in capitals ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "QUYẾT ĐỊNH VỀ …"); these
functions find each part and give it its proper casing, taken from the body where it can be.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from scripts.errors import DocumentError
from scripts.relations import SYMBOL_RE
from scripts.vocab import DOC_TYPE_CODES, HEADER_ISSUERS, ISSUER_CODES

PREAMBLE_RE = re.compile(r"^(Căn cứ|Theo đề nghị|Xét|Trên cơ sở|Sau khi xem xét|Thực hiện)\b")
ARTICLE_RE = re.compile(r"^Điều\s+(\d+[a-zđ]?)\.\s*(.*)$")
PLACE_DATE_RE = re.compile(
    r"(?<![\w-])(?P<place>(?:TP\.\s*)?[A-ZĐÀ-Ỹ][a-zà-ỹđ]*(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]*){0,4}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
TYPE_NAMES = (
    "Bộ luật",
    "Hiến pháp",
    "Luật",
    "Pháp lệnh",
    "Lệnh",
    "Nghị định",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Thông tư liên tịch",
    "Thông tư",
    "Quyết định",
    "Chỉ thị",
    "Kế hoạch",
    "Công điện",
)
TYPE_HEADING_RE = re.compile(
    r"^(?P<type>" + "|".join(sorted((t.upper() for t in TYPE_NAMES), key=len, reverse=True)) + r")\b(?P<rest>.*)$"
)


def _title_case_place(caps: str) -> str:
    return " ".join(w[:1] + w[1:].lower() for w in caps.split())


def _sentence_case(caps: str) -> str:
    lower = caps.lower()
    return lower[:1].upper() + lower[1:]


def _org_case(caps: str) -> str:
    """Unknown organisation in capitals: "SỞ TƯ PHÁP" → "Sở Tư pháp"."""
    words = caps.lower().split()
    return " ".join(w.capitalize() if i < 2 else w for i, w in enumerate(words))


def _issuer_from_caps(caps: str) -> str:
    caps = " ".join(caps.split())
    for known in sorted(HEADER_ISSUERS, key=len, reverse=True):
        if caps.startswith(known):
            rest = caps[len(known) :].strip()
            return HEADER_ISSUERS[known] + (" " + _place_case(rest) if rest else "")
    return _org_case(caps)


def _place_case(caps: str) -> str:
    match = re.match(r"(TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ)\s+(.*)", caps)
    if match:
        return f"{match.group(1).lower()} {_title_case_place(match.group(2))}"
    return _title_case_place(caps)


FIRST_TASK_RE = re.compile(
    r"^1\.(?:\s+\S|$)|^I[./-]\s*[A-ZĐÀ-Ỹ]"
)  # a directive's first task ("1. …", or "1." on a line of its own) or section ("I. NHIỆM VỤ"): the body has begun


def header_lines(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if PREAMBLE_RE.match(line) and not _titled(lines, i) or ARTICLE_RE.match(line) or FIRST_TASK_RE.match(line):
            return lines[:i]
    return lines[:40]


def _titled(lines: list[str], i: int) -> bool:
    """ "KẾ HOẠCH" then "Thực hiện Chương trình … năm 2031": the line right under a bare type heading is the plan's
    title, not its preamble ("Thực hiện Nghị quyết số …, Ủy ban … ban hành Kế hoạch …" comes after the title)."""
    prev = next((x for x in reversed(lines[:i]) if x.strip()), "")
    return lines[i].startswith("Thực hiện") and bool((m := TYPE_HEADING_RE.match(prev.strip())) and not m["rest"].strip())


ADDRESS_START = ("-", "+", "Kính gửi", "Nơi nhận")


def prose_start(lines: list[str]) -> int:
    """Where running text begins in what looks like the header, or ``len(lines)``.

    A Chỉ thị, Kế hoạch or Công điện gives its reasons ("Theo dự báo …, mưa 200-400 mm …") between the
    title and task 1.: that is running text, not the title's continuation. It starts at the first line of
    ten words or more in mixed case after the title has ended (a blank line after the title's lines),
    that is not an addressee ("- Chủ tịch …", "Kính gửi …") nor the enacting formula ("… điện:").
    """
    type_line = next((i for i, line in enumerate(lines) if TYPE_HEADING_RE.match(line)), None)
    if type_line is None:
        return len(lines)
    i = type_line + 1
    while i < len(lines) and not lines[i]:
        i += 1
    while i < len(lines) and lines[i]:  # the title's own lines, up to a blank line, the enacting formula or an addressee
        if ENACTING_RE.search(lines[i]) or lines[i].strip().startswith(ADDRESS_START):
            break  # a copy without blank lines: "Về việc …" then "CHỦ TỊCH … điện:" on the next line
        i += 1
    for j in range(i, len(lines)):
        line = lines[j].strip()
        if len(line.split()) >= 10 and not line.isupper() and not line.startswith(ADDRESS_START) and not ENACTING_RE.search(line):
            return j
    return len(lines)


ENACTING_RE = re.compile(r"\s*\bđiện:\s*$")  # "THỦ TƯỚNG CHÍNH PHỦ điện:": the Công điện's enacting formula


def issuer_of(header: list[str], number: str, place: str | None, text: str) -> str:
    org_lines: list[str] = []
    for line in header:
        if line.startswith(("CỘNG HÒA", "CỘNG HOÀ", "Độc lập", "Số", "VĂN BẢN")) or SYMBOL_RE.search(line):
            if org_lines:
                break
            continue
        if TYPE_HEADING_RE.match(line) or PLACE_DATE_RE.search(line):
            break
        if line.isupper():
            if line not in org_lines:
                org_lines.append(line)
        elif org_lines:
            break
    caps = " ".join(org_lines)
    code = number.rsplit("-", 1)[-1] if "-" in number else number.rsplit("/", 1)[-1]
    code_name = ISSUER_CODES.get(re.sub(r"\d+$", "", code))
    if caps and any(caps.startswith(k) for k in HEADER_ISSUERS):
        return _issuer_from_caps(caps)
    if code_name and code_name in ("Ủy ban nhân dân", "Hội đồng nhân dân"):
        unit = _place_case(caps) if caps else _place_unit(place, text)
        return f"{code_name} {unit}".strip()
    if caps:
        return _issuer_from_caps(caps)
    if code_name:
        return code_name
    raise DocumentError(f"cannot tell who issued {number}: no issuer block in the header")


def _place_unit(place: str | None, text: str) -> str:
    if not place:
        return ""
    match = re.search(rf"\b(tỉnh|thành phố|Thành phố|TỈNH|THÀNH PHỐ)\s+{re.escape(place)}", text)
    return f"{match.group(1).lower()} {place}" if match else place


def doc_type_of(header: list[str], number: str, text: str) -> tuple[str, int | None]:
    for i, line in enumerate(header):
        match = TYPE_HEADING_RE.match(line)
        if match and (not match["rest"] or match["rest"].strip().isupper() or not match["rest"].strip()):
            name = next(t for t in TYPE_NAMES if t.upper() == match["type"])
            return name, i
    suffix = number.split("/")[-1]
    code = suffix.split("-")[0]
    if code in DOC_TYPE_CODES and "-" in suffix:
        return DOC_TYPE_CODES[code], None
    return ("Luật" if re.search(r"ban hành Luật", text) else "Nghị quyết"), None


def title_of(header: list[str], type_line: int | None, doc_type: str, issuer: str, text: str) -> str:
    if type_line is None:
        return ""
    parts = [TYPE_HEADING_RE.match(header[type_line])["rest"].strip()]  # type: ignore[index]
    for line in header[type_line + 1 :]:
        if not line:
            if any(parts):
                break
            continue
        first = next((p for p in parts if p), None)
        if line.startswith(ADDRESS_START) or (ENACTING_RE.search(line) and any(parts) and len(line.split()) <= 8):
            break
        if line.upper() == issuer.upper() or (first is not None and first.isupper() != line.isupper()):
            break
        parts.append(line)
    title = ENACTING_RE.sub("", " ".join(p for p in parts if p)).strip()  # the formula run onto the title's line
    title = re.sub(r"^V/V\b\.?", "VỀ VIỆC", title, flags=re.IGNORECASE)  # "V/v" is written, "về việc" is said
    # The enacting line ("THỦ TƯỚNG CHÍNH PHỦ") run onto the title's last line is cut off; a title
    # that names the issuer itself ("… của Thủ tướng Chính phủ") keeps it.
    tail = re.search(r"(\S+)\s+" + re.escape(issuer.upper()) + r"$", title)
    if tail and tail.group(1).upper() not in ("CỦA", "CHO", "VỚI", "VÀ", "TẠI", "THUỘC", "BỞI", "DO"):
        title = title[: tail.start(1) + len(tail.group(1))]
    if doc_type in ("Luật", "Bộ luật", "Pháp lệnh") and title:
        title = f"{doc_type.upper()} {title}"
    return _recase_title(title, doc_type, text)


def _recase_title(title: str, doc_type: str, text: str) -> str:
    """Take the title's proper casing from the preamble ("… ban hành Nghị định …")."""
    if not title:
        return title
    if not title.isupper():
        return title
    flat = " ".join(text.split())
    if (lead := re.match(r"VỀ(?: VIỆC)? (?=\S)", title)) and (found := _recase_title(title[lead.end() :], doc_type, text)):
        if found != _sentence_case(title[lead.end() :]):  # the preamble says it without "về việc"
            return lead[0].capitalize() + found[:1].lower() + found[1:]
    key = re.escape(" ".join(title.split())).replace(r"\ ", r"\s+").replace(r"\-", r"\-\s*")  # "TT- BYT"
    match = re.search(key, flat, re.IGNORECASE)
    candidates = [m for m in re.finditer(key, flat, re.IGNORECASE) if not m.group(0).isupper()]
    if candidates:
        found = re.sub(r"(?<=[A-ZĐ])-\s+(?=[A-ZĐ])", "-", candidates[0].group(0))  # "TT- BYT"
        if doc_type in ("Luật", "Bộ luật", "Pháp lệnh"):
            return found
        return found[:1].upper() + found[1:]
    del match
    return _restore_codes(_restore_proper_nouns(_sentence_case(title), flat), flat)


CODE = re.compile(r"(?<!\w)(?:\w+[/-])+\w+(?!\w)|(?<=khóa )[ivxlc]+\b|(?<=khoá )[ivxlc]+\b")


def _restore_codes(title: str, text: str) -> str:
    """Symbols and numerals as the body writes them: "31/2015/tt-byt" → "31/2015/TT-BYT", "khóa xvi" → "khóa XVI"."""

    def written(m: re.Match[str]) -> str:
        key = re.escape(m[0]).replace(r"\-", r"-\s*")
        found = re.search(rf"(?<!\w){key}(?!\w)", text, re.IGNORECASE)
        return re.sub(r"-\s+", "-", found[0]) if found and found[0] != found[0].lower() else m[0]

    return CODE.sub(written, title)


def _restore_proper_nouns(title: str, text: str) -> str:
    """Capitalise names the body writes with every word capitalised mid-sentence ("Quảng Trị")."""
    words = text.split()
    names: set[str] = set()
    run: list[str] = []
    for prev, word in zip(words, words[1:]):
        bare = word.strip(',.;:()“”"')
        if bare[:1].isupper() and not bare.isupper() and (run or (prev[:1].islower() and not prev.endswith("."))):
            run.append(bare)
            continue
        if len(run) >= 2:
            names.add(" ".join(run))
        run = []
    for name in sorted(names, key=len, reverse=True):
        title = re.sub(rf"(?<!\w){re.escape(name.lower())}(?!\w)", name, title)
    return title


def title_from_preamble(preamble: list[str], doc_type: str) -> str:
    for line in preamble:
        if m := re.search(rf"ban hành {doc_type}\s+(.*?)\.?$", line):
            return m.group(1)[:1].upper() + m.group(1)[1:]
    return ""


HEADER_FIELDS = ("number", "doc_type", "issuer", "title", "issued_on", "effective_on")


def header_json(doc: Any) -> dict[str, Any]:
    """The header of a parsed `LegalDocument` or of the stored row as every JSON output gives it
    (`draft --json`, /api/documents/…): `doc_type` named "type", dates in ISO 8601 or null."""
    out = {}
    for name in HEADER_FIELDS:
        value = getattr(doc, name)
        out["type" if name == "doc_type" else name] = value.isoformat() if isinstance(value, date) else value
    return out
