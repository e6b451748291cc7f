"""Benchmark: API latency of `triangulate serve` on a store with a million events.

Generates (or reuses) a store with N events (default 1,000,000): ~300 actors (60
countries, each alone and as government, military, business and opposition),
Zipf-like dyad popularity, event dates over ten years (some only to the month or
year, some undated), statuses, CAMEO codes with their own root, quad class,
Goldstein score and PLOVER type from the CAMEO table, and documents with
sentences the events point to.  Rows are bulk-inserted through the store's
connection, then the store recomputes its rollups (``refresh_rollups``) and
statistics (``ANALYZE``).

Then it starts the real server (uvicorn on 127.0.0.1, a free port, in its own
process), warms every request up and times each one ``--repeat`` times over one
kept-alive HTTP connection: dyad series (a popular and a rare dyad, per month and
week, with and without filters), the network (unfiltered, a date range, a status,
both), the event list (first page, a dyad, a deep keyset page, a deep offset
page) and an actor profile.  Prints p50/p95/max per request, p95 against the
100 ms aim, the generation time, the database size and peak memory (RSS).

    uv run python bench/api_bench.py [--events 1000000] [--db PATH] [--repeat 50]

With ``--db PATH`` an existing generated store is reused (generated there first
if it does not exist yet); without it the store goes to a temporary folder.
"""

from __future__ import annotations

import argparse
import bisect
import http.client
import json
import os
import random
import resource
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from triangulate.extract.event_codes import codes  # noqa: E402
from triangulate.store import open_store  # noqa: E402

AIM_MS = 100.0
COUNTRIES = [
    "RUS", "PRK", "CHN", "UKR", "USA", "KOR", "JPN", "DEU", "FRA", "GBR", "IRN", "IND", "TUR",
    "BLR", "POL", "ISR", "SYR", "PAK", "VNM", "MNG", "KAZ", "GEO", "ARM", "AZE", "UZB", "SAU",
    "ARE", "EGY", "QAT", "IRQ", "AFG", "ITA", "ESP", "NLD", "BEL", "SWE", "FIN", "NOR", "DNK",
    "CZE", "HUN", "ROU", "BGR", "SRB", "GRC", "CAN", "MEX", "BRA", "ARG", "ZAF", "NGA", "ETH",
    "IDN", "MYS", "THA", "PHL", "SGP", "AUS", "NZL", "CUB",
]  # fmt: skip
AGENTS = ["", "GOV", "MIL", "BUS", "OPP"]
STATUSES = [("asserted", 60), ("attributed", 25), ("hypothetical", 5), ("planned", 4),
            ("negated", 3), ("denied", 3)]  # fmt: skip
WORDS = ["Regierung", "Truppen", "Lieferung", "Gipfel", "Vertrag", "Sanktionen", "Grenze",
         "Munition", "Handel", "Treffen", "Erklärung", "Minister", "Präsident", "Abkommen",
         "Berater", "Raketen", "Wirtschaft", "Hilfe", "Kritik"]  # fmt: skip
EVENTS_PER_DOC = 8
SENTENCES_PER_DOC = 6
START = date(2015, 1, 1)
DAYS = 3652


def zipf_cum(n: int, s: float) -> list[float]:
    return list(accumulate(1.0 / (rank + 1) ** s for rank in range(n)))


def pick(rng: random.Random, cum: list[float]) -> int:
    return bisect.bisect_left(cum, rng.random() * cum[-1])


# -- generation -----------------------------------------------------------------------
def generate(path: Path, n_events: int, seed: int = 11) -> dict[str, Any]:
    rng = random.Random(seed)
    actors = [c + a for c in COUNTRIES for a in AGENTS]
    rng.shuffle(actors)
    actors.sort(key=lambda code: COUNTRIES.index(code[:3]) + rng.random() * 3)
    rank = {code: i + 1 for i, code in enumerate(actors)}
    dyads = [(s, t) for s in actors for t in actors if s[:3] != t[:3]]
    dyads.sort(key=lambda d: rank[d[0]] * rank[d[1]] * (1 + rng.random()))
    dyad_cum = zipf_cum(len(dyads), 0.9)
    table = [c for c in codes().values() if len(c.code) == 3]
    rng.shuffle(table)
    code_cum = zipf_cum(len(table), 0.9)
    status_cum = list(accumulate(w for _, w in STATUSES))

    store = open_store(path)
    store.close()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -400000")
    t0 = time.perf_counter()
    db.execute("BEGIN")
    run_id = db.execute(
        "INSERT INTO runs (pipeline_version, config, started_at, status) VALUES"
        " ('bench', '{}', '2025-01-01T00:00:00+00:00', 'done')"
    ).lastrowid
    n_docs = (n_events + EVENTS_PER_DOC - 1) // EVENTS_PER_DOC
    docs, sentences, events = [], [], []
    made = 0
    for i in range(n_docs):
        published = START + timedelta(days=rng.randrange(DAYS))
        spans, parts, offset = [], [], 0
        for _ in range(SENTENCES_PER_DOC):
            s = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."
            parts.append(s)
            spans.append((offset, offset + len(s), s))
            offset += len(s) + 1
        text = " ".join(parts)
        doc_id = f"gen-{i:07d}"
        docs.append((doc_id, f"h{i}", text, "bench", "text", f"Meldung {i}", "de",
                     published.isoformat(), "day", "metadata", "2025-01-01T00:00:00+00:00"))  # fmt: skip
        for idx, (start, end, s) in enumerate(spans):
            sentences.append((doc_id, idx, start, end, s))
        for _ in range(min(EVENTS_PER_DOC, n_events - made)):
            made += 1
            src, tgt = dyads[pick(rng, dyad_cum)]
            if rng.random() < 0.5:
                src, tgt = tgt, src
            code = table[pick(rng, code_cum)]
            status = STATUSES[bisect.bisect_left(status_cum, rng.random() * status_cum[-1])][0]
            day = published - timedelta(days=int(rng.expovariate(1 / 20)))
            roll = rng.random()
            when = (None if roll < 0.10 else day.isoformat()[:4] if roll < 0.12
                    else day.isoformat()[:7] if roll < 0.17 else day.isoformat())  # fmt: skip
            precision = "unknown" if when is None else {4: "year", 7: "month"}.get(len(when), "day")
            start, end, _s = spans[rng.randrange(SENTENCES_PER_DOC)]
            group = f"g{rng.randrange(n_events // 9)}" if rng.random() < 0.33 else None
            events.append((doc_id, run_id, src, tgt, src, tgt, code.code, code.code[:2],
                           code.plover, code.goldstein, status, when, precision, start, end,
                           start, min(start + 6, end), group))  # fmt: skip
        if len(events) >= 50_000 or i == n_docs - 1:
            _flush(db, run_id, docs, sentences, events)
            docs, sentences, events = [], [], []
    db.execute("COMMIT")
    db.close()
    inserted = time.perf_counter() - t0
    store = open_store(path)
    t1 = time.perf_counter()
    store.refresh_rollups()
    rollups = time.perf_counter() - t1
    store.close()
    db = sqlite3.connect(path, isolation_level=None)
    t2 = time.perf_counter()
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return {"insert_s": inserted, "rollups_s": rollups, "analyze_s": time.perf_counter() - t2,
            "documents": n_docs, "events": made}  # fmt: skip


def _flush(db: sqlite3.Connection, run_id: int | None, docs: list, sentences: list,
           events: list) -> None:  # fmt: skip
    db.executemany(
        "INSERT INTO documents (doc_id, hash, text, source, format, title, language, published,"
        " published_precision, published_source, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        docs,
    )
    db.executemany(
        "INSERT INTO processed (doc_id, pipeline_version, run_id, processed_at)"
        " VALUES (?, 'bench', ?, '2025-01-01T00:00:00+00:00')",
        [(d[0], run_id) for d in docs],
    )
    db.executemany(
        "INSERT INTO sentences (doc_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)", sentences
    )
    db.executemany(
        "INSERT INTO events (doc_id, run_id, source, target, source_text, target_text, cameo,"
        " root, plover, goldstein, status, date, date_precision, sentence_start, sentence_end,"
        " trigger_start, trigger_end, event_group) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        events,
    )


# -- measuring ------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = ("import uvicorn; from triangulate.serve import create_app; "
            f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, "
            "log_level='warning', access_log=False)")  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def get(conn: http.client.HTTPConnection, url: str) -> tuple[float, dict[str, Any]]:
    t = time.perf_counter()
    conn.request("GET", url, headers={"Accept": "application/json"})
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - t) * 1000
    if response.status != 200:
        raise SystemExit(f"{url}: HTTP {response.status} {body[:300]!r}")
    return elapsed, json.loads(body)


def pick_requests(db: Path) -> list[tuple[str, str]]:
    """The requests to time, with dyads and a deep cursor taken from the store."""
    con = sqlite3.connect(db)
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    top = con.execute(
        "SELECT a, b, sum(n) FROM pair_total GROUP BY a, b ORDER BY 3 DESC"
    ).fetchall()
    (pa, pb, pn), (ra, rb, rn) = top[0], next(t for t in top if t[2] <= max(100, total // 10_000))
    deep = con.execute(
        "SELECT id FROM events ORDER BY sort_date, doc_id, sentence_start, id LIMIT 1 OFFSET ?",
        (int(total * 0.9),),
    ).fetchone()[0]
    con.close()
    print(f"popular dyad {pa}-{pb}: {pn:,} events; rare dyad {ra}-{rb}: {rn} events; "
          f"deep cursor: event {deep} at 90%")  # fmt: skip
    year = "since=2020-01-01&until=2020-12-31"
    return [
        (f"series {pa}-{pb} month", f"/dyads/{pa}/{pb}/series.json"),
        (f"series {pa}-{pb} week", f"/dyads/{pa}/{pb}/series.json?interval=week"),
        (f"series {pa}-{pb} month, status+year", f"/dyads/{pa}/{pb}/series.json?status=asserted&{year}"),
        (f"series {pa}-{pb} week, cameo 3 digits", f"/dyads/{pa}/{pb}/series.json?interval=week&cameo=042"),
        (f"series {ra}-{rb} month (rare)", f"/dyads/{ra}/{rb}/series.json"),
        (f"series {ra}-{rb} week (rare)", f"/dyads/{ra}/{rb}/series.json?interval=week"),
        ("network", "/network.json"),
        ("network status", "/network.json?status=attributed"),
        ("network one year", f"/network.json?{year}"),
        ("network year+status+root", f"/network.json?{year}&status=asserted&cameo=04"),
        ("network 2019-03..2021-06", "/network.json?since=2019-03&until=2021-06"),
        ("timeline", "/timeline.json?limit=100"),
        ("timeline week, status+year", f"/timeline.json?interval=week&status=asserted&{year}&limit=100"),
        (f"timeline actor {pa}", f"/timeline.json?actor={pa}&limit=100"),
        ("events first page", "/events.json?limit=100"),
        ("events status+year", f"/events.json?status=asserted&{year}&limit=100"),
        (f"events dyad {pa}-{pb}", f"/events.json?source={pa}&target={pb}&limit=100"),
        (f"events dyad {ra}-{rb} (rare)", f"/events.json?source={ra}&target={rb}&limit=100"),
        ("events status+actor", f"/events.json?actor={pa}&status=attributed&limit=100"),
        ("events deep keyset page", f"/events.json?after={deep}&limit=100"),
        ("events deep offset page", f"/events.json?offset={int(total * 0.9)}&limit=100"),
        (f"actor profile {pa}", f"/actors/{pa}.json"),
        (f"actor profile {ra}GOV", f"/actors/{ra}GOV.json"),
    ]  # fmt: skip


def measure(db: Path, repeat: int) -> tuple[list[tuple[str, list[float], int]], float]:
    requests = pick_requests(db)
    port = free_port()
    server = start_server(db, port)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        results = []
        for label, url in requests:
            for _ in range(3):  # warm-up
                get(conn, url)
            times = []
            for _ in range(repeat):
                ms, body = get(conn, url)
                times.append(ms)
            results.append((label, times, body.get("count", 0)))
        conn.close()
        return results, rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="generated store to reuse (made if missing)")
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="api-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if db.exists():
            print(f"reusing {db}")
        else:
            print(f"generating {args.events:,} events into {db} …")
            t = time.perf_counter()
            info = generate(db, args.events)
            print(f"generated {info['events']:,} events in {info['documents']:,} documents in "
                  f"{time.perf_counter() - t:.1f} s (insert {info['insert_s']:.1f} s, rollups "
                  f"{info['rollups_s']:.1f} s, ANALYZE {info['analyze_s']:.1f} s)")  # fmt: skip
        print(f"database: {db.stat().st_size / 1e6:,.0f} MB")
        results, server_rss = measure(db, args.repeat)
        print(f"\n{'request':<44} {'rows':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
              f"{'p95/aim':>8}")  # fmt: skip
        for label, times, rows in results:
            p95 = pct(times, 0.95)
            flag = "" if p95 <= AIM_MS else "  over"
            print(f"{label:<44} {rows:>6} {statistics.median(times):>8.1f} {p95:>8.1f} "
                  f"{max(times):>8.1f} {p95 / AIM_MS:>8.2f}{flag}")  # fmt: skip
        over = [label for label, times, _ in results if pct(times, 0.95) > AIM_MS]
        print(f"\n{len(results) - len(over)} of {len(results)} requests within the {AIM_MS:g} ms "
              f"p95 aim" + (f"; over: {', '.join(over)}" if over else ""))  # fmt: skip
        mine = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS: server {server_rss:.0f} MB, generator/client {mine:.0f} MB")


if __name__ == "__main__":
    main()
