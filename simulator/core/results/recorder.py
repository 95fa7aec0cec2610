"""The app's link to the results store: start, turn and finish, never an exception.

The JSON history in the data folder stays the source of truth on a laptop; the results
store is a copy for the classroom. So a write that fails (a server down, a locked or
read-only file) is kept as a one-line warning for the app to show once per session,
and the session goes on. After a failure the rest of that session's live updates are
skipped (an unreachable server would otherwise stall every reply for the connect
timeout); its finish is still tried, and `simulator results push` or `import-history`
fills any gap later from the JSON history.
"""

from __future__ import annotations

import getpass
import os
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.core.errors import SimulatorError
from simulator.core.results.config import ResultsError, default_url
from simulator.core.results.records import Identity

if TYPE_CHECKING:  # a session's records load with the first session, not at start
    from simulator.core.results.store import Results
    from simulator.core.session.engine import Session
    from simulator.core.session.feedback import Report
    from simulator.core.session.turns import Turn

ENV_TRAINEE = "SIMULATOR_TRAINEE"
"""Trainee id (the classroom server sets it per trainee)."""
ENV_CLASS = "SIMULATOR_CLASS"
"""Class code (the classroom server sets it per trainee)."""
ENV_NAME = "SIMULATOR_TRAINEE_NAME"
"""Optional display name."""
_FAILURES = (SimulatorError, OSError, ValueError, TypeError, LookupError)
"""What a copy may fail with; the store turns database errors into ResultsError."""


def identity(prefs: dict[str, Any] | None = None) -> Identity:
    """Who is playing: $SIMULATOR_TRAINEE / $SIMULATOR_CLASS, else the prefs name, else
    the computer's user name."""
    prefs = prefs or {}
    name = str(prefs.get("name") or "").strip()
    trainee = os.environ.get(ENV_TRAINEE, "").strip() or name
    if not trainee:
        try:
            trainee = getpass.getuser()
        except (OSError, KeyError):
            trainee = "trainee"
    display = os.environ.get(ENV_NAME, "").strip() or (name if name != trainee else "")
    return Identity(trainee, os.environ.get(ENV_CLASS, "").strip(), display)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Recorder:
    """Copies the app's sessions into a results store; opened on first use."""

    def __init__(
        self,
        url: str | None,
        who: Identity,
        *,
        opener: Callable[[str | None], Results] | None = None,
        now: Callable[[], str] = _now,
    ) -> None:
        self.url = url
        """Results database URL (None: $SIMULATOR_RESULTS_DB or the data folder's)."""
        self.who = who
        """Who plays on this app."""
        self._opener = opener
        self._now = now
        self._results: Results | None = None
        self._opening = threading.Lock()
        self._started: dict[str, str] = {}
        self._scores: dict[str, dict[int, int]] = {}
        self._failed: set[str] = set()
        self._warned: set[str] = set()
        self._pending: str | None = None

    @classmethod
    def for_data_folder(cls, root: Path, url: str | None, prefs: dict[str, Any]) -> Recorder:
        """URL given, else $SIMULATOR_RESULTS_DB, else results.db in the app's data folder."""
        return cls(url or default_url(root), identity(prefs))

    def _store(self) -> Results:
        with self._opening:
            if self._results is None:
                if self._opener is not None:
                    self._results = self._opener(self.url)
                else:
                    from simulator.core.results import open_results

                    self._results = open_results(self.url)
            return self._results

    def prepare(self) -> None:
        """Open the store ahead of the first session (the app calls it in a thread); a
        failure here is left for the first write to report."""
        try:
            self._store()
        except _FAILURES:
            pass

    def _try(self, session_id: str, write: Callable[[Results], None]) -> bool:
        try:
            write(self._store())
            return True
        except _FAILURES as error:
            self._failed.add(session_id)
            if session_id not in self._warned:
                self._warned.add(session_id)
                self._pending = " ".join(str(error).split())[:300] or type(error).__name__
            return False

    def warning(self) -> str | None:
        """The failure to show (once per session), cleared when read."""
        pending, self._pending = self._pending, None
        return pending

    def start(self, session_id: str, scenario_id: str, title: str, lang: str, mode: str) -> None:
        """A session began (or was resumed)."""
        started = self._started.setdefault(session_id, self._now())
        self._try(
            session_id,
            lambda r: r.start(session_id, self.who, scenario_id, title, lang, mode, started),
        )

    def turn(self, session_id: str, turn: Turn, session: Session) -> None:
        """A reply was graded: the live view's row moves on."""
        if session_id in self._failed:
            return
        from simulator.core.results.convert import turn_record
        from simulator.core.session.feedback import build_report

        score = build_report(session).score
        self._scores.setdefault(session_id, {})[turn.index] = score
        rec = turn_record(turn, self.who.trainee, score, self._now())
        self._try(session_id, lambda r: r.turn(session_id, rec))

    def finish(
        self, session_id: str, report: Report, *, mode: str, title: str, elapsed: float
    ) -> None:
        """The session finished: its result goes in (idempotent by id)."""
        finished = self._now()
        from simulator.core.results.convert import result_from_report

        result = result_from_report(
            report,
            session_id=session_id,
            who=self.who,
            mode=mode,
            started_at=self._started.get(session_id, finished),
            finished_at=finished,
            elapsed=elapsed,
            title=title,
        )
        scores = self._scores.pop(session_id, {})
        turns = tuple(
            replace(t, score_so_far=scores.get(t.index, t.score_so_far)) for t in result.turns
        )
        result = replace(result, turns=turns)
        self._failed.discard(session_id)  # the finish is always tried
        self._try(session_id, lambda r: r.finish(result))

    def close(self) -> None:
        if self._results is not None:
            try:
                self._results.close()
            except _FAILURES:
                pass
            self._results = None


__all__ = ["Recorder", "ResultsError", "identity"]
