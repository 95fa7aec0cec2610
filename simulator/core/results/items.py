"""The records the local store keeps: a session in progress, a finished one in the history,
and the best result per scenario.

Each is checked field by field when read (saferead.check_fields), so a record edited by
hand or written by another version is set aside rather than trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Unfinished:
    """A session in progress, as last autosaved."""

    id: str
    """Session id (also the file name)."""
    scenario_id: str
    """Scenario id."""
    title: str
    """Scenario title, for the resume dialog."""
    source: str
    """Path the scenario was loaded from."""
    mode: str
    """coach or exam."""
    ui_lang: str
    """Interface language at the time."""
    draft: str
    """Text typed but not sent."""
    elapsed: float
    """Seconds spent in the conversation so far."""
    saved_at: str
    """ISO time of the autosave."""
    session: dict[str, Any]
    """The engine's `Session.to_dict()`."""

    @property
    def replies(self) -> int:
        return len(self.session.get("replies") or [])


@dataclass(frozen=True)
class HistoryItem:
    """One finished session as listed in the history."""

    id: str
    """Session id."""
    scenario_id: str
    """Scenario id."""
    title: str
    """Scenario title."""
    finished_at: str
    """ISO time the session ended."""
    mode: str
    """coach or exam."""
    score: int
    """Score out of 100."""
    pass_score: int
    """Pass mark."""
    passed: bool
    """Whether it passed."""
    ending_kind: str
    """success, partial, failure, walkout, timeout or abandoned."""
    turns: int
    """Number of replies."""
    elapsed: float
    """Seconds spent."""
    trainee: str = ""
    """The trainee's name when the session finished ("" when not given)."""
    retry_of: str = ""
    """For a retried moment (错题集): the session it came from ("" for a whole session)."""


@dataclass(frozen=True)
class Best:
    """A trainee's best result in one scenario: a pass beats a fail, then the higher score."""

    score: int
    """Score of that session."""
    passed: bool
    """Whether that session passed (scoring.passed)."""
