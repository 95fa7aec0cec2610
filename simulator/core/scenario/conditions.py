"""Declarative conditions: the only logic a scenario file can express.

A condition is a mapping. Several keys in one mapping must all hold. Keys:
  technique: id | [ids]     one of these techniques was credited in this reply
  pitfall: id | [ids]       one of these pitfalls was committed in this reply
  used: id | [ids]          one of these was credited in any reply so far (this one included)
  phrase: text | [texts]    the reply contains one of these (normalised; near matches count;
                            a name in a phrase also matches the person's aliases)
  meter: {name: {gte|gt|lte|lt|eq: n}}
  fact: id | [ids]          all these facts have been revealed
  turns_in_beat: {gte: n}   replies spent in the current beat, this one included
  turn: {gte: n}            replies in the session, this one included
  repeat: true|false        the reply repeats an earlier one
  question: true|false      the reply asks a real question
  always: true
  all: [cond…]  any: [cond…]  not: cond
Nothing here can run code: conditions are data, evaluated by `holds`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from simulator.core.errors import Problem
from simulator.core.grading.normalise import contains, fold_phrase, near_match
from simulator.core.yamlsafe import Document

COMPARE = ("gte", "gt", "lte", "lt", "eq")
LIST_KEYS = ("technique", "pitfall", "used", "phrase", "fact")
COUNT_KEYS = ("turns_in_beat", "turn")
BOOL_KEYS = ("repeat", "question", "always")
KEYS = LIST_KEYS + COUNT_KEYS + BOOL_KEYS + ("meter", "all", "any", "not")


@dataclass(frozen=True)
class Cond:
    """A parsed condition node."""

    op: str
    """One of KEYS."""
    args: tuple[Any, ...] = ()
    """Ids, phrases, (meter, comparison, value) triples, or a bool."""
    children: tuple[Cond, ...] = ()
    """For all, any and not."""


ALWAYS = Cond("always", (True,))


@dataclass
class State:
    """What a condition can look at, for one reply."""

    techniques: frozenset[str] = frozenset()
    pitfalls: frozenset[str] = frozenset()
    used: frozenset[str] = frozenset()
    text: str = ""
    """The reply, folded by text.normalise."""
    meters: dict[str, float] = field(default_factory=dict)
    facts: frozenset[str] = frozenset()
    turns_in_beat: int = 0
    turn: int = 0
    repeat: bool = False
    question: bool = False
    aliases: tuple[tuple[str, ...], ...] = ()
    """Groups of names for one person (Persona.alias_groups): in a phrase, any stands for all."""


def parse(doc: Document, raw: Any, path: tuple[Any, ...], problems: list[Problem]) -> Cond:
    """Parse a condition, appending a Problem for every mistake."""
    if not isinstance(raw, dict) or not raw:
        problems.append(
            doc.problem(
                path, "E011", "a condition is a non-empty mapping, e.g. {technique: praise}"
            )
        )
        return ALWAYS
    parts: list[Cond] = []
    for key, value in raw.items():
        where = path + (key,)
        if key in LIST_KEYS:
            items = value if isinstance(value, list) else [value]
            if not items or not all(isinstance(i, str) and i for i in items):
                problems.append(doc.problem(where, "E011", f"'{key}' takes text or a list of text"))
                continue
            parts.append(Cond(key, tuple(items)))
        elif key in COUNT_KEYS:
            parts.extend(_compare(doc, value, where, problems, key, None))
        elif key in BOOL_KEYS:
            if not isinstance(value, bool):
                problems.append(doc.problem(where, "E011", f"'{key}' takes true or false"))
                continue
            parts.append(Cond(key, (value,)))
        elif key == "meter":
            if not isinstance(value, dict) or not value:
                problems.append(
                    doc.problem(where, "E011", "'meter' takes a mapping like {trust: {gte: 60}}")
                )
                continue
            for meter, test in value.items():
                parts.extend(_compare(doc, test, where + (meter,), problems, "meter", meter))
        elif key in ("all", "any"):
            if not isinstance(value, list) or not value:
                problems.append(
                    doc.problem(where, "E011", f"'{key}' takes a non-empty list of conditions")
                )
                continue
            kids = tuple(parse(doc, item, where + (i,), problems) for i, item in enumerate(value))
            parts.append(Cond(key, (), kids))
        elif key == "not":
            parts.append(Cond("not", (), (parse(doc, value, where, problems),)))
        else:
            problems.append(
                doc.problem(
                    where, "E012", f"unknown condition '{key}'", "use one of: " + ", ".join(KEYS)
                )
            )
    if not parts:
        return ALWAYS
    return parts[0] if len(parts) == 1 else Cond("all", (), tuple(parts))


def _compare(
    doc: Document,
    value: Any,
    where: tuple[Any, ...],
    problems: list[Problem],
    op: str,
    meter: str | None,
) -> list[Cond]:
    if not isinstance(value, dict) or not value:
        problems.append(doc.problem(where, "E011", "a comparison is a mapping like {gte: 3}"))
        return []
    out = []
    for cmp, number in value.items():
        if cmp not in COMPARE:
            problems.append(
                doc.problem(
                    where + (cmp,),
                    "E012",
                    f"unknown comparison '{cmp}'",
                    "use gte, gt, lte, lt or eq",
                )
            )
        elif not isinstance(number, int | float) or isinstance(number, bool):
            problems.append(doc.problem(where + (cmp,), "E011", "compare with a number"))
        else:
            out.append(Cond(op, (meter, cmp, number)))
    return out


def _cmp(left: float, cmp: str, right: float) -> bool:
    return {
        "gte": left >= right,
        "gt": left > right,
        "lte": left <= right,
        "lt": left < right,
        "eq": left == right,
    }[cmp]


def phrase_in(phrase: str, folded: str) -> bool:
    """True when the folded reply contains the phrase, exactly or nearly (typos)."""
    key = fold_phrase(phrase)
    if not key:
        return False
    return contains(key, folded) is not None or near_match(key, folded) is not None


@lru_cache(maxsize=8192)
def variants(phrase: str, groups: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """The phrase, and the phrase with each person's name swapped for each of their aliases."""
    out = [phrase]
    for group in groups:
        for name in group:
            edge = r"(?<![a-z])" if name[:1].isascii() else ""
            tail = r"(?![a-z])" if name[-1:].isascii() else ""
            pattern = re.compile(edge + re.escape(name) + tail, re.IGNORECASE)
            if name.strip() and pattern.search(phrase):
                pieces = pattern.split(phrase)
                out += [other.join(pieces) for other in group if other != name]
    return tuple(dict.fromkeys(out))


def says(phrase: str, state: State) -> bool:
    """True when the reply in `state` says the phrase, or says it with another name of a person."""
    return any(phrase_in(v, state.text) for v in variants(phrase, state.aliases))


def holds(cond: Cond, state: State) -> bool:
    """Evaluate a parsed condition."""
    op = cond.op
    if op == "always":
        return bool(cond.args[0])
    if op == "all":
        return all(holds(c, state) for c in cond.children)
    if op == "any":
        return any(holds(c, state) for c in cond.children)
    if op == "not":
        return not holds(cond.children[0], state)
    if op == "technique":
        return any(a in state.techniques for a in cond.args)
    if op == "pitfall":
        return any(a in state.pitfalls for a in cond.args)
    if op == "used":
        return any(a in state.used for a in cond.args)
    if op == "fact":
        return all(a in state.facts for a in cond.args)
    if op == "phrase":
        return any(says(a, state) for a in cond.args)
    if op == "repeat":
        return state.repeat == cond.args[0]
    if op == "question":
        return state.question == cond.args[0]
    _, cmp, number = cond.args
    if op == "meter":
        return _cmp(state.meters.get(cond.args[0], 0), cmp, number)
    if op == "turns_in_beat":
        return _cmp(state.turns_in_beat, cmp, number)
    if op == "turn":
        return _cmp(state.turn, cmp, number)
    return False


def walk(cond: Cond):
    """Every node of a condition tree."""
    yield cond
    for child in cond.children:
        yield from walk(child)


def schema() -> dict[str, Any]:
    """JSON Schema for a condition (recursive)."""
    ids = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    comparison = {
        "type": "object",
        "propertyNames": {"enum": list(COMPARE)},
        "additionalProperties": {"type": "number"},
    }
    ref = {"$ref": "#/$defs/condition"}
    return {
        "type": "object",
        "description": "All keys in one mapping must hold.",
        "additionalProperties": False,
        "properties": {
            "technique": {**ids, "description": "credited in this reply"},
            "pitfall": {**ids, "description": "committed in this reply"},
            "used": {**ids, "description": "credited in any reply so far"},
            "phrase": {**ids, "description": "the reply contains one of these phrases"},
            "fact": {**ids, "description": "these facts have been revealed"},
            "meter": {"type": "object", "additionalProperties": comparison},
            "turns_in_beat": comparison,
            "turn": comparison,
            "repeat": {"type": "boolean"},
            "question": {"type": "boolean"},
            "always": {"type": "boolean"},
            "all": {"type": "array", "items": ref},
            "any": {"type": "array", "items": ref},
            "not": ref,
        },
    }
