"""Analysis -> record, and JSON Lines reading and writing."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from triangulate.errors import EvaluationError
from triangulate.evaluation import (
    load_docs,
    load_records,
    score,
    to_record,
    validate_record,
    write_records,
)
from triangulate.model import Actor, Analysis, Claim, Document, Event, Mention, Quote

TEXT = (
    "Nordkorea hat laut Pentagon etwa 10.000 Soldaten nach Russland geschickt. "
    "„Das ist gefährlich“, sagte Sung-Yoon Lee."
)


def analysis(**document: Any) -> Analysis:
    doc = Document(doc_id="t-1", text=TEXT, language="de", **document)
    return Analysis(
        document=doc,
        actors=[
            Actor("prk", "Nordkorea", "country", "PRK", [(0, 9)]),
            Actor("rus", "Russland", "country", "RUS", []),
        ],
        mentions=[
            Mention(54, 62, "Russland", "rus", "RUS"),
            Mention(0, 9, "Nordkorea", "prk", "PRK"),
        ],
        events=[
            Event(
                source="PRK",
                target="RUS",
                cameo="062",
                sentence=(0, 73),
                trigger=(63, 72),
                source_text="Nordkorea",
                target_text="Russland",
                plover="COOPERATE",
                goldstein=7.4,
                status="attributed",
                attributed_to="USAMIL",
                date="2024-W44",
                date_precision="week",
            )
        ],
        claims=[Claim("soldiers", 10000.0, "persons", (33, 39), (0, 73), approximate=True)],
        quotes=[Quote("Sung-Yoon Lee", (75, 93), (74, 116), speaker_code="USAELI")],
    )


def test_record_has_the_documented_keys_in_order() -> None:
    rec = to_record(analysis(published="2024-11-06", genre="opinion"))
    assert list(rec) == [
        "doc_id", "language", "published", "genre", "actors", "events", "claims", "quotes",
    ]  # fmt: skip
    assert (rec["doc_id"], rec["language"], rec["published"], rec["genre"]) == (
        "t-1",
        "de",
        "2024-11-06",
        "opinion",
    )
    assert list(rec["actors"][0]) == ["id", "name", "type", "code", "mentions"]
    assert list(rec["events"][0]) == [
        "source", "target", "source_text", "target_text", "cameo", "root", "plover", "goldstein",
        "status", "attributed_to", "date", "date_precision", "location", "sentence", "trigger",
    ]  # fmt: skip
    assert list(rec["claims"][0]) == [
        "item", "value", "value_max", "approximate", "unit", "about", "predicate", "asserted_by",
        "date", "status", "text", "sentence",
    ]  # fmt: skip
    assert list(rec["quotes"][0]) == ["speaker", "speaker_code", "text", "sentence"]


def test_record_values() -> None:
    rec = to_record(analysis())
    assert rec["genre"] == "report" and rec["published"] is None
    event = rec["events"][0]
    assert event["root"] == "06"
    assert event["sentence"] == [0, 73] and event["trigger"] == [63, 72]
    # the model's week precision is written as the contract's Monday-Sunday range
    assert (event["date"], event["date_precision"]) == ("2024-10-28/2024-11-03", "range")
    assert rec["claims"][0]["value"] == 10000 and isinstance(rec["claims"][0]["value"], int)
    assert rec["quotes"][0]["text"] == [75, 93]
    # actor mentions merge the actor's own spans with the analysis-level mentions
    assert rec["actors"][0]["mentions"] == [[0, 9]]
    assert rec["actors"][1]["mentions"] == [[54, 62]]
    assert validate_record(rec, text=TEXT) == []
    json.dumps(rec)


def test_published_timestamp_keeps_the_date() -> None:
    assert to_record(analysis(published="2024-11-06T08:30:00+01:00"))["published"] == "2024-11-06"


def test_record_scores_against_itself() -> None:
    rec = to_record(analysis())
    assert all(c.f1 == 1.0 for c in score([rec], [rec]).levels.values())


def test_write_and_load_round_trip(tmp_path: Path) -> None:
    records = [to_record(analysis()), {"doc_id": "x", "text": "Zeile\u2028mit Trenner\u0085"}]
    path = tmp_path / "out.jsonl"
    assert write_records(records, path) == 2
    assert load_records(path) == records
    stream = io.StringIO()
    write_records(records, stream)
    assert stream.getvalue().count("\n") == 2
    assert "Sung-Yoon" in stream.getvalue()  # UTF-8 kept, not escaped


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"doc_id": "a"}\n\n   \n{"doc_id": "b"}\n', encoding="utf-8")
    assert [r["doc_id"] for r in load_records(path)] == ["a", "b"]


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "a"}\n\n{"doc_id": "b",\n', encoding="utf-8")
    with pytest.raises(EvaluationError) as info:
        load_records(path)
    assert f"{path}:3:" in str(info.value)
    assert info.value.code == "T401"


def test_non_object_line_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "a"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"bad\.jsonl:2: expected a JSON object"):
        load_records(path)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="cannot read"):
        load_records(tmp_path / "missing.jsonl")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"doc_id": "Ä"}\n'.encode("latin-1"))
    with pytest.raises(EvaluationError, match="not UTF-8"):
        load_records(latin)


def test_load_docs(docs_path: Path, tmp_path: Path) -> None:
    docs = load_docs(docs_path)
    assert sorted(docs) == [f"seed-00{i}" for i in range(5)]
    assert docs["seed-000"].startswith("Nordkorea-Soldaten in Russland")
    dup = tmp_path / "dup.jsonl"
    dup.write_text('{"doc_id": "a", "text": "x"}\n{"doc_id": "a", "text": "y"}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match="duplicate doc_id 'a'"):
        load_docs(dup)
