"""Shared fixtures: the bundled demo corpus and the dev set."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
EVAL = ROOT / "examples" / "eval"

WORDS = [
    "Russland",
    "Nordkorea",
    "China",
    "Soldaten",
    "Truppen",
    "Kreml",
    "Peking",
    "Moskau",
    "Regierung",
    "Präsident",
    "Munition",
    "Granaten",
    "Waffen",
    "Lieferung",
    "Vertrag",
    "Abkommen",
    "Gipfel",
    "Treffen",
    "Sanktionen",
    "Krieg",
    "Ukraine",
    "Grenze",
    "Wirtschaft",
    "Handel",
    "Öl",
    "Getreide",
    "Technologie",
    "Raketen",
    "Satelliten",
    "Berater",
    "schickte",
    "lieferte",
    "traf",
    "besuchte",
    "unterzeichnete",
    "kritisierte",
    "warnte",
    "drohte",
    "lobte",
    "half",
    "der",
    "die",
    "das",
    "und",
    "mit",
    "von",
    "für",
    "auf",
    "gegen",
    "nach",
    "bei",
    "über",
    "unter",
    "zwischen",
    "seit",
    "wegen",
]


def random_german(rng: random.Random, n_words: int = 120) -> str:
    sentences = []
    words = [rng.choice(WORDS) for _ in range(n_words)]
    for i in range(0, n_words, 12):
        chunk = words[i : i + 12]
        sentences.append(" ".join(chunk).capitalize() + ".")
    return " ".join(sentences)


@pytest.fixture
def make_corpus(tmp_path: Path):
    """Write ``n`` distinct German text files into a folder and return it."""

    def make(n: int, name: str = "corpus", seed: int = 1) -> Path:
        rng = random.Random(seed)
        folder = tmp_path / name
        folder.mkdir()
        for i in range(n):
            (folder / f"{i:05d}.txt").write_text(
                f"Artikel {i}\n\n{random_german(rng)}\n", encoding="utf-8"
            )
        return folder

    return make


def build_store(db: str | Path, *inputs: Path) -> str:
    """A store at ``db`` with ``inputs`` ingested and processed by the default pipeline."""
    from triangulate.pipeline import ingest, process
    from triangulate.store import open_store

    store = open_store(db)
    try:
        ingest(list(inputs), store)
        process(store)
    finally:
        store.close()
    return str(db)
