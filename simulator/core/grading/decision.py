"""The decision: what is credited, with which evidence, and how sure.

Every stage before this one adds evidence (a span of the reply, the name of the rule
or "learned", a weight, and for the learned layer the nearest labelled example).
Confidence for an id is 1 - prod(1 - weight) over its distinct evidence; an id is
credited when its confidence reaches THRESHOLD. Nothing is credited without evidence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from simulator.core.grading.normalise import Normalised

THRESHOLD = 0.5


@dataclass(frozen=True)
class Evidence:
    """Why an id was reported: a span of the reply and the rule that matched it."""

    id: str
    """Technique or pitfall id."""
    span: tuple[int, int]
    """[start, end) in the original reply text."""
    rule: str
    """Rule name, e.g. "praise/zh/3", "probing/question", or "learned"."""
    weight: float
    """What this piece of evidence contributes."""
    text: str = ""
    """The matched words, as the trainee wrote them."""
    like: str = ""
    """For the learned layer: the nearest labelled example with this id."""

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "span": list(self.span),
            "rule": self.rule,
            "text": self.text,
        }
        if self.like:
            out["like"] = self.like
        return out


@dataclass(frozen=True)
class Grade:
    """The grader's verdict on one reply."""

    techniques: tuple[str, ...]
    """Technique ids used, in catalogue order."""
    pitfalls: tuple[str, ...]
    """Pitfall ids committed, in catalogue order."""
    confidence: dict[str, float]
    """Confidence per reported id."""
    evidence: tuple[Evidence, ...]
    """Evidence for the reported ids."""
    lang: str
    """Language the reply was graded in."""
    question: bool = False
    """The reply contains a real (not rhetorical) question."""
    kinds: tuple[str, ...] = field(default=())
    """Kind of each clause: question, rhetorical, proposal or statement."""
    notes: tuple[str, ...] = field(default=())
    """Anything the trainer should know about how this grade was made (e.g. cut short)."""

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "techniques": list(self.techniques),
            "pitfalls": list(self.pitfalls),
            "confidence": {k: round(v, 3) for k, v in self.confidence.items()},
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.notes:
            out["notes"] = list(self.notes)
        return out


class Hits:
    """Evidence gathered so far for one reply, by id."""

    def __init__(self, norm: Normalised, original: str) -> None:
        self.norm = norm
        self.original = original
        self.by_id: dict[str, list[Evidence]] = {}

    def add(
        self, entry_id: str, start: int, end: int, rule: str, weight: float, like: str = ""
    ) -> None:
        """Add evidence for a folded [start, end) span."""
        span = self.norm.span(start, end)
        text = self.original[span[0] : span[1]]
        self.by_id.setdefault(entry_id, []).append(
            Evidence(entry_id, span, rule, weight, text, like)
        )

    def drop(self, entry_id: str) -> None:
        self.by_id.pop(entry_id, None)

    def has(self, entry_id: str) -> bool:
        return entry_id in self.by_id

    def confidence(self, entry_id: str) -> float:
        remaining = 1.0
        seen: set[tuple[str, tuple[int, int]]] = set()
        for ev in self.by_id.get(entry_id, ()):
            if (ev.rule, ev.span) in seen:
                continue
            seen.add((ev.rule, ev.span))
            remaining *= 1.0 - ev.weight
        return round(min(0.99, 1.0 - remaining), 3)

    def folded_index(self, original_start: int) -> int:
        """Folded index of an original offset (first folded char that maps to it)."""
        index = bisect_left(self.norm.origin, original_start)
        return index if index < len(self.norm.origin) else 0

    def drop_shadowed(self, weaker: str, stronger: str) -> None:
        """Drop `weaker` evidence whose words lie inside a named rule's `stronger` evidence."""
        if weaker not in self.by_id or stronger not in self.by_id:
            return
        outer = [ev.span for ev in self.by_id[stronger] if ev.rule != "learned"]
        kept = [
            ev
            for ev in self.by_id[weaker]
            if not any(a <= ev.span[0] and ev.span[1] <= b for a, b in outer)
        ]
        if kept:
            self.by_id[weaker] = kept
        else:
            self.drop(weaker)

    def drop_overlapping(self, weaker: Sequence[str], stronger: str) -> None:
        """Drop evidence for `weaker` ids that overlaps a named rule's `stronger` evidence."""
        outer = [ev.span for ev in self.by_id.get(stronger, ()) if ev.rule != "learned"]
        if not outer:
            return
        for entry_id in weaker:
            if entry_id not in self.by_id:
                continue
            kept = [
                ev
                for ev in self.by_id[entry_id]
                if not any(ev.span[0] < b and a < ev.span[1] for a, b in outer)
            ]
            if kept:
                self.by_id[entry_id] = kept
            else:
                self.drop(entry_id)


def decide(
    hits: Hits,
    techniques: list[str],
    pitfalls: list[str],
    lang: str,
    question: bool,
    kinds: tuple[str, ...],
    notes: tuple[str, ...] = (),
) -> Grade:
    """The grade: every id whose confidence reaches THRESHOLD, with its evidence."""
    confidence: dict[str, float] = {}
    for entry_id in hits.by_id:
        value = hits.confidence(entry_id)
        if value >= THRESHOLD:
            confidence[entry_id] = value
    credited = tuple(t for t in techniques if t in confidence)
    committed = tuple(p for p in pitfalls if p in confidence)
    evidence = tuple(
        ev
        for entry_id in (*credited, *committed)
        for ev in sorted(hits.by_id[entry_id], key=lambda ev: (ev.span, ev.rule))
    )
    return Grade(credited, committed, confidence, evidence, lang, question, kinds, notes)
