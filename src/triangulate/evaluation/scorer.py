"""Score predicted records against gold records (``docs/records.md``, "Scoring").

Documents are paired by ``doc_id``.  For every level and document the
predicted items are matched one-to-one to the gold items for which the level's
predicate holds (a maximum bipartite matching), so two predictions for one
gold item give one true positive and one false positive.  Counts are summed
over documents (micro-average) before precision, recall and F1 are computed.

Decisions where ``docs/records.md`` is silent:

* ``events.status``, ``events.date`` and ``events.roles`` each add their one
  condition to the ``events.dyad_root`` match (they are not cumulative), and
  each level gets its own matching;
* dates compare at the gold's precision: a predicted date or range must lie
  wholly inside the gold year/month/day; a gold range needs the same string;
  a gold null/``unknown`` needs a predicted null/``unknown``;
* claims: |predicted - gold| <= 1 % of |gold| (exactly 0 when the gold is 0);
* quotes need overlapping sentences too (the general rule of "Scoring");
* actors are scored per mention: every gold mention span (with its actor's
  code) against every predicted mention span;
* precision is 0 when nothing is predicted, recall 0 when the gold is empty;
* a ``doc_id`` given twice on one side raises :class:`EvaluationError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from triangulate.errors import EvaluationError

from . import rules
from .rules import Item, Predicate

#: The scoring levels, in report order.
LEVELS: tuple[str, ...] = (
    "events.dyad_root",
    "events.status",
    "events.date",
    "events.roles",
    "claims",
    "quotes",
    "actors.country",
    "actors.role",
)

#: Which list of a record each level scores, and the predicate it matches with.
_LEVEL_RULES: dict[str, tuple[str, Predicate]] = {
    "events.dyad_root": ("events", rules.event_dyad_root),
    "events.status": ("events", rules.event_status),
    "events.date": ("events", rules.event_date),
    "events.roles": ("events", rules.event_roles),
    "claims": ("claims", rules.claim_match),
    "quotes": ("quotes", rules.quote_match),
    "actors.country": ("mentions", rules.mention_country),
    "actors.role": ("mentions", rules.mention_role),
}

METRICS: tuple[str, ...] = ("precision", "recall", "f1")


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives of one level."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """One unmatched item: a gold item missed (``fn``) or a spurious prediction (``fp``).

    ``index`` is the item's position in the record's list (for actor mentions:
    the actor's position, the mention being ``item["mention"]``); ``span`` is
    the span to show as context: the sentence, or the actor mention.
    """

    doc_id: str
    level: str
    kind: str  # "fn" | "fp"
    index: int
    item: dict[str, Any]
    span: tuple[int, int] | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "level": self.level,
            "kind": self.kind,
            "index": self.index,
            "item": self.item,
            "span": list(self.span) if self.span else None,
        }


@dataclass(slots=True)
class Scores:
    """Overall and per-document counts per level, with the unmatched items."""

    levels: dict[str, Counts] = field(default_factory=dict)
    per_doc: dict[str, dict[str, Counts]] = field(default_factory=dict)
    false_negatives: dict[str, list[ErrorItem]] = field(default_factory=dict)
    false_positives: dict[str, list[ErrorItem]] = field(default_factory=dict)
    #: gold documents without a prediction (all their items are false negatives)
    missing_docs: list[str] = field(default_factory=list)
    #: predicted documents that are not in the gold (ignored)
    extra_docs: list[str] = field(default_factory=list)

    def metric(self, name: str) -> float:
        """A metric by name: ``"<level>.<precision|recall|f1>"``, e.g. ``"claims.f1"``."""
        level, _, metric = name.rpartition(".")
        if level not in self.levels or metric not in METRICS:
            raise KeyError(name)
        return float(getattr(self.levels[level], metric))

    def metrics(self) -> dict[str, float]:
        """Every ``<level>.<metric>`` value, in report order."""
        return {
            f"{level}.{metric}": float(getattr(counts, metric))
            for level, counts in self.levels.items()
            for metric in METRICS
        }

    def as_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """A JSON-ready view; ``errors=True`` adds the unmatched items per level."""
        out: dict[str, Any] = {
            "levels": {level: c.as_dict() for level, c in self.levels.items()},
            "per_doc": {
                doc: {level: c.as_dict() for level, c in levels.items()}
                for doc, levels in self.per_doc.items()
            },
            "missing_docs": list(self.missing_docs),
            "extra_docs": list(self.extra_docs),
        }
        if errors:
            out["false_negatives"] = {
                level: [e.as_dict() for e in items] for level, items in self.false_negatives.items()
            }
            out["false_positives"] = {
                level: [e.as_dict() for e in items] for level, items in self.false_positives.items()
            }
        return out


# -- matching ------------------------------------------------------------------


def max_matching(adjacency: Sequence[Sequence[int]], n_right: int) -> list[int]:
    """Maximum bipartite matching by augmenting paths (Kuhn's algorithm).

    ``adjacency[u]`` lists the right vertices left vertex ``u`` may be matched
    to.  Returns, for every left vertex, its matched right vertex or -1.  The
    search is iterative, so large documents do not hit the recursion limit.
    """
    match_left = [-1] * len(adjacency)
    match_right = [-1] * n_right
    for root in range(len(adjacency)):
        if not adjacency[root]:
            continue
        visited = [False] * n_right
        reached_from: dict[int, int] = {}
        stack = [(root, iter(adjacency[root]))]
        free = -1
        while stack:
            left, candidates = stack[-1]
            right = next((v for v in candidates if not visited[v]), -1)
            if right < 0:
                stack.pop()
                continue
            visited[right] = True
            reached_from[right] = left
            if match_right[right] < 0:
                free = right
                break
            partner = match_right[right]
            stack.append((partner, iter(adjacency[partner])))
        right = free
        while right >= 0:  # flip the augmenting path back to the root
            left = reached_from[right]
            previous = match_left[left]
            match_left[left] = right
            match_right[right] = left
            right = previous if left != root else -1
    return match_left


def match_items(gold: Sequence[Item], predicted: Sequence[Item], predicate: Predicate) -> list[int]:
    """One-to-one matching of gold to predicted items; per gold item the prediction index or -1."""
    adjacency = [[j for j, p in enumerate(predicted) if predicate(g, p)] for g in gold]
    return max_matching(adjacency, len(predicted))


# -- scoring -------------------------------------------------------------------


def _items(record: dict[str, Any], key: str, where: str) -> list[Item]:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
        raise EvaluationError(f"{where}: {key!r} must be a list of objects")
    return value


def mention_items(record: dict[str, Any], where: str = "record") -> list[tuple[int, Item]]:
    """Every actor mention of a record as ``(actor index, {"mention", "code", "actor", "name"})``."""
    out: list[tuple[int, Item]] = []
    for index, actor in enumerate(_items(record, "actors", where)):
        mentions = actor.get("mentions") or []
        if not isinstance(mentions, list):
            raise EvaluationError(f"{where}: actors[{index}].mentions must be a list")
        for span in mentions:
            out.append(
                (
                    index,
                    {
                        "mention": span,
                        "code": actor.get("code"),
                        "actor": actor.get("id"),
                        "name": actor.get("name"),
                    },
                )
            )
    return out


def _level_items(record: dict[str, Any], source: str, where: str) -> list[tuple[int, Item]]:
    if source == "mentions":
        return mention_items(record, where)
    return list(enumerate(_items(record, source, where)))


def _context_span(item: Item, source: str) -> tuple[int, int] | None:
    return rules.as_span(item.get("mention" if source == "mentions" else "sentence"))


def _index_by_id(records: Iterable[dict[str, Any]], side: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise EvaluationError(f"{side} record {number}: not a JSON object")
        doc_id = record.get("doc_id")
        if not isinstance(doc_id, str) or not doc_id:
            raise EvaluationError(f"{side} record {number}: missing or empty doc_id")
        if doc_id in out:
            raise EvaluationError(f"{side} records: duplicate doc_id {doc_id!r}")
        out[doc_id] = record
    return out


def score(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> Scores:
    """Score predicted records against gold records at every level of :data:`LEVELS`.

    Raises :class:`EvaluationError` for a record without a ``doc_id``, a
    ``doc_id`` given twice on one side, or an item list that is not a list.
    """
    gold_by_id = _index_by_id(gold, "gold")
    pred_by_id = _index_by_id(predicted, "predicted")
    scores = Scores(
        levels={level: Counts() for level in LEVELS},
        false_negatives={level: [] for level in LEVELS},
        false_positives={level: [] for level in LEVELS},
        missing_docs=[d for d in gold_by_id if d not in pred_by_id],
        extra_docs=[d for d in pred_by_id if d not in gold_by_id],
    )
    for doc_id, gold_record in gold_by_id.items():
        pred_record = pred_by_id.get(doc_id, {"doc_id": doc_id})
        doc_counts: dict[str, Counts] = {}
        for level in LEVELS:
            source, predicate = _LEVEL_RULES[level]
            g_items = _level_items(gold_record, source, f"gold {doc_id}")
            p_items = _level_items(pred_record, source, f"predicted {doc_id}")
            matched = match_items([g for _, g in g_items], [p for _, p in p_items], predicate)
            used = {j for j in matched if j >= 0}
            for (index, item), j in zip(g_items, matched, strict=True):
                if j < 0:
                    scores.false_negatives[level].append(
                        ErrorItem(doc_id, level, "fn", index, item, _context_span(item, source))
                    )
            for j, (index, item) in enumerate(p_items):
                if j not in used:
                    scores.false_positives[level].append(
                        ErrorItem(doc_id, level, "fp", index, item, _context_span(item, source))
                    )
            tp = len(used)
            counts = Counts(tp, len(p_items) - tp, len(g_items) - tp)
            doc_counts[level] = counts
            scores.levels[level] = scores.levels[level] + counts
        scores.per_doc[doc_id] = doc_counts
    return scores
