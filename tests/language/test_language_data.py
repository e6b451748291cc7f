"""The language data files: present, parsed, cached."""

from __future__ import annotations

from triangulate.language import language_data
from triangulate.language.data import FINAL, NUM, PLAIN, normalise_lang, read_entries


def test_german_abbreviations_are_substantial() -> None:
    data = language_data("de")
    assert len(data.abbreviations) >= 100
    for form in (
        "Prof.",
        "bzw.",
        "u.a.",
        "z.B.",
        "Nr.",
        "Dr.",
        "etc.",
        "St.",
        "Mio.",
        "Mrd.",
        "Jh.",
        "ca.",
        "vgl.",
        "usw.",
    ):
        assert data.abbreviation(form) is not None, form
    assert data.abbreviation("usw.") == FINAL
    assert data.abbreviation("Prof.") == PLAIN
    assert data.abbreviation("Art.") == NUM
    assert data.abbreviation("Vgl.") == PLAIN  # capitalised at a sentence start
    assert data.max_abbreviation_tokens >= 3  # "i. d. R."


def test_english_abbreviations() -> None:
    data = language_data("en")
    for form in ("Mr.", "Mrs.", "Dr.", "U.S.", "U.N.", "Jan.", "Feb.", "etc."):
        assert data.abbreviation(form) is not None, form
    assert data.abbreviation("ill.") is None  # "Ill." (Illinois) does not match the word


def test_months_and_starters() -> None:
    de = language_data("de")
    assert {"september", "oktober", "märz", "dez"} <= de.months
    assert {"im", "jetzt", "die"} <= de.starters
    assert {"der", "zum", "am"} <= de.ordinal_context
    en = language_data("en")
    assert {"january", "may", "dec"} <= en.months
    assert "the" in en.starters


def test_neutral_default_merges_both() -> None:
    neutral = language_data("fr")
    assert neutral.abbreviation("Mrs.") is not None
    assert neutral.abbreviation("bzw.") is not None
    assert neutral is language_data("xx")  # cached


def test_cached_and_normalised() -> None:
    assert language_data("de") is language_data("DE-de")
    assert normalise_lang("en_GB") == "en"
    assert normalise_lang("tlh") == ""
    assert read_entries("de", "no-such-file.txt") == []


def test_comments_are_dropped() -> None:
    for lang in ("de", "en"):
        for name in ("abbreviations.txt", "months.txt", "starters.txt"):
            entries = read_entries(lang, name)
            assert entries and not any(e.startswith("#") for e in entries)
