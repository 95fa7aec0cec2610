"""Feedback: what a finished (or abandoned) session earned, and why, turn by turn.

Built from the session's turns only, so the CLI, the TUI and the saved history all
show the same report. Every point traces to a turn, a rule and the trainee's words.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from simulator.core.scenario import scoring
from simulator.core.session.engine import Session
from simulator.core.session.teaching import close_to_model, merge, model_for
from simulator.core.session.transcript import TranscriptTurn
from simulator.core.session.turns import Turn
from simulator.core.text import t


@dataclass(frozen=True)
class Opportunity:
    turn: int
    """Turn at which the moment began (or was taken)."""
    beat: str
    """Beat id."""
    technique: str
    """Technique called for."""
    taken: bool
    """Credited during that visit of the beat."""
    cue: str
    """The customer's line."""
    reply: str
    """The trainee's words (the reply that took it, or the first reply of the visit)."""
    model_reply: str
    """The scenario's model reply for this technique at this beat ("" when it has none)."""
    near_model: bool = False
    """Taken because the reply was nearly the model reply, though the grader missed it."""


@dataclass(frozen=True)
class PitfallHit:
    turn: int
    id: str
    reply: str
    """The offending line."""
    evidence: str
    """The matched words, when the grader found them."""
    explain: str
    """Why it is a fault."""


@dataclass(frozen=True)
class TechniqueResult:
    id: str
    name: str
    offered: int
    taken: int
    misplaced: int
    used: int
    """Replies where it was credited at all."""


@dataclass(frozen=True)
class Report:
    scenario: str
    title: str
    version: str
    content_hash: str
    language: str
    seed: int
    ending: str
    ending_kind: str
    ending_message: str
    score: int
    pass_score: int
    passed: bool
    techniques: list[TechniqueResult]
    opportunities: list[Opportunity]
    pitfalls: list[PitfallHit]
    facts_found: list[dict[str, Any]]
    facts_missed: list[dict[str, Any]]
    trajectory: list[dict[str, float]]
    """Meter values at the start and after each turn."""
    suggestions: list[str]
    transcript: list[TranscriptTurn]
    misplaced: list[dict[str, Any]] = field(default_factory=list)
    relay: list[str] = field(default_factory=list)
    """The names that took turns (a hot-seat relay); each trainee entry then has an author."""
    trainee: str = ""
    """The trainee's name, stamped when the session finished ("" when not given)."""
    retry_of: str = ""
    """For a retry of one moment (错题集): the id of the session it came from."""
    start_beat: str = ""
    """For a retry: the beat it started at."""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["transcript"] = [entry.to_dict() for entry in self.transcript]
        data["techniques_credited"] = sorted(
            {t for entry in self.transcript for t in entry.credited}
        )
        return data


def _visits(session: Session) -> list[tuple[str, list[Turn]]]:
    out: list[tuple[str, list[Turn]]] = []
    for n, (beat, first) in enumerate(session.visits):
        last = session.visits[n + 1][1] if n + 1 < len(session.visits) else len(session.turns) + 1
        turns = [t for t in session.turns if first <= t.index < last]
        if turns:
            out.append((beat, turns))
    return out


def build_report(session: Session) -> Report:
    """The feedback for a session (finished or not: an unfinished one counts as abandoned)."""
    scenario, cat, lang = session.scenario, session.grader.catalogue, session.scenario.language
    beats = scenario.beats
    opportunities: list[Opportunity] = []
    for beat_id, turns in _visits(session):
        beat = beats[beat_id]
        for technique in beat.opportunities:
            model = model_for(scenario, beat, technique, session.grader)
            taker = next((t for t in turns if technique in t.taken), None)
            near = None
            if taker is None and model:
                near = next((t for t in turns if close_to_model(t.reply, model)), None)
            shown = taker or near or turns[0]
            opportunities.append(
                Opportunity(
                    shown.index,
                    beat_id,
                    technique,
                    taker is not None or near is not None,
                    shown.cue,
                    shown.reply,
                    model,
                    near is not None,
                )
            )
    opportunities = merge(opportunities)
    pitfalls = []
    for turn in session.turns:
        for p in turn.pitfalls:
            words = next((e.text for e in turn.evidence if e.id == p), "")
            pitfalls.append(
                PitfallHit(turn.index, p, turn.reply, words, cat.entries[p].explain.get(lang, ""))
            )
    misplaced = [
        {"turn": t.index, "id": m, "reply": t.reply, "cue": t.cue}
        for t in session.turns
        for m in t.misplaced
    ]
    results = []
    for technique in cat.techniques:
        offered = sum(1 for o in opportunities if o.technique == technique)
        taken = sum(1 for o in opportunities if o.technique == technique and o.taken)
        wrong = sum(1 for m in misplaced if m["id"] == technique)
        used = sum(1 for t in session.turns if technique in t.credited)
        if offered or wrong or used:
            results.append(
                TechniqueResult(technique, cat.label(technique, lang), offered, taken, wrong, used)
            )
    facts = {f.id: f for f in scenario.persona.facts}
    found_turn = {fid: t.index for t in session.turns for fid in t.revealed}
    facts_found = [
        {"id": fid, "label": facts[fid].label, "turn": found_turn.get(fid, 0)}
        for fid in session.facts
    ]
    facts_missed = [
        {"id": f.id, "label": f.label, "hint": f.hint}
        for f in scenario.persona.facts
        if f.id not in session.facts
    ]
    kind = session.ending_kind() if session.finished else "abandoned"
    ending_id = session.ending or "abandoned"
    taken_count = sum(1 for o in opportunities if o.taken)
    score = scoring.compute(
        taken_count,
        len(opportunities),
        len(facts_found),
        len(facts),
        kind,
        len(pitfalls),
        len(misplaced),
    )
    passed = scoring.passed(score, scenario.pass_score, kind)
    trajectory = [dict(session.initial_meters)] + [dict(t.meters) for t in session.turns]
    ending = scenario.endings.get(ending_id)
    message = ending.message if ending else ""
    transcript = [TranscriptTurn("customer", session.opening, 0)]
    for turn in session.turns:
        transcript.append(TranscriptTurn.from_turn(turn))
        if turn.customer:
            transcript.append(
                TranscriptTurn("customer", turn.customer, turn.index, revealed=turn.revealed)
            )
    suggestions = _suggestions(session, opportunities, pitfalls, facts_missed)
    return Report(
        scenario.id,
        scenario.title,
        scenario.version,
        scenario.content_hash,
        lang,
        session.seed,
        ending_id,
        kind,
        message,
        score,
        scenario.pass_score,
        passed,
        results,
        opportunities,
        pitfalls,
        facts_found,
        facts_missed,
        trajectory,
        suggestions,
        transcript,
        misplaced,
        list(session.relay),
        start_beat=session.start_beat if session.retried else "",
    )


def _suggestions(
    session: Session,
    opportunities: list[Opportunity],
    pitfalls: list[PitfallHit],
    facts_missed: list[dict[str, Any]],
) -> list[str]:
    lang = session.scenario.language
    cat = session.grader.catalogue
    ranked: list[tuple[float, str]] = []
    for hit in pitfalls[:3]:
        entry = cat.entries[hit.id]
        ranked.append(
            (
                100.0,
                t(
                    "suggest.pitfall",
                    lang,
                    name=entry.label(lang),
                    explain=entry.explain.get(lang, ""),
                    turn=hit.turn,
                    reply=_clip(hit.reply),
                ),
            )
        )
    missed: dict[str, list[Opportunity]] = {}
    for o in opportunities:
        if not o.taken:
            missed.setdefault(o.technique, []).append(o)
    for technique, items in missed.items():
        entry = cat.entries[technique]
        weight = 50.0 + 10 * len(items) + (5 if entry.core else 0)
        model = next((o.model_reply for o in items if o.model_reply), "")
        example = (
            t("suggest.example", lang, model=_clip(model, 80))
            if model
            else t("suggest.no_model", lang)
        )
        ranked.append(
            (
                weight,
                t(
                    "suggest.missed",
                    lang,
                    name=entry.label(lang),
                    n=len(items),
                    explain=entry.explain.get(lang, ""),
                    example=example,
                ),
            )
        )
    for fact in facts_missed:
        ranked.append((45.0, t("suggest.fact", lang, label=fact["label"], hint=fact["hint"])))
    if any(turn.repeat for turn in session.turns):
        ranked.append((90.0, t("suggest.repeat", lang)))
    ranked.sort(key=lambda item: -item[0])
    unique: list[str] = []
    for _, text in ranked:
        if text not in unique:
            unique.append(text)
    return unique[:3]


def _clip(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
