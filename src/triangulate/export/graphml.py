"""GraphML: the GEXF actor network, static, written with networkx.

Nodes: country codes with ``label`` and ``events``; directed edges per dyad
with ``weight`` (event count), ``events``, ``goldstein_sum`` and
``goldstein_mean``.  No time attributes (use GEXF for the timeline).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from .common import Exporter
from .network import Network


class GraphMLExporter(Exporter):
    name = "graphml"

    def __init__(self, out: Path, *, what: str = "events") -> None:
        super().__init__(out, what=what)
        self.network = Network()

    def write(self, row: dict[str, Any]) -> None:
        if self.network.add(row):
            self.count += 1

    def finish(self) -> None:
        g = self.network.graph(dynamic=False)
        for _, _, data in g.edges(data=True):
            data.pop("id", None)
        nx.write_graphml(g, self.out)
