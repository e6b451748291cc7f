"""The Python API: the same operations as the command line, as functions.

Each CLI command is a thin face over one of these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis import Flow, Window, build_flows, build_ledger
from .errors import Problem
from .evaluation import Scores, load_records, score, to_record
from .executor import get_executor
from .pipeline import IngestReport, Pipeline, ProcessReport, analyse_inputs
from .pipeline import ingest as _ingest
from .pipeline import process as _process
from .readers import IngestOptions
from .store import EventFilter, Store, event_pages, open_store

PathLike = str | Path


@dataclass
class RunReport:
    ingest: IngestReport
    process: ProcessReport

    @property
    def problems(self) -> list[Problem]:
        return self.ingest.problems + self.process.problems


def ingest(
    paths: Sequence[PathLike],
    store: Store | PathLike | None = None,
    options: IngestOptions | None = None,
    **kwargs: Any,
) -> IngestReport:
    """Read documents from files, directories, feeds or ``-`` (stdin) into a store."""
    with _opened(store) as st:
        return _ingest(paths, st, options, **kwargs)


def process(
    store: Store | PathLike | None = None,
    *,
    reprocess: bool = False,
    workers: int = 1,
    executor: str | None = None,
    address: str | None = None,
    **kwargs: Any,
) -> ProcessReport:
    """Run the pipeline over the stored documents it has not processed yet.

    ``executor`` is ``local``, ``process`` or ``ray`` (default: ``local`` for one
    worker, ``process`` for more); ``address`` is a Ray cluster address.
    """
    ex = get_executor(workers, executor, address=address)
    with _opened(store) as st:
        return _process(st, reprocess=reprocess, executor=ex, **kwargs)


def run(
    paths: Sequence[PathLike],
    store: Store | PathLike | None = None,
    options: IngestOptions | None = None,
    *,
    workers: int = 1,
    executor: str | None = None,
    address: str | None = None,
) -> RunReport:
    """Ingest, then process: the whole pipeline from files to stored facts."""
    ex = get_executor(workers, executor, address=address)
    with _opened(store) as st:
        ing = _ingest(paths, st, options)
        proc = _process(st, executor=ex)
        return RunReport(ing, proc)


def records(
    paths: Sequence[PathLike], options: IngestOptions | None = None
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Records (docs/records.md) for every document under ``paths``, computed in memory."""
    out: list[dict[str, Any]] = []
    problems: list[Problem] = []
    pipe = Pipeline()
    for item in analyse_inputs(paths, options, pipe):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            out.append(to_record(item))
    return out, problems


def evaluate(
    gold: PathLike, docs: PathLike | None = None, predicted: PathLike | None = None
) -> Scores:
    """Score the extractor (run over ``docs``) or a predictions file against gold records."""
    gold_records = load_records(gold)
    if predicted is not None:
        pred = load_records(predicted)
    elif docs is not None:
        pred, _ = records([docs])
    else:
        raise ValueError("evaluate needs docs or predicted")
    return score(gold_records, pred)


def events(store: Store | PathLike | None = None, **filters: Any) -> list[dict[str, Any]]:
    """Stored events matching the filters of :class:`~triangulate.store.EventFilter`."""
    with _opened(store, readonly=True) as st:
        return st.events(EventFilter(**filters))


def search(
    query: str, store: Store | PathLike | None = None, *, limit: int = 20
) -> list[dict[str, Any]]:
    """Full-text search over stored sentences."""
    with _opened(store, readonly=True) as st:
        return st.search(query, limit=limit)


def claims(
    store: Store | PathLike | None = None,
    *,
    item: str | None = None,
    about: Sequence[str] = (),
    window_days: int = 120,
) -> list[Window]:
    """The claims ledger: figures per variable and time window, with who asserts them,
    agreements, contradictions and updates (see :mod:`triangulate.analysis.ledger`)."""
    with _opened(store, readonly=True) as st:
        return build_ledger(st.claims(item=item), item=item, about=about, window_days=window_days)


def flows(
    store: Store | PathLike | None = None,
    *,
    giver: str | None = None,
    receiver: str | None = None,
    category: str | None = None,
) -> list[Flow]:
    """Who gives what to whom: flows from stored events and claims, with their evidence
    (see :mod:`triangulate.analysis.flows`)."""
    with _opened(store, readonly=True) as st:
        events = [row for rows in event_pages(st, 10_000) for row in rows]
        return build_flows(events, st.claims(), giver=giver, receiver=receiver, category=category)


def quotes(
    store: Store | PathLike | None = None,
    *,
    speaker: str | None = None,
    code: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Stored direct quotes with speaker, quoted words and evidence sentence."""
    with _opened(store, readonly=True) as st:
        return st.quotes(speaker=speaker, code=code, limit=limit)


class _opened:
    """Use a given store, or open (and afterwards close) one from a location."""

    def __init__(self, store: Store | PathLike | None, *, readonly: bool = False) -> None:
        self._given = store if not isinstance(store, str | Path) and store is not None else None
        self._location = None if self._given is not None else store
        self._readonly = readonly
        self._store: Store | None = None

    def __enter__(self) -> Store:
        if self._given is not None:
            return self._given
        self._store = open_store(self._location, readonly=self._readonly)  # type: ignore[arg-type]
        return self._store

    def __exit__(self, *exc: object) -> None:
        if self._store is not None:
            self._store.close()
