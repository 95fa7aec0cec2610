"""A small field-spec language: one description drives both validation and the JSON Schema.

Trainers point their editor at the schema `simulator schema` prints; the loader
checks files against the very same specs, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process

from simulator.core.errors import Problem
from simulator.core.yamlsafe import Document


@dataclass(frozen=True)
class F:
    """The expected shape of one value."""

    type: str
    """str, int, number, bool, list, obj, map, cond, or one of several joined by '|'."""
    doc: str = ""
    """Shown in editors and in docs."""
    required: bool = False
    """The key must be present (for fields of an obj)."""
    enum: tuple[Any, ...] = ()
    """Allowed values."""
    items: F | None = None
    """Spec of list items."""
    fields: dict[str, F] | None = None
    """Spec of an obj's keys."""
    values: F | None = None
    """Spec of a map's values (keys are free)."""
    minimum: float | None = None
    """Smallest allowed number."""
    maximum: float | None = None
    """Largest allowed number."""
    fix: str = ""
    """What to do when the value is out of range (the hint of the error)."""
    pattern: str | None = None
    """Regex a str must match (JSON Schema only; checked by the loader where it matters)."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Additional JSON Schema keywords."""


_JSON_TYPES = {
    "str": "string",
    "int": "integer",
    "number": "number",
    "bool": "boolean",
    "list": "array",
    "obj": "object",
    "map": "object",
}


def to_schema(spec: F, defs: dict[str, Any]) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for a spec; conditions refer to $defs/condition."""
    if spec.type == "cond":
        out: dict[str, Any] = {"$ref": "#/$defs/condition"}
        if spec.doc:
            out["description"] = spec.doc
        return out
    kinds = spec.type.split("|")
    if len(kinds) > 1:
        out = {
            "anyOf": [
                to_schema(F(kind, items=spec.items, fields=spec.fields, values=spec.values), defs)
                for kind in kinds
            ]
        }
    else:
        out = {"type": _JSON_TYPES[spec.type]}
        if spec.type == "list" and spec.items:
            out["items"] = to_schema(spec.items, defs)
        if spec.type == "obj" and spec.fields is not None:
            out["properties"] = {k: to_schema(v, defs) for k, v in spec.fields.items()}
            out["additionalProperties"] = False
            required = [k for k, v in spec.fields.items() if v.required]
            if required:
                out["required"] = required
        if spec.type == "map" and spec.values:
            out["additionalProperties"] = to_schema(spec.values, defs)
    if spec.doc:
        out["description"] = spec.doc
    if spec.enum:
        out["enum"] = list(spec.enum)
    if spec.minimum is not None:
        out["minimum"] = spec.minimum
    if spec.maximum is not None:
        out["maximum"] = spec.maximum
    if spec.pattern:
        out["pattern"] = spec.pattern
    out.update(spec.extra)
    return out


def _type_ok(kind: str, value: Any) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "list":
        return isinstance(value, list)
    if kind in ("obj", "map", "cond"):
        return isinstance(value, dict)
    return True


_EXAMPLES = {
    "str": 'write text; quote it if it starts with a special character, e.g. "[备注]"',
    "int": "write a whole number, e.g. 60",
    "number": "write a number, e.g. 5 or -2.5",
    "bool": "write true or false",
    "list": "write a list: [a, b] or one '- item' per line",
    "obj": "indent its keys under it, one 'key: value' per line",
    "map": "indent its keys under it, one 'key: value' per line",
    "cond": "write a condition such as {technique: praise}",
}

_NAMES = {
    "str": "text",
    "int": "a whole number",
    "number": "a number",
    "bool": "true or false",
    "list": "a list",
    "obj": "a mapping",
    "map": "a mapping",
    "cond": "a condition (a mapping)",
}


def check(
    doc: Document, spec: F, value: Any, path: tuple[Any, ...], problems: list[Problem]
) -> None:
    """Append a Problem for every way `value` departs from `spec` (conditions excluded)."""
    kinds = spec.type.split("|")
    if not any(_type_ok(kind, value) for kind in kinds):
        expected = " or ".join(_NAMES[k] for k in kinds)
        got = type(value).__name__ if value is not None else "nothing"
        problems.append(
            doc.problem(
                path,
                "E011",
                f"{_label(path)} should be {expected}, not {got}",
                "; ".join(_EXAMPLES[k] for k in kinds if k in _EXAMPLES),
            )
        )
        return
    if spec.pattern and isinstance(value, str) and not re.match(spec.pattern, value):
        problems.append(
            doc.problem(
                path,
                "E013",
                f"{_label(path)} {value!r} breaks the id rule: lowercase letters, digits, "
                "'-', '_' and '.', starting with a letter or digit",
                f"for example '{_id_like(value)}'",
            )
        )
    if spec.enum and value not in spec.enum:
        options = ", ".join(str(v) for v in spec.enum)
        problems.append(
            doc.problem(path, "E013", f"{_label(path)} is {value!r}; expected one of: {options}")
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        if spec.minimum is not None and value < spec.minimum:
            problems.append(
                doc.problem(
                    path, "E013", f"{_label(path)} must be at least {spec.minimum:g}", spec.fix
                )
            )
        if spec.maximum is not None and value > spec.maximum:
            problems.append(
                doc.problem(
                    path, "E013", f"{_label(path)} must be at most {spec.maximum:g}", spec.fix
                )
            )
    if isinstance(value, list) and spec.items is not None:
        for index, item in enumerate(value):
            check(doc, spec.items, item, path + (index,), problems)
    if isinstance(value, dict) and "obj" in kinds and spec.fields is not None:
        for key, sub in spec.fields.items():
            if sub.required and key not in value:
                problems.append(
                    doc.problem(path, "E010", f"{_label(path)} is missing '{key}'", sub.doc)
                )
        for key, item in value.items():
            if key not in spec.fields:
                guess = process.extractOne(key, list(spec.fields), score_cutoff=60)
                hint = (
                    f"did you mean '{guess[0]}'?" if guess else "allowed: " + ", ".join(spec.fields)
                )
                problems.append(
                    doc.problem(
                        path + (key,), "E012", f"unknown key '{key}' in {_label(path)}", hint
                    )
                )
            else:
                check(doc, spec.fields[key], item, path + (key,), problems)
    if isinstance(value, dict) and "map" in kinds and spec.values is not None:
        for key, item in value.items():
            check(doc, spec.values, item, path + (key,), problems)


def _id_like(value: str) -> str:
    """A valid id close to `value`: lowercased, spaces to '-', other characters dropped."""
    text = re.sub(r"[\s]+", "-", value.strip().lower())
    text = re.sub(r"[^a-z0-9_.-]", "", text).strip("-_.")
    text = re.sub(r"-{2,}", "-", text)
    return text or "my-id"


def _label(path: tuple[Any, ...]) -> str:
    if not path:
        return "the file"
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in path]
    return "".join(parts).lstrip(".")
