"""Bring a results database to the current schema with Alembic, from inside the package.

Users never run the `alembic` command: `open_results` calls `upgrade` on every open. It
runs in one write transaction (BEGIN IMMEDIATE on SQLite, an advisory lock on
PostgreSQL), so twenty processes opening a new database at once migrate it once.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import text

from simulator.core.results.database import Database, ResultsError, safe_url

MIGRATIONS = Path(__file__).with_name("migrations")
"""Where the migration scripts ship."""
_LOCK_KEY = 71_530_001
"""PostgreSQL advisory lock id taken while migrating."""


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str:
    """The newest revision shipped."""
    return str(ScriptDirectory.from_config(_config()).get_current_head())


def current(db: Database) -> str | None:
    """The revision the database is at (None when it has no schema yet)."""
    with db.read() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database) -> None:
    """Create or migrate the schema to head; cheap when already there.

    Raises ResultsError when the database was migrated by a newer simulator (its revision
    is unknown here): it is left as it is.
    """
    target = head()
    found = current(db)
    if found == target:
        return
    scripts = ScriptDirectory.from_config(_config())
    if found is not None and found not in {s.revision for s in scripts.walk_revisions()}:
        raise ResultsError(
            f"{safe_url(db.url)} has schema {found}, newer than this simulator knows "
            f"({target}); update simulator / 结果数据库由更新版本的程序创建,请先升级本程序"
        )
    config = _config()
    try:
        with db.write() as conn:
            if db.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except CommandError as error:
        raise ResultsError(
            f"cannot migrate {safe_url(db.url)}: {error} / 无法升级结果数据库的结构"
        ) from None
