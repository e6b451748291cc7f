"""The command line: exit codes, batch error reporting, stdin, the read-side commands."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from triangulate.cli import app

from .conftest import EVAL, SEEDS

runner = CliRunner()


def invoke(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def demo_db(tmp_path):
    db = str(tmp_path / "demo.db")
    res = invoke("ingest", str(SEEDS), "--db", db, "--quiet")
    assert res.exit_code == 0, res.output
    return db


def test_help_and_version():
    assert invoke("--help").exit_code == 0
    res = invoke("--version")
    assert res.exit_code == 0 and "triangulate" in res.output


def test_usage_errors_exit_2(tmp_path):
    assert invoke("no-such-command").exit_code == 2
    assert invoke("ingest").exit_code == 2
    assert invoke("ingest", str(SEEDS), "--workers", "0").exit_code == 2
    assert invoke("evaluate", "--gold", str(EVAL / "gold.jsonl")).exit_code == 2
    assert invoke("summary", "--db", "mysql://h/db").exit_code == 2


def test_batch_reports_every_bad_input_and_keeps_the_rest(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(
        (SEEDS / "002_86a42e72cadfc67f.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "lines.jsonl").write_text(
        '{"doc_id": "ok", "text": "Kim traf Putin in Wladiwostok. Beide sprachen über Waffen und Munition."}\n'
        "{not json\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "b.db")
    res = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert res.exit_code == 1
    text = res.output
    for name in ("empty.txt", "binary.txt", "lines.jsonl:2"):
        assert name in text
    summary = invoke("summary", "--db", db, "--json")
    stats = json.loads(summary.output)["stats"]
    assert stats["documents"] == 2


def test_stdin_ingest(tmp_path):
    db = str(tmp_path / "s.db")
    text = (SEEDS / "003_3b400aee088de79a.txt").read_text(encoding="utf-8")
    res = invoke("ingest", "-", "--db", db, "--quiet", input=text.encode("utf-8"))
    assert res.exit_code == 0, res.output
    stats = json.loads(invoke("summary", "--db", db, "--json").output)["stats"]
    assert stats["documents"] == 1 and stats["processed"] == 1


def test_quiet_prints_nothing_on_success(tmp_path):
    res = invoke("ingest", str(SEEDS), "--db", str(tmp_path / "q.db"), "--quiet")
    assert res.exit_code == 0 and res.stdout == ""


def test_summary_documents_search(demo_db):
    res = invoke("summary", "--db", demo_db)
    assert res.exit_code == 0
    for word in ("documents", "sentences", "events", "claims", "quotes"):
        assert word in res.output
    docs = invoke("documents", "--db", demo_db)
    assert docs.exit_code == 0 and "seed-004" in docs.output
    hits = invoke("search", "Wladiwostok", "--db", demo_db)
    assert hits.exit_code == 0 and "seed-" in hits.output
    assert invoke("search", '"; DROP TABLE documents; --', "--db", demo_db).exit_code == 0
    assert invoke("events", "--db", demo_db).exit_code == 0
    lee = invoke("quotes", "--speaker", "Lee", "--db", demo_db)
    assert lee.exit_code == 0 and "Lee" in lee.output
    assert invoke("quotes", "--speaker", "%' OR 1=1 --", "--db", demo_db).output.strip() == "no quotes match"
    ledger = invoke("claims", "--item", "soldiers", "--about", "PRK,RUS", "--db", demo_db)
    assert ledger.exit_code == 0 and "USAMIL" in ledger.output and "independent source" in ledger.output
    fl = invoke("flows", "--giver", "PRK", "--receiver", "RUS", "--db", demo_db)
    assert fl.exit_code == 0 and "PRK → RUS soldiers" in fl.output
    ex = invoke("export", "--format", "gdelt", "--out", demo_db + ".tsv", "--db", demo_db)
    assert ex.exit_code == 0 and "wrote" in ex.output
    assert invoke("export", "--format", "nope", "--out", demo_db + ".x", "--db", demo_db).exit_code == 2
    js = invoke("claims", "--contradictions", "--json", "--db", demo_db)
    assert js.exit_code == 0 and all(json.loads(line)["relations"] for line in js.output.splitlines())


def test_records_writes_one_record_per_document(tmp_path):
    out = tmp_path / "out.jsonl"
    res = invoke("records", str(EVAL / "docs.jsonl"), "--out", str(out), "--quiet")
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in recs] == [f"seed-00{i}" for i in range(5)]
    for r in recs:
        assert set(r) >= {
            "doc_id",
            "language",
            "published",
            "genre",
            "actors",
            "events",
            "claims",
            "quotes",
        }


def test_evaluate_prints_every_level():
    res = invoke("evaluate", "--gold", str(EVAL / "gold.jsonl"), "--docs", str(EVAL / "docs.jsonl"))
    assert res.exit_code == 0, res.output
    for level in (
        "events.dyad_root",
        "events.status",
        "events.date",
        "events.roles",
        "claims",
        "quotes",
    ):
        assert level in res.output


def test_evaluate_gold_against_itself_is_perfect():
    res = invoke(
        "evaluate",
        "--gold",
        str(EVAL / "gold.jsonl"),
        "--predicted",
        str(EVAL / "gold.jsonl"),
        "--json",
    )
    assert res.exit_code == 0, res.output
    assert "1.0" in res.output


def test_serve_and_export_have_help():
    for cmd in ("serve", "export"):
        res = invoke(cmd, "--help")
        assert res.exit_code == 0 and "--db" in res.output


def test_serve_refuses_a_missing_database(tmp_path):
    res = invoke("serve", "--db", str(tmp_path / "missing.db"), "--port", "8799")
    assert res.exit_code == 2


def test_python_dash_m_entry_point():
    res = subprocess.run(
        [sys.executable, "-m", "triangulate", "--help"], capture_output=True, text=True
    )
    assert res.returncode == 0 and "ingest" in res.stdout
