"""Coded errors and problems.

Every problem the system reports carries a code that reads the same in CLI
output, API responses and logs.  Two shapes exist:

* :class:`TriangulateError` and its subclasses are *raised* when an operation
  cannot go on (a usage error, a store that cannot be opened).
* :class:`Problem` is a *value*: one bad input in a batch.  A batch collects
  problems, reports every one of them, and finishes the rest.

Exception tree::

    TriangulateError
     ├── UsageError          (CLI exit code 2)
     ├── InputError          one input could not be read (carries a Problem)
     ├── StoreError
     └── EvaluationError     malformed gold or prediction records
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Codes: T1xx ingestion, T2xx language, T3xx store, T4xx evaluation, T5xx actor data,
# T9xx usage.
MESSAGES: dict[str, str] = {
    "T101": "binary file (not text)",
    "T102": "empty input (no text)",
    "T103": "input too large",
    "T104": "malformed JSON line",
    "T105": "malformed or empty HTML (no main text found)",
    "T106": "unsupported language (stored, not processed)",
    "T107": "broken feed item",
    "T108": "cannot read input",
    "T109": "text decoded with a fallback encoding",
    "T110": "malformed feed",
    "T111": "malformed header block",
    "T112": "malformed metadata sidecar line",
    "T113": "document id already stored with different text (not replaced)",
    "T114": "unknown input format",
    "T201": "language layer failed on document",
    "T301": "store error",
    "T302": "store driver missing",
    "T303": "cannot connect to the store server",
    "T401": "malformed record",
    "T402": "evaluation floor not met",
    "T501": "malformed actor data file",
    "T901": "usage error",
}


class Severity(StrEnum):
    """How bad a problem is: errors make a batch exit 1, notices do not."""

    NOTICE = "notice"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    """One bad input, reported and skipped: where, what code, and why."""

    source: str
    code: str
    detail: str = ""
    severity: Severity = Severity.ERROR
    line: int | None = None

    @property
    def message(self) -> str:
        base = MESSAGES.get(self.code, "problem")
        return f"{base}: {self.detail}" if self.detail else base

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    def __str__(self) -> str:
        return f"{self.where}: {self.code} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "line": self.line,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


class TriangulateError(Exception):
    """Base of every error triangulate raises."""

    code = "T000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.code} {self.args[0]}"


class UsageError(TriangulateError):
    code = "T901"


class InputError(TriangulateError):
    """One input could not be read; carries the :class:`Problem` to report."""

    code = "T108"

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem), code=problem.code)
        self.problem = problem

    def __str__(self) -> str:
        return str(self.problem)


class StoreError(TriangulateError):
    code = "T301"


class EvaluationError(TriangulateError):
    code = "T401"
