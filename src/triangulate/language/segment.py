"""Rule-based sentence splitting for German and English news.

The text is cut at *boundaries*; every piece between two cuts, stripped of
surrounding whitespace, is a sentence.  So the sentences never overlap and
together cover every non-whitespace character.  Boundaries come from

1. line structure (:mod:`.lines`): blank lines always, single line breaks
   unless the line obviously runs on;
2. end punctuation ``. ! ? …`` (runs such as ``?!`` or ``...``), the boundary
   placed after any closing quotation marks or brackets right behind it
   (``… locken.“`` keeps its ``“``).

A punctuation run is **not** a boundary when

- a lower-case letter, a comma, semicolon or colon comes next (``u.a. nicht``,
  ``„Warum?“, fragte er``), or nothing but a non-space character (``3.5``,
  ``IPPEN.MEDIA``, ``u.a.nicht``) — except a glued ``?``/``!`` or ``word.Word``
  ("Fehler gefunden?Jetzt melden."), which scraping produces;
- it lies inside a quotation that the sentence runs through (:mod:`.quotes`);
- it is bracketed (``[…]``, ``(!)``) or inside a URL or e-mail address;
- the full stop belongs to an abbreviation from ``lang/<lang>/abbreviations.txt``
  (``@final`` ones end a sentence only before a sentence starter from
  ``starters.txt``: ``usw. Die`` splits, ``5 Mio. Euro`` does not);
- it follows a number and the next word is a month (``9. September``), or a
  day/month is followed by a digit (``am 9. 9. 2023``, ``IZ 23.07. 25``), or a
  number of up to three digits opens a line or follows a sentence end (a list
  item: ``  1. Startseite``, ``… gewann. 1. FC Köln …``), or an ordinal-making
  word from ``ordinal_context.txt`` precedes the number and no sentence starter
  follows (``der 2. Weltkrieg``, ``zum 75. Jahrestag``, ``Platz 1. der
  Tabelle``).  Any other number ends the sentence: ``… von 2022. Im
  schlimmsten Fall …``, ``… Atombombentest 2017. Jetzt aber …``, ``… auf
  540. 30 weitere …``;
- it follows an initial or a Roman numeral and no sentence starter follows
  (``J. R. R. Tolkien``, ``Kim J. Un``, ``Ludwig XIV. von Frankreich``);
- it is a spaced ellipsis (``Wir gehen … verstärken``) and no sentence starter
  follows.

Glued words without punctuation ("Neue PartnerschaftKim reist …", a heading
glued to the next one) are **not** split: a lower-case letter before an upper-
case one is also how names and brands are spelt (McDonald, YouTube, BioNTech),
and the gold keeps such a line whole.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Sentence
from .data import FINAL, NUM, PLAIN, LanguageData, language_data
from .lines import line_cuts, line_spans
from .quotes import holding_spans

Span = tuple[int, int]

_END = re.compile("[.!?…‽]+[\"'“”’‘»«›‹)\\]]*")
_OPENERS = frozenset("\"'„“‚‘»«›‹([{¿¡")
_TOKEN_LEAD = frozenset("\"'„“‚‘»«›‹([{¿¡-–—/")
_NO_BREAK_NEXT = frozenset(",;:)]}")
_DASHES = frozenset("-–—")
_TERMINAL = frozenset(".!?…‽")
_CLOSERS = frozenset("\"'“”’‘»«›‹)]")
_DAY_MONTH = re.compile(r"\d{1,2}(?:\.\d{1,2})?")
_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"\d+(?:[.,'’]\d+)*")
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})|X{1,3}V")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_PROTECTED = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"“”„«»]+"
    r"|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
    r"|\b(?:[\w-]{1,63}\.){1,8}(?:de|com|org|net|eu|at|ch|uk|io|info|gov|edu|ru|cn|fr|it|es|nl|pl|ua)\b"
    r"(?:/[^\s<>\"“”„«»]*)?"
)
_TRAILING = ".,;:!?)]'’\"”“»«"
_MAX_TOKEN = 80


class _Splitter:
    """One pass over one text: precomputed line, quote and URL structure."""

    def __init__(self, text: str, data: LanguageData) -> None:
        self.text = text
        self.data = data
        self.lines = line_spans(text)
        self.line_starts = [s for s, _ in self.lines]
        holds = holding_spans(text)
        self.hold_starts = [o for o, _ in holds]
        self.hold_ends = [c for _, c in holds]
        self.protected: list[Span] = []
        for m in _PROTECTED.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in _TRAILING:
                e -= 1
            if e > s:
                self.protected.append((s, e))
        self.protected_starts = [s for s, _ in self.protected]

    # ------------------------------------------------------------------ lookups

    def _held(self, cut: int) -> bool:
        k = bisect_right(self.hold_starts, cut - 1) - 1
        return k >= 0 and cut <= self.hold_ends[k]

    def _protected_at(self, pos: int) -> bool:
        k = bisect_right(self.protected_starts, pos) - 1
        return k >= 0 and pos < self.protected[k][1]

    def _token_before(self, p: int) -> tuple[int, str]:
        """Start and text of the token ending at ``p`` (leading quotes/brackets dropped)."""
        text = self.text
        i = p
        limit = max(0, p - _MAX_TOKEN)
        while i > limit and not text[i - 1].isspace():
            i -= 1
        while i < p and text[i] in _TOKEN_LEAD:
            i += 1
        return i, text[i:p]

    def _word_before(self, start: int) -> str:
        i = start
        while i > 0 and self.text[i - 1].isspace():
            i -= 1
        _, token = self._token_before(i)
        return token.strip(_TRAILING).lower()

    def _opens_sentence(self, start: int) -> bool:
        """Does the token at ``start`` open its line or follow a sentence end?"""
        k = bisect_right(self.line_starts, start) - 1
        ls = self.line_starts[k] if k >= 0 else 0
        text = self.text
        i = start
        while i > ls and text[i - 1].isspace():
            i -= 1
        if i == ls:
            return True
        if i == start:
            return False
        while i > ls and text[i - 1] in _CLOSERS:
            i -= 1
        return i > ls and text[i - 1] in _TERMINAL

    def _starter(self, word: str) -> bool:
        return bool(word) and word[0].isupper() and word.lower() in self.data.starters

    # ------------------------------------------------------------------ rules

    def cuts(self) -> list[int]:
        cuts = line_cuts(self.text, self.lines)
        for m in _END.finditer(self.text):
            if self._is_boundary(m.start(), m.end()):
                cuts.append(m.end())
        return sorted(set(cuts))

    def _is_boundary(self, p: int, q: int) -> bool:
        text = self.text
        n = len(text)
        if p > 0 and text[p - 1] in "[(":
            return False
        if self._protected_at(p):
            return False
        pe = p
        while pe < q and text[pe] in ".!?…‽":
            pe += 1
        punct = text[p:pe]
        r = q
        while r < n and text[r].isspace():
            r += 1
        if r >= n:
            return True
        if r == q:
            return self._glued(p, pe, q, punct)
        if text[r] in _NO_BREAK_NEXT:
            return False
        if text[r] in _DASHES:
            d = r + 1
            while d < n and text[d].isspace():
                d += 1
            if d < n and text[d].islower():
                return False  # „Nein!“ – so reagierte der Kreml.
        w = r
        while w < n and text[w] in _OPENERS:
            w += 1
        if w >= n:
            return True
        if text[w].islower() or self._held(q):
            return False
        m = _WORD.match(text, w)
        word = m.group() if m else ""
        if "!" in punct or "?" in punct or "‽" in punct:
            return True
        if "…" in punct or len(punct) > 1:
            if p > 0 and text[p - 1].isspace():
                return self._starter(word)
            return True
        return self._full_stop(p, w, word)

    def _glued(self, p: int, pe: int, q: int, punct: str) -> bool:
        """A punctuation run directly followed by a non-space character."""
        text = self.text
        c = text[q]
        if not c.isupper() or p == 0 or not text[p - 1].isalpha() or self._held(q):
            return False
        if q > pe or "!" in punct or "?" in punct:
            return True  # "gefunden?Jetzt", "locken.“Es"
        if punct != "." or q + 1 >= len(text) or not text[q + 1].islower():
            return False
        if not (text[p - 1].islower() and p >= 2 and text[p - 2].isalpha()):
            return False
        _, token = self._token_before(p)
        head = token.rsplit(".", 1)[-1]
        if len(head) < 2 or not head.isalpha():
            return False
        return self.data.abbreviation(head + ".") is None and "." not in token

    def _abbreviation(self, p: int, token_start: int) -> str | None:
        """The flag of the abbreviation whose full stop is at ``p``, if any."""
        text = self.text
        starts = [token_start]
        for _ in range(self.data.max_abbreviation_tokens - 1):
            i = starts[-1]
            while i > 0 and text[i - 1].isspace():
                i -= 1
            s, token = self._token_before(i)
            if not token or len(token) > 6 or s == starts[-1]:
                break
            starts.append(s)
        for s in reversed(starts):
            form = "".join(text[s : p + 1].split())
            flag = self.data.abbreviation(form)
            if flag is not None:
                return flag
        return None

    def _full_stop(self, p: int, w: int, word: str) -> bool:
        """A single full stop followed by a space and a non-lower-case word."""
        text = self.text
        start, token = self._token_before(p)
        if not token:
            return True
        starter = self._starter(word)
        digit_next = text[w].isdigit()
        flag = self._abbreviation(p, start)
        if flag == PLAIN:
            return False
        if flag == FINAL:
            return starter
        if flag == NUM and digit_next:
            return False
        if _NUMBER.fullmatch(token):
            if digit_next and _DAY_MONTH.fullmatch(token):
                return False  # "am 9. 9. 2023", "IZ 23.07. 25"
            if word.lower() in self.data.months:
                return False
            if len(token) <= 3 and token.isdigit() and self._opens_sentence(start):
                return False  # list item "  1. Startseite", "… gewann. 1. FC Köln …"
            if starter:
                return True
            return self._word_before(start) not in self.data.ordinal_context
        if len(token) == 1 and token.isalpha():
            if len(word) == 1 and text[w + 1 : w + 2] == ".":
                return False  # "J. R. R. Tolkien"
            return starter
        if len(token) > 1 and _ROMAN.fullmatch(token):
            return starter
        if _ACRONYM.fullmatch(token):
            return starter
        return True


def _clamp(n: int, start: int, end: int | None) -> tuple[int, int]:
    lo = min(max(int(start), 0), n)
    hi = n if end is None else min(max(int(end), 0), n)
    return lo, hi


def split_sentences(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans (absolute offsets into ``text``) of ``text[start:end]``.

    Spans are in order, non-overlapping, stripped of surrounding whitespace and
    never empty; together they cover every non-whitespace character of the
    range.  ``lang`` is "de" or "en" ("de-DE" works too); any other value uses
    the merged German and English data.  Offsets outside the text are clamped.
    """
    if not isinstance(text, str):
        return []
    lo, hi = _clamp(len(text), start, end)
    if lo >= hi:
        return []
    seg = text[lo:hi]
    cuts = _Splitter(seg, language_data(lang)).cuts()
    spans: list[Span] = []
    prev = 0
    for cut in [*cuts, len(seg)]:
        if cut <= prev:
            continue
        piece = seg[prev:cut]
        rest = piece.lstrip()
        if rest:
            s = prev + len(piece) - len(rest)
            e = prev + len(piece.rstrip())
            spans.append((lo + s, lo + e))
        prev = cut
    return spans


def sentences(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """:func:`split_sentences` as :class:`~triangulate.model.Sentence` records (no tokens)."""
    return [
        Sentence(index=i, start=s, end=e, text=text[s:e])
        for i, (s, e) in enumerate(split_sentences(text, lang, start, end))
    ]
