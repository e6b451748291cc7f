"""The actor network shared by the GEXF and GraphML exporters.

Nodes are actor *country* codes (the first three letters of a code, or the
whole ``IGO...`` code, as ``Store.top_dyads`` counts them); a directed edge
source → target is a dyad.  Only events with both participants count.
Aggregates are kept per dyad and per month, never per event, so memory grows
with the number of dyads, not of events.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from .common import Exporter, country, date_span


@dataclass
class Tally:
    count: int = 0
    goldstein_sum: float = 0.0
    goldstein_n: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    months: dict[str, int] = field(default_factory=dict)  # "YYYY-MM" → events

    def add(self, goldstein: float | None, span: tuple[dt.date, dt.date] | None) -> None:
        self.count += 1
        if goldstein is not None:
            self.goldstein_sum += goldstein
            self.goldstein_n += 1
        if span is not None:
            start, end = span
            self.first = start if self.first is None else min(self.first, start)
            self.last = end if self.last is None else max(self.last, end)
            key = start.strftime("%Y-%m")
            self.months[key] = self.months.get(key, 0) + 1

    def timing(self) -> dict[str, Any]:
        if self.first is None or self.last is None:
            return {}
        return {"start": self.first.isoformat(), "end": self.last.isoformat()}


def month_bounds(key: str) -> tuple[str, str]:
    """First and last day of a ``YYYY-MM`` month, ISO formatted."""
    span = date_span(key)
    assert span is not None
    return span[0].isoformat(), span[1].isoformat()


class Network:
    """Dyad and node tallies built from event rows."""

    def __init__(self) -> None:
        self.nodes: dict[str, Tally] = {}
        self.edges: dict[tuple[str, str], Tally] = {}

    def add(self, row: dict[str, Any]) -> bool:
        """Count one event; False if it has not both participants."""
        s, t = country(row.get("source")), country(row.get("target"))
        if not s or not t:
            return False
        span = date_span(row.get("date"))
        goldstein = row.get("goldstein")
        self.edges.setdefault((s, t), Tally()).add(goldstein, span)
        for code in {s, t}:
            self.nodes.setdefault(code, Tally()).add(goldstein, span)
        return True

    def graph(self, *, dynamic: bool) -> nx.DiGraph:
        """The network as a networkx graph; with ``dynamic`` nodes and edges get
        ``start``/``end`` (ISO dates) and edges a per-month ``events`` series."""
        g = nx.DiGraph()
        if dynamic:
            g.graph["mode"] = "dynamic"
        for code in sorted(self.nodes):
            tally = self.nodes[code]
            attrs: dict[str, Any] = {"label": code, "events": tally.count}
            if dynamic:
                attrs.update(tally.timing())
            g.add_node(code, **attrs)
        for s, t in sorted(self.edges):
            tally = self.edges[(s, t)]
            attrs = {
                "id": f"{s}->{t}",
                "weight": float(tally.count),
                "events": tally.count,
                "goldstein_sum": round(tally.goldstein_sum, 6),
                "goldstein_mean": (
                    round(tally.goldstein_sum / tally.goldstein_n, 6) if tally.goldstein_n else 0.0
                ),
            }
            if dynamic:
                attrs.update(tally.timing())
                if tally.months:
                    attrs["events_in_month"] = [
                        (n, *month_bounds(m)) for m, n in sorted(tally.months.items())
                    ]
            g.add_edge(s, t, **attrs)
        return g


class NetworkExporter(Exporter):
    """Base of the network formats: tallies every dyadic event; ``finish`` writes."""

    def __init__(self, out: Path, *, what: str = "events") -> None:
        super().__init__(out, what=what)
        self.network = Network()

    def write(self, row: dict[str, Any]) -> None:
        if self.network.add(row):
            self.count += 1
