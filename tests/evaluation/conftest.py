"""Shared fixtures of the evaluation tests: the dev-set gold and documents."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from triangulate.evaluation import load_docs, load_records

ROOT = Path(__file__).resolve().parents[2]
GOLD_PATH = ROOT / "examples" / "eval" / "gold.jsonl"
DOCS_PATH = ROOT / "examples" / "eval" / "docs.jsonl"


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return GOLD_PATH


@pytest.fixture(scope="session")
def docs_path() -> Path:
    return DOCS_PATH


@pytest.fixture(scope="session")
def _gold() -> list[dict[str, Any]]:
    return load_records(GOLD_PATH)


@pytest.fixture
def gold(_gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A fresh copy of the gold records (tests may mutate it)."""
    return copy.deepcopy(_gold)


@pytest.fixture(scope="session")
def docs() -> dict[str, str]:
    return load_docs(DOCS_PATH)
