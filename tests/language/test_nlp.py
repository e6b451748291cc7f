"""The trained language layer (``triangulate.language.nlp``): shipped models, no training."""

from __future__ import annotations

from pathlib import Path

import pytest

from triangulate.language import sentences
from triangulate.language.nlp import ENTITY_LABELS, Entity, LanguageStage, annotate, load
from triangulate.model import Analysis, Document, Sentence, Token

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


@pytest.fixture(scope="session")
def de() -> None:
    load("de")


@pytest.fixture(scope="session")
def en() -> None:
    load("en")


def run(text: str, lang: str) -> tuple[list[Sentence], list[Entity]]:
    sents = sentences(text, lang)
    ents = annotate(text, sents, lang)
    return sents, ents


def tok(sents: list[Sentence], text: str) -> Token:
    return next(t for s in sents for t in s.tokens if t.text == text)


def check_well_formed(text: str, sents: list[Sentence]) -> None:
    for s in sents:
        assert s.tokens, f"no tokens for {s.text!r}"
        prev_end = s.start
        roots = 0
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
            assert s.start <= t.start < t.end <= s.end
            assert t.start >= prev_end
            prev_end = t.end
            assert t.pos and t.lemma is not None and t.dep
            roots += t.head is None
        assert roots == 1
        for i in range(len(s.tokens)):  # every head chain ends at the root
            seen = {i}
            j = s.tokens[i].head
            while j is not None:
                assert 0 <= j < len(s.tokens) and j not in seen
                seen.add(j)
                j = s.tokens[j].head


DE_TEXT = (
    "Kim Jong-un traf Wladimir Putin in Wladiwostok. "
    "Er sagte, Nordkorea habe Soldaten geschickt. "
    "Nordkorea soll rund 10.000 Soldaten nach Russland geschickt haben.\n\n"
    "Die Regierung in Seoul warnte am Montag vor einer weiteren Eskalation."
)


def test_german_offsets_and_trees(de: None) -> None:
    sents, _ = run(DE_TEXT, "de")
    assert len(sents) == 4
    check_well_formed(DE_TEXT, sents)


def test_german_konjunktiv_i(de: None) -> None:
    sents, _ = run("Er sagte, Nordkorea habe Soldaten geschickt.", "de")
    habe = tok(sents, "habe")
    assert "Mood=Sub" in (habe.morph or "")
    assert habe.lemma == "haben"
    assert "Mood=Sub" not in (tok(sents, "sagte").morph or "")


def test_german_soll_haben(de: None) -> None:
    sents, _ = run("Nordkorea soll Soldaten nach Russland geschickt haben.", "de")
    soll, haben = tok(sents, "soll"), tok(sents, "haben")
    assert soll.lemma == "sollen" and soll.pos in ("AUX", "VERB") and soll.tag == "VMFIN"
    assert haben.pos == "AUX" and haben.tag == "VAINF"
    assert tok(sents, "geschickt").tag == "VVPP"


def test_german_pos_of_news_sentence(de: None) -> None:
    sents, _ = run("Die Regierung in Seoul warnte am Montag vor einer weiteren Eskalation.", "de")
    got = {t.text: t.pos for t in sents[0].tokens}
    assert got["Die"] == "DET"
    assert got["Regierung"] == "NOUN"
    assert got["Seoul"] == "PROPN"
    assert got["warnte"] == "VERB"
    assert got["weiteren"] == "ADJ"
    assert got["."] == "PUNCT"
    regierung = tok(sents, "Regierung")
    assert "Case=Nom" in (regierung.morph or "") and "Number=Sing" in (regierung.morph or "")
    assert regierung.dep == "nsubj" and sents[0].tokens[regierung.head or 0].text == "warnte"


def test_german_entities(de: None) -> None:
    text = "Kim Jong-un traf Wladimir Putin in Wladiwostok."
    _, ents = run(text, "de")
    got = [(text[e.start : e.end], e.label) for e in ents]
    assert got == [("Kim Jong-un", "PER"), ("Wladimir Putin", "PER"), ("Wladiwostok", "LOC")]


def test_english_analysis(en: None) -> None:
    text = "Kim Jong-un met Vladimir Putin in Vladivostok. He said North Korea had sent troops."
    sents, ents = run(text, "en")
    check_well_formed(text, sents)
    got = [(text[e.start : e.end], e.label) for e in ents]
    assert ("Kim Jong-un", "PER") in got and ("Vladimir Putin", "PER") in got
    assert ("Vladivostok", "LOC") in got
    sent = tok(sents, "sent")
    assert sent.lemma == "send" and sent.pos == "VERB"
    troops = tok(sents, "troops")
    assert troops.pos == "NOUN" and troops.tag == "NNS"
    assert troops.dep == "obj" and sents[1].tokens[troops.head or 0].text == "sent"


def test_english_who_does_what_to_whom(en: None) -> None:
    text = "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang."
    sents, _ = run(text, "en")
    toks = sents[0].tokens
    met = tok(sents, "met")
    assert met.dep == "root" and met.head is None
    subj = [t.text for t in toks if t.dep == "nsubj" and t.head == toks.index(met)]
    obj = [t.text for t in toks if t.dep == "obj" and t.head == toks.index(met)]
    assert subj in (["Putin"], ["Vladimir"], ["President"])
    assert obj in (["leader"], ["Kim"])
    assert tok(sents, "Pyongyang").dep == "obl"


def test_empty_and_whitespace_sentences(de: None) -> None:
    text = "  \n"
    sents = [Sentence(index=0, start=0, end=3, text=text)]
    assert annotate(text, sents, "de") == []
    assert sents[0].tokens == []
    assert annotate("", [], "de") == []


def test_absolute_offsets_with_body_start(de: None) -> None:
    text = "Titel\n\nPutin reist nach Pjöngjang."
    sents = sentences(text, "de", start=7)
    ents = annotate(text, sents, "de")
    check_well_formed(text, sents)
    assert all(e.label in ENTITY_LABELS and e.start >= 7 for e in ents)
    assert any(e.start == text.index("Putin") for e in ents)
    assert sents[0].tokens[0].start == text.index("Putin")


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seed_articles(path: Path, de: None) -> None:
    text = path.read_text(encoding="utf-8")
    doc = Document(doc_id=path.stem, text=text, language="de")
    analysis = Analysis(document=doc, sentences=sentences(text, "de"))
    LanguageStage()(analysis)
    check_well_formed(text, analysis.sentences)
    ents = annotate(text, sentences(text, "de"), "de")
    assert ents and all(text[e.start : e.end].strip() for e in ents)
