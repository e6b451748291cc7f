"""The pipeline: stage order, its version, and the runs that move documents through it.

ingest → language → actors → events / claims / quotes → store.  A stage is a
callable that reads an :class:`~triangulate.model.Analysis` and fills in its
own part of it; stages never reach into each other's internals.  The pipeline
version is derived from the package version and every stage's name and
version, so a changed stage means a new version, and re-processing with it is
an explicit ``process --reprocess``.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ._version import __version__
from .errors import Problem, Severity
from .executor import Executor, LocalExecutor
from .language import sentences
from .model import Analysis, Document
from .readers import NEAR_DUPLICATE_BITS, IngestOptions, bands, fingerprint, hamming, iter_inputs
from .store import Store

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


class Stage(Protocol):
    name: str
    version: str

    def __call__(self, analysis: Analysis) -> None: ...


class SentenceStage:
    """Language layer, first step: sentence spans over the document body."""

    name = "sentences"
    version = "1"

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.document
        lang = doc.language or "de"
        analysis.sentences = sentences(doc.text, lang, start=doc.body_start)


def default_stages() -> list[Stage]:
    from .actors import ActorStage
    from .extract.claims import ClaimStage
    from .extract.events import EventStage
    from .extract.places import GeocodeStage
    from .extract.quotes import QuoteStage

    return [SentenceStage(), ActorStage(), EventStage(), GeocodeStage(), QuoteStage(), ClaimStage()]


class Pipeline:
    """An ordered list of stages applied to one document at a time."""

    def __init__(self, stages: Sequence[Stage] | None = None) -> None:
        self.stages: list[Stage] = list(stages) if stages is not None else default_stages()
        signature = ";".join(f"{s.name}={s.version}" for s in self.stages)
        digest = hashlib.sha256(signature.encode()).hexdigest()[:8]
        self.version = f"{__version__}+{digest}"

    def config(self) -> dict[str, object]:
        return {"stages": {s.name: s.version for s in self.stages}}

    def analyse(self, doc: Document) -> Analysis:
        analysis = Analysis(document=doc)
        if not doc.supported or doc.duplicate_of:
            return analysis
        for stage in self.stages:
            stage(analysis)
        return analysis


_WORKER_PIPELINE: Pipeline | None = None


def _analyse_in_worker(doc: Document) -> Analysis | Problem:
    global _WORKER_PIPELINE
    if _WORKER_PIPELINE is None:
        _WORKER_PIPELINE = Pipeline()
    try:
        return _WORKER_PIPELINE.analyse(doc)
    except Exception as exc:  # a failing document is reported, the batch goes on
        log.exception("pipeline failed on %s", doc.doc_id)
        return Problem(doc.source, "T201", f"{doc.doc_id}: {type(exc).__name__}: {exc}")


# -- runs -----------------------------------------------------------------


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    existing: int = 0
    duplicates: int = 0
    conflicts: int = 0
    unsupported: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


@dataclass
class ProcessReport:
    pipeline_version: str = ""
    run_id: int | None = None
    processed: int = 0
    event_groups: int | None = None
    problems: list[Problem] = field(default_factory=list)


def link_near_duplicate(store: Store, doc: Document, fp: int) -> str | None:
    """The id of a stored canonical document that ``doc`` is a near-copy of, if any."""
    best: tuple[int, str] | None = None
    for cand_id, cand_fp in store.near_duplicate_candidates(bands(fp)):
        if cand_id == doc.doc_id or cand_fp is None:
            continue
        dist = hamming(fp, cand_fp)
        if dist <= NEAR_DUPLICATE_BITS and (best is None or dist < best[0]):
            best = (dist, cand_id)
    return best[1] if best else None


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    options: IngestOptions | None = None,
    *,
    progress: Progress | None = None,
    batch_size: int = 200,
) -> IngestReport:
    """Read every input under ``paths`` into ``store``; bad inputs are reported, not fatal.

    Writes are committed every ``batch_size`` documents, so a killed run loses at
    most the current batch, which a re-run (idempotent) adds again.
    """
    report = IngestReport()
    items = iter_inputs(paths, options or IngestOptions())
    while True:
        with store.batch():
            n = 0
            for item in items:
                _ingest_one(item, store, report)
                if progress:
                    progress(item.source)
                n += 1
                if n >= batch_size:
                    break
        if n < batch_size:
            break
    return report


def _ingest_one(item: Document | Problem, store: Store, report: IngestReport) -> None:
    if isinstance(item, Problem):
        report.problems.append(item)
        return
    doc = item
    report.read += 1
    fp = fingerprint(doc.text)
    existing = store.document(doc.doc_id)
    if existing is None:
        doc.duplicate_of = link_near_duplicate(store, doc, fp)
    status = store.add_document(doc, fp)
    if status == "exists":
        report.existing += 1
        return
    if status == "conflict":
        report.conflicts += 1
        report.problems.append(
            Problem(doc.source, "T113", f"doc_id {doc.doc_id!r}", line=doc.source_line)
        )
        return
    report.added += 1
    if doc.duplicate_of:
        report.duplicates += 1
    if not doc.supported:
        report.unsupported += 1
        report.problems.append(
            Problem(
                doc.source, "T106", f"{doc.doc_id}: language {doc.language or 'undetermined'}",
                severity=Severity.NOTICE, line=doc.source_line,
            )
        )  # fmt: skip


def process(
    store: Store,
    pipeline: Pipeline | None = None,
    *,
    reprocess: bool = False,
    executor: Executor | None = None,
    progress: Progress | None = None,
    total: Callable[[int], None] | None = None,
) -> ProcessReport:
    """Run the pipeline over every stored document it has not processed yet.

    Each document's facts are saved in their own transaction together with the
    mark that it was processed, so a killed run resumes where it stopped.
    """
    pipe = pipeline or Pipeline()
    ex = executor or LocalExecutor()
    report = ProcessReport(pipeline_version=pipe.version)
    ids = store.pending(pipe.version, reprocess=reprocess)
    if total:
        total(len(ids))
    if not ids:
        return report
    run_id = store.begin_run(pipe.version, pipe.config())
    report.run_id = run_id
    fn = _analyse_in_worker if pipeline is None else pipe.analyse
    status = "failed"
    try:
        for result in ex.map(fn, _load(store, ids)):
            if isinstance(result, Problem):
                report.problems.append(result)
            else:
                store.save_analysis(result, run_id, pipe.version)
                report.processed += 1
                if progress:
                    progress(result.document.doc_id)
        status = "done"
    finally:
        store.finish_run(run_id, report.processed, status)
    if report.processed:
        from .analysis.grouping import group_events

        report.event_groups = group_events(store)
    return report


def _load(store: Store, ids: Iterable[str]) -> Iterator[Document]:
    for doc_id in ids:
        doc = store.document(doc_id)
        if doc is not None:
            yield doc


def analyse_inputs(
    paths: Sequence[str | Path],
    options: IngestOptions | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Analysis | Problem]:
    """Read and analyse inputs in memory, without a store (used by ``records``)."""
    pipe = pipeline or Pipeline()
    for item in iter_inputs(paths, options or IngestOptions()):
        yield item if isinstance(item, Problem) else pipe.analyse(item)
