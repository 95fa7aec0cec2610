"""Checks that need the whole scenario: can anyone pass it, can every fact come out.

These are errors, not warnings: a scenario no path can pass, or a fact whose gate can
never open, is broken for every trainee. They run inside `scenario.build` beside the
reference checks, so one run reports them with everything else; transitions to ids
that do not exist are skipped here (the reference checks report them).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection
from typing import Any

from simulator.core.errors import Problem
from simulator.core.scenario import conditions as c
from simulator.core.scenario.model import Scenario
from simulator.core.scenario.scoring import ENDING_VALUE, PASSING_ENDINGS
from simulator.core.yamlsafe import Document


def required_facts(cond: c.Cond | None) -> frozenset[str]:
    """Facts that must all be revealed for `cond` to hold (an `any` needs what all share)."""
    if cond is None:
        return frozenset()
    if cond.op == "fact":
        return frozenset(cond.args)
    if cond.op == "all":
        return frozenset().union(*(required_facts(child) for child in cond.children))
    if cond.op == "any" and cond.children:
        sets = [required_facts(child) for child in cond.children]
        return frozenset.intersection(*sets)
    return frozenset()


def reachable(scenario: Scenario, revealed: Collection[str] | None = None) -> set[str]:
    """Beats and endings a path from the start can reach, conditions aside.

    With `revealed`, a transition that needs a fact outside it is not taken.
    """
    seen = {scenario.start}
    queue = deque([scenario.start])
    while queue:
        beat = scenario.beats.get(queue.popleft())
        if beat is None:
            continue
        for transition in beat.next:
            if revealed is not None and not required_facts(transition.when) <= set(revealed):
                continue
            if transition.to not in seen:
                seen.add(transition.to)
                queue.append(transition.to)
    return seen


def openable_facts(scenario: Scenario) -> set[str]:
    """Facts some path can reveal: found in rounds, each round with the facts found so far."""
    opened: set[str] = set()
    while True:
        reach = reachable(scenario, opened)
        more = {
            fact.id
            for fact in scenario.persona.facts
            if fact.id not in opened
            and required_facts(fact.when) <= opened
            and (not fact.beats or reach & set(fact.beats))
        }
        if not more:
            return opened
        opened |= more


def check_soundness(scenario: Scenario, doc: Document) -> list[Problem]:
    """E013 empty say, E026 no path can pass, E027 a fact that can never be revealed."""
    problems: list[Problem] = []
    for i, beat in enumerate(scenario.beats.values()):
        if not any(line.text.strip() for line in beat.say):
            problems.append(
                doc.problem(
                    ("beats", i, "say"),
                    "E013",
                    f"beat '{beat.id}' has an empty say: the customer would say nothing on arriving",
                    "write at least one line, e.g. say: 您好,请坐。",
                )
            )
    if scenario.start not in scenario.beats:
        return problems  # reported by the reference checks; nothing to walk from
    opened = openable_facts(scenario)
    reach = reachable(scenario, opened)
    problems += _no_pass(scenario, doc, reach)
    problems += _closed_gates(scenario, doc, opened)
    return problems


def _no_pass(scenario: Scenario, doc: Document, reach: set[str]) -> list[Problem]:
    if not any(e.id in reach for e in scenario.endings.values()):
        return []  # no ending is reachable at all: the validator's E030 says exactly that
    ends = [e for e in scenario.endings.values() if e.id in reach or e.kind == "walkout"]
    if not all(e.kind in ENDING_VALUE for e in ends):
        return []  # an unknown kind is reported by the spec check
    if any(e.kind in PASSING_ENDINGS for e in ends):
        return []
    shown = ", ".join(f"{e.id} ({e.kind})" for e in ends) or "none"
    return [
        doc.problem(
            ("endings",),
            "E026",
            f"no path can pass: every ending a path can reach is a failure: {shown}",
            "add a success or partial ending and a transition that leads to it",
        )
    ]


def _closed_gates(scenario: Scenario, doc: Document, opened: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    everywhere = reachable(scenario)
    for i, fact in enumerate(scenario.persona.facts):
        if fact.id in opened:
            continue
        needs = required_facts(fact.when)
        path: tuple[Any, ...] = ("persona", "facts", i)
        if fact.id in needs:
            why = f"its condition needs fact '{fact.id}' itself"
            hint = "remove 'fact: " + fact.id + "' from its when"
        elif needs - opened:
            blocked = ", ".join(sorted(needs - opened))
            why = f"its condition needs fact(s) {blocked}, which can never be revealed first"
            hint = "break the circle: gate one of them on the conversation, not on a fact"
        elif everywhere & set(fact.beats):
            gates = set().union(
                *(required_facts(t.when) for b in scenario.beats.values() for t in b.next)
            )
            gates -= opened
            circle = " (a circle)" if fact.id in gates else ""
            why = (
                f"its beats ({', '.join(fact.beats)}) are reached only after fact(s) "
                f"{', '.join(sorted(gates))} are revealed{circle}"
            )
            hint = "let a path reach one of its beats without that fact, or list another beat"
        else:
            why = f"none of its beats ({', '.join(fact.beats)}) can be reached from '{scenario.start}'"
            hint = "list a beat a path reaches under beats, or add a transition to one"
        problems.append(
            doc.problem(path, "E027", f"fact '{fact.id}' can never be revealed: {why}", hint)
        )
    return problems
