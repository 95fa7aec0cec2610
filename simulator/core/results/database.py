"""Opening a results database: URLs, SQLite's locking rules, PostgreSQL, migrations.

SQLite is safe with many writers only when every write takes the lock up front: WAL
(readers never block the writer), a busy timeout (a writer waits instead of failing),
and BEGIN IMMEDIATE for every write transaction (a deferred transaction that reads and
then writes can fail with "database is locked" whatever the timeout). WAL needs shared
memory, which network shares (NFS, SMB/CIFS) do not give reliably, so a database on one
falls back to the DELETE journal. PostgreSQL is reached with psycopg 3.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from simulator.core.results.config import ENV_URL, ResultsError, default_url

__all__ = ["ENV_URL", "Database", "ResultsError", "default_url", "normalise_url"]

BUSY_TIMEOUT_MS = 30_000
"""How long a SQLite writer waits for the lock before giving up."""
CONNECT_TIMEOUT_S = 5
"""How long to wait for a PostgreSQL server to answer."""
NETWORK_FS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "9p", "afs", "ceph", "glusterfs"}
)
"""File systems where SQLite's WAL is unsafe."""
_READ = "results_read"
"""Execution option marking a read-only transaction (plain BEGIN, not IMMEDIATE)."""


def normalise_url(url: str) -> str:
    """'postgresql://' and 'postgres://' become 'postgresql+psycopg://'; a bare path
    becomes a sqlite URL. Raises ResultsError for anything else."""
    url = url.strip()
    if not url:
        raise ResultsError("the results database URL is empty / 结果数据库地址为空")
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix) :]
    if "://" not in url:
        url = "sqlite:///" + str(Path(url).expanduser().absolute())
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ResultsError(f"not a database URL: {url} / 不是数据库地址:{url}") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ResultsError(
            f"unsupported database {parsed.get_backend_name()!r}: use sqlite:///PATH or "
            "postgresql://USER@HOST/DB / 不支持的数据库:请用 sqlite:///路径 或 postgresql://用户@主机/库"
        )
    if parsed.get_backend_name() == "postgresql" and parsed.drivername != "postgresql+psycopg":
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return url


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _mount_fstype(path: Path, mounts: str) -> str:
    """The file system type of the longest mount point containing path."""
    best, fstype = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = str(path) == point or str(path).startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, fstype = point, parts[2]
    return fstype


def on_network_share(path: Path, mounts: str | None = None) -> bool:
    """Whether path is (or would be) on a network share: a UNC path or an NFS/SMB mount."""
    raw = str(path)
    if raw.startswith(("//", "\\\\")):
        return True
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    fstype = _mount_fstype(path.absolute(), mounts)
    return fstype in NETWORK_FS or fstype.startswith("fuse.sshfs")


def _sqlite_engine(url: str) -> tuple[Engine, str]:
    parsed = make_url(url)
    database = parsed.database or ""
    if database and database != ":memory:":
        path = Path(database).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ResultsError(
                f"cannot create {path.parent}: {error.strerror or error} / 无法创建文件夹 {path.parent}"
            ) from None
        journal = "DELETE" if on_network_share(path) else "WAL"
    else:
        journal = "MEMORY"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's begin event issues BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA journal_mode = {journal}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(
            "PRAGMA synchronous = NORMAL" if journal == "WAL" else "PRAGMA synchronous = FULL"
        )
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        read = conn.get_execution_options().get(_READ)
        conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

    return engine, journal


def make_engine(url: str) -> tuple[Engine, str]:
    """An engine for a normalised URL, SQLite set up for many writers, and the SQLite
    journal mode: 'WAL', 'DELETE' (a network share) or 'MEMORY' ('' for PostgreSQL)."""
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    engine = create_engine(
        url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
    )
    return engine, ""


class Database:
    """An engine plus the two ways to use it: a write transaction or a read."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        """The normalised URL."""
        self.engine, self.journal = make_engine(self.url)
        """The SQLAlchemy engine; the SQLite journal mode ('' for PostgreSQL)."""

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite); commits at the end."""
        with self._errors(), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read transaction (never takes the write lock)."""
        with self._errors(), self.engine.connect() as conn:
            conn = conn.execution_options(**{_READ: True})
            with conn.begin():
                yield conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as error:
            raise ResultsError(describe(error, self.url)) from error

    def close(self) -> None:
        self.engine.dispose()


def describe(error: BaseException, url: str) -> str:
    """One readable line, in English and Chinese, for a database error."""
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()
    first = detail[0] if detail else type(error).__name__
    where = safe_url(url)
    if (
        "could not connect" in first.lower()
        or "connection refused" in first.lower()
        or ("connection" in first.lower() and "failed" in first.lower())
    ):
        return f"cannot reach {where}: {first} / 无法连接结果数据库 {where}"
    if "unable to open" in first.lower():
        return f"cannot open {where}: {first} / 无法打开结果数据库 {where}"
    if "locked" in first.lower():
        return f"{where} is busy: {first} / 结果数据库 {where} 正忙,请稍后再试"
    return f"{where}: {first} / 结果数据库出错:{first}"
