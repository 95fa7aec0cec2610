"""Why a session went where it went: every condition the engine judged, turn by turn.

`trace` plays replies through the ordinary engine, watching it through its tracing
hook, and records for each turn the grade, every effect, every hidden fact and every
transition with whether it held and why, in words with the values looked at
("trust 48 < 55"). `simulator trace` prints it; a failing embedded test prints its
last turns.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from simulator.core.grading import Grader
from simulator.core.scenario import conditions as c
from simulator.core.scenario.explain import explain
from simulator.core.scenario.model import Scenario
from simulator.core.session.engine import Session
from simulator.core.session.turns import Turn
from simulator.core.text import t


@dataclass(frozen=True)
class Check:
    """One condition the engine judged: an effect, a fact or a transition."""

    id: str
    """Fact id, transition target, or effect number (1-based) as text."""
    ok: bool
    """Fired, revealed or applied."""
    why: str
    """Why, with the values looked at."""
    detail: dict[str, float] = dataclasses.field(default_factory=dict)
    """For an effect: its meter deltas."""


@dataclass(frozen=True)
class TurnTrace:
    turn: Turn
    """What the engine recorded."""
    effects: tuple[Check, ...]
    """Every effect of the beat, in order."""
    facts: tuple[Check, ...]
    """Every fact still hidden before this reply."""
    transitions: tuple[Check, ...]
    """Every transition of the beat, in order."""
    outcome: str
    """Where the turn led, in words."""

    def to_dict(self) -> dict[str, Any]:
        turn = self.turn
        return {
            "turn": turn.index,
            "beat": turn.beat,
            "reply": turn.reply,
            "grade": {
                "techniques": list(turn.credited),
                "detected": list(turn.detected),
                "taken": list(turn.taken),
                "misplaced": list(turn.misplaced),
                "pitfalls": list(turn.pitfalls),
                "evidence": [e.to_dict() for e in turn.evidence],
                "repeat": turn.repeat,
                "stuffing": turn.stuffing,
            },
            "effects": [
                {"effect": int(e.id), "applied": e.ok, "why": e.why, "meters": e.detail}
                for e in self.effects
            ],
            "facts": [{"id": f.id, "revealed": f.ok, "why": f.why} for f in self.facts],
            "transitions": [{"to": x.id, "fired": x.ok, "why": x.why} for x in self.transitions],
            "changes": [
                {"meter": m.meter, "delta": m.delta, "value": m.value, "reason": m.reason}
                for m in turn.changes
            ],
            "meters": dict(turn.meters),
            "outcome": self.outcome,
            "ending": turn.ending,
            "customer": turn.customer,
        }


@dataclass(frozen=True)
class Trace:
    scenario: Scenario
    session: Session
    turns: tuple[TurnTrace, ...]
    lang: str
    """Language of the explanations."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario.id,
            "seed": self.session.seed,
            "ending": self.session.ending,
            "turns": [t.to_dict() for t in self.turns],
        }


def _copy(state: c.State) -> c.State:
    return dataclasses.replace(state, meters=dict(state.meters))


def trace(
    scenario: Scenario,
    replies: list[str] | tuple[str, ...],
    seed: int = 0,
    grader: Grader | None = None,
    lang: str = "en",
) -> Trace:
    """Play replies (as `testing.play` does) and explain every turn."""
    seen: dict[str, c.State] = {}
    session = Session.start(scenario, seed, grader)
    session.observer = lambda stage, state: seen.__setitem__(stage, _copy(state))
    out: list[TurnTrace] = []
    for reply in replies:
        if session.finished:
            break
        seen.clear()
        beat = session.current_beat
        turn = session.reply(reply)
        out.append(_explain_turn(scenario, beat.id, turn, seen, lang))
    session.abandon()
    return Trace(scenario, session, tuple(out), lang)


def _explain_turn(
    scenario: Scenario, beat_id: str, turn: Turn, seen: dict[str, c.State], lang: str
) -> TurnTrace:
    beat = scenario.beats[beat_id]
    effects = []
    state = _copy(seen["effects"])
    for i, effect in enumerate(beat.effects, 1):
        ok, why = explain(effect.when, state, lang)
        if ok:  # later effects see the meters this one moved, as in the engine
            for meter, delta in effect.meters.items():
                spec = scenario.persona.meters.get(meter)
                if spec is not None and meter in state.meters:
                    state.meters[meter] = max(spec.min, min(spec.max, state.meters[meter] + delta))
        effects.append(Check(str(i), ok, why, dict(effect.meters)))
    facts = []
    before = seen["facts"]
    for fact in scenario.persona.facts:
        if fact.id in before.facts:
            continue
        if fact.beats and beat_id not in fact.beats:
            why = t("trace.only_beats", lang, beats=", ".join(fact.beats), beat=beat_id)
            facts.append(Check(fact.id, False, why))
            continue
        ok, why = explain(fact.when, seen.get(f"fact:{fact.id}", before), lang)
        facts.append(Check(fact.id, ok, why))
    transitions: list[Check] = []
    after = seen["next"]
    floor = _floor_reached(scenario, after, lang)
    fired: str | None = None
    for transition in beat.next:
        if floor is not None:
            transitions.append(Check(transition.to, False, floor))
        elif fired is not None:
            transitions.append(Check(transition.to, False, t("trace.not_reached", lang, to=fired)))
        else:
            ok, why = explain(transition.when, after, lang)
            transitions.append(Check(transition.to, ok, why))
            fired = transition.to if ok else None
    outcome = _outcome(scenario, turn, beat_id, floor, fired, lang)
    return TurnTrace(turn, tuple(effects), tuple(facts), tuple(transitions), outcome)


def _floor_reached(scenario: Scenario, state: c.State, lang: str) -> str | None:
    """The engine's walkout check, which comes before any transition."""
    for name in ("patience", "trust"):
        spec = scenario.persona.meters.get(name)
        if spec and name in state.meters and state.meters[name] <= spec.min:
            return t("trace.walkout", lang, meter=name, value=state.meters[name], floor=spec.min)
    return None


def _outcome(
    scenario: Scenario,
    turn: Turn,
    beat_id: str,
    floor: str | None,
    fired: str | None,
    lang: str,
) -> str:
    if turn.ending == "timeout":
        return t("trace.timeout", lang, n=scenario.settings.max_turns)
    if floor is not None:
        return t("trace.ends", lang, ending=turn.ending)
    if turn.ending is not None:
        return t("trace.ends", lang, ending=turn.ending)
    if fired is None or fired == beat_id:
        return t("trace.stays", lang, beat=beat_id)
    return t("trace.moves", lang, to=fired)


# ---- text ----------------------------------------------------------------------------
def to_text(result: Trace, last: int | None = None) -> str:
    """The trace as plain text; `last` keeps only the final turns (a failing test)."""
    turns = result.turns[-last:] if last else result.turns
    out: list[str] = []
    if last and len(result.turns) > len(turns):
        out.append(t("trace.last", result.lang, n=len(turns), total=len(result.turns)))
    for tt in turns:
        out += _turn_text(tt, result.lang)
    return "\n".join(out)


def _ids(ids: tuple[str, ...], lang: str) -> str:
    return ", ".join(ids) or t("trace.none", lang)


def _turn_text(tt: TurnTrace, lang: str) -> list[str]:
    turn = tt.turn
    out = [
        "",
        t("trace.turn", lang, n=turn.index, beat=turn.beat),
        f"  {t('trace.reply', lang)}: {turn.reply}",
    ]
    grade = [
        t("trace.techniques", lang, ids=_ids(turn.credited, lang)),
        t("trace.taken", lang, ids=_ids(turn.taken, lang)),
        t("trace.pitfalls", lang, ids=_ids(turn.pitfalls, lang)),
    ]
    if turn.misplaced:
        grade.append(t("trace.misplaced", lang, ids=_ids(turn.misplaced, lang)))
    if turn.repeat:
        grade.append(t("trace.repeat", lang))
    elif turn.stuffing:
        grade.append(t("trace.stuffing", lang))
    out.append(f"  {t('trace.grade', lang)}: " + "; ".join(grade))
    for e in turn.evidence:
        out.append(f"    {t('trace.evidence', lang)}: {e.id} «{e.text}» ({e.rule})")
    if tt.effects:
        out.append(f"  {t('trace.effects', lang)}:")
        for effect in tt.effects:
            deltas = ", ".join(f"{k} {v:+g}" for k, v in effect.detail.items())
            mark = t("trace.applied", lang) if effect.ok else t("trace.skipped", lang)
            out.append(f"    #{effect.id} [{deltas}] {mark}: {effect.why}")
    out.append(
        f"  {t('trace.facts', lang)}:"
        + ("" if tt.facts else f" {t('trace.none', lang)} {t('trace.earlier', lang)}")
    )
    for f in tt.facts:
        out.append(
            f"    {f.id}: {t('trace.revealed', lang) if f.ok else t('trace.hidden', lang)}: {f.why}"
        )
    out.append(f"  {t('trace.transitions', lang)}:")
    for x in tt.transitions:
        out.append(
            f"    → {x.id}: {t('trace.fired', lang) if x.ok else t('trace.not', lang)}: {x.why}"
        )
    changes = "; ".join(f"{m.meter} {m.delta:+g} ({m.reason})" for m in turn.changes)
    values = ", ".join(f"{k} {v:g}" for k, v in turn.meters.items())
    out.append(f"  {t('trace.meters', lang)}: {values}" + (f"  ← {changes}" if changes else ""))
    out.append(f"  {t('trace.outcome', lang)}: {tt.outcome}")
    out.append(f"  {t('trace.customer', lang)}: " + turn.customer.replace("\n", " / "))
    return out
