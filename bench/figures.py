"""Figures of a provision that its pool sentences no longer say, or say changed, counted per part and per step.

For every candidate of ``scripts.choice.build_pool`` the sentence of its source quote it speaks for is found
(most words shared), and the figures of that sentence (amounts of money, percentages, dates, a month of a year,
a year, numbers with a unit: ngày, tháng, tuổi, năm, giờ, km, ha, …) are looked for in what the candidates of that
sentence say. A figure none of them says is:

- ``changed`` when its number is still said without its unit or as another figure of its kind the quote does not
  hold ("01 tỷ đồng" said "1 đồng", "50%" said "50", a date said with another day);
- ``lost`` otherwise.

The step responsible is the first traced rewrite (``condense``, ``shorten``, ``who_is_meant``, ``dated``,
``with_groups`` …) whose input held the figure and whose output, a sentence that is still said, did not.
Only counts are returned for the unseen and fresh parts; ``show()`` prints the rules part's losses.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import scripts.choice
import scripts.selection
import scripts.sentences
import scripts.units
from scripts.choice import build_pool
from scripts.legal import LegalDocument
from scripts.selection import Candidate
from scripts.sentences import CLAUSE_BOUNDARY, SENTENCE_SPLIT, flat

Figure = tuple[str, str]  # (kind, canonical value): ("money", "1000000000"), ("date", "2025-07-01"), ("qty", "5 năm")

SCALE = {"tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}
UNITS = r"ngày|tháng|tuổi|năm|giờ|phút|km|ha|m2|m3|mét|kg|tấn|lần"
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|\b(\d{1,2})/(\d{1,2})/(\d{4})\b")),
    ("month", re.compile(r"tháng\s+(\d{1,2})(?:\s+năm\s+|/)(\d{4})\b")),
    ("pct", re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|phần trăm)")),
    ("money", re.compile(r"(\d[\d.,]*)\s*(tỷ|tỉ|triệu|nghìn|ngàn)?\s*đồng(?!\s+thời)|(\d[\d.,]*)\s*(tỷ|tỉ|triệu)\b")),
    ("year", re.compile(r"\bnăm\s+(\d{4})\b")),
    ("qty", re.compile(rf"(\d+(?:[.,]\d+)?)\s*({UNITS})\b")),
)


def _number(text: str, scale: str | None = None) -> str:
    """ "01" → "1", "4.680.000" → "4680000", "1,5" with "triệu" → "1500000"."""
    if scale:
        value = float(text.replace(".", "").replace(",", ".")) * SCALE[scale]
    elif "," in text and "." not in text and len(text.split(",")[-1]) != 3:
        value = float(text.replace(",", "."))
    else:
        value = float(text.replace(".", "").replace(",", ""))
    return str(int(value)) if value == int(value) else str(value)


def figures(text: str) -> list[Figure]:
    """The figures a sentence gives, each once, in canonical form."""
    return [f for f, _ in spans(text)]


REFERENCE = re.compile(
    r"(?:\b(?:số|Số)\s+[\w/.-]*\d[\w/.-]*|\d+/\d{4}/[\wĐđ-]+|(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp)\b[^,;.()]{0,80})\s*(?:ngày\s+)?$"
)


def spans(text: str) -> list[tuple[Figure, bool]]:
    """Each figure once, with whether it only dates a cited document ("Nghị định số 33/2016/NĐ-CP ngày …")."""
    out: list[tuple[Figure, bool]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            g = [x for x in m.groups()]
            try:
                if kind == "date":
                    d, mo, y = g[:3] if g[0] else g[3:]
                    value = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
                elif kind == "month":
                    value = f"{int(g[1]):04d}-{int(g[0]):02d}"
                elif kind == "pct":
                    value = _number(g[0])
                elif kind == "money":
                    value = _number(g[0], g[1]) if g[0] else _number(g[2], g[3])
                elif kind == "year":
                    value = g[0]
                else:
                    value = f"{_number(g[0])} {g[1]}"
            except (ValueError, TypeError):
                continue
            cited = kind in ("date", "year") and bool(REFERENCE.search(text[max(0, m.start() - 120) : m.start()]))
            if (kind, value) not in [f for f, _ in out]:
                out.append(((kind, value), cited))
        text = pattern.sub(lambda m: " " * len(m[0]), text)  # a date's "7 năm 2025" is no quantity
    return out


def bare_numbers(text: str) -> set[str]:
    """Numbers said without a unit: what is left once every figure and "50 cm3", "04 kW" are taken out."""
    for _, pattern in PATTERNS:
        text = pattern.sub(" ", text)
    text = re.sub(r"\d[\d.,]*\s*[a-zA-Z]+\d*", " ", text)
    return {n.lstrip("0") or "0" for n in re.findall(r"\d+", text.replace(".", ""))}


def _digits(figure: Figure) -> set[str]:
    return {n.lstrip("0") or "0" for n in re.findall(r"\d+", figure[1].split(" ")[0].replace("-", " "))}


def fate(figure: Figure, said: str, quote_figures: list[Figure], document: str = "") -> str:
    """ "kept", "changed" or "lost": what became of one figure of the source in what is said."""
    found = figures(said)
    if figure in found:
        return "kept"
    if figure[0] in ("date", "month", "year") and any(f[0] == "date" and f[1].startswith(figure[1]) for f in found):
        return "kept"  # "năm 2025" said within "ngày 01 tháng 7 năm 2025"
    if any(f[0] == figure[0] and f not in quote_figures and f not in figures(document) for f in found):
        return "changed"  # a figure of its kind the document never gives
    if figure[0] != "year" and _digits(figure) and _digits(figure) <= bare_numbers(said) and figure[0] in ("pct", "money", "qty"):
        return "changed"  # its number still said, its unit not: "50%" → "50", "01 tỷ đồng" → "1"
    return "lost"


def _overlap(a: str, b: str) -> float:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, len(wa))


def _jaccard(a: str, b: str) -> float:
    wa, wb = set(a.lower().strip(".;").split()), set(b.lower().strip(".;").split())
    return len(wa & wb) / max(1, len(wa | wb))


def source_sentence(cand: Candidate) -> str:
    """The sentence (or part of one between semicolons) of the candidate's quote it speaks for: the one sharing
    most words with it. A part no candidate speaks for was dropped whole, which is not counted here."""
    sentences = [
        p for s in SENTENCE_SPLIT.split(flat(cand.source.quote)) for p in CLAUSE_BOUNDARY.split(s) if p.strip(" ;.")
    ] or [cand.source.quote]
    return max(sentences, key=lambda s: _jaccard(cand.text, s))


# the rewrites between a quote and what is said, innermost first: the first to drop a figure is blamed
TRACED: tuple[tuple[Any, str], ...] = (
    (scripts.sentences, "condense"),
    (scripts.sentences, "with_condition"),
    (scripts.sentences, "shorten"),
    (scripts.sentences, "_with_period"),
    (scripts.sentences, "instead_of"),
    (scripts.sentences, "also"),
    (scripts.sentences, "raised_with_base"),
    (scripts.units, "split_units"),
    (scripts.units, "with_lead"),
    (scripts.units, "with_holder"),
    (scripts.selection, "who_is_meant"),
    (scripts.choice, "as_state_act"),
    (scripts.choice, "dated"),
    (scripts.choice, "mended"),
    (scripts.choice, "adjusted"),
    (scripts.choice, "with_phase"),
    (scripts.choice, "with_groups"),
)
Event = tuple[str, str, list[str]]  # (step, input text, output texts)


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Candidate):
        return [value.text]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _texts(v)]
    return []


@contextmanager
def traced(events: list[Event]) -> Iterator[None]:
    """Record every traced rewrite's input and output while the pool is built."""
    saved = [(module, name, getattr(module, name)) for module, name in TRACED]

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def inner(*args: Any, **kwargs: Any) -> Any:
            out = fn(*args, **kwargs)
            first = next((a for a in args if isinstance(a, str | Candidate)), None)
            if first is not None:
                events.append((name, _texts(first)[0], _texts(out)))
            return out

        return inner

    for module, name, fn in saved:
        setattr(module, name, wrap(name, fn))
    try:
        yield
    finally:
        for module, name, fn in saved:
            setattr(module, name, fn)


def blame(figure: Figure, said: list[str], events: list[Event]) -> str:
    """The first traced rewrite that took the figure out of a text that is still (part of) what is said."""
    for step, before, after in events:
        if figure not in figures(before) or not after:
            continue
        if any(figure in figures(a) for a in after):
            continue
        if any(_overlap(a, s) >= 0.6 for a in after if a for s in said):
            return step
    return "unit building (leads, notions, rows)"


def measure(doc: LegalDocument) -> tuple[Counter[str], list[tuple[str, Figure, str, str, list[str]]]]:
    """Counts of kept / lost / changed figures by kind and step, and each loss (fate, figure, step, sentence, said)."""
    events: list[Event] = []
    with traced(events):
        pool = build_pool(doc)
    groups: dict[tuple[Any, ...], list[Candidate]] = {}
    quotes: dict[tuple[Any, ...], list[str]] = {}
    for cand in pool:
        source = cand.source
        where = (source.article, source.clause, source.point, source.quote)
        groups.setdefault((*where, source_sentence(cand)), []).append(cand)
        quotes.setdefault(where, []).extend([cand.text, *cand.follow])  # its follow-ons say its figures too
    counts: Counter[str] = Counter()
    losses = []
    whole = flat(doc.text)
    for key, cands in groups.items():
        sentence = key[-1]
        said = quotes[key[:-1]]  # a figure any sentence of the same provision says is not lost
        quoted = figures(sentence)
        for figure, cited in spans(sentence):
            what = max((fate(figure, s, quoted, whole) for s in said), key=("lost", "changed", "kept").index)
            what = f"{what} (a cited document's date)" if cited and what != "kept" else what
            counts[what] += 1
            if what != "kept":
                step = blame(figure, [c.text for c in cands], events)
                counts[f"{what}: {figure[0]}"] += 1
                counts[f"{what}: by {step}"] += 1
                losses.append((what, figure, step, sentence, said))
    return counts, losses


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    from bench.coverage import load
    from bench.drafting import parts
    from scripts.errors import DocumentError

    out: dict[str, float] = {}
    for part, names, facts, base in parts():
        total: Counter[str] = Counter()
        for doc_id in names:
            spec = facts[doc_id]
            try:
                doc = load(str((Path(base) / str(spec.get("file", doc_id + ".txt"))).resolve()))
            except DocumentError:
                continue
            total.update(measure(doc)[0])
        out.update({f"{part} | {k}": n for k, n in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))})
    return out, {}


def show() -> None:
    """Print the rules part's lost and changed figures with their sentence (never an unseen or fresh one)."""
    from bench.coverage import load
    from bench.drafting import parts

    part, names, facts, base = parts()[0]
    assert part == "rules"
    for doc_id in names:
        doc = load(str((Path(base) / str(facts[doc_id].get("file", doc_id + ".txt"))).resolve()))
        for what, figure, step, sentence, said in measure(doc)[1]:
            print(f"{doc_id} [{what} {figure[0]} {figure[1]} by {step}]\n  Q: {sentence[:300]}")
            for s in said:
                print(f"  S: {s[:300]}")


if __name__ == "__main__":
    show()
