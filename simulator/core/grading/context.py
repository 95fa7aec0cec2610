"""The context stage: what the customer's line (and, in a session, the beat) changes.

Thanks after an offer accepts a gift; the same thanks after a refusal declines it.
Pressure after a refusal is a technique; pressure at the first words is premature.
A confident answer is bluffing only when the customer asked about a product or rule
and the reply does not hedge. Praise inside an insult is sarcasm. This is also the
one place that decides premature pressure, for the stateless grader and for a
session alike (`premature_pressure`).
"""

from __future__ import annotations

from simulator.core.grading import clauses as cl
from simulator.core.grading import lexicon as lx
from simulator.core.grading import structure as st
from simulator.core.grading.decision import THRESHOLD, Hits

WARMING = frozenset({"rapport", "praise", "empathy", "expertise", "expectation", "restating"})
"""Techniques that count as warming up before pressure."""
TECHNIQUES_AN_INSULT_CANCELS = (
    "praise",
    "empathy",
    "rapport",
    "probing",
    "restating",
    "expectation",
    "guiding",
)
"""Techniques whose evidence in the same words as an insult is not credited."""
LEARNED = "learned"
"""Rule name of the learned layer's evidence."""


def premature_pressure(ctx: str, folded: str, warm: bool, bottom_line: bool | None = None) -> bool:
    """Is pressure in this reply premature?

    In a session the beat says whether its point is a bottom line: pressure there is
    fine once something warm came first, and premature anywhere else. Without a
    session it is judged from the customer's line: premature when there is no line
    yet, or a greeting or a neutral question, or when the reply announces its terms
    up front ("先说好…"), and the customer refused nothing and nothing warm came first.
    """
    if bottom_line is not None:
        return not (bottom_line and warm)
    neutral = (
        not ctx.strip()
        or bool(lx.OPENING.search(ctx) or lx.NEUTRAL.search(ctx))
        or bool(lx.OPENER.search(folded))
    )
    return neutral and not lx.RESISTANCE.search(ctx) and not warm


def gift_accepted(hits: Hits, folded: str, ctx: str, lang: str) -> None:
    """Accepting words after an offer of a gift or a favour."""
    if not ctx or hits.has("gift") or not lx.GIFT_OFFER.search(ctx):
        return
    if lx.GIFT_DECLINED.search(folded):
        return
    accept = lx.GIFT_ACCEPT[lang].search(folded)
    if accept:
        hits.add("gift", accept.start(), accept.end(), "gift/accepts-offer", 0.6)


def _rules_only(hits: Hits, entry_id: str) -> bool:
    return all(ev.rule != LEARNED for ev in hits.by_id.get(entry_id, ()))


def apply(
    hits: Hits,
    folded: str,
    ctx: str,
    lang: str,
    question: bool,
    kinds: tuple[str, ...],
    bottom_line: bool | None = None,
    warmed_before: bool = False,
) -> None:
    """Drop or add evidence where the context changes what the words mean."""
    hits.drop_shadowed("empathy", "praise")  # "十年可不容易" praises; not also empathy
    # a clause that insults does nothing else: "你这人真烦" is no empathy, "你怎么这么固执?"
    # asks nothing
    hits.drop_overlapping(TECHNIQUES_AN_INSULT_CANCELS, "disrespect")
    if hits.has("disrespect") and hits.has("praise"):
        hits.drop("praise")  # "super impressive, you managed to lose money" is sarcasm
    if hits.has("rapport") and ctx.strip() and not lx.OPENING.search(ctx) and not question:
        if all(ev.rule in lx.WEAK_RAPPORT for ev in hits.by_id["rapport"]):
            hits.drop("rapport")  # weather talk mid-conversation is chatter
    if hits.has("closing") and (hits.has("deception") or lx.ULTIMATUM.search(folded)):
        hits.drop("closing")  # "今天必须签,不签就算了" is pressure, not a next step
    if hits.has("gift") and lx.GIFT_DECLINED.search(folded):
        hits.drop("gift")
    if hits.has("overpromise") and lx.PROMISE_DENIED.search(folded):
        hits.drop("overpromise")
    if hits.has("bluffing"):
        asked = bool(ctx) and cl.is_question_text(ctx, lang)
        if asked and not lx.PRODUCT_QUESTION.search(ctx) and hits.confidence("bluffing") < 0.6:
            asked = False  # outside product or rule questions, only strong certainty counts
        hedged = bool(lx.HEDGE.search(folded)) or cl.is_question_text(folded, lang)
        if hedged or (not asked and _rules_only(hits, "bluffing")):
            hits.drop("bluffing")
    _learned_needs_structure(hits, folded, ctx, lang, question, kinds)
    _pressure(hits, folded, ctx, bottom_line, warmed_before)


def _learned_needs_structure(
    hits: Hits, folded: str, ctx: str, lang: str, question: bool, kinds: tuple[str, ...]
) -> None:
    """Proposals whose technique has a shape the rules can check must show it.

    Restating repeats the customer's own facts, so it must share words with their line;
    a question that only confirms a read-back (…,对吧?) does not probe.
    """
    if hits.has("restating") and _learned_only(hits, "restating"):
        if not st.addresses(folded, ctx, lang) or not ctx.strip():
            hits.drop("restating")
    if hits.has("gift") and _learned_only(hits, "gift") and lx.OPENING.search(ctx):
        if not lx.GIFT_OFFER.search(ctx) and not lx.GIFT_OFFER.search(folded):
            hits.drop("gift")  # only a seat or tea was offered: "那我就不客气了" is politeness
    if hits.has("premature_pressure") and not hits.has("pressure"):
        hits.drop("premature_pressure")  # premature pressure is pressure first of all
    if hits.has("probing") and _learned_only(hits, "probing") and not question:
        if hits.has("restating") or hits.has("empathy") or "rhetorical" in kinds:
            hits.drop("probing")  # a confirmation or a rhetorical challenge asks nothing


def _learned_only(hits: Hits, entry_id: str) -> bool:
    return all(ev.rule == LEARNED for ev in hits.by_id.get(entry_id, ()))


def _pressure(
    hits: Hits, folded: str, ctx: str, bottom_line: bool | None, warmed_before: bool
) -> None:
    # a pitfall derived from pressure needs pressure a named rule saw, not only a proposal
    pressing = (
        hits.has("pressure")
        and hits.confidence("pressure") >= THRESHOLD
        and not _learned_only(hits, "pressure")
    )
    warm_now = any(hits.has(t) for t in WARMING)
    if bottom_line is None:
        warm = any(hits.has(t) for t in ("empathy", "rapport", "praise"))
    else:
        warm = warm_now or warmed_before
    if not pressing:
        if bottom_line is not None and hits.has("premature_pressure") and bottom_line and warm:
            hits.drop("premature_pressure")
        return
    if premature_pressure(ctx, folded, warm, bottom_line):
        if not hits.has("premature_pressure"):
            first = hits.by_id["pressure"][0]
            start = hits.folded_index(first.span[0])
            hits.add("premature_pressure", start, start + 1, "premature_pressure/no-refusal", 0.6)
    elif bottom_line is not None:
        hits.drop("premature_pressure")  # the beat is a bottom line and warmth came first
