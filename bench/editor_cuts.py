"""What the listener check catches of what an editor cuts: recall on his cuts, false flags on his own scripts.

The labelled set is read from the corpus at run time, never copied into the repository:

- positives: every sentence ``editor-review.md`` quotes as CUT or REWRITE under "The worst five", with
  its document (from the section's heading) and the editor's reason (after the dash, or the quote). A bullet may
  quote several sentences; each is one item. The quotes elide with "…": a leading elision is dropped
  and the rest capitalised (the editor skipped the lead-in, a listener would not hear it lowercase), an
  inner one joins the two sides, a trailing one ends the sentence there; a quote that is only an
  amount ("160.000 … /buổi", in a list of rows) takes the words before the amount of the bullet's first;
- negatives: every sentence of ``exemplars/*.json``, what a good editor writes: none should be flagged.

Recall is counted apart for documents of the "rules" part (rules may be written from their sentences)
and of the "unseen" part (only measured on). A REWRITE the editor asks for because the sentence is
right but misplaced ("wrong lead", "the document is a Nghị quyết") is not something one sentence
shows; each item carries reason classes read from the editor's words so the misses can be read by
kind (``python -m bench.editor_cuts`` lists every item, caught or not, with its findings).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from bench.corpus_split import doc_type
from bench.corpus_split import load as load_split
from scripts.listener import check

CORPUS = Path(os.environ.get("LOA_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"

BULLET = re.compile(r"^- (CUT|REWRITE)\b(.*)$")
QUOTE = re.compile(r'"([^"]+)"')
HEADING_NUMBER = re.compile(r"\b(?:nq|nd|tt|qd|ct|NQ|NĐ|TT|QĐ|CT|luat)[\s-]+(\d+)")
TYPE_WORDS = {"nq": "Nghị quyết", "nd": "Nghị định", "nđ": "Nghị định", "tt": "Thông tư", "qd": "Quyết định"}
TYPE_WORDS |= {"qđ": "Quyết định", "ct": "Chỉ thị", "luat": "Luật"}

# What the editor's reason says, by the words he uses: a class per kind of defect
REASONS = (
    ("table_row", r"table row|\brows?\b"),
    ("stray_mark", r"stray|footnote"),
    ("fragment", r"fragment|noun phrase|predicate|dangling|heading|lists no case"),
    ("no_subject", r"no subject|subjectless|subject truncated"),
    ("agency_work", r"internal|agency task|irrelevant"),
    ("cut", r"title cut|cut title|cut mid-phrase|truncated|garbled|duplicate\b"),
    ("reference", r"reference"),
    ("content", r"wrong lead|wrong label|duplicates the lead|boilerplate|foreigners|is a Nghị quyết|meaningless|"
     r"misstates|refund rule|recap of|without the rate|only applies"),
)  # fmt: skip


@dataclass(frozen=True)
class Cut:
    doc_id: str
    verdict: str  # CUT or REWRITE
    quote: str  # as the editor wrote it
    sentence: str  # as a listener would hear it (elisions resolved)
    reason: str
    classes: tuple[str, ...]


def as_heard(quote: str) -> str:
    text = quote.strip()
    if text.startswith("…"):
        text = text.lstrip("… ")
        text = text[:1].upper() + text[1:]
    ends_elided = text.endswith("…")
    text = " ".join(re.sub(r"\s*…\s*", " ", text).split())
    return text.rstrip() + "." if ends_elided and not text.endswith((".", "?", "!")) else text


def doc_of(heading: str, names: list[str]) -> str:
    """The document a section heading names ("nq-55-2025 Hà Nội", "TT 28/2026/TT-BTC …") among ``names``."""
    m = HEADING_NUMBER.search(heading)
    if not m:
        raise ValueError(f"editor-review.md: no document number in heading {heading!r}")
    kind = TYPE_WORDS[heading[: m.start(1)].strip(" -").casefold()]
    found = [n for n in names if m[1] in n.split("-") and doc_type(n) == kind]
    if len(found) != 1:
        raise ValueError(f"editor-review.md: heading {heading!r} names {found or 'no document'} of the corpus")
    return found[0]


def editor_cuts(review: Path | None = None) -> list[Cut]:
    """Every quoted CUT/REWRITE sentence of the worst-five sections, with its document and reason."""
    text = (review or CORPUS / "editor-review.md").read_text(encoding="utf-8")
    worst = text.split("## The worst five", 1)[1].split("\n## ", 1)[0]
    names = [n for part in ("rules", "unseen") for n in load_split()[part]]
    cuts: list[Cut] = []
    doc_id = ""
    for line in worst.splitlines():
        if line.startswith("### "):
            doc_id = doc_of(line[4:], names)
        elif (m := BULLET.match(line)) and doc_id:
            quoted, dash, reason = m[2].partition(" — ")
            reason = reason if dash else quoted.rsplit('"', 1)[-1]  # '… "Xin nhắc lại: …" Missing: …'
            classes = tuple(name for name, words in REASONS if re.search(words, reason))
            quotes = QUOTE.findall(quoted)
            lead = re.split(r"\d", as_heard(quotes[0]), maxsplit=1)[0] if quotes else ""
            for quote in quotes:
                heard = as_heard(quote)
                heard = lead + heard if heard[:1].isdigit() else heard  # "160.000 … /buổi": the row before's words
                cuts.append(Cut(doc_id, m[1], quote, heard, reason.strip(), classes))
    return cuts


def exemplar_sentences() -> list[tuple[str, str]]:
    """(document, sentence) of every script an editor wrote."""
    out = []
    for path in sorted((CORPUS / "exemplars").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out += [(data["document"], s["text"]) for s in data["script"]["sentences"]]
    return out


def figures() -> tuple[dict[str, object], dict[str, object]]:
    """Recall on rules and unseen documents, false flags on exemplars; and the items, for the details file."""
    split = load_split()
    items: list[dict[str, object]] = []
    out: dict[str, object] = {}
    cuts = editor_cuts()
    for part in ("rules", "unseen"):
        mine = [c for c in cuts if c.doc_id in split[part]]
        caught = 0
        for c in mine:
            found = sorted({f.code for f in check(c.sentence)})
            caught += bool(found)
            items.append({"part": part, "doc": c.doc_id, "verdict": c.verdict, "sentence": c.sentence,
                          "classes": list(c.classes), "found": found})  # fmt: skip
        out[f"editor_cuts_{part}_recall"] = f"{caught}/{len(mine)}"
    exemplars = exemplar_sentences()
    flagged = [(d, s, [f.code for f in check(s)]) for d, s in exemplars if check(s)]
    out["exemplar_false_flags"] = f"{len(flagged)}/{len(exemplars)}"
    return out, {"cuts": items, "exemplars_flagged": flagged}


if __name__ == "__main__":  # python -m bench.editor_cuts: every item, caught (+) or missed (-), with its findings
    shown, detail = figures()
    for item in detail["cuts"]:  # type: ignore[attr-defined]
        mark = "+" if item["found"] else "-"
        print(
            f"{mark} {item['part']:<6} {item['doc'][:12]:<12} {','.join(item['classes']):<24} {item['found']}  {item['sentence']}"
        )
    for doc, sentence, codes in detail["exemplars_flagged"]:  # type: ignore[attr-defined]
        print(f"! exemplar {doc}: {codes}  {sentence}")
    print(json.dumps(shown, ensure_ascii=False))
