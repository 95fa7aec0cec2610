"""Progress over time: how each technique is going across sessions, the best result per
scenario, and the moments to retry (错题集), all computed from the saved history.

UI-free so the app's progress screen, exports and tests share one computation. A trend
compares the latest session with the ones before it (see `trend_of`); a moment to retry is
one visit of a beat where a technique was missed or a pitfall committed, with what the
meters and the known facts were then, so `Session.start_at` can put the trainee back there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from simulator.core.session.feedback import Report

if TYPE_CHECKING:
    from simulator.core.results.files import Store
    from simulator.core.results.items import HistoryItem

TREND_STEP = 0.1
"""The latest rate must differ from the earlier mean by more than this to count as a move."""
UP, DOWN, FLAT, NEW = "up", "down", "flat", "new"


@dataclass(frozen=True)
class Point:
    """One session's result for one technique."""

    session_id: str
    """Session id in the history."""
    finished_at: str
    """ISO time the session ended."""
    offered: int
    """Moments in that session that called for the technique."""
    taken: int
    """Moments where the trainee showed it."""

    @property
    def rate(self) -> float:
        return self.taken / self.offered if self.offered else 0.0


@dataclass(frozen=True)
class TechniqueTrend:
    """A technique across every session that called for it, oldest first."""

    id: str
    """Technique id."""
    points: tuple[Point, ...]
    """One per session with at least one moment for it."""

    @property
    def sessions(self) -> int:
        return len(self.points)

    @property
    def taken(self) -> int:
        return sum(p.taken for p in self.points)

    @property
    def offered(self) -> int:
        return sum(p.offered for p in self.points)

    @property
    def rates(self) -> tuple[float, ...]:
        return tuple(p.rate for p in self.points)

    @property
    def trend(self) -> str:
        return trend_of(self.rates)


def trend_of(rates: tuple[float, ...] | list[float]) -> str:
    """new (one session), else up / down when the latest rate is more than TREND_STEP above /
    below the mean of the earlier ones, else flat."""
    if len(rates) < 2:
        return NEW
    earlier = sum(rates[:-1]) / (len(rates) - 1)
    if rates[-1] > earlier + TREND_STEP:
        return UP
    if rates[-1] < earlier - TREND_STEP:
        return DOWN
    return FLAT


@dataclass(frozen=True)
class ScenarioBest:
    """The best result in one scenario: a pass beats a fail, then the higher score."""

    scenario_id: str
    title: str
    score: int
    passed: bool
    sessions: int
    """Sessions played in it (retried moments not counted)."""
    finished_at: str
    """When the best one was played."""


@dataclass(frozen=True)
class Moment:
    """A moment to retry: one visit of a beat where techniques were missed or pitfalls committed."""

    session_id: str
    """The session it happened in."""
    scenario_id: str
    title: str
    finished_at: str
    turn: int
    """The reply number in that session."""
    beat: str
    """The beat to start at."""
    cue: str
    """What the customer had just said."""
    reply: str
    """What the trainee said."""
    model_reply: str
    """The scenario's model reply for the beat."""
    missed: tuple[str, ...] = ()
    """Techniques the moment called for and the trainee did not show."""
    pitfalls: tuple[str, ...] = ()
    """Pitfalls committed there."""
    meters: dict[str, float] = field(default_factory=dict)
    """Meter values when the trainee faced it."""
    facts: tuple[str, ...] = ()
    """Facts already known by then."""


@dataclass(frozen=True)
class Progress:
    """Everything the progress screen shows."""

    sessions: int
    """Finished sessions read from the history."""
    techniques: tuple[TechniqueTrend, ...]
    """Per technique, most practised first."""
    best: tuple[ScenarioBest, ...]
    """Per scenario, in the order first played."""
    moments: tuple[Moment, ...]
    """Moments to retry, newest first: each (scenario, beat, technique or pitfall) once, from
    the newest session it happened in; a technique shown later at that beat drops out."""
    unreadable: int = 0
    """History entries whose report could not be read (left out)."""

    @property
    def empty(self) -> bool:
        return self.sessions == 0


def compute(history: list[tuple[HistoryItem, Report]], unreadable: int = 0) -> Progress:
    """The progress in a history given as (item, report) pairs, in any order."""
    ordered = sorted(history, key=lambda pair: (pair[0].finished_at, pair[0].id))
    return Progress(
        len(ordered),
        _trends(ordered),
        _best(ordered),
        _moments(ordered),
        unreadable,
    )


def load(store: Store) -> Progress:
    """The progress in a store's history (reports that cannot be read are counted, not fatal)."""
    from simulator.core.results.files import StoreError

    pairs, unreadable = [], 0
    for item in store.history():
        try:
            pairs.append((item, store.report(item.id)))
        except StoreError:
            unreadable += 1
    return compute(pairs, unreadable)


def _trends(ordered: list[tuple[HistoryItem, Report]]) -> tuple[TechniqueTrend, ...]:
    points: dict[str, list[Point]] = {}
    for item, report in ordered:
        for result in report.techniques:
            if result.offered:
                points.setdefault(result.id, []).append(
                    Point(item.id, item.finished_at, result.offered, result.taken)
                )
    trends = [TechniqueTrend(tid, tuple(p)) for tid, p in points.items()]
    trends.sort(key=lambda t: (-t.sessions, -t.offered, t.id))
    return tuple(trends)


def _best(ordered: list[tuple[HistoryItem, Report]]) -> tuple[ScenarioBest, ...]:
    best: dict[str, ScenarioBest] = {}
    for item, _ in ordered:
        if item.retry_of:
            continue  # a retried moment is not a whole session: its score is not comparable
        old = best.get(item.scenario_id)
        count = (old.sessions if old else 0) + 1
        if old is None or (item.passed, item.score) > (old.passed, old.score):
            best[item.scenario_id] = ScenarioBest(
                item.scenario_id, item.title, item.score, item.passed, count, item.finished_at
            )
        else:
            best[item.scenario_id] = ScenarioBest(
                old.scenario_id, old.title, old.score, old.passed, count, old.finished_at
            )
    return tuple(best.values())


def _moments(ordered: list[tuple[HistoryItem, Report]]) -> tuple[Moment, ...]:
    out: list[Moment] = []
    done: set[tuple[str, str, str]] = set()
    """(scenario, beat, id): shown in a newer session, or already listed from a newer one."""
    for item, report in reversed(ordered):
        found = _moments_of(item, report, done)
        out += found
        done.update((m.scenario_id, m.beat, i) for m in found for i in m.missed + m.pitfalls)
        done.update((report.scenario, o.beat, o.technique) for o in report.opportunities if o.taken)
    return tuple(out)


def _moments_of(item: HistoryItem, report: Report, done: set[tuple[str, str, str]]) -> list[Moment]:
    """This session's moments, in turn order, leaving out what `done` holds."""
    missed: dict[int, list[str]] = {}
    pitfalls: dict[int, list[str]] = {}
    first: dict[int, tuple[str, str, str]] = {}
    """turn -> (beat, cue, reply)."""
    lines = {e.turn: e for e in report.transcript if e.trainee}
    cues = {e.turn: e.text for e in report.transcript if not e.trainee}
    models = {o.beat: o.model_reply for o in report.opportunities if o.model_reply}
    for o in report.opportunities:
        if o.taken or (report.scenario, o.beat, o.technique) in done:
            continue
        missed.setdefault(o.turn, []).append(o.technique)
        first.setdefault(o.turn, (o.beat, o.cue, o.reply))
    for hit in report.pitfalls:
        line = lines.get(hit.turn)
        if line is None or not line.beat or (report.scenario, line.beat, hit.id) in done:
            continue  # no beat (an old report): no moment to start at; or listed already
        pitfalls.setdefault(hit.turn, []).append(hit.id)
        first.setdefault(hit.turn, (line.beat, cues.get(hit.turn - 1, ""), hit.reply))
    out = []
    for turn in sorted(first):
        beat, cue, reply = first[turn]
        meters = report.trajectory[turn - 1] if 0 < turn <= len(report.trajectory) else {}
        facts = tuple(str(f["id"]) for f in report.facts_found if int(f.get("turn", 0) or 0) < turn)
        out.append(
            Moment(
                item.id,
                item.scenario_id,
                item.title,
                item.finished_at,
                turn,
                beat,
                cue,
                reply,
                models.get(beat, ""),
                tuple(dict.fromkeys(missed.get(turn, []))),
                tuple(dict.fromkeys(pitfalls.get(turn, []))),
                {k: float(v) for k, v in meters.items()},
                facts,
            )
        )
    return out
