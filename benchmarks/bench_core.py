"""Core figures: grader throughput, engine step latency, scenario load time.

Run: .venv/bin/python benchmarks/bench_core.py   (or `make bench`)
Prints medians and p95 over repeated runs; no thresholds are asserted here.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.core.engine import Session  # noqa: E402
from simulator.core.evaluate import read_jsonl  # noqa: E402
from simulator.core.grading import Grader  # noqa: E402
from simulator.core.library import default_root, scan  # noqa: E402
from simulator.core.scenario import load_scenario  # noqa: E402
from simulator.core.validate import scenario_files  # noqa: E402


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def grader_throughput() -> None:
    rows = [
        r
        for name in ("devset_zh.jsonl", "devset_en.jsonl")
        for r in read_jsonl(ROOT / "tests" / "data" / name)
    ]
    grader = Grader()
    for row in rows[:50]:
        grader.grade(str(row["text"]), str(row.get("context", "")))
    rates = []
    for _ in range(5):
        start = time.perf_counter()
        for row in rows:
            grader.grade(str(row["text"]), str(row.get("context", "")), str(row.get("lang")))
        rates.append(len(rows) / (time.perf_counter() - start))
    print(
        f"grader: {statistics.median(rates):,.0f} replies/s median over 5 runs of {len(rows)} dev-set replies"
    )


def engine_steps() -> None:
    library = scan(default_root())
    times: list[float] = []
    for entry in library.entries:
        for test in entry.scenario.tests:
            session = Session.start(entry.scenario, test.seed)
            for reply in test.replies:
                if session.finished:
                    break
                start = time.perf_counter()
                session.reply(reply)
                times.append((time.perf_counter() - start) * 1000)
    if times:
        print(
            f"engine step: median {statistics.median(times):.2f} ms, p95 {pct(times, 0.95):.2f} ms "
            f"over {len(times)} steps of the library's embedded tests"
        )


def load_times() -> None:
    files = scenario_files([default_root()])
    times = []
    for path in files:
        start = time.perf_counter()
        load_scenario(path)
        times.append((time.perf_counter() - start) * 1000)
    if times:
        total = sum(times)
        print(
            f"scenario load: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms per file; "
            f"{len(files)} files in {total:.0f} ms"
        )


if __name__ == "__main__":
    grader_throughput()
    engine_steps()
    load_times()
