"""Scenario model: immutable records built from a checked YAML document.

`load_scenario` reports every problem at once (ScenarioError); a Scenario that comes
back is internally consistent: every reference resolves, every condition parses.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import process

from simulator.core import conditions as c
from simulator.core.catalogue import Catalogue, builtin
from simulator.core.errors import Problem, ScenarioError
from simulator.core.scenario_spec import SCENARIO
from simulator.core.spec import check
from simulator.core.yamlsafe import Document, load_file, load_text


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
class Persona:
    name: str
    role: str
    personality: str
    background: tuple[str, ...]
    wants: str
    meters: dict[str, Meter]
    facts: tuple[Fact, ...]


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


def _lines(
    doc: Document, raw: Any, path: tuple[Any, ...], problems: list[Problem]
) -> tuple[Line, ...]:
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            out.append(Line(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            when = (
                c.parse(doc, item["when"], path + (i, "when"), problems) if "when" in item else None
            )
            out.append(Line(item["text"], when))
    return tuple(out)


def _cond(
    doc: Document, raw: dict[str, Any], key: str, path: tuple[Any, ...], problems: list[Problem]
) -> c.Cond | None:
    return c.parse(doc, raw[key], path + (key,), problems) if key in raw else None


def build(doc: Document, catalogue: Catalogue | None = None, source: str = "") -> Scenario:
    """Check a parsed document and build the Scenario, or raise ScenarioError."""
    from simulator.core.references import check_references

    catalogue = catalogue or builtin()
    problems: list[Problem] = []
    data = doc.data
    if not isinstance(data, dict):
        raise ScenarioError(
            [
                doc.problem(
                    (),
                    "E011",
                    "a scenario file is a mapping of keys (format, id, title, …)",
                    "start from the example in docs/scenario-format.md",
                )
            ]
        )
    check(doc, SCENARIO, data, (), problems)
    if problems:
        raise ScenarioError(problems)
    persona_raw = data["persona"]
    meters = {
        name: Meter(
            name,
            float(m["start"]),
            float(m.get("min", 0)),
            float(m.get("max", 100)),
            str(m.get("label", name)),
        )
        for name, m in persona_raw["meters"].items()
    }
    facts = tuple(
        Fact(
            f["id"],
            f["label"],
            f["says"],
            c.parse(doc, f["when"], ("persona", "facts", i, "when"), problems),
            f.get("hint", ""),
        )
        for i, f in enumerate(persona_raw.get("facts") or [])
    )
    persona = Persona(
        persona_raw["name"],
        persona_raw["role"],
        persona_raw.get("personality", ""),
        tuple(persona_raw.get("background") or ()),
        persona_raw.get("wants", ""),
        meters,
        facts,
    )
    beats: dict[str, Beat] = {}
    for i, b in enumerate(data["beats"]):
        path: tuple[Any, ...] = ("beats", i)
        effects = tuple(
            Effect(
                c.parse(doc, e["when"], path + ("effects", j, "when"), problems),
                {k: float(v) for k, v in e["meters"].items()},
                e["reason"],
            )
            for j, e in enumerate(b.get("effects") or [])
        )
        transitions = tuple(
            Transition(t["to"], _cond(doc, t, "when", path + ("next", j), problems))
            for j, t in enumerate(b.get("next") or [])
        )
        if b["id"] in beats:
            problems.append(
                doc.problem(
                    path + ("id",),
                    "E024",
                    f"duplicate beat id '{b['id']}'",
                    "give each beat its own id",
                )
            )
        beats[b["id"]] = Beat(
            b["id"],
            _lines(doc, b["say"], path + ("say",), problems),
            _lines(doc, b.get("stay"), path + ("stay",), problems),
            tuple(b.get("opportunities") or ()),
            tuple(b.get("punishes") or ()),
            bool(b.get("bottom_line", False)),
            {k: tuple(v) for k, v in (b.get("evidence") or {}).items()},
            b.get("model_reply", ""),
            b.get("hint", ""),
            effects,
            transitions,
        )
    endings: dict[str, Ending] = {}
    for i, e in enumerate(data["endings"]):
        if e["id"] in endings or e["id"] in beats:
            problems.append(
                doc.problem(
                    ("endings", i, "id"),
                    "E024",
                    f"duplicate id '{e['id']}'",
                    "ending and beat ids must all differ",
                )
            )
        endings[e["id"]] = Ending(e["id"], e["kind"], e["message"], e.get("say", ""))
    tests = []
    for i, t in enumerate(data.get("tests") or []):
        ex = t["expect"]
        score = ex.get("score")
        if score is not None and (len(score) != 2 or score[0] > score[1]):
            problems.append(
                doc.problem(
                    ("tests", i, "expect", "score"), "E013", "score is [low, high] with low <= high"
                )
            )
            score = None
        expect = Expect(
            ex.get("ending"),
            ex.get("kind"),
            tuple(score) if score else None,
            ex.get("passed"),
            tuple(ex.get("facts") or ()),
            tuple(ex.get("missed_facts") or ()),
            tuple(ex.get("techniques") or ()),
            tuple(ex.get("pitfalls") or ()),
            bool(ex.get("no_pitfalls", False)),
        )
        tests.append(
            TestCase(
                t["name"],
                tuple(t["replies"]),
                int(t.get("seed", 0)),
                expect,
                doc.where(("tests", i))[0],
            )
        )
    settings = Settings(**(data.get("settings") or {}))
    path_raw = data.get("path") or {}
    digest = hashlib.sha256(
        json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:16]
    scenario = Scenario(
        data["id"],
        str(data["version"]),
        data["title"],
        data["language"],
        data["difficulty"],
        data["situation"],
        tuple(data.get("tags") or ()),
        tuple(data.get("objectives") or ()),
        int(data.get("estimated_minutes", 10)),
        int(data["pass_score"]),
        path_raw.get("stage", ""),
        int(path_raw.get("order", 0)),
        dict(data["briefing"]),
        persona,
        settings,
        data["start"],
        beats,
        endings,
        tuple(tests),
        digest,
        source,
        doc,
    )
    problems += check_references(scenario, doc, catalogue)
    if problems:
        raise ScenarioError(problems)
    return scenario


def suggest(name: str, options: list[str]) -> str:
    """A 'did you mean' hint."""
    guess = process.extractOne(name, options, score_cutoff=60) if options else None
    return (
        f"did you mean '{guess[0]}'?"
        if guess
        else ("known: " + ", ".join(options[:12]) if options else "")
    )


def load_scenario(path: str | Path, catalogue: Catalogue | None = None) -> Scenario:
    """Load and check one scenario file."""
    return build(load_file(path), catalogue, str(path))


def load_scenario_text(
    text: str, name: str = "<text>", catalogue: Catalogue | None = None
) -> Scenario:
    """Load and check a scenario from text (tests, editors)."""
    return build(load_text(text, name), catalogue, name)
