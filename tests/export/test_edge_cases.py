"""Hostile text, CSV injection, empty stores, date helpers."""

from __future__ import annotations

import csv
import datetime as dt
import json

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest

from triangulate.export import FORMATS, export
from triangulate.export.common import country, date_span, roles
from triangulate.export.gdelt import GDELT_COLUMNS


def test_text_with_tabs_newlines_quotes_survives_csv_jsonl_parquet(tricky_store, tmp_path):
    export(tricky_store, "csv", tmp_path / "e.csv")
    export(tricky_store, "jsonl", tmp_path / "e.jsonl")
    export(tricky_store, "parquet", tmp_path / "e.parquet")
    frames = [
        pd.read_csv(tmp_path / "e.csv", keep_default_na=False),
        pd.read_json(tmp_path / "e.jsonl", lines=True),
        pq.read_table(tmp_path / "e.parquet").to_pandas(),
    ]
    for df in frames:
        assert len(df) == 3
        by_cameo = df.set_index(df["cameo"].astype(str).str.zfill(3))
        assert by_cameo.loc["062", "source_text"] == "Russland\tArmee"
        assert by_cameo.loc["062", "target_text"] == '"Nord"\nkorea'
        assert by_cameo.loc["062", "location"] == "Wladi\nwostok"
        assert "\t" in by_cameo.loc["062", "evidence"] and "\n" in by_cameo.loc["062", "evidence"]


def test_csv_cells_that_look_like_formulas_are_defused(tricky_store, tmp_path):
    export(tricky_store, "csv", tmp_path / "e.csv")
    df = pd.read_csv(tmp_path / "e.csv", keep_default_na=False, dtype=str)
    by_cameo = df.set_index("cameo")
    assert by_cameo.loc["111", "source_text"] == '\'=HYPERLINK("x")'
    assert by_cameo.loc["111", "target_text"] == "'+China"
    assert by_cameo.loc["111", "attributed_to"] == "'@Kreml"
    assert by_cameo.loc["173", "source_text"] == "'-NATO"
    assert by_cameo.loc["111", "goldstein"] == "-2.0"  # numbers are not text: untouched
    # only CSV is defused
    export(tricky_store, "jsonl", tmp_path / "e.jsonl")
    rows = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert {r["source_text"] for r in rows} >= {'=HYPERLINK("x")', "-NATO"}


def test_gdelt_fields_hold_no_tabs_or_newlines(tricky_store, tmp_path):
    n = export(tricky_store, "gdelt", tmp_path / "e.tsv")
    lines = (tmp_path / "e.tsv").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) - 1 == n == 3
    assert all(len(line.split("\t")) == 61 for line in lines[:-1])
    assert pd.read_csv(tmp_path / "e.tsv", sep="\t", header=None).shape == (3, 61)
    df = pd.read_csv(tmp_path / "e.tsv", sep="\t", header=None, dtype=str, keep_default_na=False,
                     quoting=csv.QUOTE_NONE)  # fmt: skip
    df.columns = list(GDELT_COLUMNS)
    r = df.set_index("EventCode").loc["062"]
    assert r["Actor1Name"] == "Russland Armee" and r["Actor2Name"] == '"Nord" korea'
    assert r["Actor1CountryCode"] == "RUS" and r["Actor1Type1Code"] == "MIL"
    assert r["Day"] == "20240503" and r["MonthYear"] == "202405" and r["Year"] == "2024"
    assert r["ActionGeo_FullName"] == "Wladi wostok" and r["ActionGeo_FeatureID"] == "2013348"
    assert r["ActionGeo_Lat"] == "43.1" and r["DATEADDED"] == "20240501000000"
    assert r["SOURCEURL"] == "https://example.org/a b" and r["QuadClass"] == "2"
    undated = df.set_index("EventCode").loc["111"]
    assert undated["Day"] == "" and undated["DATEADDED"] == "20240501000000"
    assert undated["QuadClass"] == "3" and undated["GoldsteinScale"] == "-2"
    nato = df.set_index("EventCode").loc["173"]
    assert nato["Actor1KnownGroupCode"] == "NAT" and nato["Actor1CountryCode"] == ""
    assert nato["Actor1Type1Code"] == "IGO" and nato["Day"] == "20240101"
    assert nato["QuadClass"] == "4" and nato["Actor2Code"] == ""


def test_network_skips_events_without_both_participants(tricky_store, tmp_path):
    assert export(tricky_store, "gexf", tmp_path / "n.gexf") == 2
    g = nx.read_gexf(tmp_path / "n.gexf")
    assert set(g.edges) == {("RUS", "PRK"), ("RUS", "CHN")}
    assert g.nodes["RUS"]["events"] == 2
    assert g.edges["RUS", "PRK"]["start"] == "2024-05-03"
    assert "start" not in g.edges["RUS", "CHN"]  # undated: always visible


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_store_exports_valid_empty_files(empty_store, tmp_path, fmt):
    out = tmp_path / f"empty.{fmt}"
    assert export(empty_store, fmt, out) == 0
    assert out.exists()
    if fmt == "csv":
        df = pd.read_csv(out)
        assert len(df) == 0 and len(df.columns) > 20
    elif fmt in ("jsonl", "plover", "gdelt"):
        assert out.read_text() == ""
    elif fmt == "parquet":
        table = pq.read_table(out)
        assert table.num_rows == 0 and "goldstein" in table.schema.names
    elif fmt == "gexf":
        assert 'mode="dynamic"' in out.read_text() and 'timeformat="date"' in out.read_text()
        assert nx.read_gexf(out).number_of_nodes() == 0
    else:
        assert nx.read_graphml(out).number_of_nodes() == 0


def test_empty_gdelt_with_header_has_only_the_header(empty_store, tmp_path):
    export(empty_store, "gdelt", tmp_path / "e.tsv", header=True)
    assert (tmp_path / "e.tsv").read_text().split("\n") == ["\t".join(GDELT_COLUMNS), ""]


def test_date_span():
    d = dt.date
    assert date_span("2024-10-07") == (d(2024, 10, 7), d(2024, 10, 7))
    assert date_span("2024-02") == (d(2024, 2, 1), d(2024, 2, 29))
    assert date_span("2023-12") == (d(2023, 12, 1), d(2023, 12, 31))
    assert date_span("1948") == (d(1948, 1, 1), d(1948, 12, 31))
    assert date_span("1950-06-25/1953-07") == (d(1950, 6, 25), d(1953, 7, 31))
    assert date_span(None) is None and date_span("2024-W05") is None
    assert date_span("2024-13") is None


def test_actor_code_parts():
    assert country("RUSGOVMIL") == "RUS" and roles("RUSGOVMIL") == ["GOV", "MIL"]
    assert country("IGONAT") == "IGONAT" and roles("IGONATMIL") == ["MIL"]
    assert country(None) is None and roles("") == []
