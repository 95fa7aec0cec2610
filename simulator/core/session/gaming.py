"""Can a scenario be passed without doing the job? Five ways of trying, each must fail.

A trainee who only nods, only agrees, only flatters, recites a checklist of keywords or
is rude must not pass. Each check plays the same kind of reply over and over (forty
turns, more than any scenario allows) and expects the session not to pass. The library
tests and `simulator test` both call `check`, so a trainer's file is held to the same
bar as the bundled ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core.grading import Grader
from simulator.core.scenario.model import Scenario
from simulator.core.session.feedback import build_report
from simulator.core.session.testing import play

TURNS = 40
"""Replies played by each check: more than any scenario's max_turns."""

KINDS = ("idle", "agree", "flatter", "stuffed", "rude")
"""The ways of gaming a scenario, in the order they are reported."""

REPLIES: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "idle": ("嗯。", "哦。", "……"),
        "agree": ("好的。",),
        "flatter": ("您说得对。",),
        "stuffed": ("王总您真了不起,我理解您的心情,按规定必须提供流水,您每月流水多少?",),
        "rude": ("你懂什么?", "那是你自己的问题。", "爱贷不贷。", "别废话了。", "随便你。"),
    },
    "en": {
        "idle": ("Hmm.", "I see.", "..."),
        "agree": ("OK.",),
        "flatter": ("You're absolutely right.",),
        "stuffed": (
            "Impressive, I understand how you feel, policy requires your statements, "
            "what's your turnover?",
        ),
        "rude": (
            "You don't understand anything.",
            "That's your problem.",
            "Take it or leave it.",
            "Whatever.",
            "Stop whining.",
        ),
    },
}
"""The replies of each kind, by scenario language; played in turn, round and round."""

NAMES = {
    "idle": "idle replies do not pass",
    "agree": "agreeing with everything does not pass",
    "flatter": "flattery alone does not pass",
    "stuffed": "a recited checklist of keywords does not pass",
    "rude": "rude replies do not pass",
}
"""What each check asserts, as `simulator test` names it."""


@dataclass(frozen=True)
class GamingResult:
    """One way of gaming tried on one scenario."""

    kind: str
    """One of KINDS."""
    name: str
    """What the check asserts (NAMES)."""
    replies: tuple[str, ...]
    """The replies played."""
    passed: bool
    """True when the scenario held: the session did not pass."""
    ending: str
    """Where the session ended."""
    score: int
    """Its score."""
    why: str
    """When the check failed: how the session passed anyway."""


def replies_for(language: str, kind: str, turns: int = TURNS) -> tuple[str, ...]:
    """`turns` replies of one kind in the scenario's language (English for any other)."""
    lines = REPLIES.get(language, REPLIES["en"])[kind]
    return tuple(lines[i % len(lines)] for i in range(turns))


def check_one(scenario: Scenario, kind: str, grader: Grader | None = None) -> GamingResult:
    """Play one kind of gaming reply to the end and say whether the scenario held."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of gaming '{kind}'; known: {', '.join(KINDS)}")
    replies = replies_for(scenario.language, kind)
    report = build_report(play(scenario, replies, 0, grader))
    why = ""
    if report.passed:
        shown = " / ".join(dict.fromkeys(replies))
        why = (
            f"passed with score {report.score} (pass_score {scenario.pass_score}) at ending "
            f"'{report.ending}' by replying only: {shown}"
        )
    return GamingResult(
        kind, NAMES[kind], replies, not report.passed, report.ending, report.score, why
    )


def check(scenario: Scenario, grader: Grader | None = None) -> list[GamingResult]:
    """Every kind of gaming, in KINDS order."""
    grader = grader or Grader()
    return [check_one(scenario, kind, grader) for kind in KINDS]
