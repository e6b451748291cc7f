"""Decoding: binary, empty, BOMs, UTF-16 and the legacy fallbacks."""

from __future__ import annotations

import pytest

from triangulate.errors import Severity
from triangulate.readers import read_bytes
from triangulate.readers.decode import (
    Decoded,
    declared_charset,
    decode_bytes,
    decode_document,
    looks_binary,
)

from .read_helpers import GERMAN, codes, split

SPECIAL = "Der „Plan“ kostet 5 € – sagte Müller über Größe und Maß. " * 3


def _one_doc(data: bytes):
    docs, problems = split(list(read_bytes(data, "t.txt", fmt="text")))
    assert len(docs) == 1, problems
    return docs[0], problems


def test_binary_file_is_t101() -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    docs, problems = split(list(read_bytes(data, "img.txt")))
    assert docs == [] and codes(problems) == ["T101"]
    assert problems[0].severity is Severity.ERROR


def test_control_characters_count_as_binary() -> None:
    data = (b"abc\x01\x02\x03\x04\x05\x06" * 100) + b"text"
    assert looks_binary(data)
    assert not looks_binary(GERMAN.encode())
    assert not looks_binary(b"Zeile\tmit\tTabs\r\nund\fSeitenvorschub\n")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_or_whitespace_is_t102(data: bytes) -> None:
    docs, problems = split(list(read_bytes(data, "e.txt")))
    assert docs == [] and codes(problems) == ["T102"]


def test_utf8_is_not_a_fallback() -> None:
    doc, problems = _one_doc(SPECIAL.encode("utf-8"))
    assert problems == [] and doc.encoding == "utf-8" and doc.text == SPECIAL


def test_cp1252_german_decodes_with_notice() -> None:
    doc, problems = _one_doc(SPECIAL.encode("cp1252"))
    assert doc.text == SPECIAL
    assert doc.encoding == "cp1252"
    assert codes(problems) == ["T109"] and problems[0].severity is Severity.NOTICE
    assert "cp1252" in problems[0].detail


def test_latin1_german_decodes_with_notice() -> None:
    text = "Über die Größe der Maßnahme wurde in München lange gestritten. " * 2
    doc, problems = _one_doc(text.encode("latin-1"))
    assert doc.text == text and doc.encoding == "latin-1"
    assert codes(problems) == ["T109"]
    assert doc.language == "de"


def test_cp1252_is_not_second_guessed_as_cp1250() -> None:
    # charset-normalizer alone calls this cp1250; the fallback must not ask it.
    text = "Die Bundesregierung hat am Montag „neue Maßnahmen“ für 5 € angekündigt – größer."
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.encoding == "cp1252" and decoded.text == text


def test_cyrillic_legacy_encoding_is_detected() -> None:
    text = "Москва заявила сегодня, что переговоры с Пекином продолжатся на следующей неделе."
    decoded = decode_bytes(text.encode("cp1251"))
    assert decoded.text == text and decoded.fallback


def test_utf8_bom_is_stripped() -> None:
    doc, problems = _one_doc(b"\xef\xbb\xbf" + SPECIAL.encode())
    assert problems == []
    assert doc.text == SPECIAL and not doc.text.startswith("\ufeff")
    assert doc.encoding == "utf-8-sig"  # re-reading with this codec gives the same text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32(codec: str) -> None:
    data = SPECIAL.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + SPECIAL).encode(codec)
    doc, problems = _one_doc(data)
    assert doc.text == SPECIAL and problems == []


def test_utf16_without_bom_is_recognised() -> None:
    result = decode_document(GERMAN.encode("utf-16-le"), "x")
    assert isinstance(result, Decoded)
    assert result.text == GERMAN and result.fallback


def test_declared_html_charset_is_used() -> None:
    text = '<meta charset="ISO-8859-15">Preis: 5 € (Euro-Zeichen auf 0xA4)'
    data = text.encode("iso-8859-15")
    assert declared_charset(data) == "iso8859-15"
    result = decode_document(data, "x", declared=declared_charset(data))
    assert isinstance(result, Decoded) and result.text == text and not result.fallback


def test_size_limit_from_read_bytes() -> None:
    from triangulate.readers import IngestOptions

    docs, problems = split(list(read_bytes(b"x" * 101, "big.txt", IngestOptions(max_bytes=100))))
    assert docs == [] and codes(problems) == ["T103"]
    assert "101" in problems[0].detail and "100" in problems[0].detail
