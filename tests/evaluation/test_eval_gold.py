"""The dev-set gold is valid and scores perfectly against itself."""

from __future__ import annotations

from typing import Any

import pytest

from triangulate.evaluation import LEVELS, score, validate_record, validate_records

# Counts from examples/eval/GOLD-README.md.
EXPECTED = {
    "seed-000": (58, 5, 11),
    "seed-001": (63, 7, 2),
    "seed-002": (28, 14, 1),
    "seed-003": (37, 8, 9),
    "seed-004": (46, 4, 7),
}


def test_every_gold_row_is_valid(gold: list[dict[str, Any]], docs: dict[str, str]) -> None:
    assert validate_records(gold, docs=docs, source="gold.jsonl") == []
    for record in gold:
        assert validate_record(record, text=docs[record["doc_id"]]) == []


def test_gold_counts_match_the_readme(gold: list[dict[str, Any]]) -> None:
    counts = {r["doc_id"]: (len(r["events"]), len(r["claims"]), len(r["quotes"])) for r in gold}
    assert counts == EXPECTED


def test_gold_against_itself_is_perfect(gold: list[dict[str, Any]]) -> None:
    scores = score(gold, gold)
    assert set(scores.levels) == set(LEVELS)
    for level, counts in scores.levels.items():
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), level
        assert counts.fp == counts.fn == 0
    assert scores.levels["events.dyad_root"].tp == 232
    assert scores.levels["claims"].tp == 38
    assert scores.levels["quotes"].tp == 30
    assert not scores.missing_docs and not scores.extra_docs
    assert all(not items for items in scores.false_negatives.values())
    assert all(not items for items in scores.false_positives.values())


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_each_gold_document_is_perfect(gold: list[dict[str, Any]], doc_id: str) -> None:
    scores = score(gold, gold)
    for level, counts in scores.per_doc[doc_id].items():
        assert counts.fp == counts.fn == 0, level


def test_gold_in_reverse_order_is_still_perfect(gold: list[dict[str, Any]]) -> None:
    reordered = [
        {**r, **{k: list(reversed(r[k])) for k in ("actors", "events", "claims", "quotes")}}
        for r in reversed(gold)
    ]
    scores = score(gold, reordered)
    assert all(c.f1 == 1.0 for c in scores.levels.values())
