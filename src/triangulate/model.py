"""The plain records every stage exchanges.

All offsets are Unicode code-point offsets into ``Document.text`` exactly as it
was read (header lines included), so every fact can be traced back to the
characters that state it.  Records are plain dataclasses: no behaviour beyond
small conveniences, no references back into a stage's internals.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]

#: Languages the extractors process; others are stored and reported.
SUPPORTED_LANGUAGES = ("de", "en")

GENRES = ("report", "opinion", "analysis", "interview", "satire")
STATUSES = ("asserted", "attributed", "denied", "negated", "hypothetical", "planned")
DATE_PRECISIONS = ("day", "week", "month", "year", "range", "unknown")


def content_hash(text: str) -> str:
    """SHA-256 of the text as stored (hex)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def stable_doc_id(text: str) -> str:
    """A stable id for a document that brings none: derived from its text."""
    return "doc-" + content_hash(text)[:16]


@dataclass(slots=True)
class Document:
    """One article as read: its text verbatim plus what is known about it."""

    doc_id: str
    text: str
    source: str = "<unknown>"
    source_line: int | None = None
    format: str = "text"  # text | html | jsonl | feed
    title: str | None = None
    url: str | None = None
    author: str | None = None
    site: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    language_source: str = "unknown"  # metadata | detected | unknown
    published: str | None = None  # ISO date (YYYY-MM-DD, YYYY-MM or YYYY)
    published_precision: str = "unknown"
    published_source: str = "unknown"  # metadata | html | feed | dateline | unknown
    genre: str | None = None
    encoding: str = "utf-8"
    body_start: int = 0  # offset where the body starts (after a header block)
    meta: dict[str, Any] = field(default_factory=dict)
    duplicate_of: str | None = None
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.text)

    @property
    def supported(self) -> bool:
        return self.language in SUPPORTED_LANGUAGES

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str | None = None
    pos: str | None = None
    tag: str | None = None
    morph: str | None = None
    head: int | None = None  # index of the head token within the sentence, None for root
    dep: str | None = None


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span found by the language layer (PER, LOC, ORG, MISC)."""

    start: int
    end: int
    label: str


@dataclass(slots=True)
class Actor:
    """A resolved actor: a state, organisation, person or group."""

    id: str
    name: str
    type: str  # person | country | organisation | group
    code: str  # CAMEO-style code, e.g. RUSGOV, PRKMIL, IGONAT
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    actor_id: str
    code: str
    sentence: int | None = None


@dataclass(slots=True)
class Event:
    source: str | None
    target: str | None
    cameo: str
    sentence: Span
    trigger: Span
    source_text: str | None = None
    target_text: str | None = None
    root: str = ""
    plover: str | None = None
    goldstein: float | None = None
    status: str = "asserted"
    attributed_to: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    location: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    group: str | None = None  # id of the real-world event this mention belongs to

    def __post_init__(self) -> None:
        if not self.root:
            self.root = self.cameo[:2]


@dataclass(slots=True)
class Claim:
    item: str
    value: float
    unit: str
    text: Span
    sentence: Span
    value_max: float | None = None
    approximate: bool = False
    about: list[str] = field(default_factory=list)
    predicate: str | None = None
    asserted_by: str | None = "author"
    date: str | None = None
    status: str = "asserted"


@dataclass(slots=True)
class Quote:
    speaker: str | None
    text: Span
    sentence: Span
    speaker_code: str | None = None


@dataclass(slots=True)
class Analysis:
    """Everything the pipeline made of one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
