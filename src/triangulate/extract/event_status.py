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

__all__ = ["EN_ACCUSED_OF", "StatusCues", "clause_bounds", "en_status", "scoped", "status_cues"]

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


#: English modals bind the verb that follows them: one after a verb trigger belongs to
#: another clause ("X vetoed a text that would have condemned Y": the veto happened)
_EN_MODAL = re.compile(r"(?:will|shall|would|could|might|may|can|wo|'ll|'d)", re.IGNORECASE)
_NEVER = re.compile(r"(?!x)x")
_EN_RELATIVE = re.compile(r"(?<![\w-])(?:that|which|who|whom|whose)(?![\w-])", re.IGNORECASE)


def scoped(
    rx: re.Pattern[str],
    text: str,
    lo: int,
    hi: int,
    trig_start: int,
    trig_end: int,
    cues: StatusCues,
    lang: str,
    noun: bool = False,
    masked: bool = True,
) -> bool:
    """A status cue of ``rx`` in the clause that reaches the trigger.  English: a modal
    after a verb trigger (or after an event noun but beyond a relative pronoun) governs
    another verb and does not count."""
    for m in _hits(rx, cues.not_negation if masked else _NEVER, text, lo, hi):
        if (
            lang == "en"
            and m.start() >= trig_end
            and _EN_MODAL.fullmatch(m.group())
            and (not noun or _EN_RELATIVE.search(text, trig_end, m.start()))
        ):
            continue
        return True
    return False


def first(rx: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    return rx.search(text, lo, hi)


# "X said it would V": a reported future is an announced plan, not a hypothesis
_EN_REPORTED_WOULD = re.compile(
    r"(?<![\w-])(?:said|says|told\s+\w+|announced|pledged|promised|vowed|added|stated|"
    r"confirmed)\s+(?:that\s+)?(?:[\w'’-]+\s+){1,3}?would\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


EN_ACCUSED_OF = re.compile(
    r"(?<![\w-])(?:accus\w*|suspect\w*|blam\w*)\s+(?:[\w'’-]+\s+){0,4}?of\s+$",
    re.IGNORECASE,
)


def en_status(
    text: str, s_start: int, lo: int, hi: int, trig: int, status: str,
    attributed_to: str | None, source: str, cues: StatusCues,
) -> str:  # fmt: skip
    """English refinements: a negated act reported from its own actor is a denial ("Lin
    said Beijing had not supplied ..."); "said it would V" is planned."""
    if status == "negated" and attributed_to and _country(attributed_to) == _country(source):
        return "denied"
    if status == "asserted" and EN_ACCUSED_OF.search(text, max(s_start, trig - 60), trig):
        return "attributed"  # "accused Pyongyang of supplying": the accuser's claim
    if status == "hypothetical" and _EN_REPORTED_WOULD.search(text[s_start:trig]):
        cues_here = [m.group().lower() for m in cues.hypothetical.finditer(text, lo, hi)]
        if all(c == "would" for c in cues_here):
            return "planned"
    return status


def _country(code: str) -> str:
    return code[:6] if code.startswith("IGO") else code[:3]
