"""``/dashboard``: the interactive page (network, dyad chart, events, claims).

The page itself is a static shell: ``static/dashboard.js`` fetches every datum from
the JSON endpoints.  It is the only page whose Content-Security-Policy allows
scripts, and then only same-origin files (``script-src 'self'``, no inline script,
no eval: Vega runs with its CSP-safe expression interpreter).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment

DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)

#: Vendored libraries in load order (``static/vendor/``, see its README).
VENDOR_SCRIPTS = (
    "cytoscape.min.js",
    "vega.min.js",
    "vega-lite.min.js",
    "vega-embed.min.js",
    "vega-interpreter.js",
)

FILTERS = ("status", "cameo", "since", "until")


def dashboard(request: Request) -> HTMLResponse:
    env: Environment = request.app.state.templates
    html = env.get_template("dashboard.html").render(
        request=request,
        scripts=[f"/static/vendor/{name}" for name in VENDOR_SCRIPTS] + ["/static/dashboard.js"],
        filters={name: request.query_params.get(name, "")[:100] for name in FILTERS},
    )
    return HTMLResponse(html, headers={"Content-Security-Policy": DASHBOARD_CSP})


def install(app: FastAPI) -> None:
    """Mount ``/dashboard`` (GET and HEAD)."""
    app.add_api_route("/dashboard", dashboard, methods=["GET", "HEAD"], name="dashboard",
                      include_in_schema=False)  # fmt: skip
