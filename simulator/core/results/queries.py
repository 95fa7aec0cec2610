"""The read side of the results store: each query a function of one read connection.

Class-level views (matrix, leaderboard, mistakes) load the finished sessions of one
class and fold them in Python: a class is tens of trainees and hundreds of sessions,
and the JSON columns (techniques, missed, pitfalls) read the same on SQLite and
PostgreSQL this way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import fields
from typing import Any

from sqlalchemy import Connection, Row, select

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
from simulator.core.results.schema import sessions, trainees, turns

EXAMPLES = 3
"""Examples kept per common mistake."""


def _base() -> Any:
    return select(sessions, trainees.c.display_name).join(
        trainees, trainees.c.id == sessions.c.trainee
    )


def _summary(row: Row[Any]) -> SessionSummary:
    m = row._mapping
    return SessionSummary(
        id=m["id"],
        trainee=m["trainee"],
        display_name=m["display_name"] or m["trainee"],
        class_code=m["class_code"],
        scenario_id=m["scenario_id"],
        title=m["title"],
        lang=m["lang"],
        mode=m["mode"],
        started_at=m["started_at"],
        finished_at=m["finished_at"] or "",
        score=int(m["score"] or 0),
        pass_score=int(m["pass_score"]),
        passed=bool(m["passed"]),
        ending=m["ending"],
        ending_kind=m["ending_kind"],
        turns=int(m["turn_count"]),
        elapsed=float(m["elapsed"]),
    )


def _finished(conn: Connection, class_code: str | None, trainee: str | None) -> list[Row[Any]]:
    query = _base().where(sessions.c.finished_at.is_not(None))
    if class_code is not None:
        query = query.where(sessions.c.class_code == class_code)
    if trainee is not None:
        query = query.where(sessions.c.trainee == trainee)
    query = query.order_by(sessions.c.finished_at.desc(), sessions.c.id.desc())
    return list(conn.execute(query))


def summaries(
    conn: Connection, *, class_code: str | None = None, trainee: str | None = None
) -> list[SessionSummary]:
    return [_summary(row) for row in _finished(conn, class_code, trainee)]


def _turn(row: Row[Any]) -> TurnRecord:
    m = row._mapping
    return TurnRecord(
        index=int(m["idx"]),
        beat=m["beat"],
        reply=m["reply"],
        author=m["author"],
        cue=m["cue"],
        customer=m["customer"],
        techniques=tuple(m["techniques"] or ()),
        taken=tuple(m["taken"] or ()),
        misplaced=tuple(m["misplaced"] or ()),
        pitfalls=tuple(m["pitfalls"] or ()),
        evidence=tuple(dict(e) for e in m["evidence"] or ()),
        meters={str(k): float(v) for k, v in (m["meters"] or {}).items()},
        score_so_far=int(m["score_so_far"]),
        at=m["at"],
    )


def _missed(raw: Any) -> tuple[MissedOpportunity, ...]:
    return tuple(MissedOpportunity(**_known(MissedOpportunity, m)) for m in raw or ())


def _pitfalls(raw: Any) -> tuple[PitfallRecord, ...]:
    return tuple(PitfallRecord(**_known(PitfallRecord, p)) for p in raw or ())


def _known(cls: type, raw: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in raw.items() if k in names}


def _turns(conn: Connection, session_id: str) -> tuple[TurnRecord, ...]:
    query = select(turns).where(turns.c.session_id == session_id).order_by(turns.c.idx)
    return tuple(_turn(row) for row in conn.execute(query))


def _row(conn: Connection, session_id: str) -> Row[Any] | None:
    query = _base().where(sessions.c.id == session_id, sessions.c.finished_at.is_not(None))
    return conn.execute(query).first()


def detail(conn: Connection, session_id: str) -> SessionDetail | None:
    row = _row(conn, session_id)
    if row is None:
        return None
    m = row._mapping
    return SessionDetail(
        _summary(row),
        _turns(conn, session_id),
        {str(k): int(v) for k, v in (m["techniques"] or {}).items()},
        _missed(m["missed"]),
        _pitfalls(m["pitfalls"]),
    )


def result(conn: Connection, session_id: str) -> SessionResult | None:
    found = detail(conn, session_id)
    if found is None:
        return None
    s = found.summary
    return SessionResult(
        id=s.id,
        identity=Identity(
            s.trainee, s.class_code, "" if s.display_name == s.trainee else s.display_name
        ),
        scenario_id=s.scenario_id,
        title=s.title,
        lang=s.lang,
        mode=s.mode,
        started_at=s.started_at,
        finished_at=s.finished_at,
        score=s.score,
        pass_score=s.pass_score,
        passed=s.passed,
        ending=s.ending,
        ending_kind=s.ending_kind,
        turns=found.turns,
        techniques=found.techniques,
        missed=found.missed,
        pitfalls=found.pitfalls,
        elapsed=s.elapsed,
    )


def live(conn: Connection, class_code: str) -> list[LiveRow]:
    query = (
        _base()
        .where(sessions.c.class_code == class_code, sessions.c.finished_at.is_(None))
        .order_by(sessions.c.updated_at.desc(), sessions.c.id.desc())
    )
    out = []
    for row in conn.execute(query):
        m = row._mapping
        out.append(
            LiveRow(
                session_id=m["id"],
                trainee=m["trainee"],
                display_name=m["display_name"] or m["trainee"],
                scenario_id=m["scenario_id"],
                title=m["title"],
                beat=m["beat"],
                turns=int(m["turn_count"]),
                score_so_far=int(m["score_so_far"]),
                updated_at=m["updated_at"],
            )
        )
    return out


def technique_matrix(conn: Connection, class_code: str) -> dict[str, dict[str, TechniqueCell]]:
    shown: dict[str, Counter[str]] = {}
    missed: dict[str, Counter[str]] = {}
    for row in reversed(_finished(conn, class_code, None)):
        m = row._mapping
        trainee = m["trainee"]
        shown.setdefault(trainee, Counter()).update(
            {str(k): int(v) for k, v in (m["techniques"] or {}).items()}
        )
        missed.setdefault(trainee, Counter()).update(o.technique for o in _missed(m["missed"]))
    return {
        trainee: {
            t: TechniqueCell(shown[trainee][t], missed[trainee][t])
            for t in sorted(set(shown[trainee]) | set(missed[trainee]))
        }
        for trainee in shown
    }


def leaderboard(conn: Connection, class_code: str) -> list[LeaderRow]:
    rows: dict[str, LeaderRow] = {}
    for s in reversed(summaries(conn, class_code=class_code)):  # oldest first
        seen = rows.get(s.trainee)
        if seen is None:
            rows[s.trainee] = LeaderRow(
                s.trainee, s.display_name, 1, s.score, s.score, int(s.passed)
            )
        else:
            rows[s.trainee] = LeaderRow(
                s.trainee,
                seen.display_name,
                seen.sessions + 1,
                seen.first_score,
                max(seen.best_score, s.score),
                seen.passed + int(s.passed),
            )
    return sorted(rows.values(), key=lambda r: (-r.best_score, -r.passed, r.trainee))


def common_mistakes(conn: Connection, class_code: str, limit: int = 10) -> list[Mistake]:
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[tuple[str, str, str, str, str]]] = {}
    for row in _finished(conn, class_code, None):  # newest first: the freshest examples
        m = row._mapping
        trainee, scenario = m["trainee"], m["scenario_id"]
        found: list[tuple[tuple[str, str], tuple[str, str, str, str, str]]] = []
        for o in _missed(m["missed"]):
            found.append(
                (("missed", o.technique), (trainee, o.reply, o.model_reply, scenario, o.beat))
            )
        for p in _pitfalls(m["pitfalls"]):
            words = p.reply or p.words
            found.append((("pitfall", p.id), (trainee, words, p.model_reply, scenario, p.beat)))
        for key, example in found:
            counts[key] += 1
            kept = examples.setdefault(key, [])
            if len(kept) < EXAMPLES and example not in kept:
                kept.append(example)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        Mistake(kind, label, count, tuple(examples[(kind, label)]))
        for (kind, label), count in ranked[: max(0, limit)]
    ]
