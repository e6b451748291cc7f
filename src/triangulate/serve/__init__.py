"""``triangulate serve``: the read-only REST API and HTML pages over a store."""

from __future__ import annotations

from .app import create_app, run

__all__ = ["create_app", "run"]
