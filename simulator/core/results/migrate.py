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
from sqlalchemy import text

from simulator.core.results.database import Database

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
    """Create or migrate the schema to head; cheap when already there."""
    target = head()
    if current(db) == target:
        return
    config = _config()
    with db.write() as conn:
        if db.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
