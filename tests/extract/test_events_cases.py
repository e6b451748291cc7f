"""Sentence cases for the event coder (tables in ``data/events_<lang>.tsv``).

Each case runs the real actor linker, then :func:`extract_events`, and checks that
every expected event (source country > target country : root, plus optional cameo,
status, date) is found -- and, for "-", that no event is found.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from triangulate.actors import ActorLinker
from triangulate.extract.event_args import country
from triangulate.extract.events import extract_events
from triangulate.language import sentences
from triangulate.model import Event

DATA = Path(__file__).parent / "data"
PUBLISHED = "2024-11-06"
SYMMETRIC = ("04", "05")


def load_cases(lang: str) -> list[tuple[str, str]]:
    out = []
    for line in (DATA / f"events_{lang}.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, expected = line.split("\t")
        out.append((text, expected.strip()))
    return out


@cache
def _linker() -> ActorLinker:
    return ActorLinker()


def events_of(lang: str, text: str) -> list[Event]:
    ss = sentences(text, lang)
    _, mentions = _linker().link(text, ss, lang, PUBLISHED)
    return extract_events(text, ss, lang, PUBLISHED, mentions)


def _matches(e: Event, spec: str) -> bool:
    head, *extras = spec.split(":")
    pair, root = head, extras.pop(0)
    src, tgt = pair.split(">")
    got = (country(e.source), country(e.target))
    ok = set(got) == {src, tgt} if root in SYMMETRIC else got == (src, tgt)
    if not ok or e.root != root:
        return False
    for x in extras:
        key, _, val = x.partition("=")
        if key == "cameo" and e.cameo != val:
            return False
        if key == "status" and e.status != val:
            return False
        if key == "date" and e.date != (None if val == "none" else val):  # none: undated
            return False
    return True


def run_case(lang: str, text: str, expected: str) -> list[str]:
    evs = events_of(lang, text)
    got = [f"{e.source}>{e.target}:{e.cameo}:{e.status}:{e.date}" for e in evs]
    if expected == "-":
        return [f"unexpected {got}"] if evs else []
    return [
        f"missing {spec} (got {got})"
        for spec in expected.split(";")
        if not any(_matches(e, spec) for e in evs)
    ]


@pytest.mark.parametrize(("text", "expected"), load_cases("de"))
def test_german_cases(text: str, expected: str) -> None:
    assert run_case("de", text, expected) == []


@pytest.mark.parametrize(("text", "expected"), load_cases("en"))
def test_english_cases(text: str, expected: str) -> None:
    assert run_case("en", text, expected) == []


@pytest.mark.parametrize(("text", "expected"), load_cases("de_general"))
def test_german_general_news_cases(text: str, expected: str) -> None:
    """The broad general-news lexicon (lang/de/event_lexicon_general.yaml)."""
    assert run_case("de", text, expected) == []
