"""Extraction stages: events, claims and quotes, each item with character offsets.

:mod:`.quotes` finds direct quotes and their speakers.
"""

from __future__ import annotations

from .quotes import QuoteStage, extract_quotes

__all__ = ["QuoteStage", "extract_quotes"]
