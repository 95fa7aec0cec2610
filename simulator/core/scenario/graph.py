"""A scenario as a map: beats, endings, transitions and hidden facts, as DOT or Mermaid.

A trainer cannot see a 9-beat scenario's structure in YAML; a drawing shows the beat
nobody reaches and the ending only one path leads to. Transitions are labelled with
their conditions in words (by `explain.describe`) and numbered, because the first one
that holds wins. Node names are generated (n1, n2, …) so no scenario id can collide
with a keyword of either language (Mermaid's `end`, DOT's `node`).
"""

from __future__ import annotations

import textwrap

from simulator.core.scenario.explain import describe
from simulator.core.scenario.model import Scenario
from simulator.core.text import LANGS, has, t

KIND_COLOURS = {
    "success": ("#d4edda", "#1e7e34"),
    "partial": ("#fff3cd", "#b8860b"),
    "failure": ("#f8d7da", "#c82333"),
    "walkout": ("#e2e3e5", "#6c757d"),
}
"""Ending kind -> (fill, border)."""


class _Names:
    """Safe node names for every beat, ending and fact."""

    def __init__(self, scenario: Scenario) -> None:
        ids = [("beat", b) for b in scenario.beats]
        ids += [("ending", e) for e in scenario.endings]
        ids += [("fact", f.id) for f in scenario.persona.facts]
        self.names = {key: f"n{i}" for i, key in enumerate(ids, 1)}

    def __call__(self, kind: str, item: str) -> str:
        return self.names[(kind, item)]

    def target(self, scenario: Scenario, to: str) -> str:
        return self("ending" if to in scenario.endings else "beat", to)


def _beat_lines(scenario: Scenario, beat_id: str, lang: str) -> list[str]:
    beat = scenario.beats[beat_id]
    lines = [beat_id]
    if beat_id == scenario.start:
        lines[0] = f"▶ {beat_id} ({t('graph.start', lang)})"
    if beat.bottom_line:
        lines.append(f"[{t('graph.bottom_line', lang)}]")
    if beat.opportunities:
        lines.append(f"{t('graph.opportunities', lang)}: {', '.join(beat.opportunities)}")
    if beat.punishes:
        lines.append(f"{t('graph.punishes', lang)}: {', '.join(beat.punishes)}")
    return lines


def _ending_lines(scenario: Scenario, ending_id: str, lang: str) -> list[str]:
    ending = scenario.endings[ending_id]
    kind = t(f"graph.kind.{ending.kind}", lang) if has(f"graph.kind.{ending.kind}") else ending.kind
    lines = [ending_id, f"{t('graph.ending', lang)}: {kind}"]
    if ending.kind == "walkout":
        lines.append(t("graph.walkout", lang))
    return lines


def _fact_lines(scenario: Scenario, index: int, lang: str) -> list[str]:
    fact = scenario.persona.facts[index]
    lines = [f"{t('graph.fact', lang)}: {fact.id}", describe(fact.when, lang)]
    if not fact.beats:
        lines.append(t("graph.any_beat", lang))
    return lines


def _edges(scenario: Scenario, lang: str) -> list[tuple[str, str, str]]:
    """(from beat, to, label) for every transition, numbered in order."""
    out = []
    for beat_id, beat in scenario.beats.items():
        for n, transition in enumerate(beat.next, 1):
            label = describe(transition.when, lang)
            out.append((beat_id, transition.to, f"{n}. {label}" if len(beat.next) > 1 else label))
    return out


def language(scenario: Scenario, lang: str | None) -> str:
    return lang if lang in LANGS else scenario.language


WRAP = 48
"""Label lines are wrapped at this width so a long phrase list does not widen the map."""


def _wrapped(lines: list[str]) -> list[str]:
    return [part for line in lines for part in (textwrap.wrap(line, WRAP) or [""])]


# ---- DOT ----------------------------------------------------------------------------
def _dot_text(lines: list[str]) -> str:
    escaped = [line.replace("\\", "\\\\").replace('"', '\\"') for line in _wrapped(lines)]
    return '"' + "\\n".join(escaped) + '"'


def to_dot(scenario: Scenario, lang: str | None = None) -> str:
    """Graphviz DOT: `dot -Tsvg` renders it."""
    lang = language(scenario, lang)
    name = _Names(scenario)
    out = [
        "digraph scenario {",
        f"  label={_dot_text([f'{scenario.title} ({scenario.id})'])};",
        "  labelloc=t;",
        "  rankdir=TB;",
        '  node [fontname="sans-serif"];',
        '  edge [fontname="sans-serif", fontsize=10];',
    ]
    for beat_id, beat in scenario.beats.items():
        style = "rounded,bold" if beat_id == scenario.start else "rounded"
        if beat.bottom_line:
            style += ",dashed"
        label = _dot_text(_beat_lines(scenario, beat_id, lang))
        out.append(f'  {name("beat", beat_id)} [shape=box, style="{style}", label={label}];')
    for ending_id, ending in scenario.endings.items():
        fill, border = KIND_COLOURS.get(ending.kind, ("#ffffff", "#000000"))
        label = _dot_text(_ending_lines(scenario, ending_id, lang))
        out.append(
            f"  {name('ending', ending_id)} [shape=doubleoctagon, style=filled, "
            f'fillcolor="{fill}", color="{border}", label={label}];'
        )
    for source, to, label in _edges(scenario, lang):
        out.append(
            f"  {name('beat', source)} -> {name.target(scenario, to)} [label={_dot_text([label])}];"
        )
    for i, fact in enumerate(scenario.persona.facts):
        label = _dot_text(_fact_lines(scenario, i, lang))
        out.append(
            f'  {name("fact", fact.id)} [shape=note, style=filled, fillcolor="#e8f0fe", label={label}];'
        )
        for beat_id in fact.beats:
            if beat_id in scenario.beats:
                out.append(
                    f"  {name('beat', beat_id)} -> {name('fact', fact.id)} "
                    f"[style=dashed, arrowhead=none, label={_dot_text([t('graph.reveal', lang)])}];"
                )
    out.append("}")
    return "\n".join(out) + "\n"


# ---- Mermaid --------------------------------------------------------------------------
_MERMAID_ESCAPES = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "|": "#124;"}


def _mermaid_text(lines: list[str]) -> str:
    def one(line: str) -> str:
        return "".join(_MERMAID_ESCAPES.get(ch, ch) for ch in line)

    return '"' + "<br/>".join(one(line) for line in _wrapped(lines)) + '"'


def to_mermaid(scenario: Scenario, lang: str | None = None) -> str:
    """A Mermaid flowchart, for Markdown viewers that draw ```mermaid blocks.

    Only the oldest shapes (rounded beats, boxes for endings and facts, told apart by
    colour and label) so that every Mermaid version and strict validators accept it.
    """
    lang = language(scenario, lang)
    name = _Names(scenario)
    out = ["flowchart TD"]
    for beat_id in scenario.beats:
        out.append(
            f"  {name('beat', beat_id)}({_mermaid_text(_beat_lines(scenario, beat_id, lang))})"
        )
    for ending_id in scenario.endings:
        out.append(
            f"  {name('ending', ending_id)}[{_mermaid_text(_ending_lines(scenario, ending_id, lang))}]"
        )
    for i, fact in enumerate(scenario.persona.facts):
        out.append(f"  {name('fact', fact.id)}[{_mermaid_text(_fact_lines(scenario, i, lang))}]")
    for source, to, label in _edges(scenario, lang):
        out.append(
            f"  {name('beat', source)} -->|{_mermaid_text([label])}| {name.target(scenario, to)}"
        )
    for fact in scenario.persona.facts:
        for beat_id in fact.beats:
            if beat_id in scenario.beats:
                out.append(
                    f"  {name('beat', beat_id)} -.->|{_mermaid_text([t('graph.reveal', lang)])}| "
                    f"{name('fact', fact.id)}"
                )
    for kind, (fill, border) in KIND_COLOURS.items():
        out.append(f"  classDef {kind} fill:{fill},stroke:{border},stroke-width:2px")
    out.append("  classDef fact fill:#e8f0fe,stroke:#4a6fa5")
    out.append("  classDef start stroke-width:3px")
    for ending_id, ending in scenario.endings.items():
        if ending.kind in KIND_COLOURS:
            out.append(f"  class {name('ending', ending_id)} {ending.kind}")
    for fact in scenario.persona.facts:
        out.append(f"  class {name('fact', fact.id)} fact")
    if scenario.start in scenario.beats:
        out.append(f"  class {name('beat', scenario.start)} start")
    return "\n".join(out) + "\n"
