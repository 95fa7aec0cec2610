"""Clauses and their kinds: which parts of a reply ask, which assert, which only seem to ask.

Chinese questions often carry no "?" (final 吧/呢/吗, interrogatives, A-not-A), and
many question-shaped clauses do not ask for information: rhetorical challenges,
consent requests, offers, confirmation tags after a read-back. Every later stage
reads the kinds decided here.
"""

from __future__ import annotations

import re

from simulator.core.grading import lexicon as lx

_CLAUSE_END = re.compile(r"[。！？!?；;:：\n]+|[,，、]|\.(?=\s|$)|\.{3}|~+")


def clauses(folded: str) -> list[tuple[int, int]]:
    """Split folded text into clause spans [start, end), each including its end mark."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CLAUSE_END.finditer(folded):
        end = match.end()
        if folded[start : match.start()].strip():
            spans.append((start, end))
        start = end
    if folded[start:].strip():
        spans.append((start, len(folded)))
    return spans


_ZH_INDEFINITE = lx.pattern("clauses", "zh_indefinite")
_ZH_INTERROGATIVE = lx.pattern("clauses", "zh_interrogative")
_ZH_FINAL = lx.pattern("clauses", "zh_final")
_ZH_NE = lx.pattern("clauses", "zh_ne")
_ZH_RHETORICAL = lx.pattern("clauses", "zh_rhetorical")
_EN_START = lx.pattern("clauses", "en_start")
_EN_EARLY_WH = lx.pattern("clauses", "en_early_wh")
_EN_EMBEDDED = lx.pattern("clauses", "en_embedded")
_EN_NOT_QUESTION = lx.pattern("clauses", "en_not_question")
_EN_RHETORICAL = lx.pattern("clauses", "en_rhetorical")
_ZH_BACKCHANNEL = lx.pattern("clauses", "zh_backchannel")
_PROPOSAL = lx.pattern("clauses", "proposal")
_ZH_PLAN = lx.pattern("clauses", "zh_plan")
_PROPOSER = lx.pattern("clauses", "proposer")
_EN_PROPOSAL = lx.pattern("clauses", "en_proposal")
_CONFIRM_TAG = lx.pattern("clauses", "confirm_tag")


def clause_kind(clause: str, lang: str) -> str:
    """'question', 'rhetorical' or 'statement' for one clause of folded text."""
    body = clause.strip()
    if lang == "zh":
        if _ZH_RHETORICAL.search(body):
            return "rhetorical"
        if _ZH_BACKCHANNEL.search(body):
            return "proposal"
        probe = _ZH_INDEFINITE.sub("", body)
        if _PROPOSAL.search(probe) and (_PROPOSER.search(probe) or len(probe) <= 7):
            return "proposal"
        if probe.startswith("要不") or (
            body.endswith("?")
            and not _ZH_FINAL.search(probe)
            and not _ZH_INTERROGATIVE.search(probe)
            and _ZH_PLAN.search(probe)
        ):
            return "proposal"
        if body.endswith("?") or _ZH_FINAL.search(probe):
            return "question"
        if body.endswith(("。", ".", "!")):
            return "statement"  # "…差不了多少。": a full stop closes a statement
        if _ZH_INTERROGATIVE.search(probe):
            return "question"
        if _ZH_NE.search(probe) and len(probe) <= 8:
            return "question"
        return "statement"
    if _EN_RHETORICAL.search(body):
        return "rhetorical"
    if _EN_NOT_QUESTION.search(body):
        return "statement"
    if _EN_PROPOSAL.search(body):
        return "proposal"
    if body.endswith("?"):
        return "question"
    if body.endswith((".", "!")) or _EN_EMBEDDED.search(body):
        return "statement"  # "What the fee buys you is…." / "which tells me…"
    if _EN_START.search(body) or _EN_EARLY_WH.search(body):
        return "question"
    return "statement"


def is_confirm_tag(clause: str) -> bool:
    """True when the clause ends with a confirmation tag (对吗 / right?)."""
    return bool(_CONFIRM_TAG.search(clause.strip()))


def is_question_text(text: str, lang: str) -> bool:
    """True when any clause of already-folded text is a real question."""
    return any(clause_kind(text[s:e], lang) == "question" for s, e in clauses(text))


_ZH_WH = lx.pattern("clauses", "zh_wh")
_EN_WH = lx.pattern("clauses", "en_wh")


def has_question_word(clause: str, lang: str) -> bool:
    """True when a question clause carries an interrogative word, not just a '?'."""
    return bool((_ZH_WH if lang == "zh" else _EN_WH).search(clause))
