"""The blind held-out set (examples/heldout/) is valid and its spans are exact.

No score floors here: the held-out numbers are reported, not gated.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from triangulate.evaluation import load_docs, load_records, score, validate_records

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "examples" / "heldout"
GOLD_PATH = HELDOUT / "gold.jsonl"
DOCS_PATH = HELDOUT / "docs.jsonl"
DOC_IDS = [
    "heldout-en-001", "heldout-en-002", "heldout-en-003", "heldout-en-004",
    "heldout-de-001", "heldout-de-002",
]  # fmt: skip


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return load_records(GOLD_PATH)


@pytest.fixture(scope="module")
def docs() -> dict[str, str]:
    return load_docs(DOCS_PATH)


@pytest.fixture(scope="module")
def doc_rows() -> list[dict[str, Any]]:
    with DOCS_PATH.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_documents_and_records_line_up(
    gold: list[dict[str, Any]], doc_rows: list[dict[str, Any]]
) -> None:
    assert [r["doc_id"] for r in gold] == DOC_IDS
    assert [d["doc_id"] for d in doc_rows] == DOC_IDS
    for record, row in zip(gold, doc_rows, strict=True):
        assert record["language"] == row["language"] == record["doc_id"].split("-")[1]
        assert record["published"] == row["published"]
        assert record["genre"] == row["genre"]


def test_texts_match_the_text_files(doc_rows: list[dict[str, Any]]) -> None:
    for row in doc_rows:
        path = HELDOUT / "texts" / f"{row['doc_id']}.txt"
        assert row["text"] == path.read_text(encoding="utf-8")


def test_gold_validates(gold: list[dict[str, Any]], docs: dict[str, str]) -> None:
    assert validate_records(gold, docs=docs, source="heldout/gold.jsonl") == []


@pytest.mark.parametrize("lang", ["en", "de"])
def test_per_language_files_are_the_split_of_the_full_set(
    gold: list[dict[str, Any]], lang: str
) -> None:
    split_gold = load_records(HELDOUT / "by-language" / f"gold.{lang}.jsonl")
    split_docs = load_docs(HELDOUT / "by-language" / f"docs.{lang}.jsonl")
    assert split_gold == [r for r in gold if r["language"] == lang]
    assert set(split_docs) == {r["doc_id"] for r in split_gold}


def _spans(record: dict[str, Any]) -> list[tuple[str, list[int]]]:
    out: list[tuple[str, list[int]]] = []
    for a in record["actors"]:
        out += [(f"actor {a['id']}", m) for m in a["mentions"]]
    for i, e in enumerate(record["events"]):
        out += [(f"events[{i}].sentence", e["sentence"]), (f"events[{i}].trigger", e["trigger"])]
    for i, c in enumerate(record["claims"]):
        out += [(f"claims[{i}].sentence", c["sentence"]), (f"claims[{i}].text", c["text"])]
    for i, q in enumerate(record["quotes"]):
        out += [(f"quotes[{i}].sentence", q["sentence"]), (f"quotes[{i}].text", q["text"])]
    return out


def test_every_span_slices_to_non_blank_text_without_edge_spaces(
    gold: list[dict[str, Any]], docs: dict[str, str]
) -> None:
    for record in gold:
        text = docs[record["doc_id"]]
        for where, (start, end) in _spans(record):
            surface = text[start:end]
            assert surface.strip(), (record["doc_id"], where)
            assert surface == surface.strip(), (record["doc_id"], where, surface)
            assert "\n" not in surface, (record["doc_id"], where, surface)


def test_actor_mentions_slice_to_their_surface(
    gold: list[dict[str, Any]], docs: dict[str, str]
) -> None:
    """Each mention is a whole-word span, and the surface of a non-pronoun mention names its actor."""
    pronouns = {"he", "He", "she", "Er", "some of them", "his men", "the agency", "the workers"}
    for record in gold:
        text = docs[record["doc_id"]]
        for actor in record["actors"]:
            for start, end in actor["mentions"]:
                surface = text[start:end]
                before = text[start - 1] if start else " "
                after = text[end] if end < len(text) else " "
                assert not before.isalnum() and not after.isalnum(), (
                    record["doc_id"],
                    actor["id"],
                    surface,
                )
                assert surface in pronouns or surface[0].isalpha(), (
                    record["doc_id"],
                    actor["id"],
                    surface,
                )


def test_event_and_claim_spans_nest_in_their_sentences(
    gold: list[dict[str, Any]], docs: dict[str, str]
) -> None:
    for record in gold:
        text = docs[record["doc_id"]]
        for item, inner in [(e, "trigger") for e in record["events"]] + [
            (c, "text") for c in record["claims"]
        ]:
            s0, s1 = item["sentence"]
            i0, i1 = item[inner]
            assert s0 <= i0 < i1 <= s1, (record["doc_id"], text[i0:i1])
        for event in record["events"]:
            sentence = text[event["sentence"][0] : event["sentence"][1]]
            assert sentence.strip() == sentence


def test_quote_texts_sit_inside_quotation_marks(
    gold: list[dict[str, Any]], docs: dict[str, str]
) -> None:
    marks = set('"„“”«»‚‘’')
    for record in gold:
        text = docs[record["doc_id"]]
        for quote in record["quotes"]:
            start, end = quote["text"]
            assert text[start - 1] in marks and text[end] in marks, (
                record["doc_id"],
                text[start:end],
            )


def test_gold_against_itself_is_perfect(gold: list[dict[str, Any]]) -> None:
    scores = score(gold, gold)
    for level, counts in scores.levels.items():
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), level
