"""The linker on the project's own German and English sentences (tests/actors/cases.py).

Each case lists mentions that must be found with their code (and, where given, the actor they
link to) and surfaces that must not be actor mentions.
"""

from __future__ import annotations

import pytest

from triangulate.actors import ActorLinker

from .cases import CASES
from .test_actors_gold import _sentences

LINKER = ActorLinker(use_env=False)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40
    assert {lang for _, lang, *_ in CASES} == {"de", "en"}


@pytest.mark.parametrize(
    ("lang", "date", "text", "expected", "absent"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_case(
    lang: str, date: str | None, text: str, expected: list[tuple[str, str]], absent: list[str]
) -> None:
    actors, mentions = LINKER.link(text, _sentences(text, lang), lang, date)
    got = [(m.text, m.code, m.actor_id) for m in mentions]
    for surface, code in expected:
        span, _, actor = surface.partition("@")
        assert any(t == span and c == code and (not actor or a == actor) for t, c, a in got), (
            f"missing {surface!r} {code}; got {got}"
        )
    for surface in absent:
        assert all(t != surface for t, _, _ in got), f"{surface!r} must not be a mention; got {got}"
    codes = {a.id: a.code for a in actors}
    assert all(codes[m.actor_id] == m.code for m in mentions)
