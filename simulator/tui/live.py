"""Live preview, without the screen: watch a scenario file, reload it, replay the replies.

`simulator preview FILE` shows a conversation beside a debug panel and follows the file
as the trainer saves it. What that needs apart from drawing lives here, UI-free, so tests
drive it without a terminal: noticing a save (`Watched`), loading the new version with
every problem the validator finds, replaying the replies so far into it (`replay`), and
what the debug panel shows (`debug_view`), which is `simulator trace` for the last turn
plus the way out of the beat the session is in.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from simulator.core.errors import Problem
from simulator.core.grading import Grader
from simulator.core.grading.catalogue import Catalogue
from simulator.core.practice import Practice
from simulator.core.scenario.explain import describe
from simulator.core.scenario.model import Scenario
from simulator.core.scenario.validate import validate_file
from simulator.core.session.engine import Session
from simulator.core.session.trace import TurnTrace, trace

POLL_SECONDS = 0.5
"""How often the file's modification time is looked at."""


@dataclass(frozen=True)
class Loaded:
    """One reading of the file."""

    scenario: Scenario | None
    """The scenario, or None when the file has errors."""
    problems: tuple[Problem, ...]
    """Errors and warnings, in file order."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


class Watched:
    """A scenario file and the version of it last read."""

    def __init__(self, path: str | Path, catalogue: Catalogue | None = None) -> None:
        self.path = Path(path)
        """The file followed."""
        self.catalogue = catalogue
        """Technique catalogue to check it against."""
        self.signature: tuple[int, int] | None = None
        """(mtime in ns, size) when last read; None before the first read."""

    def _stat(self) -> tuple[int, int] | None:
        try:
            stat = os.stat(self.path)
        except OSError:
            return None  # being replaced by an editor's save: look again next time
        return stat.st_mtime_ns, stat.st_size

    def changed(self) -> bool:
        """True when the file was saved since it was last read."""
        now = self._stat()
        return now is not None and now != self.signature

    def load(self) -> Loaded:
        """Read and validate the file (the signature is taken first: a save during the
        read is seen by the next `changed`)."""
        self.signature = self._stat()
        scenario, problems = validate_file(self.path, self.catalogue)
        ordered = sorted(problems, key=lambda p: (not p.is_error, p.line, p.col))
        return Loaded(scenario, tuple(ordered))


def replies_of(session: Session) -> list[str]:
    """The replies sent so far, as the engine received them."""
    return [turn.reply for turn in session.turns]


def replay(
    scenario: Scenario, replies: Sequence[str], start: Callable[[Scenario], Practice]
) -> Practice:
    """A new practice of `scenario` with the replies played in order, saved once at the end.

    The replies are as the engine received them (`replies_of`), so they go to the session
    directly: saving after each one (as a reply typed in the box is) made a replay of a
    dozen replies several times slower. Replies after the session ends (the new version
    may end sooner) are dropped.
    """
    practice = start(scenario)
    for reply in replies:
        if practice.session.finished:
            break
        practice.session.reply(reply)
    if practice.session.finished:
        practice.finish()
    else:
        practice.save()
    return practice


@dataclass(frozen=True)
class Exit:
    """One transition out of the current beat, as the next reply will meet it."""

    to: str
    """Beat or ending it leads to."""
    when: str
    """Its condition in words."""


@dataclass(frozen=True)
class DebugView:
    """What the debug panel shows about a session."""

    beat: str
    """The beat the session is in (the last one, once it ended)."""
    turn: int
    """Replies sent so far."""
    meters: tuple[tuple[str, float], ...]
    """Every meter and its value."""
    facts: tuple[str, ...]
    """Facts revealed so far."""
    exits: tuple[Exit, ...]
    """The current beat's transitions, in the order they are tried."""
    ending: str | None
    """Where it ended, if it has."""
    last: TurnTrace | None
    """`simulator trace` of the last reply (None before the first)."""


def debug_view(session: Session, grader: Grader | None, lang: str) -> DebugView:
    """The session as the panel shows it: the last turn traced, the ways out of the beat."""
    scenario = session.scenario
    replies = replies_of(session)
    last = trace(scenario, replies, session.seed, grader, lang).turns[-1] if replies else None
    beat = scenario.beats.get(session.beat)
    exits = tuple(Exit(t.to, describe(t.when, lang)) for t in beat.next) if beat else ()
    return DebugView(
        session.beat,
        len(session.turns),
        tuple(session.meters.items()),
        tuple(session.facts),
        exits,
        session.ending,
        last,
    )
