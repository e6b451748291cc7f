"""Executors run one function over many items: in-process, local processes, or Ray.

The interface is one method, ``map``, which yields results in input order.
:func:`get_executor` picks one by name:

* ``local`` — everything in the calling process (the default: simple, debuggable);
* ``process`` — a pool of local worker processes (the default when ``workers`` > 1);
* ``ray`` — Ray tasks, on a running cluster when ``address`` (or Ray's own
  ``RAY_ADDRESS`` environment variable) names one, otherwise on a local Ray
  started for the run and shut down after it.  Needs the optional extra
  ``pip install 'triangulate[ray]'``; on a cluster every node needs triangulate
  installed (or a Ray ``runtime_env`` that installs it).

Results stream back in input order while at most ``max_in_flight`` items are
being worked on, so memory stays bounded on a batch of any size, and the store
(on the driver) saves each result as it arrives — a killed run resumes.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

from .errors import UsageError

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("local", "process", "ray")


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...


class LocalExecutor:
    """Runs everything in the calling process (the default: simple, debuggable)."""

    workers = 1

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        for item in items:
            yield fn(item)


class ProcessExecutor:
    """Runs ``fn`` in a pool of local worker processes; results come back in order."""

    def __init__(self, workers: int = 2, chunksize: int = 4) -> None:
        self.workers = max(1, workers)
        self.chunksize = max(1, chunksize)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        with ctx.Pool(self.workers) as pool:
            yield from pool.imap(fn, items, chunksize=self.chunksize)


class RayExecutor:
    """Runs ``fn`` as Ray tasks (one task an item) and yields results in input order.

    ``address`` is passed to ``ray.init`` (``None``: Ray's ``RAY_ADDRESS`` or a new
    local instance; ``"auto"``: the running cluster).  If Ray is already
    initialised in this process it is used as it is and left running.
    ``workers`` limits the CPUs of a *local* instance (``None``: all).
    """

    def __init__(
        self,
        address: str | None = None,
        *,
        workers: int | None = None,
        max_in_flight: int | None = None,
        init_options: dict[str, Any] | None = None,
    ) -> None:
        self.address = address
        self.workers = workers
        self.max_in_flight = max(1, max_in_flight or 4 * (workers or 2))
        self.init_options = dict(init_options or {})

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        ray = _import_ray()
        started = False
        if not ray.is_initialized():
            options: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "configure_logging": False,
            }
            if self.address is None and self.workers is not None:
                options["num_cpus"] = self.workers
            options.update(self.init_options)
            ray.init(address=self.address, **options)
            started = True
        try:
            task = ray.remote(fn)
            pending: deque[Any] = deque()
            for item in items:
                pending.append(task.remote(item))
                if len(pending) >= self.max_in_flight:
                    yield ray.get(pending.popleft())
            while pending:
                yield ray.get(pending.popleft())
        finally:
            if started:
                ray.shutdown()


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise UsageError("the ray executor needs Ray: pip install 'triangulate[ray]'") from exc
    return ray


def get_executor(
    workers: int = 1, kind: str | None = None, *, address: str | None = None
) -> Executor:
    """An executor by name (``local``, ``process``, ``ray``).

    Without ``kind``: in-process when ``workers`` ≤ 1, else a local process pool of
    that size.  ``address`` only applies to ``ray``.
    """
    if kind is None:
        kind = "local" if workers <= 1 else "process"
    if kind == "local":
        return LocalExecutor()
    if kind == "process":
        return ProcessExecutor(workers)
    if kind == "ray":
        return RayExecutor(address, workers=workers if workers > 1 else None)
    raise UsageError(f"unknown executor {kind!r}; choose one of {', '.join(EXECUTORS)}")
