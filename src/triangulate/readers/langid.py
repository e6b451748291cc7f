"""Language identification with lingua, restricted to a candidate set.

One detector is built lazily per candidate set and cached.  Detection looks at
the first :data:`SAMPLE_CHARS` characters of a body, and at the first
:data:`LONG_SAMPLE_CHARS` when that is not conclusive (lingua's time grows with
the sample: about 0.6 ms for 1000 characters, 1.2 ms for 2000).  A result below
:data:`MIN_CONFIDENCE`, or on too few letters, counts as undetermined.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

log = logging.getLogger(__name__)

SAMPLE_CHARS = 1000
LONG_SAMPLE_CHARS = 2000
MIN_CONFIDENCE = 0.5
MIN_LETTERS = 12
_LETTERS = re.compile(r"[^\W\d_]")
_CODE = re.compile(r"[a-z]{2,3}")
#: Names and bibliographic codes metadata sometimes uses instead of ISO 639-1.
_ALIASES = {
    "deutsch": "de", "ger": "de", "englisch": "en", "fre": "fr", "französisch": "fr",
    "français": "fr", "francais": "fr", "dut": "nl", "español": "es", "spanisch": "es",
    "italiano": "it", "russisch": "ru", "ukrainisch": "uk", "polnisch": "pl",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Detection:
    language: str | None
    confidence: float | None


@functools.lru_cache(maxsize=8)
def _detector(candidates: tuple[str, ...]) -> LanguageDetector | None:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = []
    for code in candidates:
        try:
            codes.append(IsoCode639_1.from_str(code))
        except ValueError:
            log.warning("language %r is not known to lingua; left out of detection", code)
    if not codes:
        return None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def _enough_letters(sample: str) -> bool:
    if len(_LETTERS.findall(sample, 0, 200)) >= MIN_LETTERS:
        return True
    return len(_LETTERS.findall(sample)) >= MIN_LETTERS


def detect(text: str, candidates: tuple[str, ...]) -> Detection:
    """The most likely language of ``text`` among ``candidates`` (ISO 639-1)."""
    if not _enough_letters(text[:LONG_SAMPLE_CHARS]):
        return Detection(None, None)
    detector = _detector(tuple(sorted({c.lower() for c in candidates})))
    if detector is None:
        return Detection(None, None)
    best = None
    for size in (SAMPLE_CHARS, LONG_SAMPLE_CHARS):
        values = detector.compute_language_confidence_values(text[:size])
        if values and (best is None or values[0].value > best.value):
            best = values[0]
        if (best is not None and best.value >= MIN_CONFIDENCE) or len(text) <= size:
            break
    if best is None or best.value < MIN_CONFIDENCE:
        return Detection(None, None)
    return Detection(best.language.iso_code_639_1.name.lower(), round(best.value, 4))


@functools.lru_cache(maxsize=256)
def normalise_language(value: str) -> str | None:
    """``de``, ``DE``, ``de-AT``, ``deu``, ``German`` -> ``de``; None if unrecognised."""
    from lingua import IsoCode639_3, Language

    text = value.strip().lower().replace("_", "-")
    if text in _ALIASES:
        return _ALIASES[text]
    primary = text.split("-", 1)[0]
    if len(primary) == 2 and _CODE.fullmatch(primary):
        return primary
    if len(primary) == 3 and _CODE.fullmatch(primary):
        if primary in _ALIASES:
            return _ALIASES[primary]
        try:
            language = Language.from_iso_code_639_3(IsoCode639_3.from_str(primary))
        except ValueError:
            return None
        return language.iso_code_639_1.name.lower()
    try:
        return Language.from_str(text).iso_code_639_1.name.lower()
    except ValueError:
        return None
