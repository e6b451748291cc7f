"""The app factory of ``triangulate serve``: a read-only web face over a store.

Every view is an HTML page with JSON and CSV twins (``/events``, ``/events.json``,
``/events.csv``).  There is no write endpoint: every route answers GET (and HEAD)
only, anything else is 405.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import StoreError, UsageError
from ..store import open_store
from .core import ServeError, error_body
from .views import dashboard, register_all

MAX_QUERY = 4096  # longest accepted query string (bytes)
DEFAULT_TIME_LIMIT = 10.0  # seconds a request may spend in the store

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

_CODES = {400: "T901", 404: "T904", 405: "T905", 413: "T913", 414: "T914", 422: "T901"}


def _package_dir(name: str) -> Path:
    return Path(str(resources.files("triangulate.serve") / name))


def create_app(
    db: str, *, allow_writes: bool = False, time_limit: float = DEFAULT_TIME_LIMIT
) -> FastAPI:
    """The web app over the store at ``db`` (opened read-only, once per request).

    ``allow_writes`` is accepted for the future; this version has no write
    endpoint either way.  ``time_limit`` bounds the seconds one request may
    spend in SQLite (503 after it).
    """
    try:
        open_store(db, readonly=True).close()  # fail now, not on the first request
    except StoreError as exc:
        raise UsageError(f"cannot serve {db}: {exc}") from exc
    app = FastAPI(
        title="triangulate", docs_url=None, redoc_url=None, openapi_url=None,
    )  # fmt: skip
    app.state.db = db
    app.state.allow_writes = allow_writes
    app.state.time_limit = time_limit
    app.state.templates = Environment(
        loader=FileSystemLoader(str(_package_dir("templates"))),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    app.mount("/static", StaticFiles(directory=str(_package_dir("static"))), name="static")
    register_all(app)
    dashboard.install(app)
    _install_guards(app)
    _install_errors(app)
    return app


def run(db: str, host: str = "127.0.0.1", port: int = 8000, allow_writes: bool = False) -> None:
    """Serve ``db`` with uvicorn (localhost only unless ``host`` says otherwise)."""
    import uvicorn

    uvicorn.run(create_app(db, allow_writes=allow_writes), host=host, port=port,
                log_level="info", server_header=False)  # fmt: skip


def _install_guards(app: FastAPI) -> None:
    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        query = request.scope.get("query_string", b"")
        if len(query) > MAX_QUERY:
            response = _error(
                request, ServeError(414, "T914", f"query string longer than {MAX_QUERY} bytes")
            )
        elif request.method in ("GET", "HEAD") and _has_body(request):
            response = _error(request, ServeError(400, "T913", "GET requests take no body"))
        else:
            response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response


def _has_body(request: Request) -> bool:
    length = request.headers.get("content-length")
    if length is not None and length.strip() not in ("", "0"):
        return True
    return "transfer-encoding" in request.headers


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ServeError)
    async def serve_error(request: Request, exc: ServeError) -> Response:
        return _error(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _CODES.get(exc.status_code, "T900")
        response = _error(request, ServeError(exc.status_code, code, str(exc.detail)))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, ServeError(400, "T901", "invalid request parameters"))


def _error(request: Request, err: ServeError) -> Response:
    """The JSON envelope for ``.json``/``.csv``/API callers, a small HTML page otherwise."""
    path = request.url.path
    wants_html = not (
        path.endswith((".json", ".csv")) or request.query_params.get("format") in ("json", "csv")
    ) and "text/html" in request.headers.get("accept", "text/html")
    if wants_html:
        env: Environment = request.app.state.templates
        html = env.get_template("error.html").render(error=err, request=request)
        return HTMLResponse(html, status_code=err.status)
    return JSONResponse(error_body(err), status_code=err.status)
