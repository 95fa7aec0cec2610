"""Conditions in words: what a condition asks (`describe`) and why it held or not (`explain`).

A trainer debugging a scenario needs to see "trust 48 < 55", not "False". Both the
trace (`trace.py`) and the graph (`graph.py`) speak through this module, so a condition
reads the same wherever it is shown. Ids stay ids: they are what the trainer typed.
"""

from __future__ import annotations

from simulator.core.scenario import conditions as c
from simulator.core.text import t

_SYMBOL = {"gte": "≥", "gt": ">", "lte": "≤", "lt": "<", "eq": "="}
_NEGATED = {"gte": "<", "gt": "≤", "lte": ">", "lt": "≥", "eq": "≠"}


def _ids(args: tuple[str, ...], lang: str) -> str:
    return t("explain.or", lang).join(args)


def _number(value: float) -> str:
    return f"{value:g}"


def describe(cond: c.Cond | None, lang: str = "en") -> str:
    """What a condition asks, in words, e.g. "technique probing and trust ≥ 55"."""
    if cond is None:
        return t("explain.otherwise", lang)
    op = cond.op
    if op == "always":
        always = t("explain.always", lang)
        return always if cond.args[0] else t("explain.not", lang, inner=always)
    if op in ("all", "any", "not"):
        parts = [describe(child, lang) for child in cond.children]
        if op == "not":
            return t("explain.not", lang, inner=parts[0])
        if op == "all":
            return t("explain.all", lang, inner=t("explain.and", lang).join(parts))
        return t("explain.any", lang, inner=t("explain.or", lang).join(parts))
    if op in c.LIST_KEYS:
        return t(f"explain.op.{op}", lang, ids=_ids(cond.args, lang))
    if op in ("repeat", "question"):
        return t(f"explain.op.{op}" if cond.args[0] else f"explain.op.{op}_no", lang)
    name, cmp, number = cond.args
    left = name if op == "meter" else t(f"explain.op.{op}", lang)
    return f"{left} {_SYMBOL[cmp]} {_number(number)}"


def explain(cond: c.Cond | None, state: c.State, lang: str = "en") -> tuple[bool, str]:
    """Whether a condition holds for a state, and why, with the values it looked at."""
    if cond is None:
        return True, t("explain.otherwise", lang)
    op = cond.op
    held = c.holds(cond, state)
    if op == "always":
        return held, describe(cond, lang)
    if op == "not":
        # The inner reason states a fact either way; "not" only flips the verdict.
        return held, explain(cond.children[0], state, lang)[1]
    if op in ("all", "any"):
        results = [explain(child, state, lang) for child in cond.children]
        if op == "all":
            chosen = [why for ok, why in results if ok == held]
            return held, t("explain.and", lang).join(chosen)
        if held:
            return True, next(why for ok, why in results if ok)
        return False, t("explain.none_holds", lang, inner="; ".join(why for _, why in results))
    if op in c.LIST_KEYS:
        if op == "fact" and not held:
            missing = tuple(a for a in cond.args if a not in state.facts)
            return False, t("explain.not_held.fact", lang, ids=_ids(missing, lang))
        got = {"technique": state.techniques, "pitfall": state.pitfalls}.get(op, frozenset())
        shown = cond.args
        if held and op in ("technique", "pitfall", "used"):
            pool = {"technique": state.techniques, "pitfall": state.pitfalls}.get(op, state.used)
            shown = tuple(a for a in cond.args if a in pool)
        elif held and op == "phrase":
            shown = tuple(a for a in cond.args if c.says(a, state))
        key = f"explain.held.{op}" if held else f"explain.not_held.{op}"
        got_text = ", ".join(sorted(got)) or t("explain.none", lang)
        return held, t(key, lang, ids=_ids(shown, lang), got=got_text)
    if op == "repeat":
        return held, t("explain.op.repeat" if state.repeat else "explain.op.repeat_no", lang)
    if op == "question":
        return held, t("explain.op.question" if state.question else "explain.op.question_no", lang)
    name, cmp, number = cond.args
    if op == "meter":
        left, value = name, state.meters.get(name, 0)
    else:
        left = t(f"explain.op.{op}", lang)
        value = state.turns_in_beat if op == "turns_in_beat" else state.turn
    symbol = _SYMBOL[cmp] if held else _NEGATED[cmp]
    return held, f"{left} {_number(value)} {symbol} {_number(number)}"
