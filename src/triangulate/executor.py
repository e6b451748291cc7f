"""Executors run one function over many items: in-process by default, local processes on request.

The interface is one method, ``map``, which yields results in input order.  A
Ray executor (for clusters) can implement the same method.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


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


def get_executor(workers: int = 1) -> Executor:
    """``workers`` ≤ 1: in-process; otherwise a local process pool of that size."""
    return LocalExecutor() if workers <= 1 else ProcessExecutor(workers)
