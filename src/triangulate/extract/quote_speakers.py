"""Speaker phrases for the quote extractor: word lists, tokens, noun phrases.

The open-class words live in ``triangulate/lang/<lang>/reporting_verbs.txt``
and ``speaker_nouns.txt`` (one entry a line, ``#`` comments, a trailing
``@flag`` that the files document).  The closed classes a phrase is built from
(articles, prepositions, conjunctions, pronouns, name particles) are grammar,
not vocabulary, and sit in :data:`_GRAMMAR`.

:class:`Tokens` cuts a text into words and punctuation, every top-level
quotation one ``q`` token (a media title one capitalised word).
:meth:`Tokens.phrase` reads the speaker phrase starting at a token: a name
("Sung-Yoon Lee", "Ursula von der Leyen"), a description headed by a speaker
noun ("eine Pentagon-Sprecherin", "ein Sprecher des chinesischen
Außenministeriums", "Russia's foreign ministry"), a description with a name
("der Nordkorea-Experte Sung-Yoon Lee": the name speaks) or a pronoun.  The
other public methods find the phrase that goes with a reporting word: after it
(:meth:`~Tokens.after_verb`), before it (:meth:`~Tokens.subject_before`), as
the object of "laut" or the complement of "zufolge".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from triangulate.language.data import LanguageData, language_data, normalise_lang, read_entries

Span = tuple[int, int]

# flags of reporting_verbs.txt
SAY, CITE, MEDIA_VERB, POST, SOURCE = "say", "cite", "media", "post", "source"
SOURCE_AFTER, ANAPHOR, REFER = "source-after", "anaphor", "refer"
NEGATIVE, REPORTED = "negative", "reported"
_VERB_FLAGS = {CITE, MEDIA_VERB, POST, SOURCE, SOURCE_AFTER, ANAPHOR, REFER, NEGATIVE, REPORTED}
#: reporting words whose subject speaks
SAYING = frozenset({SAY, MEDIA_VERB, POST})
#: reporting words that name a speaker wherever they stand in a sentence
ATTRIBUTING = frozenset({SAY, MEDIA_VERB, CITE, SOURCE, SOURCE_AFTER})

# flags of speaker_nouns.txt
BODY, PERSON, MEDIA, NOT, TITLE = "body", "person", "media", "not", "title"
_NOUN_FLAGS = {PERSON, MEDIA, NOT, TITLE}

#: the closed word classes of speaker phrases, one class a line
_GRAMMAR = {
    "de": """
det der die das den dem des ein eine einen einem einer eines sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres dieser diese dieses diesen diesem jener jene jenes jenen jenem mehrere einige viele zahlreiche manche beide unser unsere unseren unserem unserer kein keine keinen keinem keiner
definite der die das den dem des dieser diese dieses diesen diesem
genitive des der eines einer
genitive_only des eines
prep in im ins an am ans auf aus bei beim mit nach seit von vom vor zu zum zur für gegen gegenüber um über unter zwischen durch ohne während wegen trotz neben hinter bis ab per via innerhalb außerhalb angesichts
complement in aus
source_prep aus
conj und oder aber dass daß ob wenn weil da denn sondern als wie doch sowie bevor nachdem obwohl damit wobei
and und oder
pron er sie
rel was wie den die das dem der welche welcher welches
skip es sich
particle von van de der den da di du dos del la le al bin ibn zu ter ten
aux ist war sind waren hat hatte haben hatten wird wurde werden wurden
""",
    "en": """
det the a an this that these those his her its their our several some many
definite the this that these those
genitive
genitive_only
prep in on at for with without from by of to under over during after before since about against into through between among near
complement for of at in from
source_prep
conj and or but that if because as while whether although though when
and and or
pron he she they
rel what which who whom that as
skip it also
particle von van de der den da di du dos del la le al bin ibn
aux is was were are be been has have had will would can could may might should did does do not also
""",
}
_FUNCTION = ("det", "prep", "conj", "pron", "aux", "skip")
_SUFFIXES = {"de": ("", "s", "es", "n", "en", "e", "in", "innen", "nen"), "en": ("", "s", "es")}
_ADJECTIVE_END = ("e", "en", "er", "es", "em")
_ADJECTIVE = re.compile(r"(?:isch|lich|ig|ell|iv|al)(?:e|en|er|es|em)$")
#: how many tokens a phrase may stand back from its verb
REACH = 30

_WORD = re.compile(r"[^\W_](?:[^\W_]|[-'’‘.](?=[^\W_]))*-?")
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[-'’‘.](?=[^\W_]))*-?|[^\w\s]")
_MARKS = re.compile('[„“”"«»‚‘’›‹]')


def _flagged(entries: list[str], known: set[str], default: str) -> list[tuple[str, str]]:
    out = []
    for entry in entries:
        words = entry.lower().split()
        flag = default
        while words and words[-1].startswith("@"):
            marker = words.pop()[1:]
            flag = marker if marker in known else flag
        if words:
            out.append((" ".join(words), flag))
    return out


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of one language (of both, for any other language)."""

    lang: str
    words: dict[tuple[str, ...], str]  # lower-case token tuple -> reporting flag
    longest: int
    nouns: dict[str, tuple[str, str]]  # inflected form -> (flag, entry)
    noun_phrases: dict[str, list[tuple[tuple[str, ...], str, str]]]  # last word -> entries
    titles: frozenset[str]  # outlet names: a quotation ending in one is a media title
    compounds: bool
    grammar: dict[str, frozenset[str]]
    data: LanguageData

    def word_flag(self, lows: list[str], k: int) -> tuple[str, int] | None:
        """The reporting flag of the (multi-)word at ``lows[k]`` and its length in tokens."""
        for n in range(min(self.longest, len(lows) - k), 0, -1):
            flag = self.words.get(tuple(lows[k : k + n]))
            if flag is not None:
                return flag, n
        return None

    def noun(self, low: str) -> tuple[str, str] | None:
        """(flag, entry) of a speaker noun: by form, hyphen part or (German) compound."""
        hit = self.nouns.get(low)
        if hit is not None:
            return hit
        if "-" in low:
            return self.noun(low.rsplit("-", 1)[1])
        if self.compounds:
            for k in range(1, len(low) - 3):
                hit = self.nouns.get(low[k:])
                if hit is not None and len(hit[1]) >= 4:
                    return hit
        return None

    def is_(self, cls: str, low: str) -> bool:
        return low in self.grammar[cls]


def _build(langs: list[str], code: str) -> Lexicon:
    words: dict[tuple[str, ...], str] = {}
    nouns: dict[str, tuple[str, str]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    titles: set[str] = set()
    grammar: dict[str, set[str]] = {}
    for lang in langs:
        for entry, flag in _flagged(read_entries(lang, "reporting_verbs.txt"), _VERB_FLAGS, SAY):
            words.setdefault(tuple(entry.split()), flag)
        for entry, flag in _flagged(read_entries(lang, "speaker_nouns.txt"), _NOUN_FLAGS, BODY):
            parts = entry.split()
            if flag == TITLE:
                titles.add(entry)
            elif len(parts) > 1:
                phrases.setdefault(parts[-1], []).append((tuple(parts[:-1]), flag, entry))
            else:
                for suffix in _SUFFIXES[lang]:
                    nouns.setdefault(entry + suffix, (flag, entry))
        for line in _GRAMMAR[lang].strip().splitlines():
            cls, *members = line.split()
            grammar.setdefault(cls, set()).update(members)
    return Lexicon(
        code,
        words,
        max((len(k) for k in words), default=1),
        nouns,
        phrases,
        frozenset(titles),
        "de" in langs,
        {k: frozenset(v) for k, v in grammar.items()},
        language_data(code),
    )


@lru_cache(maxsize=4)
def _cached(code: str) -> Lexicon:
    return _build([code] if code else ["de", "en"], code)


def lexicon(lang: str) -> Lexicon:
    """The cached word lists for ``lang`` ("de", "en"; any other gets both merged)."""
    return _cached(normalise_lang(lang))


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    kind: str  # "w" word, "p" punctuation, "q" quotation
    quote: int = -1  # index of the quotation a "q" token (or a title word) stands for

    @property
    def cap(self) -> bool:
        return self.kind == "w" and self.text[:1].isupper()

    @property
    def lower(self) -> bool:
        return self.kind == "w" and self.text[:1].islower()


@dataclass(slots=True)
class Phrase:
    """A speaker phrase: tokens ``start``..``end``, the speaker as written in ``text``."""

    kind: str  # "name" | "desc" | "pron"
    start: int
    end: int
    span: Span  # the name, or the description without its article
    full: Span  # the whole phrase
    text: str
    definite: bool = False
    person: bool = False
    head: str | None = None  # the speaker-noun entry heading it
    stems: frozenset[str] = frozenset()  # 4-letter stems of its description words

    @property
    def strong(self) -> bool:
        return self.kind != "pron"


def _unmarked(text: str) -> str:
    """A phrase without the quotation marks of a media title inside it."""
    return " ".join(_MARKS.sub("", text).split()) if _MARKS.search(text) else text


def stems(words: list[str]) -> frozenset[str]:
    parts = (p for w in words for p in w.lower().strip("-").split("-"))
    return frozenset(p[:4] for p in parts if len(p) >= 4)


class Tokens:
    """The tokens of one text, each top-level quotation folded into one token."""

    def __init__(self, text: str, lex: Lexicon, quotes: list[Span]) -> None:
        """``quotes``: sorted, non-overlapping (open mark, close mark) offsets."""
        self.text, self.lex = text, lex
        self.toks: list[Tok] = []
        pos = 0
        for qi, (o, c) in enumerate(quotes):
            self._scan(pos, o)
            self.toks.append(Tok(o, c + 1, text[o : c + 1], "", "q", qi))
            pos = c + 1
        self._scan(pos, len(text))
        self.lows = [t.low for t in self.toks]
        self.starts = [t.start for t in self.toks]

    def make_word(self, k: int) -> None:
        """Let the quotation token ``k`` (a media title) stand as a capitalised word."""
        t = self.toks[k]
        s, e = t.start + 1, t.end - 1
        while s < e and self.text[s].isspace():
            s += 1
        while e > s and self.text[e - 1].isspace():
            e -= 1
        t.start, t.end, t.kind, t.text = s, e, "w", self.text[s:e]
        t.low = self.lows[k] = t.text.lower()
        self.starts[k] = s

    def _scan(self, lo: int, hi: int) -> None:
        toks, data = self.toks, self.lex.data
        for m in _TOKEN.finditer(self.text, lo, hi):
            s, e = m.span()
            word = m.group()
            prev = toks[-1] if toks else None
            if word == "." and prev is not None and prev.kind == "w" and prev.end == s:
                initial = len(prev.text) == 1 and prev.text.isupper()
                if initial or data.abbreviation(prev.text + "."):  # "Prof.", "J."
                    prev.end, prev.text, prev.low = e, prev.text + ".", prev.low + "."
                    continue
            toks.append(Tok(s, e, word, word.lower(), "w" if _WORD.fullmatch(word) else "p"))

    # ------------------------------------------------------------------ words

    def word(self, k: int, end: int) -> bool:
        return 0 <= k < end and self.toks[k].kind == "w"

    def flag(self, k: int, first: int) -> tuple[str, int] | None:
        """The reporting flag of the word at ``k`` (lower case, or opening its sentence)."""
        t = self.toks[k]
        if t.kind != "w" or t.quote >= 0 or (not t.lower and k != first):
            return None
        return self.lex.word_flag(self.lows, k)

    def noun(self, k: int) -> tuple[str, str] | None:
        """(flag, entry) of the speaker noun at ``k``, if it is one."""
        t = self.toks[k]
        if t.kind != "w":
            return None
        if t.quote >= 0:
            return (MEDIA, "title")  # a media title folded into a word
        if self.lex.lang == "de" and not t.cap:
            return None
        if t.cap and len(t.low) > 2 and t.low.endswith(".") and t.low.count(".") == 1:
            return (PERSON, t.low)  # "Prof.", "Dr."
        for before, flag, entry in self.lex.noun_phrases.get(t.low, ()):
            if k >= len(before) and tuple(self.lows[k - len(before) : k]) == before:
                return flag, entry
        return self.lex.noun(t.low)

    def _stop_cap(self, k: int) -> bool:
        """A capitalised word that is no part of a name or description ("Dafür", "Montag")."""
        low, data = self.toks[k].low, self.lex.data
        if low.endswith(("'s", "’s")) and low[:-2] in data.starters:
            return True  # "It's"
        if low in data.starters or low in data.months:
            return True
        hit = self.noun(k)
        return hit is not None and hit[0] == NOT

    def function(self, low: str) -> bool:
        return any(low in self.lex.grammar[c] for c in _FUNCTION)

    def _name_like(self, k: int) -> bool:
        return self.toks[k].cap and not self._stop_cap(k) and self.noun(k) is None

    def skip_group(self, j: int, end: int) -> int:
        """The token after the article and words of a group at ``j`` (a PP's object)."""
        if self.word(j, end) and self.toks[j].low in self.lex.grammar["det"]:
            j += 1
        run = self._run(j, end)
        return run[-1] + 1 if run else j

    # ---------------------------------------------------------------- phrases

    def phrase(self, i: int, end: int) -> Phrase | None:
        """The speaker phrase starting exactly at token ``i`` (None if there is none)."""
        if not self.word(i, end):
            return None
        t, g = self.toks[i], self.lex.grammar
        if t.low in g["pron"] and t.quote < 0:
            return Phrase("pron", i, i + 1, (t.start, t.end), (t.start, t.end), t.text)
        det = t.low if t.low in g["det"] and t.quote < 0 else None
        run = self._run(i + (det is not None), end)
        return self._classify(i, det, run, end) if run else None

    def _run(self, j: int, end: int) -> list[int]:
        """The words after an article that may form a speaker phrase."""
        toks, g = self.toks, self.lex.grammar
        de = self.lex.lang != "en"
        run: list[int] = []
        seen_cap = False
        while self.word(j, end) and len(run) < 10:
            t = toks[j]
            if t.cap:
                if t.quote < 0 and self._stop_cap(j):
                    break
                run.append(j)
                seen_cap, j = True, j + 1
                joined = self.word(j + 1, end) and toks[j].low in g["and"] and toks[j + 1].cap
                if t.text.endswith("-") and joined:
                    run.append(j)  # "Staats- und Parteichef"
                    j += 1
                continue
            if not t.lower or self.function(t.low) or self.flag(j, -1) is not None:
                if t.low in g["particle"] and run and self._particle(j, end):
                    while toks[j].low in g["particle"]:
                        run.append(j)
                        j += 1
                    continue
                break
            if de and (seen_cap or not t.low.endswith(_ADJECTIVE_END) or len(run) >= 3):
                break
            run.append(j)
            j += 1
        while run and toks[run[-1]].lower and self.noun(run[-1]) is None:
            run.pop()  # trailing lower-case words that head nothing ("a source close")
        return run

    def _particle(self, j: int, end: int) -> bool:
        """ "von der Leyen": particles, then one capitalised word that closes the phrase."""
        k = j
        while self.word(k, end) and self.toks[k].low in self.lex.grammar["particle"] and k - j < 2:
            k += 1
        if not (self.word(k, end) and self._name_like(k)):
            return False
        return not (self.word(k + 1, end) and self.toks[k + 1].cap)

    def _after_name(self, k: int) -> bool:
        """ "Lee IPPEN.MEDIA", "Kim KCNA": a dotted or all-capitals word ends a name."""
        t = self.toks[k].text
        if len(t) == 2 and t[1] == "." and t[0].isupper():
            return False  # an initial: "George W. Bush"
        return "." in t or (len(t) > 1 and t.replace("-", "").isupper())

    def _classify(self, i: int, det: str | None, run: list[int], end: int) -> Phrase | None:
        toks, g = self.toks, self.lex.grammar
        de = self.lex.lang != "en"
        heads = [k for k in run if self.noun(k) is not None]
        h = heads[-1] if heads else None
        name: list[int] = []
        if h is not None:
            pos = run.index(h)
            prev = toks[run[pos - 1]] if pos > 0 else None
            if de and det is None and prev is not None and "-" not in prev.text:
                plain = not prev.text.endswith(("s", "er")) and not prev.low.endswith(".")
                plain = plain and not _ADJECTIVE.search(prev.low)  # "Russische Militärblogger"
                if plain and all(self._name_like(k) for k in run[:pos]):
                    return self._classify(i, det, run[:pos], end)  # "Putin Journalisten"
            for k in run[pos + 1 :]:
                if not self._name_like(k) or (name and self._after_name(k)):
                    break
                name.append(k)
        else:
            if de and any(toks[k].lower and toks[k].low not in g["particle"] for k in run):
                return None  # "vergangene Woche"
            if de and det is not None and not (len(run) == 1 and self._name_like(run[0])):
                return None  # "die Ukraine", "die USA"; not "die Welt der Zahlen"
            for k in run:
                particle = toks[k].low in g["particle"] and bool(name)
                if not (self._name_like(k) or particle) or (name and self._after_name(k)):
                    break
                name.append(k)
            while name and not toks[name[-1]].cap:
                name.pop()
            if not name:
                return None
        hit = self.noun(h) if h is not None else None
        if name:
            span = (toks[name[0]].start, toks[name[-1]].end)
            text = _unmarked(self.text[span[0] : span[1]])
            words = [toks[k].text for k in run if k < name[0]]
            full = (toks[i].start, span[1])
            head = hit[1] if hit is not None else None
            person = h is not None or det is None
            return Phrase(
                "name", i, name[-1] + 1, span, full, text, False, person, head, stems(words)
            )
        assert h is not None and hit is not None
        stop = self._complement(h + 1, end)
        tail = list(range(h + 2, stop))
        if not de and hit[0] == PERSON and len(tail) >= 3 and all(map(self._name_like, tail)):
            span = (toks[tail[-2]].start, toks[tail[-1]].end)  # "Secretary of State Antony Blinken"
            text = self.text[span[0] : span[1]]
            return Phrase("name", i, stop, span, (toks[i].start, span[1]), text, person=True)
        span = (toks[run[0]].start, toks[stop - 1].end)
        flag, entry = hit
        text = _unmarked(self.text[span[0] : span[1]])
        if det in g["genitive_only"] and stop == h + 1:
            for suffix in ("es", "s"):
                if toks[h].low.endswith(entry + suffix):
                    text = text[: -len(suffix)]  # "des Außenministeriums" -> Außenministerium
                    break
        definite = det is not None and det in g["definite"]
        words = [toks[k].text for k in run if k <= h]
        full = (toks[i].start, span[1])
        return Phrase(
            "desc", i, stop, span, full, text, definite, flag == PERSON, entry, stems(words)
        )

    def _complement(self, j: int, end: int) -> int:
        """The token after a genitive or prepositional complement of a description."""
        toks, g = self.toks, self.lex.grammar
        if not self.word(j, end) or not (
            toks[j].low in g["genitive"] or toks[j].low in g["complement"]
        ):
            return j
        k = j + 1
        if toks[j].low in g["complement"] and self.word(k, end) and toks[k].low in g["det"]:
            k += 1
        caps = [x for x in self._run(k, end) if toks[x].cap or self.noun(x) is not None]
        return caps[-1] + 1 if caps else j

    # ------------------------------------------------------------ patterns

    def leading(self, low: str) -> bool:
        """A word a clause may open with before its subject ("Doch", "Auch", "But")."""
        lex = self.lex
        return low in lex.data.starters and not (lex.is_("prep", low) or lex.is_("det", low))

    def after_verb(self, j: int, end: int, cite: bool = False) -> Phrase | None:
        """The phrase after a verb of saying ("sagte unlängst eine Sprecherin"); for a verb of
        quoting the second one ("zitierte die Agentur Xinhua den Staatschef")."""
        lex = self.lex
        found: list[Phrase] = []
        fallback: Phrase | None = None
        skips = 0
        while self.word(j, end) and len(found) < (2 if cite else 1):
            low = self.toks[j].low
            if lex.is_("conj", low) and not lex.is_("det", low):
                break
            ph = self.phrase(j, end)
            if ph is not None:
                found.append(ph)
                j = ph.end
            elif lex.is_("prep", low):
                if lex.is_("source_prep", low) and fallback is None:
                    sub = self.phrase(j + 1, end)  # "hieß aus dem Pekinger Außenamt"
                    fallback = sub if sub is not None and sub.strong else None
                j = self.skip_group(j + 1, end)
            elif skips < 4:
                skips, j = skips + 1, j + 1  # adverbs, "vergangene Woche"
            else:
                break
        if found:
            return found[-1] if cite else found[0]
        return fallback

    def clause_phrase(self, c: int, e: int) -> Phrase | None:
        """The phrase opening the clause at ``c`` that reaches ``e`` (a PP may trail it)."""
        toks = self.toks
        for p in range(c, e):
            if p > c and not self.leading(toks[p - 1].low):
                break
            ph = self.phrase(p, e)
            if ph is None:
                continue
            j = ph.end
            while ph.strong and j < e and self.lex.is_("prep", toks[j].low):
                j = self.skip_group(j + 1, e)  # "Pacheco Pardo vom King's College sagte"
            if j == e:
                return ph
        return None

    def subject_before(self, v: int, first: int) -> Phrase | None:
        """The subject that ends right before the verb at ``v`` ("Lee sagte", "Smith also said",
        "Kalinin, Chef eines Verbands, sagte", "what Putin called")."""
        toks, lex = self.toks, self.lex
        e = v
        while e - 1 >= first and v - e < 2 and self.word(e - 1, v):
            if not (lex.is_("skip", toks[e - 1].low) or lex.is_("aux", toks[e - 1].low)):
                break
            e -= 1
        appositive: Phrase | None = None
        if e - 1 >= first and toks[e - 1].text == ",":
            p = e - 2
            while p >= first and toks[p].kind == "w" and e - p < REACH:
                p -= 1
            if p < first or toks[p].text != ",":
                return None
            appositive = self.phrase(p + 1, e - 1)
            if appositive is not None and (appositive.kind != "name" or appositive.end != e - 1):
                appositive = None
            e = p
        c = e
        while c - 1 >= first and toks[c - 1].kind == "w" and e - c < REACH:
            c -= 1
        ph = self.clause_phrase(c, e)
        for p in range(e - 1, c, -1) if ph is None else ():
            before = toks[p - 1].low
            comma = p - 2 >= first and toks[p - 2].text == ","
            if (lex.is_("rel", before) and (comma or lex.lang == "en")) or lex.is_(
                "source_prep", before
            ):  # "what Putin called", "wie es aus Regierungskreisen hieß"
                ph = self.phrase(p, e)
                if ph is not None and ph.end == e:
                    break
                ph = None
        if ph is not None and ph.kind == "desc" and appositive is not None:
            return appositive  # "The Kremlin's spokesman, Dmitry Peskov, said"
        return ph

    def after_source(self, j: int, end: int) -> Phrase | None:
        """ "laut X", "according to X", "laut Einschätzungen ihres Geheimdienstes"."""
        if self.word(j, end) and self.toks[j].low in ("von", "vom"):
            j += 1
        ph = self.phrase(j, end)
        k = self.skip_group(j, end) if ph is None else j
        return self.phrase(k, end) if ph is None and k > j else ph

    def before_source(self, j: int, first: int) -> Phrase | None:
        """ "X zufolge": the phrase that ends at the postposition."""
        toks = self.toks
        c = j
        while c - 1 >= first and toks[c - 1].kind == "w" and j - c < REACH:
            c -= 1
        for p in range(c, j):
            if p > first and toks[p - 1].kind == "w" and self.lex.is_("prep", toks[p - 1].low):
                continue
            ph = self.phrase(p, j)
            if ph is not None and ph.end == j:
                return ph
        return None

    def attribution(self, j: int, n: int, kind: str, first: int, end: int) -> Phrase | None:
        """The speaker a reporting word of ``kind`` at ``j`` (``n`` tokens long) names."""
        if kind == CITE:
            return self.after_verb(j + n, end, cite=True)
        if kind in SAYING:
            return self.subject_before(j, first) or self.after_verb(j + n, end)
        if kind == SOURCE:
            return self.after_source(j + n, end)
        if kind == SOURCE_AFTER:
            return self.before_source(j, first)
        return None
