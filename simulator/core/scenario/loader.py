"""Scenario model: immutable records built from a checked YAML document.

`load_scenario` reports every problem at once (ScenarioError); a Scenario that comes
back is internally consistent: every reference resolves, every condition parses.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from rapidfuzz import process

from simulator.core.cjk import tidy_tree
from simulator.core.errors import Problem, ScenarioError
from simulator.core.grading.catalogue import Catalogue, builtin
from simulator.core.scenario import conditions as c
from simulator.core.scenario.format import SCENARIO
from simulator.core.scenario.model import (
    Beat,
    Effect,
    Ending,
    Expect,
    Fact,
    Line,
    Meter,
    Person,
    Persona,
    Scenario,
    Settings,
    TestCase,
    Transition,
)
from simulator.core.spec import check
from simulator.core.yamlsafe import Document, load_file, load_text


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


def _reactions(raw: Any) -> dict[str, tuple[str, ...]]:
    """pitfall id -> lines, from `reactions:` (a line or a list of lines per pitfall)."""
    out: dict[str, tuple[str, ...]] = {}
    for pitfall, lines in (raw or {}).items():
        items = lines if isinstance(lines, list) else [lines]
        texts = tuple(str(line) for line in items if isinstance(line, str) and line.strip())
        if texts:
            out[str(pitfall)] = texts
    return out


def _cond(
    doc: Document, raw: dict[str, Any], key: str, path: tuple[Any, ...], problems: list[Problem]
) -> c.Cond | None:
    return c.parse(doc, raw[key], path + (key,), problems) if key in raw else None


_BLOCKING = frozenset({"E010", "E011"})
"""Missing keys and wrong types stop the build; every other problem leaves data the
remaining checks can read, so they run too and one run reports everything."""


def build(doc: Document, catalogue: Catalogue | None = None, source: str = "") -> Scenario:
    """Check a parsed document and build the Scenario, or raise ScenarioError."""
    from simulator.core.scenario.references import check_references
    from simulator.core.scenario.soundness import check_soundness

    catalogue = catalogue or builtin()
    problems: list[Problem] = list(doc.slips)
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
    if any(p.code in _BLOCKING for p in problems):
        raise ScenarioError(problems)
    data = tidy_tree(data)  # display text without folding spaces in Chinese (cjk.py)
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
            tuple(f.get("beats") or ()),
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
        tuple(persona_raw.get("aliases") or ()),
        tuple(
            Person(p["name"], tuple(p.get("aliases") or ()), p.get("role", ""))
            for p in persona_raw.get("people") or []
        ),
        _reactions(persona_raw.get("reactions")),
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
            {k: str(v) for k, v in (b.get("model_replies") or {}).items()},
            _reactions(b.get("reactions")),
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
        json.dumps(doc.data, sort_keys=True, ensure_ascii=False).encode()
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
    problems += check_soundness(scenario, doc)
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


def _guarded(doc: Document, catalogue: Catalogue | None, source: str) -> Scenario:
    """build(), with any failure it did not foresee reported as a problem of this file.

    The loader's checks should catch everything first; this is the net under them so
    that one odd file is listed beside the good ones instead of stopping a command.
    """
    try:
        return build(doc, catalogue, source)
    except (
        RecursionError,
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        OverflowError,
    ) as error:
        raise ScenarioError(
            [
                Problem(
                    doc.file,
                    1,
                    1,
                    "E090",
                    f"the file cannot be loaded ({type(error).__name__}: {str(error)[:120]})",
                    "run simulator validate on it and report this message",
                )
            ]
        ) from None


def load_scenario(path: str | Path, catalogue: Catalogue | None = None) -> Scenario:
    """Load and check one scenario file."""
    return _guarded(load_file(path), catalogue, str(path))


def load_scenario_text(
    text: str, name: str = "<text>", catalogue: Catalogue | None = None
) -> Scenario:
    """Load and check a scenario from text (tests, editors)."""
    return _guarded(load_text(text, name), catalogue, name)
