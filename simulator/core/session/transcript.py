"""The report's transcript as typed records: one `TranscriptTurn` per line spoken.

The report used to keep the transcript as a list of dicts read by string keys; a typo in a
key was a silent empty list. These frozen records say what a line holds, and `to_dict` /
`from_dict` keep the JSON exactly as before, so reports saved by older builds still load.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from simulator.core.session.turns import MeterChange, Turn


def _strings(raw: Any) -> tuple[str, ...]:
    return tuple(str(x) for x in raw) if isinstance(raw, (list, tuple)) else ()


@dataclass(frozen=True)
class EvidenceNote:
    """Why the grader reported an id for a reply: the words, where they are, the rule."""

    id: str
    """Technique or pitfall id."""
    span: tuple[int, int]
    """[start, end) in the reply."""
    rule: str
    """Rule name, e.g. "probing/question"."""
    text: str = ""
    """The matched words."""
    like: str = ""
    """For the learned layer: the nearest labelled example."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "span": list(self.span),
            "rule": self.rule,
            "text": self.text,
        }
        if self.like:
            out["like"] = self.like
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> EvidenceNote:
        span = raw.get("span") or (0, 0)
        start, end = (int(span[0]), int(span[1])) if len(span) == 2 else (0, 0)
        return cls(
            str(raw.get("id", "")),
            (start, end),
            str(raw.get("rule", "")),
            str(raw.get("text", "")),
            str(raw.get("like", "")),
        )


@dataclass(frozen=True)
class TranscriptTurn:
    """One line of the conversation: the customer's, or the trainee's with how it was graded."""

    speaker: str
    """customer or trainee."""
    text: str
    """What was said."""
    turn: int
    """Reply number (0: the customer's opening line)."""
    beat: str = ""
    """Beat the trainee's reply answered."""
    credited: tuple[str, ...] = ()
    """Techniques credited."""
    taken: tuple[str, ...] = ()
    """Credited techniques that were opportunities of the beat."""
    misplaced: tuple[str, ...] = ()
    """Techniques used where the beat punishes them."""
    pitfalls: tuple[str, ...] = ()
    """Pitfalls committed."""
    repeat: bool = False
    """The reply repeated an earlier one."""
    stuffing: bool = False
    """The reply crammed in too many techniques."""
    evidence: tuple[EvidenceNote, ...] = ()
    """The grader's evidence."""
    changes: tuple[MeterChange, ...] = ()
    """Meter changes the reply caused."""
    revealed: tuple[str, ...] = ()
    """Fact ids the customer revealed in this line."""
    author: str = ""
    """Who wrote the reply in a hot-seat relay ("" for one trainee)."""

    @property
    def trainee(self) -> bool:
        return self.speaker == "trainee"

    @classmethod
    def from_turn(cls, t: Turn) -> TranscriptTurn:
        """The trainee's line of an engine turn."""
        return cls(
            "trainee",
            t.reply,
            t.index,
            t.beat,
            tuple(t.credited),
            tuple(t.taken),
            tuple(t.misplaced),
            tuple(t.pitfalls),
            t.repeat,
            t.stuffing,
            tuple(EvidenceNote.from_dict(e.to_dict()) for e in t.evidence),
            tuple(t.changes),
            author=t.author,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape reports have always had (customer lines carry `revealed` only)."""
        if not self.trainee:
            return {
                "speaker": self.speaker,
                "text": self.text,
                "turn": self.turn,
                "revealed": list(self.revealed),
            }
        return {
            "speaker": self.speaker,
            "text": self.text,
            "turn": self.turn,
            **({"author": self.author} if self.author else {}),
            "beat": self.beat,
            "credited": list(self.credited),
            "taken": list(self.taken),
            "misplaced": list(self.misplaced),
            "pitfalls": list(self.pitfalls),
            "repeat": self.repeat,
            "stuffing": self.stuffing,
            "evidence": [e.to_dict() for e in self.evidence],
            "changes": [
                {"meter": m.meter, "delta": m.delta, "value": m.value, "reason": m.reason}
                for m in self.changes
            ],
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> TranscriptTurn:
        """Read one line as any build wrote it (missing keys take their defaults)."""
        if not isinstance(raw, dict):
            raise TypeError(f"a transcript line is {type(raw).__name__}, not an object")
        changes = tuple(
            MeterChange(
                str(c.get("meter", "")),
                float(c.get("delta", 0)),
                float(c.get("value", 0)),
                str(c.get("reason", "")),
            )
            for c in raw.get("changes") or []
            if isinstance(c, dict)
        )
        return cls(
            str(raw.get("speaker", "customer")),
            str(raw.get("text", "")),
            int(raw.get("turn", 0)),
            str(raw.get("beat", "")),
            _strings(raw.get("credited")),
            _strings(raw.get("taken")),
            _strings(raw.get("misplaced")),
            _strings(raw.get("pitfalls")),
            bool(raw.get("repeat", False)),
            bool(raw.get("stuffing", False)),
            tuple(
                EvidenceNote.from_dict(e) for e in raw.get("evidence") or [] if isinstance(e, dict)
            ),
            changes,
            _strings(raw.get("revealed")),
            str(raw.get("author") or ""),
        )
