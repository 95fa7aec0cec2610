"""Cross-reference checks: every id a scenario mentions must exist."""

from __future__ import annotations

from typing import Any

from simulator.core.errors import Problem
from simulator.core.grading.catalogue import Catalogue
from simulator.core.yamlsafe import Document


def _ids(value: Any) -> list[str]:
    return [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]


def check_references(scenario: Any, doc: Document, catalogue: Catalogue) -> list[Problem]:
    """Problems for unknown beats, endings, techniques, pitfalls, facts and meters."""
    from simulator.core.scenario.loader import suggest

    problems: list[Problem] = []
    data = doc.data
    techniques, pitfalls = catalogue.techniques, catalogue.pitfalls
    facts = [f.id for f in scenario.persona.facts]
    meters = list(scenario.persona.meters)
    targets = list(scenario.beats) + list(scenario.endings)

    def unknown(path: tuple[Any, ...], code: str, what: str, name: str, options: list[str]) -> None:
        problems.append(doc.problem(path, code, f"unknown {what} '{name}'", suggest(name, options)))

    if scenario.situation not in catalogue.situations:
        unknown(("situation",), "E020", "situation", scenario.situation, list(catalogue.situations))
    for required in ("trust", "patience"):
        if required not in scenario.persona.meters:
            problems.append(
                doc.problem(
                    ("persona", "meters"),
                    "E010",
                    f"the persona needs a '{required}' meter",
                    f"add {required}: {{start: 50, min: 0, max: 100}}",
                )
            )
    for name, meter in scenario.persona.meters.items():
        if not meter.min <= meter.start <= meter.max:
            problems.append(
                doc.problem(
                    ("persona", "meters", name), "E013", f"meter '{name}' starts outside [min, max]"
                )
            )
    if scenario.start not in scenario.beats:
        unknown(("start",), "E021", "beat", scenario.start, list(scenario.beats))
    seen_facts: set[str] = set()
    for i, fact in enumerate(scenario.persona.facts):
        if fact.id in seen_facts:
            problems.append(
                doc.problem(("persona", "facts", i, "id"), "E024", f"duplicate fact id '{fact.id}'")
            )
        seen_facts.add(fact.id)

    def _cond_refs(raw: Any, path: tuple[Any, ...]) -> None:
        if not isinstance(raw, dict):
            return
        for key, value in raw.items():
            where = path + (key,)
            if key in ("technique", "used"):
                for name in _ids(value):
                    if name not in techniques:
                        unknown(where, "E020", "technique", name, techniques)
            elif key == "pitfall":
                for name in _ids(value):
                    if name not in pitfalls:
                        unknown(where, "E020", "pitfall", name, pitfalls)
            elif key == "fact":
                for name in _ids(value):
                    if name not in facts:
                        unknown(where, "E022", "fact", name, facts)
            elif key == "meter" and isinstance(value, dict):
                for name in value:
                    if name not in meters:
                        unknown(where + (name,), "E023", "meter", name, meters)
            elif key in ("all", "any") and isinstance(value, list):
                for j, item in enumerate(value):
                    _cond_refs(item, where + (j,))
            elif key == "not":
                _cond_refs(value, where)

    for name in data["persona"].get("reactions") or {}:
        if name not in pitfalls:
            unknown(("persona", "reactions", name), "E020", "pitfall", name, pitfalls)
    for i, fact_raw in enumerate(data["persona"].get("facts") or []):
        _cond_refs(fact_raw.get("when"), ("persona", "facts", i, "when"))
        for j, beat_id in enumerate(fact_raw.get("beats") or []):
            if beat_id not in scenario.beats:
                unknown(
                    ("persona", "facts", i, "beats", j),
                    "E021",
                    "beat",
                    beat_id,
                    list(scenario.beats),
                )
    for i, beat in enumerate(data["beats"]):
        path: tuple[Any, ...] = ("beats", i)
        for key in ("opportunities", "punishes"):
            for j, name in enumerate(beat.get(key) or []):
                if name not in techniques:
                    unknown(path + (key, j), "E020", "technique", name, techniques)
        for name in beat.get("evidence") or {}:
            if name not in techniques and name not in pitfalls:
                unknown(path + ("evidence", name), "E020", "technique", name, techniques)
        for name in beat.get("model_replies") or {}:
            if name not in techniques:
                unknown(path + ("model_replies", name), "E020", "technique", name, techniques)
        for name in beat.get("reactions") or {}:
            if name not in pitfalls:
                unknown(path + ("reactions", name), "E020", "pitfall", name, pitfalls)
        for key in ("say", "stay"):
            lines = beat.get(key)
            for j, line in enumerate(lines if isinstance(lines, list) else []):
                if isinstance(line, dict):
                    _cond_refs(line.get("when"), path + (key, j, "when"))
        for j, effect in enumerate(beat.get("effects") or []):
            _cond_refs(effect.get("when"), path + ("effects", j, "when"))
            for name in effect.get("meters") or {}:
                if name not in meters:
                    unknown(path + ("effects", j, "meters", name), "E023", "meter", name, meters)
        for j, transition in enumerate(beat.get("next") or []):
            _cond_refs(transition.get("when"), path + ("next", j, "when"))
            if transition["to"] not in targets:
                unknown(
                    path + ("next", j, "to"), "E021", "beat or ending", transition["to"], targets
                )
    if not scenario.endings:
        problems.append(doc.problem(("endings",), "E010", "a scenario needs at least one ending"))
    for i, test in enumerate(data.get("tests") or []):
        expect = test["expect"]
        path = ("tests", i, "expect")
        if expect.get("ending") not in (None, "abandoned", "timeout", *scenario.endings):
            unknown(path + ("ending",), "E025", "ending", expect["ending"], list(scenario.endings))
        for key, options, code in (
            ("facts", facts, "E022"),
            ("missed_facts", facts, "E022"),
            ("techniques", techniques, "E020"),
            ("pitfalls", pitfalls, "E020"),
        ):
            for j, name in enumerate(expect.get(key) or []):
                if name not in options:
                    unknown(
                        path + (key, j), code, key.rstrip("s").replace("missed_", ""), name, options
                    )
    return problems
