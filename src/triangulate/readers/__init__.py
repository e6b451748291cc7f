"""Ingestion: files, directories and stdin to Documents, with coded Problems.

Readers for plain text (with an optional header block and ``metadata.jsonl``
sidecars), HTML, JSON Lines and RSS/Atom; decoding, language detection,
publication dates and near-duplicate fingerprints.  :func:`iter_inputs` never
raises for bad input: each one becomes a :class:`~triangulate.errors.Problem`.
"""

from triangulate.readers.dedup import NEAR_DUPLICATE_BITS, bands, fingerprint, hamming
from triangulate.readers.inputs import iter_inputs, read_bytes
from triangulate.readers.options import IngestOptions, Item

__all__ = [
    "NEAR_DUPLICATE_BITS",
    "IngestOptions",
    "Item",
    "bands",
    "fingerprint",
    "hamming",
    "iter_inputs",
    "read_bytes",
]
