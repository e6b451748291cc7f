"""iter_inputs: paths, directories, stdin, size limits; it never raises."""

from __future__ import annotations

import io
import json
import os
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triangulate.errors import Problem, Severity
from triangulate.readers import IngestOptions, iter_inputs, read_bytes
from triangulate.readers import inputs as inputs_module

from .read_helpers import ENGLISH, GERMAN, PAGE, RSS, codes, split

FRENCH = "Le gouvernement a annoncé lundi de nouvelles sanctions contre la Russie à Paris."


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_missing_path_is_t108_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = _write(tmp_path / "a.txt", GERMAN)
    docs, problems = split(list(iter_inputs([tmp_path / "nope.txt", good, "also/missing"])))
    assert len(docs) == 1
    assert [(p.code, p.source) for p in problems] == [
        ("T108", str(tmp_path / "nope.txt")),
        ("T108", "also/missing"),
    ]
    assert "no such file" in problems[0].detail


def test_50_mb_file_is_refused_by_size_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(50_000_000)  # sparse: reading it would take time, stat does not
    start = time.perf_counter()
    docs, problems = split(list(iter_inputs([path])))
    assert time.perf_counter() - start < 1.0
    assert docs == [] and codes(problems) == ["T103"]
    assert problems[0].detail.startswith("50,000,000 bytes exceeds the limit of 20,000,000 bytes")


def test_size_limit_applies_to_sniffed_files(tmp_path: Path) -> None:
    path = _write(tmp_path / "noext", "x" * 5000)
    docs, problems = split(list(iter_inputs([path], IngestOptions(max_bytes=4096))))
    assert docs == [] and codes(problems) == ["T103"]


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n".join(json.dumps({"doc_id": f"s{i}", "text": GERMAN}) for i in range(3))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    docs, problems = split(list(iter_inputs(["-"])))
    assert problems == [] and [d.doc_id for d in docs] == ["s0", "s1", "s2"]
    assert {d.source for d in docs} == {"<stdin>"}


def test_stdin_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a" * 20_000)))
    docs, problems = split(list(iter_inputs(["-"], IngestOptions(max_bytes=10_000))))
    assert docs == [] and codes(problems) == ["T103"]


def test_read_bytes_formats() -> None:
    assert split(list(read_bytes(GERMAN.encode(), "-")))[0][0].format == "text"
    assert split(list(read_bytes(PAGE.encode(), "-")))[0][0].format == "html"
    assert split(list(read_bytes(RSS.encode(), "-")))[0][0].format == "feed"
    line = json.dumps({"text": GERMAN}).encode()
    assert split(list(read_bytes(line, "-")))[0][0].format == "jsonl"
    (doc,), _ = split(list(read_bytes(b"{not json but text", "-", fmt="text")))
    assert doc.text == "{not json but text"
    assert codes(split(list(read_bytes(b"x", "-", fmt="pdf")))[1]) == ["T114"]


def test_mixed_directory_reports_every_problem_and_yields_every_document(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write(root / "01_de.txt", GERMAN)
    _write(root / "02_en.md", "title: English\n---\n" + ENGLISH)
    _write(root / "03_fr.txt", FRENCH)
    _write(root / "04_cp1252.txt", ("Der „Plan“ kostet 5 € – sagte Müller. " * 3).encode("cp1252"))
    _write(
        root / "05_latin1.txt", ("Über die Größe der Maßnahme in München. " * 3).encode("latin-1")
    )
    _write(root / "06_binary.txt", b"\x00\x01\x02\x03" * 100)
    _write(root / "07_empty.txt", b"")
    _write(root / "08_page.html", PAGE)
    _write(root / "09_broken.html", "<html><body><script>x</script><<</div")
    jsonl = [json.dumps({"doc_id": "j1", "text": GERMAN}), "{oops", json.dumps({"doc_id": "j3"})]
    _write(root / "10_docs.jsonl", "\n".join(jsonl))
    _write(root / "11_feed.xml", RSS)
    _write(root / "12_notafeed.rss", "kein Feed")
    _write(root / "13_image.png", b"\x89PNG\r\n\x1a\n")
    _write(root / "14_noext", ENGLISH)
    _write(root / ".hidden.txt", GERMAN)
    _write(root / ".git" / "x.txt", GERMAN)
    _write(root / "sub" / "deeper" / "a.txt", GERMAN + " Unten.")
    _write(root / "sub" / "metadata.jsonl", '{"file": "b.txt", "doc_id": "sub-b"}\n{bad\n')
    _write(root / "sub" / "b.txt", ENGLISH + " Sub.")
    _write(root / "README.md", "# About this corpus")
    (root / "15_broken_link.txt").symlink_to(root / "does-not-exist.txt")

    items = list(iter_inputs([root]))
    docs, problems = split(items)
    by_name = {Path(d.source).name: d for d in docs}
    assert sorted(by_name) == sorted(
        [
            "01_de.txt",
            "02_en.md",
            "03_fr.txt",
            "04_cp1252.txt",
            "05_latin1.txt",
            "08_page.html",
            "10_docs.jsonl",
            "11_feed.xml",
            "14_noext",
            "a.txt",
            "b.txt",
        ]
    )
    assert sum(1 for d in docs if d.format == "feed") == 3
    assert by_name["03_fr.txt"].language == "fr"
    assert by_name["02_en.md"].title == "English"
    assert by_name["04_cp1252.txt"].text.startswith("Der „Plan“ kostet 5 €")
    assert by_name["05_latin1.txt"].text.startswith("Über die Größe")
    assert by_name["b.txt"].doc_id == "sub-b"
    assert not any(".hidden" in d.source or ".git" in d.source for d in docs)

    reported = {(Path(p.source).name, p.code, p.line) for p in problems}
    assert reported == {
        ("04_cp1252.txt", "T109", None),
        ("05_latin1.txt", "T109", None),
        ("06_binary.txt", "T101", None),
        ("07_empty.txt", "T102", None),
        ("09_broken.html", "T105", None),
        ("10_docs.jsonl", "T104", 2),
        ("10_docs.jsonl", "T104", 3),
        ("11_feed.xml", "T107", 2),
        ("11_feed.xml", "T107", 4),
        ("12_notafeed.rss", "T110", None),
        ("13_image.png", "T114", None),
        ("15_broken_link.txt", "T108", None),
        ("metadata.jsonl", "T112", 2),
        ("README.md", "T114", None),
    }
    notices = {(Path(p.source).name, p.code) for p in problems if p.severity is Severity.NOTICE}
    assert notices == {
        ("04_cp1252.txt", "T109"),
        ("05_latin1.txt", "T109"),
        ("13_image.png", "T114"),
        ("metadata.jsonl", "T112"),
        ("README.md", "T114"),
    }
    # sorted, depth-first order: the walk is deterministic
    assert [Path(i.source).name for i in items] == [
        Path(i.source).name for i in iter_inputs([root])
    ]
    names = [Path(d.source).name for d in docs]
    assert names.index("01_de.txt") < names.index("14_noext") < names.index("a.txt")


def test_explicit_non_document_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "scan.pdf", b"%PDF-1.7")
    (problem,) = list(iter_inputs([path]))
    assert problem.code == "T114" and problem.severity is Severity.ERROR


def test_explicit_hidden_file_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / ".note.txt", GERMAN)
    docs, _ = split(list(iter_inputs([path])))
    assert len(docs) == 1


def test_symlinked_directory_loop_terminates(tmp_path: Path) -> None:
    _write(tmp_path / "d" / "a.txt", GERMAN)
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    docs, _ = split(list(iter_inputs([tmp_path / "d"])))
    assert len(docs) == 1


def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (problem,) = list(iter_inputs([fifo]))
    assert problem.code == "T108"


def test_unexpected_failure_becomes_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = _write(tmp_path / "a.html", PAGE)
    good = _write(tmp_path / "b.txt", GERMAN)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(inputs_module, "read_html", explode)
    docs, problems = split(list(iter_inputs([bad, good])))
    assert len(docs) == 1 and codes(problems) == ["T108"] and "boom" in problems[0].detail


def test_same_options_object_is_reusable(tmp_path: Path) -> None:
    options = IngestOptions(languages=("de", "en"))
    path = _write(tmp_path / "a.txt", ENGLISH)
    assert [d.language for d in split(list(iter_inputs([path], options)))[0]] == ["en"]
    assert [d.language for d in split(list(iter_inputs([path], options)))[0]] == ["en"]


def test_missing_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    (problem,) = list(iter_inputs(["-"]))
    assert isinstance(problem, Problem) and problem.code == "T108"


@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from([b"<rss>", b"<html>", b"{", b"title: x\n---\n", b"\xef\xbb\xbf"]).flatmap(
            lambda head: st.binary(max_size=200).map(lambda tail: head + tail)
        ),
    ),
    st.sampled_from([None, "text", "html", "jsonl", "feed"]),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_bytes_never_fail_unexpectedly(data: bytes, fmt: str | None) -> None:
    items = list(read_bytes(data, "fuzz", fmt=fmt))
    assert items
    for item in items:
        if isinstance(item, Problem):
            assert "unexpected failure" not in item.detail, item
        else:
            assert item.text.strip() and item.doc_id
