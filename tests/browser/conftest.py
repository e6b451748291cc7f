"""A real ``triangulate serve`` (uvicorn in a thread, 127.0.0.1, free port) over a demo
store, and a headless Chromium page; skipped without Chromium or Playwright."""

from __future__ import annotations

import importlib.util
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ..conftest import SEEDS, build_store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n"
    "Russland und Nordkorea unterzeichneten am 19. Juni 2024 in Pjöngjang ein Abkommen. "
    "Nordkorea lieferte <script>alert(2)</script> Granaten an Russland.\n"
)


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright module is missing (uv pip install playwright)"
    return None


@pytest.fixture(scope="session")
def browser_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile"
    hostile.mkdir()
    (hostile / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    return build_store(folder / "demo.db", SEEDS, hostile)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(browser_db: str) -> Iterator[str]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    import uvicorn

    from triangulate.serve import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(browser_db), host="127.0.0.1", port=port,
                            log_level="warning", server_header=False)  # fmt: skip
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Tab:
    """A browser page with what it did wrong: requests off this machine, console errors."""

    page: Any
    base: str
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture()
def tab(browser: Any, server: str) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    # Offline by construction: any request off 127.0.0.1 is refused and recorded.
    t = Tab(page=None, base=server)

    def route(r: Any) -> None:
        if r.request.url.startswith(server):
            r.continue_()
        else:
            t.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    # Record CSP violations (an init script is not subject to the page's CSP).
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    t.page = p = context.new_page()
    p.on("console", lambda m: t.errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: t.errors.append(str(e)))

    def on_dialog(d: Any) -> None:
        t.dialogs.append(d.message)
        d.dismiss()

    p.on("dialog", on_dialog)
    try:
        yield t
    finally:
        context.close()
