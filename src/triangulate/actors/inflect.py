"""Word forms: German inflection and English plurals, made by rule from the data's base forms.

The data gives a stem or lemma once ("nordkoreanisch", "Nordkoreaner", "Sprecher") and the
functions here make the forms a text uses ("nordkoreanischen", "Nordkoreanerinnen",
"Sprechers").  Rules overgenerate a little on purpose: a form no text uses costs nothing, a
missing form costs a mention.
"""

from __future__ import annotations

import itertools
import re

#: German adjective endings (strong, weak and mixed declension together).
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")

_OPTIONAL = re.compile(r"\(([^()]*)\)")
_FEMININE_SUFFIXES = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "ion",
    "tät",
    "ei",
    "ur",
    "ik",
    "enz",
    "anz",
    "ie",
)
_WEAK_SUFFIXES = ("ent", "ant", "at", "ist", "it", "ot", "graph", "nom", "arch", "ot", "og")


def expand_optional(text: str) -> list[str]:
    """Expand the data's optional-ending syntax: ``"Vereinte(n) Nationen"`` -> both forms.

    ``word(a|b)`` stands for ``word``, ``worda`` and ``wordb``; several groups multiply.
    """
    parts = _OPTIONAL.split(text)
    if len(parts) == 1:
        return [text]
    fixed = parts[0::2]
    choices = [[""] + group.split("|") for group in parts[1::2]]
    out: list[str] = []
    for combo in itertools.product(*choices):
        pieces = [fixed[0]]
        for suffix, rest in zip(combo, fixed[1:], strict=True):
            pieces.append(suffix)
            pieces.append(rest)
        form = "".join(pieces)
        if form not in out:
            out.append(form)
    return out


def german_adjective_forms(stem: str) -> list[str]:
    """``"nordkoreanisch"`` -> nordkoreanisch, -e, -en, -er, -es, -em.

    Capitalised invariable adjectives ("Schweizer", city adjectives like "Pekinger") are
    returned as they are.
    """
    if stem[:1].isupper():
        return [stem]
    return [stem + ending for ending in ADJECTIVE_ENDINGS]


def german_demonym_forms(base: str) -> list[str]:
    """Forms of a German demonym: Nordkoreaner(n/s/in/innen), Russe(n) / Russin(nen), ...

    A trailing ``*`` marks an adjectival noun (``"Deutsche*"``: der Deutsche, ein Deutscher).
    """
    if base.endswith("*"):
        stem = base[:-1]
        return [stem, stem + "n", stem + "r", stem + "m", stem + "s"]
    if base.endswith("er"):
        return [base, base + "n", base + "s", base + "in", base + "innen"]
    if base.endswith("e"):
        return [base, base + "n", base[:-1] + "in", base[:-1] + "innen"]
    if base.endswith("i"):
        return [base, base + "s"]
    if base.endswith("in") or base.endswith("innen"):
        return [base]
    return [base, base + "en", base + "in", base + "innen", base + "s"]


def german_noun_forms(lemma: str, *, person: bool = False, adjectival: bool = False) -> list[str]:
    """Case and number forms of a German agent noun, by its ending.

    ``person`` adds the feminine forms (Sprecherin, Sprecherinnen); ``adjectival`` treats the
    noun as an adjectival noun (der Beauftragte, ein Beauftragter, den Beauftragten).
    Multi-word lemmas inflect their last word.
    """
    head, sep, last = lemma.rpartition(" ")
    prefix = head + sep
    forms = [prefix + f for f in _noun_forms(last, person=person, adjectival=adjectival)]
    return list(dict.fromkeys(forms))


def _noun_forms(word: str, *, person: bool, adjectival: bool) -> list[str]:
    low = word.lower()
    forms = [word]
    if adjectival and low.endswith("e"):
        forms += [word + "n", word + "r", word + "m", word + "s"]
        return forms
    if low.endswith("e") and not low.endswith("ee"):
        forms += [word + "n", word + "s"]
        if person:
            forms += [word[:-1] + "in", word[:-1] + "innen"]
    elif low.endswith("ee"):
        forms += [word + "n", word + "s"]
    elif low.endswith(("er", "el")):
        forms += [word + "n", word + "s"]
        if person:
            forms += [word + "in", word + "innen"]
    elif low.endswith("en"):
        forms += [word + "s"]
    elif low.endswith(_FEMININE_SUFFIXES):
        forms += [word + "en"]
    elif low.endswith("um"):
        forms += [word + "s", word[:-2] + "en"]
    elif low.endswith(("s", "x", "z", "ß")):
        forms += [word + "e", word + "en", word + "es"]
    else:
        forms += [word + "s", word + "es", word + "e", word + "en", word + "n"]
        if person:
            forms += [word + "in", word + "innen"]
    if person and low.endswith(_WEAK_SUFFIXES) and word + "in" not in forms:
        forms += [word + "in", word + "innen"]
    return forms


def german_genitive_forms(name: str) -> list[str]:
    """``"Russland"`` -> Russlands; ``"Kreml"`` -> Kremls, Kremles; names in s/x/z keep theirs."""
    last = name.rsplit(" ", 1)[-1]
    if (
        not last
        or not last[-1].isalpha()
        or last[-1].isupper()
        and len(last) > 1
        and last.isupper()
    ):
        return []
    if last[-1].lower() in "sxzß":
        return [name + "es"]  # des Weißen Hauses; "Parises" is never written and costs nothing
    forms = [name + "s"]
    if last[-1].lower() not in "aeiouyäöü":
        forms.append(name + "es")
    return forms


def english_plural(noun: str) -> str:
    """``"soldier"`` -> soldiers, ``"spokesman"`` -> spokesmen, ``"militia"`` -> militias."""
    head, sep, last = noun.rpartition(" ")
    low = last.lower()
    if low.endswith("man"):
        plural = last[:-3] + "men"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif low.endswith(("s", "x", "ch", "sh", "z")):
        plural = last + "es"
    else:
        plural = last + "s"
    return head + sep + plural


def english_demonym_forms(base: str) -> list[str]:
    """``"North Korean"`` -> North Korean, North Koreans; Chinese/Swiss/French stay as they are."""
    low = base.lower()
    if low.endswith(("ese", "ss", "sh", "ch", "s")):
        return [base]
    return [base, english_plural(base)]


_KOREAN_PART = re.compile(r"^([A-Z][a-z]+)-([a-z]+)$")


def name_variants(name: str) -> list[str]:
    """Spelling variants of a person's name: "Kim Jong-un" -> Kim Jong Un, Kim Jong-Un, Kim Jongun."""
    tokens = name.split(" ")
    out = [name]
    for i, token in enumerate(tokens):
        m = _KOREAN_PART.match(token)
        if not m:
            continue
        first, second = m.groups()
        for repl in (
            f"{first} {second.capitalize()}",
            f"{first}-{second.capitalize()}",
            first + second,
        ):
            variant = " ".join([*tokens[:i], repl, *tokens[i + 1 :]])
            if variant not in out:
                out.append(variant)
    return out
