"""What a missed moment teaches: the model for that technique, and what is not a miss.

- `model_for`: a beat's model reply for one technique: its `model_replies` entry, else
  the single `model_reply` when the grader credits it with that technique, else ""
  (feedback then says there is no model, rather than show a model of something else).
- `close_to_model`: a reply nearly the same as the model (rapidfuzz ratio over the
  squashed text) did what the model does, whatever the grader made of it.
- `merge`: one entry per beat and technique: a moment revisited is one moment, taken
  if any visit took it.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from rapidfuzz import fuzz

from simulator.core.grading import Grader
from simulator.core.grading.normalise import squash
from simulator.core.scenario.model import Beat, Scenario

CLOSE_RATIO = 85
"""A reply at least this similar (0-100) to the model reply counts as taking the moment."""

_EARNS: dict[tuple[str, str, int], frozenset[str]] = {}
"""(content hash, beat id, catalogue id) -> techniques the beat's model_reply earns."""


def model_earns(scenario: Scenario, beat: Beat, grader: Grader) -> frozenset[str]:
    """Techniques the grader credits the beat's single model_reply with (cached)."""
    if not beat.model_reply.strip():
        return frozenset()
    key = (scenario.content_hash, beat.id, id(grader.catalogue))
    if key not in _EARNS:
        cue = beat.say[0].text if beat.say else ""
        grade = grader.grade(
            beat.model_reply,
            cue,
            scenario.language,
            beat.evidence,
            f"scenario:{beat.id}",
            bottom_line=beat.bottom_line,
            warmed_before=True,
        )
        _EARNS[key] = frozenset(grade.techniques)
    return _EARNS[key]


def model_for(scenario: Scenario, beat: Beat, technique: str, grader: Grader) -> str:
    """The model reply that shows this technique at this beat, or "" when there is none."""
    own = beat.model_replies.get(technique, "")
    if own.strip():
        return own
    if technique in model_earns(scenario, beat, grader):
        return beat.model_reply
    return ""


def close_to_model(reply: str, model: str) -> bool:
    """True when the reply is nearly the model reply (typos, punctuation, a word or two)."""
    a, b = squash(reply), squash(model)
    if not a or not b:
        return False
    return fuzz.ratio(a, b) >= CLOSE_RATIO


class _Moment(Protocol):
    @property
    def beat(self) -> str: ...
    @property
    def technique(self) -> str: ...
    @property
    def taken(self) -> bool: ...


T = TypeVar("T", bound=_Moment)


def merge(moments: list[T]) -> list[T]:
    """One entry per (beat, technique), in first-seen order: the taken one if any visit took it."""
    chosen: dict[tuple[str, str], T] = {}
    for moment in moments:
        key = (moment.beat, moment.technique)
        if key not in chosen or (moment.taken and not chosen[key].taken):
            chosen[key] = moment
    return list(chosen.values())
