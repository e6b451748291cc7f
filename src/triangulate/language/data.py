"""Language data for the sentence splitter, read from ``triangulate/lang/<lang>/*.txt``.

Every file holds one entry a line; ``#`` starts a comment, blank lines are
ignored.  The files are package data, read with :mod:`importlib.resources` once
per language and cached.

``abbreviations.txt`` entries may carry flags after the abbreviation::

    usw. @final     # may close a sentence (before a sentence starter)
    Art. @num       # an abbreviation only before a number

Languages without data of their own (anything but ``de`` and ``en``) get a
language-neutral default: the union of the German and English data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Languages that ship their own data directory under ``triangulate/lang``.
DATA_LANGUAGES = ("de", "en")

#: What a full stop after an abbreviation means.
PLAIN = "plain"  # never ends a sentence
FINAL = "final"  # ends a sentence before a sentence starter
NUM = "num"  # an abbreviation only before a digit


@dataclass(frozen=True, slots=True)
class LanguageData:
    """The word lists one language contributes to sentence splitting."""

    lang: str
    #: normalised abbreviation (spaces removed, final full stop kept) -> PLAIN | FINAL | NUM
    abbreviations: dict[str, str]
    #: month names and abbreviations, lower case
    months: frozenset[str]
    #: words that start sentences, lower case
    starters: frozenset[str]
    #: words that turn a following "<number>." into an ordinal, lower case
    ordinal_context: frozenset[str]
    #: longest abbreviation in tokens ("i. d. R." is 3)
    max_abbreviation_tokens: int

    def abbreviation(self, form: str) -> str | None:
        """The flag of ``form`` (spaces removed, ending in "."), or ``None``.

        An entry matches as written, or with its first letter capitalised (the
        abbreviation opens a sentence: "Vgl." for "vgl.").  Entries written with a
        capital ("Ill.", "Art.") do not match a lower-case word ("ill.", "art.").
        """
        flag = self.abbreviations.get(form)
        if flag is None and form[:1].isupper():
            flag = self.abbreviations.get(form[:1].lower() + form[1:])
        return flag


def normalise_abbreviation(entry: str) -> str:
    """``"z. B."`` -> ``"z.B."``: the key abbreviations are looked up by."""
    return "".join(entry.split())


def normalise_lang(lang: object) -> str:
    """``"de-DE"`` -> ``"de"``; anything unknown -> ``""`` (the neutral default)."""
    if not isinstance(lang, str):
        return ""
    code = lang.strip().lower().replace("_", "-").split("-", 1)[0]
    return code if code in DATA_LANGUAGES else ""


def read_entries(lang: str, name: str) -> list[str]:
    """The entries of ``triangulate/lang/<lang>/<name>`` (comments and blanks dropped)."""
    try:
        text = resources.files(f"triangulate.lang.{lang}").joinpath(name).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return []
    entries = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return entries


def _parse_abbreviation(entry: str) -> tuple[str, str, int]:
    words = entry.split()
    flag = PLAIN
    while words and words[-1].startswith("@"):
        marker = words.pop()[1:].lower()
        if marker == FINAL:
            flag = FINAL
        elif marker == NUM:
            flag = NUM
    return normalise_abbreviation(" ".join(words)), flag, max(len(words), 1)


def _load_one(lang: str) -> LanguageData:
    abbreviations: dict[str, str] = {}
    longest = 1
    for entry in read_entries(lang, "abbreviations.txt"):
        form, flag, n_tokens = _parse_abbreviation(entry)
        if form.endswith(".") and len(form) > 1:
            abbreviations[form] = flag
            longest = max(longest, n_tokens)
    return LanguageData(
        lang=lang,
        abbreviations=abbreviations,
        months=frozenset(m.lower() for m in read_entries(lang, "months.txt")),
        starters=frozenset(s.lower() for s in read_entries(lang, "starters.txt")),
        ordinal_context=frozenset(w.lower() for w in read_entries(lang, "ordinal_context.txt")),
        max_abbreviation_tokens=longest,
    )


def _merge(parts: list[LanguageData]) -> LanguageData:
    abbreviations: dict[str, str] = {}
    for part in parts:
        for form, flag in part.abbreviations.items():
            # Where the languages disagree, a flagged reading (FINAL, NUM) wins
            # over PLAIN: the full stop may then end a sentence in some contexts.
            old = abbreviations.get(form)
            abbreviations[form] = flag if old is None or old == PLAIN else old
    return LanguageData(
        lang="",
        abbreviations=abbreviations,
        months=frozenset().union(*(p.months for p in parts)),
        starters=frozenset().union(*(p.starters for p in parts)),
        ordinal_context=frozenset().union(*(p.ordinal_context for p in parts)),
        max_abbreviation_tokens=max(p.max_abbreviation_tokens for p in parts),
    )


@lru_cache(maxsize=len(DATA_LANGUAGES) + 1)
def _cached(code: str) -> LanguageData:
    if code:
        return _load_one(code)
    return _merge([_cached(c) for c in DATA_LANGUAGES])


def language_data(lang: str) -> LanguageData:
    """The (cached) data for ``lang``; unknown languages get the merged default."""
    return _cached(normalise_lang(lang))
