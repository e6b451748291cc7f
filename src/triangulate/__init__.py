"""triangulate: who does what to whom, who gives what to whom, and who claims what — from news.

The public API (everything else is internal and may change)::

    import triangulate
    store = triangulate.open_store("triangulate.db")
    report = triangulate.run(["examples/seeds"], store)      # ingest + process
    triangulate.events(store, actor="PRK")
    recs, problems = triangulate.records(["docs.jsonl"])     # evaluation records
    scores = triangulate.evaluate("gold.jsonl", docs="docs.jsonl")

Names are loaded on first use, so ``import triangulate`` stays cheap.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from ._version import __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())

_EXPORTS = {
    "open_store": "triangulate.store",
    "Store": "triangulate.store",
    "EventFilter": "triangulate.store",
    "ingest": "triangulate.api",
    "process": "triangulate.api",
    "run": "triangulate.api",
    "records": "triangulate.api",
    "evaluate": "triangulate.api",
    "events": "triangulate.api",
    "search": "triangulate.api",
    "quotes": "triangulate.api",
    "claims": "triangulate.api",
    "flows": "triangulate.api",
    "Pipeline": "triangulate.pipeline",
    "IngestOptions": "triangulate.readers",
    "Document": "triangulate.model",
    "Analysis": "triangulate.model",
    "Sentence": "triangulate.model",
    "Actor": "triangulate.model",
    "Mention": "triangulate.model",
    "Event": "triangulate.model",
    "Claim": "triangulate.model",
    "Quote": "triangulate.model",
    "Problem": "triangulate.errors",
    "TriangulateError": "triangulate.errors",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'triangulate' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
