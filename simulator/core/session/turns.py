"""What one reply did: the records the engine returns and every later stage reads.

Immutable, built once by `Session.reply`; feedback, the transcript, the results store and
every face read them and never change them.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core.grading import Evidence


@dataclass(frozen=True)
class MeterChange:
    meter: str
    """Meter id."""
    delta: float
    """Change applied (after clamping)."""
    value: float
    """Value after the change."""
    reason: str
    """Why, in the scenario's language."""


@dataclass(frozen=True)
class Turn:
    index: int
    """1-based reply number."""
    beat: str
    """Beat the reply answered."""
    cue: str
    """The customer's line the trainee answered."""
    reply: str
    """The trainee's words."""
    detected: tuple[str, ...]
    """Techniques the grader found."""
    credited: tuple[str, ...]
    """Techniques credited after the anti-gaming rules."""
    taken: tuple[str, ...]
    """Credited techniques that were opportunities of the beat."""
    misplaced: tuple[str, ...]
    """Techniques the beat punishes that the reply used."""
    pitfalls: tuple[str, ...]
    """Pitfalls committed."""
    evidence: tuple[Evidence, ...]
    """The grader's evidence for this reply."""
    repeat: bool
    """The reply repeated an earlier one."""
    stuffing: bool
    """The reply crammed in too many techniques to be credible."""
    changes: tuple[MeterChange, ...]
    """Meter changes, in order."""
    meters: dict[str, float]
    """Meters after this turn."""
    revealed: tuple[str, ...]
    """Fact ids revealed by this reply."""
    customer: str
    """What the customer said next."""
    ending: str | None
    """Ending id when this reply ended the session."""
    author: str = ""
    """Who wrote the reply in a hot-seat relay (empty for one trainee)."""
    reaction: str = ""
    """The customer's answer to a pitfall of this reply (also the start of `customer`)."""
