"""The unseen part of the corpus is fixed by a rule on names, and covers every kind of document."""

from __future__ import annotations

import json

from bench.corpus_split import doc_type, load, split
from tests.conftest import CORPUS


def test_the_split_file_is_what_the_rule_gives() -> None:
    facts = json.loads((CORPUS / "keyfacts-dev.json").read_text(encoding="utf-8"))
    written = load()
    assert {k: written[k] for k in ("rules", "unseen")} == split(facts), "documents were moved between parts by hand"


def test_a_third_is_unseen_and_every_type_and_format_is_in_both_parts() -> None:
    facts = json.loads((CORPUS / "keyfacts-dev.json").read_text(encoding="utf-8"))
    parts = load()
    assert len(parts["unseen"]) * 3 >= len(facts) and not set(parts["unseen"]) & set(parts["rules"])
    for part in ("rules", "unseen"):
        assert {doc_type(d) for d in parts[part]} == {doc_type(d) for d in facts}
        assert any(str(facts[d].get("file", "")).endswith(".pdf") for d in parts[part])


def test_the_rule_does_not_depend_on_the_order_of_the_file() -> None:
    facts = json.loads((CORPUS / "keyfacts-dev.json").read_text(encoding="utf-8"))
    assert split(dict(reversed(list(facts.items())))) == split(facts)
