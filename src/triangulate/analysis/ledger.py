"""The claims ledger: the same quantity as told by different sources, side by side.

A *variable* is what a figure measures: the claim's ``item`` (soldiers, artillery
shells, share of imports, ...) and the country of the first actor it is about
(the owner of the counted thing: ``PRKMIL`` soldiers count for ``PRK``).  Claims
of one variable are grouped into *windows*: claims whose as-of dates lie within
``window_days`` of the window's first claim (the as-of date is the claim's date —
the end of a range for cumulative figures — else its document's publication
date).

The verb of the claim's predicate ("sent", "lost") is part of the variable, so
soldiers *sent* and soldiers *lost* are not compared.  Within a window each claim becomes an interval: exact ``[v, v]``; approximate
``[0.9 v, 1.1 v]``; "at least"/"more than" ``[v, ∞)``; "up to" ``[0, v]``; a range
``[v, value_max]``; a vague plural ("Tausende") ``[v, ∞)``.  Two claims by
different asserters *agree* when their intervals overlap and *contradict* when
they are disjoint; a later claim by the same asserter is an *update*.  Sources are
counted by root asserter (``asserted_by``), so an agency repeated by ten outlets
counts once.  Only claims told as holding (asserted or attributed) are related;
hypothetical, planned, negated and denied figures are listed but not compared.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

INF = math.inf
FACTUAL = frozenset({"asserted", "attributed"})


@dataclass(frozen=True, slots=True)
class LedgerClaim:
    """One stored claim with what the ledger needs to compare it."""

    doc_id: str
    item: str
    value: float
    unit: str
    low: float
    high: float
    asserted_by: str
    status: str
    as_of: str | None
    about: tuple[str, ...]
    predicate: str | None
    evidence: str
    span: tuple[int, int]

    @property
    def verb(self) -> str:
        """The predicate without its qualifier: "sent (up to)" -> "sent"."""
        return (self.predicate or "").split("(", 1)[0].strip()

    @property
    def factual(self) -> bool:
        """Told as holding (asserted or attributed), not as possible, planned or denied."""
        return self.status in FACTUAL

    @property
    def interval(self) -> str:
        return _format_interval(self.low, self.high, self.value)


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str  # agree | contradict | update
    a: int  # indexes into Window.claims
    b: int


@dataclass
class Window:
    item: str
    country: str
    unit: str
    verb: str
    start: str | None
    end: str | None
    claims: list[LedgerClaim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        """Independent sources: distinct root asserters, in order of appearance."""
        seen: dict[str, None] = {}
        for c in self.claims:
            seen.setdefault(c.asserted_by, None)
        return list(seen)

    @property
    def contradicted(self) -> bool:
        return any(r.kind == "contradict" for r in self.relations)

    def as_dict(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "country": self.country,
            "unit": self.unit,
            "predicate": self.verb or None,
            "window": [self.start, self.end],
            "sources": self.sources,
            "independent_sources": len(self.sources),
            "claims": [
                {
                    "doc_id": c.doc_id,
                    "value": c.value,
                    "interval": [c.low, None if c.high == INF else c.high],
                    "asserted_by": c.asserted_by,
                    "status": c.status,
                    "as_of": c.as_of,
                    "about": list(c.about),
                    "predicate": c.predicate,
                    "evidence": c.evidence,
                    "text": list(c.span),
                }
                for c in self.claims
            ],
            "relations": [{"kind": r.kind, "a": r.a, "b": r.b} for r in self.relations],
        }


def country_of(code: str | None) -> str:
    if not code:
        return "?"
    return code[:6] if code.startswith("IGO") else code[:3]


def interval(
    value: float, value_max: float | None, approximate: bool, predicate: str | None
) -> tuple[float, float]:
    """The range of values a claim allows (see the module docstring)."""
    pred = (predicate or "").casefold()
    if value_max is not None and value_max >= value:
        return (value, value_max)
    if "up to" in pred or "at most" in pred or "less than" in pred:
        return (0.0, value)
    if "at least" in pred or "more than" in pred or "vague plural" in pred:
        return (value, INF)
    if approximate:
        return (value * 0.9, value * 1.1)
    return (value, value)


def as_of(claim_date: str | None, published: str | None) -> str | None:
    """The date a figure holds for: the claim's date (a range's end), else publication."""
    if claim_date:
        return claim_date.split("/")[-1]
    return published


def to_ledger_claim(row: dict[str, Any]) -> LedgerClaim:
    """Turn a stored claim row (``Store.claims``) into a :class:`LedgerClaim`."""
    about = tuple(row.get("about") or ())
    low, high = interval(
        float(row["value"]),
        row.get("value_max"),
        bool(row.get("approximate")),
        row.get("predicate"),
    )
    return LedgerClaim(
        doc_id=row["doc_id"], item=row["item"], value=float(row["value"]), unit=row["unit"],
        low=low, high=high, asserted_by=row.get("asserted_by") or "author",
        status=row.get("status") or "asserted", as_of=as_of(row.get("date"), row.get("published")),
        about=about, predicate=row.get("predicate"), evidence=row.get("evidence") or "",
        span=(int(row["text_start"]), int(row["text_end"])),
    )  # fmt: skip


def build_ledger(
    rows: Iterable[dict[str, Any]],
    *,
    item: str | None = None,
    about: Sequence[str] = (),
    window_days: int = 120,
) -> list[Window]:
    """Group claim rows into variables and time windows and relate them.

    ``item`` keeps claims whose item contains it (case-insensitive); ``about``
    keeps claims about at least one of the given country codes.
    """
    wanted = {country_of(a.strip().upper()) for a in about if a.strip()}
    claims = []
    for row in rows:
        c = to_ledger_claim(row)
        if item and item.casefold() not in c.item.casefold():
            continue
        if wanted and not wanted & {country_of(a) for a in c.about}:
            continue
        claims.append(c)
    variables: dict[tuple[str, str, str, str], list[LedgerClaim]] = {}
    for c in claims:
        key = (c.item.casefold(), country_of(c.about[0] if c.about else None), c.unit, c.verb)
        variables.setdefault(key, []).append(c)
    windows: list[Window] = []
    for (_, country, unit, verb), group in sorted(variables.items()):
        windows += _windows(group, country, unit, verb, window_days)
    return windows


def _cover(d: str | None) -> tuple[date, date] | None:
    """The days an as-of date covers: a year its whole year, a month its whole month."""
    if not d:
        return None
    parts = d.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return (date(y, 1, 1), date(y, 12, 31))
        m = int(parts[1])
        if len(parts) == 2:
            nxt = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
            return (date(y, m, 1), nxt - timedelta(days=1))
        day = date(y, m, int(parts[2]))
        return (day, day)
    except (ValueError, IndexError):
        return None


def _windows(
    group: list[LedgerClaim], country: str, unit: str, verb: str, window_days: int
) -> list[Window]:
    """Single-linkage windows: a claim joins the current window when its covered days
    start at most ``window_days`` after the latest day the window covers so far."""
    undated = [c for c in group if _cover(c.as_of) is None]
    dated = sorted(
        (c for c in group if _cover(c.as_of) is not None),
        key=lambda c: (_cover(c.as_of), c.doc_id, c.span),
    )
    out: list[Window] = []
    current: Window | None = None
    reach = date.min
    for c in dated:
        start, end = _cover(c.as_of) or (date.min, date.min)
        if current is None or start - reach > timedelta(days=window_days):
            current = Window(
                item=c.item, country=country, unit=unit, verb=verb, start=c.as_of, end=c.as_of
            )
            out.append(current)
            reach = end
        current.claims.append(c)
        current.end = c.as_of
        reach = max(reach, end)
    if undated:
        out.append(Window(item=undated[0].item, country=country, unit=unit, verb=verb,
                          start=None, end=None, claims=undated))  # fmt: skip
    for w in out:
        w.relations = _relations(w.claims)
    return out


def _relations(claims: list[LedgerClaim]) -> list[Relation]:
    rels: list[Relation] = []
    for i, a in enumerate(claims):
        if not a.factual:
            continue
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if not b.factual:
                continue
            if a.asserted_by == b.asserted_by:
                if a.value != b.value and a.doc_id != b.doc_id:
                    rels.append(Relation("update", i, j))
                continue
            overlap = a.low <= b.high and b.low <= a.high
            rels.append(Relation("agree" if overlap else "contradict", i, j))
    return rels


def _format_number(x: float) -> str:
    x = round(x, 6)
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"


def _format_interval(low: float, high: float, value: float) -> str:
    if low == high:
        return _format_number(value)
    if high == INF:
        return f"≥ {_format_number(low)}"
    if low == 0:
        return f"≤ {_format_number(high)}"
    return f"{_format_number(low)}–{_format_number(high)}"
