"""What the learned layer sees of a reply: character and word n-grams plus a few
flags about the customer's line.

One function serves training and grading, so the shipped weights always read the
features they were trained on. Character n-grams let Chinese replies be read without
a word segmenter and tolerate typos; the context flags carry what a reply alone
cannot show (a refusal before pressure, an offer before thanks).
"""

from __future__ import annotations

import re

from simulator.core.grading import lexicon as lx
from simulator.core.grading.clauses import is_question_text

_KEEP_ZH = re.compile(r"[\u3400-\u9fff0-9a-z?!]+")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!]")
_ZH_NGRAMS = (1, 2, 3, 4)
_EN_CHAR_NGRAMS = (3, 4, 5)


def reply_features(folded: str, lang: str) -> list[str]:
    """N-gram features of already-folded reply text (deduplicated, order kept)."""
    grams: dict[str, None] = {}
    if lang == "zh":
        for chunk in _KEEP_ZH.findall(folded):
            text = "^" + chunk + "$"
            for n in _ZH_NGRAMS:
                for i in range(len(text) - n + 1):
                    gram = text[i : i + n]
                    if gram not in ("^", "$"):
                        grams[gram] = None
    else:
        words = _WORD.findall(folded)
        previous = "^"
        for word in words:
            grams["w:" + word] = None
            grams["b:" + previous + " " + word] = None
            previous = word
            if len(word) > 3:
                padded = " " + word + " "
                for n in _EN_CHAR_NGRAMS:
                    for i in range(len(padded) - n + 1):
                        grams["c:" + padded[i : i + n]] = None
        if words:
            grams["b:" + previous + " $"] = None
    return list(grams)


def key_grams(folded: str, lang: str) -> list[str]:
    """The n-grams neighbours are found by: Chinese 2-3 grams, English words and word pairs.

    The same as those of `reply_features`, computed without the rest."""
    grams: dict[str, None] = {}
    if lang == "zh":
        for chunk in _KEEP_ZH.findall(folded):
            text = "^" + chunk + "$"
            for n in (2, 3):
                for i in range(len(text) - n + 1):
                    grams[text[i : i + n]] = None
        return list(grams)
    previous = "^"
    for word in _WORD.findall(folded):
        grams["w:" + word] = None
        grams["b:" + previous + " " + word] = None
        previous = word
    if previous != "^":
        grams["b:" + previous + " $"] = None
    return list(grams)


def context_flags(folded_reply: str, folded_context: str, lang: str) -> list[str]:
    """Flags about the customer's line and how the reply stands to it."""
    flags: list[str] = []
    ctx = folded_context.strip()
    if not ctx:
        flags.append("x:no-context")
    else:
        if lx.RESISTANCE.search(ctx):
            flags.append("x:ctx-refuses")
        if lx.GIFT_OFFER.search(ctx):
            flags.append("x:ctx-offers")
        if is_question_text(ctx, lang):
            flags.append("x:ctx-asks")
            if lx.PRODUCT_QUESTION.search(ctx):
                flags.append("x:ctx-asks-rule")
        if lx.OPENING.search(ctx) or lx.NEUTRAL.search(ctx):
            flags.append("x:ctx-neutral")
    if is_question_text(folded_reply, lang):
        flags.append("x:reply-asks")
    if lx.HEDGE.search(folded_reply):
        flags.append("x:reply-hedges")
    return flags


def features(folded_reply: str, folded_context: str, lang: str) -> list[str]:
    """Everything the learned layer scores: reply n-grams plus context flags."""
    return reply_features(folded_reply, lang) + context_flags(folded_reply, folded_context, lang)
