"""A point that opens with a bare benefit, said with the holder its lead names.

"Từ ngày …, người nghỉ hưởng … trước ngày 01 tháng 01 năm 1995, sau khi điều chỉnh, có mức hưởng thấp hơn 3.800.000
đồng/tháng thì được điều chỉnh như sau:" then "a) Tăng thêm 300.000 đồng/người/tháng đối với những người có mức hưởng
bằng hoặc thấp hơn 3.500.000 đồng/người/tháng;". The point alone gives an amount to no one (``scripts.bare_benefit``);
the lead names who, and when. One sentence says both: "Từ ngày …, người nghỉ hưởng trước ngày 01 tháng 01 năm 1995,
sau khi điều chỉnh, có mức hưởng bằng hoặc thấp hơn 3.500.000 đồng/người/tháng thì được tăng thêm 300.000 …".

The lead's reference to the group ("… theo quy định tại khoản 2 Điều 1 …") is resolved by
``scripts.references.who_is_meant`` before it gets here; a lead that still names no one gives nothing, and the point
stays what it was.
"""

from __future__ import annotations

import re

from scripts.bare_benefit import BARE_BENEFIT, THOSE
from scripts.sentences import HARD_MAX_WORDS, capfirst, flat, lead_phrase, listenable, strip_noise, words

# "[Từ ngày …, ]<holder>[, sau khi …][, có …] thì được <verb>": who the lead gives to, under which conditions
LEAD = re.compile(
    r"^(?P<when>(?:Từ|Kể từ) ngày [^,]{6,40},\s+)?"
    r"(?P<who>(?:[Nn]gười|[Hh]ộ|[Cc]ác đối tượng|[Đđ]ối tượng|[Tt]rẻ em|[Hh]ọc sinh|[Dd]ân quân|[Tt]hân nhân)\s.+?)"
    r"(?P<conds>(?:,\s+(?:sau khi|khi|nếu|có|mà|còn)\s[^,]+?)*)"
    r",?\s+(?:thì\s+)?được\s+(?P<verb>\S+(?:\s\S+)?)$"
)
# The kinds a group received under before its date ("nghỉ hưởng lương hưu, trợ cấp … trước ngày …"), said short
# when the sentence is too long: the date is what sets the group apart
KINDS_BEFORE_DATE = re.compile(r"\b(?P<verb>hưởng)\s+[^()]+?\s+(?=(?:trước|từ|sau)\s+ngày\s+\d)")
MEASURE = re.compile(r"^có\s+(?P<measure>\S+\s+\S+)")  # "có mức hưởng …": what a condition measures


def with_holder(lead: str, point: str, whole: str = "") -> str | None:
    """The point said as its lead's holder receiving it; None when the point is no bare benefit or the lead
    names no holder that receives ("… thì được …"). `whole` is the document's text: a lead's start date that is the
    day the document enters into force may go when the sentence is too long (the script says that day already)."""
    body = flat(strip_noise(point)).rstrip(" .;")
    if not (b := BARE_BENEFIT.match(body)) or not (m := LEAD.match(lead_phrase(lead))):
        return None
    what, narrowed = b["what"], ""
    if those := THOSE.search(what):
        what, narrowed = what[: those.start()], those["cond"]
    conds = [c.strip() for c in re.split(r",\s+", m["conds"]) if c.strip()]
    if measure := MEASURE.match(narrowed):  # the point's own bound on the same measure narrows the lead's: said once
        conds = [c for c in conds if not c.startswith(f"có {measure['measure']}")]
    verb = "" if b["verb"] == "Được" else f"{b['verb'].lower()} "
    when, short = m["when"] or "", KINDS_BEFORE_DATE.sub(r"\g<verb> ", m["who"])
    tries = [(when, m["who"]), (when, short)] + ([("", short)] if when and _in_force(when, whole) else [])
    for start, who in tries:
        said = _sentence(start, who, conds, narrowed, f"{verb}{what}")
        if words(said) <= HARD_MAX_WORDS and listenable(said):
            return said
    return None


def _in_force(when: str, whole: str) -> bool:
    """ "Từ ngày 01 tháng 7 năm 2026, " is the day "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026"."""
    day = re.sub(r"^(?:Từ|Kể từ)\s+|,\s*$", "", when)
    return bool(re.search(rf"có hiệu lực(?: thi hành)?(?: kể)? từ {re.escape(day)}", whole))


def _sentence(when: str, who: str, conds: list[str], narrowed: str, benefit: str) -> str:
    """ "Từ ngày …, người …, sau khi …, có mức hưởng … thì được tăng thêm …." """
    held = ", ".join([who, *conds])
    if narrowed:
        held = f"{held}, {narrowed}" if conds else f"{held} {narrowed}"
    link = "thì được" if conds or narrowed else "được"
    return capfirst(f"{when}{held} {link} {benefit}.")
