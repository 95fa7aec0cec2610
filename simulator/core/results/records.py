"""The records the results store takes and gives: frozen, plain fields, JSON-able.

Shared by the app (which writes), the CLI (push, exports) and the classroom server
(which reads for the dashboard). `to_dict` gives the JSON form of any of them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Identity:
    """Who played: the trainee id, their class and the name to show."""

    trainee: str
    """Stable trainee id (login name, staff number)."""
    class_code: str = ""
    """Class the trainee belongs to ("" for none)."""
    display_name: str = ""
    """Name to show ("" shows the id)."""


@dataclass(frozen=True)
class TurnRecord:
    """One graded reply."""

    index: int
    """1-based reply number."""
    beat: str
    """Beat the reply answered."""
    reply: str
    """The trainee's words."""
    author: str = ""
    """Trainee id of who wrote it."""
    cue: str = ""
    """The customer's line the trainee answered."""
    customer: str = ""
    """What the customer said next."""
    techniques: tuple[str, ...] = ()
    """Techniques credited."""
    taken: tuple[str, ...] = ()
    """Credited techniques that were opportunities of the beat."""
    misplaced: tuple[str, ...] = ()
    """Techniques the beat punishes that the reply used."""
    pitfalls: tuple[str, ...] = ()
    """Pitfalls committed."""
    evidence: tuple[dict[str, Any], ...] = ()
    """The grader's evidence (id, span, rule, weight, text)."""
    meters: dict[str, float] = field(default_factory=dict)
    """Meters after this reply."""
    score_so_far: int = 0
    """Score if the session ended here (as abandoned)."""
    at: str = ""
    """ISO time of the reply."""


@dataclass(frozen=True)
class MissedOpportunity:
    """A moment that called for a technique the trainee did not use."""

    technique: str
    """Technique id."""
    beat: str
    """Beat id."""
    model_reply: str
    """The scenario's model reply for the beat."""
    turn: int = 0
    """Reply number the moment began at."""
    reply: str = ""
    """What the trainee said instead."""


@dataclass(frozen=True)
class PitfallRecord:
    """A pitfall committed."""

    id: str
    """Pitfall id."""
    words: str
    """The matched words (or the whole reply when the grader named none)."""
    turn: int = 0
    """Reply number."""
    beat: str = ""
    """Beat of that reply."""
    reply: str = ""
    """The whole reply."""
    model_reply: str = ""
    """The scenario's model reply for that beat ("" when it has none)."""


@dataclass(frozen=True)
class SessionResult:
    """A finished session, everything the store keeps about it."""

    id: str
    """Session id (unique across machines: time, scenario, random suffix)."""
    identity: Identity
    """Who played."""
    scenario_id: str
    """Scenario id."""
    title: str
    """Scenario title."""
    lang: str
    """Scenario language (zh or en)."""
    mode: str
    """coach or exam."""
    started_at: str
    """ISO time the session started."""
    finished_at: str
    """ISO time it finished."""
    score: int
    """Score out of 100."""
    pass_score: int
    """Pass mark."""
    passed: bool
    """scoring.passed(score, pass_score, ending_kind)."""
    ending: str
    """Ending id."""
    ending_kind: str
    """success, partial, failure, walkout, timeout or abandoned."""
    turns: tuple[TurnRecord, ...] = ()
    """Every reply, in order."""
    techniques: dict[str, int] = field(default_factory=dict)
    """Technique id -> replies it was credited in."""
    missed: tuple[MissedOpportunity, ...] = ()
    """Missed opportunities."""
    pitfalls: tuple[PitfallRecord, ...] = ()
    """Pitfalls committed."""
    elapsed: float = 0.0
    """Seconds spent in the conversation."""


@dataclass(frozen=True)
class SessionSummary:
    """A finished session as listed."""

    id: str
    """Session id."""
    trainee: str
    """Trainee id."""
    display_name: str
    """Trainee's name to show."""
    class_code: str
    """Class code ("" for none)."""
    scenario_id: str
    """Scenario id."""
    title: str
    """Scenario title."""
    lang: str
    """Scenario language."""
    mode: str
    """coach or exam."""
    started_at: str
    """ISO start time."""
    finished_at: str
    """ISO finish time."""
    score: int
    """Score out of 100."""
    pass_score: int
    """Pass mark."""
    passed: bool
    """Whether it passed."""
    ending: str
    """Ending id."""
    ending_kind: str
    """Kind of ending."""
    turns: int
    """Number of replies."""
    elapsed: float
    """Seconds spent."""


@dataclass(frozen=True)
class SessionDetail:
    """A finished session with its turns."""

    summary: SessionSummary
    """The listing row."""
    turns: tuple[TurnRecord, ...]
    """Every reply, in order."""
    techniques: dict[str, int]
    """Technique id -> replies it was credited in."""
    missed: tuple[MissedOpportunity, ...]
    """Missed opportunities."""
    pitfalls: tuple[PitfallRecord, ...]
    """Pitfalls committed."""


@dataclass(frozen=True)
class LiveRow:
    """A session started and not finished (the trainer's live view)."""

    session_id: str
    """Session id."""
    trainee: str
    """Trainee id."""
    display_name: str
    """Trainee's name to show."""
    scenario_id: str
    """Scenario id."""
    title: str
    """Scenario title."""
    beat: str
    """Beat of the last reply ("" before the first)."""
    turns: int
    """Replies so far."""
    score_so_far: int
    """Score if it ended now."""
    updated_at: str
    """ISO time of the last write."""


@dataclass(frozen=True)
class TechniqueCell:
    """One trainee x technique cell of the class matrix."""

    shown: int = 0
    """Replies in which the technique was credited."""
    missed: int = 0
    """Opportunities for it that were missed."""


@dataclass(frozen=True)
class LeaderRow:
    """A trainee's standing in the class."""

    trainee: str
    """Trainee id."""
    display_name: str
    """Name to show."""
    sessions: int
    """Finished sessions."""
    first_score: int
    """Score of the first finished session."""
    best_score: int
    """Best score."""
    passed: int = 0
    """Sessions passed."""


@dataclass(frozen=True)
class Mistake:
    """A mistake the class makes often."""

    kind: str
    """'missed' (a technique not used when called for) or 'pitfall'."""
    label: str
    """Technique or pitfall id."""
    count: int
    """How many times across the class."""
    examples: tuple[tuple[str, str, str, str, str], ...] = ()
    """Up to three (trainee, their words, model reply, scenario id, beat)."""


def to_dict(record: Any) -> dict[str, Any]:
    """The JSON form of any record above (tuples become lists when dumped)."""
    return asdict(record)
