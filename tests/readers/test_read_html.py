"""HTML pages: main text and metadata, and malformed markup that must not crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triangulate.errors import Problem
from triangulate.readers import read_bytes
from triangulate.readers.html import html_to_text

from .read_helpers import PAGE, PARAGRAPHS, codes, split


def test_main_text_and_metadata() -> None:
    (doc,), problems = split(list(read_bytes(PAGE.encode(), "page.html")))
    assert problems == []
    assert doc.format == "html" and doc.body_start == 0
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert "tracking" not in doc.text and "Impressum" not in doc.text
    assert doc.title == "Neue Sanktionen gegen Russland"
    assert doc.author == "Erika Muster" and doc.site == "Beispielzeitung"
    assert doc.url == "https://example.org/politik/sanktionen"
    assert (doc.published, doc.published_source) == ("2024-03-05", "html")
    assert doc.language == "de" and doc.doc_id.startswith("doc-")


def test_sniffed_without_extension() -> None:
    (doc,), _ = split(list(read_bytes(PAGE.encode(), "<stdin>")))
    assert doc.format == "html"


def test_legacy_charset_declared_in_meta() -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"')
    (doc,), problems = split(list(read_bytes(page.encode("cp1252"), "page.html")))
    assert problems == [] and doc.encoding == "cp1252"
    assert "Auswärtigen Amtes" in doc.text


def test_truncated_html_still_yields_text() -> None:
    page = PAGE[: PAGE.index(PARAGRAPHS[2][:40]) + 30]  # cut inside the last paragraph
    items = list(read_bytes(page.encode(), "cut.html"))
    docs, _ = split(items)
    assert len(docs) == 1 and PARAGRAPHS[0] in docs[0].text


def test_pages_without_main_text_are_t105() -> None:
    for page in [
        "<html><body></body></html>",
        "<html><head><title>Nur Titel</title></head><body><script>x()</script></body></html>",
        "<html><<<>>><p <div",
        "<!doctype html><html><body>" + "<div>" * 3000 + "tief" + "</div>" * 5,
    ]:
        docs, problems = split(list(read_bytes(page.encode(), "bad.html")))
        assert docs == [] and codes(problems) == ["T105"], page[:40]


def test_binary_and_empty_html() -> None:
    assert codes(split(list(read_bytes(b"", "e.html")))[1]) == ["T102"]
    assert codes(split(list(read_bytes(b"<html>\x00\x01\x02", "b.html")))[1]) == ["T101"]


@given(st.text(alphabet=st.sampled_from(list("<>/!-=\"' abcdpv\n&;#")), max_size=200))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_garbage_markup_never_raises(markup: str) -> None:
    items = list(read_bytes(("<html>" + markup).encode(), "g.html"))
    assert items and all(isinstance(i, Problem) or i.text for i in items)
    html_to_text(markup)


def test_html_to_text_keeps_paragraphs() -> None:
    fragment = (
        "<p>Erster &amp; Absatz.</p><p>Zweiter <b>fetter</b><br>Umbruch.</p>"
        "<ul><li>Eins</li><li>Zwei</li></ul><script>bad()</script>Schluss<!-- c -->."
    )
    assert html_to_text(fragment) == (
        "Erster & Absatz.\n\nZweiter fetter\nUmbruch.\n\nEins\n\nZwei\n\nSchluss."
    )
    assert html_to_text("nur Text") == "nur Text"
    assert html_to_text("") == ""
