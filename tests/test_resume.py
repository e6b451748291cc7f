"""A killed run (SIGKILL) resumes on re-run: nothing lost, nothing duplicated."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "triangulate", *args]


def _kill_when(
    proc: subprocess.Popen, db: Path, table: str, at_least: int, timeout: float = 120
) -> int:
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        n = _count(db, table)
        if n >= at_least:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return n
        time.sleep(0.02)
    proc.wait()
    return _count(db, table)


def _assert_complete(db: Path, n: int) -> None:
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == n
    assert con.execute("SELECT count(DISTINCT doc_id) FROM documents").fetchone()[0] == n
    assert con.execute("SELECT count(*) FROM processed").fetchone()[0] == n
    # every document's sentences exactly once
    dup = con.execute(
        "SELECT count(*) FROM (SELECT doc_id, start FROM sentences GROUP BY doc_id, start HAVING count(*) > 1)"
    ).fetchone()[0]
    assert dup == 0
    missing = con.execute(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.doc_id)"
    ).fetchone()[0]
    assert missing == 0
    con.close()


def test_kill_during_ingest_then_rerun(tmp_path, make_corpus):
    n = 1500
    corpus = make_corpus(n)
    db = tmp_path / "k.db"
    proc = subprocess.Popen(
        _cli("ingest", str(corpus), "--db", str(db), "--language", "de", "--quiet")
    )
    seen = _kill_when(proc, db, "documents", 200)
    assert seen < n, "run finished before it could be killed; make the corpus larger"
    done = subprocess.run(
        _cli("ingest", str(corpus), "--db", str(db), "--language", "de", "--quiet")
    )
    assert done.returncode == 0
    _assert_complete(db, n)


def test_kill_during_processing_then_rerun(tmp_path, make_corpus):
    n = 1500
    corpus = make_corpus(n)
    db = tmp_path / "k.db"
    first = subprocess.run(
        _cli("ingest", str(corpus), "--db", str(db), "--language", "de", "--no-process", "-q")
    )
    assert first.returncode == 0 and _count(db, "documents") == n
    proc = subprocess.Popen(_cli("process", "--db", str(db), "--quiet"))
    seen = _kill_when(proc, db, "processed", 50)
    assert seen < n, "run finished before it could be killed; make the corpus larger"
    done = subprocess.run(_cli("process", "--db", str(db), "--quiet"))
    assert done.returncode == 0
    _assert_complete(db, n)
