"""The technique grader: which techniques a reply uses and which pitfalls it commits.

Deterministic and explainable: every result carries the matched span of the
trainee's own words and the name of the rule that fired. Cue patterns come from the
catalogue; the structural detectors (questions, negation, restatement, context) come
from `detectors`. Confidence for an id is 1 - prod(1 - weight) over its evidence;
an id is reported when its confidence reaches THRESHOLD.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from simulator.core.grading import clauses as cl
from simulator.core.grading import lexicon as lx
from simulator.core.grading import structure as st
from simulator.core.grading.catalogue import Catalogue, builtin
from simulator.core.grading.clauses import clauses
from simulator.core.grading.normalise import (
    Normalised,
    contains,
    detect_language,
    fold_phrase,
    near_match,
    normalise,
)

THRESHOLD = 0.5


@dataclass(frozen=True)
class Evidence:
    """Why an id was reported: a span of the reply and the rule that matched it."""

    id: str
    """Technique or pitfall id."""
    span: tuple[int, int]
    """[start, end) in the original reply text."""
    rule: str
    """Rule name, e.g. "praise/zh/1" or "probing/question"."""
    weight: float
    """What this piece of evidence contributes."""
    text: str = ""
    """The matched words, as the trainee wrote them."""

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "span": list(self.span), "rule": self.rule, "text": self.text}


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
    """Kind of each clause: question, rhetorical or statement."""

    def to_dict(self) -> dict[str, object]:
        return {
            "techniques": list(self.techniques),
            "pitfalls": list(self.pitfalls),
            "confidence": {k: round(v, 3) for k, v in self.confidence.items()},
            "evidence": [e.to_dict() for e in self.evidence],
        }


class _Hits:
    def __init__(self, norm: Normalised, original: str) -> None:
        self.norm = norm
        self.original = original
        self.by_id: dict[str, list[Evidence]] = {}

    def add(self, entry_id: str, start: int, end: int, rule: str, weight: float) -> None:
        span = self.norm.span(start, end)
        text = self.original[span[0] : span[1]]
        self.by_id.setdefault(entry_id, []).append(Evidence(entry_id, span, rule, weight, text))

    def drop(self, entry_id: str) -> None:
        self.by_id.pop(entry_id, None)

    def confidence(self, entry_id: str) -> float:
        remaining = 1.0
        seen: set[tuple[str, tuple[int, int]]] = set()
        for ev in self.by_id.get(entry_id, ()):
            if (ev.rule, ev.span) in seen:
                continue
            seen.add((ev.rule, ev.span))
            remaining *= 1.0 - ev.weight
        return round(min(0.99, 1.0 - remaining), 3)


class Grader:
    """Grades replies against a catalogue. Safe to share; holds no per-reply state."""

    def __init__(self, catalogue: Catalogue | None = None) -> None:
        self.catalogue = catalogue or builtin()

    def grade(
        self,
        text: str,
        context: str = "",
        lang: str | None = None,
        extra: Mapping[str, Sequence[str]] | None = None,
        extra_rule: str = "scenario",
    ) -> Grade:
        """Grade one reply.

        `context` is the customer's previous line; `extra` maps technique ids to
        scenario-specific phrases that also count as evidence for them.
        """
        text = text if isinstance(text, str) else str(text)
        lang = lang if lang in ("zh", "en") else detect_language(text)
        norm = normalise(text)
        folded = norm.text
        ctx = normalise(context or "").text
        spans = clauses(folded)
        kinds = [cl.clause_kind(folded[s:e], lang) for s, e in spans]
        hits = _Hits(norm, text)

        def clause_at(pos: int) -> tuple[int, str]:
            for (s, e), kind in zip(spans, kinds, strict=True):
                if s <= pos < e:
                    return s, kind
            return 0, "statement"

        for entry in self.catalogue.entries.values():
            for cue in entry.cues.get(lang, ()):
                if cue.ctx is not None and not cue.ctx.search(ctx):
                    continue
                if cue.not_ctx is not None and cue.not_ctx.search(ctx):
                    continue
                for match in cue.pattern.finditer(folded):
                    if match.end() == match.start():
                        continue
                    clause_start, kind = clause_at(match.start())
                    if cue.where == "question" and kind != "question":
                        continue
                    if cue.where == "statement" and kind == "question":
                        continue
                    if cue.negatable and st.negated(folded, match.start(), clause_start, lang):
                        continue
                    hits.add(entry.id, match.start(), match.end(), cue.name, cue.weight)

        restate_weight, r_start, r_end, feeling = st.restatement(folded, ctx, lang)
        if restate_weight:
            hits.add("restating", r_start, r_end, "restating/overlap", restate_weight)
            if feeling:
                hits.add("empathy", r_start, r_end, "empathy/restate-feeling", 0.75)

        echoed = st.echo(folded, ctx, lang)
        if echoed and "restating" not in hits.by_id:
            hits.add("restating", 0, len(folded), "restating/echo", echoed)
        if (
            ctx
            and "gift" not in hits.by_id
            and lx.GIFT_OFFER.search(ctx)
            and not lx.GIFT_DECLINED.search(folded)
        ):
            accept = lx.GIFT_ACCEPT[lang].search(folded)
            if accept:
                hits.add("gift", accept.start(), accept.end(), "gift/accepts-offer", 0.6)
        perspective = [
            ev.span for ev in hits.by_id.get("empathy", ()) if ev.rule == "empathy/perspective"
        ]
        restated = bool(hits.by_id.get("restating")) or bool(hits.by_id.get("empathy"))
        question = False
        for (s, e), kind in zip(spans, kinds, strict=True):
            if kind != "question":
                continue
            if restated and cl.is_confirm_tag(folded[s:e]):
                continue  # "…, 对吗?" after a restatement confirms; it does not probe
            if restated and not cl.has_question_word(folded[s:e], lang):
                continue  # a restatement read back with a "?" confirms; it does not probe
            if restated and not cl.has_question_word(folded[s:e], lang):
                continue  # a restatement read back with a "?" confirms; it does not probe
            if any(
                norm_index(hits, p_start) <= s <= norm_index(hits, p_end) + 2
                for p_start, p_end in perspective
            ):
                continue  # "换了是您，是不是也得…?" asks the customer to take our side; it does not probe
            question = True
            hits.add("probing", s, e, "probing/question", 0.75)
        if (
            "probing" in hits.by_id
            and all(k == "rhetorical" for k in kinds if k != "statement")
            and not question
        ):
            # a request cue inside a rhetorical sentence is not a real question
            if any(k == "rhetorical" for k in kinds):
                hits.drop("probing")

        if extra:
            self._extra(hits, folded, extra, extra_rule)
        # "十年可不容易" praises; the same words are not also empathy
        _drop_shadowed(hits, "empathy", "praise")
        if "disrespect" in hits.by_id and "praise" in hits.by_id:
            hits.drop("praise")  # "super impressive, you managed to lose money" is sarcasm
        if "rapport" in hits.by_id and ctx.strip() and not lx.OPENING.search(ctx):
            weak = [ev for ev in hits.by_id["rapport"] if ev.rule in lx.WEAK_RAPPORT]
            if len(weak) == len(hits.by_id["rapport"]) and not question:
                hits.drop("rapport")
        if "rapport" in hits.by_id and ctx.strip() and not lx.OPENING.search(ctx):
            weak = [ev for ev in hits.by_id["rapport"] if ev.rule in lx.WEAK_RAPPORT]
            if len(weak) == len(hits.by_id["rapport"]) and not question:
                hits.drop("rapport")
        self._context_rules(hits, folded, ctx, lang)

        confidence: dict[str, float] = {}
        for entry_id in hits.by_id:
            value = hits.confidence(entry_id)
            if value >= THRESHOLD:
                confidence[entry_id] = value
        techniques = tuple(t for t in self.catalogue.techniques if t in confidence)
        pitfalls = tuple(p for p in self.catalogue.pitfalls if p in confidence)
        evidence = tuple(
            ev
            for entry_id in (*techniques, *pitfalls)
            for ev in sorted(hits.by_id[entry_id], key=lambda ev: (ev.span, ev.rule))
        )
        return Grade(techniques, pitfalls, confidence, evidence, lang, question, tuple(kinds))

    def _extra(
        self, hits: _Hits, folded: str, extra: Mapping[str, Sequence[str]], rule: str
    ) -> None:
        for entry_id, phrases in extra.items():
            for phrase in phrases:
                key = fold_phrase(phrase)
                if not key:
                    continue
                exact = contains(key, folded)
                if exact is not None:
                    hits.add(entry_id, exact[0], exact[1], f"{rule}:{phrase}", 0.75)
                else:
                    found = near_match(key, folded)
                    if found is not None:
                        hits.add(entry_id, found[0], found[1], f"{rule}~{phrase}", 0.65)

    def _context_rules(self, hits: _Hits, folded: str, ctx: str, lang: str) -> None:
        if "closing" in hits.by_id and ("deception" in hits.by_id or lx.ULTIMATUM.search(folded)):
            hits.drop("closing")  # "今天必须签,不签就算了" is pressure, not a proposed next step
        if "gift" in hits.by_id and lx.GIFT_DECLINED.search(folded):
            hits.drop("gift")
        if "overpromise" in hits.by_id and lx.PROMISE_DENIED.search(folded):
            hits.drop("overpromise")
        if "bluffing" in hits.by_id:
            asked = bool(ctx) and cl.is_question_text(ctx, lang)
            if asked and not lx.PRODUCT_QUESTION.search(ctx) and hits.confidence("bluffing") < 0.6:
                asked = False  # outside product or rule questions, only strong certainty counts
            if not asked or lx.HEDGE.search(folded) or cl.is_question_text(folded, lang):
                hits.drop("bluffing")
        if "pressure" in hits.by_id and hits.confidence("pressure") >= THRESHOLD:
            warm = any(t in hits.by_id for t in ("empathy", "rapport", "praise"))
            # pressure as the very first words (no customer line yet), after a greeting or
            # a neutral question, or announced up front ("先说好…") comes before any rapport
            neutral = (
                not ctx.strip()
                or bool(lx.OPENING.search(ctx) or lx.NEUTRAL.search(ctx))
                or bool(lx.OPENER.search(folded))
            )
            if neutral and not lx.RESISTANCE.search(ctx) and not warm:
                first = hits.by_id["pressure"][0]
                start = norm_index(hits, first.span[0])
                hits.add(
                    "premature_pressure",
                    start,
                    start + 1,
                    "premature_pressure/no-refusal-in-context",
                    0.6,
                )


def _drop_shadowed(hits: _Hits, weaker: str, stronger: str) -> None:
    """Drop `weaker` evidence whose words lie inside `stronger` evidence."""
    if weaker not in hits.by_id or stronger not in hits.by_id:
        return
    outer = [ev.span for ev in hits.by_id[stronger]]
    kept = [
        ev
        for ev in hits.by_id[weaker]
        if not any(a <= ev.span[0] and ev.span[1] <= b for a, b in outer)
    ]
    if kept:
        hits.by_id[weaker] = kept
    else:
        hits.drop(weaker)


def norm_index(hits: _Hits, original_start: int) -> int:
    """Folded index of an original offset (first folded char that maps to it)."""
    for index, origin in enumerate(hits.norm.origin):
        if origin >= original_start:
            return index
    return 0


_default: Grader | None = None


def grade(text: str, context: str = "", lang: str | None = None) -> Grade:
    """Grade with the built-in catalogue (a shared Grader)."""
    global _default
    if _default is None:
        _default = Grader()
    return _default.grade(text, context, lang)
