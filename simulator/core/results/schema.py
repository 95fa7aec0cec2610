"""The results schema, in SQLAlchemy Core: trainees, classes, sessions, turns, versions.

The Alembic migrations in `migrations/versions/` create exactly these tables; a test
compares the two so they cannot drift. Lists and maps (techniques, evidence, meters)
are JSON columns: the store reads them whole, never queries inside them.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

trainees = Table(
    "trainees",
    metadata,
    Column("id", String(120), primary_key=True),
    Column("display_name", String(200), nullable=False, default=""),
    Column("created_at", String(40), nullable=False),
)

classes = Table(
    "classes",
    metadata,
    Column("code", String(120), primary_key=True),
    Column("created_at", String(40), nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(160), primary_key=True),
    Column("trainee", String(120), ForeignKey("trainees.id"), nullable=False),
    Column("class_code", String(120), nullable=False, default=""),
    Column("scenario_id", String(160), nullable=False),
    Column("title", String(400), nullable=False, default=""),
    Column("lang", String(8), nullable=False, default=""),
    Column("mode", String(16), nullable=False, default=""),
    Column("started_at", String(40), nullable=False, default=""),
    Column("updated_at", String(40), nullable=False, default=""),
    Column("finished_at", String(40), nullable=True),
    Column("beat", String(160), nullable=False, default=""),
    Column("turn_count", Integer, nullable=False, default=0),
    Column("score_so_far", Integer, nullable=False, default=0),
    Column("score", Integer, nullable=True),
    Column("pass_score", Integer, nullable=False, default=0),
    Column("passed", Boolean, nullable=True),
    Column("ending", String(160), nullable=False, default=""),
    Column("ending_kind", String(32), nullable=False, default=""),
    Column("elapsed", Float, nullable=False, default=0.0),
    Column("techniques", JSON, nullable=False, default=dict),
    Column("missed", JSON, nullable=False, default=list),
    Column("pitfalls", JSON, nullable=False, default=list),
    Index("ix_sessions_class_finished", "class_code", "finished_at"),
    Index("ix_sessions_trainee", "trainee"),
)

turns = Table(
    "turns",
    metadata,
    Column("session_id", String(160), ForeignKey("sessions.id"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("beat", String(160), nullable=False, default=""),
    Column("author", String(120), nullable=False, default=""),
    Column("cue", Text, nullable=False, default=""),
    Column("reply", Text, nullable=False, default=""),
    Column("customer", Text, nullable=False, default=""),
    Column("techniques", JSON, nullable=False, default=list),
    Column("taken", JSON, nullable=False, default=list),
    Column("misplaced", JSON, nullable=False, default=list),
    Column("pitfalls", JSON, nullable=False, default=list),
    Column("evidence", JSON, nullable=False, default=list),
    Column("meters", JSON, nullable=False, default=dict),
    Column("score_so_far", Integer, nullable=False, default=0),
    Column("at", String(40), nullable=False, default=""),
)

versions = Table(
    "versions",
    metadata,
    Column("scope", String(130), primary_key=True),
    Column("value", Integer, nullable=False, default=0),
)
"""Change counters: scope '*' for everything, 'class:<code>' per class."""
