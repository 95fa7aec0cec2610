"""The engine: one session of one scenario, step by step, deterministic for a seed.

`Session.start` opens a session; `Session.reply` grades one reply, moves the meters
(each change with a reason), reveals facts, follows transitions and returns the Turn.
A session serialises to JSON as its seed and replies (plus the scenario's version and
content hash) and resumes by replaying them, so a resumed session is exactly the one
that was saved.
"""

from __future__ import annotations

import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from simulator.core.errors import SessionError
from simulator.core.grading import Grader
from simulator.core.grading.context import WARMING
from simulator.core.grading.normalise import normalise, squash
from simulator.core.grading.structure import stuffed
from simulator.core.scenario import conditions as c
from simulator.core.scenario.model import Beat, Line, Scenario
from simulator.core.session import reactions, saved
from simulator.core.session.asking import Sentence, addressed, named_techniques, split
from simulator.core.session.turns import MeterChange, Turn
from simulator.core.text import t

MAX_REPLY_CHARS = 2000
"""Longer replies are refused by the interfaces; the engine clips to this."""
REPEAT_SIMILARITY = 90
REPEAT_WINDOW = 20
"""A reply is compared fuzzily with this many latest replies (exact repeats: all of them)."""


@dataclass
class Session:
    scenario: Scenario
    seed: int = 0
    grader: Grader = field(default_factory=Grader)
    turns: list[Turn] = field(default_factory=list)
    beat: str = ""
    meters: dict[str, float] = field(default_factory=dict)
    facts: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    ending: str | None = None
    opening: str = ""
    turns_in_beat: int = 0
    visits: list[tuple[str, int]] = field(default_factory=list)
    """(beat id, index of the first turn spent there) for each arrival at a beat."""
    visit_taken: set[str] = field(default_factory=set)
    """Opportunities already credited during the current visit."""
    relay: tuple[str, ...] = ()
    """The names taking turns in a hot-seat relay, in order (empty: one trainee)."""
    start_beat: str = ""
    """The beat the session started at: the scenario's start, or a moment retried (start_at)."""
    initial_meters: dict[str, float] = field(default_factory=dict)
    """Meter values before the first reply."""
    initial_facts: tuple[str, ...] = ()
    """Facts already known before the first reply (a retried moment keeps those of its session)."""
    retried: bool = False
    """Started by start_at, at a moment of a past session, rather than at the beginning."""
    observer: Callable[[str, c.State], None] | None = field(default=None, repr=False)
    """Tracing hook: told the state each stage ("effects", "facts", "next") judges conditions on."""
    _said: set[str] = field(default_factory=set, init=False, repr=False)
    """Squashed replies so far, for the exact repeat check."""
    _recent: deque[str] = field(
        default_factory=lambda: deque(maxlen=REPEAT_WINDOW), init=False, repr=False
    )
    """The latest squashed replies, for the fuzzy repeat check."""

    @classmethod
    def start(cls, scenario: Scenario, seed: int = 0, grader: Grader | None = None) -> Session:
        session = cls(scenario, seed, grader or Grader())
        session.meters = {name: m.start for name, m in scenario.persona.meters.items()}
        session.beat = scenario.start
        session.visits.append((scenario.start, 1))
        session.opening = session._pick(
            scenario.beats[scenario.start].say, c.State(meters=dict(session.meters)), 0
        )
        session.start_beat, session.initial_meters = scenario.start, dict(session.meters)
        return session

    @classmethod
    def start_at(
        cls,
        scenario: Scenario,
        beat: str,
        meters: dict[str, float],
        *,
        facts: tuple[str, ...] | list[str] = (),
        opening: str = "",
        seed: int = 0,
        grader: Grader | None = None,
    ) -> Session:
        """Open a session at a given beat, as a past session stood there (a retried moment).

        meters: the values recorded on arrival (missing meters take their start, values are
        clamped to the meter's range); facts: those already known; opening: the customer's
        line the trainee answered then (else one of the beat's lines). SessionError when the
        beat is not in the scenario.
        """
        if beat not in scenario.beats:
            raise SessionError(f"scenario '{scenario.id}' has no beat '{beat}' to start at")
        session = cls(scenario, seed, grader or Grader())
        for name, spec in scenario.persona.meters.items():
            value = meters.get(name, spec.start)
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            session.meters[name] = max(spec.min, min(spec.max, float(value if ok else spec.start)))
        known = {f.id for f in scenario.persona.facts}
        session.facts = [f for f in dict.fromkeys(facts) if f in known]
        session.beat, session.start_beat = beat, beat
        session.visits.append((beat, 1))
        state = c.State(meters=dict(session.meters), facts=frozenset(session.facts))
        session.opening = opening or session._pick(scenario.beats[beat].say, state, 0)
        session.initial_meters, session.initial_facts = dict(session.meters), tuple(session.facts)
        session.retried = True
        return session

    # ---- queries -------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.scenario.language

    @property
    def finished(self) -> bool:
        return self.ending is not None

    @property
    def current_line(self) -> str:
        """The customer's latest line."""
        return self.turns[-1].customer if self.turns else self.opening

    @property
    def current_beat(self) -> Beat:
        return self.scenario.beats[self.beat]

    @property
    def next_author(self) -> str:
        """Whose turn it is in a relay (the names rotate, one reply each); "" without one."""
        return self.relay[len(self.turns) % len(self.relay)] if self.relay else ""

    def ending_kind(self) -> str:
        if self.ending in self.scenario.endings:
            return self.scenario.endings[self.ending].kind
        return self.ending or "abandoned"

    # ---- the step ------------------------------------------------------------------
    def reply(self, text: str, author: str | None = None) -> Turn:
        """Play one reply; returns the Turn with everything that happened.

        author None: whoever's turn it is in the relay (`next_author`).
        """
        if self.finished:
            raise SessionError("this session has ended; start a new one")
        text = (text if isinstance(text, str) else str(text))[:MAX_REPLY_CHARS]
        author = self.next_author if author is None else author
        scenario, beat = self.scenario, self.current_beat
        settings = scenario.settings
        index = len(self.turns) + 1
        self.turns_in_beat += 1
        cue = self.current_line
        grade = self.grader.grade(
            text,
            cue,
            self.lang,
            beat.evidence,
            f"scenario:{beat.id}",
            bottom_line=beat.bottom_line,
            warmed_before=bool(self.used & WARMING),
        )
        key = squash(text)
        repeat = self._is_repeat(key)
        pitfalls = list(grade.pitfalls)
        techniques = [t for t in grade.techniques]
        if "premature_pressure" in pitfalls and "pressure" in techniques:
            techniques.remove("pressure")  # the grader judged it premature for this beat
        folded = normalise(text)
        normal = folded.text
        stuffing = stuffed(normal, normalise(cue).text, self.lang, len(techniques))
        if repeat or stuffing:
            techniques = []
        misplaced = [t for t in techniques if t in beat.punishes]
        credited = [t for t in techniques if t not in beat.punishes]
        taken = [t for t in credited if t in beat.opportunities]
        self.used.update(credited)

        changes: list[MeterChange] = []
        cat = self.grader.catalogue

        def move(meter: str, delta: float, reason: str) -> None:
            if meter not in self.meters or not delta:
                return
            spec = scenario.persona.meters[meter]
            before = self.meters[meter]
            after = max(spec.min, min(spec.max, before + delta))
            self.meters[meter] = after
            changes.append(MeterChange(meter, after - before, after, reason))

        for tech in taken:
            if tech in self.visit_taken:
                continue  # trust rises once per technique per visit to a beat
            self.visit_taken.add(tech)
            move(
                "trust",
                settings.credit_trust,
                t("grade.taken", self.lang, name=cat.label(tech, self.lang)),
            )
        for tech in misplaced:
            reason = t("grade.misplaced", self.lang, name=cat.label(tech, self.lang))
            move("trust", settings.misplaced_trust, reason)
            move("patience", settings.misplaced_patience, reason)
        for p in pitfalls:
            reason = reactions.reason(p, self.lang, cat.label(p, self.lang))
            move("trust", settings.pitfall_trust, reason)
            move("patience", settings.pitfall_patience, reason)
        if repeat:
            move("patience", settings.repeat_patience, t("grade.repeat", self.lang))
        elif stuffing:
            move("patience", settings.repeat_patience, t("grade.stuffing", self.lang))
        elif not credited and not pitfalls and not misplaced:
            move("patience", settings.idle_patience, t("grade.idle", self.lang))

        state = c.State(
            frozenset(credited),
            frozenset(pitfalls),
            frozenset(self.used),
            normal,
            self.meters,
            frozenset(self.facts),
            self.turns_in_beat,
            index,
            repeat,
            grade.question,
            scenario.persona.alias_groups(),
        )
        self._observe("effects", state)
        for effect in beat.effects:
            if c.holds(effect.when, state):
                for meter, delta in effect.meters.items():
                    move(meter, delta, effect.reason)

        # A fact's phrases count only in sentences addressed to it (asking.py).
        self._observe("facts", state)
        sentences: list[Sentence] | None = None
        revealed = []
        for f in scenario.persona.facts:
            if f.id in self.facts or (f.beats and beat.id not in f.beats):
                continue
            if sentences is None:
                sentences = split(folded, self.lang)
            named = named_techniques(f.when) & state.techniques
            asked = replace(state, text=addressed(sentences, grade.evidence, named))
            self._observe(f"fact:{f.id}", asked)
            if c.holds(f.when, asked):
                revealed.append(f)
        self.facts += [f.id for f in revealed]
        state.facts = frozenset(self.facts)
        said = [f.says for f in revealed]

        self._observe("next", state)
        reaction = reactions.react(
            scenario.persona, beat, state, pitfalls, self.lang, self.seed, index, key
        )
        ending, line = self._advance(beat, state, index, repeat)
        if reaction:
            said.insert(0, reaction)
            if line == t("customer.stay", self.lang):
                line = ""
        if ending is not None and ending in scenario.endings:
            end_spec = scenario.endings[ending]
            line = end_spec.say or end_spec.message
        said.append(line)
        self.ending = ending
        turn = Turn(
            index,
            beat.id,
            cue,
            text,
            grade.techniques,
            tuple(credited),
            tuple(taken),
            tuple(misplaced),
            tuple(pitfalls),
            grade.evidence,
            repeat,
            stuffing,
            tuple(changes),
            dict(self.meters),
            tuple(f.id for f in revealed),
            "\n".join(s for s in said if s),
            ending,
            author,
            reaction,
        )
        self.turns.append(turn)
        self._said.add(key)
        self._recent.append(key)
        return turn

    def _advance(
        self, beat: Beat, state: c.State, index: int, repeat: bool
    ) -> tuple[str | None, str]:
        """Walkout, transition or stay: returns (ending id or None, the customer's next line)."""
        scenario = self.scenario
        for name in ("patience", "trust"):
            spec = scenario.persona.meters.get(name)
            if spec and self.meters[name] <= spec.min:
                walkout = next(
                    (e.id for e in scenario.endings.values() if e.kind == "walkout"), "walkout"
                )
                return walkout, ""
        target = next((t.to for t in beat.next if t.when is None or c.holds(t.when, state)), None)
        if target in scenario.endings:
            return target, ""
        if target is not None and target != self.beat:
            self.beat, self.turns_in_beat = target, 0
            self.visit_taken = set()
            self.visits.append((target, index + 1))
            line = self._pick(scenario.beats[target].say, state, index)
        else:
            line = self._stay(beat, state, index, repeat)
        if index >= scenario.settings.max_turns:
            return "timeout", t("customer.timeout", self.lang)
        return None, line

    def abandon(self) -> None:
        """End the session early; it is still graded."""
        if not self.finished:
            self.ending = "abandoned"

    # ---- helpers -------------------------------------------------------------------
    def _observe(self, stage: str, state: c.State) -> None:
        if self.observer is not None:
            self.observer(stage, state)

    def _is_repeat(self, key: str) -> bool:
        """Same as any earlier reply once squashed, or nearly the same as a recent one.

        Linear in the session: a set lookup for exact repeats and a fuzzy comparison with
        only the last REPEAT_WINDOW replies (comparing with all of them made a 3,000-reply
        session take minutes).
        """
        from rapidfuzz import fuzz

        if not key:
            return False
        if key in self._said:
            return True
        return len(key) >= 6 and any(
            len(other) >= 6 and fuzz.ratio(key, other) >= REPEAT_SIMILARITY
            for other in self._recent
        )

    def _pick(self, lines: tuple[Line, ...], state: c.State, turn: int) -> str:
        if not lines:
            return ""
        conditional = [
            line for line in lines if line.when is not None and c.holds(line.when, state)
        ]
        pool = conditional or [line for line in lines if line.when is None] or list(lines)
        key = f"{self.seed}:{turn}:{self.beat}".encode()
        return pool[zlib.crc32(key) % len(pool)].text

    def _stay(self, beat: Beat, state: c.State, turn: int, repeat: bool) -> str:
        if repeat:
            return self.scenario.settings.repeat_line or t("customer.repeat_line", self.lang)
        return self._pick(beat.stay, state, turn) or t("customer.stay", self.lang)

    # ---- persistence (saved.py) ---------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record: enough to resume, stamped with the scenario's identity."""
        return saved.record(self)

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], scenario: Scenario, grader: Grader | None = None
    ) -> Session:
        """Resume by replaying the saved replies; refuses a changed scenario."""
        return saved.replay(cls, data, scenario, grader)
