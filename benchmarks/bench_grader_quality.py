"""Grader quality on every labelled set: the dev sets, the other-fields set and the blind set.

Run: .venv/bin/python benchmarks/bench_grader_quality.py
The blind set (benchmarks/data/blind_set.jsonl) was written by someone who never saw the
rules or the other sets and is never used for tuning: it is the figure for unseen replies.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.core.evaluate import evaluate, read_jsonl, table  # noqa: E402
from simulator.core.grading import Grader  # noqa: E402

SETS = {
    "dev zh (tuned on)": ROOT / "tests/data/devset_zh.jsonl",
    "dev en (tuned on)": ROOT / "tests/data/devset_en.jsonl",
    "other fields (looked at)": ROOT / "tests/data/holdout_other_fields.jsonl",
    "mixed, less common labels (tuned on)": ROOT / "tests/data/devset_mixed.jsonl",
    "English, varied registers (tuned on)": ROOT / "tests/data/devset_en2.jsonl",
    "blind (never tuned on)": ROOT / "benchmarks/data/blind_set.jsonl",
}


def main() -> None:
    grader = Grader()
    ids = grader.catalogue.techniques + grader.catalogue.pitfalls
    for name, path in SETS.items():
        rows = read_jsonl(path)
        print(f"== {name}: {path.relative_to(ROOT)}")
        print(table(evaluate(rows, grader), ids))
        print()
    blind = read_jsonl(SETS["blind (never tuned on)"])
    for lang in ("zh", "en"):
        for domain in ("banking", "other"):
            rows = [r for r in blind if r.get("lang") == lang and r.get("domain") == domain]
            m = evaluate(rows, grader).micro()
            print(
                f"blind {lang} {domain:<8} {len(rows):>4} replies  micro P {m.precision:.2f} R {m.recall:.2f} F1 {m.f1:.2f}"
            )


if __name__ == "__main__":
    main()
