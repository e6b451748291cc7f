"""Analysis over the store: the claims ledger (and, later, event grouping, series, network)."""

from __future__ import annotations

from .ledger import LedgerClaim, Relation, Window, build_ledger

__all__ = ["LedgerClaim", "Relation", "Window", "build_ledger"]
