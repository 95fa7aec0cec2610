"""Which sentences of a reply are addressed to the subject of a hidden fact.

A hidden fact is told when the trainee asks about it, not when a keyword of it happens
to sit in an unrelated sentence ("The statements only show card payments…" is not a
question about the monthly transfer to a lender). A sentence is addressed when it asks
a question, makes a request or checks a read-back (", right?"), or when it is where the
grader found a technique the fact's condition names (the guiding sentence that adds the
costs up, the pressure sentence that asks for the contract), or when a short question
right after it points back to it ("I've heard Meridian pays late. Is that so for you?"). `addressed` keeps only
those sentences, so a fact's phrases are looked for there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from simulator.core.grading import Evidence
from simulator.core.grading.clauses import clause_kind, clauses, is_confirm_tag
from simulator.core.grading.normalise import Normalised
from simulator.core.scenario import conditions as c

_SENTENCE_END = re.compile(r"[。!?;！？；\n]+|\.(?=\s|$)")
_REQUEST = {
    "zh": re.compile(
        r"(?<![申邀])请|麻烦|能不能|可不可以|能否|可否|说说|讲讲|聊聊|介绍一下|告诉我|问一下|问问|"
        r"想(了解|问|请教|知道)|方便.{0,6}(说|讲|介绍|看|透露)|让我(看|了解)|给我(看|说)"
    ),
    "en": re.compile(
        r"\b(please|could you|can you|would you|will you|tell me|show me|walk me through|"
        r"let me (see|ask|understand)|i'?d like to (know|see|ask|understand|hear)|may i ask|"
        r"mind if i ask|help me understand|i (was )?wonder(ing)?|i'?m curious)\b"
    ),
}
_ASKING = frozenset({"question", "proposal"})
_BACK = {
    "zh": re.compile(r"这|那|是不是|对吧|对吗|是吗|没错吧|有没有这回事"),
    "en": re.compile(r"\b(that|this|it|so|those|these)\b"),
}
"""A back-reference: "Is that happening with you too?" asks about the sentence before."""
_SHORT = {"zh": 12, "en": 9}
"""At most this many characters (zh) or words (en) for a question that only points back."""


@dataclass(frozen=True)
class Sentence:
    text: str
    """The sentence, folded by normalise."""
    start: int
    """Offset in the reply as written."""
    end: int
    """End offset in the reply as written."""
    asks: bool
    """It asks, requests or checks something of the listener."""
    points_back: bool = False
    """A short question about the sentence before it ("Is that right?", "是这样吗?")."""


def split(norm: Normalised, lang: str) -> list[Sentence]:
    """The sentences of a normalised reply, each judged, with offsets in the reply as written."""
    out: list[Sentence] = []
    folded, start = norm.text, 0
    ends = [m.end() for m in _SENTENCE_END.finditer(folded)]
    for end in [*ends, len(folded)]:
        piece = folded[start:end].strip()
        if piece:
            asking = asks(piece, lang)
            size = len(piece) if lang == "zh" else len(piece.split())
            back = asking and size <= _SHORT.get(lang, 9)
            back = back and bool(_BACK.get(lang, _BACK["en"]).search(piece))
            first, last = norm.span(start, end)
            out.append(Sentence(piece, first, last, asking, back))
        start = end
    return out


def asks(sentence: str, lang: str) -> bool:
    """True when a sentence asks, requests or checks something of the listener."""
    if _REQUEST.get(lang, _REQUEST["en"]).search(sentence):
        return True
    for start, end in clauses(sentence):
        clause = sentence[start:end]
        if clause_kind(clause, lang) in _ASKING or is_confirm_tag(clause):
            return True
    return False


@lru_cache(maxsize=1024)
def named_techniques(cond: c.Cond) -> frozenset[str]:
    """Techniques a condition looks for (technique and used keys, anywhere in it)."""
    return frozenset(
        a for node in c.walk(cond) if node.op in ("technique", "used") for a in node.args
    )


def addressed(
    sentences: list[Sentence], evidence: Iterable[Evidence], techniques: frozenset[str]
) -> str:
    """The folded sentences that ask, or that hold evidence of one of `techniques`."""
    spans = [e.span for e in evidence if e.id in techniques]
    keep = [
        s.text
        for i, s in enumerate(sentences)
        if s.asks
        or any(a < s.end and b > s.start for a, b in spans)
        or (i + 1 < len(sentences) and sentences[i + 1].points_back)
    ]
    return " ".join(keep)
