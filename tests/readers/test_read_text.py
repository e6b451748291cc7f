"""Plain text: header blocks, body_start and offsets, malformed headers."""

from __future__ import annotations

import pytest

from triangulate.errors import Severity
from triangulate.readers import IngestOptions, read_bytes
from triangulate.readers.text import parse_header

from .read_helpers import GERMAN, codes, split

HEADER = (
    "title: Neue Sanktionen\n"
    "url: https://example.org/a\n"
    "published: 2024-03-05\n"
    "language: de\n"
    "author: Erika Muster\n"
    "site: Beispielzeitung\n"
    "genre: report\n"
    "doc_id: ex-1\n"
    "desk: Politik\n"
    "---\n"
)


def _read(text: str, **kwargs: object):
    return split(list(read_bytes(text.encode("utf-8"), "a.txt", **kwargs)))


def test_header_block_fields_and_offsets() -> None:
    text = HEADER + GERMAN + "\n"
    docs, problems = _read(text)
    assert problems == []
    (doc,) = docs
    assert doc.text == text  # the whole file, header included
    assert doc.body_start == len(HEADER)
    assert doc.text[doc.body_start :].startswith("Die Bundesregierung")
    start = doc.text.index("Sanktionen gegen")
    assert doc.text[start : start + 10] == "Sanktionen"
    assert (doc.title, doc.url, doc.author, doc.site) == (
        "Neue Sanktionen",
        "https://example.org/a",
        "Erika Muster",
        "Beispielzeitung",
    )
    assert (doc.doc_id, doc.genre, doc.language, doc.language_source) == (
        "ex-1",
        "report",
        "de",
        "metadata",
    )
    assert (doc.published, doc.published_precision, doc.published_source) == (
        "2024-03-05",
        "day",
        "metadata",
    )
    assert doc.meta == {"desk": "Politik"}


def test_front_matter_and_crlf() -> None:
    head = "---\r\ntitle: 'Quoted'\r\ndate: 5. März 2024\r\n---\r\n"
    text = head + "Body line one.\r\nBody line two with enough words in English.\r\n"
    (doc,), problems = _read(text)
    assert problems == []
    assert doc.body_start == len(head) and doc.text[doc.body_start :].startswith("Body line one")
    assert doc.title == "Quoted" and doc.published == "2024-03-05"
    assert "\r\n" in doc.text  # kept verbatim


def test_header_without_closing_line_is_plain_text_with_notice() -> None:
    text = "title: Nur ein Titel\n" + GERMAN
    (doc,), problems = _read(text)
    assert codes(problems) == ["T111"] and problems[0].severity is Severity.NOTICE
    assert doc.body_start == 0 and doc.text == text and doc.title is None


def test_bad_header_line_is_plain_text_with_notice() -> None:
    text = "title: Titel\nDas ist keine Kopfzeile\n---\n" + GERMAN
    (doc,), problems = _read(text)
    assert codes(problems) == ["T111"]
    assert "line 2" in problems[0].detail
    assert doc.body_start == 0 and doc.title is None


def test_text_starting_with_a_colon_line_is_not_a_header() -> None:
    text = "Von: mk\nMoskau/Pjöngjang – " + GERMAN
    (doc,), problems = _read(text)
    assert problems == [] and doc.body_start == 0


def test_bad_header_values_are_notices_and_keep_the_document() -> None:
    text = "title: T\npublished: irgendwann\nlanguage: ???\ngenre: gossip\n---\n" + GERMAN
    (doc,), problems = _read(text)
    assert codes(problems) == ["T111", "T111", "T111"]
    assert doc.published is None and doc.language == "de" and doc.language_source == "detected"
    assert doc.genre is None and doc.meta["genre"] == "gossip"


def test_header_but_no_body_is_t102() -> None:
    docs, problems = _read("title: T\n---\n  \n")
    assert docs == [] and codes(problems) == ["T102"]


def test_doc_id_is_content_derived_and_stable() -> None:
    (a,), _ = _read(GERMAN)
    (b,), _ = _read(GERMAN)
    (c,), _ = _read(GERMAN + " Noch ein Satz.")
    assert a.doc_id == b.doc_id != c.doc_id and a.doc_id.startswith("doc-")


def test_forced_language_skips_detection() -> None:
    (doc,), _ = _read(GERMAN, options=IngestOptions(language="EN"))
    assert doc.language == "en" and doc.language_source == "metadata"


@pytest.mark.parametrize(
    ("text", "fields", "body_start"),
    [
        ("title: A\n---\nx", {"title": "A"}, 13),
        ("TITLE: A\nFoo-Bar: b\n\n---\nx", {"title": "A", "foo-bar": "b"}, 25),
        ("---\nid: 7\n---\n", {"id": "7"}, 14),
        ("Titel: A\n---\nx", {}, 0),
        ("title A\n---\nx", {}, 0),
        ("", {}, 0),
    ],
)
def test_parse_header_table(text: str, fields: dict[str, str], body_start: int) -> None:
    header = parse_header(text)
    assert header.fields == fields and header.body_start == body_start
