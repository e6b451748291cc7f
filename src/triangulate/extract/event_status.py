"""How the text holds an event: status cues (data in ``lang/<lang>/status_cues.yaml``).

Precedence (GOLD rule 9): denied > negated > hypothetical > planned > attributed >
asserted.  Sources come from :mod:`triangulate.extract.attribution`; this module adds
the event-specific cues: negation near the trigger, denial in the clause, intent words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["StatusCues", "status_cues", "clause_bounds"]

_BREAK = re.compile(
    r"[;:–—()\[\]]|,(?!\s*(?:\d|[A-ZÄÖÜ][\w-]*\s+(?:und|sowie|and|or)\s))|[„“\"»«]\s*,"
    # English reporting verbs open a content clause without a comma ("X said Y has sent")
    r"|(?<=\bsaid )|(?<=\bsays )|(?<=\bstated )|(?<=\btold reporters )|(?<=\bclaimed )"
    r"|(?<=\bsaid that )|(?<=\bsays that )|(?<=\bbelieves )|(?<=\breported )"
    # English subordinate clauses often go without a comma ("X has supported Y since Z
    # invaded W"); a German subordinate clause always has one
    r"|(?<=\s)(?=(?:since|because|although|whereas|unless) )"
)


def _rx(words: Any) -> re.Pattern[str]:
    items = [str(w) for w in (words or []) if str(w).strip()]
    if not items:
        return re.compile(r"(?!x)x")
    items.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(items) + r")(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class StatusCues:
    negation: re.Pattern[str]
    not_negation: re.Pattern[str]
    denial: re.Pattern[str]
    intent: re.Pattern[str]
    planned: re.Pattern[str]
    hypothetical: re.Pattern[str]
    reportive: re.Pattern[str]
    hedges: re.Pattern[str]


@cache
def status_cues(lang: str) -> StatusCues:
    lang = lang if lang in ("de", "en") else "de"
    raw = (
        resources.files(f"triangulate.lang.{lang}").joinpath("status_cues.yaml").read_text("utf-8")
    )
    data = yaml.safe_load(raw) or {}
    return StatusCues(*(_rx(data.get(k)) for k in StatusCues.__slots__))


def clause_bounds(
    text: str, start: int, end: int, pos: int, breaks: list[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """The clause of ``text[start:end]`` that holds ``pos`` (split at punctuation, at
    commas not inside a list of names, and after English reporting verbs).  ``breaks``:
    the :func:`clause_breaks` of the sentence, when the caller keeps them."""
    lo, hi = start, end
    for a, b in breaks if breaks is not None else clause_breaks(text, start, end):
        if b <= pos:
            lo = b
        elif a >= pos:
            hi = a
            break
    return lo, hi


def clause_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the clause separators of ``text[start:end]``."""
    return [m.span() for m in _BREAK.finditer(text, start, end)]


def _hits(
    rx: re.Pattern[str], mask: re.Pattern[str], text: str, lo: int, hi: int
) -> list[re.Match[str]]:
    masked = [m.span() for m in mask.finditer(text, lo, hi)]
    return [m for m in rx.finditer(text, lo, hi) if not any(a <= m.start() < b for a, b in masked)]


def negated(
    text: str,
    lo: int,
    hi: int,
    trig_start: int,
    trig_end: int,
    cues: StatusCues,
    noun: bool = False,
) -> bool:
    """A negation word in the clause before the trigger or in the four words after it;
    for an event noun only right before it ("keine offene Unterstützung")."""
    if noun:
        before = " ".join(text[lo:trig_start].split()[-2:])
        return bool(_hits(cues.negation, cues.not_negation, before, 0, len(before)))
    after = text[trig_end:hi]
    tokens = list(re.finditer(r"\S+", after))
    limit = trig_end + (tokens[min(3, len(tokens) - 1)].end() if tokens else 0)
    for m in _hits(cues.negation, cues.not_negation, text, lo, hi):
        if m.start() < trig_start or trig_end <= m.start() <= limit:
            return True
    return False


def has(rx: re.Pattern[str], text: str, lo: int, hi: int, cues: StatusCues | None = None) -> bool:
    if cues is not None:
        return bool(_hits(rx, cues.not_negation, text, lo, hi))
    return rx.search(text, lo, hi) is not None


def first(rx: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    return rx.search(text, lo, hi)
