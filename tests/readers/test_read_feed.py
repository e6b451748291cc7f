"""RSS and Atom feeds: items, broken items, non-feeds."""

from __future__ import annotations

from triangulate.errors import Severity
from triangulate.readers import read_bytes
from triangulate.readers.feed import feed_doc_id

from .read_helpers import ATOM, RSS, codes, split


def test_rss_items_and_broken_items() -> None:
    docs, problems = split(list(read_bytes(RSS.encode(), "f.rss")))
    assert [d.source_line for d in docs] == [1, 3, 5]
    assert [(p.code, p.line) for p in problems] == [("T107", 2), ("T107", 4)]
    assert "Nur ein Titel" in problems[0].detail
    first, short, english = docs
    assert first.text == (
        "Die Bundesregierung hat am Montag neue Sanktionen gegen Russland angekündigt."
        "\n\nDer Sprecher sagte, man werde die Ukraine weiter unterstützen."
    )
    assert first.format == "feed" and first.title == "Neue Sanktionen"
    assert first.url == "https://example.org/1" and first.site == "Beispielzeitung"
    assert (first.published, first.published_source) == ("2024-03-05", "feed")  # local date
    assert first.doc_id == feed_doc_id("https://example.org/?p=1")
    assert first.meta["guid"] == "https://example.org/?p=1" and first.meta["tags"] == ["Politik"]
    assert first.language == "de" and first.language_source == "detected"
    assert short.text == "Die Opposition kritisierte die Entscheidung als verspätet & unzureichend."
    assert short.doc_id.startswith("doc-") and short.published is None
    assert english.language == "en" and english.published == "2024-03-06"
    assert english.doc_id == feed_doc_id("https://example.org/5")  # no guid: the link


def test_doc_ids_are_stable() -> None:
    first = [d.doc_id for d in split(list(read_bytes(RSS.encode(), "f.rss")))[0]]
    again = [d.doc_id for d in split(list(read_bytes(RSS.encode(), "g.xml")))[0]]
    assert first == again and len(set(first)) == 3


def test_atom_content_wins_over_summary() -> None:
    docs, problems = split(list(read_bytes(ATOM.encode(), "a.atom")))
    assert [(p.code, p.line) for p in problems] == [("T107", 2)]
    (doc,) = docs
    assert doc.text.startswith("Kim Jong-un ist nach Wladiwostok gereist")
    assert doc.published == "2024-03-05" and doc.site == "Atom-Zeitung"


def test_sniffed_feed() -> None:
    docs, _ = split(list(read_bytes(RSS.encode(), "<stdin>")))
    assert len(docs) == 3


def test_not_a_feed_is_t110() -> None:
    for data in [b"<rss><chann", b"just some text", b"<html><body>x</body></html>"]:
        docs, problems = split(list(read_bytes(data, "x.rss", fmt="feed")))
        assert docs == [] and codes(problems) == ["T110"], data


def test_empty_feed_is_a_notice() -> None:
    data = b'<rss version="2.0"><channel><title>Leer</title></channel></rss>'
    docs, problems = split(list(read_bytes(data, "e.rss")))
    assert docs == [] and codes(problems) == ["T102"]
    assert problems[0].severity is Severity.NOTICE


def test_truncated_feed_keeps_complete_items() -> None:
    cut = RSS[: RSS.index("<title>English item")]
    docs, problems = split(list(read_bytes(cut.encode(), "cut.rss")))
    assert [d.source_line for d in docs] == [1, 3]
    assert "T110" in codes(problems)  # the not-well-formed notice
    assert all(p.severity is Severity.NOTICE for p in problems if p.code == "T110")


def test_binary_feed_is_t101() -> None:
    docs, problems = split(list(read_bytes(b"<rss>\x00\x00\x00", "b.rss")))
    assert docs == [] and codes(problems) == ["T101"]
