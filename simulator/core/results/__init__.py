"""Where finished and live sessions are kept for a class: SQLite or PostgreSQL, one API.

    results = open_results()                      # $SIMULATOR_RESULTS_DB or results.db
    results = open_results("postgresql://trainer@db.bank/training")
    results.start(...); results.turn(...); results.finish(result)
    results.sessions(class_code="2026-A"); results.leaderboard("2026-A")

UI-free. The schema is created or migrated (Alembic, shipped in the package) on open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from simulator.core.results.config import ENV_URL, ResultsError, default_url
from simulator.core.results.records import (
    Identity,
    LeaderRow,
    LiveRow,
    MissedOpportunity,
    Mistake,
    PitfallRecord,
    SessionDetail,
    SessionResult,
    SessionSummary,
    TechniqueCell,
    TurnRecord,
)

if TYPE_CHECKING:
    from simulator.core.results.convert import result_from_report, turn_record
    from simulator.core.results.store import Results

__all__ = [
    "ENV_URL",
    "Identity",
    "LeaderRow",
    "LiveRow",
    "MissedOpportunity",
    "Mistake",
    "PitfallRecord",
    "Results",
    "ResultsError",
    "SessionDetail",
    "SessionResult",
    "SessionSummary",
    "TechniqueCell",
    "TurnRecord",
    "open_results",
    "result_from_report",
    "turn_record",
]


def open_results(url: str | None = None) -> Results:
    """Open (creating and migrating as needed) a results database.

    url None -> $SIMULATOR_RESULTS_DB, else sqlite:///<data folder>/results.db.
    Accepts 'sqlite:///path', 'postgresql+psycopg://...', 'postgresql://...' or a path.
    Raises ResultsError (English and Chinese) when it cannot be reached or migrated.
    """
    from simulator.core.results.database import Database
    from simulator.core.results.files import data_dir
    from simulator.core.results.migrate import upgrade
    from simulator.core.results.store import Results

    db = Database(url if url else default_url(data_dir()))
    try:
        upgrade(db)
    except BaseException:
        db.close()
        raise
    return Results(db)


def __getattr__(name: str) -> Any:
    """Imported on first use: `Results` (SQLAlchemy loads only when a store is used) and the
    converters from a session's report (the engine and the grader load only with them)."""
    if name == "Results":
        from simulator.core.results.store import Results

        return Results
    if name in ("result_from_report", "turn_record"):
        from simulator.core.results import convert

        return getattr(convert, name)
    raise AttributeError(name)
