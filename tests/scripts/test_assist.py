"""Editor assist: what the drafter left out, ranked, each with citation and spoken form (own documents)."""

from __future__ import annotations

from pathlib import Path

from scripts.assist import unchosen
from scripts.draft import Script, draft
from scripts.legal import LegalDocument, parse
from scripts.listener import check
from scripts.spoken import unspeakable

DATA = Path(__file__).parent / "data"


def _doc() -> LegalDocument:
    return parse((DATA / "qd-fire-ban.txt").read_text(encoding="utf-8"))


def test_an_empty_script_is_offered_every_airable_provision_best_first_with_citation_and_spoken_form() -> None:
    doc = _doc()
    empty = Script("vi", [], 0.0, "local", doc.number)
    offered = unchosen(doc, empty)
    assert offered, "the ban is offered"
    assert offered[0].citation == "khoản 2 Điều 2" and "không được đốt nương rẫy" in offered[0].text
    assert offered[0].source.quote in " ".join(doc.text.split())
    assert [s.score for s in offered] == sorted((s.score for s in offered), reverse=True)
    for s in offered:
        assert check(s.text) == [] and not unspeakable(s.spoken), s
        assert "Kinh phí" not in s.text, "agency work is not offered"
    assert offered[0].to_dict()["source"]["clause"] == "2"


def test_what_the_script_already_says_is_not_offered_again() -> None:
    doc = _doc()
    script = draft(doc)
    offered = unchosen(doc, script)
    said = " ".join(s.text for s in script.sentences)
    assert all(s.text not in said for s in offered)
    assert not any("không được đốt nương rẫy" in s.text for s in offered)
