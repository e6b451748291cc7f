"""GraphML: the GEXF actor network, static, written with networkx.

Nodes: country codes with ``label`` and ``events``; directed edges per dyad
with ``weight`` (event count), ``events``, ``goldstein_sum`` and
``goldstein_mean``.  No time attributes (use GEXF for the timeline).
"""

from __future__ import annotations

import networkx as nx

from .network import NetworkExporter


class GraphMLExporter(NetworkExporter):
    name = "graphml"

    def finish(self) -> None:
        g = self.network.graph(dynamic=False)
        for _, _, data in g.edges(data=True):
            data.pop("id", None)
        nx.write_graphml(g, self.out)
