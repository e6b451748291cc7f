"""The ``triangulate`` command line: thin commands over :mod:`triangulate.api`.

Exit codes: 0 success, 1 some inputs were bad (each reported, the rest done),
2 usage error.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from . import api
from ._version import __version__
from .errors import Problem, Severity, TriangulateError, UsageError
from .executor import get_executor
from .store import default_location, open_store

app = typer.Typer(
    name="triangulate",
    help="Evidence-backed events, claims and quotes from German and English news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite database file or postgresql://user@host:port/db URL "
        "[default: $TRIANGULATE_DB or ./triangulate.db]",
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summaries.")]
ExecutorOption = Annotated[
    str | None,
    typer.Option(
        help="Where the pipeline runs: local, process (default with --workers > 1) or ray "
        "(needs the 'ray' extra; a cluster via --ray-address or $RAY_ADDRESS)."
    ),
]
RayAddressOption = Annotated[
    str | None,
    typer.Option("--ray-address", help="Ray cluster address (e.g. auto, ray://host:10001)."),
]


def _version(value: bool) -> None:
    if value:
        out.print(f"triangulate {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="More logging (-vv: debug).")
    ] = 0,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


# -- helpers ----------------------------------------------------------------


@contextmanager
def _progress(
    label: str, quiet: bool
) -> Iterator[tuple[Callable[[str], None], Callable[[int], None]]]:
    columns = [SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
               MofNCompleteColumn(), TimeElapsedColumn()]  # fmt: skip
    with Progress(*columns, console=err, disable=quiet, transient=False) as bar:
        task = bar.add_task(label, total=None)

        def advance(_: str) -> None:
            bar.advance(task)

        def set_total(n: int) -> None:
            bar.update(task, total=n)

        yield advance, set_total


def _report_problems(problems: Sequence[Problem], quiet: bool) -> int:
    """Print every problem to stderr; return the number of errors among them."""
    errors = 0
    for p in problems:
        if p.severity is Severity.ERROR:
            errors += 1
            err.print(f"[red]error[/red] {p}", markup=True, highlight=False)
        elif not quiet:
            err.print(f"[yellow]notice[/yellow] {p}", markup=True, highlight=False)
    return errors


def _json_lines(items: Iterable[dict[str, Any]]) -> None:
    for item in items:
        sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")


def _fail(exc: TriangulateError) -> None:
    err.print(f"triangulate: {exc}", markup=False)
    raise typer.Exit(2 if isinstance(exc, UsageError) else 1)


def _ingest_options(language: str | None, max_mb: float | None) -> Any:
    from .readers import IngestOptions

    kw: dict[str, Any] = {}
    if language:
        kw["language"] = language
    if max_mb is not None:
        if max_mb <= 0:
            raise typer.BadParameter("must be positive", param_hint="--max-mb")
        kw["max_bytes"] = int(max_mb * 1_000_000)
    try:
        return IngestOptions(**kw)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


# -- commands -----------------------------------------------------------------


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories (recursive), feeds, or - for stdin.")
    ],
    db: DbOption = None,
    process_: Annotated[
        bool, typer.Option("--process/--no-process", help="Run the pipeline after reading.")
    ] = True,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Worker processes for the pipeline.")
    ] = 1,
    executor: ExecutorOption = None,
    ray_address: RayAddressOption = None,
    language: Annotated[
        str | None, typer.Option(help="Force the language (de, en, ...) instead of detecting it.")
    ] = None,
    max_mb: Annotated[
        float | None, typer.Option("--max-mb", help="Largest input accepted, in MB [default: 20].")
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Read documents into the store and (by default) run the pipeline over them."""
    try:
        get_executor(workers, executor, address=ray_address)  # a bad name fails before any work
        options = _ingest_options(language, max_mb)
        store = open_store(db)
        try:
            with _progress("reading", quiet) as (advance, _):
                ing = api.ingest(paths, store, options, progress=advance)
            problems = list(ing.problems)
            proc = None
            if process_:
                with _progress("processing", quiet) as (advance, set_total):
                    proc = api.process(store, workers=workers, executor=executor,
                                       address=ray_address, progress=advance, total=set_total)  # fmt: skip
                problems += proc.problems
        finally:
            store.close()
    except TriangulateError as exc:
        _fail(exc)
        return
    errors = _report_problems(problems, quiet)
    if not quiet:
        line = (f"read {ing.read} documents: {ing.added} new, {ing.existing} already stored, "
                f"{ing.duplicates} near-duplicates linked, {ing.unsupported} unsupported language")  # fmt: skip
        if proc is not None:
            line += f"; processed {proc.processed} with pipeline {proc.pipeline_version}"
        out.print(line)
        if errors:
            out.print(f"{errors} input(s) could not be read (listed above)")
    if errors:
        raise typer.Exit(1)


@app.command()
def process(
    db: DbOption = None,
    reprocess: Annotated[
        bool, typer.Option(help="Also re-run documents processed by another pipeline version.")
    ] = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
    executor: ExecutorOption = None,
    ray_address: RayAddressOption = None,
    quiet: QuietOption = False,
) -> None:
    """Run the pipeline over stored documents that the current version has not processed."""
    try:
        get_executor(workers, executor, address=ray_address)  # a bad name fails before any work
        with _progress("processing", quiet) as (advance, set_total):
            rep = api.process(db, reprocess=reprocess, workers=workers, executor=executor,
                              address=ray_address, progress=advance, total=set_total)  # fmt: skip
    except TriangulateError as exc:
        _fail(exc)
        return
    errors = _report_problems(rep.problems, quiet)
    if not quiet:
        out.print(f"processed {rep.processed} documents with pipeline {rep.pipeline_version}")
    if errors:
        raise typer.Exit(1)


@app.command()
def summary(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """What the store holds: documents, sentences, actors, events, claims, quotes, top dyads."""
    try:
        store = open_store(db, readonly=Path(db or default_location()).exists())
        try:
            stats = store.stats()
            dyads = store.top_dyads(10)
        finally:
            store.close()
    except TriangulateError as exc:
        _fail(exc)
        return
    if as_json:
        out.print_json(json.dumps({"stats": stats, "top_dyads": dyads}))
        return
    from .store.postgres_schema import redact  # no password on the terminal

    table = Table(title=f"triangulate store {redact(db or default_location())}", show_header=False)
    for key in ("documents", "duplicates", "unsupported", "processed", "sentences", "actors",
                "mentions", "events", "claims", "quotes"):  # fmt: skip
        table.add_row(key, str(stats[key]))
    out.print(table)
    if dyads:
        dt = Table(title="top dyads (source → target country)")
        for col in ("source", "target", "events"):
            dt.add_column(col)
        for s, t, n in dyads:
            dt.add_row(s, t, str(n))
        out.print(dt)
    else:
        out.print("top dyads: none yet (no events extracted)")


@app.command()
def documents(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
    language: Annotated[str | None, typer.Option(help="Only this language.")] = None,
) -> None:
    """List stored documents with language, date and its provenance."""
    try:
        store = open_store(db, readonly=True)
        docs = store.documents(limit=limit, language=language)
        store.close()
    except TriangulateError as exc:
        _fail(exc)
        return
    table = Table()
    for col in (
        "doc_id",
        "lang",
        "published",
        "date from",
        "format",
        "duplicate of",
        "title / source",
    ):
        table.add_column(col)
    for d in docs:
        title = d.title or d.text[d.body_start :].strip().split("\n", 1)[0][:60]
        table.add_row(d.doc_id, d.language or "?", d.published or "-", d.published_source,
                      d.format, d.duplicate_of or "", title)  # fmt: skip
    out.print(table)


@app.command()
def events(
    db: DbOption = None,
    actor: Annotated[
        str | None, typer.Option(help="Actor code prefix on either side (e.g. PRK).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source code prefix.")] = None,
    target: Annotated[str | None, typer.Option(help="Target code prefix.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code prefix (e.g. 06 or 062).")] = None,
    status: Annotated[
        str | None,
        typer.Option(help="asserted, attributed, denied, negated, hypothetical, planned."),
    ] = None,
    since: Annotated[str | None, typer.Option(help="Event date from (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Event date until (YYYY[-MM[-DD]]).")] = None,
    group: Annotated[
        str | None, typer.Option(help="Only the mentions of this event group (g-...).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines output.")] = False,
) -> None:
    """List stored events with their evidence sentence and event group."""
    try:
        rows = api.events(db, actor=actor, source=source, target=target, cameo=code, status=status,
                          date_from=since, date_to=until, group=group, limit=limit)  # fmt: skip
    except TriangulateError as exc:
        _fail(exc)
        return
    if as_json:
        _json_lines(rows)
        return
    if not rows:
        out.print("no events match")
    for r in rows:
        group = (
            f" group={r['event_group']} ({r['group_sources']} doc(s))"
            if r.get("event_group")
            else ""
        )
        out.print(f"[bold]{escape(str(r['source']))} → {escape(str(r['target']))}[/bold] {r['cameo']} {r['status']} "
                  f"date={r['date'] or '?'} doc={escape(str(r['doc_id']))}{escape(group)}", markup=True)  # fmt: skip
        out.print(f"    {r['evidence']}", markup=False)


@app.command()
def claims(
    db: DbOption = None,
    item: Annotated[
        str | None, typer.Option(help="What is counted (e.g. soldiers, shells, share of imports).")
    ] = None,
    about: Annotated[
        str | None,
        typer.Option(help="Comma-separated country codes the figure is about (e.g. PRK,RUS)."),
    ] = None,
    window_days: Annotated[
        int, typer.Option(min=1, max=36_500, help="Claims within this many days form one window.")
    ] = 120,
    contradictions: Annotated[
        bool, typer.Option("--contradictions", help="Only windows where sources contradict.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON Lines output (one window a line).")
    ] = False,
) -> None:
    """The claims ledger: each figure with who asserts it, agreements and contradictions."""
    try:
        codes = [a for a in (about or "").split(",") if a.strip()]
        windows = api.claims(db, item=item, about=codes, window_days=window_days)
    except TriangulateError as exc:
        _fail(exc)
        return
    if contradictions:
        windows = [w for w in windows if w.contradicted]
    if as_json:
        _json_lines(w.as_dict() for w in windows)
        return
    if not windows:
        out.print("no claims match")
    for w in windows:
        span = w.start if w.start == w.end else f"{w.start or '?'} … {w.end or '?'}"
        out.print(f"[bold]{escape(w.item)}[/bold] ({escape(w.country)}, {escape(w.unit)}) as of {span}: "
                  f"{len(w.claims)} claim(s), {len(w.sources)} independent source(s)", markup=True)  # fmt: skip
        for i, c in enumerate(w.claims):
            out.print(f"  [{i}] {c.interval:>14}  {c.asserted_by:<22} {c.status:<12} {c.as_of or '?':<10} "
                      f"{c.doc_id}", markup=False)  # fmt: skip
            out.print(f"       {c.evidence}", markup=False)
        for r in w.relations:
            if r.kind != "agree":
                out.print(f"  {r.kind}: [{r.a}] {w.claims[r.a].asserted_by} vs [{r.b}] {w.claims[r.b].asserted_by}",
                          markup=False)  # fmt: skip


@app.command()
def flows(
    db: DbOption = None,
    giver: Annotated[str | None, typer.Option(help="Country code of the giver (e.g. PRK).")] = None,
    receiver: Annotated[
        str | None, typer.Option(help="Country code of the receiver (e.g. RUS).")
    ] = None,
    category: Annotated[
        str | None, typer.Option(help="soldiers, munitions, technology, energy, food, money, ...")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON Lines output (one flow a line).")
    ] = False,
) -> None:
    """Who gives what to whom: flows with their events, quantities over time and evidence."""
    try:
        found = api.flows(db, giver=giver, receiver=receiver, category=category)
    except TriangulateError as exc:
        _fail(exc)
        return
    if as_json:
        _json_lines(f.as_dict() for f in found)
        return
    if not found:
        out.print("no flows match")
    for f in found:
        first, last = f.dates
        when = f"{first or '?'} … {last or '?'}" if first != last else (first or "undated")
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(f.statuses.items()))
        out.print(f"[bold]{escape(f.giver)} → {escape(f.receiver)}[/bold] {escape(f.category)}: {len(f.events)} event(s)"
                  f"{' (' + statuses + ')' if statuses else ''}, {len(f.quantities)} quantity claim(s); {when}",
                  markup=True)  # fmt: skip
        for q in sorted(f.quantities, key=lambda q: q.date or ""):
            out.print(f"    {q.interval:>14} {q.unit:<8} {q.source:<20} {q.status:<12} {q.date or '?':<10} {q.doc_id}",
                      markup=False)  # fmt: skip
        for e in f.events[:3]:
            out.print(f"    {e.cameo} {e.status}: {e.evidence[:160]}", markup=False)


@app.command()
def quotes(
    db: DbOption = None,
    speaker: Annotated[
        str | None, typer.Option(help="Speaker name or part of it (e.g. Lee).")
    ] = None,
    code: Annotated[
        str | None, typer.Option(help="Speaker actor code prefix (e.g. USA, RUSGOV).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines output.")] = False,
) -> None:
    """List direct quotes: who said what, with the sentence and document."""
    try:
        rows = api.quotes(db, speaker=speaker, code=code, limit=limit)
    except TriangulateError as exc:
        _fail(exc)
        return
    if as_json:
        _json_lines(rows)
        return
    if not rows:
        out.print("no quotes match")
    for r in rows:
        who = f"{r['speaker']} ({r['speaker_code'] or '?'})"
        out.print(f"{who} in {r['doc_id']} [{r['text_start']}:{r['text_end']}]", markup=False)
        out.print(f"    „{r['quote']}“", markup=False)


@app.command("export")
def export_cmd(
    out_path: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl, plover, gdelt, parquet, gexf or graphml.")] = "csv",
    what: Annotated[str, typer.Option(help="events, claims or quotes (claims/quotes: csv, jsonl, parquet).")] = "events",
    header: Annotated[bool, typer.Option("--header", help="gdelt: write a header line.")] = False,
    actor: Annotated[str | None, typer.Option(help="Actor code prefix on either side.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code prefix.")] = None,
    status: Annotated[str | None, typer.Option(help="Event status.")] = None,
    since: Annotated[str | None, typer.Option(help="Event date from.")] = None,
    until: Annotated[str | None, typer.Option(help="Event date until.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Export events (or claims, quotes) as CSV, JSONL, PLOVER, GDELT 2.0, Parquet, GEXF or GraphML."""
    from .export import export

    try:
        store = open_store(db, readonly=True)
        try:
            opts: dict[str, Any] = {"header": True} if header else {}
            n = export(store, fmt, out_path, what=what, actor=actor, cameo=code, status=status,
                       date_from=since, date_to=until, **opts)  # fmt: skip
        finally:
            store.close()
    except TriangulateError as exc:
        _fail(exc)
        return
    if not quiet:
        out.print(f"wrote {n} {what} as {fmt} to {out_path}", markup=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65_535, help="Port.")] = 8000,
) -> None:
    """Serve the store read-only: HTML pages with JSON and CSV twins (see README)."""
    from .serve import run  # lazy: keeps FastAPI and uvicorn out of CLI start-up

    try:
        run(db or default_location(), host=host, port=port)
    except TriangulateError as exc:
        _fail(exc)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in stored sentences (all required).")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
) -> None:
    """Full-text search over stored sentences (SQLite FTS5, or PostgreSQL full-text search)."""
    try:
        rows = api.search(query, db, limit=limit)
    except TriangulateError as exc:
        _fail(exc)
        return
    if not rows:
        out.print("no sentence matches")
    for r in rows:
        out.print(f"{r['doc_id']} [{r['start']}:{r['end']}] {r['snippet']}", markup=False)


@app.command()
def records(
    docs: Annotated[
        list[str], typer.Argument(help="Documents (JSONL, files, directories) to extract from.")
    ],
    out_path: Annotated[
        Path,
        typer.Option("--out", "-o", help="Where to write the records (JSON Lines); - for stdout."),
    ] = Path("-"),
    quiet: QuietOption = False,
) -> None:
    """Write one evaluation record per document (the format of docs/records.md)."""
    from .evaluation import write_records

    try:
        recs, problems = api.records(docs)
    except TriangulateError as exc:
        _fail(exc)
        return
    if str(out_path) == "-":
        write_records(recs, sys.stdout)
    else:
        write_records(recs, out_path)
        if not quiet:
            out.print(f"wrote {len(recs)} records to {out_path}")
    if _report_problems(problems, quiet):
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[
        Path, typer.Option(help="Gold records (JSON Lines).", exists=True, dir_okay=False)
    ],
    docs: Annotated[
        Path | None, typer.Option(help="Documents to run the extractor on.", exists=True)
    ] = None,
    predicted: Annotated[
        Path | None,
        typer.Option(
            help="Score this records file instead of running the extractor.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    per_doc: Annotated[
        bool, typer.Option("--per-doc", help="Also show scores per document.")
    ] = False,
    errors: Annotated[
        str | None,
        typer.Option(
            help="List misses and false hits: a level, a group (events, claims, quotes, actors) or all."
        ),
    ] = None,
    floors: Annotated[
        Path | None, typer.Option(help="Check these pinned floors; exit 1 if one is not met.")
    ] = None,
    pin_: Annotated[
        bool, typer.Option("--pin", help="Raise the floors in --floors to the current scores.")
    ] = False,
    allow_regression: Annotated[
        bool, typer.Option(help="With --pin: allow lowering a floor.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Score the extractor against gold records: precision, recall and F1 per level."""
    from .evaluation import check, format_errors, format_scores, load_docs, pin

    if (docs is None) == (predicted is None):
        err.print("triangulate evaluate: give exactly one of --docs or --predicted")
        raise typer.Exit(2)
    if pin_ and floors is None:
        err.print("triangulate evaluate: --pin needs --floors FILE")
        raise typer.Exit(2)
    data_path = docs if docs is not None else predicted
    assert data_path is not None
    try:
        scores = api.evaluate(gold, docs=docs, predicted=predicted)
        texts = (
            load_docs(docs) if docs is not None and docs.suffix in (".jsonl", ".ndjson") else None
        )
        if as_json:
            out.print_json(json.dumps(scores.as_dict(errors=bool(errors))))
        else:
            out.print(format_scores(scores, per_doc=per_doc), markup=False)
            if errors:
                out.print(format_errors(scores, errors, texts), markup=False)
        if floors is not None and pin_:
            pinned = pin(scores, floors, gold, data_path, allow_regression=allow_regression)
            out.print(f"pinned floors in {floors}: {json.dumps(pinned.get('floors', pinned))}")
        elif floors is not None:
            failures = check(scores, floors, gold, data_path)
            for f in failures:
                err.print(f"floor not met: {f}", markup=False)
            if failures:
                raise typer.Exit(1)
            if not as_json:
                out.print(f"all floors in {floors} met")
    except TriangulateError as exc:
        _fail(exc)


def main() -> None:
    """Entry point of the ``triangulate`` script."""
    app()
