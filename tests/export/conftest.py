"""Stores for the export tests: the demo corpus (built once), a tricky one, an empty one."""

from __future__ import annotations

import pytest

from triangulate.model import Analysis, Document, Event, Sentence
from triangulate.pipeline import ingest, process
from triangulate.store import open_store

from ..conftest import SEEDS

TRICKY_TEXT = (
    'Kopfzeile\nRussland\tlieferte "Granaten"\nan Nordkorea, sagte =HYPERLINK("x").\n'
    "@Kreml -kritisierte +China."
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = open_store(tmp_path_factory.mktemp("export") / "seeds.db")
    ingest([SEEDS], st)
    process(st)
    yield st
    st.close()


@pytest.fixture
def empty_store(tmp_path):
    st = open_store(tmp_path / "empty.db")
    yield st
    st.close()


@pytest.fixture
def tricky_store(tmp_path):
    """One document whose text and actor names hold tabs, newlines, quotes, formula starts."""
    st = open_store(tmp_path / "tricky.db")
    doc = Document(doc_id="tricky-1", text=TRICKY_TEXT, language="de", published="2024-05",
                   url="https://example.org/a\tb")  # fmt: skip
    st.add_document(doc)
    end = len(TRICKY_TEXT)
    events = [
        Event(source="RUSMIL", target="PRK", cameo="062", sentence=(10, end), trigger=(19, 28),
              source_text="Russland\tArmee", target_text='"Nord"\nkorea', goldstein=7.4,
              date="2024-05-03", date_precision="day", location="Wladi\nwostok",
              latitude=43.1, longitude=131.9, geonames_id=2013348),
        Event(source="RUSGOV", target="CHN", cameo="111", sentence=(10, end), trigger=(30, 40),
              source_text="=HYPERLINK(\"x\")", target_text="+China", goldstein=-2.0,
              attributed_to="@Kreml", date=None, date_precision="unknown"),
        Event(source="IGONAT", target=None, cameo="173", sentence=(10, end), trigger=(41, 50),
              source_text="-NATO", goldstein=-5.0, date="2024", date_precision="year"),
    ]  # fmt: skip
    run = st.begin_run("test", {})
    st.save_analysis(
        Analysis(document=doc, sentences=[Sentence(0, 10, end, TRICKY_TEXT[10:])], events=events),
        run,
        "test",
    )
    yield st
    st.close()
