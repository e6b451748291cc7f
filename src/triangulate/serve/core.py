"""The machinery every view shares: pages, query parameters, store access, rendering.

A view is one *data function* ``fn(ctx) -> Page``; :func:`register` mounts it three
times (``/path``, ``/path.json``, ``/path.csv``) so the HTML page and its JSON and
CSV twins are always built from the same data.

Concurrency: every request opens its own read-only store (its own SQLite
connection, ``mode=ro``) and closes it when the response is built, so no
connection is shared between threads.  A per-request deadline is enforced with
SQLite's progress handler: a query still running when the deadline passes is
interrupted and the request answers 503 (``T903``).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment

from ..store import Store, open_store

HTML_LIMIT = 1000  # most rows an HTML page shows
DATA_LIMIT = 10_000  # most rows a JSON or CSV answer holds
DEFAULT_LIMIT = 100
MAX_PARAM = 1000  # longest accepted single query value (characters)
CSV_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


class ServeError(Exception):
    """An error answered with the JSON error envelope (or its HTML page)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def not_found(what: str) -> ServeError:
    return ServeError(404, "T904", f"not found: {what}")


@dataclass
class Page:
    """What a data function returns: rows for CSV (and the HTML table), the JSON
    payload (``data``, by default the rows) and the filters that produced it."""

    title: str
    rows: list[dict[str, Any]]
    filters: dict[str, Any] = field(default_factory=dict)
    data: Any = None
    template: str = "table.html"
    context: dict[str, Any] = field(default_factory=dict)

    def payload(self) -> Any:
        return self.rows if self.data is None else self.data


@dataclass
class Ctx:
    """One request as a data function sees it."""

    store: Store
    request: Request
    fmt: str  # html | json | csv

    @property
    def path(self) -> dict[str, str]:
        return dict(self.request.path_params)

    def text(self, name: str) -> str | None:
        value = self.request.query_params.get(name)
        if value is None or value.strip() == "":
            return None
        if len(value) > MAX_PARAM:
            raise ServeError(400, "T901", f"parameter {name!r} is too long (> {MAX_PARAM})")
        return value.strip()

    def number(self, name: str, default: int, *, low: int = 0, high: int | None = None) -> int:
        raw = self.text(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise ServeError(400, "T901", f"parameter {name!r} must be an integer") from None
        if value < low:
            raise ServeError(400, "T901", f"parameter {name!r} must be >= {low}")
        return min(value, high) if high is not None else value

    def flag(self, name: str) -> bool:
        return (self.text(name) or "").lower() in ("1", "true", "yes", "on")

    def limit(self, default: int = DEFAULT_LIMIT) -> int:
        """``?limit=``, capped at 1000 for HTML and 10,000 for JSON and CSV."""
        cap = HTML_LIMIT if self.fmt == "html" else DATA_LIMIT
        return self.number("limit", min(default, cap), low=0, high=cap)

    def offset(self) -> int:
        return self.number("offset", 0, low=0, high=10_000_000)


DataFn = Callable[[Ctx], Page]


@contextmanager
def opened(db: str, time_limit: float) -> Iterator[Store]:
    """A read-only store for one request, interrupted after ``time_limit`` seconds."""
    store = open_store(db, readonly=True)
    store.set_deadline(time_limit)
    try:
        yield store
    except Exception as exc:
        kind = _store_failure(exc)
        if kind == "deadline":
            raise ServeError(
                503, "T903", f"request took longer than the time limit ({time_limit:g} s)"
            ) from exc
        if kind == "store":
            raise ServeError(500, "T301", f"store error: {exc}") from exc
        raise
    finally:
        store.close()


def _store_failure(exc: BaseException) -> str | None:
    """``deadline`` when a backend interrupted a query at the request's time limit
    (SQLite's progress handler, PostgreSQL's ``statement_timeout``), ``store`` for
    another operational error of the backend, else None."""
    if isinstance(exc, sqlite3.OperationalError):
        return "deadline" if "interrupted" in str(exc) else "store"
    psycopg = sys.modules.get("psycopg")  # loaded only when a PostgreSQL store is used
    if psycopg is not None:
        if isinstance(exc, psycopg.errors.QueryCanceled):
            return "deadline"
        if isinstance(exc, psycopg.OperationalError):
            return "store"
    return None


# -- rendering ---------------------------------------------------------------
def json_response(page: Page, status: int = 200) -> Response:
    body = {"ok": True, "data": page.payload(), "count": len(page.rows), "filters": page.filters}
    try:  # the common case in one pass; only a body with an infinity needs the walk
        text = json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (ValueError, TypeError):
        return JSONResponse(_jsonable(body), status_code=status)
    return Response(text.encode("utf-8"), status_code=status, media_type="application/json")


def error_body(err: ServeError) -> dict[str, Any]:
    return {"ok": False, "error": {"code": err.code, "message": err.message}, "status": err.status}


def csv_safe(value: Any) -> Any:
    """A cell value that a spreadsheet will not run as a formula."""
    if value is None:
        return ""
    if isinstance(value, list | dict | tuple):
        value = json.dumps(_jsonable(value), ensure_ascii=False)
    if isinstance(value, str) and value.startswith(CSV_DANGEROUS):
        return "'" + value
    return value


def csv_response(page: Page) -> Response:
    columns = columns_of(page.rows)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([csv_safe(c) for c in columns])
    for row in page.rows:
        writer.writerow([csv_safe(row.get(c)) for c in columns])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8")


def html_response(env: Environment, request: Request, page: Page, fmt_path: str) -> HTMLResponse:
    query = urlencode(list(request.query_params.multi_items()))
    suffix = f"?{query}" if query else ""
    base = "/index" if fmt_path == "/" else fmt_path
    html = env.get_template(page.template).render(
        page=page,
        columns=page.context.get("columns") or columns_of(page.rows),
        json_url=f"{base}.json{suffix}",
        csv_url=f"{base}.csv{suffix}",
        request=request,
        pages=_pager(request, page, fmt_path),
        **{k: v for k, v in page.context.items() if k != "columns"},
    )
    return HTMLResponse(html)


def _pager(request: Request, page: Page, path: str) -> dict[str, str]:
    """Links to the previous and next pages of a paged list: by keyset (``after``) where
    the list names ``next_after`` and no offset was asked for, else by ``offset``."""
    limit, offset = page.filters.get("limit"), page.filters.get("offset")
    if "next_after" in page.filters and not offset:  # keyset: fast at any depth
        following = page.filters["next_after"]
        if following is None:
            return {}
        params = {k: v for k, v in request.query_params.items() if k != "after"}
        return {"next": f"{path}?{urlencode({**params, 'after': following})}"}
    if not isinstance(limit, int) or not isinstance(offset, int) or limit <= 0:
        return {}
    params = {k: v for k, v in request.query_params.items() if k != "offset"}
    links = {}
    if page.filters.get("after") is not None:  # keyset paging: onwards only
        if page.filters.get("next_after") is not None:
            links["next"] = f"{path}?{urlencode({**params, 'after': page.filters['next_after']})}"
        return links
    if offset > 0:
        links["previous"] = f"{path}?{urlencode({**params, 'offset': max(offset - limit, 0)})}"
    if len(page.rows) >= limit:
        links["next"] = f"{path}?{urlencode({**params, 'offset': offset + limit})}"
    return links


def columns_of(rows: list[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return None
    return value


# -- mounting ------------------------------------------------------------------
def register(app: FastAPI, path: str, fn: DataFn, name: str) -> None:
    """Mount ``fn`` at ``path`` (HTML) and its ``.json`` and ``.csv`` twins (GET only)."""
    base = "/index" if path == "/" else path
    for fmt in ("json", "csv"):
        app.add_api_route(
            f"{base}.{fmt}", _endpoint(fn, fmt, path), methods=["GET", "HEAD"],
            name=f"{name}.{fmt}", include_in_schema=False,
        )  # fmt: skip
    app.add_api_route(path, _endpoint(fn, None, path), methods=["GET", "HEAD"], name=name,
                      include_in_schema=False)  # fmt: skip


def _endpoint(fn: DataFn, fixed: str | None, path: str) -> Callable[[Request], Response]:
    def endpoint(request: Request) -> Response:
        fmt = fixed or request.query_params.get("format") or "html"
        if fmt not in ("html", "json", "csv"):
            raise ServeError(400, "T901", "format must be html, json or csv")
        state = request.app.state
        with opened(state.db, state.time_limit) as store:
            page = fn(Ctx(store, request, fmt))
        if fmt == "json":
            return json_response(page)
        if fmt == "csv":
            return csv_response(page)
        return html_response(state.templates, request, page, _fill(path, request))

    return endpoint


def _fill(path: str, request: Request) -> str:
    """The request's path without a format suffix (for the twin links)."""
    url = request.url.path
    for ext in (".json", ".csv"):
        if url.endswith(ext):
            return url[: -len(ext)]
    return url or path
