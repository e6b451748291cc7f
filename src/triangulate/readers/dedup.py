"""Near-duplicate fingerprints: 64-bit one-permutation MinHash over words.

Not a classic simhash: with simhash the expected number of differing bits is
64 * angle / pi, and a changed headline plus a few edited words already moves
3-gram simhashes 4-7 bits apart.  Here the features are the distinct
lower-cased words and word pairs (bigrams keep word order: a random text over
a small vocabulary is not a copy).  Words are hashed with BLAKE2b (8 bytes;
stable across processes, unlike ``hash()``), a pair by mixing its two word
hashes.  The top 6 bits of a feature hash pick one of 64 bins, each bin keeps
its minimum, and the lowest bit of that minimum is the bin's bit (an empty bin
borrows from the next full one).  Two texts differ in a bit with probability
about (1 - Jaccard) / 2, so syndicated copies (new headline, an added "Quelle:
dpa" line, whitespace, a few words) stay within :data:`NEAR_DUPLICATE_BITS`
while different articles land far apart (25-31 bits for the seed articles).

Fingerprints are signed 64-bit integers (an SQLite INTEGER).  :func:`bands`
splits one into four 16-bit bands: fingerprints within 3 bits share at least
one band, so an index on (band number, band value) finds every candidate.
"""

from __future__ import annotations

import hashlib
import re

NEAR_DUPLICATE_BITS = 3
BINS = 64
_MASK = (1 << 64) - 1
_VALUE_MASK = (1 << 58) - 1
_TOKEN = re.compile(r"\w+")


def _to_signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def _unsigned(value: int) -> int:
    return value & _MASK


def _hash(token: str) -> int:
    digest = hashlib.blake2b(token.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _pair(first: int, second: int) -> int:
    """An order-sensitive 64-bit hash of two word hashes (splitmix64 finaliser)."""
    x = (first * 0x9E3779B97F4A7C15 + second) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


def feature_hashes(text: str) -> set[int]:
    """Hashes of the distinct words and adjacent word pairs of ``text`` (lower-cased)."""
    tokens = _TOKEN.findall(text.casefold())
    known = {token: _hash(token) for token in set(tokens)}
    sequence = [known[token] for token in tokens]
    hashes = set(sequence)
    hashes.update(_pair(a, b) for a, b in zip(sequence, sequence[1:], strict=False))
    return hashes


def fingerprint(text: str) -> int:
    """The 64-bit fingerprint of ``text`` as a signed integer (0 for a text without words)."""
    minima: list[int | None] = [None] * BINS
    for value in feature_hashes(text):
        slot = value >> 58
        rest = value & _VALUE_MASK
        current = minima[slot]
        if current is None or rest < current:
            minima[slot] = rest
    if all(m is None for m in minima):
        return 0
    result = 0
    for slot in range(BINS):
        offset = 0
        found = minima[slot]
        while found is None:  # densify: borrow from the next full bin, salted by distance
            offset += 1
            found = minima[(slot + offset) % BINS]
        bit = found & 1 if offset == 0 else _pair(found, offset) & 1
        result |= bit << slot
    return _to_signed(result)


def bands(fp: int) -> tuple[int, int, int, int]:
    """Four 16-bit bands of a fingerprint, least significant first: band ``i`` holds
    bits ``16*i`` to ``16*i + 15`` (each 0..65535)."""
    value = _unsigned(fp)
    return (value & 0xFFFF, value >> 16 & 0xFFFF, value >> 32 & 0xFFFF, value >> 48 & 0xFFFF)


def hamming(a: int, b: int) -> int:
    """The number of bits in which two fingerprints differ."""
    return (_unsigned(a) ^ _unsigned(b)).bit_count()


def is_near_duplicate(a: int, b: int) -> bool:
    return hamming(a, b) <= NEAR_DUPLICATE_BITS
