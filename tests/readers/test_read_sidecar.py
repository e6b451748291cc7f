"""Sidecar metadata.jsonl and the seed corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from triangulate.errors import Severity
from triangulate.readers import iter_inputs

from .read_helpers import EVAL_DOCS, GERMAN, SEEDS, codes, split


def test_seed_directory_gets_sidecar_metadata() -> None:
    docs, problems = split(list(iter_inputs([SEEDS])))
    assert [d.doc_id for d in docs] == [f"seed-00{i}" for i in range(5)]
    assert all(p.severity is Severity.NOTICE for p in problems)
    assert [(p.code, Path(p.source).name) for p in problems] == [("T114", "SOURCE.md")]
    by_id = {d.doc_id: d for d in docs}
    assert by_id["seed-000"].published == "2024-11-06"
    assert by_id["seed-000"].published_precision == "week"
    assert by_id["seed-001"].published == "2025-07-23"
    assert by_id["seed-001"].published_precision == "day"
    assert by_id["seed-001"].genre == "opinion"
    assert {d.genre for d in docs} == {"report", "opinion"}
    for doc in docs:
        assert doc.published_source == "metadata"
        assert doc.language == "de" and doc.language_source == "metadata"
        assert doc.format == "text" and doc.encoding == "utf-8" and doc.body_start == 0
        assert "outlet" in doc.meta and "published_basis" in doc.meta


def test_seed_texts_equal_eval_docs_and_files() -> None:
    docs, _ = split(list(iter_inputs([SEEDS])))
    expected = [json.loads(line) for line in EVAL_DOCS.read_text(encoding="utf-8").splitlines()]
    assert [(d.doc_id, d.text) for d in docs] == [(e["doc_id"], e["text"]) for e in expected]
    for doc in docs:
        assert doc.text == Path(doc.source).read_text(encoding="utf-8")


def test_eval_jsonl_gives_the_same_documents() -> None:
    from_dir, _ = split(list(iter_inputs([SEEDS])))
    from_jsonl, problems = split(list(iter_inputs([EVAL_DOCS])))
    assert problems == []
    assert [(d.doc_id, d.text, d.published) for d in from_jsonl] == [
        (d.doc_id, d.text, d.published) for d in from_dir
    ]
    assert [d.source_line for d in from_jsonl] == [1, 2, 3, 4, 5]
    assert all(d.hash == e.hash for d, e in zip(from_dir, from_jsonl, strict=True))


def test_explicit_seed_file_still_gets_its_sidecar() -> None:
    path = sorted(SEEDS.glob("*.txt"))[1]
    (doc,), problems = split(list(iter_inputs([path])))
    assert problems == [] and doc.doc_id == "seed-001" and doc.genre == "opinion"


def test_shell_glob_including_the_sidecar(tmp_path: Path) -> None:
    for path in SEEDS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    docs, problems = split(list(iter_inputs(sorted(tmp_path.iterdir()))))
    assert len(docs) == 6  # SOURCE.md named explicitly is read
    assert problems == []
    assert [d.doc_id for d in docs[:5]] == [f"seed-00{i}" for i in range(5)]


def test_malformed_sidecar_lines_are_notices(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text("title: B\n---\n" + GERMAN + " B.", encoding="utf-8")
    (tmp_path / "metadata.jsonl").write_text(
        "\n".join(
            [
                '{"file": "a.txt", "doc_id": "A", "published": "2024-01-02", "mood": "ok"}',
                "{broken",
                "[1, 2]",
                '{"doc_id": "no file key"}',
                '{"file": "b.txt", "title": "Sidecar title", "published": "nie"}',
            ]
        ),
        encoding="utf-8",
    )
    docs, problems = split(list(iter_inputs([tmp_path])))
    a, b = docs
    assert (a.doc_id, a.published, a.meta) == ("A", "2024-01-02", {"mood": "ok"})
    assert b.title == "Sidecar title"  # sidecar wins over the header
    assert b.published is None
    lines = [(p.code, p.line, Path(p.source).name) for p in problems]
    assert lines == [
        ("T112", 2, "metadata.jsonl"),
        ("T112", 3, "metadata.jsonl"),
        ("T112", 4, "metadata.jsonl"),
        ("T112", 5, "metadata.jsonl"),
    ]
    assert all(p.severity is Severity.NOTICE for p in problems)
    assert codes(problems) == ["T112"] * 4
