"""The floors gate: check and pin."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from triangulate.errors import EvaluationError
from triangulate.evaluation import LEVELS, Counts, Scores, check, digest, load_floors, pin, score
from triangulate.evaluation.gate import DEFAULT_METRICS, floor_down


def scores_with(f1_counts: Counts) -> Scores:
    return Scores(levels={level: f1_counts for level in LEVELS})


HALF = Counts(tp=1, fp=1, fn=1)  # P = R = F1 = 0.5


@pytest.fixture
def data(tmp_path: Path, gold_path: Path, docs_path: Path) -> tuple[Path, Path, Path]:
    gold, docs = tmp_path / "gold.jsonl", tmp_path / "docs.jsonl"
    shutil.copy(gold_path, gold)
    shutil.copy(docs_path, docs)
    return tmp_path / "floors.json", gold, docs


def write_floors(path: Path, gold: Path, docs: Path, floors: dict[str, Any], **extra: Any) -> None:
    data = {
        "gold_sha256": digest(gold),
        "docs_sha256": digest(docs),
        "margin": 0.005,
        "floors": floors,
    }
    data.update(extra)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_digest_is_sha256_of_bytes(tmp_path: Path) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"abc")
    assert digest(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    with pytest.raises(EvaluationError):
        digest(tmp_path / "missing")


def test_floor_down() -> None:
    assert floor_down(0.57) == 0.57
    assert floor_down(0.5699) == 0.569
    assert floor_down(1.0) == 1.0
    assert floor_down(2 / 3) == 0.666
    assert floor_down(0.0) == 0.0


def test_pin_then_check_passes(data: tuple[Path, Path, Path], gold: list[dict[str, Any]]) -> None:
    floors, gold_file, docs_file = data
    scores = score(gold, gold)
    written = pin(scores, floors, gold_file, docs_file)
    assert written == load_floors(floors)
    assert written["gold_sha256"] == digest(gold_file) and written["margin"] == 0.005
    assert list(written["floors"]) == list(DEFAULT_METRICS)
    assert "events.dyad_root.f1" in written["floors"] and "claims.f1" in written["floors"]
    assert all(v == 1.0 for v in written["floors"].values())
    assert check(scores, floors, gold_file, docs_file) == []


def test_check_passes_at_and_within_margin(data: tuple[Path, Path, Path]) -> None:
    floors, gold, docs = data
    write_floors(
        floors, gold, docs, {"claims.f1": 0.5, "quotes.f1": 0.504, "events.status.f1": 0.505}
    )
    assert check(scores_with(HALF), floors, gold, docs) == []


def test_check_fails_below_floor_minus_margin(data: tuple[Path, Path, Path]) -> None:
    floors, gold, docs = data
    write_floors(
        floors, gold, docs, {"claims.f1": 0.506, "quotes.f1": 0.4, "events.date.recall": 0.9}
    )
    failures = check(scores_with(HALF), floors, gold, docs)
    assert len(failures) == 2
    assert failures[0] == "claims.f1 = 0.500 is below its floor 0.506 (margin 0.005)"
    assert failures[1].startswith("events.date.recall = 0.500 is below its floor 0.900")


def test_check_fails_on_digest_mismatch(data: tuple[Path, Path, Path]) -> None:
    floors, gold, docs = data
    write_floors(floors, gold, docs, {"claims.f1": 0.0})
    with docs.open("a", encoding="utf-8") as stream:
        stream.write("\n")
    failures = check(scores_with(HALF), floors, gold, docs)
    assert len(failures) == 1
    assert failures[0].startswith("docs_sha256 mismatch: floors in")
    assert "pinned on other data" in failures[0] and "re-pin" in failures[0]


def test_check_without_floors_file(data: tuple[Path, Path, Path]) -> None:
    floors, gold, docs = data
    (failure,) = check(scores_with(HALF), floors, gold, docs)
    assert "no floors file" in failure and "pin" in failure


def test_check_reports_unknown_metrics_and_malformed_files(data: tuple[Path, Path, Path]) -> None:
    floors, gold, docs = data
    write_floors(floors, gold, docs, {"claims.accuracy": 0.1})
    assert check(scores_with(HALF), floors, gold, docs) == [
        f"claims.accuracy: unknown metric in {floors}"
    ]
    floors.write_text("{not json", encoding="utf-8")
    with pytest.raises(EvaluationError, match="malformed floors JSON"):
        check(scores_with(HALF), floors, gold, docs)
    write_floors(floors, gold, docs, {"claims.f1": "high"})
    with pytest.raises(EvaluationError, match="'floors' must map"):
        check(scores_with(HALF), floors, gold, docs)


def test_pin_refuses_to_lower_floors(data: tuple[Path, Path, Path]) -> None:
    floors, gold, docs = data
    write_floors(floors, gold, docs, {"claims.f1": 0.8, "quotes.f1": 0.5, "events.date.precision": 0.7},
                 margin=0.01)  # fmt: skip
    before = floors.read_text(encoding="utf-8")
    with pytest.raises(EvaluationError) as info:
        pin(scores_with(HALF), floors, gold, docs)
    message = str(info.value)
    assert "claims.f1 0.800 -> 0.500" in message and "events.date.precision" in message
    assert "quotes.f1" not in message  # 0.5 -> 0.5 is not lower
    assert floors.read_text(encoding="utf-8") == before
    written = pin(scores_with(HALF), floors, gold, docs, allow_regression=True)
    assert written["floors"]["claims.f1"] == 0.5
    assert written["floors"]["events.date.precision"] == 0.5  # existing extra metrics stay pinned
    assert written["margin"] == 0.01
    assert check(scores_with(HALF), floors, gold, docs) == []


def test_pin_may_raise_floors(data: tuple[Path, Path, Path]) -> None:
    floors, gold, docs = data
    write_floors(floors, gold, docs, {"claims.f1": 0.2})
    written = pin(scores_with(Counts(tp=2, fp=1, fn=0)), floors, gold, docs)
    assert written["floors"]["claims.f1"] == 0.8  # F1 = 0.8
    assert written["floors"]["quotes.f1"] == 0.8
