"""Core figures: grader throughput, engine step latency, scenario load time.

Run: .venv/bin/python benchmarks/bench_core.py   (or `make bench`)
Prints medians and p95 over repeated runs; no thresholds are asserted here.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.core.grading import Grader  # noqa: E402
from simulator.core.grading.bank import load_bank  # noqa: E402
from simulator.core.scenario.library import (  # noqa: E402
    default_root,
    scan,
    scenario_files,  # noqa: E402
)
from simulator.core.scenario.loader import load_scenario  # noqa: E402
from simulator.core.session.engine import Session  # noqa: E402


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def grader_throughput() -> None:
    """Per-reply latency in process, and bulk `simulator grade` as a whole new process."""
    rows = [{"text": ex.text, "context": ex.context, "lang": ex.lang} for ex in load_bank()]
    grader = Grader()
    grader.grade("warm up")  # loads the learned layer once
    times = []
    for row in rows:
        start = time.perf_counter()
        grader.grade(row["text"], row["context"], row["lang"])
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"grader (rules + learned), per reply in process over {len(rows)} bank replies: "
        f"median {statistics.median(times):.2f} ms, p95 {pct(times, 0.95):.2f} ms, "
        f"max {max(times):.1f} ms; {len(rows) / sum(times) * 1000:,.0f} replies/s"
    )
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    for jobs in (1, 2):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "simulator", "grade", "--jobs", str(jobs)],
            input=data,
            capture_output=True,
            text=True,
            check=True,
        )
        took = time.perf_counter() - start
        assert len(done.stdout.splitlines()) == len(rows)
        print(
            f"bulk `simulator grade --jobs {jobs}` whole process: {len(rows)} replies in "
            f"{took:.1f} s = {len(rows) / took:,.0f} replies/s (start-up included)"
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
