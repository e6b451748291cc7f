"""Analysis over the store: the claims ledger and the flows (later: event grouping, series, network)."""

from __future__ import annotations

from .flows import Flow, FlowItem, build_flows
from .grouping import group_events, group_mentions
from .ledger import LedgerClaim, Relation, Window, build_ledger

__all__ = [
    "Flow",
    "FlowItem",
    "LedgerClaim",
    "Relation",
    "Window",
    "build_flows",
    "build_ledger",
    "group_events",
    "group_mentions",
]
