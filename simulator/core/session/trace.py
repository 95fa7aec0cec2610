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

_W = {
    "zh": {
        "turn": "第{n}轮 · 节点 {beat}",
        "reply": "学员",
        "grade": "评分",
        "techniques": "技巧 {ids}",
        "taken": "抓住机会 {ids}",
        "misplaced": "用错时机 {ids}",
        "pitfalls": "失误 {ids}",
        "repeat": "重复,不计分",
        "stuffing": "背话术,不计分",
        "evidence": "依据",
        "effects": "效果",
        "facts": "隐藏信息",
        "transitions": "转移",
        "meters": "指标",
        "customer": "客户",
        "fired": "触发",
        "held": "成立",
        "not": "不成立",
        "revealed": "说出",
        "hidden": "未说出",
        "applied": "生效",
        "skipped": "未生效",
        "none": "无",
        "only_beats": "只在节点 {beats} 说出(现在是 {beat})",
        "not_reached": "没轮到:前面的 → {to} 已触发",
        "walkout": "没有判断:{meter} {value:g} 已到下限 {floor:g},客户离开",
        "stays": "没有转移成立:停留在 {beat}",
        "moves": "→ {to}",
        "ends": "结束:{ending}",
        "timeout": "到了 max_turns ({n}):超时结束",
        "outcome": "结果",
        "earlier": "(已在之前说出的不再检查)",
        "last": "(只显示最后 {n} 轮,共 {total} 轮)",
    },
    "en": {
        "turn": "Turn {n} · beat {beat}",
        "reply": "Trainee",
        "grade": "Grade",
        "techniques": "techniques {ids}",
        "taken": "opportunities taken {ids}",
        "misplaced": "misplaced {ids}",
        "pitfalls": "pitfalls {ids}",
        "repeat": "a repeat: nothing credited",
        "stuffing": "a recited checklist: nothing credited",
        "evidence": "evidence",
        "effects": "Effects",
        "facts": "Hidden facts",
        "transitions": "Transitions",
        "meters": "Meters",
        "customer": "Customer",
        "fired": "FIRED",
        "held": "holds",
        "not": "no",
        "revealed": "REVEALED",
        "hidden": "hidden",
        "applied": "APPLIED",
        "skipped": "no",
        "none": "none",
        "only_beats": "only in beats {beats} (this is {beat})",
        "not_reached": "not reached: → {to} fired first",
        "walkout": "not judged: {meter} {value:g} reached its floor {floor:g}, a walkout",
        "stays": "no transition holds: stays in {beat}",
        "moves": "→ {to}",
        "ends": "ends: {ending}",
        "timeout": "max_turns ({n}) reached: timeout",
        "outcome": "Outcome",
        "earlier": "(facts revealed earlier are not checked again)",
        "last": "(the last {n} of {total} turns)",
    },
}


def words(lang: str) -> dict[str, str]:
    return _W.get(lang, _W["en"])


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
        t = self.turn
        return {
            "turn": t.index,
            "beat": t.beat,
            "reply": t.reply,
            "grade": {
                "techniques": list(t.credited),
                "detected": list(t.detected),
                "taken": list(t.taken),
                "misplaced": list(t.misplaced),
                "pitfalls": list(t.pitfalls),
                "evidence": [e.to_dict() for e in t.evidence],
                "repeat": t.repeat,
                "stuffing": t.stuffing,
            },
            "effects": [
                {"effect": int(e.id), "applied": e.ok, "why": e.why, "meters": e.detail}
                for e in self.effects
            ],
            "facts": [{"id": f.id, "revealed": f.ok, "why": f.why} for f in self.facts],
            "transitions": [{"to": x.id, "fired": x.ok, "why": x.why} for x in self.transitions],
            "changes": [
                {"meter": m.meter, "delta": m.delta, "value": m.value, "reason": m.reason}
                for m in t.changes
            ],
            "meters": dict(t.meters),
            "outcome": self.outcome,
            "ending": t.ending,
            "customer": t.customer,
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
    w = words(lang)
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
            why = w["only_beats"].format(beats=", ".join(fact.beats), beat=beat_id)
            facts.append(Check(fact.id, False, why))
            continue
        ok, why = explain(fact.when, seen.get(f"fact:{fact.id}", before), lang)
        facts.append(Check(fact.id, ok, why))
    transitions: list[Check] = []
    after = seen["next"]
    floor = _floor_reached(scenario, after, w)
    fired: str | None = None
    for transition in beat.next:
        if floor is not None:
            transitions.append(Check(transition.to, False, floor))
        elif fired is not None:
            transitions.append(Check(transition.to, False, w["not_reached"].format(to=fired)))
        else:
            ok, why = explain(transition.when, after, lang)
            transitions.append(Check(transition.to, ok, why))
            fired = transition.to if ok else None
    outcome = _outcome(scenario, turn, beat_id, floor, fired, w)
    return TurnTrace(turn, tuple(effects), tuple(facts), tuple(transitions), outcome)


def _floor_reached(scenario: Scenario, state: c.State, w: dict[str, str]) -> str | None:
    """The engine's walkout check, which comes before any transition."""
    for name in ("patience", "trust"):
        spec = scenario.persona.meters.get(name)
        if spec and name in state.meters and state.meters[name] <= spec.min:
            return w["walkout"].format(meter=name, value=state.meters[name], floor=spec.min)
    return None


def _outcome(
    scenario: Scenario,
    turn: Turn,
    beat_id: str,
    floor: str | None,
    fired: str | None,
    w: dict[str, str],
) -> str:
    if turn.ending == "timeout":
        return w["timeout"].format(n=scenario.settings.max_turns)
    if floor is not None:
        return w["ends"].format(ending=turn.ending)
    if turn.ending is not None:
        return w["ends"].format(ending=turn.ending)
    if fired is None or fired == beat_id:
        return w["stays"].format(beat=beat_id)
    return w["moves"].format(to=fired)


# ---- text ----------------------------------------------------------------------------
def to_text(result: Trace, last: int | None = None) -> str:
    """The trace as plain text; `last` keeps only the final turns (a failing test)."""
    w = words(result.lang)
    turns = result.turns[-last:] if last else result.turns
    out: list[str] = []
    if last and len(result.turns) > len(turns):
        out.append(w["last"].format(n=len(turns), total=len(result.turns)))
    for tt in turns:
        out += _turn_text(tt, w)
    return "\n".join(out)


def _ids(ids: tuple[str, ...], w: dict[str, str]) -> str:
    return ", ".join(ids) or w["none"]


def _turn_text(tt: TurnTrace, w: dict[str, str]) -> list[str]:
    t = tt.turn
    out = ["", w["turn"].format(n=t.index, beat=t.beat), f"  {w['reply']}: {t.reply}"]
    grade = [
        w["techniques"].format(ids=_ids(t.credited, w)),
        w["taken"].format(ids=_ids(t.taken, w)),
        w["pitfalls"].format(ids=_ids(t.pitfalls, w)),
    ]
    if t.misplaced:
        grade.append(w["misplaced"].format(ids=_ids(t.misplaced, w)))
    if t.repeat:
        grade.append(w["repeat"])
    elif t.stuffing:
        grade.append(w["stuffing"])
    out.append(f"  {w['grade']}: " + "; ".join(grade))
    for e in t.evidence:
        out.append(f"    {w['evidence']}: {e.id} «{e.text}» ({e.rule})")
    if tt.effects:
        out.append(f"  {w['effects']}:")
        for effect in tt.effects:
            deltas = ", ".join(f"{k} {v:+g}" for k, v in effect.detail.items())
            mark = w["applied"] if effect.ok else w["skipped"]
            out.append(f"    #{effect.id} [{deltas}] {mark}: {effect.why}")
    out.append(f"  {w['facts']}:" + ("" if tt.facts else f" {w['none']} {w['earlier']}"))
    for f in tt.facts:
        out.append(f"    {f.id}: {w['revealed'] if f.ok else w['hidden']}: {f.why}")
    out.append(f"  {w['transitions']}:")
    for x in tt.transitions:
        out.append(f"    → {x.id}: {w['fired'] if x.ok else w['not']}: {x.why}")
    changes = "; ".join(f"{m.meter} {m.delta:+g} ({m.reason})" for m in t.changes)
    values = ", ".join(f"{k} {v:g}" for k, v in t.meters.items())
    out.append(f"  {w['meters']}: {values}" + (f"  ← {changes}" if changes else ""))
    out.append(f"  {w['outcome']}: {tt.outcome}")
    out.append(f"  {w['customer']}: " + t.customer.replace("\n", " / "))
    return out
