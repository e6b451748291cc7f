"""Direct quotes and their speakers, by rule, for German and English news.

:func:`extract_quotes` takes every span in quotation marks (paired line by line
by :func:`triangulate.language.quotes.quote_pairs`: „…“ „…” "…" “…” »…« «…»
‚…‘ ›…‹, and English '…' where no apostrophe can be meant), keeps the outermost
of nested quotations and attributes each to a speaker.  Following rule 32 of
``examples/eval/GOLD-README.md`` a quotation nobody can be found for (a scare
quote) is dropped, and so is a media title («New York Times», der Zeitung
«Wedomosti»).  The first rule that finds a speaker wins:

1. right after the quotation: „…“, sagte X / „…“, so X / "…," X said /
   „…“, zitierte die Agentur den Staatschef (the quoted person speaks);
2. a colon introduction: Der Experte: „…“;
3. (a sentence in which someone *avoids* the words, "vermied es, … als „…“ zu
   bezeichnen", gives no speaker: the quotation is dropped);
4. the nearest reporting word before it in the sentence: X sagte, … „…“ /
   sagte X / laut X / X zufolge / according to X;
5. a reporting verb later in the sentence: Mao hatte … als „…“ bezeichnet;
6. "demnach": the source named in the three sentences before;
7. the next sentence refers back: „…“ soll es sein. Das bestätigte der Kreml.
8. a continuation: the sentence opens with the quotation or speaks in
   Konjunktiv I ("China sei „…“") and the sentence before has a speaker;
9. a pull quote or headline repeating an attributed quotation;
10. the sentence's subject speaks a quotation in a sentence next to it.

The speaker is given as written: the name where there is one ("der
Nordkorea-Experte Sung-Yoon Lee" -> "Sung-Yoon Lee"), else the description
without its article ("Sprecher des chinesischen Außenministeriums").  A pronoun
("sagte er") stands for the latest person named or speaking before it; a
definite person description ("den chinesischen Staatschef") for a name given
before with a matching title ("Chinas Staats- und Parteichef Xi Jinping"), else
for the person named in the sentence before ("die Grünen-Politikerin").

``Quote.text`` is the quoted words without the marks; ``Quote.sentence`` runs
from the start of the sentence holding the opening mark to the end of the one
holding the closing mark (a quotation the splitter cuts gets their union).  A
quotation over :data:`MAX_QUOTE` characters is taken for stray marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from triangulate.language import sentences as split_sentences
from triangulate.language.quotes import quote_pairs
from triangulate.model import Analysis, Mention, Quote, Sentence

from .quote_speakers import (
    ANAPHOR,
    ATTRIBUTING,
    CITE,
    MEDIA,
    MEDIA_VERB,
    NEGATIVE,
    REACH,
    REFER,
    REPORTED,
    SAY,
    SAYING,
    SOURCE,
    SOURCE_AFTER,
    Phrase,
    Span,
    Tokens,
    lexicon,
)

#: longest quotation taken (characters between the marks)
MAX_QUOTE = 2000
#: how many sentences back a pronoun, description or "demnach" may look
LOOK_BACK = 3
#: how many tokens a reporting word may stand from its quotation
WINDOW = 80
#: share of words an unattributed quotation must have in common with the one it repeats
PULL_QUOTE_OVERLAP = 0.6
#: attributed quotations a pull quote is compared with (bounds the work on odd texts)
MAX_PULL_SOURCES = 200
#: how far (characters) a mention may lie from the speaker phrase to lend its code
MENTION_REACH = 40

_LETTER = re.compile(r"[^\W_]")
_WORDS = re.compile(r"[^\W_]+")
_TITLE_SMALL = {"of", "the", "and", "for", "on", "in", "at", "a", "an", "de", "la", "le", "el"}
_TITLE_SMALL |= {"der", "die", "das", "des", "für", "und", "am", "im", "von", "zu"}


@dataclass(slots=True)
class Speaker:
    text: str
    span: Span  # the speaker as written (or the antecedent it stands for)
    full: Span  # the whole phrase
    person: bool
    pos: int  # offset of the attribution
    named: bool = False


@dataclass(slots=True)
class _Quote:
    open: int
    close: int
    tok: int
    s_open: int
    s_close: int
    speaker: Speaker | None = None
    excluded: bool = False
    anaphor: bool = False
    media: bool = False


def _speaker(ph: Phrase, pos: int) -> Speaker:
    return Speaker(ph.text, ph.span, ph.full, ph.person, pos, ph.kind == "name")


def _at(sp: Speaker, pos: int) -> Speaker:
    return Speaker(sp.text, sp.span, sp.full, sp.person, pos, sp.named)


def _top_level(text: str) -> list[Span]:
    out: list[Span] = []
    reach = -1
    for o, c in sorted(quote_pairs(text)):
        if c > reach and c - o - 1 <= MAX_QUOTE and _LETTER.search(text, o + 1, c):
            out.append((o, c))
            reach = c
    return out


def _same_name(a: str, b: str) -> bool:
    ta, tb = (_WORDS.findall(x.casefold()) for x in (a, b))
    return bool(ta and tb) and (ta[-1] == tb[-1] or set(ta) <= set(tb) or set(tb) <= set(ta))


class _Extractor:
    def __init__(self, text: str, sents: list[Sentence], lang: str, mentions: list[Mention]):
        self.text, self.sents, self.mentions = text, sents, mentions
        self.lex = lex = lexicon(lang)
        pairs = _top_level(text)
        self.tk = tk = Tokens(text, lex, pairs)
        self.ranges = [
            (bisect_left(tk.starts, s.start), bisect_left(tk.starts, s.end)) for s in sents
        ]
        starts = [s.start for s in sents]
        q_toks = {t.quote: k for k, t in enumerate(tk.toks) if t.kind == "q"}
        self.quotes: list[_Quote] = []
        for qi, (o, c) in enumerate(pairs):
            so, sc = bisect_right(starts, o) - 1, bisect_right(starts, c) - 1
            if so >= 0 and o < sents[so].end and sc >= 0 and c < sents[sc].end:
                self.quotes.append(_Quote(o, c, q_toks[qi], so, sc))
        for q in self.quotes:
            if self._title(q):
                q.excluded = True
                tk.make_word(q.tok)
        self.by_sentence: dict[int, list[_Quote]] = {}
        for q in self.quotes:
            if not q.excluded:
                self.by_sentence.setdefault(q.s_open, []).append(q)
        self._clauses: dict[int, list[Speaker]] = {}
        self._phrases: dict[int, list[Phrase]] = {}
        self._flags: dict[tuple[int, str], bool] = {}

    def _title(self, q: _Quote) -> bool:
        """A quoted media title: «New York Times», der Zeitung «Wedomosti», laut der „Post“."""
        tk, lex = self.tk, self.lex
        inner = self.text[q.open + 1 : q.close].strip()
        words = inner.split()
        if not 1 <= len(words) <= 6 or any(ch in inner for ch in ",;:!?") or inner.endswith("."):
            return False
        if not words[0][:1].isupper() or not all(
            w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words
        ):
            return False
        first = self.ranges[q.s_open][0]
        j = q.tok - 1
        det = j >= first and tk.toks[j].kind == "w" and lex.is_("det", tk.toks[j].low)
        j -= 1 if det else 0
        if j >= first:
            hit, flag = tk.noun(j), tk.flag(j, first)
            if (hit is not None and hit[0] == MEDIA) or (flag is not None and flag[0] == SOURCE):
                return True
        last = lex.noun(words[-1].lower())
        if words[-1].lower() in lex.titles or (last is not None and last[0] == MEDIA):
            return True
        after = tk.flag(q.tok + 1, -1) if det and tk.word(q.tok + 1, len(tk.toks)) else None
        if after is not None and after[0] in (MEDIA_VERB, CITE):
            return True  # der „Spiegel“ berichtete
        return det and lex.lang == "en" and len(words) >= 2

    # ------------------------------------------------------------- own rules

    def _after_quote(self, q: _Quote) -> Phrase | None:
        tk, lex = self.tk, self.lex
        first, end = self.ranges[q.s_open][0], self.ranges[q.s_close][1]
        j = q.tok + 1
        comma = self.text[q.open + 1 : q.close].rstrip().endswith((",", "!", "?", "…"))
        while j < end and tk.toks[j].kind == "p" and tk.toks[j].text in ",–—-" and j - q.tok <= 2:
            comma, j = True, j + 1
        if not tk.word(j, end):
            return None
        flag = tk.flag(j, first)
        if flag is not None and (flag[0] in SAYING or flag[0] == CITE):
            ph = tk.after_verb(j + flag[1], end, cite=flag[0] == CITE)
            if ph is not None:
                q.media = flag[0] == MEDIA_VERB
                return ph
        elif flag is not None and flag[0] == SOURCE:
            return tk.after_source(j + flag[1], end)
        ph = tk.phrase(j, end)
        if ph is not None:  # "…," he said; „…“, Lee zufolge
            v = ph.end
            while tk.word(v, end) and lex.is_("skip", tk.toks[v].low):
                v += 1
            after = tk.flag(v, first) if tk.word(v, end) else None
            if after is not None and after[0] in (SAY, MEDIA_VERB, CITE, SOURCE_AFTER):
                q.media = after[0] == MEDIA_VERB
                return ph
        t = tk.toks[j]
        if comma and lex.lang == "de" and t.lower and flag is None:
            if not tk.function(t.low):
                return tk.after_verb(j + 1, end)  # „…“, resümiert X: any verb in this slot
            flags = (tk.flag(k, first) for k in range(j + 1, min(end, j + 12)))
            if lex.is_("aux", t.low) and any(f is not None and f[0] == SAY for f in flags):
                return tk.after_verb(j + 1, end)  # „…“, hatte Macron einst gesagt
        return None

    def _colon(self, q: _Quote) -> Phrase | None:
        tk = self.tk
        first, e = self.ranges[q.s_open][0], q.tok - 1
        if e - 1 < first or tk.toks[e].text != ":":
            return None
        c = e
        while c - 1 >= first and tk.toks[c - 1].kind == "w" and e - c < REACH:
            c -= 1
        ph = tk.clause_phrase(c, e) if c < e else None
        return ph if ph is not None and ph.strong else None

    def _has(self, si: int, kind: str) -> bool:
        """Does sentence ``si`` hold a reporting word of ``kind`` (outside quotations)?"""
        hit = self._flags.get((si, kind))
        if hit is None:
            first, end = self.ranges[si]
            flags = (self.tk.flag(k, first) for k in range(first, end))
            hit = self._flags[(si, kind)] = any(f is not None and f[0] == kind for f in flags)
        return hit

    def _scan(self, q: _Quote, ks: range, later: bool) -> Phrase | None:
        """The speaker a reporting word at one of the tokens ``ks`` names."""
        tk = self.tk
        first, end = self.ranges[q.s_open][0], self.ranges[q.s_close][1]
        for j in ks:
            flag = tk.flag(j, first)
            if flag is None:
                continue
            kind, n = flag
            q.anaphor = q.anaphor or kind == ANAPHOR
            if kind not in ATTRIBUTING or (later and kind == CITE):
                continue
            ph = self._initial(q.s_open) if later and kind in SAYING else None
            ph = ph or tk.attribution(j, n, kind, first, end)  # Mao hatte … „…“ bezeichnet
            if ph is not None:
                return ph
        return None

    def _own(self, q: _Quote) -> Phrase | None:
        first, end = self.ranges[q.s_open][0], self.ranges[q.s_close][1]
        before = range(q.tok - 1, max(first, q.tok - WINDOW) - 1, -1)
        ph = self._after_quote(q) or self._colon(q)
        if ph is not None:
            return (self._scan(q, before, False) or ph) if q.media else ph
        if any(self._has(si, NEGATIVE) for si in range(q.s_open, q.s_close + 1)):
            q.excluded = True
            return None
        after = range(q.tok + 1, min(end, q.tok + WINDOW))
        return self._scan(q, before, False) or self._scan(q, after, True)

    # ------------------------------------------------------ sentence context

    def _initial(self, si: int) -> Phrase | None:
        """The phrase opening sentence ``si`` (after a leading "Auch", "Doch")."""
        tk = self.tk
        p, end = self.ranges[si]
        for _ in range(2):
            if tk.phrase(p, end) is not None or not (tk.word(p, end) and tk.leading(tk.lows[p])):
                break
            p += 1
        ph = tk.phrase(p, end)
        return ph if ph is not None and ph.strong else None

    def _clause_speakers(self, si: int) -> list[Speaker]:
        """Speakers of the reporting clauses of sentence ``si``, quotations or not."""
        out = self._clauses.get(si)
        if out is None:
            out = self._clauses[si] = []  # set first: resolving may come back here
            tk = self.tk
            first, end = self.ranges[si]
            for j in range(first, end):
                flag = tk.flag(j, first)
                ph = (
                    tk.attribution(j, flag[1], flag[0], first, end)
                    if flag and flag[0] in ATTRIBUTING
                    else None
                )
                if ph is not None:
                    out.append(self._resolve(ph, si, tk.toks[j].start))
        return out

    def _quoted(self, si: int) -> list[Speaker]:
        return [q.speaker for q in self.by_sentence.get(si, ()) if q.speaker is not None]

    def _speakers_in(self, si: int) -> list[Speaker]:
        return sorted([*self._clause_speakers(si), *self._quoted(si)], key=lambda s: s.pos)

    def _reported(self, si: int) -> bool:
        """Does sentence ``si`` open with a quotation or speak in Konjunktiv I?"""
        first, end = self.ranges[si]
        return (first < end and self.tk.toks[first].kind == "q") or self._has(si, REPORTED)

    def _last_speaker(self, si: int, depth: int = 0) -> Speaker | None:
        if si < 0:
            return None
        found = self._quoted(si) or self._speakers_in(si)
        if found:
            return found[-1]
        return self._last_speaker(si - 1, depth + 1) if depth < 2 and self._reported(si) else None

    def _all_phrases(self, si: int) -> list[Phrase]:
        """Every name and description phrase of sentence ``si``, left to right."""
        out = self._phrases.get(si)
        if out is None:
            out = self._phrases[si] = []
            first, end = self.ranges[si]
            j = first
            while j < end:
                ph = self.tk.phrase(j, end)
                if ph is not None and ph.strong:
                    out.append(ph)
                j = ph.end if ph is not None else j + 1
        return out

    def _resolve(self, ph: Phrase, si: int, pos: int) -> Speaker:
        """A pronoun or definite person description as the name it stands for."""
        desc = ph.kind == "desc" and ph.definite and ph.person
        if desc:
            match = self._antecedent(ph, si)
            if match is not None:
                return Speaker(match.text, match.span, match.full, True, pos, True)
        if ph.kind == "pron" or desc:
            best: Speaker | None = None
            for sj in range(max(0, si - (LOOK_BACK if ph.kind == "pron" else 2) + 1), si + 1):
                cands = [s for s in self._speakers_in(sj) if s.person] if sj < si else []
                initial = self._initial(sj)
                if initial is not None and initial.person and initial.start < ph.start:
                    cands.append(_speaker(initial, self.tk.toks[initial.start].start))
                for cand in cands:
                    later = best is None or cand.pos >= best.pos
                    if (cand.named or not desc) and cand.pos < pos and later:
                        best = cand
            if best is not None:
                return _at(best, pos)
        return _speaker(ph, pos)

    def _antecedent(self, ph: Phrase, si: int) -> Phrase | None:
        """The name before ``ph`` whose title matches its head ("Staatschef" ~ "Parteichef")."""
        head = ph.head or ""
        best: tuple[int, int] | None = None
        found: Phrase | None = None
        for sj in range(max(0, si - LOOK_BACK), si + 1):
            for cand in self._all_phrases(sj):
                if cand.kind != "name" or (sj == si and cand.start >= ph.start):
                    continue
                ch = cand.head or ""
                compatible = bool(ch) and (head.endswith(ch) or ch.endswith(head))
                if compatible or head[:4] in cand.stems:
                    score = (len(ph.stems & cand.stems) + 2 * compatible, cand.full[0])
                    if best is None or score > best:
                        best, found = score, cand
        return found

    # ---------------------------------------------------------------- passes

    def _source_before(self, si: int) -> Speaker | None:
        """What "demnach" refers to: a speaker, else a described body, shortly before."""
        back = range(si - 1, max(-1, si - 1 - LOOK_BACK), -1)
        for sj in back:
            found = self._speakers_in(sj)
            if found:
                return found[-1]
        for sj in back:
            descs = [ph for ph in self._all_phrases(sj) if ph.kind == "desc"]
            if descs:
                return _speaker(descs[-1], descs[-1].full[0])
        return None

    def _refer_next(self, si: int) -> Speaker | None:
        """ "Das bestätigte der Kreml": the next sentence attributes this one."""
        if si + 1 >= len(self.sents):
            return None
        tk = self.tk
        first, end = self.ranges[si + 1]
        flag = tk.flag(first, first) if first < end else None
        if flag is None or flag[0] != REFER:
            return None
        v = first + flag[1]
        verb = tk.flag(v, first) if tk.word(v, end) else None
        if verb is None or verb[0] not in (SAY, MEDIA_VERB):
            return None
        ph = tk.after_verb(v + verb[1], end)
        return self._resolve(ph, si + 1, tk.toks[v].start) if ph is not None else None

    def _pass_one(self) -> None:
        for si in range(len(self.sents)):
            for q in self.by_sentence.get(si, ()):
                ph = self._own(q)
                pos = self.tk.toks[q.tok].start
                if ph is not None:
                    q.speaker = self._resolve(ph, si, pos)
                elif not q.excluded:
                    sp = self._source_before(si) if q.anaphor else None
                    sp = sp or self._refer_next(si)
                    if sp is None and self._reported(si):
                        sp = self._last_speaker(si - 1)
                    q.speaker = _at(sp, pos) if sp is not None else None

    def _bag(self, q: _Quote) -> Counter[str]:
        return Counter(_WORDS.findall(self.text[q.open : q.close].lower()))

    def _pass_two(self) -> None:
        done = [(q, self._bag(q)) for q in self.quotes if q.speaker is not None]
        done = done[:MAX_PULL_SOURCES]
        for q in self.quotes:
            if q.speaker is not None or q.excluded:
                continue
            words = self._bag(q)
            size, best = words.total(), 0.0
            for other, theirs in done:  # a pull quote or headline repeating a quotation
                if words.keys().isdisjoint(theirs) or not 0.5 <= size / theirs.total() <= 2:
                    continue
                score = (words & theirs).total() / max(size, theirs.total())
                if score >= PULL_QUOTE_OVERLAP and score > best:
                    best, q.speaker = score, other.speaker
            initial = self._initial(q.s_open)
            if q.speaker is not None or initial is None or initial.kind != "name":
                continue
            near = [*self._quoted(q.s_open - 1), *self._quoted(q.s_open + 1)]
            if any(_same_name(sp.text, initial.text) for sp in near):
                q.speaker = _speaker(initial, self.tk.toks[initial.start].start)

    # ---------------------------------------------------------------- output

    def _code(self, sp: Speaker) -> str | None:
        """The code of the mention overlapping the speaker, else of the nearest one."""
        best: tuple[int, int, str] | None = None
        for m in self.mentions:
            for rank, (s, e) in enumerate((sp.span, sp.full)):
                shared = min(e, m.end) - max(s, m.start)
                if shared > 0 and (best is None or (2 - rank, shared) > best[:2]):
                    best = (2 - rank, shared, m.code)
        if best is not None:
            return best[2] or None
        near: tuple[int, str] | None = None
        for m in self.mentions:
            gap = max(m.start - sp.full[1], sp.full[0] - m.end)
            if 0 <= gap <= MENTION_REACH and (near is None or gap < near[0]):
                near = (gap, m.code)
        return near[1] or None if near is not None else None

    def run(self) -> list[Quote]:
        self._pass_one()
        self._pass_two()
        out: list[Quote] = []
        for q in self.quotes:
            if q.excluded or q.speaker is None:
                continue
            s, e = q.open + 1, q.close
            while s < e and self.text[s].isspace():
                s += 1
            while e > s and self.text[e - 1].isspace():
                e -= 1
            sentence = (self.sents[q.s_open].start, self.sents[q.s_close].end)
            out.append(Quote(q.speaker.text, (s, e), sentence, self._code(q.speaker)))
        return out


def extract_quotes(
    text: str, sentences: list[Sentence], lang: str, mentions: list[Mention] | None = None
) -> list[Quote]:
    """The attributed direct quotes of ``text``, in text order.

    ``sentences`` are the document's sentences (when empty the text is split
    here); ``lang`` "de" or "en" (others use both word lists); the codes of
    ``mentions`` (actor mentions) become the speakers' ``speaker_code``.
    """
    if not isinstance(text, str) or not text:
        return []
    sents = sentences or split_sentences(text, lang or "")
    return _Extractor(text, sents, lang or "", list(mentions or [])).run() if sents else []


class QuoteStage:
    """Pipeline stage: ``analysis.quotes`` from the text, sentences and actor mentions."""

    name = "quotes"
    version = "1"

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.document
        analysis.quotes = extract_quotes(
            doc.text, analysis.sentences, doc.language or "", analysis.mentions
        )
