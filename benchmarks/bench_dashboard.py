"""The trainer's dashboard: what one 2-second poll costs on a class-sized SQLite store.

Run: .venv/bin/python benchmarks/bench_dashboard.py
Builds a temporary store of TRAINEES trainees x SESSIONS finished sessions plus one live
session each, then times `Poller.poll()` when nothing changed (one counter read: what
almost every poll is) and a full reload (`dashboard.load`: live, leaderboard, matrix,
mistakes). Medians and p95; no thresholds are asserted here.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.core.results import (  # noqa: E402
    Identity,
    dashboard,
    open_results,
    result_from_report,
    turn_record,
)
from simulator.core.scenario.loader import load_scenario  # noqa: E402
from simulator.core.session.engine import Session  # noqa: E402
from simulator.core.session.feedback import build_report  # noqa: E402

TRAINEES, SESSIONS, RUNS = 30, 4, 50
CLASS, AT = "bench", "2026-12-02T09:00:00+08:00"
MINI = ROOT / "tests" / "data" / "scenarios" / "mini_zh.yaml"
PATHS = [
    [
        "八年可不容易,街坊都认您,说明您做人实在。",
        "您这儿一个月流水大概多少?",
        "除了我们,最近有没有在别的小贷公司借过款?",
    ],
    ["你好", "你今天必须签字,不然就别贷了!"],
    ["你好", "生意怎么样?", "最近忙吗?", "好的"],
]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def timed(fn, runs: int = RUNS) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    scenario = load_scenario(MINI)
    reports = []
    for replies in PATHS:
        session = Session.start(scenario)
        for reply in replies:
            if not session.finished:
                session.reply(reply)
        reports.append(build_report(session))
    with tempfile.TemporaryDirectory() as folder:
        results = open_results(f"sqlite:///{folder}/results.db")
        start = time.perf_counter()
        for t in range(TRAINEES):
            who = Identity(f"t{t:02d}", CLASS, f"学员{t:02d}")
            for s in range(SESSIONS):
                report = reports[(t + s) % len(reports)]
                sid = f"s-{t}-{s}"
                results.start(sid, who, report.scenario, report.title, "zh", "coach", AT)
                results.finish(
                    result_from_report(
                        report, session_id=sid, who=who, mode="coach", started_at=AT, finished_at=AT
                    )
                )
            session = Session.start(scenario)
            results.start(f"live-{t}", who, scenario.id, scenario.title, "zh", "coach", AT)
            for reply in PATHS[2][:3]:
                turn = session.reply(reply)
                results.turn(f"live-{t}", turn_record(turn, who.trainee, 0, AT))
        filled = time.perf_counter() - start
        poller = dashboard.Poller(results, CLASS)
        poller.poll()
        idle = timed(lambda: poller.poll())
        full = timed(lambda: poller.poll(force=True))
        snap = poller.last
        assert snap is not None
        print(
            f"store: {TRAINEES} trainees x {SESSIONS} finished sessions + {len(snap.live)} live "
            f"(filled in {filled:.1f} s)"
        )
        print(
            f"poll, nothing changed (version only): median {statistics.median(idle):.2f} ms, "
            f"p95 {pct(idle, 0.95):.2f} ms"
        )
        print(
            f"full reload (live, leaderboard, matrix, mistakes): median "
            f"{statistics.median(full):.1f} ms, p95 {pct(full, 0.95):.1f} ms"
        )
        results.close()


if __name__ == "__main__":
    main()
