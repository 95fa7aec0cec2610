"""The score formula and the pass decision, each in one place, so every caller agrees.

score = W_OPP * (opportunities taken / offered)
      + W_FACTS * (facts uncovered / facts)          (its weight moves to the ending
      + W_END * ending value                          when a scenario has no facts)
      - PITFALL_COST * pitfalls - MISPLACED_COST * punished techniques used
clamped to 0..100 and rounded. Ending values: success 1, partial 0.5, failure 0.2,
walkout and abandoned 0.

passed(): the score reaches the pass mark and the conversation ended well. The feedback
(build_report), the history, the library and the exports all take "passed" from it.
"""

from __future__ import annotations

W_OPP, W_FACTS, W_END = 50.0, 20.0, 30.0
PITFALL_COST, MISPLACED_COST = 8.0, 4.0
ENDING_VALUE = {
    "success": 1.0,
    "partial": 0.5,
    "failure": 0.2,
    "walkout": 0.0,
    "abandoned": 0.0,
    "timeout": 0.1,
}
PASSING_ENDINGS = frozenset({"success", "partial"})
"""Ending kinds a session can pass with; a failure, walkout, timeout or abandoned one cannot."""


def compute(
    taken: int,
    offered: int,
    facts_found: int,
    facts_total: int,
    ending_kind: str,
    pitfalls: int,
    misplaced: int,
) -> int:
    """The 0-100 score."""
    opp = taken / offered if offered else 0.0
    end = ENDING_VALUE.get(ending_kind, 0.0)
    if facts_total:
        raw = W_OPP * opp + W_FACTS * (facts_found / facts_total) + W_END * end
    else:
        raw = W_OPP * opp + (W_FACTS + W_END) * end
    raw -= PITFALL_COST * pitfalls + MISPLACED_COST * misplaced
    return int(round(max(0.0, min(100.0, raw))))


def max_score(best_ending_value: float, has_facts: bool) -> int:
    """The best score a path ending at that ending value can reach."""
    if has_facts:
        return int(round(W_OPP + W_FACTS + W_END * best_ending_value))
    return int(round(W_OPP + (W_FACTS + W_END) * best_ending_value))


def passed(score: int, pass_score: int, ending_kind: str) -> bool:
    """Whether a session passed: score at or above the pass mark and a passing ending.

    A high score with a failure ending is not a pass: the customer still said no.
    """
    return score >= pass_score and ending_kind in PASSING_ENDINGS
