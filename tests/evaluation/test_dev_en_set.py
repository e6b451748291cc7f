"""The English development set (examples/dev_en/) is valid, reproducible and self-consistent."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from triangulate.api import evaluate
from triangulate.evaluation import LEVELS, load_docs, load_records, score, validate_records

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "examples" / "dev_en"
GOLD_PATH = DEV / "gold.jsonl"
DOCS_PATH = DEV / "docs.jsonl"
DOC_IDS = [f"dev-en-00{i}" for i in range(1, 6)]
QUOTE_MARKS = '“”"«»‚‘’„'
NUMBER_WORDS = re.compile(
    r"\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|"
    r"hundred|thousand|million|billion|dozen|double|triple|half|millions",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return load_records(GOLD_PATH)


@pytest.fixture(scope="module")
def docs() -> dict[str, str]:
    return load_docs(DOCS_PATH)


def test_docs_rows_have_the_dev_set_fields() -> None:
    rows = [json.loads(line) for line in DOCS_PATH.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in rows] == DOC_IDS
    for row in rows:
        assert set(row) == {"doc_id", "text", "published", "language", "genre", "title", "url"}
        assert row["language"] == "en"
        assert row["url"] is None
        assert row["published"][:4] in ("2025", "2026")
        assert row["title"] == row["text"].split("\n", 1)[0]
        assert row["text"] == (DEV / "texts" / f"{row['doc_id']}.txt").read_text(encoding="utf-8")


def test_gold_validates(gold: list[dict[str, Any]], docs: dict[str, str]) -> None:
    assert [r["doc_id"] for r in gold] == DOC_IDS
    assert validate_records(gold, docs=docs, source="dev_en/gold.jsonl") == []
    for record in gold:
        assert record["language"] == "en"
        assert record["events"] and record["claims"] and record["quotes"] and record["actors"]


def test_gold_is_what_the_build_script_produces(gold: list[dict[str, Any]]) -> None:
    annotation = DEV / "annotation"
    sys.path.insert(0, str(annotation))
    try:
        spec = importlib.util.spec_from_file_location("dev_en_build", annotation / "build.py")
        assert spec and spec.loader
        build = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(build)
        rebuilt = [build.build_record(build.load(m)) for m in build.MODULES]
    finally:
        sys.path.remove(str(annotation))
    assert rebuilt == gold


def _clean(text: str) -> bool:
    return bool(text) and text == text.strip()


def test_offsets_slice_to_their_surfaces(gold: list[dict[str, Any]], docs: dict[str, str]) -> None:
    for record in gold:
        text = docs[record["doc_id"]]
        for actor in record["actors"]:
            for start, end in actor["mentions"]:
                surface = text[start:end]
                assert _clean(surface), (actor["id"], surface)
                assert (start == 0 or not text[start - 1].isalnum()) and (
                    end == len(text) or not text[end].isalnum()
                ), (actor["id"], surface)
        for event in record["events"]:
            s, e = event["sentence"]
            sentence = text[s:e]
            assert _clean(sentence) and "\n" not in sentence
            ts, te = event["trigger"]
            assert s <= ts < te <= e and _clean(text[ts:te])
            for key in ("source_text", "target_text"):
                if event[key] is not None:
                    # in the sentence, or (plain anaphora) in the text just before it
                    assert event[key] in text[max(0, s - 400) : e], (record["doc_id"], event[key])
        for claim in record["claims"]:
            s, e = claim["sentence"]
            cs, ce = claim["text"]
            surface = text[cs:ce]
            assert s <= cs < ce <= e and _clean(surface)
            assert NUMBER_WORDS.search(surface), surface
        for quote in record["quotes"]:
            qs, qe = quote["text"]
            assert text[qs - 1] in QUOTE_MARKS and text[qe] in QUOTE_MARKS
            assert QUOTE_MARKS[0] not in text[qs:qe] and QUOTE_MARKS[1] not in text[qs:qe]
            s, e = quote["sentence"]
            assert s < qe and qs < e


def test_gold_scores_perfectly_against_itself(gold: list[dict[str, Any]]) -> None:
    scores = score(gold, gold)
    assert set(scores.levels) == set(LEVELS)
    for level, counts in scores.levels.items():
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), level
        assert counts.fp == counts.fn == 0, level
    assert scores.levels["events.dyad_root"].tp == sum(len(r["events"]) for r in gold)
    assert scores.levels["claims"].tp == sum(len(r["claims"]) for r in gold)
    assert scores.levels["quotes"].tp == sum(len(r["quotes"]) for r in gold)
    assert not scores.missing_docs and not scores.extra_docs


def test_api_evaluate_of_gold_against_itself_is_perfect() -> None:
    scores = evaluate(GOLD_PATH, predicted=GOLD_PATH)
    assert all(c.f1 == 1.0 for c in scores.levels.values())
