"""Round trips over the demo corpus: export, load back, compare with the store."""

from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest

from triangulate.errors import TriangulateError
from triangulate.export import EXPORTERS, FORMATS, ExportError, export
from triangulate.export.common import EVENT_COLUMNS, country, iter_events
from triangulate.export.gdelt import GDELT_COLUMNS
from triangulate.store.base import EventFilter


def all_events(store, **flt):
    return store.events(EventFilter(limit=10_000, **flt))


def dyads(store):
    return Counter(
        (country(e["source"]), country(e["target"]))
        for e in all_events(store)
        if e["source"] and e["target"]
    )


def test_registry_names_every_format():
    assert set(FORMATS) == {"csv", "jsonl", "plover", "gdelt", "parquet", "gexf", "graphml"}
    assert all(EXPORTERS[name].name == name for name in FORMATS)


def test_demo_store_has_events(store):
    assert store.stats()["events"] > 20


def test_csv_round_trip(store, tmp_path):
    n = export(store, "csv", tmp_path / "e.csv")
    df = pd.read_csv(tmp_path / "e.csv", keep_default_na=False)
    assert n == len(df) == store.stats()["events"]
    assert tuple(df.columns) == EVENT_COLUMNS
    assert sorted(df["id"]) == sorted(e["id"] for e in all_events(store))
    assert df["id"].is_unique


def test_jsonl_round_trip(store, tmp_path):
    n = export(store, "jsonl", tmp_path / "e.jsonl")
    df = pd.read_json(tmp_path / "e.jsonl", lines=True)
    assert n == len(df) == store.stats()["events"]
    events = {e["id"]: e for e in all_events(store)}
    for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert row["evidence"] == events[row["id"]]["evidence"]
        assert row["cameo"] == events[row["id"]]["cameo"]


def test_parquet_round_trip_with_types(store, tmp_path):
    n = export(store, "parquet", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert n == table.num_rows == store.stats()["events"]
    types = {f.name: str(f.type) for f in table.schema}
    assert types["id"] == "int64" and types["sentence_start"] == "int64"
    assert types["goldstein"] == "double" and types["latitude"] == "double"
    assert types["cameo"] == "string"
    df = pd.read_parquet(tmp_path / "e.parquet")
    assert sorted(df["id"]) == sorted(e["id"] for e in all_events(store))


def test_gdelt_round_trip(store, tmp_path):
    n = export(store, "gdelt", tmp_path / "e.tsv")
    df = pd.read_csv(tmp_path / "e.tsv", sep="\t", header=None, dtype=str, keep_default_na=False)
    assert df.shape == (store.stats()["events"], 61) and n == len(df)
    df.columns = list(GDELT_COLUMNS)
    events = {str(e["id"]): e for e in all_events(store)}
    assert set(df["GlobalEventID"]) == set(events)
    quad = {"01": "1", "05": "1", "06": "2", "08": "2", "09": "3", "14": "3", "15": "4", "20": "4"}
    for _, r in df.iterrows():
        e = events[r["GlobalEventID"]]
        assert r["EventCode"] == e["cameo"] and r["EventRootCode"] == e["root"]
        if e["root"] in quad:
            assert r["QuadClass"] == quad[e["root"]]
        if e["date"] is None:
            assert r["Day"] == "" and r["Year"] == ""  # never the publication date
        else:
            assert r["Day"][:4] == e["date"][:4] and len(r["Day"]) == 8
        if e["date_precision"] == "day":
            assert r["Day"] == e["date"].replace("-", "")
        if e["published"]:
            assert r["DATEADDED"].startswith(e["published"][:4])
        assert int(r["NumSources"]) == max(e["group_sources"], 1) == int(r["NumArticles"])
        assert int(r["NumMentions"]) >= int(r["NumSources"])


def test_gdelt_header_option(store, tmp_path):
    export(store, "gdelt", tmp_path / "h.tsv", header=True)
    df = pd.read_csv(tmp_path / "h.tsv", sep="\t", dtype=str, keep_default_na=False)
    assert tuple(df.columns) == GDELT_COLUMNS and len(df) == store.stats()["events"]


def test_plover_round_trip(store, tmp_path):
    n = export(store, "plover", tmp_path / "e.plover.jsonl")
    lines = (tmp_path / "e.plover.jsonl").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == store.stats()["events"]
    events = {e["id"]: e for e in all_events(store)}
    for line in lines:
        rec = json.loads(line)
        e = events[rec["id"]]
        assert rec["event_type"] == e["plover"] and rec["mode"] == ""
        assert rec["actor"] == e["source"] and rec["recipient"] == e["target"]
        assert rec["actor_country"] == country(e["source"])
        info = rec["text_info"]
        assert info["doc_id"] == e["doc_id"]
        assert info["sentence"] == [e["sentence_start"], e["sentence_end"]]
        assert info["trigger"] == [e["trigger_start"], e["trigger_end"]]
        for extra in ("status", "attributed_to", "cameo", "goldstein", "date_precision"):
            assert rec[extra] == e[extra]


def test_gexf_is_dynamic_and_weights_are_dyad_counts(store, tmp_path):
    n = export(store, "gexf", tmp_path / "net.gexf")
    text = (tmp_path / "net.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    g = nx.read_gexf(tmp_path / "net.gexf")
    expected = dyads(store)
    assert n == sum(expected.values())
    assert {(s, t): int(d["weight"]) for s, t, d in g.edges(data=True)} == dict(expected)
    assert set(g.nodes) == {c for pair in expected for c in pair}
    assert dict(expected) == {(s, t): c for s, t, c in store.top_dyads(limit=10_000)}
    timed = [d for _, _, d in g.edges(data=True) if "start" in d]
    assert timed and all(d["start"] <= d["end"] for d in timed)
    for d in timed:
        assert sum(v for v, _, _ in d["events_in_month"]) <= d["events"]
    for node, d in g.nodes(data=True):
        assert d["label"] == node and d["events"] >= 1


def test_graphml_matches_the_network(store, tmp_path):
    export(store, "graphml", tmp_path / "net.graphml")
    g = nx.read_graphml(tmp_path / "net.graphml")
    assert {(s, t): int(d["weight"]) for s, t, d in g.edges(data=True)} == dict(dyads(store))
    for _, _, d in g.edges(data=True):
        mean = d["goldstein_mean"]
        assert abs(mean * d["events"] - d["goldstein_sum"]) < 1e-3 or d["goldstein_sum"] == 0


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("what", ["claims", "quotes"])
def test_claims_and_quotes(store, tmp_path, fmt, what):
    out = tmp_path / f"x.{fmt}"
    n = export(store, fmt, out, what=what)
    df = {"csv": pd.read_csv, "parquet": pd.read_parquet}.get(
        fmt, lambda p: pd.read_json(p, lines=True)
    )(out)
    assert n == len(df) == store.stats()[what]


def test_filters_and_stable_ids(store, tmp_path):
    n = export(store, "jsonl", tmp_path / "a.jsonl", cameo="06")
    expected = [e["id"] for e in all_events(store, cameo="06")]
    got = [json.loads(x)["id"] for x in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert n == len(expected) and got == expected
    export(store, "csv", tmp_path / "1.csv")
    export(store, "csv", tmp_path / "2.csv")
    assert (tmp_path / "1.csv").read_bytes() == (tmp_path / "2.csv").read_bytes()


def test_paging_yields_every_event_once(store):
    ids = [e["id"] for e in iter_events(store, page=7)]
    assert len(ids) == len(set(ids)) == store.stats()["events"]


def test_bad_arguments(store, tmp_path):
    with pytest.raises(ValueError):
        export(store, "xml", tmp_path / "x")
    with pytest.raises(ValueError):
        export(store, "plover", tmp_path / "x", what="claims")
    with pytest.raises(ValueError):
        export(store, "csv", tmp_path / "x", what="actors")
    with pytest.raises(ExportError):
        export(store, "csv", tmp_path / "x", header=True)
    with pytest.raises(ExportError):
        export(store, "csv", tmp_path / "x", what="claims", cameo="06")
    assert issubclass(ExportError, TriangulateError)


class PagedStore:
    """A store proxy recording the size of every events page it hands out."""

    def __init__(self, store):
        self._store = store
        self.pages: list[tuple[int, int]] = []

    def events(self, flt=None):
        rows = self._store.events(flt)
        self.pages.append((flt.limit, len(rows)))
        return rows

    def __getattr__(self, name):
        return getattr(self._store, name)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "plover", "gdelt", "parquet", "gexf"])
def test_exports_stream_page_by_page(store, tmp_path, monkeypatch, fmt):
    from triangulate.export import common

    monkeypatch.setattr(common, "PAGE", 10)
    proxy = PagedStore(store)
    n = export(proxy, fmt, tmp_path / f"p.{fmt}")
    assert n == (sum(dyads(store).values()) if fmt == "gexf" else store.stats()["events"])
    assert len(proxy.pages) > 2 and all(limit == 10 and got <= 10 for limit, got in proxy.pages)
