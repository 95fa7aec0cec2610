"""Validation: load errors plus the warnings a trainer wants before sharing a file.

Errors found here (the loader finds the others):
  E030 no ending reachable: no path of transitions from the start leads to an ending

Warnings (`simulator validate --strict` fails on them; the summary still counts them as warnings):
  W101 unreachable beat            W105 technique condition that can never hold
  W102 beat with no way out        W106 opportunity without a model reply
  W103 ending no path reaches      W107 pass score no path can reach
  W104 fact never revealable       W108 scenario without embedded tests
  W109 model reply that the grader does not credit with the beat's opportunities
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from simulator.core.errors import Problem, ScenarioError
from simulator.core.grading.catalogue import Catalogue
from simulator.core.scenario import conditions as c
from simulator.core.scenario import scoring
from simulator.core.scenario.loader import load_scenario
from simulator.core.scenario.model import Beat, Scenario
from simulator.core.scenario.soundness import reachable

if TYPE_CHECKING:
    from simulator.core.grading import Grader


def _can_hold(cond: c.Cond, scenario: Scenario) -> bool:
    """False when a meter comparison lies outside the meter's range."""
    for node in c.walk(cond):
        if node.op == "meter":
            name, cmp, value = node.args
            meter = scenario.persona.meters.get(name)
            if meter is None:
                continue
            if (cmp in ("gte", "eq") and value > meter.max) or (cmp == "gt" and value >= meter.max):
                return False
            if (cmp in ("lte", "eq") and value < meter.min) or (cmp == "lt" and value <= meter.min):
                return False
    return True


def _model_reply_misses(scenario: Scenario, grader: Grader) -> list[Problem]:
    """W109: model replies the grader does not credit with what they are meant to show.

    The beat's model_reply must earn one of the techniques the beat asks for; each
    model_replies entry must earn its own technique.
    """
    doc = scenario.doc
    assert doc is not None
    out: list[Problem] = []
    for i, (beat_id, beat) in enumerate(scenario.beats.items()):
        asked = [t for t in beat.opportunities if t not in beat.punishes]
        line = beat.say[0].text if beat.say else ""

        def credits(text: str, beat_id: str = beat_id, beat: Beat = beat, line: str = line):
            return grader.grade(
                text,
                line,
                scenario.language,
                beat.evidence,
                f"scenario:{beat_id}",
                bottom_line=beat.bottom_line,
                warmed_before=True,
            ).techniques

        if asked and beat.model_reply.strip():
            got = credits(beat.model_reply)
            if not set(asked) & set(got):
                out.append(
                    doc.problem(
                        ("beats", i, "model_reply"),
                        "W109",
                        f"the model reply of beat '{beat_id}' earns none of {', '.join(asked)} "
                        f"(the grader credits: {', '.join(got) or 'nothing'})",
                        "rephrase it so it plainly does what the beat asks, or add the beat's own "
                        "phrases under evidence",
                    )
                )
        for technique, text in beat.model_replies.items():
            got = credits(text)
            if technique not in got:
                out.append(
                    doc.problem(
                        ("beats", i, "model_replies", technique),
                        "W109",
                        f"the model reply for {technique} in beat '{beat_id}' does not earn "
                        f"{technique} (the grader credits: {', '.join(got) or 'nothing'})",
                        "rephrase it so it plainly does what the technique asks, or add the "
                        "beat's own phrases under evidence",
                    )
                )
    return out


def warnings(scenario: Scenario, grader: Grader | None = None) -> list[Problem]:
    """Every warning for a scenario that loaded without errors."""
    doc = scenario.doc
    assert doc is not None
    out: list[Problem] = []
    if grader is not None:
        out += _model_reply_misses(scenario, grader)
    index = {beat_id: i for i, beat_id in enumerate(scenario.beats)}
    reach = reachable(scenario)
    for beat_id, beat in scenario.beats.items():
        path = ("beats", index[beat_id])
        if beat_id not in reach:
            out.append(
                doc.problem(
                    path,
                    "W101",
                    f"beat '{beat_id}' cannot be reached from '{scenario.start}'",
                    "add a transition to it or remove it",
                )
            )
        if not beat.next:
            out.append(
                doc.problem(
                    path,
                    "W102",
                    f"beat '{beat_id}' has no way out",
                    "add a 'next' entry leading to another beat or an ending",
                )
            )
        if beat.opportunities and not beat.model_reply.strip():
            out.append(
                doc.problem(
                    path,
                    "W106",
                    f"beat '{beat_id}' has opportunities but no model_reply",
                    "write the reply a senior manager would give here",
                )
            )
        for j, transition in enumerate(beat.next):
            for node in c.walk(transition.when) if transition.when else ():
                if node.op == "technique" and all(t in beat.punishes for t in node.args):
                    out.append(
                        doc.problem(
                            path + ("next", j),
                            "W105",
                            f"condition needs {', '.join(node.args)}, which this beat punishes (never credited here)",
                            "remove it from punishes or change the condition",
                        )
                    )
    ending_index = {ending_id: i for i, ending_id in enumerate(scenario.endings)}
    if not any(ending_id in reach for ending_id in scenario.endings):
        out.append(
            doc.problem(
                ("start",),
                "E030",
                f"no ending can be reached from '{scenario.start}': every session would end "
                "only when the meters run out or the turns do",
                "add a 'next' entry that leads to an ending (a success ending, to be passable)",
            )
        )
    for ending_id, ending in scenario.endings.items():
        if ending.kind != "walkout" and ending_id not in reach:
            out.append(
                doc.problem(
                    ("endings", ending_index[ending_id]),
                    "W103",
                    f"no path reaches ending '{ending_id}'",
                    "add a transition to it",
                )
            )
    opportunities = {t for beat in scenario.beats.values() for t in beat.opportunities}
    for i, fact in enumerate(scenario.persona.facts):
        if not _can_hold(fact.when, scenario):
            out.append(
                doc.problem(
                    ("persona", "facts", i),
                    "W104",
                    f"fact '{fact.id}' can never be revealed",
                    "its meter condition lies outside the meter's range",
                )
            )
        for node in c.walk(fact.when):
            if node.op in ("technique", "used") and not any(
                t in opportunities or t in ("praise", "probing", "pressure", "empathy")
                for t in node.args
            ):
                out.append(
                    doc.problem(
                        ("persona", "facts", i, "when"),
                        "W105",
                        f"fact '{fact.id}' needs {', '.join(node.args)}, which no beat offers",
                        "add it to a beat's opportunities",
                    )
                )
    reachable_kinds = [scenario.endings[e].kind for e in reach if e in scenario.endings]
    best = max((scoring.ENDING_VALUE[k] for k in reachable_kinds), default=0.0)
    ceiling = scoring.max_score(best, bool(scenario.persona.facts))
    if scenario.pass_score > ceiling:
        out.append(
            doc.problem(
                ("pass_score",),
                "W107",
                f"pass_score {scenario.pass_score} is above the best reachable score {ceiling}",
                "lower it or add a path to a success ending",
            )
        )
    if not scenario.tests:
        out.append(
            doc.problem(
                ("tests",),
                "W108",
                "no embedded tests",
                "add a model path, a poor path and a walkout",
            )
        )
    return out


def validate_file(
    path: str | Path, catalogue: Catalogue | None = None
) -> tuple[Scenario | None, list[Problem]]:
    """Load one file; return the scenario (None on errors) and every problem found."""
    try:
        scenario = load_scenario(path, catalogue)
    except ScenarioError as error:
        return None, error.problems
    return scenario, warnings(scenario, _grader(catalogue))


def validate_files(
    paths: list[Path], catalogue: Catalogue | None = None
) -> list[tuple[Path, Scenario | None, list[Problem]]]:
    """validate_file for each path, plus E024 for a scenario id an earlier file already uses."""
    out: list[tuple[Path, Scenario | None, list[Problem]]] = []
    first: dict[str, tuple[Path, int]] = {}
    for path in paths:
        scenario, problems = validate_file(path, catalogue)
        if scenario is not None and scenario.doc is not None:
            line = scenario.doc.where(("id",))[0]
            if scenario.id in first:
                other, other_line = first[scenario.id]
                problems = [
                    scenario.doc.problem(
                        ("id",),
                        "E024",
                        f"scenario id '{scenario.id}' is also used by {other}:{other_line}",
                        "give each scenario its own id; the library would show only one of them",
                    ),
                    *problems,
                ]
            else:
                first[scenario.id] = (path, line)
        out.append((path, scenario, problems))
    return out


_GRADERS: dict[int, tuple[Catalogue | None, Grader]] = {}


def _grader(catalogue: Catalogue | None) -> Grader:
    """One grader per catalogue (the learned layer behind it loads once)."""
    from simulator.core.grading import Grader

    key = id(catalogue)
    if key not in _GRADERS:
        _GRADERS[key] = (catalogue, Grader(catalogue))  # holding it keeps the id unique
    return _GRADERS[key][1]
