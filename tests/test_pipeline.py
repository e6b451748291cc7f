"""The pipeline runs: idempotent ingest, explicit re-processing, near-duplicate links."""

from __future__ import annotations

from triangulate.pipeline import Pipeline, SentenceStage, ingest, process
from triangulate.store import open_store

from .conftest import SEEDS


def test_demo_corpus_ingests_and_processes(tmp_path):
    store = open_store(tmp_path / "t.db")
    rep = ingest([SEEDS], store)
    assert rep.added == 5 and not rep.errors
    proc = process(store)
    assert proc.processed == 5 and not proc.problems
    stats = store.stats()
    assert stats["documents"] == 5 and stats["processed"] == 5 and stats["sentences"] > 100
    ids = {d.doc_id for d in store.documents()}
    assert ids == {f"seed-00{i}" for i in range(5)}
    store.close()


def test_reingest_is_a_no_op(tmp_path):
    store = open_store(tmp_path / "t.db")
    ingest([SEEDS], store)
    process(store)
    before = store.stats()
    rep = ingest([SEEDS], store)
    assert rep.added == 0 and rep.existing == 5
    assert process(store).processed == 0
    assert store.stats() == before
    store.close()


def test_new_pipeline_version_needs_explicit_reprocess(tmp_path):
    store = open_store(tmp_path / "t.db")
    ingest([SEEDS], store)
    process(store)

    class Changed(SentenceStage):
        version = "changed"

    new = Pipeline([Changed()])
    assert new.version != Pipeline().version
    assert process(store, new).processed == 0
    rep = process(store, new, reprocess=True)
    assert rep.processed == 5
    assert store.stats()["sentences"] > 100 and store.stats()["runs"] == 2
    store.close()


def test_syndicated_copy_is_linked_not_processed(tmp_path):
    original = (SEEDS / "003_3b400aee088de79a.txt").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(original, encoding="utf-8")
    copy = "Quelle: dpa\n" + original.replace("Peking", "Beijing", 1) + "\n© Agentur"
    (folder / "b.txt").write_text(copy, encoding="utf-8")
    store = open_store(tmp_path / "t.db")
    rep = ingest([folder], store)
    assert rep.added == 2 and rep.duplicates == 1
    docs = store.documents()
    dup = [d for d in docs if d.duplicate_of]
    assert len(dup) == 1 and dup[0].duplicate_of in {d.doc_id for d in docs if not d.duplicate_of}
    assert process(store).processed == 1
    store.close()


def test_distinct_articles_are_not_linked(tmp_path):
    store = open_store(tmp_path / "t.db")
    rep = ingest([SEEDS], store)
    assert rep.duplicates == 0
    store.close()
