"""Language identification and language metadata."""

from __future__ import annotations

import pytest

from triangulate.readers import IngestOptions, read_bytes
from triangulate.readers.langid import detect, normalise_language

from .read_helpers import ENGLISH, GERMAN, codes, split

FRENCH = (
    "Le président de la République a annoncé hier soir une nouvelle série de sanctions "
    "contre la Russie, a indiqué un porte-parole du gouvernement à Paris."
)


def _doc(text: str, options: IngestOptions | None = None):
    docs, problems = split(list(read_bytes(text.encode(), "l.txt", options or IngestOptions())))
    assert len(docs) == 1
    return docs[0], problems


def test_french_document_is_stored_with_language_fr_and_no_problem() -> None:
    doc, problems = _doc(FRENCH)
    assert problems == []  # unsupported languages are the pipeline's to report
    assert doc.language == "fr" and doc.language_source == "detected"
    assert doc.language_confidence is not None and doc.language_confidence > 0.5
    assert not doc.supported


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (ENGLISH, "en"), (FRENCH, "fr")])
def test_detect(text: str, code: str) -> None:
    assert detect(text, ("de", "en", "fr")).language == code


def test_detection_is_restricted_to_the_candidates() -> None:
    doc, _ = _doc(FRENCH, IngestOptions(languages=("de", "en")))
    assert doc.language in (None, "de", "en")


def test_undetermined_language_is_none() -> None:
    doc, problems = _doc("12345 678 90 -- 42 ... 7 %")
    assert doc.language is None and doc.language_source == "unknown" and problems == []
    assert detect("Hallo", ("de", "en")).language is None  # too short to tell


def test_metadata_language_wins_over_detection() -> None:
    doc, _ = _doc("language: de\n---\n" + ENGLISH)
    assert doc.language == "de" and doc.language_source == "metadata"
    assert doc.language_confidence is None


def test_unknown_candidate_is_ignored() -> None:
    assert detect(GERMAN, ("de", "xx")).language == "de"
    assert detect(GERMAN, ("xx",)).language is None


def test_bad_forced_language_is_an_options_error() -> None:
    with pytest.raises(ValueError):
        IngestOptions(language="klingon!")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("de", "de"),
        ("DE", "de"),
        ("de-AT", "de"),
        ("en_US", "en"),
        ("deu", "de"),
        ("ger", "de"),
        ("German", "de"),
        ("deutsch", "de"),
        ("fra", "fr"),
        ("", None),
        ("???", None),
        ("zzz", None),
    ],
)
def test_normalise_language(value: str, code: str | None) -> None:
    assert normalise_language(value) == code


def test_jsonl_bad_language_is_a_notice() -> None:
    data = b'{"text": "%s", "language": 5}\n' % GERMAN.encode()
    docs, problems = split(list(read_bytes(data, "x.jsonl")))
    assert codes(problems) == ["T104"] and problems[0].line == 1
    assert docs[0].language == "de" and docs[0].language_source == "detected"
