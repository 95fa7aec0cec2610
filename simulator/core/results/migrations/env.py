"""Alembic environment: run on the connection the results store hands over.

The store calls Alembic programmatically (see simulator.core.results.migrate), inside
its own write transaction, so this file never opens a connection of its own.
"""

from __future__ import annotations

from alembic import context

from simulator.core.results.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
