"""Plain-text and JSON reports."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from triangulate.errors import UsageError
from triangulate.evaluation import LEVELS, format_errors, format_scores, score


def degraded(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Predictions: seed-000 with one event dropped and one event's target changed, seed-004 missing."""
    pred = [copy.deepcopy(r) for r in gold if r["doc_id"] != "seed-004"]
    pred[0]["events"] = pred[0]["events"][1:]
    pred[0]["events"][0]["target"] = "JPN"
    pred[0]["quotes"] = []
    pred.append({"doc_id": "extra-1", "events": []})
    return pred


def test_table_is_aligned(gold: list[dict[str, Any]]) -> None:
    text = format_scores(score(gold, degraded(gold)))
    lines = text.splitlines()
    table = lines[: 1 + len(LEVELS)]
    assert table[0].split() == ["level", "P", "R", "F1", "tp", "fp", "fn"]
    assert [line.split()[0] for line in table[1:]] == list(LEVELS)
    assert len({len(line) for line in table}) == 1
    # every numeric column ends at the same place as its header
    header = table[0]
    for name in ("P", "R", "F1", "tp", "fp", "fn"):
        end = header.index(f" {name}") + len(name) + 1 if name != "F1" else header.index("F1") + 2
        assert all(line[end - 1] != " " for line in table[1:]), name
    assert "no prediction for 1 gold document(s)" in text and "seed-004" in text
    assert "ignored 1 predicted document(s) not in the gold: extra-1" in text


def test_values_in_the_table(gold: list[dict[str, Any]]) -> None:
    scores = score(gold, gold)
    row = next(line for line in format_scores(scores).splitlines() if line.startswith("claims"))
    assert row.split() == ["claims", "1.000", "1.000", "1.000", "38", "0", "0"]


def test_per_doc_tables(gold: list[dict[str, Any]]) -> None:
    text = format_scores(score(gold, degraded(gold)), per_doc=True)
    for doc_id in ("seed-000", "seed-001", "seed-003"):
        assert f"\n{doc_id}\n" in text
    assert "seed-004 (no prediction)" in text
    assert "  events.dyad_root" in text


def test_errors_with_excerpts(gold: list[dict[str, Any]], docs: dict[str, str]) -> None:
    scores = score(gold, degraded(gold))
    text = format_scores(scores, errors="events", docs=docs)
    assert "events.dyad_root: " in text and "events.roles: " in text and "claims: " not in text
    errors = format_errors(scores, "events.dyad_root", docs)
    first = gold[0]["events"][0]
    sentence = " ".join(docs["seed-000"][slice(*first["sentence"])].split())
    assert "false negatives (gold, not matched)" in errors
    assert "seed-000 events[0]: PRKMIL -> RUS" in errors
    assert f"sentence: {sentence[:100]}" in errors
    assert "trigger: " in errors
    assert "-> JPN" in errors  # the false positive
    quotes = format_errors(scores, "quotes", docs)
    assert "Pentagon-Sprecherin" in quotes and "text: 'Wir gehen davon aus" in quotes
    actors = format_errors(score(gold, [{"doc_id": "seed-002"}]), "actors.role", docs)
    assert "mention: …" in actors and "[" in actors


def test_errors_without_docs(gold: list[dict[str, Any]]) -> None:
    errors = format_errors(score(gold, degraded(gold)), "events.status")
    assert "sentence:" not in errors and "events[" in errors


def test_unknown_levels_are_usage_errors(gold: list[dict[str, Any]]) -> None:
    scores = score(gold, gold)
    with pytest.raises(UsageError, match="unknown scoring level 'event'"):
        format_scores(scores, errors="event")
    with pytest.raises(UsageError):
        format_errors(scores, "actors.code")
    grouped = format_errors(scores, "actors")
    assert grouped.startswith("actors.country: 0 false negative(s)")
    assert "\n\nactors.role: 0 false negative(s)" in grouped
    assert format_scores(scores, errors="all").count("false negative(s)") == len(LEVELS)


def test_as_dict_is_json(gold: list[dict[str, Any]]) -> None:
    scores = score(gold, degraded(gold))
    data = json.loads(json.dumps(scores.as_dict(errors=True)))
    assert data["levels"]["claims"]["f1"] == scores.levels["claims"].f1
    assert set(data["levels"]["claims"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert data["missing_docs"] == ["seed-004"] and data["extra_docs"] == ["extra-1"]
    assert data["per_doc"]["seed-000"]["quotes"]["fn"] == 11
    assert len(data["false_negatives"]["quotes"]) == 11 + 7
    assert "false_negatives" not in scores.as_dict()
