"""How the shipped German models are combined: shared tok2vec and its fingerprint check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from triangulate.language import nlp as N


def _meta(name: str) -> dict[str, object]:
    meta = json.loads((N.model_path(name) / "meta.json").read_text(encoding="utf-8"))
    assert isinstance(meta, dict)
    return meta


def _tied() -> str | None:
    try:
        meta = _meta("de_ner")
    except FileNotFoundError:
        return None
    info = meta.get("triangulate") or {}
    assert isinstance(info, dict)
    return info.get("tok2vec_sha256")


def test_german_pipeline_runs_one_tok2vec() -> None:
    nlp = N.load("de")
    assert "ner" in nlp.pipe_names
    tok2vecs = [n for n, p in nlp.pipeline if type(p).__name__ == "Tok2Vec"]
    assert tok2vecs == ["tok2vec"]
    if _tied() or "ner" in json.loads(
        (N.model_path("de_ud") / "meta.json").read_text(encoding="utf-8")
    ).get("pipeline", []):
        # the entity recogniser listens to the one tok2vec instead of running its own
        assert "ner" in nlp.get_pipe("tok2vec").listening_components


@pytest.fixture(scope="module")
def split_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped German pipeline cut into a de_ud without ``ner`` and a de_ner that
    listens to its tok2vec (the layout ``recipes/train_de.py --only ner
    --shared-tok2vec`` installs)."""
    import spacy

    root = tmp_path_factory.mktemp("models")
    src = N.model_path("de_ud")
    ud = spacy.load(src)
    if "ner" in ud.pipe_names:
        ud.remove_pipe("ner")
    ud.to_disk(root / "de_ud")
    ner = spacy.load(src)
    if "ner" not in ner.pipe_names:
        pytest.skip("the shipped de_ud has no ner")
    for name in [p for p in ner.pipe_names if p != "ner"]:
        ner.remove_pipe(name)
    ner.meta["triangulate"] = {
        "listens_to": "de_ud",
        "tok2vec_sha256": N._fingerprint(root / "de_ud"),
    }
    ner.to_disk(root / "de_ner")
    cfg = root / "de_ner" / "config.cfg"  # the listener's width pointed at the removed tok2vec
    width = str(ud.get_pipe("tok2vec").model.get_dim("nO"))
    text = cfg.read_text(encoding="utf-8")
    cfg.write_text(text.replace("${components.tok2vec.model.encode.width}", width), "utf-8")
    return root


def test_listening_de_ner_is_linked(split_models: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(N, "model_path", lambda name: split_models / name)
    nlp = N._load.__wrapped__("de")  # type: ignore[attr-defined]
    assert nlp.pipe_names[-1] == "ner"
    assert "ner" in nlp.get_pipe("tok2vec").listening_components
    text = "Kim Jong-un traf Wladimir Putin in Wladiwostok."
    got = [(e.text, e.label_) for e in nlp(text).ents]
    assert got == [(e.text, e.label_) for e in N.load("de")(text).ents]


def test_mismatched_listening_ner_is_refused(
    split_models: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("de_ud", "de_ner"):
        shutil.copytree(split_models / name, tmp_path / name)
    meta_path = tmp_path / "de_ner" / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["triangulate"]["tok2vec_sha256"] = "0" * 64
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    monkeypatch.setattr(N, "model_path", lambda name: tmp_path / name)
    with pytest.raises(RuntimeError, match="different de_ud tok2vec"):
        N._load.__wrapped__("de")  # type: ignore[attr-defined]
