"""The Results store: writes from the app (start, turn, finish) and the queries the
classroom reads (sessions, live view, technique matrix, leaderboard, common mistakes).

Every write is one transaction of plain writes (inserts, upserts, deletes, counter
increments) with no read before it, so SQLite with BEGIN IMMEDIATE never fails one
with "database is locked" and PostgreSQL never needs a retry. Each write also bumps
the change counters (`version`) that a dashboard polls.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from simulator.core.results import queries
from simulator.core.results.database import Database
from simulator.core.results.records import (
    Identity,
    LeaderRow,
    LiveRow,
    Mistake,
    SessionDetail,
    SessionResult,
    SessionSummary,
    TechniqueCell,
    TurnRecord,
)
from simulator.core.results.schema import classes, sessions, trainees, turns, versions

ALL = "*"
"""Version scope counting every write."""


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _scope(class_code: str) -> str:
    return f"class:{class_code}"


class Results:
    """One results database (SQLite file or PostgreSQL server). Thread-safe; cheap calls."""

    def __init__(self, db: Database) -> None:
        self.db = db
        """The connection (engine) behind it."""

    @property
    def url(self) -> str:
        return self.db.url

    # ---- writing ---------------------------------------------------------------------
    def _insert(self, conn: Connection, table: Table) -> Any:
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        return dialect.insert(table)

    def _who(self, conn: Connection, who: Identity, at: str) -> None:
        stmt = self._insert(conn, trainees).values(
            id=who.trainee, display_name=who.display_name, created_at=at
        )
        if who.display_name:
            stmt = stmt.on_conflict_do_update(
                index_elements=["id"], set_={"display_name": who.display_name}
            )
        else:
            stmt = stmt.on_conflict_do_nothing(index_elements=["id"])
        conn.execute(stmt)
        if who.class_code:
            conn.execute(
                self._insert(conn, classes)
                .values(code=who.class_code, created_at=at)
                .on_conflict_do_nothing(index_elements=["code"])
            )

    def _bump(self, conn: Connection, class_code: str | None) -> None:
        scopes = [ALL] + ([_scope(class_code)] if class_code is not None else [])
        for scope in scopes:
            stmt = self._insert(conn, versions).values(scope=scope, value=1)
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["scope"], set_={"value": versions.c.value + 1}
                )
            )

    def start(
        self,
        session_id: str,
        who: Identity,
        scenario_id: str,
        title: str,
        lang: str,
        mode: str,
        started_at: str,
    ) -> None:
        """A session began (shows in `live` until finished). Starting it again is harmless."""
        _check_id(session_id, who)
        now = _now()
        with self.db.write() as conn:
            self._who(conn, who, now)
            conn.execute(
                self._insert(conn, sessions)
                .values(
                    id=session_id,
                    trainee=who.trainee,
                    class_code=who.class_code,
                    scenario_id=scenario_id,
                    title=title,
                    lang=lang,
                    mode=mode,
                    started_at=started_at or now,
                    updated_at=now,
                    techniques={},
                    missed=[],
                    pitfalls=[],
                )
                .on_conflict_do_nothing(index_elements=["id"])
            )
            self._bump(conn, who.class_code)

    def turn(self, session_id: str, rec: TurnRecord) -> None:
        """A graded reply of a started session; the same (session, index) again replaces it."""
        now = _now()
        with self.db.write() as conn:
            row = _turn_row(session_id, rec, now)
            stmt = self._insert(conn, turns).values(**row)
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["session_id", "idx"],
                    set_={k: v for k, v in row.items() if k not in ("session_id", "idx")},
                )
            )
            conn.execute(
                sessions.update()
                .where(sessions.c.id == session_id, sessions.c.finished_at.is_(None))
                .values(
                    beat=rec.beat,
                    turn_count=rec.index,
                    score_so_far=rec.score_so_far,
                    updated_at=now,
                )
            )
            # the class is not known without a read: bump it through the session's row
            self._bump_via_session(conn, session_id)

    def _bump_via_session(self, conn: Connection, session_id: str) -> None:
        self._bump(conn, None)
        scope = sessions.c.class_code
        source = select(("class:" + scope).label("scope"), _one()).where(
            sessions.c.id == session_id
        )
        stmt = self._insert(conn, versions).from_select(["scope", "value"], source)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["scope"], set_={"value": versions.c.value + 1}
            )
        )

    def finish(self, result: SessionResult) -> None:
        """Record a finished session: one row per id however often it is called (the last
        call wins)."""
        self._finish(result, overwrite=True)

    def add(self, result: SessionResult) -> bool:
        """Record a finished session unless one with its id is already finished there;
        True when it was new (what `results push` counts)."""
        return self._finish(result, overwrite=False)

    def _finish(self, result: SessionResult, *, overwrite: bool) -> bool:
        _check_id(result.id, result.identity)
        now = _now()
        row = _session_row(result, now)
        with self.db.write() as conn:
            self._who(conn, result.identity, now)
            stmt = self._insert(conn, sessions).values(**row)
            update = {k: getattr(stmt.excluded, k) for k in row if k != "id"}
            where = None if overwrite else sessions.c.finished_at.is_(None)
            done = conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["id"], set_=update, where=where
                ).returning(sessions.c.id)
            )
            if done.first() is None:  # already finished there: nothing written
                return False
            conn.execute(delete(turns).where(turns.c.session_id == result.id))
            if result.turns:
                conn.execute(
                    turns.insert(),
                    [_turn_row(result.id, t, row["finished_at"]) for t in result.turns],
                )
            self._bump(conn, result.identity.class_code)
        return True

    # ---- reading ---------------------------------------------------------------------
    def sessions(
        self, *, class_code: str | None = None, trainee: str | None = None
    ) -> list[SessionSummary]:
        """Finished sessions, newest first, optionally of one class and/or trainee."""
        with self.db.read() as conn:
            return queries.summaries(conn, class_code=class_code, trainee=trainee)

    def session(self, session_id: str) -> SessionDetail | None:
        """A finished session with its turns (None when unknown or not finished)."""
        with self.db.read() as conn:
            return queries.detail(conn, session_id)

    def results(
        self, *, class_code: str | None = None, trainee: str | None = None
    ) -> Iterator[SessionResult]:
        """Every finished session in full, oldest first (for push and exports)."""
        with self.db.read() as conn:
            ids = [s.id for s in queries.summaries(conn, class_code=class_code, trainee=trainee)]
        for session_id in reversed(ids):
            with self.db.read() as conn:
                result = queries.result(conn, session_id)
            if result is not None:
                yield result

    def live(self, class_code: str) -> list[LiveRow]:
        """Sessions of the class started and not finished, most recently active first."""
        with self.db.read() as conn:
            return queries.live(conn, class_code)

    def technique_matrix(self, class_code: str) -> dict[str, dict[str, TechniqueCell]]:
        """trainee -> technique id -> times shown and opportunities missed (finished sessions)."""
        with self.db.read() as conn:
            return queries.technique_matrix(conn, class_code)

    def leaderboard(self, class_code: str) -> list[LeaderRow]:
        """One row per trainee with a finished session: best score first."""
        with self.db.read() as conn:
            return queries.leaderboard(conn, class_code)

    def common_mistakes(self, class_code: str, limit: int = 10) -> list[Mistake]:
        """Missed techniques and pitfalls across the class, most frequent first."""
        with self.db.read() as conn:
            return queries.common_mistakes(conn, class_code, limit)

    def version(self, class_code: str | None = None) -> int:
        """A counter that changes whenever start, turn or finish writes (of that class)."""
        scope = ALL if class_code is None else _scope(class_code)
        with self.db.read() as conn:
            value = conn.execute(select(versions.c.value).where(versions.c.scope == scope))
            return int(value.scalar() or 0)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Results:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _one() -> Any:
    from sqlalchemy import literal

    return literal(1).label("value")


def _check_id(session_id: str, who: Identity) -> None:
    from simulator.core.results.database import ResultsError

    if not session_id or not session_id.strip():
        raise ResultsError("a session id is empty / 会话编号为空")
    if not who.trainee or not who.trainee.strip():
        raise ResultsError("the trainee id is empty / 学员编号为空")


def _turn_row(session_id: str, rec: TurnRecord, at: str) -> dict[str, Any]:
    return {
        "session_id": session_id,
        "idx": rec.index,
        "beat": rec.beat,
        "author": rec.author,
        "cue": rec.cue,
        "reply": rec.reply,
        "customer": rec.customer,
        "techniques": list(rec.techniques),
        "taken": list(rec.taken),
        "misplaced": list(rec.misplaced),
        "pitfalls": list(rec.pitfalls),
        "evidence": [dict(e) for e in rec.evidence],
        "meters": dict(rec.meters),
        "score_so_far": rec.score_so_far,
        "at": rec.at or at,
    }


def _session_row(result: SessionResult, now: str) -> dict[str, Any]:
    last = result.turns[-1] if result.turns else None
    return {
        "id": result.id,
        "trainee": result.identity.trainee,
        "class_code": result.identity.class_code,
        "scenario_id": result.scenario_id,
        "title": result.title,
        "lang": result.lang,
        "mode": result.mode,
        "started_at": result.started_at or result.finished_at or now,
        "updated_at": now,
        "finished_at": result.finished_at or now,
        "beat": last.beat if last else "",
        "turn_count": len(result.turns),
        "score_so_far": result.score,
        "score": result.score,
        "pass_score": result.pass_score,
        "passed": result.passed,
        "ending": result.ending,
        "ending_kind": result.ending_kind,
        "elapsed": result.elapsed,
        "techniques": dict(result.techniques),
        "missed": [asdict(m) for m in result.missed],
        "pitfalls": [asdict(p) for p in result.pitfalls],
    }


def trainees_of(rows: Sequence[SessionSummary]) -> list[str]:
    """Trainee ids in first-seen order."""
    return list(dict.fromkeys(r.trainee for r in rows))
