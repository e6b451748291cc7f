"""One module per resource; each exposes ``VIEWS``: (path, data function, name)."""

from __future__ import annotations

from fastapi import FastAPI

from ..core import register
from . import actors, documents, events, index, ledger, network, text, timeline

MODULES = (index, documents, events, actors, network, timeline, ledger, text)


def register_all(app: FastAPI) -> None:
    for module in MODULES:
        for path, fn, name in module.VIEWS:
            register(app, path, fn, name)
