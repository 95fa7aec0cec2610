"""The grader: runs the stages in order for one reply.

normalise -> clauses -> rules -> learned layer -> context -> decision. Same reply,
same customer line, same catalogue and model: same grade, on any machine, offline.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from simulator.core.grading import context, rules
from simulator.core.grading.catalogue import Catalogue, builtin
from simulator.core.grading.decision import Evidence, Grade, Hits, decide
from simulator.core.grading.learned import LearnedLayer, builtin_layer
from simulator.core.grading.normalise import detect_language, normalise

__all__ = ["Evidence", "Grade", "Grader", "grade"]

BUDGET_SECONDS = 5.0
"""A safety net, not a speed target: past this, grading stops adding evidence and says so
in the grade's notes. A reply takes about 2 ms; only an organisation's pattern that got
past the risk check (regex_safety) could come near it. It is this large so that a busy
machine never changes a grade: same input, same grade."""
LEARNED_WEIGHT_FLOOR = 0.55
"""A learned proposal has already cleared its precision threshold: enough on its own."""
_DEFAULT_LAYER = object()


class Grader:
    """Grades replies against a catalogue. Safe to share; holds no per-reply state."""

    def __init__(
        self,
        catalogue: Catalogue | None = None,
        learned: LearnedLayer | None | object = _DEFAULT_LAYER,
    ) -> None:
        self.catalogue = catalogue or builtin()
        self._learned = learned

    @property
    def learned(self) -> LearnedLayer | None:
        """The learned layer (loaded on first use), or None for rules only."""
        if self._learned is _DEFAULT_LAYER:
            layer = builtin_layer()
            examples = self.catalogue.examples
            self._learned = layer.with_examples(examples) if layer and examples else layer
        return self._learned  # type: ignore[return-value]

    def warm(self) -> None:
        """Do now what the first grade would otherwise do: load the learned layer and
        build the cue prefilters of both languages (the app calls it in a thread)."""
        self.learned  # noqa: B018 - loading is the point
        for lang in ("zh", "en"):
            rules.prepare(self.catalogue, lang)

    def grade(
        self,
        text: str,
        context_line: str = "",
        lang: str | None = None,
        extra: Mapping[str, Sequence[str]] | None = None,
        extra_rule: str = "scenario",
        bottom_line: bool | None = None,
        warmed_before: bool = False,
    ) -> Grade:
        """Grade one reply.

        `context_line` is the customer's previous line; `extra` maps technique ids to
        scenario phrases that also count as evidence. A session passes `bottom_line`
        (is this beat's point one?) and `warmed_before` (did a warm technique come
        earlier?) so that premature pressure is judged with what it knows.
        """
        layer = self.learned  # loaded (once) before the clock starts: loading is not grading
        text = text if isinstance(text, str) else str(text)
        lang = lang if lang in ("zh", "en") else detect_language(text)
        rules.prepare(self.catalogue, lang)  # so is building the cue prefilters
        deadline = time.monotonic() + BUDGET_SECONDS
        norm = normalise(text)
        folded, ctx = norm.text, normalise(context_line or "").text
        parts = rules.Clauses(folded, lang)
        hits = Hits(norm, text)
        notes: list[str] = []
        if not rules.match_cues(self.catalogue, hits, folded, ctx, parts, lang, deadline):
            notes.append("budget")
        rules.restating(hits, folded, ctx, lang)
        context.gift_accepted(hits, folded, ctx, lang)
        question = rules.questions(hits, folded, parts, lang)
        if extra:
            rules.scenario_phrases(hits, folded, extra, extra_rule)
        if layer is not None and time.monotonic() <= deadline:
            for proposal in layer.propose(folded, ctx, lang, parts.spans):
                if hits.has(proposal.id):
                    continue  # the named rules already explain it
                start, end = proposal.span
                weight = max(LEARNED_WEIGHT_FLOOR, proposal.score)
                rule = context.LEARNED if proposal.source == "model" else "examples"
                hits.add(proposal.id, start, end, rule, weight, proposal.like)
        context.apply(hits, folded, ctx, lang, question, parts.kinds, bottom_line, warmed_before)
        cat = self.catalogue
        return decide(hits, cat.techniques, cat.pitfalls, lang, question, parts.kinds, tuple(notes))


_default: Grader | None = None


def grade(text: str, context_line: str = "", lang: str | None = None) -> Grade:
    """Grade with the built-in catalogue and model (a shared Grader)."""
    global _default
    if _default is None:
        _default = Grader()
    return _default.grade(text, context_line, lang)
