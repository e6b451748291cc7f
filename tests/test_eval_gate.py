"""The quality gate: the extractor on the dev set must not drop below the pinned floors.

Floors live in ``tests/eval_floors.json`` beside SHA-256 digests of the gold and
the documents; ``make pin-floors`` raises them (never lowers them without
``--allow-regression``).
"""

from __future__ import annotations

from triangulate import api
from triangulate.evaluation import check, format_scores, load_records, validate_records

from .conftest import EVAL, ROOT

FLOORS = ROOT / "tests" / "eval_floors.json"
GOLD = EVAL / "gold.jsonl"
DOCS = EVAL / "docs.jsonl"


def test_gold_is_valid():
    assert validate_records(load_records(GOLD), source=str(GOLD)) == []


def test_extractor_meets_pinned_floors():
    scores = api.evaluate(GOLD, docs=DOCS)
    failures = check(scores, FLOORS, GOLD, DOCS)
    assert not failures, "\n".join(failures) + "\n" + format_scores(scores)
