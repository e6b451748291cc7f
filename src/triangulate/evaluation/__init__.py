"""Evaluation of extraction records against gold (``docs/records.md``).

::

    from triangulate.evaluation import (
        check, format_scores, load_docs, load_records, score, validate_records,
    )

    gold = load_records("examples/eval/gold.jsonl")
    docs = load_docs("examples/eval/docs.jsonl")
    problems = validate_records(gold, docs=docs, source="gold.jsonl")  # [] when valid
    scores = score(gold, load_records("predicted.jsonl"))
    print(format_scores(scores, per_doc=True, errors="events", docs=docs))
    failures = check(scores, "floors.json", "examples/eval/gold.jsonl", "examples/eval/docs.jsonl")

Modules: :mod:`.records` (Analysis -> record, JSON Lines I/O), :mod:`.validate`,
:mod:`.rules` (the matching predicates), :mod:`.scorer`, :mod:`.report`,
:mod:`.gate` (floors pinned beside data digests).
"""

from __future__ import annotations

from .gate import check, digest, load_floors, pin
from .records import load_docs, load_records, to_record, write_records
from .report import format_errors, format_scores
from .scorer import LEVELS, Counts, ErrorItem, Scores, score
from .validate import validate_record, validate_records

__all__ = [
    "LEVELS",
    "Counts",
    "ErrorItem",
    "Scores",
    "check",
    "digest",
    "format_errors",
    "format_scores",
    "load_docs",
    "load_floors",
    "load_records",
    "pin",
    "score",
    "to_record",
    "validate_record",
    "validate_records",
    "write_records",
]
