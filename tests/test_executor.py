"""Executors: every kind yields results in input order; Ray runs the real pipeline."""

from __future__ import annotations

import importlib.util
import os

import pytest

from triangulate.errors import UsageError
from triangulate.executor import (
    LocalExecutor,
    ProcessExecutor,
    RayExecutor,
    get_executor,
)

from .conftest import SEEDS

HAS_RAY = importlib.util.find_spec("ray") is not None


def _square(x: int) -> int:
    return x * x


def test_get_executor_by_name() -> None:
    assert isinstance(get_executor(1), LocalExecutor)
    assert isinstance(get_executor(3), ProcessExecutor)
    assert isinstance(get_executor(1, "process"), ProcessExecutor)
    ray_ex = get_executor(2, "ray", address="auto")
    assert isinstance(ray_ex, RayExecutor)
    assert ray_ex.address == "auto"
    with pytest.raises(UsageError, match="unknown executor 'spark'"):
        get_executor(1, "spark")


@pytest.mark.parametrize("ex", [LocalExecutor(), ProcessExecutor(2, chunksize=3)])
def test_results_in_input_order(ex: LocalExecutor | ProcessExecutor) -> None:
    assert list(ex.map(_square, range(25))) == [x * x for x in range(25)]


needs_ray = pytest.mark.skipif(not HAS_RAY, reason="ray is not installed")


@pytest.fixture(scope="module")
def ray_local():  # type: ignore[no-untyped-def]
    """One local Ray instance for this module (starting Ray takes seconds)."""
    import ray

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


@needs_ray
def test_ray_results_in_input_order_with_a_small_window(ray_local) -> None:  # type: ignore[no-untyped-def]
    ex = RayExecutor(max_in_flight=3)
    assert list(ex.map(_square, range(40))) == [x * x for x in range(40)]
    assert ray_local.is_initialized()  # an instance it did not start stays up


@needs_ray
def test_ray_processes_the_seeds_like_the_local_executor(ray_local, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from triangulate import api, open_store

    counts = {}
    for kind in ("local", "ray"):
        db = tmp_path / f"{kind}.db"
        api.ingest([SEEDS], db)
        report = api.process(db, executor=kind, workers=2)
        assert report.processed == 5 and not report.problems
        store = open_store(db)
        try:
            counts[kind] = store.stats()
        finally:
            store.close()
    assert counts["ray"] == counts["local"]
