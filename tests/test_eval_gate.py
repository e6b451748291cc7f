"""The quality gate: the extractor must not drop below the pinned floors.

Three sets are gated: the German dev set (``examples/eval``, floors in
``tests/eval_floors.json``), the English dev set (``examples/dev_en``,
``tests/dev_en_floors.json``) and the blind held-out set (``examples/heldout``, four
English and two German articles, ``tests/heldout_floors.json``).  Floors
live beside SHA-256 digests of the gold and the documents; ``make pin-floors``
raises them (never lowers them without ``--allow-regression``).  Develop rules on
the dev set; the held-out set only reports and guards against regressions.
"""

from __future__ import annotations

import pytest

from triangulate import api
from triangulate.evaluation import check, format_scores, load_records, validate_records

from .conftest import EVAL, ROOT

HELDOUT = ROOT / "examples" / "heldout"
DEV_EN = ROOT / "examples" / "dev_en"
SETS = {
    "dev": (EVAL / "gold.jsonl", EVAL / "docs.jsonl", ROOT / "tests" / "eval_floors.json"),
    "dev_en": (DEV_EN / "gold.jsonl", DEV_EN / "docs.jsonl", ROOT / "tests" / "dev_en_floors.json"),
    "heldout": (
        HELDOUT / "gold.jsonl",
        HELDOUT / "docs.jsonl",
        ROOT / "tests" / "heldout_floors.json",
    ),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_is_valid(name: str) -> None:
    gold = SETS[name][0]
    assert validate_records(load_records(gold), source=str(gold)) == []


@pytest.mark.parametrize("name", sorted(SETS))
def test_extractor_meets_pinned_floors(name: str) -> None:
    gold, docs, floors = SETS[name]
    scores = api.evaluate(gold, docs=docs)
    failures = check(scores, floors, gold, docs)
    assert not failures, "\n".join(failures) + "\n" + format_scores(scores)
