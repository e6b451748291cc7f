"""Full-text search text for the PostgreSQL store: words, their folding, snippets.

SQLite's FTS5 (``unicode61 remove_diacritics 2``) splits text into runs of letters
and digits and folds case and diacritics.  PostgreSQL's parsers split differently
(``10.000`` is one token there, two in FTS5), depend on the server's locale (under
``C.UTF-8`` ``x²`` becomes ``x`` and ``½`` nothing) and fold diacritics only with an
extension.  So the store makes the words here, in Python, for the indexed text and for
the query alike, and hands PostgreSQL the lexemes themselves: a sentence's ``tsvector``
is the literal of its folded words with their positions (the ``simple`` configuration's
lexemes, never reparsed), and a query is the ``tsquery`` literal of the query's folded
words, each quoted, all required (as the SQLite store's quoted FTS5 terms).  No user
syntax reaches PostgreSQL: a query is words or nothing.  The snippet chooses and marks
the words of a sentence exactly as FTS5's ``snippet(…, '[', ']', '…', 12)`` does.
"""

from __future__ import annotations

import re
import unicodedata

#: A word: a letter or digit followed by letters, digits and combining marks.
_WORD = re.compile(
    r"[^\W_](?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])*"
)
MAX_QUERY_WORDS = 32
#: Characters of a sentence that go into its index: a ``tsvector`` holds at most 1 MB.
MAX_INDEXED_CHARS = 100_000
SNIPPET_WORDS = 12
MAX_LEXEME_BYTES = 2047  # PostgreSQL's limit for one word of a tsvector
MAX_POSITION = 16383  # and for a position


def fold(word: str) -> str:
    """Lower case without diacritics (``Präsident`` → ``prasident``)."""
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.lower())


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return [w for w in (fold(m.group()) for m in _WORD.finditer(text)) if w]


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def index_vector(text: str) -> str:
    """The ``tsvector`` literal of a sentence: its folded words with their positions (of
    its first 100,000 characters; PostgreSQL keeps 256 positions of a word, and words of
    at most 2047 bytes)."""
    positions: dict[str, list[str]] = {}
    for i, word in enumerate(words(text[:MAX_INDEXED_CHARS]), start=1):
        if len(word.encode("utf-8")) <= MAX_LEXEME_BYTES:
            positions.setdefault(word, []).append(str(min(i, MAX_POSITION)))
    return " ".join(f"{_lexeme(w)}:{','.join(p[:256])}" for w, p in positions.items())


def query_vector(query: str) -> str:
    """The ``tsquery`` literal of a user's query: its first 32 folded words, all required;
    empty if the query has no word, or one too long to be indexed (then nothing matches)."""
    found = words(query)[:MAX_QUERY_WORDS]
    if any(len(w.encode("utf-8")) > MAX_LEXEME_BYTES for w in found):
        return ""
    return " & ".join(_lexeme(w) for w in dict.fromkeys(found))


def _sentence_starts(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """The words that start a sentence as FTS5 sees them: the first word, and each word
    after a ``.`` or ``:`` and whitespace."""
    starts = []
    for i, (begin, _) in enumerate(spans):
        before = text[:begin].rstrip(" \t\n\r")
        if i == 0 or (len(before) < begin and before[-1:] in (".", ":")):
            starts.append(i)
    return starts


def snippet(text: str, query: str, size: int = SNIPPET_WORDS) -> str:
    """``text`` around its words that match ``query``, as FTS5's ``snippet(…, '[', ']',
    '…', size)`` chooses and marks them: the window of ``size`` words with the most
    distinct matching words (centred on them, or starting at a sentence start before a
    match when that scores as well), matches in ``[…]``, ``…`` where words were left out."""
    wanted = set(words(query)[:MAX_QUERY_WORDS])
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not spans:
        return text
    n = len(spans)
    found = {i: fold(text[b:e]) for i, (b, e) in enumerate(spans) if fold(text[b:e]) in wanted}
    hits = sorted(found)

    def score(start: int) -> tuple[int, int, int]:
        """The score of the window at ``start``, its first match and the word after its last."""
        seen: set[str] = set()
        total, first, last = 0, -1, 0
        for i in hits:
            if start <= i < start + size:
                total += 1 if found[i] in seen else 1000
                seen.add(found[i])
                first = i if first < 0 else first
                last = i + 1
        return total, first, last

    firsts = _sentence_starts(text, spans) if n > size else []
    best, begin = 0, 0
    for at in hits:
        total, first, last = score(at)
        if total > best:
            best, begin = total, max(0, min(first - (size - (last - first)) // 2, n - size))
        before = [f for f in firsts if f <= at]
        if before and before[-1] < at:
            total = score(before[-1])[0] + (120 if before[-1] == 0 else 100)
            if total > best:
                best, begin = total, before[-1]
    end = begin + size - 1  # the last word shown
    out, pos = [], 0 if begin == 0 else spans[begin][0]
    for i in hits:
        if begin <= i <= end:
            b, e = spans[i]
            out += [text[pos:b], "[", text[b:e], "]"]
            pos = e
    if end >= n - 1:
        out.append(text[pos:])
    else:
        out += [text[pos : spans[end][1]], "…"]
    return ("…" if begin else "") + "".join(out)
