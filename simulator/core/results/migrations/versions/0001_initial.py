"""The first results schema: trainees, classes, sessions, turns, version counters.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trainees",
        sa.Column("id", sa.String(120), primary_key=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "classes",
        sa.Column("code", sa.String(120), primary_key=True),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(160), primary_key=True),
        sa.Column("trainee", sa.String(120), sa.ForeignKey("trainees.id"), nullable=False),
        sa.Column("class_code", sa.String(120), nullable=False),
        sa.Column("scenario_id", sa.String(160), nullable=False),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("finished_at", sa.String(40), nullable=True),
        sa.Column("beat", sa.String(160), nullable=False),
        sa.Column("turn_count", sa.Integer, nullable=False),
        sa.Column("score_so_far", sa.Integer, nullable=False),
        sa.Column("score", sa.Integer, nullable=True),
        sa.Column("pass_score", sa.Integer, nullable=False),
        sa.Column("passed", sa.Boolean, nullable=True),
        sa.Column("ending", sa.String(160), nullable=False),
        sa.Column("ending_kind", sa.String(32), nullable=False),
        sa.Column("elapsed", sa.Float, nullable=False),
        sa.Column("techniques", sa.JSON, nullable=False),
        sa.Column("missed", sa.JSON, nullable=False),
        sa.Column("pitfalls", sa.JSON, nullable=False),
    )
    op.create_index("ix_sessions_class_finished", "sessions", ["class_code", "finished_at"])
    op.create_index("ix_sessions_trainee", "sessions", ["trainee"])
    op.create_table(
        "turns",
        sa.Column("session_id", sa.String(160), sa.ForeignKey("sessions.id"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("beat", sa.String(160), nullable=False),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("cue", sa.Text, nullable=False),
        sa.Column("reply", sa.Text, nullable=False),
        sa.Column("customer", sa.Text, nullable=False),
        sa.Column("techniques", sa.JSON, nullable=False),
        sa.Column("taken", sa.JSON, nullable=False),
        sa.Column("misplaced", sa.JSON, nullable=False),
        sa.Column("pitfalls", sa.JSON, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("meters", sa.JSON, nullable=False),
        sa.Column("score_so_far", sa.Integer, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    op.create_table(
        "versions",
        sa.Column("scope", sa.String(130), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for name in ("versions", "turns", "sessions", "classes", "trainees"):
        op.drop_table(name)
