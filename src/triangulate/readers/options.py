"""Options for ingestion and the item type the readers yield."""

from __future__ import annotations

from dataclasses import dataclass

from triangulate.errors import Problem
from triangulate.model import Document

#: What every reader yields: a document, or a problem with one input.
Item = Document | Problem

DEFAULT_LANGUAGES: tuple[str, ...] = (
    "de", "en", "fr", "es", "it", "nl", "pl", "ru", "uk", "pt", "tr", "sv", "da",
)  # fmt: skip


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read.

    ``max_bytes`` limits each text, HTML or feed file and each JSON line.
    ``languages`` is the candidate set for language detection (ISO 639-1).
    ``language`` forces one language for every document and skips detection.
    """

    max_bytes: int = 20_000_000
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    language: str | None = None

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, not {self.max_bytes}")
        if isinstance(self.languages, str):
            raise TypeError("languages must be a tuple of ISO 639-1 codes, not a string")
        if self.language is not None:
            from triangulate.readers.langid import normalise_language

            if normalise_language(self.language) is None:
                raise ValueError(f"language {self.language!r} is not a language code")
