"""A class's worth of results written straight through the results store.

Real sessions: each simulated trainee plays a scenario headless with replies taken from
its embedded tests (the model path, or only its first replies, so scores differ), and
the store receives start, every turn and finish just as the app sends them.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta

from simulator.core.grading import Grader
from simulator.core.results import Identity, Results, result_from_report, turn_record
from simulator.core.scenario.library import resolve
from simulator.core.scenario.loader import load_scenario
from simulator.core.session.feedback import build_report
from simulator.core.session.testing import play

SCENARIO = "preloan-supermarket"
TRAINEES = [
    ("t01", "张三", 10),
    ("t02", "李四", 6),
    ("t03", "王五", 3),
    ("t04", "赵六", 8),
    ("t05", "钱七", 2),
    ("t06", "孙八", 5),
]
"""(id, name, how many of the model replies they manage before stopping)."""
FIXED = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@functools.cache
def grader_and_scenario():
    """Built once per test run: the grader takes seconds to build, the scenario too."""
    from simulator.core.grading import catalogue

    grader = Grader(catalogue.builtin())
    return grader, load_scenario(resolve(SCENARIO, None), grader.catalogue)


def model_replies(scenario) -> list[str]:
    return list(scenario.tests[0].replies)


def play_one(
    results: Results,
    who: Identity,
    replies: list[str],
    session_id: str,
    minutes: int = 0,
    *,
    finish: bool = True,
) -> None:
    """Play replies and record the session: start, each turn, then (if finish) finish."""
    grader, scenario = grader_and_scenario()
    session = play(scenario, replies, 0, grader)
    started = (FIXED + timedelta(minutes=minutes)).isoformat()
    results.start(session_id, who, scenario.id, scenario.title, scenario.language, "coach", started)
    for turn in session.turns:
        results.turn(session_id, turn_record(turn, who.trainee, 0, started))
    if finish:
        report = build_report(session)
        ended = (FIXED + timedelta(minutes=minutes + 9)).isoformat()
        results.finish(
            result_from_report(
                report,
                session_id=session_id,
                who=who,
                mode="coach",
                started_at=started,
                finished_at=ended,
            )
        )


def fill_class(results: Results, class_code: str) -> None:
    """Six trainees: everyone finishes once, two finish twice (a better second try), one
    is still playing."""
    _, scenario = grader_and_scenario()
    replies = model_replies(scenario)
    for n, (trainee, name, good) in enumerate(TRAINEES):
        who = Identity(trainee, class_code, name)
        weak = replies[: max(1, good // 2)] + ["好的", "那就这样吧"]
        play_one(results, who, weak, f"s-{trainee}-1", n)
        if good >= 6:
            play_one(results, who, replies[:good], f"s-{trainee}-2", 20 + n)
    who = Identity("t07", class_code, "周九")
    play_one(results, who, replies[:3], "s-t07-live", 30, finish=False)
