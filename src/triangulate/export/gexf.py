"""GEXF 1.2 (dynamic) actor network for Gephi, written with networkx.

``<graph mode="dynamic" timeformat="date" defaultedgetype="directed">``.
Nodes: country codes (``label``, ``events`` = dyadic events involving the
country, ``start``/``end`` = first/last day its dated events cover).  Edges:
one per dyad source → target with ``weight`` = event count, ``goldstein_sum``,
``goldstein_mean``, ``start``/``end`` (first/last day of the dyad's dated
events: day dates as is, months and years widened to their first/last day,
ranges to their bounds) and ``events_in_month``, a dynamic attribute: one spell per
calendar month with that month's event count (an event counts in the month its
date starts, so a year-precision event in January; undated events are in the
total weight only), so Gephi's timeline filters by month.  A dyad with no dated
event has no ``start``/``end`` (always visible).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from .network import NetworkExporter


class GEXFExporter(NetworkExporter):
    name = "gexf"
    dynamic = True

    def finish(self) -> None:
        g = self.network.graph(dynamic=True)
        nx.write_gexf(g, self.out, version="1.2draft")
        _force_dynamic(self.out)


def _force_dynamic(path: Path) -> None:
    """An empty or undated network still declares itself dynamic with dates."""
    text = path.read_text(encoding="utf-8")
    if 'mode="dynamic"' in text and 'timeformat="date"' in text:
        return
    text = text.replace('mode="static"', 'mode="dynamic"', 1)
    if 'timeformat="date"' not in text:
        text = text.replace('mode="dynamic"', 'mode="dynamic" timeformat="date"', 1)
    path.write_text(text, encoding="utf-8")
