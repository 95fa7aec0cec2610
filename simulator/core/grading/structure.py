"""Structural rules: what a cue list cannot see on its own.

Negation just before a cue, and restatement of the customer's own words (with a
marker such as 您刚才说 / so you're saying, or as a plain read-back of their facts).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from simulator.core.grading import lexicon as lx
from simulator.core.grading.clauses import _CONFIRM_TAG

# ---- negation ---------------------------------------------------------------------

_ZH_NEG = lx.pattern("structure", "zh_neg")
_ZH_NEG_FALSE = lx.pattern("structure", "zh_neg_false")
_EN_NEG = lx.pattern("structure", "en_neg")
_EN_NEG_FALSE = lx.pattern("structure", "en_neg_false")


def negated(text: str, start: int, clause_start: int, lang: str) -> bool:
    """True when a negation sits just before `start` in the same clause."""
    if lang == "zh":
        window = text[max(clause_start, start - 4) : start]
        if _ZH_NEG_FALSE.search(text[max(clause_start, start - 5) : start + 1]):
            window = _ZH_NEG_FALSE.sub("", window)
        return bool(_ZH_NEG.search(window))
    window = text[max(clause_start, start - 24) : start]
    if _EN_NEG_FALSE.search(text[max(clause_start, start - 24) : start + 12]):
        return False
    words = window.split()[-4:]
    return bool(_EN_NEG.search(" ".join(words)))


# ---- restating the customer's own words ---------------------------------------------

_RESTATE_MARKER = lx.by_language("structure", "restate_marker")
_FEELING = lx.pattern("structure", "feeling")
_CONTENT = re.compile(r"[\u3400-\u9fff0-9a-z]")


def restatement(reply: str, context: str, lang: str) -> tuple[float, int, int, bool]:
    """How strongly the reply restates the context.

    Returns (weight, start, end, about_feelings); weight 0 when it does not.
    """
    if not context.strip():
        return (0.0, 0, 0, False)
    marker = _RESTATE_MARKER.get(lang, _RESTATE_MARKER["en"]).search(reply)
    tail = reply[marker.start() :] if marker else reply
    tagged = bool(_CONFIRM_TAG.search(reply.strip()))
    if not marker and not tagged:
        return (0.0, 0, 0, False)
    content = "".join(_CONTENT.findall(tail))
    ctx_content = "".join(_CONTENT.findall(context))
    if len(content) < 4 or len(ctx_content) < 4:
        return (0.0, 0, 0, False)
    if lang == "zh":
        score = fuzz.partial_ratio(content, ctx_content)
        shared = _shared_bigrams(content, ctx_content)
    else:
        score = fuzz.token_set_ratio(tail, context)
        shared = len(_words(tail) & _words(context))
    feeling = bool(_FEELING.search(tail))
    if marker and (score >= 55 or shared >= 4) and shared >= 2:
        start = marker.start()
        return (0.85 if score >= 70 else 0.7, start, len(reply), feeling)
    if tagged and (score >= 65 or shared >= 5) and shared >= 3:
        return (0.75, 0, len(reply), feeling)
    return (0.0, 0, 0, False)


_ECHO_START = lx.pattern("structure", "echo_start")


def echo(reply: str, context: str, lang: str) -> float:
    """Weight of a restatement without a marker: a sentence of the reply re-says the customer's facts."""
    sentences = [part for part in re.split(r"(?<=[。!?.])", reply) if part.strip()] or [reply]
    return max(_echo(part, context, lang) for part in sentences)


def _echo(reply: str, context: str, lang: str) -> float:
    if not context.strip() or not reply.strip():
        return 0.0
    content = "".join(_CONTENT.findall(reply))
    ctx_content = "".join(_CONTENT.findall(context))
    if len(content) < 6 or len(ctx_content) < 6 or len(content) > 2.5 * len(ctx_content) + 10:
        return 0.0
    if lang == "zh":
        shared = _shared_bigrams(content, ctx_content)
        ratio = shared / max(1, len(content) - 1)
        numbers = len(
            set(re.findall(r"\d+|[一二三四五六七八九十百千万两]+", reply))
            & set(re.findall(r"\d+|[一二三四五六七八九十百千万两]+", context))
        )
        strong = ratio >= 0.45 and shared >= 5
    else:
        words = _words(reply)
        shared = len(words & _words(context))
        ratio = shared / max(1, len(words))
        numbers = len(set(re.findall(r"\d+", reply)) & set(re.findall(r"\d+", context)))
        strong = (ratio >= 0.4 and shared >= 3) or (
            bool(_ECHO_START.search(reply)) and shared >= 2 and ratio >= 0.25
        )
    if strong and (numbers or _ECHO_START.search(reply)):
        return 0.7
    return 0.0


_STOP = lx.words("stop_words", "en")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text) if w not in _STOP and len(w) > 2}


def _shared_bigrams(a: str, b: str) -> int:
    grams = {b[i : i + 2] for i in range(len(b) - 1)}
    return sum(1 for i in range(len(a) - 1) if a[i : i + 2] in grams)


STUFFING_MIN = 3
"""Techniques in one reply from which it must also address the customer's line."""


STUFFING_DENSITY = {"zh": 10, "en": 5}
"""Characters (zh) or words (en) a technique takes when it is more than a formula."""


def addresses(reply: str, context: str, lang: str) -> bool:
    """Does the folded reply take up anything the customer said (shared content words)?"""
    if not context.strip():
        return True  # nothing said yet: an opener addresses the situation
    if lang == "zh":
        content = "".join(_CONTENT.findall(reply))
        ctx_content = "".join(_CONTENT.findall(context))
        return _shared_bigrams(content, ctx_content) >= 2
    return bool(_words(reply) & _words(context))


def stuffed(reply: str, context: str, lang: str, techniques: int) -> bool:
    """Technique words piled up with nothing addressed to the customer's line.

    A skilled reply that praises, empathises and asks in one message takes up what
    the customer said; a recited checklist ("您真了不起我理解您的心情按规定必须…")
    does not, and earns nothing.
    """
    if techniques < STUFFING_MIN or addresses(reply, context, lang):
        return False
    if lang == "zh":
        size = len(_CONTENT.findall(reply)) / STUFFING_DENSITY["zh"]
    else:
        size = len(re.findall(r"[a-z0-9']+", reply)) / STUFFING_DENSITY["en"]
    return size < techniques
