"""The rules stage: named cues from the catalogue and the structural rules.

Each cue is a bounded regular expression with a name (`praise/zh/3`), a weight and
optional limits (the clause kind it must sit in, the customer line it needs). The
structural rules add what cue lists cannot see: every real question probes (unless it
only confirms a read-back or asks the customer to take our side), and a reply that
re-says the customer's facts restates them. Scenario phrases (a beat's `evidence`)
count here too, under the rule name `scenario:<beat>:<phrase>`.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from simulator.core.grading import clauses as cl
from simulator.core.grading import prefilter as pf
from simulator.core.grading import structure as st
from simulator.core.grading.catalogue import Catalogue, Cue
from simulator.core.grading.decision import Hits
from simulator.core.grading.normalise import contains, fold_phrase, near_match


class Clauses:
    """The reply's clauses and their kinds, with a fast lookup by position."""

    def __init__(self, folded: str, lang: str) -> None:
        self.spans = cl.clauses(folded)
        self.kinds = tuple(cl.clause_kind(folded[s:e], lang) for s, e in self.spans)
        self._starts = [s for s, _ in self.spans]

    def at(self, pos: int) -> tuple[int, str]:
        """(start, kind) of the clause holding folded position `pos`."""
        index = bisect_left(self._starts, pos + 1) - 1
        if index >= 0 and pos < self.spans[index][1]:
            return self.spans[index][0], self.kinds[index]
        return 0, "statement"


@dataclass(frozen=True)
class _Step:
    """An entry's cues in one language, with what a reply needs for any of them to match."""

    entry_id: str
    screen: re.Pattern[str] | None
    """Skip the whole entry when this finds nothing (None: always look)."""
    cues: tuple[tuple[Cue, re.Pattern[str] | None], ...]
    """Each cue with its own prefilter (None: always scan)."""


_PLANS: dict[tuple[int, str], tuple[Catalogue, tuple[_Step, ...]]] = {}


def prepare(catalogue: Catalogue, lang: str) -> tuple[_Step, ...]:
    """The catalogue's cues with their prefilters, built once per catalogue and language."""
    key = (id(catalogue), lang)
    if key not in _PLANS or _PLANS[key][0] is not catalogue:
        steps = []
        for entry in catalogue.entries.values():
            cues = entry.cues.get(lang, ())
            sets = [pf.literals(cue.pattern) for cue in cues]
            own = [pf.screen([lits]) if len(cues) > 1 else None for lits in sets]
            steps.append(_Step(entry.id, pf.screen(sets), tuple(zip(cues, own, strict=True))))
        _PLANS[key] = (catalogue, tuple(steps))
    return _PLANS[key][1]


def match_cues(
    catalogue: Catalogue,
    hits: Hits,
    folded: str,
    ctx: str,
    parts: Clauses,
    lang: str,
    deadline: float,
) -> bool:
    """Add evidence for every cue that matches; False when the time budget ran out."""
    for step in prepare(catalogue, lang):
        if time.monotonic() > deadline:
            return False
        if step.screen is not None and not step.screen.search(folded):
            continue  # none of this entry's cues can match: skip them all at once
        for cue, needs in step.cues:
            if needs is not None and not needs.search(folded):
                continue
            if cue.ctx is not None and not cue.ctx.search(ctx):
                continue
            if cue.not_ctx is not None and cue.not_ctx.search(ctx):
                continue
            for match in cue.pattern.finditer(folded):
                if match.end() == match.start():
                    continue
                clause_start, kind = parts.at(match.start())
                if cue.where == "question" and kind != "question":
                    continue
                if cue.where == "statement" and kind == "question":
                    continue
                if cue.negatable and st.negated(folded, match.start(), clause_start, lang):
                    continue
                hits.add(step.entry_id, match.start(), match.end(), cue.name, cue.weight)
    return True


def restating(hits: Hits, folded: str, ctx: str, lang: str) -> None:
    """Restatement of the customer's words (and of their feelings, which is empathy)."""
    weight, start, end, feeling = st.restatement(folded, ctx, lang)
    if weight:
        hits.add("restating", start, end, "restating/overlap", weight)
        if feeling:
            hits.add("empathy", start, end, "empathy/restate-feeling", 0.75)
    echoed = st.echo(folded, ctx, lang)
    if echoed and not hits.has("restating"):
        hits.add("restating", 0, len(folded), "restating/echo", echoed)


def questions(hits: Hits, folded: str, parts: Clauses, lang: str) -> bool:
    """Credit probing for each real question; True when the reply asks one."""
    perspective = [
        (hits.folded_index(ev.span[0]), hits.folded_index(ev.span[1]))
        for ev in hits.by_id.get("empathy", ())
        if ev.rule == "empathy/perspective"
    ]
    restated = hits.has("restating") or hits.has("empathy")
    asked = False
    for (s, e), kind in zip(parts.spans, parts.kinds, strict=True):
        if kind != "question":
            continue
        clause = folded[s:e]
        if restated and (cl.is_confirm_tag(clause) or not cl.has_question_word(clause, lang)):
            continue  # "…, 对吗?" after a restatement confirms; it does not probe
        if any(a <= s <= b + 2 for a, b in perspective):
            continue  # "换了是您，是不是也得…?" asks the customer to take our side
        asked = True
        hits.add("probing", s, e, "probing/question", 0.75)
    if hits.has("probing") and not asked and "rhetorical" in parts.kinds:
        if all(k == "rhetorical" for k in parts.kinds if k != "statement"):
            hits.drop("probing")  # a request cue inside a rhetorical sentence is not a question
    return asked


def scenario_phrases(
    hits: Hits, folded: str, extra: Mapping[str, Sequence[str]], rule: str
) -> None:
    """A beat's own phrases as evidence, exact or with a typo."""
    for entry_id, phrases in extra.items():
        for phrase in phrases:
            key = fold_phrase(phrase)
            if not key:
                continue
            exact = contains(key, folded)
            if exact is not None:
                hits.add(entry_id, exact[0], exact[1], f"{rule}:{phrase}", 0.75)
                continue
            found = near_match(key, folded)
            if found is not None:
                hits.add(entry_id, found[0], found[1], f"{rule}~{phrase}", 0.65)
