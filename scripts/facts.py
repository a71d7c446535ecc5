"""Protect editors from their own edits: figures an edit brings in, and what changed per sentence.

An editor who retypes "300.000 đồng" as "3.000.000 đồng" must see at once that the source does
not say so; an approver must see what changed since the last version, sentence by sentence.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.I)
DATE_DIGITS = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?\b(?![.,]\d)")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|phần trăm)")


def _dates(text: str) -> set[tuple[int, int, int | None]]:
    found: set[tuple[int, int, int | None]] = set()
    for pattern in (DATE_WORDS, DATE_DIGITS):
        for d, m, y in pattern.findall(text):
            if 1 <= int(d) <= 31 and 1 <= int(m) <= 12:
                found.add((int(d), int(m), int(y) if y else None))
    return found


def _numbers(text: str) -> set[str]:
    """Every number, written without thousands dots or leading zeros ("01" = "1", "300.000" = "300000")."""
    out = set()
    for raw in NUMBER.findall(text):
        value = raw.replace(".", "") if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw) else raw
        out.add(value.lstrip("0") or "0")
    return out


def unsupported(sentence: str, source_text: str) -> list[str]:
    """Numbers and dates in `sentence` that the source does not contain, as written in the sentence.

    A date counts when the source has the same day and month (and year, if the sentence gives one),
    in words or in digits; any other number counts when the source has the same value.
    """
    source_numbers = _numbers(source_text)
    source_dates = _dates(source_text)
    missing: list[str] = []
    consumed: list[tuple[int, int]] = []
    for pattern in (DATE_WORDS, DATE_DIGITS):
        for m in pattern.finditer(sentence):
            if any(s <= m.start() < e for s, e in consumed):
                continue
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                continue
            consumed.append(m.span())
            if not any(sd == d and sm == mo and (y is None or sy in (y, None)) for sd, sm, sy in source_dates):
                missing.append(m.group(0))
    percents = {p.replace(".", ",") for p in PERCENT.findall(source_text)}
    for m in PERCENT.finditer(sentence):
        consumed.append(m.span())
        if m.group(1).replace(".", ",") not in percents:
            missing.append(m.group(1))
    for m in NUMBER.finditer(sentence):
        if any(s <= m.start() < e for s, e in consumed):
            continue
        if not _numbers(m.group(0)) <= source_numbers:
            missing.append(m.group(0))
    return missing


@dataclass(frozen=True, slots=True)
class SentenceChange:
    """One step of a per-sentence diff: "same", "changed", "added" or "removed"."""

    kind: str
    old: str | None
    new: str | None


def diff_sentences(old: list[str], new: list[str]) -> list[SentenceChange]:
    """What changed between two versions of a script, sentence by sentence, in reading order."""
    out: list[SentenceChange] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(SentenceChange("same", s, s) for s in old[i1:i2])
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        out.extend(SentenceChange("changed", old[i1 + k], new[j1 + k]) for k in range(pairs))
        out.extend(SentenceChange("removed", s, None) for s in old[i1 + pairs : i2])
        out.extend(SentenceChange("added", None, s) for s in new[j1 + pairs : j2])
    return out
