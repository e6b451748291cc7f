"""JSON Lines: streaming, malformed lines with line numbers, oversized lines."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from triangulate.model import Document
from triangulate.readers import IngestOptions, iter_inputs, read_bytes
from triangulate.readers.jsonl import split_lines

from .read_helpers import ENGLISH, GERMAN, codes, split


def _line(**record: object) -> str:
    return json.dumps(record, ensure_ascii=False)


MIXED = "\n".join(
    [
        _line(doc_id="g1", text=GERMAN, published="2024-03-05", title="T", genre="report"),
        "{not json",
        "[1, 2, 3]",
        _line(doc_id="nt"),
        _line(doc_id="e", text="   "),
        _line(doc_id="n", text=42),
        "",
        _line(text=ENGLISH, url="https://example.org/e", source_desk="Ausland"),
        '"just a string"',
        _line(doc_id="g3", text=GERMAN + " Drei.", language="de"),
    ]
)


def test_good_lines_survive_bad_lines_are_reported_with_numbers() -> None:
    docs, problems = split(list(read_bytes(MIXED.encode(), "m.jsonl")))
    assert [(d.doc_id, d.source_line) for d in docs][0] == ("g1", 1)
    assert [d.source_line for d in docs] == [1, 8, 10]
    assert [(p.code, p.line) for p in problems] == [
        ("T104", 2),
        ("T104", 3),
        ("T104", 4),
        ("T102", 5),
        ("T104", 6),
        ("T104", 9),
    ]
    assert all(p.source == "m.jsonl" for p in problems)
    g1, english, g3 = docs
    assert (g1.published, g1.title, g1.genre, g1.format) == ("2024-03-05", "T", "report", "jsonl")
    assert g1.text == GERMAN and g1.body_start == 0
    assert english.doc_id.startswith("doc-") and english.language == "en"
    assert english.url == "https://example.org/e" and english.meta == {"source_desk": "Ausland"}
    assert g3.language_source == "metadata"


def test_oversized_line_is_t103_and_the_rest_survive() -> None:
    big = _line(doc_id="big", text="x " * 600)
    data = "\n".join([_line(doc_id="a", text=GERMAN), big, _line(doc_id="b", text=ENGLISH)])
    docs, problems = split(
        list(read_bytes(data.encode(), "o.jsonl", IngestOptions(max_bytes=1000)))
    )
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert [(p.code, p.line) for p in problems] == [("T103", 2)]
    assert "1,000" in problems[0].detail


def test_crlf_bom_and_no_final_newline() -> None:
    data = (
        b"\xef\xbb\xbf"
        + (_line(doc_id="a", text=GERMAN) + "\r\n" + _line(doc_id="b", text=ENGLISH)).encode()
    )
    docs, problems = split(list(read_bytes(data, "c.jsonl")))
    assert problems == [] and [d.doc_id for d in docs] == ["a", "b"]


def test_cp1252_line_is_decoded_with_a_notice() -> None:
    good = _line(doc_id="a", text=GERMAN).encode()
    legacy = _line(doc_id="b", text="Der „Plan“ kostet 5 € – sagte Müller.").encode("cp1252")
    docs, problems = split(list(read_bytes(good + b"\n" + legacy + b"\n", "l.jsonl")))
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert docs[1].text == "Der „Plan“ kostet 5 € – sagte Müller."
    assert [(p.code, p.line) for p in problems] == [("T109", 2)]


def test_empty_and_binary_jsonl() -> None:
    assert codes(split(list(read_bytes(b"\n\n  \n", "e.jsonl", fmt="jsonl")))[1]) == ["T102"]
    assert codes(split(list(read_bytes(b"{\x00\x00\x01", "b.jsonl", fmt="jsonl")))[1]) == ["T101"]


def test_json_array_is_not_json_lines() -> None:
    data = json.dumps([{"text": GERMAN}]).encode()
    docs, problems = split(list(read_bytes(data, "a.json")))
    assert docs == [] and codes(problems) == ["T114"]


@given(
    st.lists(st.binary(max_size=30).map(lambda b: b.replace(b"\n", b"")), max_size=20),
    st.lists(st.integers(1, 17), min_size=1, max_size=10),
    st.booleans(),
)
def test_split_lines_matches_bytes_split(lines: list[bytes], cuts: list[int], final: bool) -> None:
    data = b"\n".join(lines) + (b"\n" if final and lines else b"")
    chunks, position, i = [], 0, 0
    while position < len(data):
        size = cuts[i % len(cuts)]
        chunks.append(data[position : position + size])
        position += size
        i += 1
    expected = data.split(b"\n")
    if expected and expected[-1] == b"":
        expected.pop()
    got = list(split_lines(chunks, max_bytes=25))
    assert [n for n, _ in got] == list(range(1, len(expected) + 1))
    assert [line for _, line in got] == [line if len(line) <= 25 else None for line in expected]


def test_50_mb_jsonl_streams(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    record = (GERMAN + " ") * 25  # about 4 KB
    with path.open("w", encoding="utf-8") as out:
        for i in range(13_000):
            out.write(_line(doc_id=f"d{i}", text=record) + "\n")
    assert path.stat().st_size > 50_000_000
    start = time.perf_counter()
    tracemalloc.start()
    try:
        items = iter_inputs([path], IngestOptions(language="de"))
        count = sum(1 for item in items if isinstance(item, Document))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 13_000
    assert peak < 20_000_000  # streamed, never held whole
    assert time.perf_counter() - start < 60
