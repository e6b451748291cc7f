"""A throwaway PostgreSQL server for the tests: initdb in a temp dir, a free port on
127.0.0.1, the unix socket in the temp dir, stopped and removed at the end.

``$TRIANGULATE_TEST_PG`` (a ``postgresql://`` URL of a superuser) uses a running
server instead.  As root, initdb refuses to run: the server then runs as an
unprivileged user (``postgres`` if it exists, else ``nobody``) through ``runuser``
or ``setpriv``.  :func:`unavailable` says why no server can be had (then the tests
skip with that reason).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ENV_URL = "TRIANGULATE_TEST_PG"
_BINARIES = ("initdb", "pg_ctl", "postgres")


def find_binaries() -> dict[str, str] | None:
    """The paths of initdb, pg_ctl and postgres: on $PATH, else in Debian's or
    Red Hat's versioned folders (newest first)."""
    found = {name: shutil.which(name) for name in _BINARIES}
    if all(found.values()):
        return {k: v for k, v in found.items() if v}
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True) + sorted(
        glob.glob("/usr/pgsql-*/bin"), reverse=True
    )
    for folder in folders:
        paths = {name: os.path.join(folder, name) for name in _BINARIES}
        if all(os.access(p, os.X_OK) for p in paths.values()):
            return paths
    return None


def _as_user() -> tuple[list[str], str | None] | None:
    """The command prefix that runs the server's programs, and the user it runs them as
    (None: this user); None if running as root with no way to drop privileges."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        if shutil.which("runuser"):
            return ["runuser", "-u", name, "--"], name
        if shutil.which("setpriv"):
            entry = pwd.getpwnam(name)
            return ["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}",
                    "--clear-groups", "--"], name  # fmt: skip
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TempPostgres:
    """A PostgreSQL server of its own, for one test session."""

    def __init__(self) -> None:
        self.url = os.environ.get(ENV_URL, "")
        self.dir: Path | None = None
        self._prefix: list[str] = []
        self._bin: dict[str, str] = {}
        self._user: str | None = None

    def unavailable(self) -> str | None:
        """Why no server can be started here (None: one can)."""
        try:
            import psycopg  # noqa: F401
        except ImportError:
            return "psycopg is not installed (uv sync, or pip install 'triangulate[postgres]')"
        if self.url:
            return None
        binaries = find_binaries()
        if binaries is None:
            return "no PostgreSQL server binaries (initdb, pg_ctl, postgres) on this machine"
        user = _as_user()
        if user is None:
            return "running as root without runuser or setpriv to start PostgreSQL as another user"
        self._bin = binaries
        self._prefix, self._user = user
        return None

    def _run(self, *args: str, timeout: float = 120) -> None:
        done = subprocess.run([*self._prefix, *args], capture_output=True, text=True,
                              timeout=timeout, check=False)  # fmt: skip
        if done.returncode != 0:
            log = ""
            if self.dir is not None and (self.dir / "server.log").exists():
                log = (self.dir / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{args[0]} failed: {done.stdout}{done.stderr}{log}")

    def start(self) -> str:
        """Start the server (unless one is given) and return a superuser's URL."""
        if self.url:
            return self.url
        # Another user must reach the folder: /tmp, whatever $TMPDIR says, when dropping root.
        parent = "/tmp" if self._user is not None and os.path.isdir("/tmp") else None
        self.dir = Path(tempfile.mkdtemp(prefix="tri-pg-", dir=parent))
        if self._user is not None:
            entry = pwd.getpwnam(self._user)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        data, port = self.dir / "data", _free_port()
        for locale in ("C.UTF-8", "C"):  # a UTF-8 locale where there is one, as on servers
            try:
                self._run(self._bin["initdb"], "-D", str(data), "-U", "postgres", "-A", "trust",
                          "-E", "UTF8", f"--locale={locale}", "--no-sync")  # fmt: skip
                break
            except RuntimeError:
                if locale == "C":
                    raise
                self._run("rm", "-rf", str(data))
        options = (
            f"-p {port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        self._run(self._bin["pg_ctl"], "-D", str(data), "-l", str(self.dir / "server.log"),
                  "-w", "-t", "60", "-o", options, "start")  # fmt: skip
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        return self.url

    def stop(self) -> None:
        if self.dir is None:
            return
        try:
            self._run(self._bin["pg_ctl"], "-D", str(self.dir / "data"), "-m", "immediate",
                      "-w", "stop", timeout=60)  # fmt: skip
        except (RuntimeError, subprocess.TimeoutExpired):
            self._kill_postmaster()
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None

    def _kill_postmaster(self) -> None:
        """Stop the server this object started by its pid (SIGQUIT: immediate shutdown)."""
        assert self.dir is not None
        try:
            pid = int((self.dir / "data" / "postmaster.pid").read_text().split()[0])
            os.kill(pid, signal.SIGQUIT)
        except (OSError, ValueError, IndexError):
            pass

    # -- stores ----------------------------------------------------------------
    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(sql)

    def create_store(self) -> str:
        """The URL of a new, empty place for a store: a schema of its own, first on the
        ``search_path`` of the URL's connections (faster to make than a database)."""
        name = "t_" + uuid.uuid4().hex[:16]
        self._admin(f'CREATE SCHEMA "{name}"')
        parts = urlsplit(self.url)
        query = "&".join(q for q in (parts.query, f"options=-csearch_path%3D{name}") if q)
        return urlunsplit(parts._replace(query=query))

    def drop_store(self, url: str) -> None:
        name = url.rpartition("search_path%3D")[2]
        self._admin(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
