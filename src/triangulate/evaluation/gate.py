"""The evaluation gate: scores must not fall below pinned floors.

A floors file (JSON) pins, next to the SHA-256 digests of the gold and docs
files it was measured on, a floor for some metrics::

    {"gold_sha256": "...", "docs_sha256": "...", "margin": 0.005,
     "floors": {"events.dyad_root.f1": 0.412, "claims.f1": 0.3, ...}}

:func:`check` fails when the digests differ (the floors were measured on other
data and say nothing about this run) or when a metric is below its floor by
more than the margin.  :func:`pin` writes the current values, rounded down to
three decimals, and refuses to lower an existing floor unless asked to.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

from triangulate.errors import EvaluationError

from .scorer import LEVELS, Scores

DEFAULT_MARGIN = 0.005
#: Metrics pinned by default: the F1 of every level.
DEFAULT_METRICS: tuple[str, ...] = tuple(f"{level}.f1" for level in LEVELS)

_EPSILON = 1e-9
_PathLike = str | os.PathLike[str]


def digest(path: _PathLike) -> str:
    """SHA-256 (hex) of the file's bytes."""
    sha = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            for block in iter(lambda: stream.read(1 << 16), b""):
                sha.update(block)
    except OSError as exc:
        raise EvaluationError(f"{os.fspath(path)}: cannot read ({exc.strerror or exc})") from exc
    return sha.hexdigest()


def floor_down(value: float, places: int = 3) -> float:
    """``value`` rounded down to ``places`` decimals (0.5699999 -> 0.569, 0.57 -> 0.57)."""
    scale = 10**places
    return math.floor(round(value * scale, 6)) / scale


def load_floors(floors_path: _PathLike) -> dict[str, Any]:
    """Read and check a floors file; raises :class:`EvaluationError` when it is malformed."""
    name = os.fspath(floors_path)
    try:
        data = json.loads(Path(floors_path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvaluationError(f"{name}: cannot read floors ({exc.strerror or exc})") from exc
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{name}:{exc.lineno}: malformed floors JSON ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise EvaluationError(f"{name}: floors file must hold a JSON object")
    floors = data.get("floors")
    if not isinstance(floors, dict) or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in floors.values()
    ):
        raise EvaluationError(f"{name}: 'floors' must map metric names to numbers")
    margin = data.get("margin", DEFAULT_MARGIN)
    if isinstance(margin, bool) or not isinstance(margin, (int, float)) or margin < 0:
        raise EvaluationError(f"{name}: 'margin' must be a non-negative number")
    return data


def _repin_hint(floors_path: _PathLike) -> str:
    return (
        f"re-pin the floors on the current data (triangulate.evaluation.pin(scores, "
        f"{os.fspath(floors_path)!r}, gold, docs), allow_regression=True if a floor has to go down)"
    )


def check(
    scores: Scores, floors_path: _PathLike, gold_path: _PathLike, docs_path: _PathLike
) -> list[str]:
    """Failure messages of the gate (an empty list when it passes).

    A missing floors file, or digests that do not match the gold and docs
    files, fail with a message telling how to (re-)pin; the floors are then not
    compared.  Otherwise every metric below ``floor - margin`` fails with its
    name, value and floor.
    """
    if not Path(floors_path).exists():
        return [f"no floors file at {os.fspath(floors_path)}; {_repin_hint(floors_path)}"]
    data = load_floors(floors_path)
    failures: list[str] = []
    for key, path in (("gold_sha256", gold_path), ("docs_sha256", docs_path)):
        pinned, actual = data.get(key), digest(path)
        if pinned != actual:
            failures.append(
                f"{key} mismatch: floors in {os.fspath(floors_path)} were pinned on other data "
                f"({str(pinned)[:12]}…), but {os.fspath(path)} is {actual[:12]}…; "
                f"{_repin_hint(floors_path)}"
            )
    if failures:
        return failures
    margin = float(data.get("margin", DEFAULT_MARGIN))
    known = scores.metrics()
    for metric, floor in data["floors"].items():
        if metric not in known:
            failures.append(f"{metric}: unknown metric in {os.fspath(floors_path)}")
            continue
        value = known[metric]
        if value + _EPSILON < float(floor) - margin:
            failures.append(
                f"{metric} = {value:.3f} is below its floor {float(floor):.3f} "
                f"(margin {margin:.3f})"
            )
    return failures


def pin(
    scores: Scores,
    floors_path: _PathLike,
    gold_path: _PathLike,
    docs_path: _PathLike,
    *,
    allow_regression: bool = False,
) -> dict[str, Any]:
    """Write the floors file: current values rounded down to 3 decimals, with the data digests.

    The metrics pinned are the F1 of every level plus any metric the existing
    file already pins; its margin is kept (else :data:`DEFAULT_MARGIN`).  A
    new floor below an existing one raises :class:`EvaluationError` naming the
    metrics, unless ``allow_regression``.  Returns what was written.
    """
    old: dict[str, Any] = load_floors(floors_path) if Path(floors_path).exists() else {}
    old_floors: dict[str, float] = {k: float(v) for k, v in old.get("floors", {}).items()}
    known = scores.metrics()
    metrics = list(DEFAULT_METRICS) + [m for m in old_floors if m not in DEFAULT_METRICS]
    unknown = [m for m in metrics if m not in known]
    if unknown:
        raise EvaluationError(f"{os.fspath(floors_path)}: unknown metric(s) {', '.join(unknown)}")
    floors = {m: floor_down(known[m]) for m in metrics}
    lowered = [m for m in metrics if m in old_floors and floors[m] + _EPSILON < old_floors[m]]
    if lowered and not allow_regression:
        detail = ", ".join(f"{m} {old_floors[m]:.3f} -> {floors[m]:.3f}" for m in lowered)
        raise EvaluationError(
            f"refusing to lower floor(s) in {os.fspath(floors_path)}: {detail} "
            "(pass allow_regression=True to accept the regression)",
            code="T402",
        )
    data: dict[str, Any] = {
        "gold_sha256": digest(gold_path),
        "docs_sha256": digest(docs_path),
        "margin": float(old.get("margin", DEFAULT_MARGIN)),
        "floors": floors,
    }
    _write_atomically(Path(floors_path), json.dumps(data, indent=2) + "\n")
    return data


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
