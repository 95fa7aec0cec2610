"""Live preview figures: what a save costs before the new version is on screen.

Run: .venv/bin/python benchmarks/bench_preview.py   (or `make bench`)
For the largest library file, with its first embedded test's replies played: reading
and validating the file, replaying the replies into it, and the debug panel's trace.
Medians of 5 runs; no thresholds are asserted here.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.core.grading import Grader  # noqa: E402
from simulator.core.practice import Practice  # noqa: E402
from simulator.core.results.files import Store  # noqa: E402
from simulator.core.scenario.library import bundled_root  # noqa: E402
from simulator.tui.live import Watched, debug_view, replay  # noqa: E402


def timed(action, runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def main() -> None:
    path = max(bundled_root().glob("*.yaml"), key=lambda p: p.stat().st_size)
    grader = Grader()
    grader.grade("warm up")  # the learned layer loads once, before any timing
    watched = Watched(path)
    load_ms, loaded = timed(watched.load)
    scenario = loaded.scenario
    assert scenario is not None
    replies = scenario.tests[0].replies
    with tempfile.TemporaryDirectory() as folder:
        store = Store(folder)

        def start(s):
            return Practice.new(s, "coach", store, time.monotonic, grader=grader)

        replay_ms, practice = timed(lambda: replay(scenario, replies, start))
        trace_ms, _ = timed(lambda: debug_view(practice.session, grader, "zh"))
    total = load_ms + replay_ms + trace_ms
    print(f"{path.name} ({path.stat().st_size // 1024} kB), {len(replies)} replies replayed:")
    print(f"  read + validate   {load_ms:7.1f} ms")
    print(f"  replay            {replay_ms:7.1f} ms")
    print(f"  debug trace       {trace_ms:7.1f} ms")
    print(f"  save -> chat      {load_ms + replay_ms:7.1f} ms (+ up to 500 ms until the next poll)")
    print(f"  save -> panel     {total:7.1f} ms")


if __name__ == "__main__":
    main()
