"""Conditions in words: what a condition asks (`describe`) and why it held or not (`explain`).

A trainer debugging a scenario needs to see "trust 48 < 55", not "False". Both the
trace (`trace.py`) and the graph (`graph.py`) speak through this module, so a condition
reads the same wherever it is shown. Ids stay ids: they are what the trainer typed.
"""

from __future__ import annotations

from simulator.core.scenario import conditions as c

_SYMBOL = {"gte": "≥", "gt": ">", "lte": "≤", "lt": "<", "eq": "="}
_NEGATED = {"gte": "<", "gt": "≤", "lte": ">", "lt": "≥", "eq": "≠"}

_W = {
    "zh": {
        "always": "总是",
        "otherwise": "否则(无条件)",
        "technique": "技巧 {ids}",
        "technique+": "得到技巧 {ids}",
        "technique-": "未得到技巧 {ids}(本句得到:{got})",
        "pitfall": "失误 {ids}",
        "pitfall+": "犯了失误 {ids}",
        "pitfall-": "没有失误 {ids}(本句失误:{got})",
        "used": "用过 {ids}",
        "used+": "用过 {ids}",
        "used-": "从未得到 {ids}",
        "phrase": "说到 {ids}",
        "phrase+": "说到了 {ids}",
        "phrase-": "没说到 {ids}",
        "fact": "已问出 {ids}",
        "fact+": "已问出 {ids}",
        "fact-": "还没问出 {ids}",
        "turns_in_beat": "本节轮数",
        "turn": "总轮数",
        "repeat": "重复之前的话",
        "repeat_no": "不是重复",
        "question": "提了问题",
        "question_no": "没有提问",
        "not": "并非({inner})",
        "any": "任一({inner})",
        "all": "{inner}",
        "any-": "都不成立:{inner}",
        "and": ",且 ",
        "or": " / ",
        "none": "无",
    },
    "en": {
        "always": "always",
        "otherwise": "otherwise (no condition)",
        "technique": "technique {ids}",
        "technique+": "technique {ids} credited",
        "technique-": "technique {ids} not credited (credited: {got})",
        "pitfall": "pitfall {ids}",
        "pitfall+": "pitfall {ids} committed",
        "pitfall-": "no pitfall {ids} (committed: {got})",
        "used": "used {ids}",
        "used+": "used {ids} earlier",
        "used-": "{ids} never credited so far",
        "phrase": "says {ids}",
        "phrase+": "the reply says {ids}",
        "phrase-": "the reply says none of {ids}",
        "fact": "fact {ids} revealed",
        "fact+": "fact {ids} revealed",
        "fact-": "fact {ids} not revealed yet",
        "turns_in_beat": "turns in beat",
        "turn": "turn",
        "repeat": "the reply is a repeat",
        "repeat_no": "the reply is not a repeat",
        "question": "the reply asks a question",
        "question_no": "the reply asks no question",
        "not": "not ({inner})",
        "any": "any of ({inner})",
        "all": "{inner}",
        "any-": "none holds: {inner}",
        "and": " and ",
        "or": " / ",
        "none": "none",
    },
}


def _words(lang: str) -> dict[str, str]:
    return _W.get(lang, _W["en"])


def _ids(args: tuple[str, ...], lang: str) -> str:
    return _words(lang)["or"].join(args)


def _number(value: float) -> str:
    return f"{value:g}"


def describe(cond: c.Cond | None, lang: str = "en") -> str:
    """What a condition asks, in words, e.g. "technique probing and trust ≥ 55"."""
    w = _words(lang)
    if cond is None:
        return w["otherwise"]
    op = cond.op
    if op == "always":
        return w["always"] if cond.args[0] else w["not"].format(inner=w["always"])
    if op in ("all", "any", "not"):
        parts = [describe(child, lang) for child in cond.children]
        if op == "not":
            return w["not"].format(inner=parts[0])
        joiner = w["and"] if op == "all" else w["or"]
        return w[op].format(inner=joiner.join(parts))
    if op in c.LIST_KEYS:
        return w[op].format(ids=_ids(cond.args, lang))
    if op in ("repeat", "question"):
        return w[op] if cond.args[0] else w[f"{op}_no"]
    name, cmp, number = cond.args
    left = name if op == "meter" else w[op]
    return f"{left} {_SYMBOL[cmp]} {_number(number)}"


def explain(cond: c.Cond | None, state: c.State, lang: str = "en") -> tuple[bool, str]:
    """Whether a condition holds for a state, and why, with the values it looked at."""
    w = _words(lang)
    if cond is None:
        return True, w["otherwise"]
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
            return held, w["and"].join(chosen)
        if held:
            return True, next(why for ok, why in results if ok)
        return False, w["any-"].format(inner="; ".join(why for _, why in results))
    if op in c.LIST_KEYS:
        if op == "fact" and not held:
            missing = tuple(a for a in cond.args if a not in state.facts)
            return False, w["fact-"].format(ids=_ids(missing, lang))
        got = {"technique": state.techniques, "pitfall": state.pitfalls}.get(op, frozenset())
        shown = cond.args
        if held and op in ("technique", "pitfall", "used"):
            pool = {"technique": state.techniques, "pitfall": state.pitfalls}.get(op, state.used)
            shown = tuple(a for a in cond.args if a in pool)
        elif held and op == "phrase":
            shown = tuple(a for a in cond.args if c.says(a, state))
        key = op + ("+" if held else "-")
        return held, w[key].format(ids=_ids(shown, lang), got=", ".join(sorted(got)) or w["none"])
    if op == "repeat":
        return held, w["repeat"] if state.repeat else w["repeat_no"]
    if op == "question":
        return held, w["question"] if state.question else w["question_no"]
    name, cmp, number = cond.args
    if op == "meter":
        left, value = name, state.meters.get(name, 0)
    else:
        left, value = w[op], state.turns_in_beat if op == "turns_in_beat" else state.turn
    symbol = _SYMBOL[cmp] if held else _NEGATED[cmp]
    return held, f"{left} {_number(value)} {symbol} {_number(number)}"
