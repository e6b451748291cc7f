"""The pipeline stage, the public exports and the linking speed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import triangulate.actors as actors_pkg
from triangulate.actors import ActorLinker, ActorStage, load_knowledge_base
from triangulate.model import Analysis, Document

from .test_actors_gold import EVAL, _sentences


def _analysis(text: str, lang: str = "de", published: str | None = "2024-11-06") -> Analysis:
    doc = Document(doc_id="t", text=text, language=lang, published=published)
    return Analysis(document=doc, sentences=_sentences(text, lang))


def test_exports() -> None:
    assert {"ActorStage", "ActorLinker", "load_knowledge_base"} <= set(actors_pkg.__all__)
    assert callable(load_knowledge_base)


def test_stage_fills_actors_and_mentions() -> None:
    stage = ActorStage(use_env=False)
    assert stage.name == "actors"
    assert stage.version.startswith(actors_pkg.RULES_VERSION + ".")
    analysis = _analysis("Nordkoreanische Soldaten kämpfen für Russland. Kim traf Putin.")
    stage(analysis)
    codes = {(m.text, m.code) for m in analysis.mentions}
    assert {
        ("Nordkoreanische Soldaten", "PRKMIL"),
        ("Russland", "RUS"),
        ("Kim", "PRKGOV"),
        ("Putin", "RUSGOV"),
    } <= codes
    by_id = {a.id: a for a in analysis.actors}
    for m in analysis.mentions:
        assert (m.start, m.end) in by_id[m.actor_id].mentions
        assert m.sentence in (0, 1)
    assert (
        by_id["putin"].type == "person"
        and by_id["prk_mil"].type == "group"
        and by_id["rus"].type == "country"
    )


def test_stage_version_follows_the_data(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - id: acme\n    code: USABUS\n    names: [ACME]\n", encoding="utf-8"
    )
    plain = ActorStage(use_env=False).version
    assert ActorStage(use_env=False).version == plain
    assert ActorStage(extra_files=[path], use_env=False).version != plain


def test_without_sentences_the_whole_text_is_linked() -> None:
    linker = ActorLinker(use_env=False)
    actors, mentions = linker.link("Peking warnte Washington.", [], "de", None)
    assert [(m.text, m.code, m.sentence) for m in mentions] == [
        ("Peking", "CHNGOV", None),
        ("Washington", "USAGOV", None),
    ]


def test_unsupported_language_falls_back_to_german_rules() -> None:
    _, mentions = ActorLinker(use_env=False).link("Nordkorea und China.", [], None, None)
    assert [m.code for m in mentions] == ["PRK", "CHN"]


def test_linking_is_fast() -> None:
    doc = json.loads((EVAL / "docs.jsonl").read_text(encoding="utf-8").splitlines()[0])
    words = doc["text"].split()
    text = " ".join(words[:600])
    stage = ActorStage(use_env=False)
    analysis = _analysis(text, published=doc["published"])
    stage(analysis)  # the knowledge base and the gazetteer are built once, before timing
    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        stage(analysis)
    per_doc = (time.perf_counter() - start) / runs
    print(f"\nlinking a 600-word article: {per_doc * 1000:.1f} ms")
    assert per_doc < 0.05
