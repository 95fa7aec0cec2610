"""The throwaway PostgreSQL cluster under .pg/, shared by every pytest process of a checkout.

With pytest-xdist each worker is a test session of its own, and all of them would run
scripts/postgres.sh at once: two initdb on one folder, a stop while another worker still
works. So every start and stop goes through one file lock in .pg/: the first process in
starts the server, the others find it running, and the last one out stops it. Each
process that uses the server leaves a file named after its pid in .pg/users/; a file whose
process is gone (a worker killed mid-run) no longer counts, so it cannot keep the server
up for ever.

Each process also works in a database of its own, named after its xdist worker and pid,
dropped when it is done: no test sees another worker's rows, tables or schemas.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "postgres.sh"
PG = ROOT / ".pg"
USERS = PG / "users"
LOCK = PG / "tests.lock"
PREFIX = "simulator_test_"
"""Databases made here are PREFIX + worker + "_" + pid."""


class ClusterError(Exception):
    """scripts/postgres.sh could not start the server."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process, but a live one
        return True
    return True


def _script(command: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), command], capture_output=True, text=True, timeout=timeout
    )


def _live_users() -> list[int]:
    """The pids in .pg/users/ still running; the files of the others are removed."""
    alive = []
    for entry in USERS.iterdir():
        if entry.name.isdigit() and _alive(int(entry.name)):
            alive.append(int(entry.name))
        else:
            entry.unlink(missing_ok=True)
    return alive


def admin(url: str, sql: str) -> list[tuple[object, ...]]:
    """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else []


def join() -> str:
    """Start the server unless it is running, count this process as one of its users,
    and return its URL."""
    PG.mkdir(exist_ok=True)
    with FileLock(LOCK):
        done = _script("start", 900)
        if done.returncode != 0 or not done.stdout.strip():
            raise ClusterError(f"scripts/postgres.sh start failed:\n{done.stdout}\n{done.stderr}")
        USERS.mkdir(exist_ok=True)
        (USERS / str(os.getpid())).touch()
        url = done.stdout.strip().splitlines()[-1]
        _drop_orphans(url)
        return url


def leave() -> None:
    """This process is done with the server; stop it if nobody else is using it."""
    with FileLock(LOCK):
        (USERS / str(os.getpid())).unlink(missing_ok=True)
        if not _live_users():
            _script("stop", 120)


def _drop_orphans(url: str) -> None:
    """Databases left by processes that were killed before they could drop their own."""
    rows = admin(url, f"SELECT datname FROM pg_database WHERE datname LIKE '{PREFIX}%'")
    for (name,) in rows:
        pid = str(name).rsplit("_", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def own_database(server: str, *, optional: bool = False) -> Iterator[str]:
    """A database for this process alone on the server, dropped afterwards.

    With optional (a server someone else gave us), a role that may not create databases
    gets the server's own database instead: each test still has a schema of its own.
    """
    import psycopg

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"{PREFIX}{worker}_{os.getpid()}"
    try:
        admin(server, f'DROP DATABASE IF EXISTS "{name}"')
        admin(server, f'CREATE DATABASE "{name}"')
    except psycopg.errors.InsufficientPrivilege:
        if not optional:
            raise
        yield server
        return
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
