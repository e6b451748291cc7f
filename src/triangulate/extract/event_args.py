"""Participants of an event: source and target mentions around a trigger, by rule.

No parser: the subject is the first unmarked mention of the clause (V2 main
clauses, verb-final subclauses, SVO English), an inverted subject follows the
verb, passives take the agent from "von/durch/by X", targets are the mentions
that the lexicon frame marks by a preposition ("nach X", "gegen X") or the next
unmarked mention after the verb (the object).  Coordinated mentions ("Japan und
Südkorea") fill one slot together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Mention

__all__ = [
    "Arg",
    "antecedent",
    "arguments",
    "coordinated",
    "country",
    "outermost",
    "prepositions",
    "zu_infinitive",
]

_PREP_DE = (
    "nach|an|gegen|mit|für|zu|zum|zur|von|vom|in|im|aus|bei|beim|über|auf|zwischen|durch|"
    "vor|unter|laut|seitens|um|ohne|neben|hinter|trotz|wegen|ans|ins|am"
)
_PREP_EN = "to|at|against|with|for|from|of|in|into|by|on|between|about|over|toward|towards|according to|via|near|among|amid|after|alongside"
_ART_DE = (
    r"(?:(?!(?:denen|deren|dessen)\s)(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|sein\w*|ihr\w*|unser\w*|dies\w*|jen\w*|"
    r"beide\w*|alle\w*|[a-zäöüß][\w-]*(?:e|en|er|es|em))\s+|\d[\d.,]*\s+)"
)
# the words between an English preposition and its noun: not another preposition ("side
# by side with Russia" is "with"), and after "to" only determiners and adjective-like
# words ("to neighbouring Ukraine"; "to pull India" is an infinitive, not a direction)
_ART_EN = (
    r"(?:(?!(?:" + _PREP_EN + r")\s)[a-z][\w-]*\s+|\d[\d.,]*\s+)"
)
_TO_WORDS_EN = re.compile(
    r"(?:the|a|an|its|their|his|her|our|this|that|these|those|both|all|other|"
    r"[a-z][\w-]*(?:an|ese|ish|ern|al|ic|ive|ous|ful|ed|ing|ly|i|torn)|\d[\d.,]*)",
)
_PREP_RX = {
    "de": re.compile(r"(?<![\w-])((?i:" + _PREP_DE + r"))\s+" + _ART_DE + r"{0,3}$"),
    "en": re.compile(r"(?<![\w-])((?i:" + _PREP_EN + r"))\s+" + _ART_EN + r"{0,2}$"),
}
# "gegen den Süden und die UNO-Truppen": the second conjunct of a phrase whose first
# conjunct is no actor still belongs to the preposition
_PREP_COORD_RX = {
    "de": re.compile(
        r"(?<![\w-])((?i:" + _PREP_DE + r"))\s+" + _ART_DE + r"{0,3}[A-ZÄÖÜ][\w-]*\s+"
        r"(?:und|sowie|oder)\s+" + _ART_DE + r"{0,2}$"
    ),
    "en": re.compile(
        r"(?<![\w-])((?i:" + _PREP_EN + r"))\s+(?:the\s+)?[A-Za-z][\w-]*\s+(?:and|or)\s+(?:the\s+)?$"
    ),
}
_COORD = re.compile(
    r"^\s*(?:,|und|sowie|oder|als auch|and|or|&|as well as|,\s*und|,\s*and)\s*(?:die|der|den|das|dem|the)?\s*$",
    re.IGNORECASE,
)
_LOWER_PREP_FIX = {
    "zum": "zu",
    "zur": "zu",
    "im": "in",
    "ins": "in",
    "vom": "von",
    "beim": "bei",
    "ans": "an",
    "am": "an",
    "into": "in",
}
_PASSIVE = {
    "de": re.compile(
        r"(?<![\w-])(?:wurde|wurden|worden|werden|wird|wirst|würden|würde)(?![\w-])", re.IGNORECASE
    ),
    "en": re.compile(
        r"(?<![\w-])(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?\w+(?:ed|en|sent|held|made|given|brought|met)(?![\w-])",
        re.IGNORECASE,
    ),
}
_AGENT = {"de": ("von", "durch", "seitens"), "en": ("by",)}


_RELATIVE = re.compile(
    r"\s*(?:(?:der|die|das|den|dem|denen|dessen|deren)\s+(?![A-ZÄÖÜ])|(?:welche[rsnm]?|who|which|that)\s)"
)
_CLAUSE_PRONOUN = re.compile(
    r"\W*(?:(?:seit|als|dass|daß|weil|nachdem|bevor|wenn|ob|und|aber|doch|since|when|after|"
    r"because|that|and|but)\s+)?(?:er|sie|es|he|she|it|they)\s",
    re.IGNORECASE,
)
_PERSONAL = re.compile(r"(?<![\w-])(?:er|sie|es|Er|Sie|Es|he|she|it|they|He|She|It|They)(?![\w-])")


@dataclass(slots=True)
class Arg:
    mention: Mention
    prep: str | None


def country(code: str | None) -> str:
    if not code:
        return ""
    return code[:6] if code.startswith("IGO") else code[:3]


def outermost(mentions: list[Mention]) -> list[Mention]:
    """Mentions not nested inside another one, in text order."""
    ms = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in ms:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def prepositions(text: str, ms: list[Mention], lo: int, lang: str) -> list[Arg]:
    rx = _PREP_RX["en" if lang == "en" else "de"]
    out = []
    for m in ms:
        before = text[max(lo, m.start - 45) : m.start]
        hit = rx.search(before)
        if hit is None:
            hit = _PREP_COORD_RX["en" if lang == "en" else "de"].search(before)
        prep = hit.group(1).lower() if hit else None
        if prep == "to" and lang == "en" and hit is not None:
            words = before[hit.end(1) :].split()
            if not all(_TO_WORDS_EN.fullmatch(w) for w in words):
                prep = None
        if prep is not None:
            prep = _LOWER_PREP_FIX.get(prep, prep)
        out.append(Arg(m, prep))
    # a coordinated mention inherits the preposition of its first conjunct
    for i in range(1, len(out)):
        gap = text[out[i - 1].mention.end : out[i].mention.start]
        if out[i].prep is None and _COORD.match(gap) and gap.strip() != ",":
            out[i].prep = out[i - 1].prep
    return out


def antecedent(text: str, args: list[Arg], clauses: list[tuple[int, int]]) -> Arg | None:
    """The subject a pronoun in the next sentence most likely continues: the first
    unmarked mention of the last main (non-relative) clause that has one."""
    for lo, hi in reversed(clauses):
        if _RELATIVE.match(text, lo):
            continue
        own = [a for a in args if lo <= a.mention.start < hi and a.prep is None]
        if own:
            return own[0]
    return next((a for a in args if a.prep is None), None)


def zu_infinitive(text: str, lo: int, start: int, end: int) -> bool:
    """The trigger is a zu-infinitive ("Russland zu helfen", "auszubauen")."""
    before = text[max(lo, start - 4) : start]
    return (
        before.endswith("zu ")
        or bool(re.search(r"\wzu\w", text[start:end]))
        and text[start:end][:1].islower()
    )


def _linked(text: str, args: list[Arg], j: int) -> bool:
    """Mentions ``j`` and ``j + 1`` are conjuncts: "und"/"and" between them, or a comma
    in a list that a conjunction closes ("Japan, Südkorea und die USA")."""
    gap = text[args[j].mention.end : args[j + 1].mention.start]
    if not _COORD.match(gap):
        return False
    if gap.strip() != ",":
        return True
    return j + 2 < len(args) and _linked(text, args, j + 1)


def coordinated(text: str, args: list[Arg], a: Arg) -> list[Arg]:
    """``a`` and the mentions coordinated with it ("Japan und Südkorea")."""
    i = next((k for k, x in enumerate(args) if x is a), -1)
    if i < 0:
        return [a]
    group = [a]
    j = i
    while j + 1 < len(args) and _linked(text, args, j):
        group.append(args[j + 1])
        j += 1
    j = i
    while j > 0 and _linked(text, args, j - 1):
        group.insert(0, args[j - 1])
        j -= 1
    return group


_HEAD = re.compile(r"([A-ZÄÖÜ][\w-]*)[“\"»«]?\s+(?:[\w-]+\s+){0,3}$")


def _free_genitive(text: str, a: Arg, lo: int) -> bool:
    """A genitive attribute ("gen") whose head noun stands outside a prepositional phrase
    ("Der Botschafter Russlands"; not "laut Einschätzungen des Geheimdienstes")."""
    if a.prep != "gen":
        return False
    before = text[max(lo, a.mention.start - 60) : a.mention.start]
    head = _HEAD.search(before)
    if head is None:
        return False
    head_start = max(lo, a.mention.start - 60) + head.start(1)
    return not _PREP_RX["de"].search(text[max(lo, head_start - 45) : head_start])


def _passive(text: str, lo: int, hi: int, trig: str, lang: str) -> bool:
    if lang == "en":
        return bool(_PASSIVE["en"].search(text, lo, hi))
    low = trig.lower()
    participle = low.startswith("ge") or low.endswith(("t", "en", "iert")) and "ge" in low[:8]
    return participle and bool(_PASSIVE["de"].search(text, lo, hi))


def arguments(
    text: str,
    args: list[Arg],
    lo: int,
    hi: int,
    trig_start: int,
    trig_end: int,
    kind: str,
    targets: tuple[str, ...],
    lang: str,
    antecedent: Arg | None = None,
) -> tuple[list[Arg], list[Arg]]:
    """(sources, targets) for a trigger in clause ``text[lo:hi]``; each may be empty."""
    inclause = [a for a in args if lo <= a.mention.start and a.mention.end <= hi]
    trig = text[trig_start:trig_end]
    agents = _AGENT["en" if lang == "en" else "de"]
    passive = kind == "verb" and _passive(text, lo, hi, trig, lang)
    src: Arg | None = None
    tgt: Arg | None = None
    # --- source
    if kind == "noun":
        near = [
            a
            for a in inclause
            if a.mention.end <= trig_start
            and len(text[a.mention.end : trig_start].split()) <= 2
            and a.prep not in ("gegen", "against", "zwischen", "between")
        ]
        if near:
            src = near[-1]
        else:
            after = [
                a
                for a in inclause
                if a.mention.start >= trig_end
                and a.prep in ("von", "zwischen", "of", "between", "by", "gen")
                and (a.prep != "gen" or len(text[trig_end : a.mention.start].split()) <= 3)
            ]
            if after:
                src = after[0]
    elif passive:
        ag = [a for a in inclause if a.prep in agents]
        if ag:
            src = ag[0]
        else:
            passive = False
    if src is None and kind == "verb" and not passive:
        unmarked_before = [a for a in inclause if a.mention.end <= trig_start and a.prep is None]
        unmarked_after = [a for a in inclause if a.mention.start >= trig_end and a.prep is None]
        outer = [a for a in args if a.mention.end <= lo and a.prep is None]
        near_words = (
            text[max(lo, trig_start - 12) : trig_start] + " " + text[trig_end : trig_end + 6]
        )
        if _RELATIVE.match(text, lo) and outer:
            src = outer[-1]  # the relative pronoun's antecedent: the nearest mention before
        elif zu_infinitive(text, lo, trig_start, trig_end) and outer:
            src = outer[0]
        elif not unmarked_before and antecedent is not None and _PERSONAL.search(near_words):
            src = antecedent
        elif _CLAUSE_PRONOUN.match(text, lo) and (outer or antecedent is not None):
            src = outer[0] if outer else antecedent  # "..., seit er Kim traf": er = subject
        elif unmarked_before:
            src = unmarked_before[0]
        elif free_gen := [
            a for a in inclause if a.mention.end <= trig_start and _free_genitive(text, a, lo)
        ]:
            src = free_gen[0]  # "Der Botschafter Russlands kritisierte ...": the head's state
        elif subject_after := [
            a
            for a in inclause
            if a.mention.start >= trig_end and (a.prep is None or _free_genitive(text, a, lo))
        ]:
            src = subject_after[0]  # inverted: "Heute kritisierte die Führung Russlands ..."
    if src is None and kind == "verb" and not passive:
        outer = [a for a in args if a.mention.end <= lo and a.prep is None]
        if outer:
            src = outer[0]
    if src is None and kind == "noun":
        unmarked_before = [a for a in inclause if a.mention.end <= trig_start and a.prep is None]
        unmarked_after = [a for a in inclause if a.mention.start >= trig_end and a.prep is None]
        if unmarked_before:
            src = unmarked_before[0]
        elif unmarked_after and any(a.prep in targets for a in inclause if a.prep):
            src = unmarked_after[0]  # "Bei dem Treffen mit Kim sagte Xi"
    # --- target
    marked = [a for a in inclause if a.prep is not None and a.prep in targets and a is not src]
    if not marked:
        marked = [
            a
            for a in args
            if a.prep is not None and a.prep in targets and a is not src and a.prep != "in"
        ]
    if marked:
        tgt = min(
            marked,
            key=lambda a: (
                0 if a.mention.start >= trig_end else 1,
                abs(a.mention.start - trig_start),
            ),
        )
    elif "obj" in targets:
        rest = [a for a in inclause if a.prep is None and a is not src]
        if src is not None:
            rest = [a for a in rest if a not in coordinated(text, args, src)]
        after = [a for a in rest if a.mention.start >= trig_end]
        before = [a for a in rest if a.mention.end <= trig_start]
        if after:
            tgt = after[0]
        elif before:
            tgt = before[-1]
        if tgt is None and passive and src is None:
            pass
    if passive and src is not None and tgt is None:
        subj = [a for a in inclause if a.prep is None and a is not src]
        if subj:
            tgt = subj[0]
    sources = coordinated(text, args, src) if src is not None else []
    tgts = coordinated(text, args, tgt) if tgt is not None else []
    tgts = [t for t in tgts if all(t is not s for s in sources)]
    return sources, tgts
