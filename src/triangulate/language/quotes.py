"""Quotation spans that hold a sentence together.

A quotation whose closing mark is followed by a comma, a semicolon, a dash
attribution or a lower-case word continues the sentence around it::

    „Wir kommen. Wir bleiben“, sagte Kim.        -> one sentence
    "We will come. We will stay," he said.       -> one sentence
    Er sagte: „Wir kommen. Wir bleiben.“ Dann …  -> splits inside (capital after)

:func:`holding_spans` pairs quotation marks line by line (a quotation never
spans a line break here: multi-paragraph quotes reopen on every paragraph) and
returns the merged ``(open, close)`` offsets of the quotations that hold.
Sentence ends strictly inside such a span are not boundaries.

Pairing: „ and ‚ always open (German).  “ closes an open „ and otherwise opens
(English); ” closes „ or “.  » and « close each other and otherwise open (both
»…« and «…» are in use).  › and ‹ likewise.  ASCII " closes an open " (or a
sloppy „…"), otherwise opens when it stands before a word.  ‘ closes ‚, or opens
before a word after a space; ’ and ' close only a quotation they opened, so
apostrophes ("King‘s", "don’t", "geht's") pair with nothing.
"""

from __future__ import annotations

import re

_QUOTE_OR_BREAK = re.compile("[„‚“”»«›‹\"‘’'\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
#: characters that may precede an opening quotation mark besides whitespace
_BEFORE_OPEN = frozenset("([{/–—-:„“»«‹›")
#: what the closing mark of a held quotation may be followed by
_CONTINUE_PUNCT = frozenset(",;")
_DASHES = frozenset("-–—")
#: open quotations remembered per line (the oldest are dropped beyond it)
_MAX_DEPTH = 16

#: which opening marks each closing mark can close
_CLOSES: dict[str, frozenset[str]] = {
    "“": frozenset("„"),
    "”": frozenset("„“"),
    "»": frozenset("«"),
    "«": frozenset("»"),
    "›": frozenset("‹"),
    "‹": frozenset("›"),
    '"': frozenset('"„“'),
    "‘": frozenset("‚"),
    "’": frozenset("‘'‚"),
    "'": frozenset("'‘"),
}
#: single marks, which double as apostrophes
_SINGLE = frozenset("‘’'")
#: marks that may open a quotation when they stand before a word
_MAY_OPEN = frozenset("“»«›‹\"‘'")


def _opens_here(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _BEFORE_OPEN) and not after.isspace()


def _pop_to(stack: list[tuple[str, int]], openers: frozenset[str]) -> int | None:
    """Pop up to and including the innermost opener in ``openers``; its offset."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] in openers:
            offset = stack[k][1]
            del stack[k:]
            return offset
    return None


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of the paired quotation marks in ``text``."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTE_OR_BREAK.finditer(text):
        ch = m.group()
        i = m.start()
        if ch in _BREAKS:
            stack.clear()
            continue
        if len(stack) >= _MAX_DEPTH:
            del stack[0]
        if ch in "„‚":
            stack.append((ch, i))
            continue
        before = text[i - 1] if i > 0 else " "
        closable = _CLOSES[ch]
        if ch in _SINGLE and i + 1 < len(text) and text[i + 1].isalnum():
            closable = frozenset()  # an apostrophe inside a word: "Smith's", "King‘s"
        if not before.isspace() and any(op in closable for op, _ in stack):
            opened = _pop_to(stack, closable)
            if opened is not None:
                pairs.append((opened, i))
                continue
        if ch in _MAY_OPEN and _opens_here(text, i):
            stack.append((ch, i))
    return pairs


def _continues(text: str, close: int) -> bool:
    """Does the sentence go on after the closing mark at ``close``?"""
    n = len(text)
    j = close + 1
    while j < n and text[j].isspace() and text[j] not in _BREAKS:
        j += 1
    if j >= n:
        return False
    ch = text[j]
    if ch in _CONTINUE_PUNCT or ch.islower():
        return True
    if ch in _DASHES:
        j += 1
        while j < n and text[j].isspace() and text[j] not in _BREAKS:
            j += 1
        return j < n and text[j].islower()
    return False


def holding_spans(text: str) -> list[tuple[int, int]]:
    """Merged, sorted ``(open, close)`` spans of quotations the sentence runs through."""
    held = sorted((o, c) for o, c in quote_pairs(text) if _continues(text, c))
    merged: list[tuple[int, int]] = []
    for o, c in held:
        if merged and o <= merged[-1][1]:
            if c > merged[-1][1]:
                merged[-1] = (merged[-1][0], c)
        else:
            merged.append((o, c))
    return merged
