"""Run a scenario's embedded tests: scripted replies against expectations."""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core.grading import Grader
from simulator.core.scenario.model import Scenario, TestCase
from simulator.core.session.engine import Session
from simulator.core.session.feedback import Report, build_report


@dataclass(frozen=True)
class TestResult:
    scenario: str
    name: str
    line: int
    failures: list[str]
    """Empty when the test passed."""
    report: Report

    @property
    def passed(self) -> bool:
        return not self.failures


def play(
    scenario: Scenario,
    replies: list[str] | tuple[str, ...],
    seed: int = 0,
    grader: Grader | None = None,
    relay: tuple[str, ...] = (),
) -> Session:
    """Play replies in order; a session still open when they run out is abandoned.

    relay: names taking turns, one reply each (a hot-seat relay)."""
    session = Session.start(scenario, seed, grader)
    session.relay = relay
    for reply in replies:
        if session.finished:
            break
        session.reply(reply)
    session.abandon()
    return session


def run_test(scenario: Scenario, test: TestCase, grader: Grader | None = None) -> TestResult:
    session = play(scenario, test.replies, test.seed, grader)
    report = build_report(session)
    ex, fails = test.expect, []
    used_replies = len(session.turns)
    if ex.ending is not None and report.ending != ex.ending:
        fails.append(
            f"ending: expected '{ex.ending}', got '{report.ending}' after {used_replies} replies"
        )
    if ex.kind is not None and report.ending_kind != ex.kind:
        fails.append(f"ending kind: expected {ex.kind}, got {report.ending_kind}")
    if ex.score is not None and not ex.score[0] <= report.score <= ex.score[1]:
        fails.append(f"score: expected {ex.score[0]:g}-{ex.score[1]:g}, got {report.score}")
    if ex.passed is not None and report.passed != ex.passed:
        fails.append(f"passed: expected {ex.passed}, got {report.passed} (score {report.score})")
    for fact in ex.facts:
        if fact not in session.facts:
            fails.append(f"fact '{fact}' was not revealed")
    for fact in ex.missed_facts:
        if fact in session.facts:
            fails.append(f"fact '{fact}' was revealed but should stay hidden")
    credited = {t for turn in session.turns for t in turn.credited}
    for technique in ex.techniques:
        if technique not in credited:
            fails.append(f"technique '{technique}' was never credited")
    committed = {p for turn in session.turns for p in turn.pitfalls}
    for pitfall in ex.pitfalls:
        if pitfall not in committed:
            fails.append(f"pitfall '{pitfall}' was expected but not recorded")
    if ex.no_pitfalls and committed:
        fails.append(f"no pitfalls expected, got {', '.join(sorted(committed))}")
    return TestResult(scenario.id, test.name, test.line, fails, report)


def run_tests(scenario: Scenario, grader: Grader | None = None) -> list[TestResult]:
    grader = grader or Grader()
    return [run_test(scenario, test, grader) for test in scenario.tests]
