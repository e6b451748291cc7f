"""Near-duplicate fingerprints on the seed texts and as properties."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triangulate.readers import NEAR_DUPLICATE_BITS, bands, fingerprint, hamming

from .read_helpers import seed_texts

INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)


def syndicated(text: str, seed: int, edits: int = 3) -> str:
    """Another outlet's copy: new headline, a source line, other spacing, edited words."""
    rnd = random.Random(seed)
    lines = text.split("\n")
    lines[0] = "Exklusiv: Was hinter der neuen Achse steckt"
    copy = "\n".join(lines) + "\n\nQuelle: dpa"
    copy = re.sub(r" ", lambda _: "  " if rnd.random() < 0.2 else " ", copy)
    copy = copy.replace("\n", "\r\n")
    words = copy.split(" ")
    for _ in range(edits):
        words[rnd.randrange(len(words))] = rnd.choice(["Korrespondentin", "übereinstimmend"])
    return " ".join(words)


@pytest.mark.parametrize("index", range(5))
def test_syndicated_copies_are_near_duplicates(index: int) -> None:
    text = seed_texts()[index]
    original = fingerprint(text)
    for seed in range(5):
        copy = syndicated(text, seed)
        assert copy != text
        assert hamming(original, fingerprint(copy)) <= NEAR_DUPLICATE_BITS
        shared = [a == b for a, b in zip(bands(original), bands(fingerprint(copy)), strict=True)]
        assert any(shared)  # found through the band index


def test_whitespace_and_case_do_not_matter() -> None:
    text = seed_texts()[2]
    assert fingerprint(text) == fingerprint("  " + text.upper().replace(" ", "\n "))


def test_different_seed_articles_are_far_apart() -> None:
    prints = [fingerprint(t) for t in seed_texts()]
    distances = [hamming(a, b) for i, a in enumerate(prints) for b in prints[i + 1 :]]
    assert min(distances) > 4 * NEAR_DUPLICATE_BITS


def test_random_texts_over_one_small_vocabulary_are_not_duplicates() -> None:
    vocabulary = [
        "Russland",
        "China",
        "Kreml",
        "Truppen",
        "Vertrag",
        "traf",
        "warnte",
        "der",
        "die",
        "und",
        "mit",
        "gegen",
    ]
    rnd = random.Random(7)
    prints = [fingerprint(" ".join(rnd.choices(vocabulary, k=120))) for _ in range(40)]
    distances = [hamming(a, b) for i, a in enumerate(prints) for b in prints[i + 1 :]]
    assert min(distances) > NEAR_DUPLICATE_BITS


def test_word_order_matters() -> None:
    a = "Russland greift die Ukraine an und China schweigt dazu"
    b = "Die Ukraine greift Russland an und dazu schweigt China"
    assert hamming(fingerprint(a), fingerprint(b)) > NEAR_DUPLICATE_BITS


def test_halves_of_one_article_are_not_duplicates() -> None:
    text = seed_texts()[0]
    middle = len(text) // 2
    assert hamming(fingerprint(text[:middle]), fingerprint(text[middle:])) > NEAR_DUPLICATE_BITS


def test_fingerprint_is_stable_across_processes() -> None:
    text = seed_texts()[3]
    code = (
        "import sys; from triangulate.readers import fingerprint; "
        "print(fingerprint(sys.stdin.read()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True
    )
    assert int(out.stdout) == fingerprint(text)


def test_empty_text() -> None:
    assert fingerprint("") == 0 == fingerprint(" ... ")


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_fingerprint_is_deterministic_and_int64(text: str) -> None:
    fp = fingerprint(text)
    assert fp == fingerprint(text)
    assert -(2**63) <= fp < 2**63
    assert hamming(fp, fp) == 0


@given(INT64, INT64)
def test_hamming_is_a_symmetric_bit_count(a: int, b: int) -> None:
    assert hamming(a, b) == hamming(b, a)
    assert 0 <= hamming(a, b) <= 64
    assert (hamming(a, b) == 0) == (a == b)


@given(INT64, INT64, INT64)
def test_hamming_triangle_inequality(a: int, b: int, c: int) -> None:
    assert hamming(a, c) <= hamming(a, b) + hamming(b, c)


@given(INT64)
def test_bands_are_four_16_bit_parts(fp: int) -> None:
    parts = bands(fp)
    assert len(parts) == 4 and all(0 <= p < 2**16 for p in parts)
    joined = parts[3] << 48 | parts[2] << 32 | parts[1] << 16 | parts[0]
    assert joined == fp % 2**64


@given(INT64, st.sets(st.integers(0, 63), max_size=NEAR_DUPLICATE_BITS))
def test_near_duplicates_share_a_band(fp: int, flips: set[int]) -> None:
    other = fp
    for bit in flips:
        other ^= 1 << bit
    other = (other + 2**63) % 2**64 - 2**63
    assert hamming(fp, other) == len(flips)
    assert any(x == y for x, y in zip(bands(fp), bands(other), strict=True))
