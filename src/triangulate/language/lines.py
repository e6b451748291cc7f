"""Line structure: which line breaks end a sentence.

Scraped news mostly comes one paragraph a line, with headlines, breadcrumbs,
bylines and captions on lines of their own, so by default **a line break ends a
sentence**.  It does not when the text obviously runs on:

- the next line starts with a lower-case letter or with punctuation
  ("…, die\\nsich …", "“, sagte er");
- the line ends in a comma, semicolon, opening bracket or quotation mark, a
  slash or ampersand, a dash, or a word broken by a hyphen ("Bundes-\\nregierung");
- the paragraph is hard-wrapped (e-mail or agency style: ≥ 3 lines of similar
  width, most ending mid-sentence, some followed by a lower-case word).  There a
  break is a space, except after a short line without end punctuation (a
  heading inside the block).

Blank lines, and lines starting with a bullet or a list number ("- ", "• ",
"1. ", "a) "), always separate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

BULLET = re.compile(r"(?:[-–—•·*▪►▸●○■□◆✓✔→]|\d{1,3}[.)]|[A-Za-z][)])\s")
_TERMINAL = frozenset(".!?…‽")
_CLOSERS = frozenset("\"'“”’‘»«›‹)]")
_JOIN_AFTER = frozenset(",;([{„‚/&–—")
_JOIN_BEFORE = frozenset(",;:.!?)]}…")

#: hard-wrap detection: width range, share of "full" lines, share of open ends
_WRAP_MIN_WIDTH = 30
_WRAP_MAX_WIDTH = 140
_WRAP_FULL = 0.6
_WRAP_FULL_SHARE = 0.5
_WRAP_OPEN_SHARE = 0.5
_WRAP_RUN_ON_SHARE = 0.25


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line (the break itself excluded)."""
    spans = []
    pos = 0
    for m in LINE_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def ends_terminal(line: str) -> bool:
    """Does the (right-stripped) line end in sentence-final punctuation?"""
    i = len(line)
    while i > 0 and line[i - 1] in _CLOSERS:
        i -= 1
    return i > 0 and line[i - 1] in _TERMINAL


def _runs_on(prev: str, nxt: str) -> bool:
    """Line-local evidence that ``prev`` continues on ``nxt`` (both stripped)."""
    last = prev[-1]
    if last in _JOIN_AFTER:
        return True
    if last == "-" and len(prev) > 1 and prev[-2].isalpha():
        return True
    first = nxt[0]
    return first.islower() or first in _JOIN_BEFORE


def _hard_wrapped(lines: Sequence[str]) -> int:
    """The wrap width if the block of stripped lines is hard-wrapped, else 0.

    Hard-wrapped: the lines but the last reach a common width (at most 140
    characters), at least half of them come close to it, most of those end
    mid-sentence, and some visibly run on (a lower-case word or a comma at the
    break).  A list of headlines has no run-ons; one paragraph a line is wider.
    """
    if len(lines) < 3:
        return 0
    body = lines[:-1]
    width = max(len(line) for line in body)
    if not _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH:
        return 0
    full = [k for k, line in enumerate(body) if len(line) >= _WRAP_FULL * width]
    if len(full) < 2 or len(full) < _WRAP_FULL_SHARE * len(body):
        return 0
    open_ends = sum(1 for k in full if not ends_terminal(body[k]))
    if open_ends < _WRAP_OPEN_SHARE * len(full):
        return 0
    run_on = sum(1 for k in full if _runs_on(body[k], lines[k + 1]))
    if run_on < max(1.0, _WRAP_RUN_ON_SHARE * len(full)):
        return 0
    return width


def line_cuts(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Offsets of the line breaks (their start) that end a sentence."""
    cuts: list[int] = []
    block: list[int] = []  # indices of the current run of non-blank lines
    stripped = [text[s:e].strip() for s, e in spans]
    for i in range(len(spans)):
        if stripped[i]:
            block.append(i)
            if i + 1 < len(spans) and stripped[i + 1]:
                continue
        if block:
            _block_cuts(spans, stripped, block, cuts)
            block = []
        if i + 1 < len(spans):
            cuts.append(spans[i][1])
    return cuts


def _block_cuts(
    spans: Sequence[tuple[int, int]], stripped: Sequence[str], block: list[int], cuts: list[int]
) -> None:
    width = _hard_wrapped([stripped[i] for i in block])
    for i in block[:-1]:
        prev, nxt = stripped[i], stripped[i + 1]
        if BULLET.match(nxt):
            cuts.append(spans[i][1])
        elif _runs_on(prev, nxt):
            continue
        elif width:
            if not ends_terminal(prev) and len(prev) < _WRAP_FULL * width:
                cuts.append(spans[i][1])
        else:
            cuts.append(spans[i][1])
