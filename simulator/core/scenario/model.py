"""Scenario records: immutable, built once by `scenario.build` and shared by every session."""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.core.scenario import conditions as c
from simulator.core.yamlsafe import Document


@dataclass(frozen=True)
class Meter:
    name: str
    """Meter id, e.g. trust."""
    start: float
    """Starting value."""
    min: float
    """Floor; trust or patience at the floor is a walkout."""
    max: float
    """Ceiling."""
    label: str
    """Name shown to the trainee."""


@dataclass(frozen=True)
class Fact:
    id: str
    """Fact id."""
    label: str
    """Short description for feedback."""
    says: str
    """The customer's words when revealing it."""
    when: c.Cond
    """Reveal condition."""
    hint: str = ""
    """How it could have been uncovered."""
    beats: tuple[str, ...] = ()
    """Beats where it can be revealed; empty means any beat."""


@dataclass(frozen=True)
class Line:
    text: str
    """What the customer says."""
    when: c.Cond | None = None
    """Only when this holds (None: always)."""


@dataclass(frozen=True)
class Effect:
    when: c.Cond
    """Condition on the reply."""
    meters: dict[str, float]
    """Meter deltas."""
    reason: str
    """Shown to the trainee."""


@dataclass(frozen=True)
class Transition:
    to: str
    """Beat or ending id."""
    when: c.Cond | None
    """None means otherwise."""


@dataclass(frozen=True)
class Beat:
    id: str
    """Beat id."""
    say: tuple[Line, ...]
    """Arrival lines (variants)."""
    stay: tuple[Line, ...]
    """Lines when the beat continues."""
    opportunities: tuple[str, ...]
    """Techniques called for."""
    punishes: tuple[str, ...]
    """Techniques punished."""
    bottom_line: bool
    """Pressure is legitimate here."""
    evidence: dict[str, tuple[str, ...]]
    """Scenario phrases per technique."""
    model_reply: str
    """A good reply for feedback."""
    hint: str
    """Coach-mode hint."""
    effects: tuple[Effect, ...]
    """Meter effects."""
    next: tuple[Transition, ...]
    """Transitions in order."""
    model_replies: dict[str, str] = field(default_factory=dict)
    """A good reply per technique, for feedback on that technique."""
    reactions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The customer's answers to a pitfall at this moment, per pitfall id."""


@dataclass(frozen=True)
class Ending:
    id: str
    """Ending id."""
    kind: str
    """success, partial, failure or walkout."""
    message: str
    """Shown to the trainee."""
    say: str = ""
    """The customer's last line."""


@dataclass(frozen=True)
class Expect:
    ending: str | None = None
    kind: str | None = None
    score: tuple[float, float] | None = None
    passed: bool | None = None
    facts: tuple[str, ...] = ()
    missed_facts: tuple[str, ...] = ()
    techniques: tuple[str, ...] = ()
    pitfalls: tuple[str, ...] = ()
    no_pitfalls: bool = False


@dataclass(frozen=True)
class TestCase:
    name: str
    """Test name."""
    replies: tuple[str, ...]
    """Scripted replies."""
    seed: int
    """Variant seed."""
    expect: Expect
    """Expectations."""
    line: int = 0
    """Line of the test in the file, for reports."""


@dataclass(frozen=True)
class Settings:
    credit_trust: float = 4
    pitfall_trust: float = -10
    pitfall_patience: float = -8
    misplaced_trust: float = -6
    misplaced_patience: float = -4
    idle_patience: float = -4
    repeat_patience: float = -10
    max_turns: int = 30
    repeat_line: str = ""


@dataclass(frozen=True)
class Person:
    name: str
    """How the scenario names them, e.g. Mei Ling."""
    aliases: tuple[str, ...] = ()
    """Other names a trainee may use for them, e.g. Mrs Lim, 嫂子."""
    role: str = ""
    """Who they are to the customer."""


@dataclass(frozen=True)
class Persona:
    name: str
    role: str
    personality: str
    background: tuple[str, ...]
    wants: str
    meters: dict[str, Meter]
    facts: tuple[Fact, ...]
    aliases: tuple[str, ...] = ()
    """Other names for the customer (王姐, Mr Lim)."""
    people: tuple[Person, ...] = ()
    """Others in the scene (the owner's wife, a clerk), with their other names."""
    reactions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The customer's answers to a pitfall anywhere in the scenario, per pitfall id."""

    def alias_groups(self) -> tuple[tuple[str, ...], ...]:
        """Each person's names, the customer first: any name of a group stands for the others."""
        groups = [(self.name, *self.aliases)] + [(p.name, *p.aliases) for p in self.people]
        return tuple(g for g in groups if len(g) > 1)


@dataclass(frozen=True)
class Scenario:
    id: str
    version: str
    title: str
    language: str
    difficulty: str
    situation: str
    tags: tuple[str, ...]
    objectives: tuple[str, ...]
    estimated_minutes: int
    pass_score: int
    stage: str
    stage_order: int
    briefing: dict[str, str]
    persona: Persona
    settings: Settings
    start: str
    beats: dict[str, Beat]
    endings: dict[str, Ending]
    tests: tuple[TestCase, ...]
    content_hash: str
    """sha256 of the file's data, stamped on sessions."""
    source: str = ""
    """Path it was loaded from."""
    doc: Document | None = field(default=None, compare=False, repr=False)
    """The parsed document, kept for positions in later warnings."""

    @property
    def techniques(self) -> list[str]:
        """Techniques this scenario offers opportunities for, in first-seen order."""
        seen: dict[str, None] = {}
        for beat in self.beats.values():
            for t in beat.opportunities:
                seen.setdefault(t, None)
        return list(seen)
