"""One event, many mentions: group event mentions that tell the same real-world event.

Two mentions are the same event when they are *compatible* — same country dyad
(either order for the symmetric roots 04 consult and 05 cooperate), same CAMEO
root, dates that can denote the same time (equal at the coarser precision, a
day inside a month or range, or one of them undated), locations that do not
disagree — and *similar*: their sentences share enough content words (Jaccard
over lower-cased words of four letters or more), or both carry the same precise
date.  Compatibility is never exact string matching.  Linked mentions are merged
transitively (union-find); a group's independent sources are its distinct
documents (near-duplicate copies are never processed, so syndication does not
inflate the count).

Blocking keeps this near-linear: mentions are compared only within the same dyad
and root, and dated mentions only with mentions of the same or an adjacent month
(undated ones with the most recent ``max_compare`` of their block).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations, product
from typing import Any, Protocol

SYMMETRIC_ROOTS = frozenset({"04", "05"})
_WORD = re.compile(r"\w{4,}")


@dataclass(frozen=True, slots=True)
class Mention:
    """What grouping needs of one stored event mention."""

    id: int
    doc_id: str
    source: str
    target: str
    root: str
    date: str | None
    location: str | None
    evidence: str


def _country(code: str) -> str:
    return code[:6] if code.startswith("IGO") else code[:3]


def _span(d: str | None) -> tuple[date, date] | None:
    """The days a date value covers (a year, a month, a day, or a range)."""
    if not d:
        return None
    try:
        if "/" in d:
            a, b = d.split("/", 1)
            sa, sb = _span(a), _span(b)
            return (sa[0], sb[1]) if sa and sb else None
        parts = [int(p) for p in d.split("-")]
        if len(parts) == 1:
            return (date(parts[0], 1, 1), date(parts[0], 12, 31))
        if len(parts) == 2:
            y, m = parts
            nxt = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
            return (date(y, m, 1), nxt - timedelta(days=1))
        day = date(parts[0], parts[1], parts[2])
        return (day, day)
    except (ValueError, TypeError):
        return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return True
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def _norm_place(p: str | None) -> str:
    return re.sub(r"\W+", " ", (p or "").casefold()).strip()


def locations_compatible(a: str | None, b: str | None) -> bool:
    na, nb = _norm_place(a), _norm_place(b)
    return not na or not nb or na == nb or na in nb or nb in na


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _key(m: Mention) -> tuple[str, str, str]:
    s, t = _country(m.source), _country(m.target)
    if m.root in SYMMETRIC_ROOTS and t < s:
        s, t = t, s
    return (s, t, m.root)


def _month(d: str | None) -> tuple[int, int] | None:
    span = _span(d)
    if span is None or (span[1] - span[0]).days > 31:
        return None
    return (span[0].year, span[0].month)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_mentions(
    mentions: Iterable[Mention], *, threshold: float = 0.2, max_compare: int = 200
) -> dict[int, str]:
    """Map every mention id to a group id (``g-`` + 12 hex digits, stable for the
    group's first mention)."""
    blocks: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.source and m.target:
            blocks[_key(m)].append(m)
    uf = _UnionFind()
    for members in blocks.values():
        words = {m.id: _words(m.evidence) for m in members}
        by_month: dict[tuple[int, int] | None, list[Mention]] = defaultdict(list)
        for m in members:
            by_month[_month(m.date)].append(m)
            uf.find(m.id)
        done: set[frozenset[tuple[int, int] | None]] = set()
        for k in list(by_month):
            for k2 in _neighbours(k, by_month):
                pair = frozenset((k, k2))
                if pair in done:
                    continue
                done.add(pair)
                a_side, b_side = by_month[k][-max_compare:], by_month[k2][-max_compare:]
                pairs = combinations(a_side, 2) if k == k2 else product(a_side, b_side)
                for a, b in pairs:
                    if _same_event(a, b, words, threshold):
                        uf.union(a.id, b.id)
    groups: dict[int, str] = {}
    for mid in uf.parent:
        root = uf.find(mid)
        groups[mid] = "g-" + hashlib.sha256(str(root).encode()).hexdigest()[:12]
    return groups


def _neighbours(
    k: tuple[int, int] | None, by_month: dict[tuple[int, int] | None, list[Mention]]
) -> list[tuple[int, int] | None]:
    """Buckets a bucket is compared with: itself, the adjacent months and the undated
    (coarsely dated) bucket; that bucket is compared with every other."""
    if k is None:
        return list(by_month)
    y, mo = k
    near = [
        (y, mo),
        (y, mo - 1) if mo > 1 else (y - 1, 12),
        (y, mo + 1) if mo < 12 else (y + 1, 1),
        None,
    ]
    return [n for n in near if n in by_month]


def _same_event(a: Mention, b: Mention, words: dict[int, frozenset[str]], threshold: float) -> bool:
    if not dates_compatible(a.date, b.date) or not locations_compatible(a.location, b.location):
        return False
    if similarity(words[a.id], words[b.id]) >= threshold:
        return True
    sa, sb = _span(a.date), _span(b.date)
    return sa is not None and sa == sb and (sa[1] - sa[0]).days <= 7


class _GroupingStore(Protocol):
    def event_mentions(self) -> list[dict[str, Any]]: ...

    def set_event_groups(self, groups: dict[int, str]) -> None: ...


def group_events(store: _GroupingStore, *, threshold: float = 0.2) -> int:
    """Recompute the event groups of every stored event; return the number of groups."""
    mentions = [Mention(**row) for row in store.event_mentions()]
    groups = group_mentions(mentions, threshold=threshold)
    store.set_event_groups(groups)
    return len(set(groups.values()))
