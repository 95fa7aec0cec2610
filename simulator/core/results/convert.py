"""From the app's objects to results records: one engine Turn, one finished Report.

`result_from_report` is the only way a SessionResult is built from a finished session,
whether the app just finished it or `results import-history` reads it back from the
JSON history, so both give the same rows.
"""

from __future__ import annotations

from typing import Any

from simulator.core.results.records import (
    Identity,
    MissedOpportunity,
    PitfallRecord,
    SessionResult,
    TurnRecord,
)
from simulator.core.scenario import scoring
from simulator.core.session.feedback import Report
from simulator.core.session.turns import Turn


def turn_record(turn: Turn, author: str, score_so_far: int, at: str) -> TurnRecord:
    """The record of one graded reply as the engine returned it."""
    return TurnRecord(
        index=turn.index,
        beat=turn.beat,
        reply=turn.reply,
        author=turn.author or author,
        cue=turn.cue,
        customer=turn.customer,
        techniques=tuple(turn.credited),
        taken=tuple(turn.taken),
        misplaced=tuple(turn.misplaced),
        pitfalls=tuple(turn.pitfalls),
        evidence=tuple(_plain(e.to_dict()) for e in turn.evidence),
        meters={k: float(v) for k, v in turn.meters.items()},
        score_so_far=score_so_far,
        at=at,
    )


def _plain(value: Any) -> Any:
    """JSON-able copy: tuples as lists, keys as text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _turns(report: Report, author: str, at: str) -> tuple[TurnRecord, ...]:
    out: list[TurnRecord] = []
    customer = {e.turn: e.text for e in report.transcript if not e.trainee}
    for entry in report.transcript:
        if not entry.trainee:
            continue
        index = entry.turn
        meters = report.trajectory[index] if index < len(report.trajectory) else {}
        out.append(
            TurnRecord(
                index=index,
                beat=entry.beat,
                reply=entry.text,
                author=entry.author or author,
                cue=customer.get(index - 1, ""),
                customer=customer.get(index, ""),
                techniques=entry.credited,
                taken=entry.taken,
                misplaced=entry.misplaced,
                pitfalls=entry.pitfalls,
                evidence=tuple(_plain(e.to_dict()) for e in entry.evidence),
                meters={str(k): float(v) for k, v in meters.items()},
                score_so_far=0,
                at=at,
            )
        )
    if out:
        out[-1] = TurnRecord(**{**out[-1].__dict__, "score_so_far": report.score})
    return tuple(out)


def result_from_report(
    report: Report,
    *,
    session_id: str,
    who: Identity,
    mode: str,
    started_at: str,
    finished_at: str,
    elapsed: float = 0.0,
    title: str | None = None,
) -> SessionResult:
    """The SessionResult of a finished (or abandoned) session from its Report."""
    turns = _turns(report, who.trainee, finished_at)
    beat_of = {t.index: t.beat for t in turns}
    model_of: dict[str, str] = {}
    for o in report.opportunities:
        model_of.setdefault(o.beat, o.model_reply)
    return SessionResult(
        id=session_id,
        identity=who,
        scenario_id=report.scenario,
        title=report.title if title is None else title,
        lang=report.language,
        mode=mode,
        started_at=started_at,
        finished_at=finished_at,
        score=report.score,
        pass_score=report.pass_score,
        passed=scoring.passed(report.score, report.pass_score, report.ending_kind),
        ending=report.ending,
        ending_kind=report.ending_kind,
        turns=turns,
        techniques={t.id: t.used for t in report.techniques if t.used},
        missed=tuple(
            MissedOpportunity(o.technique, o.beat, o.model_reply, o.turn, o.reply)
            for o in report.opportunities
            if not o.taken
        ),
        pitfalls=tuple(
            PitfallRecord(
                p.id,
                p.evidence or p.reply,
                p.turn,
                beat_of.get(p.turn, ""),
                p.reply,
                model_of.get(beat_of.get(p.turn, ""), ""),
            )
            for p in report.pitfalls
        ),
        elapsed=round(float(elapsed), 1),
    )
