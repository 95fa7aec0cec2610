"""Progress figures: reading a trainee's whole history into trends, bests and the retry list.

Run: .venv/bin/python benchmarks/bench_progress.py   (or `make bench`)
Builds histories of 50, 200 and 1,000 finished sessions in a temporary folder (copies of a
few real sessions of the library's first scenario under new ids and times) and prints the
median time of `progress.load` over 5 runs; no thresholds are asserted here.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.core.practice import Practice  # noqa: E402
from simulator.core.results import progress  # noqa: E402
from simulator.core.results.files import Store  # noqa: E402
from simulator.core.scenario.library import DEFAULT_SCENARIO, default_root, resolve  # noqa: E402
from simulator.core.scenario.loader import load_scenario  # noqa: E402

REPLIES = [
    ["你好。", "你们店一个月卖多少钱?", "不给流水就别贷了。"],
    ["您好,打扰了。", "您这儿一个月流水大概多少?", "最近有没有在别的地方借过款?"],
    ["听说您这店开了好多年了,真不容易。", "生意最近怎么样?", "好的,谢谢。"],
]


def history(folder: Path, sessions: int) -> Store:
    scenario = load_scenario(resolve(DEFAULT_SCENARIO, default_root()))
    seeds = []
    for replies in REPLIES:
        store = Store(folder / "seed")
        practice = Practice.new(scenario, "coach", store, lambda: 0.0)
        for reply in replies:
            if not practice.finished:
                practice.reply(reply)
        practice.abandon()
        assert practice.history is not None
        seeds.append(json.loads((store.history_dir / f"{practice.history.id}.json").read_text()))
    target = folder / "data"
    (target / "history").mkdir(parents=True)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for n in range(sessions):
        record = json.loads(json.dumps(seeds[n % len(seeds)]))
        record["item"]["id"] = f"s{n:05d}"
        record["item"]["finished_at"] = (start + timedelta(hours=n)).isoformat()
        (target / "history" / f"s{n:05d}.json").write_text(json.dumps(record, ensure_ascii=False))
    return Store(target)


def main() -> None:
    for sessions in (50, 200, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            store = history(Path(tmp), sessions)
            times = []
            for _ in range(5):
                began = time.perf_counter()
                result = progress.load(store)
                times.append(time.perf_counter() - began)
            assert result.sessions == sessions
            print(
                f"progress.load, {sessions:>5} sessions: {statistics.median(times) * 1000:7.1f} ms "
                f"median ({len(result.techniques)} techniques, {len(result.moments)} moments)"
            )


if __name__ == "__main__":
    main()
